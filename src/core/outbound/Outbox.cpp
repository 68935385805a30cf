#include "Outbox.h"

#include "OnCloudOutboundClient.h"
#include "OutboundErrorCatalogue.h"
#include "PlanGuard.h"
#include "PlanUsageReader.h"
#include "secrets/SecretStore.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "util/Clock.h"

#include <QNetworkInformation>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

// A store write that failed (busy, connection lost) is tried again this often before the
// claim's lease is left to settle it.
constexpr int kFinishTries = 5;
constexpr int kFinishRetryMs = 1000;

} // namespace

struct Outbox::ClaimRound
{
    QList<qint64> expired;
    std::optional<OutboxStore::Claim> claim;
    std::optional<qint64> nextDueMs;
    std::optional<OutboxStore::State> only; // the scoped message, when it was not claimed
    QString error;
};

Outbox::Outbox(DatabaseWorker& worker, SecretStore& secrets, OnCloudOutboundClient& client,
               const Clock& clock, const Options& options, QObject* parent)
    : QObject(parent), m_worker(worker), m_secrets(secrets), m_client(client), m_clock(clock),
      m_options(options), m_token(QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_timer(new QTimer(this)), m_random(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<smsdesk::OutboxUpdate>();
    if (m_options.leaseMs <= 0)
        m_options.leaseMs = 2 * qint64(m_client.timeoutMs()) + 60'000;
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Outbox::pump);
}

Outbox::~Outbox() = default;

void Outbox::describeCode(const QString& code, const QString& providerMessage, QString* meaning,
                          QString* resolution)
{
    if (const auto entry = OutboundErrorCatalogue::find(code)) {
        *meaning = entry->meaning;
        *resolution = entry->resolution;
        return;
    }
    *meaning = providerMessage.isEmpty()
                   ? tr("onCloud refused the message with a code SMS Desk does not know.")
                   : tr("onCloud refused the message: %1").arg(providerMessage);
    *resolution = tr("Tell your onCloud administrator the code and the message above.");
}

void Outbox::queue(const OutboundDraft& draft, QueueCallback done)
{
    const OutboundDraft::Checked checked = draft.check();
    if (!checked.ok()) {
        QueueOutcome outcome;
        outcome.fieldErrors = checked.errors;
        outcome.meaning = checked.errorText();
        QMetaObject::invokeMethod(
            this, [outcome, done = std::move(done)] { done(outcome); }, Qt::QueuedConnection);
        return;
    }
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    const QString did = draft.didE164;
    const QString text = draft.text;
    m_worker.post<QueueOutcome>(
        [&clock, zone, did, checked, text](QSqlDatabase& db) {
            QueueOutcome outcome;
            outcome.toE164 = checked.toE164;
            const NumberRepository numbers(db, clock);
            const std::optional<NumberRecord> number = numbers.findByE164(did);
            if (!number) {
                outcome.error = numbers.lastError();
                outcome.refusedNumber = outcome.error.isEmpty();
                if (outcome.refusedNumber)
                    outcome.meaning = tr("%1 is not one of your numbers.").arg(did);
                return outcome;
            }
            OutboxStore store(db, clock, zone);
            const OutboxStore::QueueResult result =
                store.queue(number->id, checked.toE164, text, checked.mediaUrl);
            outcome.messageId = result.messageId;
            outcome.usage = result.usage;
            outcome.refusal = result.refusal;
            outcome.refusedNumber = !result.refusalReason.isEmpty();
            outcome.error = result.error;
            if (!result.refusal.isEmpty()) {
                describeCode(result.refusal, {}, &outcome.meaning, &outcome.resolution);
                if (!result.refusalDetail.isEmpty())
                    outcome.meaning += QLatin1Char(' ') + result.refusalDetail;
            } else if (outcome.refusedNumber)
                outcome.meaning = result.refusalReason;
            if (result.ok())
                outcome.warning = PlanGuard::warningText(result.usage);
            return outcome;
        },
        this,
        [this, done = std::move(done)](const QueueOutcome& outcome) {
            if (outcome.ok() && m_running)
                pump();
            done(outcome);
        });
}

