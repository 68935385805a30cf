#pragma once

#include "ConversationReader.h"
#include "ConversationSummary.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads the conversation threads (one per (did, remote)) newest activity first, on one
// connection (use it from that connection's thread, e.g. in a DatabaseWorker job). Reads the
// `conversations` rows the store's triggers keep, never groups the messages: a page costs an
// index range and a primary-key lookup of each row's newest message, however many messages
// there are. Keyset paging on (last_at DESC, last_message_id DESC). Every statement is
// finished before a call returns.
class ConversationListReader
{
public:
    using Thread = ConversationReader::Thread;

    static constexpr int DefaultPageSize = 100;

    // Which threads a list shows. Empty / false: no restriction.
    struct Filter
    {
        QString did; // only the threads of this number (E.164)
        bool unreadOnly = false;

        bool operator==(const Filter& other) const
        {
            return did == other.did && unreadOnly == other.unreadOnly;
        }
        bool operator!=(const Filter& other) const { return !(*this == other); }
    };

    // Where a page ended: the next page starts after this thread.
    struct Cursor
    {
        qint64 lastAtMs = 0;
        qint64 lastMessageId = 0;

        static Cursor of(const ConversationSummary& summary)
        {
            return {summary.lastAtMs, summary.lastMessageId};
        }
    };

    explicit ConversationListReader(QSqlDatabase db);

    // Up to `limit` threads that `filter` lets through, newest activity first, strictly after
    // `after` when given. Empty with lastError() set when the query failed.
    QList<ConversationSummary> page(const Filter& filter, const std::optional<Cursor>& after,
                                    int limit = DefaultPageSize) const;
    // The threads among `threads` that exist, in no particular order.
    QList<ConversationSummary> threads(const QList<Thread>& threads) const;
    // The threads that the messages `messageIds` belong to, in no particular order.
    QList<ConversationSummary> threadsOf(const QList<qint64>& messageIds) const;
    // Unread messages in every thread (the tray's count); -1 with lastError() set on error.
    qint64 unreadTotal() const;

    // Whether `filter` lets `summary` through (for threads that changed while listed).
    static bool matches(const Filter& filter, const ConversationSummary& summary);
    // The list's order: newest activity first.
    static bool newerFirst(const ConversationSummary& a, const ConversationSummary& b);

    QString lastError() const { return m_lastError; }

private:
    QList<ConversationSummary> select(const QString& where, const QVariantList& values,
                                      const QString& tail) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
