#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace smsdesk {

class AppContext;
class ListenerController;

// Settings (Ctrl+,): the listener's address and port, whether it starts with the window, what
// happens to messages for numbers that are not provisioned, how long the request log is kept,
// the region of numbers typed without a country code and the address of Zonitel's API (numbers'
// webhook registration). Checks the address as it is typed
// (a port another program holds is said at once, and "Use a free port" picks one); changes the
// listener only reads at its start offer to restart it on save. Writes through the context's
// Settings; the settings file's place is shown at the bottom.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppContext& context, ListenerController& listener, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Whether saving will restart the listener (the changes need it, it is running or failed,
    // and the user left "Restart the listener" checked).
    bool willRestartListener() const;

public Q_SLOTS:
    void accept() override;

private:
    void load();
    void validate();
    void pickFreePort();
    QString listenText() const;
    // The listener reads these only when it starts.
    bool listenerSettingsChanged() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppContext& m_context;
    ListenerController& m_listener;
    bool m_valid = false;
};

} // namespace smsdesk
