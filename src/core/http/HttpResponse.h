#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QString;

namespace smsdesk {

// One HTTP response as a plain value. The connection frames it: Content-Length, Connection,
// Server and Date are written by serializeTo(), never taken from `headers`.
class HttpResponse
{
public:
    using Header = QPair<QByteArray, QByteArray>;

    int status = 200;
    QList<Header> headers; // written in this order, after Server and Date
    QByteArray body;

    HttpResponse() = default;
    explicit HttpResponse(int statusCode, QByteArray responseBody = {},
                          const QByteArray& contentType = {});

    // `{"error":"<message>"}` with Content-Type application/json.
    static HttpResponse error(int statusCode, const QString& message);
    // A body that is already JSON.
    static HttpResponse json(int statusCode, QByteArray jsonBody);

    // Replaces every header named `name` (case-insensitive) by one with `value`.
    void setHeader(const QByteArray& name, const QByteArray& value);
    void addHeader(const QByteArray& name, const QByteArray& value);
    // Case-insensitive; the first value, empty when absent.
    QByteArray header(const QByteArray& name) const;

    // "OK", "Not Found", ...; "Unknown" for codes outside the table.
    static QByteArray reasonPhrase(int statusCode);

    enum class ConnectionHeader
    {
        None,      // HTTP/1.1 keep-alive: nothing to say
        KeepAlive, // HTTP/1.0 client that asked for keep-alive
        Close,     // the server closes after this response
    };
    struct Framing
    {
        ConnectionHeader connection = ConnectionHeader::None;
        bool headRequest = false; // HEAD: Content-Length of the body, but no body bytes
        QByteArray date;          // IMF-fixdate for the Date header; empty: no Date header
    };
    // Appends the whole response (status line, headers, body) to `out`, so it can go to the
    // socket in one write. Header values with CR or LF have them replaced by spaces.
    void serializeTo(QByteArray& out, const Framing& framing) const;
    QByteArray serialize(const Framing& framing) const;
    QByteArray serialize() const; // keep-alive framing, no Date

    // "Sun, 06 Nov 1994 08:49:37 GMT" for `secsSinceEpoch` (UTC; locale-independent).
    static QByteArray httpDate(qint64 secsSinceEpoch);
};

} // namespace smsdesk
