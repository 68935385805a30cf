#include "BillingCycle.h"

#include <algorithm>

namespace smsdesk {

namespace {

// Midnight of `date` in `zone`, as UTC. Where a zone skips midnight (a daylight-saving change at
// 00:00), the first moment of the day that exists.
QDateTime midnight(const QDate& date, const QTimeZone& zone)
{
    QDateTime local(date, QTime(0, 0), zone);
    if (!local.isValid())
        local = QDateTime(date, QTime(1, 0), zone);
    return local.toUTC();
}

} // namespace

QDate BillingCycle::startInMonth(const QDate& anyDayOfMonth, int cycleDay)
{
    const int day = std::clamp(cycleDay, 1, 31);
    return QDate(anyDayOfMonth.year(), anyDayOfMonth.month(),
                 std::min(day, anyDayOfMonth.daysInMonth()));
}

BillingCycle BillingCycle::containing(const QDateTime& momentUtc, int cycleDay,
                                      const QTimeZone& zone)
{
    const QDate today = momentUtc.toTimeZone(zone).date();
    const QDate firstOfMonth(today.year(), today.month(), 1);
    const QDate thisMonthStart = startInMonth(firstOfMonth, cycleDay);

    BillingCycle cycle;
    if (today >= thisMonthStart) {
        cycle.m_startDate = thisMonthStart;
        cycle.m_endDate = startInMonth(firstOfMonth.addMonths(1), cycleDay);
    } else {
        cycle.m_startDate = startInMonth(firstOfMonth.addMonths(-1), cycleDay);
        cycle.m_endDate = thisMonthStart;
    }
    cycle.m_start = midnight(cycle.m_startDate, zone);
    cycle.m_end = midnight(cycle.m_endDate, zone);
    cycle.m_daysLeft = int(today.daysTo(cycle.m_endDate));
    return cycle;
}

} // namespace smsdesk
