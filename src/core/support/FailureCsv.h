#pragma once

#include "FailureEntry.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace smsdesk {

// The support desk's failures as CSV (RFC 4180: comma-separated, CRLF, fields quoted when
// they need it), one line per failure with what it means and what to do: for a spreadsheet or
// a ticket. Times in ISO 8601 UTC.
class FailureCsv
{
public:
    static QByteArray header();
    static QByteArray line(const FailureEntry& entry);

    struct Result
    {
        qint64 rows = 0;
        QString error; // empty: written
    };
    // Writes every failure matching `filter` (newest first, read page by page on `db`) to
    // `path`, atomically (QSaveFile). Runs on the connection's thread: a DatabaseWorker job.
    static Result write(QSqlDatabase db, const FailureFilter& filter, const QString& path);
};

} // namespace smsdesk
