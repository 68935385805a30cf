#pragma once

#include "providers/DeviceRef.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// Where an outbound message stands, in SMS Desk's words. The provider's own value
// stays in StatusUpdate::rawStatus.
enum class DeliveryStatus
{
    Unknown,   // a status the adapter does not know: kept raw, never rejected
    Queued,    // accepted, not yet handed to the network
    Sent,      // handed to the network
    Delivered, // the handset confirmed it
    Failed,    // not sent or not delivered
    Received,  // the provider reports an incoming message (gateway status 5): the report
               // concerns the inbound message with that id, never one we sent
};

// "unknown", "queued", "sent", "delivered", "failed", "received": the stored form.
QString deliveryStatusName(DeliveryStatus status);
// The inverse of deliveryStatusName; nullopt for any other text.
std::optional<DeliveryStatus> deliveryStatusFromName(const QString& name);

// A provider's report on a message we sent (Zonitel outbound notifications, gateway
// delivery-status webhooks).
struct StatusUpdate
{
    QString provider;                // ProviderCatalog id
    QString providerMessageId;       // Zonitel data.id, gateway sms_id
    QString did;                     // our number, E.164, when given (Zonitel "from")
    std::optional<DeviceRef> device; // gateway: device_id + sim
    QString remote; // the recipient, E.164, when given (Zonitel "to", gateway "sendto")
    DeliveryStatus status = DeliveryStatus::Unknown;
    QString rawStatus;     // the provider's value as sent: Zonitel "delivered", gateway "8"
    QString statusText;    // the provider's words: Zonitel "message", gateway "status_message"
    QString statusMeaning; // the document's meaning of rawStatus ("SMS was NOT Delivered")
    QString errorCode;     // failures only: the provider's code (gateway status_id, Zonitel status)
    QDateTime providerTime; // UTC; null when the payload has none
    // What the report says about the message itself (Zonitel: messageText, medias, segments),
    // for a message the app did not send and first learns of from its report.
    std::optional<QString> messageText;
    QStringList media;
    std::optional<int> segments;
    QString dedupeKey;
};

} // namespace smsdesk
