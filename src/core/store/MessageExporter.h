#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

class QIODevice;

namespace smsdesk {

// Writes every stored message, oldest first, as JSON Lines or CSV (the `smsdesk export`
// contract in DESIGN.md). Streams: memory stays flat however many messages there are.
class MessageExporter
{
public:
    enum class Format
    {
        JsonLines,
        Csv
    };

    explicit MessageExporter(QSqlDatabase db);

    // Returns the number of messages written, or -1 with lastError() set.
    qint64 write(QIODevice& out, Format format,
                 const std::function<void(qint64 written)>& progress = {});
    QString lastError() const { return m_lastError; }

    static bool parseFormat(const QString& name, Format* format);
    static QStringList columns();

private:
    QSqlDatabase m_db;
    QString m_lastError;
};

} // namespace smsdesk
