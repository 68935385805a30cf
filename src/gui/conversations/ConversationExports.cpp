#include "ConversationExports.h"

#include "AppContext.h"
#include "store/DatabaseWorker.h"
#include "store/MessageExportJob.h"
#include "store/OptOutRepository.h"
#include "widgets/ExportProgress.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QRegularExpression>
#include <QSaveFile>
#include <QWidget>

namespace smsdesk {

ConversationExports::ConversationExports(AppContext& context, QWidget* page)
    : QObject(page), m_context(context), m_page(page)
{
    m_chooseSavePath = [page](const QString& title, const QString& suggested) {
        return QFileDialog::getSaveFileName(page, title, suggested,
                                            tr("JSON Lines (*.jsonl);;CSV (*.csv)"));
    };
    m_threadAction = PageAction::makeWindowAction(
        page, QStringLiteral("exportConversation"), tr("Export this &conversation…"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Save the messages of the selected conversation as CSV or JSON Lines (%1)"));
    connect(m_threadAction, &QAction::triggered, this, &ConversationExports::exportCurrent);
    m_allAction = PageAction::makeWindowAction(page, QStringLiteral("exportAllConversations"),
                                               tr("Export &all conversations…"),
                                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                               tr("Save every message as CSV or JSON Lines (%1)"));
    connect(m_allAction, &QAction::triggered, this, &ConversationExports::exportAll);
    m_optOutsAction = new QAction(tr("Export &opt-outs…"), page);
    m_optOutsAction->setObjectName(QStringLiteral("exportOptOuts"));
    m_optOutsAction->setToolTip(
        tr("Save every number that texted STOP or START, with its state now, as CSV"));
    connect(m_optOutsAction, &QAction::triggered, this, &ConversationExports::exportOptOuts);
}

void ConversationExports::setThread(const std::optional<Thread>& thread)
{
    m_thread = thread;
    m_threadAction->setEnabled(m_thread.has_value());
}

void ConversationExports::exportCurrent()
{
    if (!m_thread)
        return;
    QString name = m_thread->remote;
    name.remove(QLatin1Char('+'));
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    startExport(tr("Export the conversation"), m_thread,
                QStringLiteral("smsdesk-conversation-%1").arg(name));
}

void ConversationExports::exportAll()
{
    startExport(tr("Export all conversations"), std::nullopt,
                QStringLiteral("smsdesk-conversations"));
}

void ConversationExports::startExport(const QString& title, const std::optional<Thread>& thread,
                                      const QString& suggestedName)
{
    const QString path = m_chooseSavePath(title, ExportProgress::suggestedPath(suggestedName));
    if (path.isEmpty())
        return;
    const MessageExporter::Format format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                               ? MessageExporter::Format::Csv
                                               : MessageExporter::Format::JsonLines;
    m_threadAction->setEnabled(false);
    m_allAction->setEnabled(false);

    auto* job = new MessageExportJob(m_context.worker(), this);
    ExportProgress::follow(
        job, m_page, title,
        [](qint64 written) { return tr("Exporting messages… %n written", nullptr, int(written)); },
        [this](qint64 rows, const QString& written, const QString& error) {
            m_allAction->setEnabled(true);
            setThread(m_thread);
            if (error.isEmpty())
                Q_EMIT statusMessage(tr("Exported %n message(s) to %1", nullptr, int(rows))
                                         .arg(QDir::toNativeSeparators(written)));
            else
                Q_EMIT statusMessage(tr("Export failed: %1").arg(error));
            Q_EMIT exportFinished(written, rows, error);
        });
    job->start(path, format, thread);
}

void ConversationExports::exportOptOuts()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_chooseSavePath(tr("Export the opt-outs"),
                                          folder + QStringLiteral("/smsdesk-opt-outs.csv"));
    if (path.isEmpty())
        return;
    struct Written
    {
        qint64 rows = -1;
        QString error;
    };
    m_context.worker().post<Written>(
        [path](QSqlDatabase& db) {
            const OptOutRepository optOuts(db);
            const std::optional<QList<OptOutRepository::OptOut>> list = optOuts.list();
            if (!list)
                return Written{-1, optOuts.lastError()};
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(OptOutRepository::csv(*list)) < 0 ||
                !file.commit())
                return Written{-1, file.errorString()};
            return Written{list->size(), {}};
        },
        this,
        [this, path](Written written) {
            if (written.error.isEmpty())
                Q_EMIT statusMessage(tr("Exported %n opt-out(s) to %1", nullptr, int(written.rows))
                                         .arg(QDir::toNativeSeparators(path)));
            else
                Q_EMIT statusMessage(tr("Export failed: %1").arg(written.error));
            Q_EMIT optOutsExported(path, written.rows, written.error);
        });
}

} // namespace smsdesk
