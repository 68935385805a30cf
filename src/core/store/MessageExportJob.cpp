#include "MessageExportJob.h"

#include "DatabaseWorker.h"

#include <QSaveFile>
#include <atomic>
#include <utility>

namespace smsdesk {

// The file being written: opened by the first page's job, closed by the last one, used on the
// worker thread only.
struct MessageExportJob::Output
{
    std::unique_ptr<QSaveFile> file;
    std::atomic_bool cancelled{false}; // set on the GUI thread, read by the next job
};

// What one page's job did, for the GUI thread.
struct MessageExportJob::Step
{
    qint64 written = 0;
    bool done = false;      // the file is closed: committed, or discarded
    bool committed = false; // the file holds every message
    QString error;
    std::optional<MessageExporter::Cursor> after; // the last message written
};

MessageExportJob::MessageExportJob(DatabaseWorker& worker, QObject* parent)
    : QObject(parent), m_worker(worker)
{}

MessageExportJob::~MessageExportJob() = default;

void MessageExportJob::start(const QString& path, MessageExporter::Format format,
                             const std::optional<ConversationReader::Thread>& thread)
{
    if (m_running || m_output)
        return; // one export per job
    m_path = path;
    m_format = format;
    m_thread = thread;
    m_running = true;
    m_output = std::make_shared<Output>();
    next();
}

void MessageExportJob::cancel()
{
    if (m_output)
        m_output->cancelled = true;
}

void MessageExportJob::next()
{
    const std::shared_ptr<Output> output = m_output;
    const QString path = m_path;
    const MessageExporter::Format format = m_format;
    const std::optional<ConversationReader::Thread> thread = m_thread;
    const std::optional<MessageExporter::Cursor> after = m_after;
    m_worker.post<Step>(
        [output, path, format, thread, after](QSqlDatabase& db) {
            Step step;
            MessageExporter exporter(db, thread);
            auto close = [&output, &step](bool keep) {
                if (keep && step.error.isEmpty()) {
                    step.committed = output->file->commit();
                    if (!step.committed)
                        step.error = output->file->errorString();
                } else {
                    output->file->cancelWriting();
                }
                output->file.reset();
                step.done = true;
            };
            if (!output->file) {
                output->file = std::make_unique<QSaveFile>(path);
                if (!output->file->open(QIODevice::WriteOnly) ||
                    !exporter.writeHeader(*output->file, format)) {
                    step.error = output->file->errorString();
                    output->file.reset();
                    step.done = true;
                    return step;
                }
            }
            if (output->cancelled) {
                close(false);
                return step;
            }
            MessageExporter::Cursor last;
            step.written = exporter.writePage(*output->file, format, after, PageSize, &last);
            if (step.written < 0) {
                step.error = exporter.lastError();
                step.written = 0;
                close(false);
                return step;
            }
            if (step.written > 0)
                step.after = last;
            if (step.written < PageSize)
                close(true);
            return step;
        },
        this, [this](Step step) { stepDone(step); });
}

void MessageExportJob::stepDone(const Step& step)
{
    m_written += step.written;
    if (step.after)
        m_after = step.after;
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
