#include "FailureReader.h"

#include "FailureCatalogue.h"
#include "PbxFallback.h"
#include "listener/ListenerEvent.h"
#include "store/Database.h"
#include "store/RequestLogReader.h"
#include "store/SqlConditions.h"

#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

namespace {

// The outcomes of a delivery the PBX got a 200 for (the message is stored).
const char kStoredOutcomes[] = "('accepted', 'duplicate', 'unassigned')";

// The columns every kind's SELECT yields, in the order rowToEntry() reads them.
//  0 kind, 1 fkey, 2 at, 3 number_id, 4 did, 5 remote, 6 provider, 7 cause, 8 code, 9 detail,
// 10 http_status, 11 attempts, 12 failed_attempts, 13 message_id, 14 request_id, 15 status,
// 16 pbx_id, 17 fallback_email; then 18 resolved_by, 19 resolved_at from the resolution.
const char kSends[] =
    "SELECT 0 AS kind, 'send:' || CAST(m.id AS TEXT) || ':' || CAST((SELECT COUNT(*) FROM "
    "outbound_attempts a WHERE a.message_id = m.id) AS TEXT) AS fkey,"
    " COALESCE((SELECT MAX(a.started_at) FROM outbound_attempts a WHERE a.message_id = m.id),"
    " m.received_at) AS at, COALESCE(m.number_id, 0) AS number_id, m.did AS did,"
    " m.remote AS remote, m.provider AS provider, COALESCE(m.error_code, m.status) AS cause,"
    " COALESCE(m.error_code, '') AS code, COALESCE(o.last_error, '') AS detail,"
    " COALESCE((SELECT a.http_status FROM outbound_attempts a WHERE a.message_id = m.id"
    " ORDER BY a.id DESC LIMIT 1), 0) AS http_status,"
    " (SELECT COUNT(*) FROM outbound_attempts a WHERE a.message_id = m.id) AS attempts,"
    " 0 AS failed_attempts, m.id AS message_id, CAST(0 AS BIGINT) AS request_id,"
    " m.status AS status, '' AS pbx_id, '' AS fallback_email"
    " FROM messages m JOIN outbox o ON o.message_id = m.id"
    " WHERE m.direction = 'outbound' AND m.status IN ('failed', 'unconfirmed')";

const char kDeliveries[] =
    "SELECT 1, 'delivery:' || CAST(s.id AS TEXT), s.received_at, COALESCE(m.number_id, 0),"
    " m.did, m.remote, m.provider, m.provider || ':' || s.raw_status, s.raw_status,"
    " COALESCE(s.detail, ''), 0, 0, 0, m.id,"
    " COALESCE((SELECT MIN(r.id) FROM request_log r WHERE r.message_id = s.message_id AND"
    " r.received_at = s.received_at), 0), s.status, '', ''"
    " FROM message_status s JOIN messages m ON m.id = s.message_id"
    " WHERE s.status IN ('failed', 'unknown') AND m.direction = 'outbound' AND"
    " (s.status = 'failed' OR m.provider = 'zonitel')";

const char kInbound[] =
    "SELECT 2, 'request:' || CAST(r.id AS TEXT), r.received_at, COALESCE(r.number_id, 0),"
    " COALESCE(n.e164, ''), '', COALESCE(r.provider, ''), r.outcome, r.outcome,"
    " COALESCE(r.reason, ''), COALESCE(r.response_status, 0), 0, 0, COALESCE(r.message_id, 0),"
    " r.id, '', '', ''"
    " FROM request_log r LEFT JOIN numbers n ON n.id = r.number_id"
    " WHERE %NOTACCEPTED% AND r.outcome IN (%OUTCOMES%)";

// The PBX messages with failed deliveries (%FAILED%: failedOutcomes(), read through the outcome
// index of the requests not accepted, %NOTACCEPTED%, so only failed requests' bodies are read) and
// no delivery answered as stored: none of their message's requests (the message stored under the
// PBX's message_id, as sent or in upper case) has a stored outcome (%STORED%). %PBXID%:
// PbxFallback::messageIdSql().
const char kFallbacks[] =
    "SELECT 3, 'fallback:' || p.pbx_id, p.last_at, COALESCE(p.number_id, 0),"
    " COALESCE(n.e164, ''), '', 'pbx', CASE WHEN p.failed >= %MAX% THEN 'fallback-emailed' ELSE"
    " 'fallback-pending' END, '', '', 0, p.failed, p.failed, COALESCE(p.message_id, 0),"
    " p.last_request, '', p.pbx_id, COALESCE(n.fallback_email, '')"
    " FROM (SELECT q.pbx_id AS pbx_id, MAX(q.received_at) AS last_at, MAX(q.number_id) AS"
    " number_id, MAX(q.message_id) AS message_id, MAX(q.id) AS last_request, COUNT(*) AS failed"
    " FROM (SELECT %PBXID% AS pbx_id, r.id AS id, r.received_at AS received_at, r.number_id AS"
    " number_id, r.message_id AS message_id FROM request_log r"
    " WHERE %NOTACCEPTED% AND r.outcome IN (%FAILED%) AND r.provider = 'pbx') q"
    " WHERE q.pbx_id IS NOT NULL AND q.pbx_id <> '' GROUP BY q.pbx_id) p"
    " LEFT JOIN numbers n ON n.id = p.number_id"
    " WHERE NOT EXISTS (SELECT 1 FROM messages m JOIN request_log s ON s.message_id = m.id"
    " WHERE m.provider = 'pbx' AND m.provider_message_id IN (p.pbx_id, upper(p.pbx_id)) AND"
    " s.outcome IN %STORED%)";

// The outcomes of a PBX delivery that failed: the refusals and store failures, and the fault
// drills (stored, then answered wrongly).
QStringList failedOutcomes()
{
    return FailureCatalogue::inboundFailureOutcomes()
           << ListenerEvent::drillError() << ListenerEvent::drillNoAnswer();
}

FailureEntry rowToEntry(const QSqlQuery& query)
{
    FailureEntry entry;
    entry.kind = static_cast<FailureEntry::Kind>(query.value(0).toInt());
    entry.key = query.value(1).toString();
    entry.atMs = query.value(2).toLongLong();
    entry.numberId = query.value(3).toLongLong();
    entry.did = query.value(4).toString();
    entry.remote = query.value(5).toString();
    entry.provider = query.value(6).toString();
    entry.cause = query.value(7).toString();
    entry.code = query.value(8).toString();
    entry.detail = query.value(9).toString();
    entry.httpStatus = query.value(10).toInt();
    entry.attempts = query.value(11).toInt();
    entry.failedAttempts = query.value(12).toInt();
    entry.messageId = query.value(13).toLongLong();
    entry.requestId = query.value(14).toLongLong();
    entry.status = query.value(15).toString();
    entry.pbxMessageId = query.value(16).toString();
    entry.fallbackEmail = query.value(17).toString();
    entry.resolvedBy = query.value(18).toString();
    entry.resolvedAtMs = query.value(19).isNull() ? 0 : query.value(19).toLongLong();
    return entry;
}

QString quotedList(const QStringList& words)
{
    QStringList quoted;
    for (const QString& word : words) {
        QString escaped = word;
        escaped.replace(u'\'', QLatin1String("''"));
        quoted.append(QLatin1Char('\'') + escaped + QLatin1Char('\''));
    }
    return quoted.join(QLatin1String(", "));
}

} // namespace

