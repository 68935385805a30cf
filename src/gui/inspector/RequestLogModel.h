#pragma once

#include "listener/ListenerEvent.h"
#include "store/RequestLogReader.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

namespace smsdesk {

class DatabaseWorker;

// The request log for the inspector: newest first, read in pages of PageSize through the
// DatabaseWorker (never on the GUI thread), with live rows from the listener inserted at the
// top in batches. Rows are identified by their request_log id (IdRole); a live request whose
// log row could not be written gets a negative id of its own.
//
// The model holds a window of at most maxRows() rows of the list, so that memory stays flat
// however far one scrolls and however long the listener runs: rows inserted at the top (live
// rows, or newer pages read back while scrolling up) push the oldest out at the bottom, and
// pages fetched at the bottom push the newest out at the top. Scrolling down fetches the
// older rows again (fetchMore()); scrolling back up reads the newer ones again (fetchNewer()).
// While the top of the list is not in the window, live rows are kept back like while paused
// and come in once the window is back at the top. Rows are read without their headers and
// body (RequestLogReader::Content::Summary): the detail pane reads the whole request.
//
// A live row knows what the listener told: whether it is a message or a status report (its
// kind, and so which of its numbers sent it) is read back from the store once it is listed.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        PeerColumn,
        MethodColumn,
        PathColumn,
        ProviderColumn,
        NumberColumn,
        PartiesColumn, // From -> To
        OutcomeColumn,
        StatusColumn,
        LatencyColumn,
        KindColumn, // message in, status report, refused, failed (shown after the time)
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        UtcTimeRole,               // QDateTime (UTC)
        OutcomeClassRole,          // int (OutcomeClass)
        SortRole,                  // numbers for numeric columns and the time, else text
        KindRole,                  // int (Kind)
    };
    // What a request was, for the Kind column.
    enum class Kind
    {
        Unknown,      // not told yet (a live row being read back), or nothing stored
        MessageIn,    // it delivered a message to one of our numbers
        StatusReport, // the provider's report on a message we sent
        Refused,      // refused before anything was stored
        Failed,       // could not be stored
    };
    enum class OutcomeClass
    {
        Ok,      // accepted, duplicate, unassigned: stored
        Refused, // refused before storing (4xx)
        Failed,  // the store or the keychain failed (5xx)
        Drill,   // stored, then answered wrongly on purpose by a fault drill
    };

    static constexpr int PageSize = 200;
    static constexpr int LiveIntervalMs = 50; // live rows are inserted at most 20 times a second

    explicit RequestLogModel(DatabaseWorker& worker, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    // Loads the next page in the background; rows are appended when it arrives.
    void fetchMore(const QModelIndex& parent) override;

    // Clears the rows and loads the first page that matches `filter`.
    void setFilter(const RequestLogFilter& filter);
    const RequestLogFilter& filter() const { return m_filter; }
    // Reloads from the top with the current filter.
    void reload();

    // Reads the page of rows above the first one, when the window let go of the top of the
    // list (scrolling back up); rows are inserted at the top when it arrives.
    bool canFetchNewer() const { return !m_atTop && !m_loadingNewer && m_lastError.isEmpty(); }
    void fetchNewer();
    // The newest row of the list is in the window (false once rows were let go at the top).
    bool atTop() const { return m_atTop; }
    bool isLoadingNewer() const { return m_loadingNewer; }

    bool isLoading() const { return m_loading; }
    // With a text filter the log is read a window of ids at a time (see
    // RequestLogReader::scan): true while windows are being read for the rows asked for.
    bool isSearching() const { return m_searching; }
    double searchProgress() const { return m_searchProgress; } // 0..1 of the log read
    // At most this many rows are kept (see the class comment); at least a page.
    static constexpr int DefaultMaxRows = 10'000;
    void setMaxRows(int rows) { m_maxRows = std::max(PageSize, rows); }
    int maxRows() const { return m_maxRows; }
    // Ids per window; the default reads about 0.1 s of rows per window on a laptop.
    void setScanWindow(qint64 ids) { m_scanWindow = std::max<qint64>(1, ids); }
    bool atEnd() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }

    // While paused, live rows are kept back (pendingCount()) and inserted on resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Live rows waiting while paused (counted, and pendingCountChanged() emitted, at most every
    // LiveIntervalMs). Beyond the maximum row count they are only counted, and resuming reads
    // the top of the log again.
    int pendingCount() const { return static_cast<int>(m_pending.size()) + m_droppedPending; }

    const RequestLogEntry& entryAt(int row) const { return m_rows.at(row); }
    // Rows `rows` in list order (newest first): the ids of those stored, and the entries of
    // those the store has not logged yet (live rows), as an export of a selection takes them.
    struct RowsForExport
    {
        QList<qint64> ids;
        QList<RequestLogEntry> unstored;
    };
    RowsForExport rowsForExport(QList<int> rows) const;
    int rowOf(qint64 id) const; // -1 when absent

    static OutcomeClass outcomeClass(const QString& outcome, int status);
    static Kind kindOf(const RequestLogEntry& entry);
    static QString kindText(Kind kind);
    static QString kindToolTip(Kind kind);
    // "From -> To": the sender first (our number first for a status report, which is about a
    // message we sent).
    static QString partiesText(const RequestLogEntry& entry);
    static QColor outcomeColor(OutcomeClass outcomeClass);
    // The outcome code in words ("refused-auth" -> "Refused: wrong or missing credentials").
    static QString outcomeText(const QString& outcome);
    // What a live row can be matched on without the store: everything but the text in the
    // headers and the body (the target is checked). `*needsStore` is set when only the store
    // can tell whether the text matches.
    static bool matchesLive(const RequestLogFilter& filter, const RequestLogEntry& entry,
                            bool* needsStore);
    static RequestLogEntry entryOf(const ListenerEvent& event);

