#include "DashboardText.h"

#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QLocale>

namespace smsdesk {

namespace {

// Qt's own signature, so that lupdate reads a count in the third argument as a plural text.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("smsdesk::DashboardText", text, disambiguation, n);
}

} // namespace

DashboardText::Level DashboardText::level(const PlanUsage& usage)
{
    if (!usage.hasPlan)
        return Level::Normal;
    const int percent = usage.percent();
    if (percent >= AlarmPercent)
        return Level::Alarm;
    return percent >= WarningPercent ? Level::Warning : Level::Normal;
}

QString DashboardText::count(qint64 value)
{
    return QLocale().toString(value);
}

QString DashboardText::numberTitle(const DashboardReader::NumberUsage& row, const QString& region)
{
    QString title = PhoneNumber::displayE164(row.number.e164, region);
    if (!row.number.label.isEmpty())
        title += QStringLiteral(" \u2014 ") + row.number.label;
    if (row.usage.hasPlan)
        title += QStringLiteral(" (%1)").arg(row.usage.planName);
    return title;
}

QString DashboardText::usageDetail(const DashboardReader::NumberUsage& row)
{
    const PlanUsage& usage = row.usage;
    if (!usage.hasPlan)
        return tr("no plan \u00b7 %1 sent, %2 received this month")
            .arg(count(row.outboundInCycle), count(row.inboundInCycle));
    QString text =
        tr("%1 of %2 (%3 %)").arg(count(usage.used), count(usage.limit)).arg(usage.percent());
    text += QStringLiteral(" \u00b7 ") + tr("%n day(s) left", nullptr, usage.daysLeft);
    text += QStringLiteral(" \u00b7 ") + tr("forecast %1 this cycle").arg(count(row.forecast));
    if (usage.limit > 0 && row.forecast > usage.limit && usage.used < usage.limit)
        text += QStringLiteral(" \u2014 ") + tr("over the limit at this rate");
    if (!usage.active)
        text += QStringLiteral(" \u00b7 ") + tr("plan inactive");
    return text;
}

QString DashboardText::rateText(double now, int peak)
{
    return tr("%1 requests/s now \u00b7 peak %2/s")
        .arg(QLocale().toString(now, 'f', now < 10 ? 1 : 0))
        .arg(peak);
}

} // namespace smsdesk
