#pragma once

#include "SendResult.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace smsdesk {

class Clock;

// The client of onCloud's outbound endpoint (document 000): POST {base}/webhook-to-sms.php with
// Content-Type application/json and {"from","to","text","secret","media_url"}, numbers digits
// only. It sends exactly once: QNetworkAccessManager silently sends a request again when a
// connection drops before the answer (a POST too); the body goes through a device that cannot
// be rewound, so a dropped connection ends the request instead (SendResult::NoAnswer) and the
// outbox decides. The answer is read as the document shows it: the carrier id out of "SMS Queued
// | FROM: … | TO: … | ID: …", the code out of "… Error: [WH-…]".
//
// Uses the QNetworkAccessManager it is given (one per process, never one per send) and never
// blocks: the callback runs on the caller's thread, never when `context` is gone. Redirects are
// not followed (a redirected POST is reported as the HTTP answer it is), HTTP/2 is not used.
// The secret is put in the body and nowhere else; it is scrubbed from whatever comes back.
class OnCloudOutboundClient : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString from;     // digits only: the DID without "+"
        QString to;       // digits only
        QString text;     // may be empty when mediaUrl is set
        QString mediaUrl; // empty: no media_url field
        QString secret;   // the number's webhook secret, from the keychain
    };
    using Callback = std::function<void(const SendResult&)>;

    static constexpr int DefaultTimeoutMs = 30'000;
    static constexpr QLatin1String DefaultBase{"https://api.cloudspirevoice.com/"};
    static constexpr QLatin1String EndpointPath{"webhook-to-sms.php"};

    OnCloudOutboundClient(QNetworkAccessManager& network, const Clock& clock,
                          QObject* parent = nullptr);
    ~OnCloudOutboundClient() override;

    // An absolute http or https URL (a trailing "/" is added to its path); false with a
    // sentence in *error otherwise.
    static bool parseBase(const QString& text, QUrl* base, QString* error);
    void setBase(const QUrl& base);
    QUrl base() const { return m_base; }
    QUrl endpoint() const;
    // How long one request may take, connecting included; then it is abandoned: NotSent when
    // it never went out, NoAnswer when it did.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    // The JSON body, keys in the document's order; media_url only when given.
    static QByteArray body(const Request& request);
    void send(const Request& request, QObject* context, Callback done);
    int inFlight() const { return m_inFlight; }

private:
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    QUrl m_base;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_inFlight = 0;
};

} // namespace smsdesk
