#pragma once

#include "outbound/SmsSegments.h"

#include <QString>

namespace smsdesk {

// The compose box's words, without widgets: the segment counter, the characters that make a
// text UCS-2, and what is wrong with a media URL. Pure functions of their arguments.
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
};

} // namespace smsdesk
