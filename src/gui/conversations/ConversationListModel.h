#pragma once

#include "PagedListModel.h"
#include "store/ConversationListReader.h"
#include "store/ConversationSummary.h"
#include "store/StoreRead.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace smsdesk {

class Clock;

// The Conversations page's thread list: one row per (DID, remote) thread, newest activity
// first, read in pages of PageSize through the DatabaseWorker (never on the GUI thread) as a
// view scrolls (canFetchMore/fetchMore). Threads that change while listed (a message came in,
// a status moved, a thread was read) are handed in again, read from the store, and move to
// their place, come in when they now fall within the rows read, or go when the filter no longer
// lets them through. Rows are identified by their thread.
class ConversationListModel : public PagedListModel
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;
    using Filter = ConversationListReader::Filter;

    // The roles the thread list's delegate paints from (MessageSearchModel answers them too).
    enum Role
    {
        PartyRole = Qt::UserRole + 1, // QString: the other party as a person reads it
        NumberRole,                   // QString: our number, when the list shows several
        PreviewRole,                  // QString: the draft or the newest message's first line
        TimeTextRole,                 // QString: "14:05", "Mon", "12 Feb"
        LastAtRole,                   // qint64: UTC ms of the newest message
        UnreadCountRole,              // qint64
        FailedCountRole,              // qint64: messages not sent
        HasDraftRole,                 // bool
        MatchWordsRole,               // QStringList: words to show in bold (a search's)
        DidRole,                      // QString (E.164)
        RemoteRole,                   // QString
        MessageIdRole,                // qint64: the newest message (a search hit's message)
        ContactNameRole,              // QString: the other party's name; empty: not named
    };

    static constexpr int PageSize = ConversationListReader::DefaultPageSize;

    // `worker` and `clock` (for the times: "today" is the clock's) must outlive the model.
    ConversationListModel(DatabaseWorker& worker, const Clock& clock, QObject* parent = nullptr);
    ~ConversationListModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Clears the rows and reads the first page that `filter` lets through.
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    // Reads the list again from the top.
    void reload();
    // Our numbers' labels by E.164; with more than one number, each row names its number.
    void setNumberLabels(const QHash<QString, QString>& labels);

    // Threads that changed, as just read from the store (ConversationListReader::threads()).
    // `keep`: the thread shown next to the list stays listed even when the filter no longer
    // lets it through (read while "unread only" is on).
    void updateThreads(const QList<ConversationSummary>& summaries,
                       const std::optional<Thread>& keep = std::nullopt);

    const ConversationSummary& summaryAt(int row) const { return m_rows.at(row); }
    // The row of `thread`; -1 when not listed.
    int rowOf(const Thread& thread) const;

protected:
    void loadPage() override;

private:
    using PageRead = StorePage<ConversationSummary>;

    void appendPage(const PageRead& page);
    void removeAt(int row);
    // Where `summary` goes in the rows (by newerFirst).
    int placeOf(const ConversationSummary& summary) const;
    // Whether `summary` falls within the rows read so far.
    bool withinLoaded(const ConversationSummary& summary) const;

    const Clock& m_clock;
    Filter m_filter;
    QList<ConversationSummary> m_rows;
    QHash<QString, QString> m_labels;                       // E.164 -> label
    std::optional<ConversationListReader::Cursor> m_cursor; // the last row of the last page
};

} // namespace smsdesk
