#pragma once

#include "PagedListModel.h"
#include "store/MessageSearchReader.h"
#include "store/StoreRead.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

class Clock;

// The results of a search across all message text, newest first: one row per message found,
// with its thread, read in pages through the DatabaseWorker as a view scrolls
// (canFetchMore/fetchMore). Answers the roles of ConversationListModel (the party, the
// snippet around the words found as the preview, the words to show in bold), so the thread
// list's delegate paints both.
class MessageSearchModel : public PagedListModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = MessageSearchReader::DefaultPageSize;

    // `worker` and `clock` must outlive the model.
    MessageSearchModel(DatabaseWorker& worker, const Clock& clock, QObject* parent = nullptr);
    ~MessageSearchModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Clears the rows and searches for `query` (a query without words finds nothing).
    void setQuery(const QString& query);
    QString query() const { return m_query; }
    // The words searched for (MessageSearchReader::words()).
    const QStringList& words() const { return m_words; }

    const MessageSearchHit& hitAt(int row) const { return m_hits.at(row); }

protected:
    void loadPage() override;

private:
    using PageRead = StorePage<MessageSearchHit>;

    const Clock& m_clock;
    QString m_query;
    QStringList m_words;
    QList<MessageSearchHit> m_hits;
};

} // namespace smsdesk
