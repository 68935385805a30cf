#pragma once

#include <QString>

namespace smsdesk {

// The listener's address (setting listener/listen, HOST:PORT as ListenerService::parseAddress
// reads it) as the Settings dialog's two fields show it, and back: "127.0.0.1:8080" is
// {"127.0.0.1", 8080}, "[::1]:9000" is {"::1", 9000}, ":8080" (every interface) is {"", 8080}.
// Pure functions, no widgets.
struct ListenAddressFields
{
    QString host;
    quint16 port = 0; // 0 when the text has no usable port

    static ListenAddressFields split(const QString& listen);
    // HOST:PORT with an IPv6 host in brackets; an empty host listens on every interface.
    static QString join(const QString& host, quint16 port);
};

} // namespace smsdesk
