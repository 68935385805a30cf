#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace smsdesk {

// The billing cycle of an SMS plan that contains a given moment. A cycle starts at midnight,
// in the user's time zone, on the plan's cycle day and ends where the next one starts. A cycle
// day the month does not have (31 in April, 29-31 in February) means the month's last day, so
// a plan on day 31 runs Jan 31 - Feb 28, Feb 28 - Mar 31, Mar 31 - Apr 30, …
//
// Pure: the moment and the zone are passed in (the caller's Clock and time zone), so tests
// cross cycle boundaries without waiting for them.
class BillingCycle
{
public:
    // The cycle of a plan on `cycleDay` (clamped to 1..31) that contains `momentUtc`.
    static BillingCycle containing(const QDateTime& momentUtc, int cycleDay, const QTimeZone& zone);
    // The day a cycle starts in the month of `anyDayOfMonth`: cycleDay, or the month's last day.
    static QDate startInMonth(const QDate& anyDayOfMonth, int cycleDay);

    QDate startDate() const { return m_startDate; } // first day of the cycle, local
    QDate endDate() const { return m_endDate; }     // first day of the next cycle, local
    QDateTime start() const { return m_start; }     // UTC, inclusive
    QDateTime end() const { return m_end; }         // UTC, exclusive
    qint64 startMs() const { return m_start.toMSecsSinceEpoch(); }
    qint64 endMs() const { return m_end.toMSecsSinceEpoch(); }
    // Whole days from the moment's local date to the next cycle's first day (1 on the last
    // day of a cycle).
    int daysLeft() const { return m_daysLeft; }
    bool contains(qint64 utcMs) const { return utcMs >= startMs() && utcMs < endMs(); }

private:
    QDate m_startDate;
    QDate m_endDate;
    QDateTime m_start;
    QDateTime m_end;
    int m_daysLeft = 0;
};

} // namespace smsdesk
