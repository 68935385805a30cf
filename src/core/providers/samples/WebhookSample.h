#pragma once

#include "providers/DeviceRef.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

class HttpRequest;

// One webhook request exactly as a provider would send it (path, Content-Type, body,
// Authorization), together with what it says (the values a correct receiver must read from
// it), so that tests can compare an adapter's reading with the truth.
class WebhookSample
{
public:
    enum class Kind
    {
        Inbound, // a message to one of our numbers
        Status,  // a delivery report on a message we sent (Zonitel, Android gateway)
    };

    QString provider; // ProviderCatalog id
    Kind kind = Kind::Inbound;
    int sequence = 0;  // n: the message's number in its run
    QString variation; // what this sample shows: "document example", "unicode and emoji", …

    QByteArray path;          // "/webhooks/<provider>"
    QByteArray contentType;   // the Content-Type header
    QByteArray body;          // the bytes on the wire
    QByteArray authorization; // the Authorization value; empty: the header is not sent

    // What the payload says, read the way the documents define it.
    QString did;                     // our number, E.164; empty when the payload names a device
    std::optional<DeviceRef> device; // Android gateway: device_id + sim
    QString remote;                  // the other side: E.164, or a sender name as sent
    bool remoteIsAlphanumeric = false;
    QString text;
    QStringList media;
    QString messageId; // the provider's message id; empty when the payload has none (onCloud)
    QString status;    // status webhooks: the provider's raw status ("delivered", "7")
    QDateTime time;    // the provider's time, UTC; null when the payload has none (Zonitel)

    // A POST request value with the sample's target, headers and body, as HttpServer would
    // hand it to a handler (for feeding adapters directly).
    HttpRequest request() const;
    // "oncloud #3 (unicode and emoji)", for messages; never includes the Authorization value.
    QString label() const;
};

} // namespace smsdesk
