#pragma once

#include "store/PagedExportJob.h"
#include "store/RequestLogReader.h"

#include <QList>
#include <QString>

namespace smsdesk {

// Exports request log entries as JSON Lines (RequestLogJsonWriter) to a file, in the
// background: the entries a filter lets through (paged through the store newest first, like
// the Inspector's list), or a selection of them in a given order. One page of PageSize whole
// entries per DatabaseWorker job (PagedExportJob: progressed() after every page, then
// finished() or failed()).
class RequestLogExportJob : public PagedExportJob
{
    Q_OBJECT

public:
    // Whole entries (bodies up to the listener's limit, 1 MiB) per worker job.
    static constexpr int PageSize = 50;

    explicit RequestLogExportJob(DatabaseWorker& worker, QObject* parent = nullptr);

    // Writes every entry that `filter` lets through to `path`, newest first.
    void startFiltered(const QString& path, const RequestLogFilter& filter);
    // Writes `unstored` (rows known only to a view: a live request whose log row could not be
    // written), then the entries of `ids`, in that order, to `path`. An id no longer stored is
    // left out.
    void startSelection(const QString& path, const QList<qint64>& ids,
                        const QList<RequestLogEntry>& unstored);

private:
    class Entries;
};

} // namespace smsdesk
