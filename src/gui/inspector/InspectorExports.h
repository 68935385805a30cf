#pragma once

#include <QObject>
#include <functional>

class QAction;
class QTableView;
class QWidget;

namespace smsdesk {

class AppContext;
class RequestLogExportJob;
class RequestLogModel;

// The Inspector's exports as JSON Lines (RequestLogExportJob, with ExportProgress's dialog):
// the selected requests (Ctrl+Shift+E), or every request the filters let through (Ctrl+E),
// paged through the store. It makes their actions (owned by the page, found there by object
// name; the selection one enabled while rows are selected) and asks where to save (replaceable
// for tests). How an export went is signalled, in words too. The file is written on the
// DatabaseWorker's thread; the GUI thread never waits on the store.
class InspectorExports : public QObject
{
    Q_OBJECT

public:
    // Asks where to save an export; an empty path cancels. Replaceable for tests.
    using SavePathChooser = std::function<QString(const QString& title, const QString& suggested)>;

    // `page` parents this object, the actions and the progress dialog; `context`, `model` and
    // `table` (the page's request list) must outlive it.
    InspectorExports(AppContext& context, RequestLogModel& model, QTableView& table, QWidget* page);

    QAction* exportSelectionAction() const { return m_selectionAction; }
    QAction* exportFilteredAction() const { return m_filteredAction; }
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }
    // Enables the selection's export while rows are selected (and no export runs).
    void updateEnabled();

    void exportSelection();
    void exportFiltered();

Q_SIGNALS:
    // An export finished: `rows` written to `path`, or `error`.
    void exportFinished(const QString& path, int rows, const QString& error);
    // Something to tell the user in passing.
    void statusMessage(const QString& text);

private:
    // Asks where to save, then shows the progress of the export `start` starts there.
    using ExportStart = std::function<void(RequestLogExportJob& job, const QString& path)>;
    void startExport(const QString& title, const ExportStart& start);

    AppContext& m_context;
    RequestLogModel& m_model;
    QTableView& m_table;
    QWidget* m_page;
    SavePathChooser m_chooseSavePath;
    QAction* m_selectionAction = nullptr;
    QAction* m_filteredAction = nullptr;
};

} // namespace smsdesk
