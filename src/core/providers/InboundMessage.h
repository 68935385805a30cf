#pragma once

#include "providers/DeviceRef.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// One message a provider delivered to one of our numbers, as its adapter read it.
// Provider quirks end here: numbers are normalised, times are UTC, text is exact.
struct InboundMessage
{
    // Extras of the PBX carrier's form webhook.
    struct PbxDetails
    {
        QString serviceId;          // service_id: the PBX service that received it
        QString webhookUrl;         // webhook_url: where the carrier posted it (empty if absent)
        QString webhookUrlFallback; // webhook_url_fallback: its fallback email (empty if absent)
    };
    // Extras of the Android gateway's incoming-SMS webhook.
    struct GatewayDetails
    {
        qint64 internalId = 0; // internal_id: the phone's own SMS id
        QString deviceName;    // device_name
        QDateTime dateSent;    // date_sent, UTC (read like the message's time)
    };

    QString provider; // ProviderCatalog id: "oncloud", "pbx", "zonitel", "android-gateway"
    // The receiving number, E.164, when the payload names it (onCloud/Zonitel "to",
    // PBX "sms_number"); empty when the payload names a device instead.
    QString did;
    std::optional<DeviceRef> device; // gateway: device_id + sim, for the listener to map
    // The sender: E.164 ("+" and digits) or an alphanumeric sender name exactly as sent.
    QString remote;
    bool remoteIsAlphanumeric = false;
    QString text;      // byte-exact: QString from valid UTF-8, no trimming or newline changes
    QStringList media; // http/https URLs, as sent
    QString providerMessageId; // PBX message_id, Zonitel data.id, gateway sms_id; empty: none
    // UTC; null when the payload has no time (Zonitel). A time the payload gives without a zone
    // (gateway) was read in the receiving number's time zone.
    QDateTime providerTime;
    std::optional<int> segments; // when the provider says (Zonitel)
    QString dedupeKey; // equal for retries of the same webhook, distinct for distinct messages

    std::optional<PbxDetails> pbx;
    std::optional<GatewayDetails> gateway;
};

} // namespace smsdesk
