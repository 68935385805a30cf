#pragma once

#include "providers/ProviderAdapter.h"
#include "providers/StatusUpdate.h"

namespace smsdesk {

// The Android SMS gateway app (specs/003): two JSON webhooks, incoming SMS
// {address, date, date_sent, body, internal_id, sim, sms_id, device_id, device_name} and
// delivery status {sms_id, status_id, status_message, sendto, senttime, sim, device_id}.
// Both may be pointed at the same URL: the fields tell them apart.
class AndroidGatewayAdapter final : public ProviderAdapter
{
public:
    struct StatusInfo
    {
        DeliveryStatus status = DeliveryStatus::Unknown;
        QString meaning; // the document's words; empty for a status id it does not list
    };

    static QString providerId() { return QStringLiteral("android-gateway"); }
    // The document's status table (1, 3, 2, 5, 6, 7, 8, 9, 10, 11, 12, 100, 101).
    static StatusInfo statusInfo(qint64 statusId);

    QString id() const override { return providerId(); }
    bool recognizes(const HttpRequest& request) const override;
    AdapterResult parse(const HttpRequest& request, const AdapterContext& context) const override;

private:
    static AdapterResult parseIncoming(const QJsonObject& object, const AdapterContext& context);
    static AdapterResult parseStatus(const QJsonObject& object, const AdapterContext& context);
};

} // namespace smsdesk
