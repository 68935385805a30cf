#include "ZonitelWebhookRegistration.h"

#include "util/HttpBase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace smsdesk {

namespace {

ZonitelWebhookRegistration::Result read(QNetworkReply* reply)
{
    using Result = ZonitelWebhookRegistration::Result;
    Result result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (result.httpStatus == 0) {
        result.outcome = Result::Outcome::NoAnswer;
        result.error = reply->errorString();
        return result;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    result.message = object.value(QLatin1String("message")).toString();
    const QJsonValue code = object.value(QLatin1String("code"));
    if (code.isDouble())
        result.code = QString::number(code.toInteger());
    else if (code.isString())
        result.code = code.toString();
    if (result.httpStatus >= 200 && result.httpStatus < 300) {
        const QJsonObject data = object.value(QLatin1String("data")).toObject();
        if (object.value(QLatin1String("status")).toString() != QLatin1String("success") ||
            !object.value(QLatin1String("data")).isObject()) {
            result.outcome = Result::Outcome::BadAnswer;
            result.error =
                ZonitelWebhookRegistration::tr(
                    "the answer is not the document's {\"status\": \"success\", \"data\": …}: %1")
                    .arg(QString::fromUtf8(body.left(200)));
            return result;
        }
        result.outcome = Result::Outcome::Ok;
        result.url = data.value(QLatin1String("url")).toString();
        return result;
    }
    switch (result.httpStatus) {
    case 400:
        result.outcome = Result::Outcome::BadRequest;
        break;
    case 401:
        result.outcome = Result::Outcome::Unauthorized;
        break;
    case 403:
        result.outcome = Result::Outcome::Forbidden;
        break;
    default:
        result.outcome =
            result.httpStatus >= 500 ? Result::Outcome::ServerError : Result::Outcome::OtherStatus;
        break;
    }
    if (result.message.isEmpty() && !object.contains(QLatin1String("message")))
        result.message = QString::fromUtf8(body.left(200)).trimmed();
    return result;
}

} // namespace

ZonitelWebhookRegistration::ZonitelWebhookRegistration(QNetworkAccessManager& network,
                                                       QObject* parent)
    : QObject(parent), m_network(network)
{}

ZonitelWebhookRegistration::~ZonitelWebhookRegistration() = default;

bool ZonitelWebhookRegistration::parseBase(const QString& text, QUrl* base, QString* error)
{
    if (HttpBase::parse(text, base))
        return true;
    *error = tr("\"%1\" is not an http:// or https:// address of Zonitel's API (like %2).")
                 .arg(text, QString(DefaultBase));
    return false;
}

QUrl ZonitelWebhookRegistration::endpoint(const QUrl& base)
{
    return base.resolved(QUrl(QString(EndpointPath)));
}

QString ZonitelWebhookRegistration::checkWebhookUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("The number has no webhook URL: enter the public https:// address Zonitel "
                  "should post to (the TLS front of this listener) in the number first.");
    if (!url.isValid() || url.scheme().toLower() != u"https" || url.host().isEmpty())
        return tr("Zonitel accepts only https:// webhook URLs, and \"%1\" is not one: put a TLS "
                  "front (a reverse proxy or a tunnel) before the listener and use its https:// "
                  "address.")
            .arg(text);
    return {};
}

void ZonitelWebhookRegistration::put(const QUrl& base, const QString& clientId,
                                     const QString& token, const QString& webhookUrl,
                                     QObject* context, Callback done)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("url"), webhookUrl.trimmed()}})
            .toJson(QJsonDocument::Compact);
    send("PUT", base, clientId, token, body, context, std::move(done));
}

void ZonitelWebhookRegistration::get(const QUrl& base, const QString& clientId,
                                     const QString& token, QObject* context, Callback done)
{
    send("GET", base, clientId, token, {}, context, std::move(done));
}

void ZonitelWebhookRegistration::send(const QByteArray& verb, const QUrl& base,
                                      const QString& clientId, const QString& token,
                                      const QByteArray& body, QObject* context, Callback done)
{
    QNetworkRequest request(endpoint(base));
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("X-Client-Id", clientId.trimmed().toUtf8());
    request.setRawHeader("Authorization", "Bearer " + token.trimmed().toUtf8());
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    QNetworkReply* reply = body.isEmpty() && verb == "GET"
                               ? m_network.get(request)
                               : m_network.sendCustomRequest(request, verb, body);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        const Result result = read(reply);
        if (guard)
            done(result);
    });
}

QString ZonitelWebhookRegistration::describe(const Result& result, bool registering,
                                             const QString& clientId)
{
    QString said;
    if (!result.message.isEmpty())
        said = result.code.isEmpty()
                   ? tr(" (HTTP %1: \u201c%2\u201d)").arg(result.httpStatus).arg(result.message)
                   : tr(" (HTTP %1, code %2: \u201c%3\u201d)")
                         .arg(result.httpStatus)
                         .arg(result.code, result.message);
    else if (result.httpStatus > 0)
        said = tr(" (HTTP %1)").arg(result.httpStatus);
    switch (result.outcome) {
    case Result::Outcome::Ok:
        if (registering)
            return tr("Zonitel took the webhook URL: it now posts the messages of client %1 to "
                      "%2.")
                .arg(clientId, result.url);
        return result.url.isEmpty()
                   ? tr("Zonitel has no webhook URL registered for client %1.").arg(clientId)
                   : tr("Zonitel posts the messages of client %1 to %2.").arg(clientId, result.url);
    case Result::Outcome::Unauthorized:
        return tr("Zonitel refused the API token%1: the token saved for client %2 is missing, "
                  "wrong or expired. Create a new one in Zonitel's portal and save it here.")
            .arg(said, clientId);
    case Result::Outcome::Forbidden:
        return tr("Zonitel denied access%1: the API token is valid but may not manage the "
                  "webhooks of client %2. Check the client id, or use a token of that account "
                  "with the right to change webhooks.")
            .arg(said, clientId);
    case Result::Outcome::BadRequest:
        return tr("Zonitel refused the request%1: the webhook URL must be an https:// address "
                  "that is publicly reachable, and the client id a valid one.")
            .arg(said);
    case Result::Outcome::ServerError:
        return tr("Zonitel had an internal error%1: nothing was changed on our side; try again "
                  "in a few minutes.")
            .arg(said);
    case Result::Outcome::OtherStatus:
        return tr("Zonitel answered with an unexpected status%1.").arg(said);
    case Result::Outcome::NoAnswer:
        return tr("Zonitel's API could not be reached: %1. Check the API address in the "
                  "settings and the network.")
            .arg(result.error);
    case Result::Outcome::BadAnswer:
        return tr("Zonitel answered, but not as its document says: %1").arg(result.error);
    }
    return {};
}

} // namespace smsdesk
