#include "HttpResponse.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <cstdio>
#include <cstring>

namespace smsdesk {

namespace {

bool nameIs(const QByteArray& name, const char* expected, qsizetype expectedSize)
{
    return name.size() == expectedSize && qstrnicmp(name.constData(), expected, expectedSize) == 0;
}

// Headers the connection writes itself; a handler's copy of them is dropped.
bool isFramingHeader(const QByteArray& name)
{
    return nameIs(name, "content-length", 14) || nameIs(name, "transfer-encoding", 17) ||
           nameIs(name, "connection", 10) || nameIs(name, "server", 6) || nameIs(name, "date", 4) ||
           nameIs(name, "keep-alive", 10);
}

bool hasLineBreak(const QByteArray& text)
{
    return std::memchr(text.constData(), '\r', size_t(text.size())) != nullptr ||
           std::memchr(text.constData(), '\n', size_t(text.size())) != nullptr;
}

void appendSanitized(QByteArray& out, const QByteArray& text)
{
    if (!hasLineBreak(text)) {
        out.append(text);
        return;
    }
    for (const char c : text)
        out.append(c == '\r' || c == '\n' ? ' ' : c);
}

bool bodyAllowed(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace

HttpResponse::HttpResponse(int statusCode, QByteArray responseBody, const QByteArray& contentType)
    : status(statusCode), body(std::move(responseBody))
{
    if (!contentType.isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), contentType});
}

HttpResponse HttpResponse::error(int statusCode, const QString& message)
{
    QJsonObject object;
    object.insert(QStringLiteral("error"), message);
    return json(statusCode, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int statusCode, QByteArray jsonBody)
{
    return HttpResponse(statusCode, std::move(jsonBody), QByteArrayLiteral("application/json"));
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    headers.removeIf([&name](const Header& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    headers.append({name, value});
}

void HttpResponse::addHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const Header& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray HttpResponse::reasonPhrase(int statusCode)
{
    // fromRawData: the phrases are static, no allocation per response.
    const auto phrase = [](const char* text) {
        return QByteArray::fromRawData(text, qsizetype(std::strlen(text)));
    };
    switch (statusCode) {
    case 100:
        return phrase("Continue");
    case 101:
        return phrase("Switching Protocols");
    case 200:
        return phrase("OK");
    case 201:
        return phrase("Created");
    case 202:
        return phrase("Accepted");
    case 204:
        return phrase("No Content");
    case 301:
        return phrase("Moved Permanently");
    case 302:
        return phrase("Found");
    case 304:
        return phrase("Not Modified");
    case 307:
        return phrase("Temporary Redirect");
    case 308:
        return phrase("Permanent Redirect");
    case 400:
        return phrase("Bad Request");
    case 401:
        return phrase("Unauthorized");
    case 403:
        return phrase("Forbidden");
    case 404:
        return phrase("Not Found");
    case 405:
        return phrase("Method Not Allowed");
    case 406:
        return phrase("Not Acceptable");
    case 408:
        return phrase("Request Timeout");
    case 409:
        return phrase("Conflict");
    case 410:
        return phrase("Gone");
    case 411:
        return phrase("Length Required");
    case 413:
        return phrase("Content Too Large");
    case 414:
        return phrase("URI Too Long");
    case 415:
        return phrase("Unsupported Media Type");
    case 417:
        return phrase("Expectation Failed");
    case 422:
        return phrase("Unprocessable Content");
    case 429:
        return phrase("Too Many Requests");
    case 431:
        return phrase("Request Header Fields Too Large");
    case 500:
        return phrase("Internal Server Error");
    case 501:
        return phrase("Not Implemented");
    case 502:
        return phrase("Bad Gateway");
    case 503:
        return phrase("Service Unavailable");
    case 504:
        return phrase("Gateway Timeout");
    case 505:
        return phrase("HTTP Version Not Supported");
    default:
        return phrase("Unknown");
    }
}

void HttpResponse::serializeTo(QByteArray& out, const Framing& framing) const
{
    const bool withBody = bodyAllowed(status);
    qsizetype headerBytes = 0;
    for (const Header& header : headers)
        headerBytes += header.first.size() + header.second.size() + 4;
    out.reserve(out.size() + 128 + headerBytes + (withBody ? body.size() : 0));

    const int code = (status >= 100 && status <= 999) ? status : 500;
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(code));
    out.append(' ');
    out.append(reasonPhrase(code));
    out.append("\r\nServer: smsdesk\r\n");
    if (!framing.date.isEmpty()) {
        out.append("Date: ");
        out.append(framing.date);
        out.append("\r\n");
    }
    for (const Header& header : headers) {
        if (header.first.isEmpty() || isFramingHeader(header.first) || hasLineBreak(header.first))
            continue;
        out.append(header.first);
        out.append(": ");
        appendSanitized(out, header.second);
        out.append("\r\n");
    }
    if (withBody) {
        out.append("Content-Length: ");
        out.append(QByteArray::number(body.size()));
        out.append("\r\n");
    }
    switch (framing.connection) {
    case ConnectionHeader::None:
        break;
    case ConnectionHeader::KeepAlive:
        out.append("Connection: keep-alive\r\n");
        break;
    case ConnectionHeader::Close:
        out.append("Connection: close\r\n");
        break;
    }
    out.append("\r\n");
    if (withBody && !framing.headRequest)
        out.append(body);
}

QByteArray HttpResponse::serialize(const Framing& framing) const
{
    QByteArray out;
    serializeTo(out, framing);
    return out;
}

QByteArray HttpResponse::serialize() const
{
    return serialize(Framing());
}

QByteArray HttpResponse::httpDate(qint64 secsSinceEpoch)
{
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime time = QDateTime::fromSecsSinceEpoch(secsSinceEpoch, Qt::UTC);
    const QDate date = time.date();
    const QTime clock = time.time();
    char text[40];
    const int length =
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                      days[date.dayOfWeek() - 1], date.day(), months[date.month() - 1], date.year(),
                      clock.hour(), clock.minute(), clock.second());
    return QByteArray(text, length);
}

} // namespace smsdesk
