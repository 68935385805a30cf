#pragma once

#include "AutoReplyRules.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads and writes the `auto_replies` table: each number's AutoReplyRules, as their JSON, one
// row per number (removed with the number). Shared by every desk of one database; the listener
// reads them with the numbers (NumberDirectoryLoader). Works on one connection: use it from
// that connection's thread, e.g. in a DatabaseWorker job.
class AutoReplyRepository
{
public:
    explicit AutoReplyRepository(QSqlDatabase db);

    // The rules of number `numberId` (empty rules when it has none); none on error, also when
    // the stored JSON cannot be read (lastError() says why).
    std::optional<AutoReplyRules> find(qint64 numberId) const;
    // Every number's rules that can be read, by number id; numbers without rules are absent.
    // Rules that cannot be read are left out and named in `problems` ("number 3: ...").
    // None when the table cannot be read.
    std::optional<QHash<qint64, AutoReplyRules>> all(QStringList* problems = nullptr) const;
    // Stores `rules` as the number's (empty rules remove its row), updated at `nowMs`.
    bool save(qint64 numberId, const AutoReplyRules& rules, qint64 nowMs);

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
