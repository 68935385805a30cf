#include "MessageSearchModel.h"

#include "ConversationListModel.h"
#include "ConversationText.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <QSqlDatabase>

namespace smsdesk {

MessageSearchModel::MessageSearchModel(DatabaseWorker& worker, const Clock& clock, QObject* parent)
    : QAbstractListModel(parent), m_worker(worker), m_clock(clock)
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
        return ConversationText::remote(hit.remote, hit.did);
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
            .arg(ConversationText::remote(hit.remote, hit.did),
                 ConversationText::fullTime(hit.receivedAtMs), hit.text.simplified());
    default:
        return {};
    }
}

bool MessageSearchModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && !m_atEnd;
}

void MessageSearchModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        loadPage();
}

void MessageSearchModel::setQuery(const QString& query)
{
    ++m_generation;
    beginResetModel();
    m_query = query;
    m_words = MessageSearchReader::words(query);
    m_hits.clear();
    m_lastError.clear();
    m_atEnd = m_words.isEmpty();
    m_loading = !m_atEnd;
    endResetModel();
    if (m_loading)
        loadPage();
}

void MessageSearchModel::loadPage()
{
    m_loading = true;
    const quint64 generation = m_generation;
    const QString query = m_query;
    const std::optional<qint64> before =
        m_hits.isEmpty() ? std::nullopt : std::optional<qint64>(m_hits.constLast().id);
    m_worker.post<PageRead>(
        [query, before](QSqlDatabase& db) {
            const MessageSearchReader reader(db);
            PageRead page;
            page.hits = reader.search(query, before, PageSize);
            page.error = reader.lastError();
            return page;
        },
        this,
        [this, generation](PageRead page) {
            if (generation != m_generation)
                return;
            if (!page.error.isEmpty()) {
                m_loading = false;
                m_atEnd = true;
                m_lastError = page.error;
                Q_EMIT loadFailed(m_lastError);
                return;
            }
            m_atEnd = page.hits.size() < PageSize;
            // Still loading while the rows go in: a view (or a model tester) that fetches more
            // while they do must not read the same page again.
            if (!page.hits.isEmpty()) {
                const int first = int(m_hits.size());
                beginInsertRows(QModelIndex(), first, first + int(page.hits.size()) - 1);
                m_hits += page.hits;
                endInsertRows();
            }
            m_loading = false;
            Q_EMIT pageLoaded(int(page.hits.size()));
        });
}

} // namespace smsdesk
