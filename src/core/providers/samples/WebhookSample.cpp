#include "WebhookSample.h"

#include "http/HttpRequest.h"

namespace smsdesk {

HttpRequest WebhookSample::request() const
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.target = path;
    request.headers.append({QByteArrayLiteral("Host"), QByteArrayLiteral("127.0.0.1")});
    request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    request.headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())});
    if (!authorization.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), authorization});
    request.body = body;
    return request;
}

QString WebhookSample::label() const
{
    const QString what = kind == Kind::Status ? QStringLiteral(" status") : QString();
    return QStringLiteral("%1%2 #%3 (%4)").arg(provider, what).arg(sequence).arg(variation);
}

} // namespace smsdesk
