#include "ComposeText.h"

#include "outbound/PlanGuard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QUrl>
#include <algorithm>

namespace smsdesk {

namespace {

// Qt's own signature, so that lupdate reads a count in the third argument as a plural text.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("smsdesk::ComposeText", text, disambiguation, n);
}

} // namespace

QString ComposeText::counter(const SmsSegments& segments)
{
    const int capacity = std::max(1, segments.parts()) * segments.unitsPerPart();
    const QString count =
        tr("%1 / %2 \u00b7 %3 SMS").arg(segments.units()).arg(capacity).arg(segments.parts());
    return segments.encoding() == SmsSegments::Encoding::Ucs2
               ? QStringLiteral("UCS-2 \u00b7 ") + count
               : count;
}

QString ComposeText::culprits(const SmsSegments& segments)
{
    if (segments.culprits().isEmpty())
        return {};
    QStringList named;
    for (const SmsSegments::Culprit& culprit : segments.culprits()) {
        QString text = culprit.character + QLatin1Char(' ') + culprit.name;
        if (culprit.count > 1)
            text += QStringLiteral(" \u00d7%1").arg(culprit.count);
        named << text;
    }
    return tr("UCS-2 because of: %1").arg(named.join(QStringLiteral(", ")));
}

QString ComposeText::mediaUrlProblem(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid())
        return tr("This is not a valid URL.");
    if (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
        return tr("The media URL must start with https:// or http://.");
    if (parsed.host().isEmpty())
        return tr("The media URL has no host.");
    return {};
}

QString ComposeText::usage(const PlanUsage& usage)
{
    if (!usage.hasPlan)
        return {};
    QString text = tr("%1 / %2 \u00b7 %n day(s) left", nullptr, usage.daysLeft)
                       .arg(usage.used)
                       .arg(usage.limit);
    if (PlanGuard::warns(usage))
        text += QStringLiteral(" \u00b7 \u26a0 %1 %").arg(usage.percent());
    return text;
}

QString ComposeText::optedOut(const QString& keyword, qint64 changedAtMs, const QTimeZone& zone,
                              const QLocale& locale)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(changedAtMs, zone);
    return tr("Opted out by %1 on %2 \u2014 sending is refused")
        .arg(keyword, locale.toString(when, QStringLiteral("d MMM HH:mm")));
}

} // namespace smsdesk
