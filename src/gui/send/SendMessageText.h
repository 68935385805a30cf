#pragma once

#include "outbound/Outbox.h"
#include "outbound/OutboxUpdate.h"
#include "outbound/PlanUsage.h"
#include "store/NumberRecord.h"

#include <QLocale>
#include <QString>

namespace smsdesk {

// The words of the Send message dialog, apart from the widget: the plan usage line, what the
// plan guard says before anything is typed, and each outcome of a send (HTML for the result
// label: the code in bold, the meaning, the resolution; the raw detail in small print).
class SendMessageText
{
public:
    // "+1 404-555-9999 — Front desk"
    static QString numberItem(const NumberRecord& number, const QString& homeRegion);
    // "Plan Basic: 812 of 1,000 messages used (81 %) · Feb 1 – Feb 28 · 16 days left", with
    // the 80 % warning or the refusal the next message would get; "No plan: not limited by SMS
    // Desk" without a plan.
    static QString usage(const NumberRecord& number, const PlanUsage& usage,
                         const QLocale& locale = QLocale());
    // What the recipient field says as it is typed: the number it will be sent to, or why not.
    static QString recipient(const QString& e164, const QString& homeRegion);
    static QString queueRefusal(const Outbox::QueueOutcome& outcome);
    static QString update(const OutboxUpdate& update, const QLocale& locale = QLocale());
    // "WH-23-3 — meaning" + resolution, as HTML.
    static QString codeHtml(const QString& code, const QString& meaning, const QString& resolution,
                            const QString& detail = {});
};

} // namespace smsdesk
