#include "ConversationReadMarker.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>
#include <utility>

namespace smsdesk {

namespace {

// The thread's inbound messages after the marker (?, ?): read_at, read_id.
const QString kUnreadAfter = QStringLiteral(
    "(SELECT COUNT(*) FROM messages m WHERE m.did = conversations.did AND m.remote = "
    "conversations.remote AND m.direction = 'inbound' AND m.received_at >= ? AND "
    "(m.received_at > ? OR m.id > ?))");

} // namespace

ConversationReadMarker::ConversationReadMarker(QSqlDatabase db) : m_db(std::move(db)) {}

ConversationReadMarker::Result ConversationReadMarker::update(const QString& sql,
                                                              const QVariantList& values)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return Result::Failed;
    }
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        query.finish();
        return Result::Failed;
    }
    const int rows = query.numRowsAffected();
    query.finish();
    return rows > 0 ? Result::Moved : Result::Unchanged;
}

ConversationReadMarker::Result ConversationReadMarker::markRead(const Thread& thread,
                                                                const Cursor& upTo)
{
    m_lastError.clear();
    // Up to the newest message: nothing is left unread (the common case, no count). Else the
    // inbound messages after the marker are counted (a bounded range of the thread index).
    return update(
        QStringLiteral("UPDATE conversations SET read_at = ?, read_id = ?, unread_count = CASE "
                       "WHEN last_at < ? OR (last_at = ? AND last_message_id <= ?) THEN 0 ELSE ") +
            kUnreadAfter +
            QStringLiteral(" END WHERE did = ? AND remote = ? AND (read_at < ? OR (read_at = ? "
                           "AND read_id < ?))"),
        {upTo.receivedAtMs, upTo.id, upTo.receivedAtMs, upTo.receivedAtMs, upTo.id,
         upTo.receivedAtMs, upTo.receivedAtMs, upTo.id, thread.did, thread.remote,
         upTo.receivedAtMs, upTo.receivedAtMs, upTo.id});
}

ConversationReadMarker::Result ConversationReadMarker::markUnread(const Thread& thread)
{
    m_lastError.clear();
    std::optional<Cursor> newestInbound;
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT received_at, id FROM messages WHERE did = ? AND remote = ? AND "
                           "direction = 'inbound' ORDER BY received_at DESC, id DESC LIMIT 1"),
            {thread.did, thread.remote},
            [&newestInbound](const QSqlQuery& query) {
                newestInbound = Cursor{query.value(0).toLongLong(), query.value(1).toLongLong()};
            },
            &error)) {
        m_lastError = error;
        return Result::Failed;
    }
    if (!newestInbound)
        return Result::Unchanged;
    // Right before it in the thread's order: ids are whole numbers, so (at, id - 1) has no
    // message between it and (at, id).
    const Cursor marker{newestInbound->receivedAtMs, newestInbound->id - 1};
    return update(QStringLiteral("UPDATE conversations SET read_at = ?, read_id = ?, "
                                 "unread_count = ") +
                      kUnreadAfter +
                      QStringLiteral(" WHERE did = ? AND remote = ? AND (read_at > ? OR "
                                     "(read_at = ? AND read_id > ?))"),
                  {marker.receivedAtMs, marker.id, marker.receivedAtMs, marker.receivedAtMs,
                   marker.id, thread.did, thread.remote, marker.receivedAtMs, marker.receivedAtMs,
                   marker.id});
}

} // namespace smsdesk