void Outbox::start(qint64 onlyMessageId)
{
    m_onlyMessageId = onlyMessageId;
    m_reportedOnly = false;
    m_running = true;
    if (m_options.followSystemReachability && !m_followingReachability &&
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        m_followingReachability = true;
        const QNetworkInformation* information = QNetworkInformation::instance();
        const auto follow = [this](QNetworkInformation::Reachability reachability) {
            setOnline(reachability != QNetworkInformation::Reachability::Disconnected);
        };
        connect(information, &QNetworkInformation::reachabilityChanged, this, follow);
        follow(information->reachability());
    }
    pump();
}

void Outbox::stop()
{
    m_running = false;
    m_timer->stop();
    checkIdle();
}

void Outbox::checkIdle()
{
    if (!m_running && isIdle())
        QMetaObject::invokeMethod(this, &Outbox::idle, Qt::QueuedConnection);
}

void Outbox::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (online && m_running)
        pump();
}

void Outbox::schedule(qint64 delayMs)
{
    if (!m_running)
        return;
    const int wait = int(std::clamp<qint64>(delayMs, 0, m_options.pollIntervalMs));
    if (!m_timer->isActive() || m_timer->remainingTime() > wait)
        m_timer->start(wait);
}

void Outbox::pump()
{
    if (m_claiming) {
        m_pumpAgain = true; // what the round in progress read may be older than the caller's news
        return;
    }
    if (!m_running || !m_online || m_inFlight.size() >= m_options.maxInFlight)
        return;
    if (m_onlyMessageId > 0 && (m_reportedOnly || m_inFlight.contains(m_onlyMessageId)))
        return;
    m_claiming = true;
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    const QString token = m_token;
    const qint64 leaseMs = m_options.leaseMs;
    const qint64 only = m_onlyMessageId;
    m_worker.post<ClaimRound>(
        [&clock, zone, token, leaseMs, only](QSqlDatabase& db) {
            ClaimRound round;
            OutboxStore store(db, clock, zone);
            round.expired = store.expireLeases();
            round.claim = store.claim(token, leaseMs, only);
            if (!round.claim) {
                round.nextDueMs = store.nextDueMs(only);
                if (only > 0)
                    round.only = store.state(only);
            }
            round.error = store.lastError();
            return round;
        },
        this,
        [this](const ClaimRound& round) {
            m_claiming = false;
            const bool again = std::exchange(m_pumpAgain, false);
            for (const qint64 id : round.expired) {
                OutboxUpdate update;
                update.messageId = id;
                update.result = OutboxUpdate::Result::Unconfirmed;
                update.meaning = tr("SMS Desk stopped while sending this message, so whether "
                                    "onCloud received it is unknown.");
                update.resolution = tr("Check with the recipient, then resend the message or "
                                       "mark it as failed.");
                Q_EMIT updated(update);
            }
            if (!round.error.isEmpty())
                qWarning("outbox: %s", qPrintable(round.error));
            if (round.claim) {
                startSend(*round.claim);
                pump();
                return;
            }
            if (round.only && round.only->isFinal())
                reportState(*round.only);
            if (!m_running) {
                checkIdle();
                return;
            }
            if (again) {
                pump();
                return;
            }
            qint64 delay = m_options.pollIntervalMs;
            if (round.nextDueMs)
                delay = *round.nextDueMs - m_clock.nowMs();
            if (!round.error.isEmpty())
                delay = m_options.pollIntervalMs;
            schedule(delay);
        });
}

