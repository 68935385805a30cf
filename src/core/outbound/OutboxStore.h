#pragma once

#include "PlanUsage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace smsdesk {

class Clock;

// The outbox in the store, on one connection (use it from that connection's thread: the
// Outbox runs it in a DatabaseWorker job, never on the GUI thread).
//
// A message to send is a row of `messages` (direction outbound) from the moment it is queued,
// before anything goes on the wire; its status moves queued -> sending -> sent | failed |
// unconfirmed, and back to queued for a retry or when the user resends it. `outbox` keeps whether
// it is still pending (queued or sending: the worker's queries read only those, however many
// messages were ever sent), when it is due and who claimed it; `outbound_attempts` every attempt.
//
// Claiming is a conditional UPDATE (status queued -> sending) inside a write transaction
// (SQLite BEGIN IMMEDIATE; PostgreSQL row locks), so of several processes on one database
// exactly one gets each message. A claim holds a lease: a message still "sending" when its
// lease ran out belonged to a process that died mid-send; whether its request went out is
// unknown, so it becomes "unconfirmed", never queued again by itself.
class OutboxStore
{
public:
    struct QueueResult
    {
        qint64 messageId = 0;  // > 0: stored as queued
        QString refusal;       // the plan guard's code (WH-AUTH, WH-23-2/3/4) or OPTED-OUT:
                               // nothing stored
        QString refusalDetail; // OPTED-OUT: who texted what when
        QString refusalReason; // refused without a code: not an onCloud number, disabled
        QString error;         // the store failed
        PlanUsage usage;       // as it is with the message counted, when stored
        bool ok() const { return messageId > 0; }
    };

    struct Claim
    {
        qint64 messageId = 0;
        qint64 numberId = 0;
        QString did;    // E.164
        QString remote; // E.164
        QString text;
        QString mediaUrl;
        int attempt = 0; // in this round (since queued or resent), this one included
        QString token;
        // Refused before the wire at claim time: the plan guard's code or OPTED-OUT (the
        // recipient opted out since it was queued), or a reason without one (the number was
        // removed or disabled meanwhile).
        QString refusal;
        QString refusalReason;
    };

    // One attempt, as outbound_attempts keeps it.
    struct Attempt
    {
        qint64 startedAtMs = 0;
        qint64 latencyMs = -1; // -1: none (refused before the wire)
        QString url;
        int httpStatus = 0; // 0: no HTTP answer
        QString outcome;    // SendResult::outcomeName(), or "refused-locally", "keychain",
                            // "interrupted"
        QString errorCode;
        QString detail;
        QString answer;
    };

    struct Transition
    {
        enum class Kind
        {
            Sent,
            Retry,
            Failed,
            Unconfirmed,
        };
        Kind kind = Kind::Failed;
        QString carrierId;          // Sent
        QString errorCode;          // Failed: stored as the message's error_code
        QString reason;             // Retry, Failed, Unconfirmed: the last reason, in words
        qint64 nextAttemptAtMs = 0; // Retry
    };

    // The sending state of one message.
    struct State
    {
        qint64 messageId = 0;
        QString status;
        QString providerMessageId;
        QString errorCode;
        QString lastError;
        int attempts = 0;
        qint64 nextAttemptAtMs = 0;
        bool isFinal() const
        {
            return status != QLatin1String("queued") && status != QLatin1String("sending");
        }
    };

    OutboxStore(QSqlDatabase db, const Clock& clock, QTimeZone zone);

    // Checks the plan guard and the recipient's opt-out (OPTED-OUT: opt_outs), and stores the
    // message, queued and due now, in one transaction.
    QueueResult queue(qint64 numberId, const QString& remoteE164, const QString& text,
                      const QString& mediaUrl);
    // Claims the next due queued message (only `onlyMessageId` when > 0) until now + leaseMs.
    std::optional<Claim> claim(const QString& token, qint64 leaseMs, qint64 onlyMessageId = 0);
    // The earliest time a queued message is due (only `onlyMessageId` when > 0).
    std::optional<qint64> nextDueMs(qint64 onlyMessageId = 0);
    // Messages whose lease ran out while sending become unconfirmed; their ids.
    QList<qint64> expireLeases();
    // Records the attempt and moves the message on. A claim that was taken over meanwhile
    // (its lease ran out) records the attempt and moves the message only when it was sent.
    bool finish(const Claim& claim, const Attempt& attempt, const Transition& transition);
    std::optional<State> state(qint64 messageId);
    // The user's decisions: an unconfirmed or failed message is queued again (due now, a new
    // round of attempts), an unconfirmed one is marked failed. False when the message is not
    // in that state (or not an outbox message).
    bool resend(qint64 messageId);
    bool markFailed(qint64 messageId, const QString& reason);

    QString lastError() const { return m_lastError; }

    static constexpr QLatin1String Queued{"queued"};
    static constexpr QLatin1String Sending{"sending"};
    static constexpr QLatin1String Sent{"sent"};
    static constexpr QLatin1String Failed{"failed"};
    static constexpr QLatin1String Unconfirmed{"unconfirmed"};

private:
    bool begin();
    bool commit();
    void rollback();
    bool exec(const QString& sql, const QVariantList& values, int* rowsAffected = nullptr);
    bool fail(const QString& error);
    bool isPostgres() const;
    // Whether `remote` opted out of `did`'s messages: then `*refusal` is OPTED-OUT and
    // `*detail` says who texted what when. False when the store failed.
    bool optedOut(const QString& did, const QString& remote, QString* refusal, QString* detail);

    QSqlDatabase m_db;
    const Clock& m_clock;
    QTimeZone m_zone;
    QString m_lastError;
};

} // namespace smsdesk
