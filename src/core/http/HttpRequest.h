#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace smsdesk {

// One complete HTTP request as the server parsed it: a plain value, with no socket behind
// it, so provider adapters and tests can take it as it is.
class HttpRequest
{
public:
    using Header = QPair<QByteArray, QByteArray>; // name as received, value trimmed

    QByteArray method; // "POST"
    QByteArray target; // the request target as received: "/webhooks/pbx?x=1"
    int versionMajor = 1;
    int versionMinor = 1;
    QList<Header> headers;
    QByteArray body; // decoded (chunked bodies joined)
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    qint64 receivedAtMs = 0; // when the first byte of the request arrived (UTC, ms)

    // The path without query string, percent-decoding not applied: "/webhooks/pbx".
    QByteArray path() const;
    QByteArray query() const;
    // Case-insensitive; the first value when the header repeats, empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // The media type of Content-Type, lower-case, without parameters: "application/json".
    QByteArray mediaType() const;
};

} // namespace smsdesk