// The scoped message ended up final without this process sending it (another process
// claimed it, or it was final already): report where it is.
void Outbox::reportState(const OutboxStore::State& state)
{
    if (m_reportedOnly)
        return;
    m_reportedOnly = true;
    OutboxUpdate update;
    update.messageId = state.messageId;
    update.attempt = state.attempts;
    update.code = state.errorCode;
    update.carrierId = state.providerMessageId;
    if (state.status == QLatin1String("unconfirmed")) {
        update.result = OutboxUpdate::Result::Unconfirmed;
        update.meaning = state.lastError;
    } else if (state.status == QLatin1String("failed")) {
        update.result = OutboxUpdate::Result::RefusedByProvider;
        if (state.errorCode.isEmpty()) {
            update.result = OutboxUpdate::Result::NetworkFailure;
            update.meaning = state.lastError;
        } else {
            describeCode(state.errorCode, state.lastError, &update.meaning, &update.resolution);
        }
    } else {
        update.result = OutboxUpdate::Result::Sent; // sent, delivered, …
    }
    update.detail = state.lastError;
    Q_EMIT updated(update);
}

void Outbox::startSend(const OutboxStore::Claim& claim)
{
    m_inFlight.insert(claim.messageId);
    OutboxStore::Attempt attempt;
    attempt.startedAtMs = m_clock.nowMs();
    OutboxUpdate update;
    update.messageId = claim.messageId;
    update.attempt = claim.attempt;

    if (!claim.refusal.isEmpty() || !claim.refusalReason.isEmpty()) {
        refuseLocally(claim, attempt, update, claim.refusal, claim.refusalReason,
                      tr("refused before sending"));
        return;
    }

    update.result = OutboxUpdate::Result::Sending;
    Q_EMIT updated(update);

    // The secret is read now, at send time, and lives only as long as the request.
    const QString key = SecretStore::numberKey(claim.did, SecretStore::Kind::WebhookSecret);
    m_secrets.read(key, this, [this, claim, attempt, update](const SecretStore::Result& secret) {
        if (secret.ok() && !secret.value.isEmpty()) {
            sendWithSecret(claim, secret.value);
            return;
        }
        if (secret.ok() || secret.status == SecretStore::Status::NotFound) {
            refuseLocally(claim, attempt, update, QStringLiteral("WH-AUTH"), {},
                          tr("the keychain has no webhook secret for %1").arg(claim.did));
            return;
        }
        OutboxStore::Attempt failed = attempt;
        OutboxUpdate report = update;
        // No keychain, locked, refused: nothing went out; try again later.
        failed.outcome = QStringLiteral("keychain");
        failed.detail = secret.message;
        report.detail = secret.message;
        retryOrFail(claim, failed, report, secret.message, {}, -1,
                    OutboxUpdate::Result::RefusedLocally);
    });
}

void Outbox::refuseLocally(const OutboxStore::Claim& claim, OutboxStore::Attempt attempt,
                           OutboxUpdate update, const QString& code, const QString& reason,
                           const QString& detail)
{
    update.result = OutboxUpdate::Result::RefusedLocally;
    update.code = code;
    if (code.isEmpty()) {
        update.meaning = reason;
        update.resolution = tr("Send it from another number.");
    } else {
        describeCode(code, {}, &update.meaning, &update.resolution);
    }
    update.detail = detail;
    attempt.outcome = QStringLiteral("refused-locally");
    attempt.errorCode = code;
    attempt.detail = detail;
    OutboxStore::Transition transition;
    transition.kind = OutboxStore::Transition::Kind::Failed;
    transition.errorCode = code;
    transition.reason = update.meaning;
    conclude(claim, attempt, transition, update);
}

void Outbox::sendWithSecret(const OutboxStore::Claim& claim, const QString& secret)
{
    OnCloudOutboundClient::Request request;
    request.from = claim.did.mid(1);
    request.to = claim.remote.mid(1);
    request.text = claim.text;
    request.mediaUrl = claim.mediaUrl;
    request.secret = secret;
    m_client.send(request, this,
                  [this, claim](const SendResult& result) { handleResult(claim, result); });
}

