#pragma once

#include "store/ConversationReader.h"

#include <QObject>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace smsdesk {

class AppContext;

// The Conversations page's exports: the thread shown (Ctrl+E) or every message (Ctrl+Shift+E)
// as CSV or JSON Lines (MessageExportJob, with ExportProgress's dialog), and every remote that
// sent STOP or START, with its state now, as CSV (OptOutRepository). It makes their actions
// (owned by the page, found there by object name; the page puts them in its menus) and asks
// where to save (replaceable for tests). How an export went is signalled, in words too. The
// files are written on the DatabaseWorker's thread; the GUI thread never waits on the store.
class ConversationExports : public QObject
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;
    // Asks where to save an export; an empty path cancels. Replaceable for tests.
    using SavePathChooser = std::function<QString(const QString& title, const QString& suggested)>;

    // `page` parents this object, the actions and the progress dialogs; `context` must outlive
    // it.
    ConversationExports(AppContext& context, QWidget* page);

    QAction* exportConversationAction() const { return m_threadAction; }
    QAction* exportAllAction() const { return m_allAction; }
    QAction* exportOptOutsAction() const { return m_optOutsAction; }
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }
    // The thread shown (what "Export this conversation" writes): enables its action.
    void setThread(const std::optional<Thread>& thread);

    void exportCurrent();
    void exportAll();
    // Saves every remote that sent STOP or START, with its state now, as CSV.
    void exportOptOuts();

Q_SIGNALS:
    // An export finished: `rows` messages written to `path`, or `error`.
    void exportFinished(const QString& path, qint64 rows, const QString& error);
    // The opt-out export finished: `rows` remotes written to `path`, or `error`.
    void optOutsExported(const QString& path, qint64 rows, const QString& error);
    // Something to tell the user in passing.
    void statusMessage(const QString& text);

private:
    void startExport(const QString& title, const std::optional<Thread>& thread,
                     const QString& suggestedName);

    AppContext& m_context;
    QWidget* m_page;
    SavePathChooser m_chooseSavePath;
    std::optional<Thread> m_thread;
    QAction* m_threadAction = nullptr;
    QAction* m_allAction = nullptr;
    QAction* m_optOutsAction = nullptr;
};

} // namespace smsdesk