FailureReader::FailureReader(QSqlDatabase db) : m_db(std::move(db)) {}

bool FailureReader::isPostgres() const
{
    return m_db.driverName() == QLatin1String("QPSQL");
}

QString FailureReader::failures(const QString& columns, const FailureFilter& filter,
                                bool withCauses, QVariantList* values, QStringList* where) const
{
    QString fallbacks = QString::fromLatin1(kFallbacks);
    fallbacks.replace(QLatin1String("%PBXID%"), PbxFallback::messageIdSql(isPostgres()));
    fallbacks.replace(QLatin1String("%STORED%"), QLatin1String(kStoredOutcomes));
    fallbacks.replace(QLatin1String("%FAILED%"), quotedList(failedOutcomes()));
    fallbacks.replace(QLatin1String("%MAX%"), QString::number(PbxFallback::MaxAttempts));
    fallbacks.replace(QLatin1String("%NOTACCEPTED%"), RequestLogReader::notAcceptedSql());
    QString inbound = QString::fromLatin1(kInbound);
    inbound.replace(QLatin1String("%NOTACCEPTED%"), RequestLogReader::notAcceptedSql());
    inbound.replace(QLatin1String("%OUTCOMES%"),
                    quotedList(FailureCatalogue::inboundFailureOutcomes()));

    const QString all =
        QStringLiteral("(%1 UNION ALL %2 UNION ALL %3 UNION ALL %4) f")
            .arg(QLatin1String(kSends), QLatin1String(kDeliveries), inbound, fallbacks);
    if (!filter.kinds.isEmpty()) {
        QStringList kinds;
        for (const FailureEntry::Kind kind : filter.kinds)
            kinds.append(QString::number(static_cast<int>(kind)));
        where->append(QStringLiteral("f.kind IN (%1)").arg(kinds.join(QLatin1String(", "))));
    }
    if (!filter.did.isEmpty()) {
        where->append(QStringLiteral("f.did = ?"));
        values->append(filter.did);
    }
    SqlConditions::addTimeRange(where, values, QStringLiteral("f.at"), filter.fromMs, filter.toMs);
    if (withCauses)
        SqlConditions::addIn(where, values, QStringLiteral("f.cause"), filter.causes);
    if (!filter.includeResolved)
        where->append(QStringLiteral("fr.failure_key IS NULL"));
    return QStringLiteral("SELECT %1 FROM %2 LEFT JOIN failure_resolutions fr ON "
                          "fr.failure_key = f.fkey")
        .arg(columns, all);
}

