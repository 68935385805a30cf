#include "RequestLogReader.h"

#include "SqlConditions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace smsdesk {

namespace {

// The columns of one entry, in the order rowToEntry() reads them; %HEADERS% and %BODY% are the
// headers and the body.
const char kColumns[] =
    "SELECT r.id, r.received_at, r.peer, r.method, r.target, %HEADERS%, %BODY%, r.body_size,"
    " r.provider, r.number_id, r.outcome, r.reason, r.response_status, r.response_body,"
    " r.latency_us, r.message_id, m.direction, COALESCE(m.did, n.e164), m.remote"
    " FROM request_log r"
    " LEFT JOIN messages m ON m.id = r.message_id"
    " LEFT JOIN numbers n ON n.id = r.number_id";

QList<RequestLogEntry::Header> parseHeaders(const QString& json)
{
    QList<RequestLogEntry::Header> headers;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2)
            continue;
        headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    return headers;
}

RequestLogEntry rowToEntry(const QSqlQuery& query)
{
    RequestLogEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.receivedAtMs = query.value(1).toLongLong();
    entry.peer = query.value(2).toString();
    entry.method = query.value(3).toString();
    entry.target = query.value(4).toString();
    entry.headers = parseHeaders(query.value(5).toString());
    entry.body = query.value(6).toByteArray();
    entry.bodySize = query.value(7).toLongLong();
    entry.provider = query.value(8).toString();
    entry.numberId = query.value(9).isNull() ? 0 : query.value(9).toLongLong();
    entry.outcome = query.value(10).toString();
    entry.reason = query.value(11).toString();
    entry.responseStatus = query.value(12).isNull() ? 0 : query.value(12).toInt();
    entry.responseBody = query.value(13).isNull() ? QString() : query.value(13).toString();
    entry.latencyUs = query.value(14).isNull() ? -1 : query.value(14).toLongLong();
    entry.messageId = query.value(15).isNull() ? 0 : query.value(15).toLongLong();
    entry.direction = query.value(16).toString();
    entry.did = query.value(17).toString();
    entry.remote = query.value(18).toString();
    return entry;
}

} // namespace

RequestLogReader::RequestLogReader(QSqlDatabase db, int bodyPreviewBytes, Content content)
    : m_db(std::move(db)), m_bodyPreviewBytes(std::max(0, bodyPreviewBytes)), m_content(content)
{}

bool RequestLogReader::isPostgres() const
{
    return m_db.driverName() == QLatin1String("QPSQL");
}

QString RequestLogReader::likePattern(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped.append(u'!');
        escaped.append(c);
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

void RequestLogReader::addFilter(const RequestLogFilter& filter, QStringList* where,
                                 QVariantList* values) const
{
    if (!filter.outcomes.isEmpty() && !filter.outcomes.contains(QLatin1String("accepted")))
        where->append(notAcceptedSql());
    SqlConditions::addIn(where, values, QStringLiteral("r.outcome"), filter.outcomes);
    if (!filter.providers.isEmpty()) {
        QStringList named;
        bool unknown = false;
        for (const QString& provider : filter.providers) {
            if (provider.isEmpty())
                unknown = true;
            else
                named.append(provider);
        }
        QStringList any;
        if (!named.isEmpty()) {
            any.append(QStringLiteral("r.provider IN (%1)")
                           .arg(SqlConditions::placeholders(named.size())));
            for (const QString& provider : std::as_const(named))
                values->append(provider);
        }
        if (unknown)
            any.append(QStringLiteral("r.provider IS NULL"));
        where->append(QLatin1Char('(') + any.join(QLatin1String(" OR ")) + QLatin1Char(')'));
    }
    if (filter.numberId > 0) {
        where->append(QStringLiteral("r.number_id = ?"));
        values->append(filter.numberId);
    }
    SqlConditions::addTimeRange(where, values, QStringLiteral("r.received_at"), filter.fromMs,
                                filter.toMs);
    if (!filter.text.isEmpty()) {
        // Headers are stored as JSON strings of their bytes read as Latin-1, and the body is
        // bytes: both are searched for the UTF-8 bytes of the text read as Latin-1 too.
        const QString pattern = likePattern(filter.text);
        const QString bytePattern = likePattern(QString::fromLatin1(filter.text.toUtf8()));
        if (isPostgres()) {
            // ILIKE: case-insensitive like SQLite's LIKE; LATIN1 maps every byte, so a body
            // that is not valid UTF-8 cannot make the query fail.
            where->append(QStringLiteral("(r.target ILIKE ? ESCAPE '!' OR r.headers ILIKE ? "
                                         "ESCAPE '!'%1 OR convert_from(r.body, 'LATIN1') "
                                         "ILIKE ? ESCAPE '!')")
                              .arg(pattern == bytePattern
                                       ? QString()
                                       : QStringLiteral(" OR r.headers ILIKE ? ESCAPE '!'")));
            *values << pattern << pattern;
            if (pattern != bytePattern)
                *values << bytePattern;
            *values << bytePattern;
        } else {
            // LIKE never matches a BLOB operand: the body is read as text.
            where->append(QStringLiteral("(r.target LIKE ? ESCAPE '!' OR r.headers LIKE ? "
                                         "ESCAPE '!'%1 OR CAST(r.body AS TEXT) LIKE ? ESCAPE '!')")
                              .arg(pattern == bytePattern
                                       ? QString()
                                       : QStringLiteral(" OR r.headers LIKE ? ESCAPE '!'")));
            *values << pattern << pattern;
            if (pattern != bytePattern)
                *values << bytePattern;
            *values << pattern;
        }
    }
}

QList<RequestLogEntry> RequestLogReader::select(const Columns& content, const QStringList& where,
                                                const QVariantList& values, int limit,
                                                Order order) const
{
    m_lastError.clear();
    QString sql = QString::fromLatin1(kColumns);
    sql.replace(QLatin1String("%HEADERS%"), content.headers);
    sql.replace(QLatin1String("%BODY%"), content.body);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    switch (order) {
    case Order::Newest:
        sql += QStringLiteral(" ORDER BY r.received_at DESC, r.id DESC");
        break;
    case Order::Oldest:
        sql += QStringLiteral(" ORDER BY r.received_at ASC, r.id ASC");
        break;
    case Order::Id:
        sql += QStringLiteral(" ORDER BY r.id DESC");
        break;
    }
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);

    QList<RequestLogEntry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return {};
    }
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    while (query.next())
        entries.append(rowToEntry(query));
    if (query.lastError().isValid()) {
        m_lastError = query.lastError().text();
        entries.clear();
    }
    query.finish(); // ends the statement, and with it the read transaction
    return entries;
}

