#pragma once

#include "store/NumberRecord.h"

#include <QDialog>
#include <functional>
#include <memory>

namespace Ui {
class NumberAdminDialog;
}

namespace smsdesk {

class AppContext;
class ListenerController;
class PublicUrlProbe;
class ZonitelWebhookRegistration;

// "Webhook setup" for one number: check that its public URL (the tunnel or reverse proxy the
// provider posts to) leads to this listener (PublicUrlProbe), and, for a Zonitel number, push
// its webhook URL to Zonitel and verify it (ZonitelWebhookRegistration) with the account's API
// token from the keychain (a token typed here is saved there first). Every outcome is shown in
// words beside what it concerns.
class NumberAdminDialog : public QDialog
{
    Q_OBJECT

public:
    // `context` and `listener` must outlive the dialog.
    NumberAdminDialog(AppContext& context, ListenerController& listener, const NumberRecord& number,
                      QWidget* parent = nullptr);
    ~NumberAdminDialog() override;

    const NumberRecord& number() const { return m_number; }

public Q_SLOTS:
    void checkUrl();
    void pushUrl();
    void verifyUrl();

Q_SIGNALS:
    // A check, push or verify finished (its words are shown); for tests.
    void probeFinished(bool ok);
    void zonitelFinished(bool ok);

private:
    // Runs `job` with the account's API token: the one typed (saved to the keychain first) or
    // the keychain's.
    void withToken(std::function<void(const QString& token)> job);
    void setZonitelBusy(bool busy, const QString& text = {});
    void showZonitel(const QString& text, bool ok);
    bool zonitelBase(QUrl* base);

    AppContext& m_context;
    ListenerController& m_listener;
    NumberRecord m_number;
    std::unique_ptr<Ui::NumberAdminDialog> m_ui;
    PublicUrlProbe* m_probe = nullptr;
    ZonitelWebhookRegistration* m_zonitel = nullptr;
};

} // namespace smsdesk
