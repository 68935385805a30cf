#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// A saved answer the compose box inserts (placeholders and all: see QuickReplyText).
struct QuickReply
{
    qint64 id = 0;
    QString text;
};

// Reads and writes the `quick_replies` table (templates shared by every desk of one database)
// on one connection (use it from that connection's thread, e.g. in a DatabaseWorker job).
class QuickReplyRepository
{
public:
    explicit QuickReplyRepository(QSqlDatabase db);

    // Every quick reply, oldest first. None on error.
    std::optional<QList<QuickReply>> list() const;
    // Adds `text` (not blank); its id, or 0 with lastError() set.
    qint64 add(const QString& text, qint64 nowMs);
    // Changes the text of quick reply `id` (not blank). False when it failed or is gone.
    bool update(qint64 id, const QString& text, qint64 nowMs);
    bool remove(qint64 id);

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString& sql, const QVariantList& values, int* rowsAffected = nullptr);

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
