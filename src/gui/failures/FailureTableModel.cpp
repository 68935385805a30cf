#include "FailureTableModel.h"

#include "FailureText.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"
#include "support/FailureCatalogue.h"
#include "support/FailureReader.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace smsdesk {

namespace {

// What one page read came to, handed back from the worker.
using PageRead = StorePage<FailureEntry>;

} // namespace

FailureTableModel::FailureTableModel(DatabaseWorker& worker, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_worker(worker), m_clock(clock)
{}

int FailureTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FailureTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailureTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const FailureEntry& entry = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return FailureText::time(entry.atMs, m_clock.nowMs());
        case KindColumn:
            return FailureCatalogue::kindName(entry.kind);
        case NumberColumn:
            return entry.did;
        case RemoteColumn:
            return entry.remote;
        case CauseColumn:
            return FailureText::cause(entry);
        case HttpColumn:
            return entry.httpStatus > 0 ? QString::number(entry.httpStatus) : QString();
        case AttemptsColumn:
            if (entry.kind == FailureEntry::Kind::Fallback)
                return QStringLiteral("%1/%2").arg(entry.failedAttempts).arg(entry.attempts);
            return entry.attempts > 0 ? QString::number(entry.attempts) : QString();
        case ResolvedColumn:
            return entry.resolvedBy;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == CauseColumn)
            return FailureText::detailHtml(entry);
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(entry.atMs)
                .toLocalTime()
                .toString(Qt::ISODateWithMs);
    }
    return {};
}

QVariant FailureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case NumberColumn:
        return tr("Number");
    case RemoteColumn:
        return tr("Remote");
    case CauseColumn:
        return tr("Cause");
    case HttpColumn:
        return tr("HTTP");
    case AttemptsColumn:
        return tr("Attempts");
    case ResolvedColumn:
        return tr("Resolved by");
    default:
        return {};
    }
}

bool FailureTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void FailureTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        loadPage(false);
}

void FailureTableModel::setFilter(const FailureFilter& filter)
{
    m_filter = filter;
    reload();
}

void FailureTableModel::reload()
{
    loadPage(true);
}

int FailureTableModel::rowOf(const QString& key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key)
            return row;
    }
    return -1;
}

void FailureTableModel::loadPage(bool restart)
{
    if (restart)
        ++m_generation;
    const quint64 generation = m_generation;
    std::optional<FailureReader::Cursor> after;
    if (!restart && !m_entries.isEmpty())
        after = FailureReader::cursorOf(m_entries.constLast());
    // A reload reads as many rows as are listed (at least a page), so a live update keeps
    // the rows a view scrolled to.
    const int limit = restart ? std::max<int>(PageRows, int(m_entries.size())) : PageRows;
    m_loading = true;
    const FailureFilter filter = m_filter;
    m_worker.post<PageRead>(
        [filter, after, limit](QSqlDatabase& db) {
            const FailureReader reader(db);
            return PageRead::of(reader, reader.page(filter, after, limit));
        },
        this,
        [this, generation, restart, limit](PageRead read) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_lastError = read.error;
            if (!read.error.isEmpty()) {
                Q_EMIT loaded();
                return;
            }
            m_atEnd = read.rows.size() < limit;
            if (restart) {
                beginResetModel();
                m_entries = read.rows;
                endResetModel();
            } else if (!read.rows.isEmpty()) {
                beginInsertRows({}, int(m_entries.size()),
                                int(m_entries.size() + read.rows.size() - 1));
                m_entries += read.rows;
                endInsertRows();
            }
            Q_EMIT loaded();
        });
}

} // namespace smsdesk
