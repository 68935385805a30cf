#pragma once

#include "listener/RequestReplayer.h"
#include "providers/samples/WebhookSample.h"
#include "store/NumberRecord.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace smsdesk {

class AppContext;

// Sends what an administrator sends to check a number end to end: a test webhook in the
// number's provider's format (WebhookSampleFactory), with the number's credentials read from the
// keychain, to the running listener, which says what it made of it (RequestReplayer). The
// Inspector's "Send test webhook" and the Numbers page's use it; so does the Inspector's replay,
// for the keychain.
class TestWebhookSender : public QObject
{
    Q_OBJECT

public:
    using SecretsDone = std::function<void(const RequestReplayer::Secrets&, const QString& error)>;
    // `error`: why nothing was sent, a whole sentence; empty when `result` is the answer.
    using Done = std::function<void(const RequestReplayer::Result& result, const QString& error)>;

    // `context` must outlive the sender.
    explicit TestWebhookSender(AppContext& context, QObject* parent = nullptr);
    ~TestWebhookSender() override;

    RequestReplayer& replayer() { return *m_replayer; }

    // The credentials of number `e164` the listener checks: its expected Authorization value
    // and its path token, each when asked for; `error` says why the keychain gave none.
    void readSecrets(const QString& e164, bool authorization, bool pathToken, SecretsDone done);
    // Sends a test webhook of `kind` for `number` to the listener at `listenerUrl`.
    void send(const NumberRecord& number, WebhookSample::Kind kind, const QUrl& listenerUrl,
              Done done);

    // What the listener answered, in words: "Test webhook: HTTP 200 — accepted (request #12)".
    static QString resultText(const QString& what, const RequestReplayer::Result& result);

private:
    AppContext& m_context;
    QNetworkAccessManager* m_network = nullptr;
    RequestReplayer* m_replayer = nullptr;
};

} // namespace smsdesk
