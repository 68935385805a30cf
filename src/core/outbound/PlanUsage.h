#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace smsdesk {

// How much of its plan one number (DID) has used in the current billing cycle, as
// PlanUsageReader reads it: what the plan guard decides on and the GUI shows.
struct PlanUsage
{
    qint64 numberId = 0;
    QString did; // E.164
    // A number without a plan is not limited locally: the fields below are then unset.
    bool hasPlan = false;
    qint64 planId = 0;
    QString planName;
    int limit = 0; // messages per billing cycle
    bool active = true;
    bool outboundIncluded = true;
    int cycleDay = 1;
    // Outbound messages of the number in the cycle that count against the limit: every one
    // the provider accepted or may yet accept (queued, sending, sent, unconfirmed, delivered,
    // automatic replies included); not the ones that failed before the provider took them.
    qint64 used = 0;
    QDateTime cycleStart; // UTC, inclusive
    QDateTime cycleEnd;   // UTC, exclusive
    QDate startDate;      // local (the user's time zone)
    QDate endDate;        // local: the next cycle's first day
    int daysLeft = 0;

    qint64 remaining() const { return hasPlan ? qMax<qint64>(0, qint64(limit) - used) : -1; }
    // Whole percent of the limit used (0 without a plan; 100 and more at or past the limit).
    int percent() const
    {
        if (!hasPlan || limit <= 0)
            return hasPlan ? 100 : 0;
        return int(used * 100 / limit);
    }
};

} // namespace smsdesk
