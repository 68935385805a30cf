#include "WeeklySchedule.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::WeeklySchedule", text);
}

const QStringList& dayNames()
{
    static const QStringList names = {
        QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
        QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return names;
}

// "09:00" -> 540; "24:00" -> 1440; -1 when it is not a time.
int minuteOf(const QString& text)
{
    static const QRegularExpression time(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch match = time.match(text);
    if (!match.hasMatch())
        return -1;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        return -1;
    return hour * 60 + minute;
}

QString timeText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QString intervalsText(const QList<WeeklySchedule::Interval>& intervals)
{
    QStringList parts;
    for (const WeeklySchedule::Interval& interval : intervals)
        parts.append(timeText(interval.fromMinute) + u'-' + timeText(interval.toMinute));
    return parts.join(u',');
}

// Days of a "mon-fri,sun" list as indexes 0..6; empty with *error set when one is wrong.
QList<int> daysOf(const QString& text, QString* error)
{
    QList<int> days;
    for (const QString& item : text.split(u',')) {
        const QStringList range = item.split(u'-');
        const int first = dayNames().indexOf(range.value(0).toLower());
        const int last = range.size() == 2 ? dayNames().indexOf(range.value(1).toLower()) : first;
        if (range.size() > 2 || first < 0 || last < 0) {
            *error = tr("\"%1\" is not a day or a range of days (mon, tue, wed, thu, fri, sat, "
                        "sun; mon-fri)")
                         .arg(item);
            return {};
        }
        // A range may wrap round the week: "fri-mon".
        for (int day = first;; day = (day + 1) % 7) {
            if (!days.contains(day))
                days.append(day);
            if (day == last)
                break;
        }
    }
    return days;
}

} // namespace

bool WeeklySchedule::parse(const QString& text, WeeklySchedule* schedule, QString* error)
{
    WeeklySchedule result;
    result.m_zone = schedule->m_zone;
    for (const QString& rawEntry : text.split(u';', Qt::SkipEmptyParts)) {
        const QString entry = rawEntry.simplified();
        if (entry.isEmpty())
            continue;
        const qsizetype space = entry.indexOf(u' ');
        if (space < 0) {
            *error = tr("\"%1\" needs days and hours, such as \"mon-fri 09:00-17:00\"").arg(entry);
            return false;
        }
        const QList<int> days = daysOf(entry.left(space), error);
        if (days.isEmpty())
            return false;
        QList<Interval> intervals;
        for (const QString& item : entry.mid(space + 1).remove(u' ').split(u',')) {
            const QStringList bounds = item.split(u'-');
            const int from = bounds.size() == 2 ? minuteOf(bounds.at(0)) : -1;
            const int to = bounds.size() == 2 ? minuteOf(bounds.at(1)) : -1;
            if (from < 0 || to < 0 || from >= 1440) {
                *error = tr("\"%1\" is not a time range such as 09:00-17:00").arg(item);
                return false;
            }
            if (to <= from) {
                *error = tr("%1 ends before it starts (an interval past midnight is two: "
                            "\"fri 22:00-24:00; sat 00:00-02:00\")")
                             .arg(item);
                return false;
            }
            intervals.append({from, to});
        }
        for (const int day : days) {
            QList<Interval> merged = result.m_days[day] + intervals;
            result.setIntervals(day + 1, merged);
        }
    }
    *schedule = result;
    return true;
}

QString WeeklySchedule::toString() const
{
    QStringList entries;
    for (int day = 0; day < 7;) {
        if (m_days[day].isEmpty()) {
            ++day;
            continue;
        }
        int last = day;
        while (last + 1 < 7 && m_days[last + 1] == m_days[day])
            ++last;
        const QString days =
            last == day ? dayNames().at(day) : dayNames().at(day) + u'-' + dayNames().at(last);
        entries.append(days + u' ' + intervalsText(m_days[day]));
        day = last + 1;
    }
    return entries.join(QStringLiteral("; "));
}

QList<WeeklySchedule::Interval> WeeklySchedule::intervals(int day) const
{
    return day >= 1 && day <= 7 ? m_days[day - 1] : QList<Interval>();
}

void WeeklySchedule::setIntervals(int day, QList<Interval> intervals)
{
    if (day < 1 || day > 7)
        return;
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.fromMinute < b.fromMinute; });
    // Overlapping or touching intervals become one.
    QList<Interval> merged;
    for (const Interval& interval : std::as_const(intervals)) {
        if (!merged.isEmpty() && interval.fromMinute <= merged.last().toMinute)
            merged.last().toMinute = std::max(merged.last().toMinute, interval.toMinute);
        else
            merged.append(interval);
    }
    m_days[day - 1] = merged;
}

bool WeeklySchedule::isEmpty() const
{
    return std::all_of(std::begin(m_days), std::end(m_days),
                       [](const QList<Interval>& day) { return day.isEmpty(); });
}

bool WeeklySchedule::isOpen(const QDateTime& at) const
{
    const QDateTime local = at.toTimeZone(m_zone);
    const int minute = local.time().hour() * 60 + local.time().minute();
    const QList<Interval>& today = m_days[local.date().dayOfWeek() - 1];
    return std::any_of(today.begin(), today.end(), [minute](const Interval& interval) {
        return minute >= interval.fromMinute && minute < interval.toMinute;
    });
}

bool WeeklySchedule::operator==(const WeeklySchedule& other) const
{
    return m_zone == other.m_zone &&
           std::equal(std::begin(m_days), std::end(m_days), std::begin(other.m_days));
}

} // namespace smsdesk
