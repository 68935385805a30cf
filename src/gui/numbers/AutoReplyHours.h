#pragma once

#include "rules/WeeklySchedule.h"

#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <optional>

namespace smsdesk {

// The business hours as the auto-reply editor shows them: one interval (from, to) on a set of
// days. Converts to and from WeeklySchedule; a schedule with different hours on different days
// (written by hand or by `smsdesk numbers`) has no such form. Pure.
struct AutoReplyHours
{
    QList<int> days; // 1 = Monday … 7 = Sunday, as Qt::DayOfWeek
    QTime from{9, 0};
    QTime to{17, 0}; // 00:00: the end of the day (24:00)

    // The form of `schedule`; none when its open days do not share one interval. An empty
    // schedule gives no days and the default hours.
    static std::optional<AutoReplyHours> of(const WeeklySchedule& schedule);
    WeeklySchedule toSchedule(const QTimeZone& zone) const;
    // What is wrong with the hours (no day, ending before they start); empty when fine.
    QString problem() const;
};

} // namespace smsdesk
