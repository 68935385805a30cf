#include "ZonitelApi.h"

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace smsdesk {

namespace {

HttpResponse error(int status)
{
    return HttpResponse::json(status, ZonitelApi::errorBody(status));
}

HttpResponse success(const QString& url, const QString& message)
{
    const QJsonValue data = url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(url);
    return HttpResponse::json(
        200, QJsonDocument(
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                             {QStringLiteral("data"), QJsonObject{{QStringLiteral("url"), data}}},
                             {QStringLiteral("message"), message}})
                 .toJson(QJsonDocument::Compact));
}

// https://, a host, and a public one: Zonitel must be able to reach it.
bool isPublicHttps(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return false;
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return false;
    const QHostAddress address(host);
    if (address.isNull())
        return host.contains(u'.'); // a name: public if it has a domain
    if (address.isLoopback() || address.isLinkLocal())
        return false;
    // Private ranges (QHostAddress::isPrivateUse() is Qt 6.6).
    for (const char* subnet : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"}) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet))))
            return false;
    }
    return true;
}

} // namespace

QByteArray ZonitelApi::errorBody(int status)
{
    QString message;
    switch (status) {
    case 401:
        message = QStringLiteral("Authentication required");
        break;
    case 403:
        message = QStringLiteral("Access denied");
        break;
    case 400:
        message = QStringLiteral("Invalid request parameters");
        break;
    default:
        message = QStringLiteral("An internal server error occurred");
        break;
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

HttpResponse ZonitelApi::answer(const HttpRequest& request)
{
    ++m_requests;
    if (m_forcedStatus != 0)
        return error(m_forcedStatus);
    const QByteArray authorization = request.header("Authorization").trimmed();
    const QString token = authorization.startsWith("Bearer ")
                              ? QString::fromUtf8(authorization.mid(7)).trimmed()
                              : QString();
    if (token.isEmpty() || (!m_token.isEmpty() && token != m_token))
        return error(401);
    const QString client = QString::fromUtf8(request.header("X-Client-Id")).trimmed();
    if (client.isEmpty() || (!m_clients.isEmpty() && !m_clients.contains(client)))
        return error(403);
    if (request.method == "GET")
        return success(m_urls.value(client), QStringLiteral("Webhook retrieved successfully"));
    if (request.method != "PUT")
        return error(400);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonValue url = document.object().value(QLatin1String("url"));
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !url.isString() ||
        !isPublicHttps(url.toString()))
        return error(400);
    m_urls.insert(client, url.toString());
    return success(url.toString(), QStringLiteral("Webhook updated successfully"));
}

} // namespace smsdesk
