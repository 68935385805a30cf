#include "RequestLogExportJob.h"

#include "store/DatabaseWorker.h"
#include "store/RequestLogJsonWriter.h"

#include <QSaveFile>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

// Whole bodies: the reader's preview limit is set above the listener's body limit.
constexpr int kWholeBodyBytes = 64 * 1024 * 1024;

} // namespace

// The file being written and its writer: opened by the first page's job, closed by the last
// one, used on the worker thread only.
struct RequestLogExportJob::Output
{
    QString path;
    std::unique_ptr<QSaveFile> file;
    std::unique_ptr<RequestLogJsonWriter> writer;
};

// What one page's job did, for the GUI thread.
struct RequestLogExportJob::Step
{
    int written = 0;
    bool done = false;      // the file is closed: committed, or discarded
    bool committed = false; // the file holds every entry
    QString error;
    std::optional<RequestLogReader::Cursor> after; // filtered: the last row written
};

RequestLogExportJob::RequestLogExportJob(DatabaseWorker& worker, QObject* parent)
    : QObject(parent), m_worker(worker)
{}

RequestLogExportJob::~RequestLogExportJob() = default;

void RequestLogExportJob::startFiltered(const QString& path, const RequestLogFilter& filter)
{
    m_filtered = true;
    m_filter = filter;
    start(path);
}

void RequestLogExportJob::startSelection(const QString& path, const QList<qint64>& ids,
                                         const QList<RequestLogEntry>& unstored)
{
    m_filtered = false;
    m_ids = ids;
    m_unstored = unstored;
    start(path);
}

void RequestLogExportJob::cancel()
{
    m_cancelled = true;
}

void RequestLogExportJob::start(const QString& path)
{
    if (m_running || m_output)
        return; // one export per job
    m_path = path;
    m_running = true;
    m_output = std::make_shared<Output>();
    m_output->path = path;
    next();
}

void RequestLogExportJob::next()
{
    const std::shared_ptr<Output> output = m_output;
    const bool cancel = m_cancelled;
    const bool filtered = m_filtered;
    const RequestLogFilter filter = m_filter;
    const std::optional<RequestLogReader::Cursor> after = m_after;
    const QList<qint64> ids = m_ids.mid(m_next, PageSize);
    const bool lastIds = m_next + PageSize >= m_ids.size();
    const QList<RequestLogEntry> unstored = std::exchange(m_unstored, {});
    m_worker.post<Step>(
        [output, cancel, filtered, filter, after, ids, lastIds, unstored](QSqlDatabase& db) {
            Step step;
            auto close = [&output, &step](bool keep) {
                if (keep && step.error.isEmpty()) {
                    step.committed = output->file->commit();
                    if (!step.committed)
                        step.error = output->file->errorString();
                } else {
                    output->file->cancelWriting();
                }
                output->writer.reset();
                output->file.reset();
                step.done = true;
            };
            auto write = [&output, &step](const QList<RequestLogEntry>& entries) {
                for (const RequestLogEntry& entry : entries) {
                    if (!output->writer->write(entry)) {
                        step.error = output->writer->errorString();
                        return false;
                    }
                    ++step.written;
                }
                return true;
            };
            if (!output->file) {
                output->file = std::make_unique<QSaveFile>(output->path);
                if (!output->file->open(QIODevice::WriteOnly)) {
                    step.error = output->file->errorString();
                    output->file.reset();
                    step.done = true;
                    return step;
                }
                output->writer = std::make_unique<RequestLogJsonWriter>(output->file.get());
            }
            if (cancel || !write(unstored)) {
                close(false);
                return step;
            }
            const RequestLogReader reader(db, kWholeBodyBytes);
            QList<RequestLogEntry> entries;
            bool last = false;
            if (filtered) {
                entries = reader.page(filter, after, PageSize);
                last = entries.size() < PageSize;
                if (!entries.isEmpty())
                    step.after = RequestLogReader::cursorOf(entries.constLast());
            } else {
                for (const qint64 id : ids) {
                    if (std::optional<RequestLogEntry> entry = reader.find(id))
                        entries.append(*entry);
                    else if (!reader.lastError().isEmpty())
                        break;
                }
                last = lastIds;
            }
            if (!reader.lastError().isEmpty()) {
                step.error = reader.lastError();
                close(false);
                return step;
            }
            if (!write(entries))
                close(false);
            else if (last)
                close(true);
            return step;
        },
        this, [this](Step step) { stepDone(step); });
}

void RequestLogExportJob::stepDone(const Step& step)
{
    m_written += step.written;
    if (m_filtered) {
        if (step.after)
            m_after = step.after;
    } else {
        m_next = std::min(m_next + PageSize, static_cast<int>(m_ids.size()));
    }
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
