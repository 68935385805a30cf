#pragma once

#include "ConversationReader.h"
#include "MessageExporter.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace smsdesk {

class DatabaseWorker;

// Exports messages (every one, or one conversation thread's) with MessageExporter to a file,
// oldest first, as CSV or JSON Lines with the fields of `smsdesk export`, in the background:
// one page of PageSize messages per DatabaseWorker job, so no read lasts longer than a page
// and the worker stays free for the views in between; the GUI thread never touches the file.
// The file is written through QSaveFile: it appears, whole, only when every message was
// written; an error or cancel() leaves nothing behind (and an existing file as it was).
//
// One export per job: start() once, then progressed() after every page and finished() or
// failed() once at the end.
class MessageExportJob : public QObject
{
    Q_OBJECT

public:
    static constexpr int PageSize = 5000;

    explicit MessageExportJob(DatabaseWorker& worker, QObject* parent = nullptr);
    ~MessageExportJob() override;

    // Writes the messages of `thread` (none: every message) to `path` in `format`.
    void start(const QString& path, MessageExporter::Format format,
               const std::optional<ConversationReader::Thread>& thread);
    // Stops before the next page that has not begun: the file is not written and failed()
    // says "cancelled" (a cancel while the last page is being written comes too late:
    // finished() follows).
    void cancel();

    QString path() const { return m_path; }
    qint64 written() const { return m_written; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(qint64 written);
    // The file at path() holds the `written` messages.
    void finished(qint64 written);
    // Nothing was written to path(): why (the file's or the store's error, or "cancelled").
    void failed(const QString& error);

private:
    struct Output;
    struct Step;

    void next();
    void stepDone(const Step& step);

    DatabaseWorker& m_worker;
    QString m_path;
    MessageExporter::Format m_format = MessageExporter::Format::JsonLines;
    std::optional<ConversationReader::Thread> m_thread;
    std::optional<MessageExporter::Cursor> m_after;
    qint64 m_written = 0;
    bool m_running = false;
    std::shared_ptr<Output> m_output; // the file: used on the worker thread only
};

} // namespace smsdesk
