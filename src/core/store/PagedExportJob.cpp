#include "PagedExportJob.h"

#include "DatabaseWorker.h"

#include <QSaveFile>
#include <utility>

namespace smsdesk {

// The file being written and what goes in it: opened by the first page's job, closed by the
// last one, used on the worker thread only.
struct PagedExportJob::Output
{
    QString path;
    std::shared_ptr<Pages> pages;
    std::unique_ptr<QSaveFile> file;
};

// What one page's job did, for the GUI thread.
struct PagedExportJob::Step
{
    qint64 written = 0;
    bool done = false;      // the file is closed: committed, or discarded
    bool committed = false; // the file holds every row
    QString error;
};

bool PagedExportJob::Pages::writeHeader(QSqlDatabase&, QIODevice&)
{
    return true;
}

PagedExportJob::PagedExportJob(DatabaseWorker& worker, QObject* parent)
    : QObject(parent), m_worker(worker)
{}

PagedExportJob::~PagedExportJob() = default;

void PagedExportJob::cancel()
{
    m_cancelled = true;
    if (m_output)
        m_output->pages->cancelled = true;
}

void PagedExportJob::exportTo(const QString& path, std::shared_ptr<Pages> pages)
{
    if (m_running || m_output)
        return; // one export per job
    m_path = path;
    m_running = true;
    m_output = std::make_shared<Output>();
    m_output->path = path;
    m_output->pages = std::move(pages);
    next();
}

void PagedExportJob::next()
{
    const std::shared_ptr<Output> output = m_output;
    const bool cancelled = m_cancelled;
    m_worker.post<Step>(
        [output, cancelled](QSqlDatabase& db) {
            Step step;
            if (!output->file) {
                output->file = std::make_unique<QSaveFile>(output->path);
                if (!output->file->open(QIODevice::WriteOnly) ||
                    !output->pages->writeHeader(db, *output->file)) {
                    step.error = output->file->errorString();
                    output->file.reset();
                    step.done = true;
                    return step;
                }
            }
            Page page;
            if (cancelled)
                page.cancelled = true;
            else
                page = output->pages->writePage(db, *output->file);
            step.written = page.written;
            step.error = page.error;
            if (page.cancelled || !page.error.isEmpty()) {
                output->file->cancelWriting();
            } else if (page.last) {
                step.committed = output->file->commit();
                if (!step.committed)
                    step.error = output->file->errorString();
            } else {
                return step;
            }
            output->file.reset();
            step.done = true;
            return step;
        },
        this, [this](Step step) { stepDone(step); });
}

void PagedExportJob::stepDone(const Step& step)
{
    m_written += step.written;
    if (!step.done) {
        Q_EMIT progressed(m_written);
        next();
        return;
    }
    m_running = false;
    m_output.reset();
    if (step.committed)
        Q_EMIT finished(m_written);
    else
        Q_EMIT failed(step.error.isEmpty() ? tr("cancelled") : step.error);
}

} // namespace smsdesk
