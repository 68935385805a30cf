#include "OutboxUpdate.h"

namespace smsdesk {

QString OutboxUpdate::status() const
{
    switch (result) {
    case Result::Sending:
        return QStringLiteral("sending");
    case Result::Retrying:
        return QStringLiteral("queued");
    case Result::Sent:
        return QStringLiteral("sent");
    case Result::RefusedLocally:
    case Result::RefusedByProvider:
    case Result::NetworkFailure:
        return QStringLiteral("failed");
    case Result::Unconfirmed:
        return QStringLiteral("unconfirmed");
    }
    return {};
}

} // namespace smsdesk
