#pragma once

#include "PlanUsage.h"
#include "store/NumberRecord.h"

#include <QString>

namespace smsdesk {

// Refuses, before anything goes on the wire, what onCloud would refuse anyway, with the
// provider's own code (the words are in OutboundErrorCatalogue):
//   WH-AUTH   the number has no webhook secret in the keychain;
//   WH-23-2   the number's plan is not active;
//   WH-23-4   the plan does not include outbound messages;
//   WH-23-3   the plan's monthly limit is used up in the current billing cycle.
// A number without a plan is not limited locally (the provider still decides). Pure: the
// usage is read by PlanUsageReader.
class PlanGuard
{
public:
    static constexpr int WarningPercent = 80;

    // The code a new message from `number` would be refused with; empty when it may go.
    static QString refusal(const NumberRecord& number, const PlanUsage& usage);
    // The plan's part of refusal() alone (WH-23-2, WH-23-4, WH-23-3), for messages that need
    // no webhook secret: the synchronous reply rides in the webhook's response.
    static QString planRefusal(const PlanUsage& usage);
    // At or above 80 % of the limit (at the limit too: then the next message is refused, and
    // the refusal says more than the warning).
    static bool warns(const PlanUsage& usage);
    // "This number has used 80 of the 100 messages of its plan Basic in this billing cycle (it
    // ends on …)." Empty when there is nothing to warn about.
    static QString warningText(const PlanUsage& usage);
};

} // namespace smsdesk
