#include "OnCloudOutboundClient.h"

#include "OutboundErrorCatalogue.h"
#include "providers/samples/OrderedJson.h"
#include "util/Clock.h"
#include "util/HttpBase.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <cstring>
#include <memory>

namespace smsdesk {

namespace {

// The request body, readable once. QNetworkAccessManager sends a request again on a new
// connection when the old one closed before any answer, also a POST, after rewinding its upload
// device; this one refuses to rewind (QNetworkReply::ContentReSendError), so a message that may
// have reached the provider is never sent a second time behind our back.
class OneShotUploadDevice final : public QIODevice
{
public:
    explicit OneShotUploadDevice(QByteArray data) : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
        std::memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

// "Retry-After: 120" or an HTTP date; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray& value, const QDateTime& now)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? seconds * 1000 : -1;
    const QDateTime at =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return std::max<qint64>(0, now.msecsTo(at));
}

void scrub(SendResult& result, const QString& secret)
{
    if (secret.isEmpty())
        return;
    const QString mask = QStringLiteral("[secret]");
    result.answer.replace(secret.toUtf8(), mask.toUtf8());
    result.providerMessage.replace(secret, mask);
    result.error.replace(secret, mask);
}

// Reads an HTTP answer as document 000 describes it.
void readAnswer(SendResult& result)
{
    const bool success = result.httpStatus >= 200 && result.httpStatus < 300;
    const bool transient = result.httpStatus == 429 || result.httpStatus >= 500;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.answer, &parseError);
    const QJsonObject object = document.object();
    const QString status = object.value(QLatin1String("status")).toString();
    result.providerMessage = object.value(QLatin1String("message")).toString();
    result.code = OutboundErrorCatalogue::codeIn(result.providerMessage);

    if (!result.code.isEmpty()) {
        result.outcome = SendResult::Outcome::Refused;
    } else if (success && status == u"success") {
        result.outcome = SendResult::Outcome::Accepted;
        static const QRegularExpression id(QStringLiteral("\\bID:\\s*([^\\s|]+)"));
        result.carrierId = id.match(result.providerMessage).captured(1);
    } else if (status == u"error" && !transient) {
        result.outcome = SendResult::Outcome::Refused;
    } else if (success) {
        result.outcome = SendResult::Outcome::BadAnswer;
        result.error = parseError.error != QJsonParseError::NoError || !document.isObject()
                           ? QStringLiteral("the answer is not JSON")
                           : QStringLiteral("the answer has no \"status\":\"success\"");
    } else {
        result.outcome = SendResult::Outcome::HttpError;
    }
}

} // namespace

OnCloudOutboundClient::OnCloudOutboundClient(QNetworkAccessManager& network, const Clock& clock,
                                             QObject* parent)
    : QObject(parent), m_network(network), m_clock(clock), m_base(QString(DefaultBase))
{}

OnCloudOutboundClient::~OnCloudOutboundClient() = default;

bool OnCloudOutboundClient::parseBase(const QString& text, QUrl* base, QString* error)
{
    if (HttpBase::parse(text, base))
        return true;
    *error = tr("\"%1\" is not an http:// or https:// address of the outbound API (like %2).")
                 .arg(text, QString(DefaultBase));
    return false;
}

void OnCloudOutboundClient::setBase(const QUrl& base)
{
    m_base = base;
}

QUrl OnCloudOutboundClient::endpoint() const
{
    return m_base.resolved(QUrl(QString(EndpointPath)));
}

QByteArray OnCloudOutboundClient::body(const Request& request)
{
    OrderedJson json;
    json.add(QStringLiteral("from"), request.from)
        .add(QStringLiteral("to"), request.to)
        .add(QStringLiteral("text"), request.text)
        .add(QStringLiteral("secret"), request.secret);
    if (!request.mediaUrl.isEmpty())
        json.add(QStringLiteral("media_url"), request.mediaUrl);
    return json.toJson();
}

void OnCloudOutboundClient::send(const Request& request, QObject* context, Callback done)
{
    auto result = std::make_shared<SendResult>();
    result->url = endpoint().toString();
    result->from = request.from;
    result->to = request.to;
    result->startedAtMs = m_clock.nowMs();

    const QByteArray payload = body(request);
    QNetworkRequest http(endpoint());
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
    http.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("SMS Desk"));
    http.setRawHeader("Accept", "application/json");
    // A connection of its own: a kept-alive one the server closed meanwhile would end the
    // send as "no answer" although nothing went out.
    http.setRawHeader("Connection", "close");
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    http.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    http.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);

    auto* device = new OneShotUploadDevice(payload);
    QNetworkReply* reply = m_network.post(http, device);
    device->setParent(reply);
    ++m_inFlight;

    struct Progress
    {
        bool sent = false;
        bool timedOut = false;
        QElapsedTimer elapsed;
    };
    auto progress = std::make_shared<Progress>();
    progress->elapsed.start();
    connect(reply, &QNetworkReply::requestSent, reply, [progress] { progress->sent = true; });
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse one may fire 5 % early
    connect(timer, &QTimer::timeout, reply, [progress, reply] {
        progress->timedOut = true;
        reply->abort();
    });
    timer->start(m_timeoutMs);

    QPointer<QObject> guard(context);
    const QString secret = request.secret;
    const int timeoutMs = m_timeoutMs;
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, timer, progress, result, guard, secret, timeoutMs, done = std::move(done)] {
            timer->stop();
            --m_inFlight;
            result->latencyMs = progress->elapsed.elapsed();
            result->requestSent = progress->sent;
            const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (status.isValid() && status.toInt() > 0) {
                result->httpStatus = status.toInt();
                result->answer = reply->read(SendResult::MaxAnswerBytes);
                result->retryAfterMs =
                    retryAfterMs(reply->rawHeader("Retry-After"), m_clock.nowUtc());
                readAnswer(*result);
            } else {
                result->outcome =
                    progress->sent ? SendResult::Outcome::NoAnswer : SendResult::Outcome::NotSent;
                if (progress->timedOut) {
                    result->error =
                        progress->sent
                            ? QStringLiteral("no answer within %1 ms").arg(timeoutMs)
                            : QStringLiteral("no connection within %1 ms").arg(timeoutMs);
                } else if (reply->error() == QNetworkReply::ContentReSendError) {
                    result->error = QStringLiteral(
                        "the connection closed before an answer came (not sent again)");
                } else {
                    result->error = reply->errorString();
                }
            }
            scrub(*result, secret);
            reply->deleteLater();
            if (guard)
                done(*result);
        });
}

} // namespace smsdesk
