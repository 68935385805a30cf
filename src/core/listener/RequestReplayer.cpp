#include "RequestReplayer.h"

#include "WebhookListener.h"
#include "store/RequestLogRow.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <memory>

namespace smsdesk {

RequestReplayer::RequestReplayer(QNetworkAccessManager& network, QObject* parent)
    : QObject(parent), m_network(network)
{}

void RequestReplayer::replay(const RequestLogEntry& entry, const QUrl& listenerUrl,
                             const Secrets& secrets, Done done)
{
    QByteArray target = entry.target.toLatin1();
    if (!secrets.pathToken.isEmpty())
        target.replace("[token]", secrets.pathToken);
    QUrl url = listenerUrl;
    url.setPath(QString());
    url = QUrl(url.toString(QUrl::StripTrailingSlash) + QString::fromLatin1(target),
               QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // No HTTP/2 upgrade attempt, no cookies, no redirects: the request as it was.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    for (const RequestLogEntry::Header& header : entry.headers) {
        if (RequestLogRow::isConnectionHeader(header.first))
            continue;
        if (RequestLogRow::isSecretHeader(header.first)) {
            if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0 &&
                secrets.authorization)
                request.setRawHeader(header.first, *secrets.authorization);
            continue;
        }
        request.setRawHeader(header.first, header.second);
    }
    request.setRawHeader(WebhookListener::ReplayHeader, QByteArray::number(entry.id));

    auto* body = new QBuffer;
    body->setData(entry.body);
    body->open(QIODevice::ReadOnly);
    QNetworkReply* reply = m_network.sendCustomRequest(request, entry.method.toLatin1(), body);
    body->setParent(reply);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(reply, &QNetworkReply::finished, this, [reply, timer, done = std::move(done)] {
        reply->deleteLater();
        Result result;
        result.latencyMs = timer->elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.outcome = QString::fromLatin1(reply->rawHeader(WebhookListener::OutcomeHeader));
        result.requestLogId = reply->rawHeader(WebhookListener::RequestLogIdHeader).toLongLong();
        if (result.status == 0)
            result.error = reply->errorString();
        done(result);
    });
}

} // namespace smsdesk
