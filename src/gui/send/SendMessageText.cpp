#include "SendMessageText.h"

#include "outbound/OutboundErrorCatalogue.h"
#include "outbound/PlanGuard.h"
#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QDateTime>

namespace smsdesk {

namespace {

// Qt's own signature, so that lupdate reads a count in the third argument as a plural text.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("smsdesk::SendMessageText", text, disambiguation, n);
}

const QString kRed = QStringLiteral("#b3261e");
const QString kGreen = QStringLiteral("#1b7f3b");
const QString kAmber = QStringLiteral("#8a5a00");

QString coloured(const QString& colour, const QString& html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, html);
}

} // namespace

QString SendMessageText::numberItem(const NumberRecord& number, const QString& homeRegion)
{
    const QString shown = PhoneNumber::displayE164(number.e164, homeRegion);
    return number.label.isEmpty() ? shown : shown + QStringLiteral(" \u2014 ") + number.label;
}

QString SendMessageText::codeHtml(const QString& code, const QString& meaning,
                                  const QString& resolution, const QString& detail)
{
    QString html;
    if (!code.isEmpty())
        html += QStringLiteral("<b>%1</b> \u2014 ").arg(code.toHtmlEscaped());
    html += meaning.toHtmlEscaped();
    if (!resolution.isEmpty())
        html += QStringLiteral("<br>") + resolution.toHtmlEscaped();
    if (!detail.isEmpty())
        html += QStringLiteral("<br><small>%1</small>").arg(detail.toHtmlEscaped());
    return html;
}

QString SendMessageText::usage(const NumberRecord& number, const PlanUsage& usage,
                               const QLocale& locale)
{
    QString html;
    if (!usage.hasPlan) {
        html = tr("No plan: SMS Desk does not limit this number.").toHtmlEscaped();
    } else {
        const QString dates =
            tr("%1\u00a0\u2013 %2")
                .arg(locale.toString(usage.startDate, QLocale::ShortFormat),
                     locale.toString(usage.endDate.addDays(-1), QLocale::ShortFormat));
        html = tr("Plan %1: %2 of %3 messages used (%4 %) \u00b7 %5 \u00b7 %n day(s) left", nullptr,
                  usage.daysLeft)
                   .arg(usage.planName, locale.toString(usage.used), locale.toString(usage.limit))
                   .arg(usage.percent())
                   .arg(dates)
                   .toHtmlEscaped();
    }
    const QString refusal = PlanGuard::refusal(number, usage);
    if (!refusal.isEmpty()) {
        const auto entry = OutboundErrorCatalogue::find(refusal);
        html += QStringLiteral("<br>") +
                coloured(kRed, codeHtml(refusal, entry ? entry->meaning : QString(), {}));
    } else if (PlanGuard::warns(usage)) {
        html += QStringLiteral("<br>") +
                coloured(kAmber, tr("Warning: %1 % of the monthly limit is used.")
                                     .arg(usage.percent())
                                     .toHtmlEscaped());
    }
    return html;
}

QString SendMessageText::recipient(const QString& e164, const QString& homeRegion)
{
    return tr("Sends to %1").arg(PhoneNumber::displayE164(e164, homeRegion));
}

QString SendMessageText::queueRefusal(const Outbox::QueueOutcome& outcome)
{
    if (!outcome.error.isEmpty())
        return coloured(
            kRed, tr("The message could not be stored: %1").arg(outcome.error).toHtmlEscaped());
    const QString heading = tr("Not sent: refused before sending.").toHtmlEscaped();
    return coloured(kRed, heading + QStringLiteral("<br>") +
                              codeHtml(outcome.refusal, outcome.meaning, outcome.resolution));
}

QString SendMessageText::update(const OutboxUpdate& update, const QLocale& locale)
{
    using Result = OutboxUpdate::Result;
    switch (update.result) {
    case Result::Sending:
        return tr("Sending (attempt %1)\u2026").arg(update.attempt).toHtmlEscaped();
    case Result::Retrying:
        return coloured(
            kAmber,
            tr("Attempt %1 did not get through; trying again at %2\u2026")
                    .arg(update.attempt)
                    .arg(locale.toString(
                        QDateTime::fromMSecsSinceEpoch(update.nextAttemptAtMs).toLocalTime().time(),
                        QLocale::LongFormat))
                    .toHtmlEscaped() +
                QStringLiteral("<br><small>%1</small>").arg(update.detail.toHtmlEscaped()));
    case Result::Sent:
        if (update.carrierId.isEmpty())
            return coloured(kGreen, tr("Sent: onCloud accepted the message.").toHtmlEscaped());
        return coloured(
            kGreen,
            tr("Sent: onCloud accepted the message.").toHtmlEscaped() + QStringLiteral("<br>") +
                tr("Carrier ID: %1")
                    .toHtmlEscaped()
                    .arg(QStringLiteral("<b>%1</b>").arg(update.carrierId.toHtmlEscaped())));
    case Result::RefusedLocally:
        return coloured(kRed, tr("Not sent: refused before sending.").toHtmlEscaped() +
                                  QStringLiteral("<br>") +
                                  codeHtml(update.code, update.meaning, update.resolution));
    case Result::RefusedByProvider:
        return coloured(
            kRed, tr("Not sent: onCloud refused the message.").toHtmlEscaped() +
                      QStringLiteral("<br>") +
                      codeHtml(update.code, update.meaning, update.resolution, update.detail));
    case Result::NetworkFailure:
        return coloured(
            kRed, tr("Not sent.").toHtmlEscaped() + QStringLiteral("<br>") +
                      codeHtml(update.code, update.meaning, update.resolution, update.detail));
    case Result::Unconfirmed:
        return coloured(kAmber, tr("Unconfirmed.").toHtmlEscaped() + QStringLiteral("<br>") +
                                    codeHtml({}, update.meaning, update.resolution, update.detail));
    }
    return {};
}

} // namespace smsdesk
