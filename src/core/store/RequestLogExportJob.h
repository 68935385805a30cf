#pragma once

#include "store/RequestLogReader.h"

#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace smsdesk {

class DatabaseWorker;

// Exports request log entries as JSON Lines (RequestLogJsonWriter) to a file, in the
// background: the entries a filter lets through (paged through the store newest first, like
// the Inspector's list), or a selection of them in a given order. One page of PageSize whole
// entries per DatabaseWorker job, so no read transaction lasts longer than a page and the
// worker stays free for the views in between; the GUI thread never touches the file. The file
// is written through QSaveFile: it appears, whole, only when every entry was written; an
// error or cancel() leaves nothing behind (and an existing file as it was).
//
// One export per job: start...() once, then progressed() after every page and finished() or
// failed() once at the end.
class RequestLogExportJob : public QObject
{
    Q_OBJECT

public:
    // Whole entries (bodies up to the listener's limit, 1 MiB) per worker job.
    static constexpr int PageSize = 50;

    explicit RequestLogExportJob(DatabaseWorker& worker, QObject* parent = nullptr);
    ~RequestLogExportJob() override;

    // Writes every entry that `filter` lets through to `path`, newest first.
    void startFiltered(const QString& path, const RequestLogFilter& filter);
    // Writes `unstored` (rows known only to a view: a live request whose log row could not be
    // written), then the entries of `ids`, in that order, to `path`. An id no longer stored is
    // left out.
    void startSelection(const QString& path, const QList<qint64>& ids,
                        const QList<RequestLogEntry>& unstored);
    // Stops before the next page: the file is not written and failed() says "cancelled" (a
    // cancel while the last page is being written comes too late: finished() follows).
    void cancel();

    QString path() const { return m_path; }
    // Entries written so far.
    int written() const { return m_written; }
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    // `written` entries are written so far; more follow.
    void progressed(int written);
    // The file at path() holds the `written` entries.
    void finished(int written);
    // Nothing was written to path(): why (the file's, the store's or the writer's error, or
    // "cancelled").
    void failed(const QString& error);

private:
    struct Output;
    struct Step;

    void start(const QString& path);
    void next();
    void stepDone(const Step& step);

    DatabaseWorker& m_worker;
    QString m_path;
    bool m_filtered = false;
    RequestLogFilter m_filter;                       // filtered: what to page through
    std::optional<RequestLogReader::Cursor> m_after; // filtered: where the next page starts
    QList<qint64> m_ids;                             // selection: the stored rows, in order
    QList<RequestLogEntry> m_unstored;               // selection: rows without a log row
    int m_next = 0;                                  // selection: the next index into m_ids
    int m_written = 0;
    bool m_running = false;
    bool m_cancelled = false;
    std::shared_ptr<Output> m_output; // the file and its writer: used on the worker thread only
};

} // namespace smsdesk