void Outbox::handleResult(const OutboxStore::Claim& claim, const SendResult& result)
{
    OutboxStore::Attempt attempt;
    attempt.startedAtMs = result.startedAtMs;
    attempt.latencyMs = result.latencyMs;
    attempt.url = result.url;
    attempt.httpStatus = result.httpStatus;
    attempt.outcome = result.outcomeName();
    attempt.errorCode = result.code;
    attempt.detail = result.error.isEmpty() ? result.providerMessage : result.error;
    attempt.answer = QString::fromUtf8(result.answer);

    OutboxUpdate update;
    update.messageId = claim.messageId;
    update.attempt = claim.attempt;
    update.httpStatus = result.httpStatus;
    update.detail = result.describe();

    using Kind = OutboxStore::Transition::Kind;
    OutboxStore::Transition transition;
    switch (result.outcome) {
    case SendResult::Outcome::Accepted:
        transition.kind = Kind::Sent;
        transition.carrierId = result.carrierId;
        update.result = OutboxUpdate::Result::Sent;
        update.carrierId = result.carrierId;
        break;
    case SendResult::Outcome::Refused:
        transition.kind = Kind::Failed;
        transition.errorCode = result.code;
        update.result = OutboxUpdate::Result::RefusedByProvider;
        update.code = result.code;
        describeCode(result.code, result.providerMessage, &update.meaning, &update.resolution);
        transition.reason = result.code.isEmpty() || !OutboundErrorCatalogue::find(result.code)
                                ? update.meaning
                                : OutboundErrorCatalogue::describe(result.code);
        break;
    case SendResult::Outcome::BadAnswer:
    case SendResult::Outcome::NoAnswer:
        transition.kind = Kind::Unconfirmed;
        update.result = OutboxUpdate::Result::Unconfirmed;
        update.meaning =
            result.outcome == SendResult::Outcome::NoAnswer
                ? tr("The message went out but onCloud did not answer (%1), so whether it was "
                     "queued is unknown.")
                      .arg(result.error)
                : tr("onCloud answered in a way SMS Desk cannot read (HTTP %1), so whether the "
                     "message was queued is unknown.")
                      .arg(result.httpStatus);
        update.resolution = tr("Check with the recipient, then resend the message or mark it as "
                               "failed. SMS Desk does not send it again by itself.");
        transition.reason = update.meaning;
        break;
    case SendResult::Outcome::NotSent:
    case SendResult::Outcome::HttpError:
        if (result.isTransient()) {
            const QString code = result.httpStatus > 0
                                     ? QStringLiteral("HTTP-%1").arg(result.httpStatus)
                                     : QString();
            retryOrFail(claim, attempt, update, result.describe(), code, result.retryAfterMs,
                        OutboxUpdate::Result::NetworkFailure);
            return;
        }
        transition.kind = Kind::Failed;
        transition.errorCode = QStringLiteral("HTTP-%1").arg(result.httpStatus);
        update.result = OutboxUpdate::Result::RefusedByProvider;
        update.code = transition.errorCode;
        update.meaning = tr("onCloud refused the message with HTTP status %1 and no error code.")
                             .arg(result.httpStatus);
        update.resolution = tr("Check the outbound API address in the settings; if it is right, "
                               "tell your onCloud administrator what came back.");
        transition.reason = result.describe();
        break;
    }
    conclude(claim, attempt, transition, update);
}

void Outbox::retryOrFail(const OutboxStore::Claim& claim, OutboxStore::Attempt attempt,
                         OutboxUpdate update, const QString& reason, const QString& code,
                         qint64 retryAfterMs, OutboxUpdate::Result exhausted)
{
    using Kind = OutboxStore::Transition::Kind;
    OutboxStore::Transition transition;
    transition.reason = reason;
    if (m_options.retry.mayRetry(claim.attempt)) {
        transition.kind = Kind::Retry;
        transition.nextAttemptAtMs =
            m_clock.nowMs() + m_options.retry.delayMs(claim.attempt, retryAfterMs, m_random);
        update.result = OutboxUpdate::Result::Retrying;
        update.nextAttemptAtMs = transition.nextAttemptAtMs;
        update.code = code;
        update.meaning = reason;
    } else {
        transition.kind = Kind::Failed;
        transition.errorCode = code;
        update.result = exhausted;
        update.code = code;
        if (exhausted == OutboxUpdate::Result::NetworkFailure) {
            update.meaning =
                tr("The message could not be sent after %n attempt(s).", nullptr, claim.attempt);
            update.resolution = tr("Check the internet connection and the outbound API "
                                   "address, then resend the message.");
        } else {
            update.meaning = reason;
            update.resolution = tr("Unlock or start the system keychain, then resend the "
                                   "message.");
        }
    }
    conclude(claim, attempt, transition, update);
}

