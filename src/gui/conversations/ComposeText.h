#pragma once

#include "outbound/PlanUsage.h"
#include "outbound/SmsSegments.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace smsdesk {

// The compose box's words, without widgets: the segment counter, the characters that make a
// text UCS-2, what is wrong with a media URL, a sending number's plan usage and the opt-out
// banner above the box. Pure functions of their arguments.
class ComposeText
{
public:
    // "42 / 160 · 1 SMS" for GSM-7; "UCS-2 · 75 / 134 · 2 SMS" for UCS-2: the units the text
    // takes, the units its parts hold, and the parts the carrier sends.
    static QString counter(const SmsSegments& segments);
    // "UCS-2 because of: ’ right single quotation mark, 😀 emoji ×2" (empty for GSM-7): the
    // characters that made the text UCS-2, in order of first appearance.
    static QString culprits(const SmsSegments& segments);
    // Why `url` cannot be sent as media (empty when it can, or when there is none): an http
    // or https URL with a host.
    static QString mediaUrlProblem(const QString& url);
    // A From item's usage this billing cycle: "12 / 100 · 16 days left", with "⚠ 81 %" from
    // 80 % of the limit; empty without a plan (SMS Desk does not limit the number).
    static QString usage(const PlanUsage& usage);
    // The banner of a thread whose other party opted out: "Opted out by STOP on 3 Dec 14:02 —
    // sending is refused" (the time in `zone`).
    static QString optedOut(const QString& keyword, qint64 changedAtMs,
                            const QTimeZone& zone = QTimeZone::systemTimeZone(),
                            const QLocale& locale = QLocale());
};

} // namespace smsdesk
