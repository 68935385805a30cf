#pragma once

#include "ConversationMessage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads one conversation thread, the messages of one (did, remote) pair (E.164 strings as
// stored in messages.did / messages.remote), on one connection; use it from that connection's
// thread, e.g. in a DatabaseWorker job. Plain SELECTs; every statement is finished before a
// call returns, so no read transaction outlives it (a held SQLite statement would pin the WAL
// snapshot).
//
// Bounded: a page holds at most pageSize messages. Messages are ordered by (received_at, id),
// so messages received in the same millisecond keep the order the store wrote them in, and
// paging is keyset paging on that pair (the index messages_thread (did, remote, received_at)
// finds a thread's slice): before() and after() continue from the first or last message of a
// page without skipping or repeating one, also while new messages are being written.
class ConversationReader
{
public:
    static constexpr int DefaultPageSize = 200;
    static constexpr int MaxPageSize = 10'000;

    // The two parties of a thread.
    struct Thread
    {
        QString did;    // our number
        QString remote; // the other party

        bool operator==(const Thread& other) const
        {
            return did == other.did && remote == other.remote;
        }
        bool operator!=(const Thread& other) const { return !(*this == other); }
    };

    // A position in a thread: the message a page continues from.
    struct Cursor
    {
        qint64 receivedAtMs = 0;
        qint64 id = 0;

        static Cursor of(const ConversationMessage& message)
        {
            return {message.receivedAtMs, message.id};
        }
    };

    // Consecutive messages of a thread, oldest first. hasEarlier: the thread has messages
    // before the first one (newest(), before() and around() tell); hasLater: after the last
    // one (after() and around() tell; newest() has none, before() does not look: false).
    struct Page
    {
        Thread thread;
        QList<ConversationMessage> messages;
        bool hasEarlier = false;
        bool hasLater = false;
    };

    // pageSize is kept within 1..MaxPageSize.
    explicit ConversationReader(QSqlDatabase db, int pageSize = DefaultPageSize);

    // The thread message `messageId` belongs to. None when there is no such message, or on
    // error (lastError() is then set).
    std::optional<Thread> threadOf(qint64 messageId) const;

    // The newest pageSize messages of the thread (an empty page for a thread without any).
    // None on error.
    std::optional<Page> newest(const Thread& thread) const;
    // The pageSize messages right before `cursor` (older). None on error.
    std::optional<Page> before(const Thread& thread, const Cursor& cursor) const;
    // The pageSize messages right after `cursor` (newer). None on error.
    std::optional<Page> after(const Thread& thread, const Cursor& cursor) const;
    // The page of message `messageId`'s thread with that message in it, as near the middle as
    // the thread allows (the page is filled from the other side near either end). None when
    // there is no such message, or on error.
    std::optional<Page> around(qint64 messageId) const;
    // The messages among `ids` that are stored, oldest first (to show a status that changed).
    // None on error.
    std::optional<QList<ConversationMessage>> messages(const QList<qint64>& ids) const;

    int pageSize() const { return m_pageSize; }
    QString lastError() const { return m_lastError; }

private:
    // The page before `cursor`; none: the newest.
    std::optional<Page> olderPage(const Thread& thread, const Cursor* cursor) const;
    bool read(const Thread& thread, const Cursor* cursor, bool older, int limit,
              QList<ConversationMessage>* messages) const;
    bool fail(const QString& error) const;

    QSqlDatabase m_db;
    int m_pageSize;
    mutable QString m_lastError;
};

} // namespace smsdesk
