#pragma once

#include "ConversationReader.h"

#include <QSqlDatabase>
#include <QString>

namespace smsdesk {

// Moves the read marker of a conversation thread, on one connection (use it from that
// connection's thread, e.g. in a DatabaseWorker job). The marker is stored in the thread's
// `conversations` row (read_at, read_id: the newest message read, in the thread's (received_at,
// id) order), so every desk of a shared database sees the same unread counts; the row's
// unread_count is the number of inbound messages after it, which the store's triggers keep as
// messages come in and these calls set when the marker moves.
class ConversationReadMarker
{
public:
    using Thread = ConversationReader::Thread;
    using Cursor = ConversationReader::Cursor;

    enum class Result
    {
        Moved,     // the marker moved
        Unchanged, // it was there already (read: at or after `upTo`; unread: before the newest
                   // inbound message), or the thread has nothing to mark (no inbound message)
        Failed,    // lastError() says why
    };

    explicit ConversationReadMarker(QSqlDatabase db);

    // Every message up to `upTo` (the newest message shown) is read. Only moves forward: a
    // desk showing an older page never marks newer messages unread.
    Result markRead(const Thread& thread, const Cursor& upTo);
    // The thread's newest inbound message (and what came after it) is unread again, as a
    // person marks a thread to come back to it.
    Result markUnread(const Thread& thread);

    QString lastError() const { return m_lastError; }

private:
    Result update(const QString& sql, const QVariantList& values);

    QSqlDatabase m_db;
    QString m_lastError;
};

} // namespace smsdesk
