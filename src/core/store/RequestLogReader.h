#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// Which request_log rows a list shows. Empty lists and zero values do not restrict.
struct RequestLogFilter
{
    QStringList outcomes;  // any of these outcome codes
    QStringList providers; // any of these provider ids; "" matches rows with no provider
    qint64 numberId = 0;
    qint64 fromMs = 0; // UTC ms, inclusive
    qint64 toMs = 0;   // UTC ms, exclusive
    // A substring of the target, the headers or the body (case-insensitive for ASCII;
    // `%` and `_` match themselves).
    QString text;

    bool isEmpty() const
    {
        return outcomes.isEmpty() && providers.isEmpty() && numberId == 0 && fromMs == 0 &&
               toMs == 0 && text.isEmpty();
    }
    bool operator==(const RequestLogFilter& other) const
    {
        return outcomes == other.outcomes && providers == other.providers &&
               numberId == other.numberId && fromMs == other.fromMs && toMs == other.toMs &&
               text == other.text;
    }
    bool operator!=(const RequestLogFilter& other) const { return !(*this == other); }
};

// One row of request_log as the inspector shows it, with the did/remote of its message.
struct RequestLogEntry
{
    using Header = QPair<QByteArray, QByteArray>;

    qint64 id = 0;
    qint64 receivedAtMs = 0; // UTC ms
    QString peer;
    QString method;
    QString target;
    QList<Header> headers; // parsed from the stored JSON array (values read as Latin-1); none
                           // in a summary (RequestLogReader::Content::Summary)
    QByteArray body;     // RequestLogReader::page(): at most its body preview (none in a summary);
                         // find(): whole
    qint64 bodySize = 0; // as received, also when `body` is shorter
    QString provider;    // empty: unknown
    qint64 numberId = 0; // 0: unknown
    QString outcome;
    QString reason;
    int responseStatus = 0; // 0: no response recorded
    QString responseBody;   // null: none recorded
    qint64 latencyUs = -1;  // -1: none recorded
    qint64 messageId = 0;   // 0: no message
    QString direction;      // of the message: "inbound", "outbound", empty when none
    QString did;            // the message's number, else the logged number's, else empty
    QString remote;         // the message's other party, else empty

    bool bodyComplete() const { return body.size() >= bodySize; }
};

// Reads request_log pages on one connection (use it from that connection's thread, e.g. in a
// DatabaseWorker job). Newest first, keyset pagination on (received_at DESC, id DESC). Every
// statement is finished before a call returns, so no read transaction outlives it (a held
// SQLite statement would pin the WAL snapshot and keep the WAL from being checkpointed).
class RequestLogReader
{
public:
    // Where a page ended: the next page starts after this row.
    struct Cursor
    {
        qint64 receivedAtMs = 0;
        qint64 id = 0;
    };

    // page() reads at most this many body bytes per row; find() reads the whole body.
    static constexpr int DefaultBodyPreviewBytes = 4096;

    // What page(), pageBefore(), matching() and scan() read of a row. A list that shows one
    // line per request needs no headers and no body (a few hundred bytes a row, not kilobytes).
    enum class Content
    {
        Preview, // the headers and the first bodyPreviewBytes of the body
        Summary, // neither headers nor body (bodySize is read all the same)
    };

    explicit RequestLogReader(QSqlDatabase db, int bodyPreviewBytes = DefaultBodyPreviewBytes,
                              Content content = Content::Preview);

    // Up to `limit` rows matching `filter`, newest first, strictly after `after` when given.
    // Empty with lastError() set when the query failed.
    QList<RequestLogEntry> page(const RequestLogFilter& filter, std::optional<Cursor> after,
                                int limit) const;
    // The other way: up to `limit` rows matching `filter` that come strictly before `before`
    // in the list (newer ones), the nearest to it; newest first like page(). For a list that
    // let go of its top rows and is scrolled back up.
    QList<RequestLogEntry> pageBefore(const RequestLogFilter& filter, const Cursor& before,
                                      int limit) const;
    // The rows among `ids` that match `filter` (for live rows the caller cannot match itself),
    // newest first, bodies cut like page().
    QList<RequestLogEntry> matching(const RequestLogFilter& filter, const QList<qint64>& ids) const;
    // One row with its whole body; none when absent (or on error: see lastError()).
    std::optional<RequestLogEntry> find(qint64 id) const;

    // A text filter can only be answered by reading the rows: a scan reads the rows with ids in
    // [belowId - scanIds, belowId) (rowid order: a plain range of the table, no index lookups)
    // and returns those that match, newest (highest id) first, at most `limit`. A caller shows
    // matches as they are found and its progress, then scans on from scannedTo. Ids follow
    // arrival, so id order is time order up to requests that took long to arrive.
    struct Scan
    {
        QList<RequestLogEntry> entries;
        qint64 scannedTo = 0;   // the next scan starts below this id
        bool exhausted = false; // nothing older is left
        qint64 scanned = 0;     // ids covered by this scan
        qint64 remaining = 0;   // ids left below scannedTo
        qint64 total = 0;       // ids in the log
    };
    struct IdRange
    {
        qint64 first = 0; // 0: empty
        qint64 last = 0;
    };
    // `belowId` beyond the newest row starts at the newest row.
    Scan scan(const RequestLogFilter& filter, qint64 belowId, qint64 scanIds, int limit) const;
    IdRange idRange() const;

    static Cursor cursorOf(const RequestLogEntry& entry) { return {entry.receivedAtMs, entry.id}; }
    // `text` as a LIKE pattern matching it anywhere, with '!' as the escape character.
    static QString likePattern(const QString& text);
    // The WHERE term of the outcome index (migration 16: requests not accepted), for a request
    // log aliased `r`. A query that filters on outcomes other than 'accepted' adds it, word for
    // word, so that the database may read that index.
    static QLatin1String notAcceptedSql() { return QLatin1String("r.outcome <> 'accepted'"); }

    QString lastError() const { return m_lastError; }

private:
    enum class Order
    {
        Newest, // received_at DESC, id DESC
        Oldest, // received_at ASC, id ASC
        Id,     // id DESC
    };
    // The SQL expressions read for the headers and the body.
    struct Columns
    {
        QString headers;
        QString body;
    };
    QList<RequestLogEntry> select(const Columns& content, const QStringList& where,
                                  const QVariantList& values, int limit, Order order) const;
    // What the lists read (page, pageBefore, matching, scan): by the reader's Content.
    Columns listed() const;
    QString bodyPreview() const;
    void addFilter(const RequestLogFilter& filter, QStringList* where, QVariantList* values) const;
    bool isPostgres() const;

    QSqlDatabase m_db;
    int m_bodyPreviewBytes;
    Content m_content;
    mutable QString m_lastError;
};

} // namespace smsdesk
