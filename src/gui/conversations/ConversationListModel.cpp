#include "ConversationListModel.h"

#include "ConversationText.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <QSqlDatabase>
#include <algorithm>
#include <utility>

namespace smsdesk {

ConversationListModel::ConversationListModel(DatabaseWorker& worker, const Clock& clock,
                                             QObject* parent)
    : PagedListModel(worker, parent), m_clock(clock)
{}

ConversationListModel::~ConversationListModel() = default;

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationSummary& summary = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PartyRole:
        return ConversationText::party(summary.remote, summary.did, summary.contactName);
    case ContactNameRole:
        return summary.contactName;
    case NumberRole:
        // Only worth a line when there is more than one number to tell apart.
        return m_labels.size() > 1
                   ? ConversationText::number(summary.did, m_labels.value(summary.did))
                   : QString();
    case PreviewRole:
        return ConversationText::preview(summary);
    case TimeTextRole:
        return ConversationText::listTime(summary.lastAtMs, m_clock.nowUtc());
    case LastAtRole:
        return summary.lastAtMs;
    case UnreadCountRole:
        return summary.unreadCount;
    case FailedCountRole:
        return summary.failedCount;
    case HasDraftRole:
        return summary.hasDraft();
    case MatchWordsRole:
        return QStringList();
    case DidRole:
        return summary.did;
    case RemoteRole:
        return summary.remote;
    case MessageIdRole:
        return summary.lastMessageId;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return ConversationText::accessible(
            summary, ConversationText::party(summary.remote, summary.did, summary.contactName));
    default:
        return {};
    }
}

void ConversationListModel::setFilter(const Filter& filter)
{
    m_filter = filter;
    reload();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_cursor.reset();
    restart(true);
    endResetModel();
    loadPage();
}

void ConversationListModel::setNumberLabels(const QHash<QString, QString>& labels)
{
    m_labels = labels;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {NumberRole});
}

void ConversationListModel::loadPage()
{
    const quint64 page = generation();
    const Filter filter = m_filter;
    const std::optional<ConversationListReader::Cursor> after = m_cursor;
    worker().post<PageRead>(
        [filter, after](QSqlDatabase& db) {
            const ConversationListReader reader(db);
            return PageRead::of(reader, reader.page(filter, after, PageSize));
        },
        this,
        [this, page](PageRead read) {
            if (current(page))
                appendPage(read);
        });
}

void ConversationListModel::appendPage(const PageRead& page)
{
    if (!page.error.isEmpty()) {
        pageFailed(page.error);
        return;
    }
    if (!page.rows.isEmpty())
        m_cursor = ConversationListReader::Cursor::of(page.rows.constLast());
    // A thread that moved up while listed is listed already.
    QList<ConversationSummary> fresh;
    for (const ConversationSummary& summary : page.rows) {
        if (rowOf(summary.thread()) < 0)
            fresh.append(summary);
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        m_rows += fresh;
        endInsertRows();
    }
    pageDone(int(fresh.size()), page.rows.size() < PageSize);
}

int ConversationListModel::rowOf(const Thread& thread) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).did == thread.did && m_rows.at(row).remote == thread.remote)
            return row;
    }
    return -1;
}

int ConversationListModel::placeOf(const ConversationSummary& summary) const
{
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), summary,
                                     &ConversationListReader::newerFirst);
    return int(at - m_rows.cbegin());
}

bool ConversationListModel::withinLoaded(const ConversationSummary& summary) const
{
    if (atEnd())
        return true;
    if (!m_cursor)
        return false; // the first page is on its way: it will have it
    ConversationSummary cursor;
    cursor.lastAtMs = m_cursor->lastAtMs;
    cursor.lastMessageId = m_cursor->lastMessageId;
    return ConversationListReader::newerFirst(summary, cursor);
}

void ConversationListModel::removeAt(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ConversationListModel::updateThreads(const QList<ConversationSummary>& summaries,
                                          const std::optional<Thread>& keep)
{
    for (const ConversationSummary& summary : summaries) {
        const int row = rowOf(summary.thread());
        const bool listed = ConversationListReader::matches(m_filter, summary) ||
                            (keep && *keep == summary.thread() && row >= 0);
        if (!listed) {
            if (row >= 0)
                removeAt(row);
            continue;
        }
        if (row < 0) {
            if (!withinLoaded(summary))
                continue; // further down than read: a later page brings it
            const int place = placeOf(summary);
            beginInsertRows(QModelIndex(), place, place);
            m_rows.insert(place, summary);
            endInsertRows();
            continue;
        }
        // In its new place: found among the others, without itself.
        const ConversationSummary old = m_rows.takeAt(row);
        int place = placeOf(summary);
        m_rows.insert(row, old);
        if (place != row) {
            beginMoveRows(QModelIndex(), row, row, QModelIndex(), place > row ? place + 1 : place);
            m_rows.move(row, place);
            endMoveRows();
        }
        m_rows[place] = summary;
        Q_EMIT dataChanged(index(place), index(place));
    }
}

} // namespace smsdesk
