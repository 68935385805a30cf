#include "MessageExportJob.h"

#include <memory>

namespace smsdesk {

// The messages, page by page after the last one written.
class MessageExportJob::Messages : public PagedExportJob::Pages
{
public:
    Messages(MessageExporter::Format format, std::optional<ConversationReader::Thread> thread)
        : m_format(format), m_thread(std::move(thread))
    {}

    bool writeHeader(QSqlDatabase& db, QIODevice& file) override
    {
        return MessageExporter(db, m_thread).writeHeader(file, m_format);
    }

    Page writePage(QSqlDatabase& db, QIODevice& file) override
    {
        Page page;
        if (cancelled) {
            page.cancelled = true;
            return page;
        }
        MessageExporter exporter(db, m_thread);
        MessageExporter::Cursor last;
        page.written = exporter.writePage(file, m_format, m_after, PageSize, &last);
        if (page.written < 0) {
            page.error = exporter.lastError();
            page.written = 0;
            return page;
        }
        if (page.written > 0)
            m_after = last;
        page.last = page.written < PageSize;
        return page;
    }

private:
    const MessageExporter::Format m_format;
    const std::optional<ConversationReader::Thread> m_thread;
    std::optional<MessageExporter::Cursor> m_after; // the last message written
};

MessageExportJob::MessageExportJob(DatabaseWorker& worker, QObject* parent)
    : PagedExportJob(worker, parent)
{}

void MessageExportJob::start(const QString& path, MessageExporter::Format format,
                             const std::optional<ConversationReader::Thread>& thread)
{
    exportTo(path, std::make_shared<Messages>(format, thread));
}

} // namespace smsdesk
