#pragma once

#include "ConversationReader.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// What the compose box holds for a thread and has not sent.
struct Draft
{
    QString text;
    QString mediaUrl;

    bool isEmpty() const { return text.isEmpty() && mediaUrl.isEmpty(); }
    bool operator==(const Draft& other) const
    {
        return text == other.text && mediaUrl == other.mediaUrl;
    }
    bool operator!=(const Draft& other) const { return !(*this == other); }
};

// Reads and writes the `drafts` table (one draft per conversation thread, kept across restarts
// and shared by the desks of one database) on one connection (use it from that connection's
// thread, e.g. in a DatabaseWorker job).
class DraftRepository
{
public:
    using Thread = ConversationReader::Thread;

    explicit DraftRepository(QSqlDatabase db);

    // The thread's draft; an empty one when it has none. None on error.
    std::optional<Draft> find(const Thread& thread) const;
    // Stores `draft` as the thread's draft (an empty draft removes it), updated at `nowMs`.
    bool save(const Thread& thread, const Draft& draft, qint64 nowMs);

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