QList<RequestLogEntry> RequestLogReader::page(const RequestLogFilter& filter,
                                              std::optional<Cursor> after, int limit) const
{
    if (limit <= 0)
        return {};
    QStringList where;
    QVariantList values;
    addFilter(filter, &where, &values);
    if (after) {
        // A row value comparison: both backends use request_log_newest for it.
        where.append(QStringLiteral("(r.received_at, r.id) < (?, ?)"));
        values << after->receivedAtMs << after->id;
    }
    return select(listed(), where, values, limit, Order::Newest);
}

QList<RequestLogEntry> RequestLogReader::pageBefore(const RequestLogFilter& filter,
                                                    const Cursor& before, int limit) const
{
    if (limit <= 0)
        return {};
    QStringList where;
    QVariantList values;
    addFilter(filter, &where, &values);
    where.append(QStringLiteral("(r.received_at, r.id) > (?, ?)"));
    values << before.receivedAtMs << before.id;
    QList<RequestLogEntry> entries = select(listed(), where, values, limit, Order::Oldest);
    std::reverse(entries.begin(), entries.end());
    return entries;
}

RequestLogReader::Columns RequestLogReader::listed() const
{
    if (m_content == Content::Summary)
        return {QStringLiteral("NULL"), QStringLiteral("NULL")};
    return {QStringLiteral("r.headers"), bodyPreview()};
}

QString RequestLogReader::bodyPreview() const
{
    return isPostgres() ? QStringLiteral("substring(r.body from 1 for %1)").arg(m_bodyPreviewBytes)
                        : QStringLiteral("substr(r.body, 1, %1)").arg(m_bodyPreviewBytes);
}

RequestLogReader::IdRange RequestLogReader::idRange() const
{
    m_lastError.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    IdRange range;
    if (query.exec(QStringLiteral("SELECT (SELECT min(id) FROM request_log), "
                                  "(SELECT max(id) FROM request_log)")) &&
        query.next()) {
        range.first = query.value(0).toLongLong();
        range.last = query.value(1).toLongLong();
    } else {
        m_lastError = query.lastError().text();
    }
    query.finish();
    return range;
}

RequestLogReader::Scan RequestLogReader::scan(const RequestLogFilter& filter, qint64 belowId,
                                              qint64 scanIds, int limit) const
{
    Scan result;
    const IdRange range = idRange();
    if (!m_lastError.isEmpty() || range.last == 0 || belowId <= range.first) {
        result.scannedTo = range.first;
        result.exhausted = true;
        return result;
    }
    const qint64 top = belowId > range.last ? range.last + 1 : belowId;
    const qint64 bottom = std::max(range.first, top - std::max<qint64>(1, scanIds));
    QStringList where;
    QVariantList values;
    addFilter(filter, &where, &values);
    where.append(QStringLiteral("r.id < ? AND r.id >= ?"));
    values << top << bottom;
    result.entries = select(listed(), where, values, limit, Order::Id);
    if (!m_lastError.isEmpty())
        return result;
    // A full page may end inside the window: the next scan starts below its last row.
    result.scannedTo =
        result.entries.size() >= limit && limit > 0 ? result.entries.constLast().id : bottom;
    result.exhausted = result.scannedTo <= range.first;
    result.scanned = top - result.scannedTo;
    result.total = range.last - range.first + 1;
    result.remaining = result.scannedTo - range.first;
    return result;
}

QList<RequestLogEntry> RequestLogReader::matching(const RequestLogFilter& filter,
                                                  const QList<qint64>& ids) const
{
    if (ids.isEmpty())
        return {};
    QStringList where;
    QVariantList values;
    addFilter(filter, &where, &values);
    where.append(QStringLiteral("r.id IN (%1)").arg(SqlConditions::placeholders(ids.size())));
    for (const qint64 id : ids)
        values.append(id);
    return select(listed(), where, values, 0, Order::Newest);
}

std::optional<RequestLogEntry> RequestLogReader::find(qint64 id) const
{
    const QList<RequestLogEntry> entries =
        select({QStringLiteral("r.headers"), QStringLiteral("r.body")},
               {QStringLiteral("r.id = ?")}, {id}, 1, Order::Newest);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

} // namespace smsdesk
