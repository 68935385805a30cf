#include "PlanGuard.h"

#include <QCoreApplication>
#include <QLocale>

namespace smsdesk {

QString PlanGuard::refusal(const NumberRecord& number, const PlanUsage& usage)
{
    if (!number.hasSecret)
        return QStringLiteral("WH-AUTH");
    return planRefusal(usage);
}

QString PlanGuard::planRefusal(const PlanUsage& usage)
{
    if (!usage.hasPlan)
        return {};
    if (!usage.active)
        return QStringLiteral("WH-23-2");
    if (!usage.outboundIncluded)
        return QStringLiteral("WH-23-4");
    if (usage.used >= usage.limit)
        return QStringLiteral("WH-23-3");
    return {};
}

bool PlanGuard::warns(const PlanUsage& usage)
{
    if (!usage.hasPlan || !usage.active || !usage.outboundIncluded || usage.limit <= 0)
        return false;
    return usage.used * 100 >= qint64(usage.limit) * WarningPercent;
}

QString PlanGuard::warningText(const PlanUsage& usage)
{
    if (!warns(usage))
        return {};
    const QLocale locale;
    return QCoreApplication::translate(
               "smsdesk::PlanGuard",
               "This number has used %1 of the %2 messages of its plan %3 in this billing cycle "
               "(%4 %). The cycle ends on %5.")
        .arg(locale.toString(usage.used), locale.toString(usage.limit), usage.planName)
        .arg(usage.percent())
        .arg(locale.toString(usage.endDate.addDays(-1), QLocale::ShortFormat));
}

} // namespace smsdesk
