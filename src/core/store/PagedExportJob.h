#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QIODevice;
class QSqlDatabase;

namespace smsdesk {

class DatabaseWorker;

// What the background exports to a file share (MessageExportJob, RequestLogExportJob): one
// page of rows per DatabaseWorker job, so no read lasts longer than a page and the worker stays
// free for the views in between; the GUI thread never touches the file. The file is written
// through QSaveFile: it appears, whole, only when every page was written; an error or cancel()
// leaves nothing behind (and an existing file as it was).
//
// One export per job: a subclass starts it once (exportTo()), then progressed() comes after
// every page and finished() or failed() once at the end.
class PagedExportJob : public QObject
{
    Q_OBJECT

public:
    ~PagedExportJob() override;

    // Stops before the next page: the file is not written and failed() says "cancelled" (a
    // cancel while the last page is being written comes too late: finished() follows).
    void cancel();

    QString path() const { return m_path; }
    // Rows written so far.
    qint64 written() const { return m_written; }
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    // `written` rows are written so far; more follow.
    void progressed(qint64 written);
    // The file at path() holds the `written` rows.
    void finished(qint64 written);
    // Nothing was written to path(): why (the file's or the store's error, or "cancelled").
    void failed(const QString& error);

protected:
    // What one page wrote.
    struct Page
    {
        qint64 written = 0;
        bool last = false;      // no page follows: the file is complete
        bool cancelled = false; // stopped before the page: the file is discarded
        QString error;          // not empty: the page failed, the file is discarded
    };

    // What an export writes, page by page: used on the worker thread only, from the first
    // page's job to the last (cancelled is set on the GUI thread).
    class Pages
    {
    public:
        virtual ~Pages() = default;
        // Writes what comes before the first page (a header) to the newly opened `file`; false
        // when the file refused it.
        virtual bool writeHeader(QSqlDatabase& db, QIODevice& file);
        // Writes the next page to `file`.
        virtual Page writePage(QSqlDatabase& db, QIODevice& file) = 0;

        // cancel() was called: a page may stop at it before it begins.
        std::atomic_bool cancelled{false};
    };

    explicit PagedExportJob(DatabaseWorker& worker, QObject* parent = nullptr);

    // Writes `pages` to `path`; ignored when this job runs already.
    void exportTo(const QString& path, std::shared_ptr<Pages> pages);

private:
    struct Output;
    struct Step;

    void next();
    void stepDone(const Step& step);

    DatabaseWorker& m_worker;
    QString m_path;
    qint64 m_written = 0;
    bool m_running = false;
    bool m_cancelled = false;
    std::shared_ptr<Output> m_output; // the file and its pages: used on the worker thread only
};

} // namespace smsdesk