QList<FailureEntry> FailureReader::page(const FailureFilter& filter,
                                        const std::optional<Cursor>& after, int limit) const
{
    m_lastError.clear();
    if (limit <= 0)
        return {};
    QVariantList values;
    QStringList where;
    QString sql = failures(QStringLiteral("f.*, fr.resolved_by, fr.resolved_at"), filter, true,
                           &values, &where);
    if (after) {
        where.append(QStringLiteral("(f.at < ? OR (f.at = ? AND f.fkey < ?))"));
        values << after->atMs << after->atMs << after->key;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QStringLiteral(" ORDER BY f.at DESC, f.fkey DESC LIMIT %1").arg(limit);

    QList<FailureEntry> entries;
    if (!Database::select(
            m_db, sql, values,
            [&entries](const QSqlQuery& row) { entries.append(rowToEntry(row)); }, &m_lastError))
        return {};
    completeFallbacks(&entries);
    return entries;
}

QList<FailureReader::CauseCount> FailureReader::causes(const FailureFilter& filter) const
{
    m_lastError.clear();
    QVariantList values;
    QStringList where;
    QString sql =
        failures(QStringLiteral("f.kind, f.cause, COUNT(*)"), filter, false, &values, &where);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QStringLiteral(" GROUP BY f.kind, f.cause ORDER BY COUNT(*) DESC, f.kind, f.cause");
    QList<CauseCount> counts;
    if (!Database::select(
            m_db, sql, values,
            [&counts](const QSqlQuery& row) {
                counts.append({static_cast<FailureEntry::Kind>(row.value(0).toInt()),
                               row.value(1).toString(), row.value(2).toLongLong()});
            },
            &m_lastError))
        return {};
    return counts;
}

qint64 FailureReader::unresolvedCount() const
{
    m_lastError.clear();
    QVariantList values;
    QStringList where;
    QString sql = failures(QStringLiteral("COUNT(*)"), FailureFilter(), false, &values, &where);
    sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    qint64 count = -1;
    if (!Database::select(
            m_db, sql, values,
            [&count](const QSqlQuery& row) { count = row.value(0).toLongLong(); }, &m_lastError))
        return -1;
    return count;
}

std::optional<FailureReader::PbxDeliveries>
FailureReader::pbxDeliveries(const QString& pbxMessageId) const
{
    m_lastError.clear();
    const QString id = PbxFallback::messageIdSql(isPostgres());
    const QVariantList values{pbxMessageId.trimmed().toLower()};
    PbxDeliveries deliveries;
    FailureEntry entry; // its number's fallback email, else the one its last request names
    entry.kind = FailureEntry::Kind::Fallback;
    const bool read = Database::select(
        m_db,
        QStringLiteral("SELECT r.id, r.outcome IN %1, r.number_id, n.fallback_email FROM "
                       "request_log r LEFT JOIN numbers n ON n.id = r.number_id WHERE "
                       "r.provider = 'pbx' AND %2 = ? ORDER BY r.id")
            .arg(QLatin1String(kStoredOutcomes), id),
        values,
        [&](const QSqlQuery& row) {
            deliveries.requestIds.append(row.value(0).toLongLong());
            if (row.value(1).toBool())
                deliveries.stored = true;
            else
                ++deliveries.failed;
            if (!row.value(2).isNull()) {
                entry.numberId = row.value(2).toLongLong();
                entry.fallbackEmail = row.value(3).toString();
            }
        },
        &m_lastError);
    if (!read)
        return std::nullopt;
    deliveries.attempts = int(deliveries.requestIds.size());
    if (!deliveries.requestIds.isEmpty()) {
        entry.requestId = deliveries.requestIds.constLast();
        QList<FailureEntry> one{entry};
        completeFallbacks(&one);
        deliveries.fallbackEmail = one.first().fallbackEmail;
    }
    return deliveries;
}

void FailureReader::completeFallbacks(QList<FailureEntry>* entries) const
{
    for (FailureEntry& entry : *entries) {
        if (entry.kind != FailureEntry::Kind::Fallback || !entry.fallbackEmail.isEmpty() ||
            entry.requestId <= 0)
            continue;
        QString error; // none: the address stays unknown
        Database::select(
            m_db, QStringLiteral("SELECT body FROM request_log WHERE id = ?"), {entry.requestId},
            [&entry](const QSqlQuery& row) {
                entry.fallbackEmail = PbxFallback::fallbackEmailIn(row.value(0).toByteArray());
            },
            &error);
    }
}

} // namespace smsdesk
