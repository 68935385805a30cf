#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace smsdesk {

// Business hours: for each day of the week the intervals the business is open, in a time zone
// (an IANA id such as "America/New_York"; the system's when none is set). Used by the
// out-of-hours auto-reply. Written and read as text a person can edit and a settings field can
// hold: "mon-fri 09:00-17:00; sat 10:00-14:00" (days: mon tue wed thu fri sat sun, a range with
// '-', several days with ','; several intervals of a day with ','; "24:00" ends a day). A pure
// value.
class WeeklySchedule
{
public:
    struct Interval
    {
        int fromMinute = 0; // minutes after midnight, 0..1439
        int toMinute = 0;   // 1..1440, after fromMinute
        bool operator==(const Interval& other) const
        {
            return fromMinute == other.fromMinute && toMinute == other.toMinute;
        }
    };

    WeeklySchedule() = default;

    // Reads `text`; false with a sentence naming the part that is wrong.
    static bool parse(const QString& text, WeeklySchedule* schedule, QString* error);
    // The text form, days with the same intervals grouped ("mon-fri 09:00-17:00").
    QString toString() const;

    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }
    QTimeZone timeZone() const { return m_zone; }
    // Intervals of `day` (1 = Monday … 7 = Sunday, as Qt::DayOfWeek), sorted.
    QList<Interval> intervals(int day) const;
    void setIntervals(int day, QList<Interval> intervals);
    bool isEmpty() const;

    // Whether `at` (any zone; read in the schedule's zone) falls in an open interval.
    bool isOpen(const QDateTime& at) const;

    bool operator==(const WeeklySchedule& other) const;

private:
    QList<Interval> m_days[7];
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace smsdesk
