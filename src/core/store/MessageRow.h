#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// One message as the store keeps it (a row of `messages`), for MessageWriter. Store-level
// values only: the listener maps a provider's webhook to this.
struct MessageRow
{
    enum class Direction
    {
        Inbound,
        Outbound
    };

    Direction direction = Direction::Inbound;
    QString provider;    // required: ProviderCatalog id
    qint64 numberId = 0; // the provisioned number it belongs to; 0: none (stored as NULL)
    // Required: our number, E.164; '' for a message to a gateway device no number is
    // provisioned for yet (deviceId and sim say which).
    QString did;
    QString remote;            // required: the other party, E.164 or an alphanumeric sender
    QString text;              // exact; null is stored as ''
    QStringList media;         // URLs, stored as a JSON array
    QString status;            // required: "received" for inbound, a delivery status for outbound
    QString errorCode;         // empty: NULL
    QString providerMessageId; // empty: NULL
    std::optional<qint64> providerTimeMs; // UTC ms; none: NULL
    qint64 receivedAtMs = 0;              // UTC ms; 0: the writer's clock at submit()
    QString deviceId;                     // Android gateway: the device; empty: NULL
    int sim = -1;                         // Android gateway: its SIM slot; -1: NULL
    QString serviceId;                    // PBX: the service that received it; empty: NULL
    std::optional<int> segments;          // the SMS parts, when the provider says; none: NULL
    // Equal for every retry of the same provider message (computed upstream); a second row
    // with the same key is not stored: the writer answers Duplicate(id of the first).
    // Empty: NULL, never a duplicate.
    QString dedupeKey;

    static QString directionName(Direction direction)
    {
        return direction == Direction::Inbound ? QStringLiteral("inbound")
                                               : QStringLiteral("outbound");
    }
};

} // namespace smsdesk