void Outbox::conclude(const OutboxStore::Claim& claim, const OutboxStore::Attempt& attempt,
                      const OutboxStore::Transition& transition, const OutboxUpdate& update,
                      int tries)
{
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    m_worker.post<QString>(
        [&clock, zone, claim, attempt, transition](QSqlDatabase& db) {
            OutboxStore store(db, clock, zone);
            return store.finish(claim, attempt, transition)
                       ? QString()
                       : (store.lastError().isEmpty() ? QStringLiteral("unknown store error")
                                                      : store.lastError());
        },
        this,
        [this, claim, attempt, transition, update, tries](const QString& error) {
            if (!error.isEmpty() && tries + 1 < kFinishTries) {
                qWarning("outbox: recording message %lld failed (%s); trying again",
                         claim.messageId, qPrintable(error));
                QTimer::singleShot(kFinishRetryMs, this,
                                   [this, claim, attempt, transition, update, tries] {
                                       conclude(claim, attempt, transition, update, tries + 1);
                                   });
                return;
            }
            if (!error.isEmpty())
                qWarning("outbox: recording message %lld failed: %s", claim.messageId,
                         qPrintable(error));
            m_inFlight.remove(claim.messageId);
            if (claim.messageId == m_onlyMessageId && update.isFinal())
                m_reportedOnly = true;
            Q_EMIT updated(update);
            if (m_running) {
                pump();
                if (transition.kind == OutboxStore::Transition::Kind::Retry)
                    schedule(transition.nextAttemptAtMs - m_clock.nowMs());
            }
            checkIdle();
        });
}

void Outbox::resend(qint64 messageId, DoneCallback done)
{
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    m_worker.post<QString>(
        [&clock, zone, messageId](QSqlDatabase& db) {
            OutboxStore store(db, clock, zone);
            return store.resend(messageId) ? QString() : store.lastError();
        },
        this,
        [this, messageId, done = std::move(done)](const QString& error) {
            if (error.isEmpty() && messageId == m_onlyMessageId)
                m_reportedOnly = false;
            if (error.isEmpty() && m_running)
                pump();
            done(error.isEmpty(), error);
        });
}

void Outbox::markFailed(qint64 messageId, const QString& reason, DoneCallback done)
{
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    m_worker.post<QString>(
        [&clock, zone, messageId, reason](QSqlDatabase& db) {
            OutboxStore store(db, clock, zone);
            return store.markFailed(messageId, reason) ? QString() : store.lastError();
        },
        this, [done = std::move(done)](const QString& error) { done(error.isEmpty(), error); });
}

void Outbox::state(qint64 messageId, StateCallback done)
{
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    m_worker.post<std::optional<OutboxStore::State>>(
        [&clock, zone, messageId](QSqlDatabase& db) {
            OutboxStore store(db, clock, zone);
            return store.state(messageId);
        },
        this, std::move(done));
}

void Outbox::usage(qint64 numberId, UsageCallback done)
{
    const Clock& clock = m_clock;
    const QTimeZone zone = m_options.timeZone;
    using Result = std::pair<std::optional<PlanUsage>, QString>;
    m_worker.post<Result>(
        [&clock, zone, numberId](QSqlDatabase& db) {
            const PlanUsageReader reader(db, clock, zone);
            std::optional<PlanUsage> usage = reader.forNumber(numberId);
            return Result{usage, reader.lastError()};
        },
        this,
        [done = std::move(done)](const Result& result) { done(result.first, result.second); });
}

} // namespace smsdesk
