#include "RequestLogExportJob.h"

#include "store/RequestLogJsonWriter.h"

#include <memory>
#include <utility>

namespace smsdesk {

namespace {

// Whole bodies: the reader's preview limit is set above the listener's body limit.
constexpr int kWholeBodyBytes = 64 * 1024 * 1024;

} // namespace

// The entries, page by page: those a filter lets through, or a selection (the unstored rows
// with the first page).
class RequestLogExportJob::Entries : public PagedExportJob::Pages
{
public:
    explicit Entries(const RequestLogFilter& filter) : m_filtered(true), m_filter(filter) {}
    Entries(const QList<qint64>& ids, const QList<RequestLogEntry>& unstored)
        : m_ids(ids), m_unstored(unstored)
    {}

    Page writePage(QSqlDatabase& db, QIODevice& file) override
    {
        Page page;
        RequestLogJsonWriter writer(&file);
        auto write = [&writer, &page](const QList<RequestLogEntry>& entries) {
            for (const RequestLogEntry& entry : entries) {
                if (!writer.write(entry)) {
                    page.error = writer.errorString();
                    return false;
                }
                ++page.written;
            }
            return true;
        };
        if (!write(std::exchange(m_unstored, {})))
            return page;
        const RequestLogReader reader(db, kWholeBodyBytes);
        QList<RequestLogEntry> entries;
        if (m_filtered) {
            entries = reader.page(m_filter, m_after, PageSize);
            page.last = entries.size() < PageSize;
            if (!entries.isEmpty())
                m_after = RequestLogReader::cursorOf(entries.constLast());
        } else {
            for (const qint64 id : m_ids.mid(m_next, PageSize)) {
                if (std::optional<RequestLogEntry> entry = reader.find(id))
                    entries.append(*entry);
                else if (!reader.lastError().isEmpty())
                    break;
            }
            page.last = m_next + PageSize >= m_ids.size();
            m_next += PageSize;
        }
        if (!reader.lastError().isEmpty()) {
            page.error = reader.lastError();
            return page;
        }
        write(entries);
        return page;
    }

private:
    const bool m_filtered = false;
    const RequestLogFilter m_filter;                 // filtered: what to page through
    std::optional<RequestLogReader::Cursor> m_after; // filtered: where the next page starts
    const QList<qint64> m_ids;                       // selection: the stored rows, in order
    QList<RequestLogEntry> m_unstored;               // selection: rows without a log row
    qsizetype m_next = 0;                            // selection: the next index into m_ids
};

RequestLogExportJob::RequestLogExportJob(DatabaseWorker& worker, QObject* parent)
    : PagedExportJob(worker, parent)
{}

void RequestLogExportJob::startFiltered(const QString& path, const RequestLogFilter& filter)
{
    exportTo(path, std::make_shared<Entries>(filter));
}

void RequestLogExportJob::startSelection(const QString& path, const QList<qint64>& ids,
                                         const QList<RequestLogEntry>& unstored)
{
    exportTo(path, std::make_shared<Entries>(ids, unstored));
}

} // namespace smsdesk
