#pragma once

#include "FailureEntry.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace smsdesk {

// What a failure means and what to do about it, in words support staff understand without
// reading the providers' documents: the onCloud error codes (OutboundErrorCatalogue), every
// failing status of the Android gateway's document (8, 9, 10, 11, 12, 100, 101) and Zonitel's
// failing statuses, the listener's refusals, and the PBX's fallback email. Also whether a
// retry through the outbox can fix a failed send. Pure: no store, no widgets; the texts are
// translatable (context "smsdesk::FailureCatalogue").
class FailureCatalogue
{
public:
    struct Explanation
    {
        QString meaning;    // what went wrong (for a status report: the document's meaning)
        QString resolution; // what to do about it
    };

    // One status of a provider's document that reports a message as not delivered.
    struct Status
    {
        QString provider;  // ProviderCatalog id
        QString rawStatus; // as the provider sends it: "8", "undelivered"
        QString meaning;   // the document's words
        QString resolution;
    };

    // The Android gateway's failing statuses, in the document's order (8 … 101).
    static QList<Status> androidGatewayFailures();
    // A failing status report's document meaning and resolution; none for a status the
    // documents do not list as a failure (Zonitel: any other than queued, sent, delivered,
    // received is explained as an unexpected status).
    static std::optional<Status> deliveryStatus(const QString& provider, const QString& rawStatus);

    // The request outcomes the page lists as inbound failures: the listener's refusals (auth,
    // malformed, invalid, content type, unknown number, too large, timeout, bad HTTP) and what
    // it could not store (store busy or failed, keychain).
    static QStringList inboundFailureOutcomes();

    static Explanation explain(const FailureEntry& entry);
    // A short title of a cause for the page's groups ("WH-2: invalid number", "Gateway 10: no
    // service", "Refused: authorization").
    static QString causeTitle(FailureEntry::Kind kind, const QString& cause);
    static QString kindName(FailureEntry::Kind kind);

    // Why sending the message again cannot fix `entry` (empty: a retry can): not a send of the
    // outbox; a documented onCloud code (a wrong secret, an invalid number, a number not set up,
    // a plan refusal: someone must change something first); or the remote opted out, which
    // `optedOut` answers (none: nothing is known of opt-outs).
    using OptedOut = std::function<bool(const QString& did, const QString& remote)>;
    static QString retryBlocker(const FailureEntry& entry, const OptedOut& optedOut = {});
};

} // namespace smsdesk
