#pragma once

#include "support/DashboardReader.h"

#include <QString>

namespace smsdesk {

// The Dashboard's words and levels, without widgets: how full a plan is, what a number's usage
// row says, a failure cause in words, the request rate.
class DashboardText
{
public:
    enum class Level
    {
        Normal,
        Warning, // 80 % of the plan's limit or more
        Alarm,   // the limit reached or passed
    };

    static constexpr int WarningPercent = 80;
    static constexpr int AlarmPercent = 100;

    static Level level(const PlanUsage& usage);
    // "+1 404-555-9999 — Front desk (Basic)"; `region`: numbers of this region nationally.
    static QString numberTitle(const DashboardReader::NumberUsage& row, const QString& region);
    // "812 of 1,000 (81 %) · 12 days left · forecast 1,240 this cycle", or, without a plan,
    // "no plan · 14 sent this month".
    static QString usageDetail(const DashboardReader::NumberUsage& row);
    // "3.2 requests/s now · peak 12/s".
    static QString rateText(double now, int peak);
    // A count as the locale writes it ("1,240").
    static QString count(qint64 value);
};

} // namespace smsdesk
