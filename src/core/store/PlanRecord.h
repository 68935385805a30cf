#pragma once

#include <QString>

namespace smsdesk {

// One SMS plan: what the provider allows a number per billing cycle.
struct PlanRecord
{
    qint64 id = 0;
    QString name;
    int monthlyLimit = 0;
    bool outboundIncluded = true;
    bool active = true;
    int cycleDay = 1; // day of the month a cycle starts; clamped to the month's last day
    qint64 createdAtMs = 0;
};

} // namespace smsdesk
