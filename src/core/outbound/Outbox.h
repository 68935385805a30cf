#pragma once

#include "OutboundDraft.h"
#include "OutboxStore.h"
#include "OutboxUpdate.h"
#include "PlanUsage.h"
#include "RetryPolicy.h"
#include "SendResult.h"

#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <functional>
#include <optional>

class QTimer;

namespace smsdesk {

class Clock;
class DatabaseWorker;
class OnCloudOutboundClient;
class SecretStore;

// The persistent outbox: the one path every outbound message takes (the window's Send dialog,
// `smsdesk send`, the headless worker).
//
// queue() checks what was typed (OutboundDraft), the plan guard and the recipient's opt-out
// (OPTED-OUT), then stores the message as queued before anything goes on the wire; what the
// provider would refuse, and what the recipient asked not to get, is refused there, with its
// code. start() runs the worker: it claims due messages (OutboxStore; of several
// processes on one database exactly one claims each), reads the number's secret from the
// keychain at send time, sends through OnCloudOutboundClient and records every attempt:
//   accepted                   -> sent, the carrier id stored as provider_message_id
//   a provider's error code    -> failed with the code, never retried by itself
//   not sent, 429, 5xx         -> queued again after a backoff with jitter (RetryPolicy), until
//                                 the attempts run out: failed with the last reason
//   no answer after sending    -> unconfirmed: it waits for the user (resend() or
//                                 markFailed()), it is never sent again by itself
// Messages queued while the app was closed or offline (setOnline(false), also driven by the
// system's reachability when a backend reports it) go out once it runs and is online again.
//
// Every store access runs as a DatabaseWorker job: the caller's thread (the GUI) never waits on
// the network or on a write transaction; results come back through callbacks and updated().
class Outbox : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        RetryPolicy retry;
        int maxInFlight = 4;
        // How often the worker looks for due messages when it has no reason to look sooner
        // (messages queued by other processes, leases that ran out).
        int pollIntervalMs = 5000;
        // How long a claim holds; 0: twice the client's timeout plus a minute.
        qint64 leaseMs = 0;
        // Billing cycles follow the user's time zone.
        QTimeZone timeZone = QTimeZone::systemTimeZone();
        // Pause while the system reports no network (QNetworkInformation, when a backend is
        // available); setOnline() works either way.
        bool followSystemReachability = true;
    };

    struct QueueOutcome
    {
        qint64 messageId = 0;                            // > 0: queued
        QString toE164;                                  // the recipient as it will be sent
        QMap<OutboundDraft::Field, QString> fieldErrors; // what was typed does not pass
        QString refusal;            // the plan guard's code: WH-AUTH, WH-23-2, WH-23-3, WH-23-4; or
                                    // OPTED-OUT: the recipient texted STOP to the number
        QString meaning;            // the refusal's words (also for a refusal without a code)
        QString resolution;         // what to do about the refusal
        bool refusedNumber = false; // refused without a code: unknown, disabled, not onCloud
        QString error;              // the store failed
        PlanUsage usage;
        QString warning; // at 80 % of the plan's limit (PlanGuard::warningText)
        bool ok() const { return messageId > 0; }
        // Refused before anything was stored: what was typed, the number, the plan guard.
        bool refused() const
        {
            return !fieldErrors.isEmpty() || !refusal.isEmpty() || refusedNumber;
        }
    };
    using QueueCallback = std::function<void(const QueueOutcome&)>;
    using DoneCallback = std::function<void(bool ok, const QString& error)>;
    using StateCallback = std::function<void(const std::optional<OutboxStore::State>&)>;
    using UsageCallback =
        std::function<void(const std::optional<PlanUsage>&, const QString& error)>;

    Outbox(DatabaseWorker& worker, SecretStore& secrets, OnCloudOutboundClient& client,
           const Clock& clock, const Options& options, QObject* parent = nullptr);
    ~Outbox() override;

    // Checks and stores one message. `draft.didE164` must be one of our onCloud numbers.
    void queue(const OutboundDraft& draft, QueueCallback done);
    // Runs the worker over every due message, or only over `onlyMessageId` (> 0: the CLI,
    // which must not take other processes' messages along when it exits).
    void start(qint64 onlyMessageId = 0);
    // Claims nothing more; idle() once the sends in flight have been recorded.
    void stop();
    bool isRunning() const { return m_running; }
    bool isIdle() const { return m_inFlight.isEmpty() && !m_claiming; }
    void setOnline(bool online);
    bool isOnline() const { return m_online; }

    void resend(qint64 messageId, DoneCallback done);
    void markFailed(qint64 messageId, const QString& reason, DoneCallback done);
    void state(qint64 messageId, StateCallback done);
    // The plan usage of a number in its current cycle (for the GUI), read off the caller's
    // thread.
    void usage(qint64 numberId, UsageCallback done);

    // The words of a code's refusal; for OutboxUpdate and QueueOutcome.
    static void describeCode(const QString& code, const QString& providerMessage, QString* meaning,
                             QString* resolution);

Q_SIGNALS:
    void updated(const smsdesk::OutboxUpdate& update);
    void idle();

private:
    struct ClaimRound;
    void pump();
    void schedule(qint64 delayMs);
    void startSend(const OutboxStore::Claim& claim);
    // Failed before the wire when it was due, with the plan guard's code (WH-AUTH for a
    // secret the keychain lacks) or, without one, `reason`.
    void refuseLocally(const OutboxStore::Claim& claim, OutboxStore::Attempt attempt,
                       OutboxUpdate update, const QString& code, const QString& reason,
                       const QString& detail);
    void sendWithSecret(const OutboxStore::Claim& claim, const QString& secret);
    void handleResult(const OutboxStore::Claim& claim, const SendResult& result);
    // A transient failure: queued again after a backoff, or, once the attempts ran out,
    // failed as `exhausted` (NetworkFailure, or RefusedLocally for the keychain).
    void retryOrFail(const OutboxStore::Claim& claim, OutboxStore::Attempt attempt,
                     OutboxUpdate update, const QString& reason, const QString& code,
                     qint64 retryAfterMs, OutboxUpdate::Result exhausted);
    void conclude(const OutboxStore::Claim& claim, const OutboxStore::Attempt& attempt,
                  const OutboxStore::Transition& transition, const OutboxUpdate& update,
                  int tries = 0);
    void reportState(const OutboxStore::State& state);
    void checkIdle();

    DatabaseWorker& m_worker;
    SecretStore& m_secrets;
    OnCloudOutboundClient& m_client;
    const Clock& m_clock;
    Options m_options;
    QString m_token;
    QTimer* m_timer = nullptr;
    QRandomGenerator m_random;
    QSet<qint64> m_inFlight;
    qint64 m_onlyMessageId = 0;
    bool m_running = false;
    bool m_claiming = false;
    bool m_pumpAgain = false;
    bool m_online = true;
    bool m_followingReachability = false;
    bool m_reportedOnly = false; // the scoped message's final state was reported
};

} // namespace smsdesk
