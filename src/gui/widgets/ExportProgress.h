#pragma once

#include "store/PagedExportJob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QString>
#include <functional>

namespace smsdesk {

// What the pages share about a background export (a PagedExportJob: RequestLogExportJob,
// MessageExportJob): the file name offered, and a window-modal progress dialog with Cancel, shown
// after 400 ms, its label saying how many were written. `done` is called once, with the rows
// written or the error and the job's path, after which the job and the dialog are deleted.
class ExportProgress
{
public:
    using Label = std::function<QString(qint64 written)>;
    using Done = std::function<void(qint64 rows, const QString& path, const QString& error)>;

    // "<Documents>/<name>-20261205-114205.jsonl".
    static QString suggestedPath(const QString& name)
    {
        return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
               QStringLiteral("/%1-%2.jsonl")
                   .arg(name,
                        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    }

    // Follows `job` (owned by `parent`'s tree; started by the caller after this call).
    static void follow(PagedExportJob* job, QWidget* parent, const QString& title,
                       const Label& label, const Done& done)
    {
        QPointer<QProgressDialog> progress = new QProgressDialog(
            label(0), QCoreApplication::translate("smsdesk::ExportProgress", "Cancel"), 0, 0,
            parent);
        progress->setObjectName(QStringLiteral("exportProgress"));
        progress->setWindowTitle(title);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(400);
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        QObject::connect(progress, &QProgressDialog::canceled, job, &PagedExportJob::cancel);
        QObject::connect(
            job, &PagedExportJob::progressed, progress,
            [progress, label](qint64 written) { progress->setLabelText(label(written)); });
        auto finish = [job, progress, done](qint64 rows, const QString& error) {
            if (progress)
                progress->deleteLater();
            job->deleteLater();
            done(rows, job->path(), error);
        };
        QObject::connect(job, &PagedExportJob::finished, parent,
                         [finish](qint64 written) { finish(written, QString()); });
        QObject::connect(job, &PagedExportJob::failed, parent,
                         [finish](const QString& error) { finish(0, error); });
    }
};

} // namespace smsdesk
