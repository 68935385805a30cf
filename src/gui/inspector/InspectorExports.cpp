#include "InspectorExports.h"

#include "AppContext.h"
#include "RequestLogModel.h"
#include "store/RequestLogExportJob.h"
#include "widgets/ExportProgress.h"
#include "widgets/PageAction.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QTableView>

namespace smsdesk {

InspectorExports::InspectorExports(AppContext& context, RequestLogModel& model, QTableView& table,
                                   QWidget* page)
    : QObject(page), m_context(context), m_model(model), m_table(table), m_page(page)
{
    m_chooseSavePath = [page](const QString& title, const QString& suggested) {
        return QFileDialog::getSaveFileName(page, title, suggested,
                                            tr("JSON Lines (*.jsonl);;All files (*)"));
    };
    m_selectionAction = PageAction::makeWindowAction(
        page, QStringLiteral("exportSelection"), tr("Export &selection…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        tr("Export the selected requests as JSON Lines (%1)"));
    m_selectionAction->setIcon(ThemeIcon::icon(ThemeIcon::Export));
    connect(m_selectionAction, &QAction::triggered, this, &InspectorExports::exportSelection);

    m_filteredAction = PageAction::makeWindowAction(
        page, QStringLiteral("exportFiltered"), tr("&Export list…"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Export every request the filters let through as JSON Lines (%1)"));
    m_filteredAction->setIcon(ThemeIcon::icon(ThemeIcon::Export));
    connect(m_filteredAction, &QAction::triggered, this, &InspectorExports::exportFiltered);
}

void InspectorExports::updateEnabled()
{
    m_selectionAction->setEnabled(m_table.selectionModel()->hasSelection());
}

void InspectorExports::exportSelection()
{
    const QModelIndexList rows = m_table.selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QList<int> order;
    for (const QModelIndex& index : rows)
        order.append(index.row());
    const RequestLogModel::RowsForExport selected = m_model.rowsForExport(order);
    startExport(tr("Export selected requests"),
                [selected](RequestLogExportJob& job, const QString& path) {
                    job.startSelection(path, selected.ids, selected.unstored);
                });
}

void InspectorExports::exportFiltered()
{
    const RequestLogFilter filter = m_model.filter();
    startExport(tr("Export the listed requests"),
                [filter](RequestLogExportJob& job, const QString& path) {
                    job.startFiltered(path, filter);
                });
}

void InspectorExports::startExport(const QString& title, const ExportStart& start)
{
    const QString path =
        m_chooseSavePath(title, ExportProgress::suggestedPath(QStringLiteral("smsdesk-requests")));
    if (path.isEmpty())
        return;
    m_selectionAction->setEnabled(false);
    m_filteredAction->setEnabled(false);

    auto* job = new RequestLogExportJob(m_context.worker(), this);
    ExportProgress::follow(
        job, m_page, title,
        [](qint64 written) { return tr("Exporting requests… %n written", nullptr, int(written)); },
        [this](qint64 rows, const QString& written, const QString& error) {
            m_filteredAction->setEnabled(true);
            updateEnabled();
            if (error.isEmpty())
                Q_EMIT statusMessage(tr("Exported %n request(s) to %1", nullptr, int(rows))
                                         .arg(QDir::toNativeSeparators(written)));
            else
                Q_EMIT statusMessage(tr("Export failed: %1").arg(error));
            Q_EMIT exportFinished(written, int(rows), error);
        });
    start(*job, path);
}

} // namespace smsdesk
