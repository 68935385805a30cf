#include "MessageSearchModel.h"

#include "ConversationListModel.h"
#include "ConversationText.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <QSqlDatabase>

namespace smsdesk {

MessageSearchModel::MessageSearchModel(DatabaseWorker& worker, const Clock& clock, QObject* parent)
    : PagedListModel(worker, parent), m_clock(clock)
{}

MessageSearchModel::~MessageSearchModel() = default;

int MessageSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant MessageSearchModel::data(const QModelIndex& index, int role) const
{
    using Role = ConversationListModel::Role;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageSearchHit& hit = m_hits.at(index.row());
    const bool outbound = hit.direction == QLatin1String("outbound");
    switch (role) {
    case Qt::DisplayRole:
    case Role::PartyRole:
        return ConversationText::party(hit.remote, hit.did, hit.contactName);
    case Role::ContactNameRole:
        return hit.contactName;
    case Role::NumberRole:
        return ConversationText::remote(hit.did, hit.did);
    case Role::PreviewRole: {
        const QString snippet = ConversationText::snippet(hit.text, m_words);
        return outbound ? tr("You: %1").arg(snippet) : snippet;
    }
    case Role::TimeTextRole:
        return ConversationText::listTime(hit.receivedAtMs, m_clock.nowUtc());
    case Role::LastAtRole:
        return hit.receivedAtMs;
    case Role::UnreadCountRole:
    case Role::FailedCountRole:
        return qint64(0);
    case Role::HasDraftRole:
        return false;
    case Role::MatchWordsRole:
        return m_words;
    case Role::DidRole:
        return hit.did;
    case Role::RemoteRole:
        return hit.remote;
    case Role::MessageIdRole:
        return hit.id;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return tr("%1, %2: %3")
            .arg(ConversationText::party(hit.remote, hit.did, hit.contactName),
                 ConversationText::fullTime(hit.receivedAtMs), hit.text.simplified());
    default:
        return {};
    }
}

void MessageSearchModel::setQuery(const QString& query)
{
    beginResetModel();
    m_query = query;
    m_words = MessageSearchReader::words(query);
    m_hits.clear();
    restart(!m_words.isEmpty());
    endResetModel();
    if (!m_words.isEmpty())
        loadPage();
}

void MessageSearchModel::loadPage()
{
    const quint64 page = generation();
    const QString query = m_query;
    const std::optional<qint64> before =
        m_hits.isEmpty() ? std::nullopt : std::optional<qint64>(m_hits.constLast().id);
    worker().post<PageRead>(
        [query, before](QSqlDatabase& db) {
            const MessageSearchReader reader(db);
            return PageRead::of(reader, reader.search(query, before, PageSize));
        },
        this,
        [this, page](PageRead read) {
            if (!current(page))
                return;
            if (!read.error.isEmpty()) {
                pageFailed(read.error);
                return;
            }
            if (!read.rows.isEmpty()) {
                const int first = int(m_hits.size());
                beginInsertRows(QModelIndex(), first, first + int(read.rows.size()) - 1);
                m_hits += read.rows;
                endInsertRows();
            }
            pageDone(int(read.rows.size()), read.rows.size() < PageSize);
        });
}

} // namespace smsdesk
