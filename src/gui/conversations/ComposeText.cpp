#include "ComposeText.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <algorithm>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::ComposeText", text);
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

} // namespace smsdesk
