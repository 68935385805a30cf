#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace smsdesk {

// The client of Zonitel's webhook registration API (document 002): PUT
// {base}api/v3/integrations/sms/webhooks with {"url": …} sets where Zonitel posts an account's
// webhooks, GET reads it back; both carry the account's X-Client-Id and its API token as
// "Authorization: Bearer …". Answers are read as the document shows them: {"status":
// "success", "data": {"url": …}, "message": …}, or {"code": 401|403|400|500, "message": …}.
//
// Never blocks: the callback runs on the caller's thread, never once `context` is gone. The
// token goes in the header only and never into a Result.
class ZonitelWebhookRegistration : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1String DefaultBase{"https://api.zonitel.com/"};
    static constexpr QLatin1String EndpointPath{"api/v3/integrations/sms/webhooks"};
    static constexpr int DefaultTimeoutMs = 15'000;

    struct Result
    {
        enum class Outcome
        {
            Ok,
            Unauthorized, // 401: the token is missing or wrong
            Forbidden,    // 403: the token may not act for this client id
            BadRequest,   // 400: the URL (or the request) was refused
            ServerError,  // 500 and other 5xx
            OtherStatus,  // any other HTTP status
            NoAnswer,     // no HTTP answer: DNS, connection, TLS, timeout
            BadAnswer,    // a 2xx whose body is not the document's
        };
        Outcome outcome = Outcome::NoAnswer;
        int httpStatus = 0;
        QString code;    // the error body's "code", as sent ("401"); empty when none
        QString message; // Zonitel's "message" (success or error)
        QString url;     // the registered URL (data.url) on success; empty when none is set
        QString error;   // NoAnswer and BadAnswer: what went wrong, in words
        bool ok() const { return outcome == Outcome::Ok; }
    };
    using Callback = std::function<void(const Result&)>;

    explicit ZonitelWebhookRegistration(QNetworkAccessManager& network, QObject* parent = nullptr);
    ~ZonitelWebhookRegistration() override;

    // An absolute http or https URL (a trailing "/" is added to its path); false with a
    // sentence in *error otherwise.
    static bool parseBase(const QString& text, QUrl* base, QString* error);
    static QUrl endpoint(const QUrl& base);
    // Empty when Zonitel can take `url` as a webhook URL (https://, a host); a sentence why not
    // otherwise.
    static QString checkWebhookUrl(const QString& url);

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // PUT: registers `webhookUrl` for the account `clientId`.
    void put(const QUrl& base, const QString& clientId, const QString& token,
             const QString& webhookUrl, QObject* context, Callback done);
    // GET: the URL registered for the account.
    void get(const QUrl& base, const QString& clientId, const QString& token, QObject* context,
             Callback done);

    // What `result` means, in words, for a PUT (`registering`) or a GET of `clientId`.
    static QString describe(const Result& result, bool registering, const QString& clientId);

private:
    void send(const QByteArray& verb, const QUrl& base, const QString& clientId,
              const QString& token, const QByteArray& body, QObject* context, Callback done);

    QNetworkAccessManager& m_network;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace smsdesk
