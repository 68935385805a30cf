#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace smsdesk {

// "Check my public URL": sends a probe carrying a one-time token to the URL configured at the
// provider (a tunnel or reverse proxy in front of the listener) and says whether it arrived at
// this listener, or where it got lost: the name did not resolve, TLS failed, the connection was
// refused, nobody answered in time, another server answered, or the listener was reached at a
// path that is not the number's webhook path.
//
// The listener answers a probe (WebhookListener::ProbeHeader) without storing anything, echoing
// the token and the route it arrived at; the window's ListenerController reports the token
// through probeReceived(), which is handed to noteArrival(): only a token this listener saw
// counts as "arrived here" (another SMS Desk behind the same address echoes it too).
class PublicUrlProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10'000;
    // How long an echoed answer waits for this listener's word that the token arrived.
    static constexpr int ArrivalGraceMs = 2'000;

    struct Result
    {
        enum class Outcome
        {
            Arrived,       // this listener answered, at the number's webhook path
            WrongPath,     // this listener answered, at another path (`route` says which)
            OtherListener, // an SMS Desk listener answered, but not this one
            OtherServer,   // something else answered (`httpStatus`, `server`)
            Dns,           // the host name did not resolve
            Tls,           // the TLS handshake failed (certificate, protocol)
            Refused,       // the connection was refused
            Timeout,       // no answer in time
            Network,       // another network error (`error`)
            BadUrl,        // not an http:// or https:// URL
        };
        Outcome outcome = Outcome::Network;
        QUrl url;
        int httpStatus = 0;
        QString server; // the Server header of another server's answer
        QString route;  // the provider whose webhook path the probe arrived at ("*": /webhook)
        QString error;  // the network error, in Qt's words
        bool ok() const { return outcome == Outcome::Arrived; }
    };
    using Callback = std::function<void(const Result&)>;

    explicit PublicUrlProbe(QNetworkAccessManager& network, QObject* parent = nullptr);
    ~PublicUrlProbe() override;

    // A fresh one-time token: 32 random letters, digits, '-' and '_'.
    static QString newToken();

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Probes `url` for a number of `provider` (its webhook path is /webhooks/<provider>[/…] or
    // /webhook); `done` runs once, on this thread.
    void probe(const QUrl& url, const QString& provider, QObject* context, Callback done);
    // This listener received `token` (ListenerController::probeReceived).
    void noteArrival(const QString& token, const QString& route);

    // What `result` means, in words, for `provider`.
    static QString describe(const Result& result, const QString& provider);

private:
    struct Pending;
    void finishEchoed(const QString& token);

    QNetworkAccessManager& m_network;
    int m_timeoutMs = DefaultTimeoutMs;
    QHash<QString, QString> m_arrived;                  // token -> route, as this listener saw them
    QHash<QString, std::shared_ptr<Pending>> m_waiting; // echoed, waiting for noteArrival()
};

} // namespace smsdesk
