#include "PagedListModel.h"

namespace smsdesk {

PagedListModel::PagedListModel(DatabaseWorker& worker, QObject* parent)
    : QAbstractListModel(parent), m_worker(worker)
{}

PagedListModel::~PagedListModel() = default;

bool PagedListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && !m_atEnd;
}

void PagedListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    loadPage();
}

void PagedListModel::restart(bool more)
{
    ++m_generation;
    // Loading already: a view that fetches more on modelReset must not start a second read.
    m_loading = more;
    m_atEnd = !more;
    m_lastError.clear();
}

void PagedListModel::pageFailed(const QString& error)
{
    m_loading = false;
    m_atEnd = true;
    m_lastError = error;
    Q_EMIT loadFailed(error);
}

void PagedListModel::pageDone(int rows, bool last)
{
    m_loading = false;
    m_atEnd = last;
    Q_EMIT pageLoaded(rows);
}

} // namespace smsdesk
