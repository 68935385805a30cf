#pragma once

#include "ConversationReader.h"
#include "MessageExporter.h"
#include "PagedExportJob.h"

#include <QString>
#include <optional>

namespace smsdesk {

// Exports messages (every one, or one conversation thread's) with MessageExporter to a file,
// oldest first, as CSV or JSON Lines with the fields of `smsdesk export`, in the background:
// one page of PageSize messages per DatabaseWorker job (PagedExportJob: progressed() after
// every page, then finished() or failed()).
class MessageExportJob : public PagedExportJob
{
    Q_OBJECT

public:
    static constexpr int PageSize = 5000;

    explicit MessageExportJob(DatabaseWorker& worker, QObject* parent = nullptr);

    // Writes the messages of `thread` (none: every message) to `path` in `format`, once.
    // cancel() also stops before the next page that has not begun (a cancel while the last
    // page is being written comes too late: finished() follows).
    void start(const QString& path, MessageExporter::Format format,
               const std::optional<ConversationReader::Thread>& thread);

private:
    class Messages;
};

} // namespace smsdesk