public Q_SLOTS:
    void addLive(const smsdesk::ListenerEvent& event);

Q_SIGNALS:
    // A page arrived (rows: how many were new) or failed (lastError()).
    void pageLoaded(int rows);
    void loadFailed(const QString& error);
    void pendingCountChanged(int pending);
    // The stored row `id` was read back for a live row (its kind, its numbers); dataChanged()
    // came first.
    void entryUpdated(qint64 id);
    // A text search started, moved on (progress 0..1 of the log read) or ended.
    void searchChanged(bool searching, double progress);

private:
    struct PageResult
    {
        QList<RequestLogEntry> entries;
        QString error;
        bool exhausted = false; // nothing older matches
        qint64 scannedTo = 0;   // a scan: where the next one starts
        qint64 remaining = 0;
        qint64 total = 0;
    };

    void loadPage();
    // Reads a page of rows with `read` through the worker; `arrive` takes it unless the list
    // was reloaded meanwhile.
    void postPage(std::function<QList<RequestLogEntry>(const RequestLogReader& reader)> read,
                  std::function<void(const PageResult& result)> arrive);
    void scanOn();
    // `moreToCome`: another read follows at once (a scan goes on): stays loading.
    void appendPage(const PageResult& result, bool moreToCome = false);
    void prependPage(const PageResult& result);
    void flushLive();
    // Kept back while paused or while the top of the list is not in the window.
    bool holdsLiveRows() const { return m_paused || !m_atTop; }
    void insertAtTop(QList<RequestLogEntry> entries);
    // Reads back what only the store knows of live rows (their kind and numbers).
    void readBack(const QList<RequestLogEntry>& entries);
    void trimToMaxRows();
    void trimTop();
    void setPending(QList<RequestLogEntry> pending);

    DatabaseWorker& m_worker;
    RequestLogFilter m_filter;
    QList<RequestLogEntry> m_rows;
    QSet<qint64> m_ids;
    std::optional<RequestLogReader::Cursor> m_cursor; // the last row of the last page read
    quint64 m_generation = 0;                         // bumped by every reload
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_atTop = true;
    bool m_loadingNewer = false;
    QString m_lastError;
    static constexpr qint64 DefaultScanWindow = 100'000;
    int m_maxRows = DefaultMaxRows;
    qint64 m_scanWindow = DefaultScanWindow;
    qint64 m_scanBelow = std::numeric_limits<qint64>::max();
    int m_scanFound = 0; // rows found by the scans of the current fetch
    bool m_searching = false;
    double m_searchProgress = 0;

    QList<RequestLogEntry> m_pending; // live rows not inserted yet
    QSet<qint64> m_pendingIds;
    int m_droppedPending = 0; // kept back while paused beyond m_maxRows: only counted
    bool m_pendingCountDirty = false;
    QTimer m_liveTimer;
    bool m_paused = false;
    qint64 m_nextLocalId = -1; // for live requests without a log row
};

} // namespace smsdesk
