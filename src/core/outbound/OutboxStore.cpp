#include "OutboxStore.h"

#include "OutboundErrorCatalogue.h"
#include "PlanGuard.h"
#include "PlanUsageReader.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/OptOutRepository.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::OutboxStore", text);
}

QVariant nullIfEmpty(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QVariant nullIfNegative(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QVariant nullIfZero(int value)
{
    return value <= 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(value);
}

QString mediaJson(const QString& mediaUrl)
{
    const QJsonArray media = mediaUrl.isEmpty() ? QJsonArray() : QJsonArray{mediaUrl};
    return QString::fromUtf8(QJsonDocument(media).toJson(QJsonDocument::Compact));
}

QString firstMedia(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array().at(0).toString();
}

// How many candidates one claim looks at: those another process takes first are skipped.
constexpr int kClaimCandidates = 16;

} // namespace

OutboxStore::OutboxStore(QSqlDatabase db, const Clock& clock, QTimeZone zone)
    : m_db(std::move(db)), m_clock(clock), m_zone(std::move(zone))
{}

bool OutboxStore::isPostgres() const
{
    return m_db.driverName() == QLatin1String("QPSQL");
}

bool OutboxStore::fail(const QString& error)
{
    m_lastError = error;
    return false;
}

bool OutboxStore::exec(const QString& sql, const QVariantList& values, int* rowsAffected)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return fail(query.lastError().text());
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError().text());
    if (rowsAffected)
        *rowsAffected = query.numRowsAffected();
    return true;
}

// SQLite: the write lock up front, so that the plan guard's count and the insert (or a
// claim's SELECT and UPDATE) see the same database; PostgreSQL: row locks do the same.
bool OutboxStore::begin()
{
    m_lastError.clear();
    if (isPostgres()) {
        if (!m_db.transaction())
            return fail(m_db.lastError().text());
        return true;
    }
    return exec(QStringLiteral("BEGIN IMMEDIATE"), {});
}

bool OutboxStore::commit()
{
    if (isPostgres()) {
        if (!m_db.commit())
            return fail(m_db.lastError().text());
        return true;
    }
    return exec(QStringLiteral("COMMIT"), {});
}

void OutboxStore::rollback()
{
    const QString kept = m_lastError;
    if (isPostgres())
        m_db.rollback();
    else
        exec(QStringLiteral("ROLLBACK"), {});
    m_lastError = kept;
}

OutboxStore::QueueResult OutboxStore::queue(qint64 numberId, const QString& remoteE164,
                                            const QString& text, const QString& mediaUrl)
{
    QueueResult result;
    if (!begin()) {
        result.error = m_lastError;
        return result;
    }
    const auto abandon = [&](const QString& error) {
        if (!error.isEmpty())
            m_lastError = error;
        rollback();
        result.error = m_lastError;
        return result;
    };
    // Messages of one number are queued one at a time (PostgreSQL: the number's row lock),
    // so two desks cannot both take the last message of a plan.
    if (isPostgres() &&
        !exec(QStringLiteral("SELECT id FROM numbers WHERE id = ? FOR UPDATE"), {numberId}))
        return abandon({});
    const NumberRepository numbers(m_db, m_clock);
    const std::optional<NumberRecord> number = numbers.find(numberId);
    if (!number) {
        if (!numbers.lastError().isEmpty())
            return abandon(numbers.lastError());
        result.refusalReason = tr("The number is not provisioned.");
    } else if (number->provider != QLatin1String("oncloud")) {
        result.refusalReason =
            tr("%1 is not an onCloud number: SMS Desk sends through onCloud only.")
                .arg(number->e164);
    } else if (!number->enabled) {
        result.refusalReason =
            tr("%1 is disabled: enable it on the Numbers page to send from it.").arg(number->e164);
    }
    if (!result.refusalReason.isEmpty()) {
        rollback();
        return result;
    }
    const PlanUsageReader reader(m_db, m_clock, m_zone);
    const std::optional<PlanUsage> usage = reader.forNumber(*number);
    if (!usage)
        return abandon(reader.lastError());
    result.usage = *usage;
    result.refusal = PlanGuard::refusal(*number, *usage);
    if (result.refusal.isEmpty() &&
        !optedOut(number->e164, remoteE164, &result.refusal, &result.refusalDetail))
        return abandon({});
    if (!result.refusal.isEmpty()) {
        rollback();
        return result;
    }

    const qint64 now = m_clock.nowMs();
    qint64 id = 0;
    if (!Database::select(
            m_db,
            QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, remote, "
                           "text, media, status, received_at) VALUES ('outbound', 'oncloud', ?, "
                           "?, ?, ?, ?, 'queued', ?) RETURNING id"),
            {number->id, number->e164, remoteE164, text.isNull() ? QStringLiteral("") : text,
             mediaJson(mediaUrl), now},
            [&id](const QSqlQuery& query) { id = query.value(0).toLongLong(); }, &m_lastError) ||
        id <= 0 ||
        !exec(QStringLiteral("INSERT INTO outbox (message_id, attempts, next_attempt_at, "
                             "created_at) VALUES (?, 0, ?, ?)"),
              {id, now, now}) ||
        !commit())
        return abandon({});
    result.messageId = id;
    result.usage.used += 1;
    return result;
}

