#pragma once

#include <QMetaType>
#include <QString>

namespace smsdesk {

// What happened to one outbox message, as the Outbox reports it (signal updated()): a send
// starting, a retry being scheduled, or where the message ended up. The words (meaning,
// resolution) are for people; `detail` is the raw account of what was tried and what came
// back, never with the secret.
struct OutboxUpdate
{
    enum class Result
    {
        Sending,           // attempt `attempt` is starting
        Retrying,          // a transient failure; the next attempt is due at nextAttemptAtMs
        Sent,              // onCloud accepted it: carrierId
        RefusedLocally,    // refused before the wire when it was due (plan guard, no secret,
                           // the number was removed or disabled, the keychain failed)
        RefusedByProvider, // onCloud answered with an error code, or with a final HTTP error
        NetworkFailure,    // not sent: transient failures until the attempts ran out
        Unconfirmed,       // sent, but no answer (or an unreadable one): it may have been
                           // queued; it waits for the user to resend it or mark it failed
    };

    qint64 messageId = 0;
    Result result = Result::Sending;
    int attempt = 0; // in this round, 1 = the first
    QString carrierId;
    QString code;       // "WH-23-3", "HTTP-404"; empty when none
    QString meaning;    // what went wrong, in words
    QString resolution; // what to do about it
    QString detail;     // raw: what was tried and what came back
    int httpStatus = 0;
    qint64 nextAttemptAtMs = 0; // Retrying

    bool isFinal() const { return result != Result::Sending && result != Result::Retrying; }
    // The message's status after this update: "sending", "queued", "sent", "failed",
    // "unconfirmed".
    QString status() const;
};

} // namespace smsdesk

Q_DECLARE_METATYPE(smsdesk::OutboxUpdate)
