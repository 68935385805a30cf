#include "FailureText.h"

#include "support/FailureCatalogue.h"

#include <QCoreApplication>
#include <QDateTime>

namespace smsdesk {

namespace {

// Qt's own signature, so that lupdate reads a count in the third argument as a plural text.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("smsdesk::FailureText", text, disambiguation, n);
}

} // namespace

QString FailureText::time(qint64 atMs, qint64 nowMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime();
    if (at.date() == now.date())
        return at.toString(QStringLiteral("HH:mm:ss"));
    if (at.date().year() == now.date().year())
        return at.toString(QStringLiteral("d MMM HH:mm"));
    return at.toString(QStringLiteral("d MMM yyyy HH:mm"));
}

QString FailureText::cause(const FailureEntry& entry)
{
    if (entry.kind == FailureEntry::Kind::Fallback)
        return FailureCatalogue::explain(entry).meaning;
    return FailureCatalogue::causeTitle(entry.kind, entry.cause);
}

QString FailureText::detailHtml(const FailureEntry& entry)
{
    const FailureCatalogue::Explanation explanation = FailureCatalogue::explain(entry);
    QString html = QStringLiteral("<b>%1</b>").arg(explanation.meaning.toHtmlEscaped());
    // The provider's (or the outbox's) own words, unless they only repeat the meaning.
    if (!entry.detail.isEmpty() && !entry.detail.contains(explanation.meaning)) {
        const QString whose =
            entry.kind == FailureEntry::Kind::Delivery ? tr("The provider's words") : tr("Reason");
        html += QStringLiteral("<br>%1: \u201c%2\u201d").arg(whose, entry.detail.toHtmlEscaped());
    }
    if (entry.kind == FailureEntry::Kind::Fallback)
        html += QStringLiteral("<br>%1").arg(tr("PBX message_id %1: %2 deliveries seen, %3 failed")
                                                 .arg(entry.pbxMessageId.toHtmlEscaped())
                                                 .arg(entry.attempts)
                                                 .arg(entry.failedAttempts));
    html +=
        QStringLiteral("<br>%1 %2").arg(tr("What to do:"), explanation.resolution.toHtmlEscaped());
    if (entry.isResolved()) {
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Resolved by %1 on %2")
                             .arg(entry.resolvedBy.toHtmlEscaped(),
                                  QDateTime::fromMSecsSinceEpoch(entry.resolvedAtMs)
                                      .toLocalTime()
                                      .toString(QStringLiteral("d MMM yyyy HH:mm"))));
    }
    return html;
}

QString FailureText::retrySummary(int retried, const QStringList& skipped, int failed)
{
    QString text = tr("Retried %n.", nullptr, retried);
    if (!skipped.isEmpty()) {
        text += QLatin1Char(' ') +
                tr("Skipped %n that a retry cannot fix: ", nullptr, int(skipped.size())) +
                skipped.join(QLatin1String("; ")) + QLatin1Char('.');
    }
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%n could not be queued again.", nullptr, failed);
    return text;
}

} // namespace smsdesk