bool OutboxStore::optedOut(const QString& did, const QString& remote, QString* refusal,
                           QString* detail)
{
    const OptOutRepository optOuts(m_db);
    const std::optional<OptOutRepository::OptOut> optOut = optOuts.find(did, remote);
    if (!optOuts.lastError().isEmpty())
        return fail(optOuts.lastError());
    if (!optOut || !optOut->optedOut)
        return true;
    *refusal = QString(OutboundErrorCatalogue::OptedOut);
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(optOut->changedAtMs, m_zone);
    *detail =
        tr("%1 texted %2 to %3 on %4.")
            .arg(remote, optOut->keyword, did, QLocale().toString(when, QLocale::ShortFormat));
    return true;
}

QList<qint64> OutboxStore::expireLeases()
{
    QList<qint64> expired;
    const qint64 now = m_clock.nowMs();
    QList<qint64> candidates;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT o.message_id FROM outbox o JOIN messages m ON m.id = "
                           "o.message_id WHERE o.pending = 1 AND m.status = 'sending' AND "
                           "o.lease_until < ?"),
            {now},
            [&candidates](const QSqlQuery& query) { candidates << query.value(0).toLongLong(); },
            &m_lastError))
        return expired;
    const QString reason =
        tr("SMS Desk stopped while sending this message, so whether onCloud received it is "
           "unknown. Resend it or mark it as failed.");
    for (const qint64 id : std::as_const(candidates)) {
        if (!begin())
            return expired;
        int rows = 0;
        if (!exec(QStringLiteral("UPDATE messages SET status = 'unconfirmed' WHERE id = ? AND "
                                 "status = 'sending'"),
                  {id}, &rows)) {
            rollback();
            return expired;
        }
        if (rows == 1 &&
            (!exec(QStringLiteral("UPDATE outbox SET pending = 0, claim_token = NULL, "
                                  "lease_until = NULL, last_error = ? WHERE message_id = ?"),
                   {reason, id}) ||
             !exec(QStringLiteral(
                       "INSERT INTO outbound_attempts (message_id, attempt, started_at, outcome, "
                       "detail) VALUES (?, (SELECT COUNT(*) + 1 FROM outbound_attempts WHERE "
                       "message_id = ?), ?, 'interrupted', ?)"),
                   {id, id, now, reason}))) {
            rollback();
            return expired;
        }
        if (!commit()) {
            rollback();
            return expired;
        }
        if (rows == 1)
            expired << id;
    }
    return expired;
}

std::optional<qint64> OutboxStore::nextDueMs(qint64 onlyMessageId)
{
    std::optional<qint64> due;
    QString sql = QStringLiteral("SELECT MIN(o.next_attempt_at) FROM outbox o JOIN messages m ON "
                                 "m.id = o.message_id WHERE o.pending = 1 AND m.status = "
                                 "'queued'");
    QVariantList values;
    if (onlyMessageId > 0) {
        sql += QStringLiteral(" AND o.message_id = ?");
        values << onlyMessageId;
    }
    Database::select(
        m_db, sql, values,
        [&due](const QSqlQuery& query) {
            if (!query.value(0).isNull())
                due = query.value(0).toLongLong();
        },
        &m_lastError);
    return due;
}

