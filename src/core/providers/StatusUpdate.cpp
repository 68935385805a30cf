#include "StatusUpdate.h"

namespace smsdesk {

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Queued:
        return QStringLiteral("queued");
    case DeliveryStatus::Sent:
        return QStringLiteral("sent");
    case DeliveryStatus::Delivered:
        return QStringLiteral("delivered");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    case DeliveryStatus::Received:
        return QStringLiteral("received");
    case DeliveryStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<DeliveryStatus> deliveryStatusFromName(const QString& name)
{
    for (const DeliveryStatus status :
         {DeliveryStatus::Unknown, DeliveryStatus::Queued, DeliveryStatus::Sent,
          DeliveryStatus::Delivered, DeliveryStatus::Failed, DeliveryStatus::Received}) {
        if (deliveryStatusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace smsdesk
