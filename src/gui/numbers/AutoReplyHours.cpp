#include "AutoReplyHours.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

int minuteOf(const QTime& time)
{
    return time.hour() * 60 + time.minute();
}

int endMinuteOf(const QTime& time)
{
    const int minute = minuteOf(time);
    return minute == 0 ? kMinutesPerDay : minute;
}

} // namespace

std::optional<AutoReplyHours> AutoReplyHours::of(const WeeklySchedule& schedule)
{
    AutoReplyHours hours;
    std::optional<WeeklySchedule::Interval> shared;
    for (int day = 1; day <= 7; ++day) {
        const QList<WeeklySchedule::Interval> intervals = schedule.intervals(day);
        if (intervals.isEmpty())
            continue;
        if (intervals.size() != 1 || (shared && !(*shared == intervals.first())))
            return std::nullopt;
        shared = intervals.first();
        hours.days.append(day);
    }
    if (shared) {
        hours.from = QTime(shared->fromMinute / 60, shared->fromMinute % 60);
        const int to = shared->toMinute % kMinutesPerDay;
        hours.to = QTime(to / 60, to % 60);
    }
    return hours;
}

WeeklySchedule AutoReplyHours::toSchedule(const QTimeZone& zone) const
{
    WeeklySchedule schedule;
    schedule.setTimeZone(zone);
    if (!problem().isEmpty())
        return schedule;
    const WeeklySchedule::Interval interval{minuteOf(from), endMinuteOf(to)};
    for (int day : days)
        schedule.setIntervals(day, {interval});
    return schedule;
}

QString AutoReplyHours::problem() const
{
    if (days.isEmpty())
        return QCoreApplication::translate("smsdesk::AutoReplyHours",
                                           "Choose the days the business is open.");
    if (endMinuteOf(to) <= minuteOf(from))
        return QCoreApplication::translate("smsdesk::AutoReplyHours",
                                           "The opening hours end before they start.");
    return {};
}

} // namespace smsdesk