std::optional<OutboxStore::Claim> OutboxStore::claim(const QString& token, qint64 leaseMs,
                                                     qint64 onlyMessageId)
{
    const qint64 now = m_clock.nowMs();
    if (!begin())
        return std::nullopt;
    QString sql = QStringLiteral("SELECT o.message_id FROM outbox o JOIN messages m ON m.id = "
                                 "o.message_id WHERE o.pending = 1 AND o.next_attempt_at <= ? "
                                 "AND m.status = 'queued'");
    QVariantList values{now};
    if (onlyMessageId > 0) {
        sql += QStringLiteral(" AND o.message_id = ?");
        values << onlyMessageId;
    }
    sql +=
        QStringLiteral(" ORDER BY o.next_attempt_at, o.message_id LIMIT %1").arg(kClaimCandidates);
    QList<qint64> candidates;
    if (!Database::select(
            m_db, sql, values,
            [&candidates](const QSqlQuery& query) { candidates << query.value(0).toLongLong(); },
            &m_lastError)) {
        rollback();
        return std::nullopt;
    }

    for (const qint64 id : std::as_const(candidates)) {
        // The claim itself: only one process sees its UPDATE change the row.
        int rows = 0;
        if (!exec(QStringLiteral(
                      "UPDATE messages SET status = 'sending' WHERE id = ? AND status = 'queued'"),
                  {id}, &rows)) {
            rollback();
            return std::nullopt;
        }
        if (rows != 1)
            continue;
        if (!exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, claim_token = ?, "
                                 "lease_until = ? WHERE message_id = ?"),
                  {token, now + leaseMs, id})) {
            rollback();
            return std::nullopt;
        }
        Claim claim;
        claim.messageId = id;
        claim.token = token;
        QString media;
        if (!Database::select(
                m_db,
                QStringLiteral(
                    "SELECT m.number_id, m.did, m.remote, m.text, m.media, o.attempts "
                    "FROM messages m JOIN outbox o ON o.message_id = m.id WHERE m.id = ?"),
                {id},
                [&](const QSqlQuery& query) {
                    claim.numberId = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
                    claim.did = query.value(1).toString();
                    claim.remote = query.value(2).toString();
                    claim.text = query.value(3).toString();
                    media = query.value(4).toString();
                    claim.attempt = query.value(5).toInt();
                },
                &m_lastError)) {
            rollback();
            return std::nullopt;
        }
        claim.mediaUrl = firstMedia(media);

        // The plan guard again: the plan may have changed since the message was queued.
        const NumberRepository numbers(m_db, m_clock);
        const std::optional<NumberRecord> number =
            claim.numberId > 0 ? numbers.find(claim.numberId) : std::nullopt;
        if (!number) {
            claim.refusalReason = tr("%1 is no longer provisioned in SMS Desk.").arg(claim.did);
        } else if (!number->enabled) {
            claim.refusalReason = tr("%1 is disabled.").arg(number->e164);
        } else {
            const PlanUsageReader reader(m_db, m_clock, m_zone);
            const std::optional<PlanUsage> usage = reader.forNumber(*number, id);
            if (!usage) {
                m_lastError = reader.lastError();
                rollback();
                return std::nullopt;
            }
            claim.refusal = PlanGuard::refusal(*number, *usage);
            QString detail;
            if (claim.refusal.isEmpty() &&
                !optedOut(number->e164, claim.remote, &claim.refusal, &detail)) {
                rollback();
                return std::nullopt;
            }
        }
        if (!commit()) {
            rollback();
            return std::nullopt;
        }
        return claim;
    }
    if (!commit()) {
        rollback();
        return std::nullopt;
    }
    return std::nullopt;
}

