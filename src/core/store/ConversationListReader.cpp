#include "ConversationListReader.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

// Threads per statement of threads() (two bound values each), message ids per statement of
// threadsOf().
constexpr int kThreadsPerStatement = 100;
constexpr int kIdsPerStatement = 500;

// The columns summaryOf() reads, in its order.
const QString kSelect = QStringLiteral(
    "SELECT c.did, c.remote, c.number_id, c.last_message_id, c.last_at, c.message_count, "
    "c.unread_count, c.failed_count, m.direction, substr(m.text, 1, 200), m.media, m.status, "
    "d.text, d.media_url, k.name FROM conversations c JOIN messages m ON m.id = "
    "c.last_message_id LEFT JOIN drafts d ON d.did = c.did AND d.remote = c.remote "
    "LEFT JOIN contacts k ON k.remote = c.remote");

ConversationSummary summaryOf(const QSqlQuery& query)
{
    ConversationSummary summary;
    summary.did = query.value(0).toString();
    summary.remote = query.value(1).toString();
    summary.numberId = query.value(2).toLongLong();
    summary.lastMessageId = query.value(3).toLongLong();
    summary.lastAtMs = query.value(4).toLongLong();
    summary.messageCount = query.value(5).toLongLong();
    summary.unreadCount = query.value(6).toLongLong();
    summary.failedCount = query.value(7).toLongLong();
    summary.lastDirection = query.value(8).toString();
    summary.lastText = query.value(9).toString();
    summary.lastMediaCount =
        int(QJsonDocument::fromJson(query.value(10).toString().toUtf8()).array().size());
    summary.lastStatus = query.value(11).toString();
    summary.draftText = query.value(12).toString();
    summary.draftMediaUrl = query.value(13).toString();
    summary.contactName = query.value(14).toString();
    return summary;
}

} // namespace

ConversationListReader::ConversationListReader(QSqlDatabase db) : m_db(std::move(db)) {}

QList<ConversationSummary> ConversationListReader::select(const QString& where,
                                                          const QVariantList& values,
                                                          const QString& tail) const
{
    m_lastError.clear();
    QList<ConversationSummary> summaries;
    QString error;
    const QString sql =
        kSelect + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where) + tail;
    if (!Database::select(
            m_db, sql, values,
            [&summaries](const QSqlQuery& query) { summaries.append(summaryOf(query)); }, &error)) {
        m_lastError = error;
        return {};
    }
    return summaries;
}

QList<ConversationSummary> ConversationListReader::page(const Filter& filter,
                                                        const std::optional<Cursor>& after,
                                                        int limit) const
{
    QStringList where;
    QVariantList values;
    if (!filter.did.isEmpty()) {
        where << QStringLiteral("c.did = ?");
        values << filter.did;
    }
    if (filter.unreadOnly)
        where << QStringLiteral("c.unread_count > 0");
    if (after) {
        // (last_at, last_message_id) < the cursor's, written so that last_at bounds a range
        // of the index on both backends.
        where << QStringLiteral("c.last_at <= ? AND (c.last_at < ? OR c.last_message_id < ?)");
        values << after->lastAtMs << after->lastAtMs << after->lastMessageId;
    }
    return select(where.join(QStringLiteral(" AND ")), values,
                  QStringLiteral(" ORDER BY c.last_at DESC, c.last_message_id DESC LIMIT %1")
                      .arg(std::max(1, limit)));
}

QList<ConversationSummary> ConversationListReader::threads(const QList<Thread>& threads) const
{
    QList<ConversationSummary> summaries;
    for (qsizetype first = 0; first < threads.size(); first += kThreadsPerStatement) {
        QStringList where;
        QVariantList values;
        for (const Thread& thread : threads.mid(first, kThreadsPerStatement)) {
            where << QStringLiteral("(c.did = ? AND c.remote = ?)");
            values << thread.did << thread.remote;
        }
        summaries += select(where.join(QStringLiteral(" OR ")), values, QString());
        if (!m_lastError.isEmpty())
            return {};
    }
    return summaries;
}

QList<ConversationSummary> ConversationListReader::threadsOf(const QList<qint64>& messageIds) const
{
    m_lastError.clear();
    QList<Thread> found;
    for (qsizetype first = 0; first < messageIds.size(); first += kIdsPerStatement) {
        QStringList marks;
        QVariantList values;
        for (const qint64 id : messageIds.mid(first, kIdsPerStatement)) {
            marks << QStringLiteral("?");
            values << id;
        }
        QString error;
        if (!Database::select(
                m_db,
                QStringLiteral("SELECT DISTINCT did, remote FROM messages WHERE id IN (%1)")
                    .arg(marks.join(QLatin1Char(','))),
                values,
                [&found](const QSqlQuery& query) {
                    const Thread thread{query.value(0).toString(), query.value(1).toString()};
                    if (!found.contains(thread))
                        found.append(thread);
                },
                &error)) {
            m_lastError = error;
            return {};
        }
    }
    return threads(found);
}

qint64 ConversationListReader::unreadTotal() const
{
    m_lastError.clear();
    qint64 total = 0;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT coalesce(sum(unread_count), 0) FROM conversations"), {},
            [&total](const QSqlQuery& query) { total = query.value(0).toLongLong(); }, &error)) {
        m_lastError = error;
        return -1;
    }
    return total;
}

bool ConversationListReader::matches(const Filter& filter, const ConversationSummary& summary)
{
    return (filter.did.isEmpty() || summary.did == filter.did) &&
           (!filter.unreadOnly || summary.isUnread());
}

bool ConversationListReader::newerFirst(const ConversationSummary& a, const ConversationSummary& b)
{
    if (a.lastAtMs != b.lastAtMs)
        return a.lastAtMs > b.lastAtMs;
    return a.lastMessageId > b.lastMessageId;
}

} // namespace smsdesk
