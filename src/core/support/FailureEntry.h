#pragma once

#include <QString>
#include <QStringList>

namespace smsdesk {

// One thing that went wrong, as the support desk's Failures page lists it (FailureReader reads
// them; FailureCatalogue says what each means and what to do about it). Four kinds:
//   Send      an outbound message the outbox could not send, or whose sending is unconfirmed
//   Delivery  a status webhook reporting that a message was not delivered (Zonitel, the
//             Android gateway)
//   Inbound   a webhook request the listener refused or could not store
//   Fallback  a PBX message (by its message_id) whose deliveries to the listener failed: the
//             PBX retries up to PbxFallback::MaxAttempts times, then emails the number's
//             fallback address
struct FailureEntry
{
    enum class Kind
    {
        Send = 0,
        Delivery = 1,
        Inbound = 2,
        Fallback = 3,
    };

    Kind kind = Kind::Send;
    // Names the failure for its resolution: "send:<message id>:<attempts>" (a send that fails
    // again after a retry is a new failure), "delivery:<status id>", "request:<request id>",
    // "fallback:<PBX message_id>".
    QString key;
    qint64 atMs = 0;     // UTC ms: the last attempt, the report, the request
    qint64 numberId = 0; // 0: unknown
    QString did;         // our number, E.164; empty: unknown
    QString remote;      // the other party; empty: unknown or none
    QString provider;    // ProviderCatalog id; empty: unknown
    // What the page groups by: Send: the WH-* code, else "unconfirmed" or "failed";
    // Delivery: "<provider>:<raw status>" ("android-gateway:8"); Inbound: the request's
    // outcome ("refused-auth"); Fallback: FallbackEmailed or FallbackPending.
    QString cause;
    QString code;   // Send: the WH-* code; Delivery: the raw status; Inbound: the outcome
    QString detail; // Send: the last reason; Delivery: the provider's words; Inbound: the reason
    int httpStatus = 0;     // Send: of the last attempt; Inbound: what we answered; 0: none
    int attempts = 0;       // Send: attempts on the wire or refused; Fallback: deliveries seen
    int failedAttempts = 0; // Fallback: the failed deliveries
    qint64 messageId = 0;   // the message concerned; 0: none (a refused request)
    qint64 requestId = 0;   // the webhook request (request_log id) to open; 0: none
    QString status;         // Send: the message's status ("failed", "unconfirmed")
    QString pbxMessageId;   // Fallback: the PBX's message_id
    QString fallbackEmail;  // Fallback: the number's fallback address; empty: none configured
    QString resolvedBy;     // empty: unresolved
    qint64 resolvedAtMs = 0;

    static constexpr QLatin1String FallbackEmailed{"fallback-emailed"};
    static constexpr QLatin1String FallbackPending{"fallback-pending"};

    bool isResolved() const { return !resolvedBy.isEmpty(); }
};

// Which failures a list shows. Empty lists and zero values do not restrict.
struct FailureFilter
{
    QList<FailureEntry::Kind> kinds;
    QString did;       // E.164
    qint64 fromMs = 0; // UTC ms, inclusive
    qint64 toMs = 0;   // UTC ms, exclusive
    QStringList causes;
    bool includeResolved = false;

    bool operator==(const FailureFilter& other) const
    {
        return kinds == other.kinds && did == other.did && fromMs == other.fromMs &&
               toMs == other.toMs && causes == other.causes &&
               includeResolved == other.includeResolved;
    }
    bool operator!=(const FailureFilter& other) const { return !(*this == other); }
};

} // namespace smsdesk