bool OutboxStore::finish(const Claim& claim, const Attempt& attempt, const Transition& transition)
{
    if (!begin())
        return false;
    const qint64 id = claim.messageId;
    if (!exec(QStringLiteral(
                  "INSERT INTO outbound_attempts (message_id, attempt, started_at, latency_ms, "
                  "url, http_status, outcome, error_code, detail, answer) VALUES (?, (SELECT "
                  "COUNT(*) + 1 FROM outbound_attempts WHERE message_id = ?), ?, ?, ?, ?, ?, ?, "
                  "?, ?)"),
              {id, id, attempt.startedAtMs, nullIfNegative(attempt.latencyMs),
               attempt.url.isNull() ? QStringLiteral("") : attempt.url,
               nullIfZero(attempt.httpStatus), attempt.outcome, nullIfEmpty(attempt.errorCode),
               nullIfEmpty(attempt.detail), nullIfEmpty(attempt.answer)})) {
        rollback();
        return false;
    }
    // Still ours? A claim whose lease ran out may have been taken over (resent by the user).
    int owned = 0;
    using Kind = Transition::Kind;
    const QVariant reason =
        nullIfEmpty(transition.kind == Kind::Sent ? QString() : transition.reason);
    bool ok = transition.kind == Kind::Retry
                  ? exec(QStringLiteral("UPDATE outbox SET claim_token = NULL, lease_until = NULL, "
                                        "last_error = ?, next_attempt_at = ? WHERE message_id = ? "
                                        "AND claim_token = ?"),
                         {reason, transition.nextAttemptAtMs, id, claim.token}, &owned)
                  : exec(QStringLiteral("UPDATE outbox SET pending = 0, claim_token = NULL, "
                                        "lease_until = NULL, last_error = ? WHERE message_id = ? "
                                        "AND claim_token = ?"),
                         {reason, id, claim.token}, &owned);
    if (ok && (owned == 1 || transition.kind == Kind::Sent)) {
        switch (transition.kind) {
        case Kind::Sent:
            ok = exec(QStringLiteral("UPDATE messages SET status = 'sent', provider_message_id = "
                                     "?, error_code = NULL WHERE id = ?"),
                      {nullIfEmpty(transition.carrierId), id});
            break;
        case Kind::Retry:
            ok = exec(QStringLiteral("UPDATE messages SET status = 'queued' WHERE id = ? AND "
                                     "status = 'sending'"),
                      {id});
            break;
        case Kind::Failed:
            ok = exec(QStringLiteral("UPDATE messages SET status = 'failed', error_code = ? "
                                     "WHERE id = ? AND status = 'sending'"),
                      {nullIfEmpty(transition.errorCode), id});
            break;
        case Kind::Unconfirmed:
            ok = exec(QStringLiteral("UPDATE messages SET status = 'unconfirmed' WHERE id = ? "
                                     "AND status = 'sending'"),
                      {id});
            break;
        }
    }
    if (!ok || !commit()) {
        rollback();
        return false;
    }
    return true;
}

std::optional<OutboxStore::State> OutboxStore::state(qint64 messageId)
{
    std::optional<State> found;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT m.status, m.provider_message_id, m.error_code, o.last_error, "
                           "o.attempts, o.next_attempt_at FROM messages m LEFT JOIN outbox o ON "
                           "o.message_id = m.id WHERE m.id = ?"),
            {messageId},
            [&](const QSqlQuery& query) {
                State state;
                state.messageId = messageId;
                state.status = query.value(0).toString();
                state.providerMessageId = query.value(1).toString();
                state.errorCode = query.value(2).toString();
                state.lastError = query.value(3).toString();
                state.attempts = query.value(4).toInt();
                state.nextAttemptAtMs = query.value(5).toLongLong();
                found = state;
            },
            &m_lastError))
        return std::nullopt;
    return found;
}

bool OutboxStore::resend(qint64 messageId)
{
    if (!begin())
        return false;
    int rows = 0;
    if (!exec(QStringLiteral("UPDATE messages SET status = 'queued', error_code = NULL WHERE id = "
                             "? AND direction = 'outbound' AND status IN ('unconfirmed', "
                             "'failed') AND EXISTS (SELECT 1 FROM outbox WHERE message_id = ?)"),
              {messageId, messageId}, &rows) ||
        (rows == 1 && !exec(QStringLiteral("UPDATE outbox SET pending = 1, attempts = 0, "
                                           "next_attempt_at = ?, claim_token = NULL, lease_until "
                                           "= NULL, last_error = NULL WHERE message_id = ?"),
                            {m_clock.nowMs(), messageId})) ||
        !commit()) {
        rollback();
        return false;
    }
    if (rows != 1)
        return fail(tr("The message is neither unconfirmed nor failed."));
    return true;
}

bool OutboxStore::markFailed(qint64 messageId, const QString& reason)
{
    if (!begin())
        return false;
    int rows = 0;
    if (!exec(QStringLiteral("UPDATE messages SET status = 'failed' WHERE id = ? AND status = "
                             "'unconfirmed'"),
              {messageId}, &rows) ||
        (rows == 1 && !exec(QStringLiteral("UPDATE outbox SET last_error = ? WHERE message_id = ?"),
                            {reason, messageId})) ||
        !commit()) {
        rollback();
        return false;
    }
    if (rows != 1)
        return fail(tr("The message is not unconfirmed."));
    return true;
}

} // namespace smsdesk
