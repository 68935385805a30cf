#pragma once

#include "ConversationReader.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <functional>
#include <optional>

class QIODevice;

namespace smsdesk {

// Writes the stored messages, oldest first, as JSON Lines or CSV (the `smsdesk export`
// contract in DESIGN.md): every message, or one conversation thread's. Streams: memory stays
// flat however many messages there are. write() does it in one go; an export in steps (a
// DatabaseWorker job per page, so no read lasts long) writes the header, then page after page
// from where the last one ended.
class MessageExporter
{
public:
    enum class Format
    {
        JsonLines,
        Csv
    };

    // Where a page ended: the next one starts after this message.
    struct Cursor
    {
        qint64 receivedAtMs = 0;
        qint64 id = 0;
    };

    // `thread`: only the messages of that thread; none: every message.
    explicit MessageExporter(QSqlDatabase db,
                             std::optional<ConversationReader::Thread> thread = std::nullopt);

    // Returns the number of messages written, or -1 with lastError() set.
    qint64 write(QIODevice& out, Format format,
                 const std::function<void(qint64 written)>& progress = {});
    // The CSV header line (JSON Lines has none). False with lastError() set.
    bool writeHeader(QIODevice& out, Format format);
    // Up to `limit` messages right after `after` (none: from the oldest), oldest first;
    // `*last` is set to the last one written. The number written (fewer than `limit`: the
    // end), or -1 with lastError() set.
    qint64 writePage(QIODevice& out, Format format, const std::optional<Cursor>& after, int limit,
                     Cursor* last);
    QString lastError() const { return m_lastError; }

    static bool parseFormat(const QString& name, Format* format);
    static QStringList columns();
    // One CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a comma, a quote
    // or a line break.
    static QByteArray csvField(const QString& value);

private:
    qint64 writeRows(QIODevice& out, Format format, const std::optional<Cursor>& after,
                     const QString& limit, const std::function<void(qint64)>& progress,
                     Cursor* last);

    QSqlDatabase m_db;
    std::optional<ConversationReader::Thread> m_thread;
    QString m_lastError;
};

} // namespace smsdesk
