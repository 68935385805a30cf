#pragma once

#include "ConversationReader.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// One message that a search found, with its thread.
struct MessageSearchHit
{
    qint64 id = 0;
    QString did;
    QString remote;
    QString direction; // "inbound" or "outbound"
    QString text;
    QString status;
    qint64 receivedAtMs = 0; // UTC ms
    QString contactName;     // the other party's name (contacts); empty: not named

    ConversationReader::Thread thread() const { return {did, remote}; }
};

// Searches the text of every message by words, on one connection (use it from that
// connection's thread, e.g. in a DatabaseWorker job). A query is cut into words (letters and
// digits; everything else separates them, as the store's tokenizers do) and finds the
// messages that hold every word, each word also as the beginning of a longer one ("pick"
// finds "pickup"), in any case. SQLite answers from its FTS5 index (messages_fts), PostgreSQL
// from its GIN index over the 'simple' tsvector of the text. Newest (highest id) first, keyset
// paging on the id; every statement is finished before a call returns.
class MessageSearchReader
{
public:
    static constexpr int DefaultPageSize = 50;
    // Words of a query beyond these are ignored.
    static constexpr int MaxWords = 16;

    explicit MessageSearchReader(QSqlDatabase db);

    // Up to `limit` messages holding every word of `query`, newest first, with ids below
    // `beforeId` when given. Empty for a query without words; empty with lastError() set when
    // the query failed.
    QList<MessageSearchHit> search(const QString& query, std::optional<qint64> beforeId = {},
                                   int limit = DefaultPageSize) const;

    // The words of `query`, as search() looks for them: letters and digits, in order.
    static QStringList words(const QString& query);

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
