#pragma once

#include "store/NumberRecord.h"

#include <QList>
#include <QWidget>
#include <memory>

class QAction;
class QMenu;

namespace Ui {
class InspectorListenerBar;
}

namespace smsdesk {

class ListenerController;

// The listener in one row of the Inspector (ui/inspector/InspectorListenerBar.ui): its state
// (a coloured dot and a word), the address it listens on, Start/Stop, Copy URL (the button
// copies the listener's address; its menu the webhook URL of each enabled number, up to the
// path token a number keeps in the keychain), and the requests per second. The listener's
// failure reason and warnings go to messageChanged(), for the page to show under the row.
//
// Made by the page's form (a promoted widget): attach() gives it the listener.
class InspectorListenerBar : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorListenerBar(QWidget* parent = nullptr);
    ~InspectorListenerBar() override;

    // Shows and drives `listener`, which must outlive the bar.
    void attach(ListenerController& listener);
    // The numbers whose webhook URLs the Copy URL menu lists (the enabled ones).
    void setNumbers(const QList<NumberRecord>& numbers);
    // Shows `action` as a button in the row, after Copy URL.
    void setDrillAction(QAction* action);

    // The Copy URL menu (filled again each time it is shown).
    QMenu* copyUrlMenu() const { return m_copyUrlMenu; }
    // What a provider that takes only https:// webhook URLs (Zonitel) needs of a plain-HTTP
    // listener: a TLS front.
    static QString httpsNote(const QString& provider);
    // Where the listener is reached: its URL while it runs, else the one its address will
    // give (the default address when that cannot be read).
    QString baseUrl() const;

Q_SIGNALS:
    // Something to tell the user in passing ("Copied …").
    void statusMessage(const QString& text);
    // What the listener says now: why it failed (`error`), a warning, or nothing (empty).
    void messageChanged(const QString& text, bool error);

private:
    void buildCopyUrlMenu();
    void copy(const QString& text);
    void updateState();
    void updateRate(double rate);

    std::unique_ptr<Ui::InspectorListenerBar> m_ui;
    ListenerController* m_listener = nullptr;
    QMenu* m_copyUrlMenu = nullptr;
    QList<NumberRecord> m_numbers;
};

} // namespace smsdesk
