#include "RequestLogModel.h"

#include "providers/Rejection.h"
#include "store/DatabaseWorker.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSqlDatabase>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

bool newerFirst(const RequestLogEntry& a, const RequestLogEntry& b)
{
    if (a.receivedAtMs != b.receivedAtMs)
        return a.receivedAtMs > b.receivedAtMs;
    return a.id > b.id;
}

// A live row whose message the store has not been asked about yet: a message or a status
// report, the list cannot tell.
bool awaitsReadBack(const RequestLogEntry& entry)
{
    return entry.id > 0 && entry.messageId > 0 && entry.direction.isEmpty();
}

// Rows of the list read without headers and body: the detail pane reads the whole request.
RequestLogReader listReader(QSqlDatabase& db)
{
    return RequestLogReader(db, RequestLogReader::DefaultBodyPreviewBytes,
                            RequestLogReader::Content::Summary);
}

} // namespace

RequestLogModel::RequestLogModel(DatabaseWorker& worker, QObject* parent)
    : QAbstractTableModel(parent), m_worker(worker)
{
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(LiveIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &RequestLogModel::flushLive);
}

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestLogEntry& entry = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs, Qt::UTC)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case PeerColumn:
            return entry.peer;
        case MethodColumn:
            return entry.method;
        case PathColumn:
            return entry.target;
        case ProviderColumn:
            return entry.provider;
        case NumberColumn:
            return entry.did;
        case PartiesColumn:
            return partiesText(entry);
        case KindColumn:
            return kindText(kindOf(entry));
        case OutcomeColumn:
            return entry.outcome;
        case StatusColumn:
            return entry.responseStatus > 0 ? QVariant(entry.responseStatus) : QVariant();
        case LatencyColumn:
            return entry.latencyUs >= 0
                       ? QVariant(QLocale().toString(double(entry.latencyUs) / 1000.0, 'f', 1))
                       : QVariant();
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case TimeColumn:
            return entry.receivedAtMs;
        case StatusColumn:
            return entry.responseStatus;
        case LatencyColumn:
            return entry.latencyUs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (column == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs, Qt::UTC)
                .toString(Qt::ISODateWithMs);
        if (column == OutcomeColumn && !entry.reason.isEmpty())
            return entry.reason;
        if (column == KindColumn)
            return kindToolTip(kindOf(entry));
        return {};
    case Qt::TextAlignmentRole:
        if (column == StatusColumn || column == LatencyColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
    case Qt::DecorationRole:
        if (column == OutcomeColumn)
            return outcomeColor(outcomeClass(entry.outcome, entry.responseStatus));
        return {};
    case IdRole:
        return entry.id;
    case UtcTimeRole:
        return QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs, Qt::UTC);
    case OutcomeClassRole:
        return static_cast<int>(outcomeClass(entry.outcome, entry.responseStatus));
    case KindRole:
        return static_cast<int>(kindOf(entry));
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PeerColumn:
        return tr("Peer");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case ProviderColumn:
        return tr("Provider");
    case NumberColumn:
        return tr("Number");
    case PartiesColumn:
        return tr("From \u2192 To");
    case OutcomeColumn:
        return tr("Outcome");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency (ms)");
    case KindColumn:
        return tr("Kind");
    default:
        return {};
    }
}

bool RequestLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && !m_atEnd;
}

void RequestLogModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        loadPage();
}

void RequestLogModel::setFilter(const RequestLogFilter& filter)
{
    m_filter = filter;
    // Live rows kept back must match the new filter too.
    QList<RequestLogEntry> pending;
    for (const RequestLogEntry& entry : std::as_const(m_pending)) {
        bool needsStore = false;
        if (matchesLive(m_filter, entry, &needsStore))
            pending.append(entry);
    }
    setPending(std::move(pending));
    reload();
}

void RequestLogModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_cursor.reset();
    m_scanBelow = std::numeric_limits<qint64>::max();
    m_scanFound = 0;
    m_searchProgress = 0;
    const bool wasSearching = std::exchange(m_searching, !m_filter.text.isEmpty());
    // Loading already: a view (or a model tester) that fetches more on modelReset must not
    // start a second load next to the one below (two text scans skipped each other's windows).
    m_loading = true;
    m_atEnd = false;
    m_atTop = true;
    m_loadingNewer = false;
    m_lastError.clear();
    endResetModel();
    if (wasSearching || m_searching)
        Q_EMIT searchChanged(m_searching, 0);
    loadPage();
}

void RequestLogModel::loadPage()
{
    m_loading = true;
    const RequestLogFilter filter = m_filter;
    if (!filter.text.isEmpty()) {
        // The next page of a search (a view fetching more) is a search again.
        if (!std::exchange(m_searching, true))
            Q_EMIT searchChanged(true, m_searchProgress);
        scanOn();
        return;
    }
    const std::optional<RequestLogReader::Cursor> after = m_cursor;
    postPage([filter, after](
                 const RequestLogReader& reader) { return reader.page(filter, after, PageSize); },
             [this](const PageResult& result) { appendPage(result); });
}

void RequestLogModel::postPage(
    std::function<QList<RequestLogEntry>(const RequestLogReader& reader)> read,
    std::function<void(const PageResult& result)> arrive)
{
    const quint64 generation = m_generation;
    m_worker.post<PageResult>(
        [read = std::move(read)](QSqlDatabase& db) {
            const RequestLogReader reader = listReader(db);
            PageResult result;
            result.entries = read(reader);
            result.error = reader.lastError();
            result.exhausted = result.entries.size() < PageSize;
            return result;
        },
        this,
        [this, generation, arrive = std::move(arrive)](const PageResult& result) {
            if (generation == m_generation)
                arrive(result);
        });
}

// A text filter: read the log a window of ids at a time, showing matches as they are found,
// until a page's worth has been found or nothing older is left.
void RequestLogModel::scanOn()
{
    const quint64 generation = m_generation;
    const RequestLogFilter filter = m_filter;
    const qint64 below = m_scanBelow;
    const qint64 window = m_scanWindow;
    const int wanted = PageSize - m_scanFound;
    m_worker.post<PageResult>(
        [filter, below, window, wanted](QSqlDatabase& db) {
            const RequestLogReader reader = listReader(db);
            const RequestLogReader::Scan scan = reader.scan(filter, below, window, wanted);
            PageResult result;
            result.entries = scan.entries;
            result.error = reader.lastError();
            result.exhausted = scan.exhausted;
            result.scannedTo = scan.scannedTo;
            result.remaining = scan.remaining;
            result.total = scan.total;
            return result;
        },
        this,
        [this, generation](PageResult result) {
            if (generation != m_generation)
                return;
            m_scanBelow = result.scannedTo;
            m_scanFound += static_cast<int>(result.entries.size());
            const bool more = result.error.isEmpty() && !result.exhausted && m_scanFound < PageSize;
            m_searching = more;
            if (result.total > 0) {
                m_searchProgress =
                    1.0 - static_cast<double>(result.remaining) / static_cast<double>(result.total);
            }
            Q_EMIT searchChanged(m_searching, m_searchProgress);
            // Still loading while the rows go in when the scan goes on: a view (or a model
            // tester) that fetches more on rowsInserted must not start a second scan.
            appendPage(result, more);
            if (more)
                scanOn();
            else
                m_scanFound = 0;
        });
}

void RequestLogModel::appendPage(const PageResult& result, bool moreToCome)
{
    m_loading = moreToCome && result.error.isEmpty();
    if (!result.error.isEmpty()) {
        // No retry loop through canFetchMore(): reload() tries again.
        m_atEnd = true;
        m_lastError = result.error;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    if (!result.entries.isEmpty())
        m_cursor = RequestLogReader::cursorOf(result.entries.constLast());
    m_atEnd = result.exhausted;

    QList<RequestLogEntry> fresh;
    for (const RequestLogEntry& entry : result.entries) {
        if (!m_ids.contains(entry.id))
            fresh.append(entry);
    }
    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(fresh.size()) - 1);
        for (const RequestLogEntry& entry : std::as_const(fresh)) {
            m_ids.insert(entry.id);
            m_rows.append(entry);
        }
        endInsertRows();
        trimTop();
    }
    Q_EMIT pageLoaded(static_cast<int>(fresh.size()));
}

void RequestLogModel::fetchNewer()
{
    if (!canFetchNewer() || m_rows.isEmpty())
        return;
    m_loadingNewer = true;
    const RequestLogFilter filter = m_filter;
    const RequestLogReader::Cursor before = RequestLogReader::cursorOf(m_rows.constFirst());
    postPage(
        [filter, before](const RequestLogReader& reader) {
            return reader.pageBefore(filter, before, PageSize);
        },
        [this](const PageResult& result) { prependPage(result); });
}

void RequestLogModel::prependPage(const PageResult& result)
{
    if (!result.error.isEmpty()) {
        m_loadingNewer = false;
        m_lastError = result.error;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    QList<RequestLogEntry> fresh;
    for (const RequestLogEntry& entry : result.entries) {
        if (!m_ids.contains(entry.id))
            fresh.append(entry);
    }
    const int added = static_cast<int>(fresh.size());
    if (!fresh.isEmpty()) {
        // Still loading while the rows go in: a view keeps the rows it shows in place.
        beginInsertRows(QModelIndex(), 0, static_cast<int>(fresh.size()) - 1);
        for (const RequestLogEntry& entry : std::as_const(fresh))
            m_ids.insert(entry.id);
        fresh.append(std::move(m_rows));
        m_rows = std::move(fresh);
        endInsertRows();
    }
    m_loadingNewer = false;
    if (result.exhausted)
        m_atTop = true;
    trimToMaxRows();
    Q_EMIT pageLoaded(added);
    if (m_atTop)
        flushLive(); // the live rows kept back meanwhile
}

int RequestLogModel::rowOf(qint64 id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

RequestLogModel::OutcomeClass RequestLogModel::outcomeClass(const QString& outcome, int status)
{
    if (outcome == ListenerEvent::drillError() || outcome == ListenerEvent::drillNoAnswer())
        return OutcomeClass::Drill;
    if (outcome == ListenerEvent::accepted() || outcome == ListenerEvent::duplicate() ||
        outcome == ListenerEvent::unassigned())
        return OutcomeClass::Ok;
    if (outcome == ListenerEvent::storeFailed() || outcome == ListenerEvent::storeUnavailable() ||
        outcome == ListenerEvent::credentialUnavailable() || status >= 500)
        return OutcomeClass::Failed;
    return OutcomeClass::Refused;
}

QColor RequestLogModel::outcomeColor(OutcomeClass outcomeClass)
{
    switch (outcomeClass) {
    case OutcomeClass::Ok:
        return QColor(0x2e, 0x7d, 0x32); // green
    case OutcomeClass::Refused:
        return QColor(0xb2, 0x7b, 0x00); // amber, readable on light and dark backgrounds
    case OutcomeClass::Failed:
        return QColor(0xc6, 0x28, 0x28); // red
    case OutcomeClass::Drill:
        return QColor(0x6a, 0x1b, 0x9a); // purple
    }
    return {};
}

bool RequestLogModel::matchesLive(const RequestLogFilter& filter, const RequestLogEntry& entry,
                                  bool* needsStore)
{
    *needsStore = false;
    if (!filter.outcomes.isEmpty() && !filter.outcomes.contains(entry.outcome))
        return false;
    if (!filter.providers.isEmpty() && !filter.providers.contains(entry.provider))
        return false;
    if (filter.numberId > 0 && entry.numberId != filter.numberId)
        return false;
    if (filter.fromMs > 0 && entry.receivedAtMs < filter.fromMs)
        return false;
    if (filter.toMs > 0 && entry.receivedAtMs >= filter.toMs)
        return false;
    if (!filter.text.isEmpty() && !entry.target.contains(filter.text, Qt::CaseInsensitive)) {
        // Headers and body are only in the store; a request without a log row cannot match.
        *needsStore = entry.id > 0;
        return *needsStore;
    }
    return true;
}

RequestLogEntry RequestLogModel::entryOf(const ListenerEvent& event)
{
    RequestLogEntry entry;
    entry.id = event.requestLogId;
    entry.receivedAtMs = event.receivedAtMs;
    entry.peer = event.peer;
    entry.method = event.method;
    entry.target = event.target;
    entry.provider = event.provider;
    entry.numberId = event.numberId;
    entry.did = event.did;
    entry.remote = event.remote;
    entry.outcome = event.outcome;
    entry.reason = event.reason;
    entry.responseStatus = event.status;
    entry.latencyUs = event.latencyUs;
    entry.messageId = event.messageIds.value(0);
    return entry;
}

void RequestLogModel::addLive(const ListenerEvent& event)
{
    RequestLogEntry entry = entryOf(event);
    if (entry.id > 0 && (m_ids.contains(entry.id) || m_pendingIds.contains(entry.id)))
        return;
    bool needsStore = false;
    if (!matchesLive(m_filter, entry, &needsStore))
        return;
    if (entry.id <= 0)
        entry.id = m_nextLocalId--;
    if (holdsLiveRows() && m_pending.size() >= m_maxRows) {
        // Paused (or scrolled far down) for long under traffic: rather than keep every row
        // back, count them and read the top of the log again on resume.
        m_droppedPending += static_cast<int>(m_pending.size()) + 1;
        m_pending.clear();
        m_pendingIds.clear();
    } else {
        m_pendingIds.insert(entry.id);
        m_pending.append(std::move(entry));
    }
    // One timer for both: inserts at most every LiveIntervalMs, or, while paused, says at
    // most as often how many rows are waiting.
    m_pendingCountDirty = true;
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void RequestLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!m_paused)
        flushLive();
}

void RequestLogModel::setPending(QList<RequestLogEntry> pending)
{
    const int before = pendingCount();
    m_pending = std::move(pending);
    m_pendingIds.clear();
    for (const RequestLogEntry& entry : std::as_const(m_pending))
        m_pendingIds.insert(entry.id);
    if (pendingCount() != before)
        Q_EMIT pendingCountChanged(pendingCount());
}

void RequestLogModel::flushLive()
{
    if (holdsLiveRows()) {
        if (std::exchange(m_pendingCountDirty, false))
            Q_EMIT pendingCountChanged(pendingCount());
        return;
    }
    m_pendingCountDirty = false;
    if (m_droppedPending > 0) {
        // More arrived while paused than are kept back: the store has them all.
        m_droppedPending = 0;
        m_pending.clear();
        m_pendingIds.clear();
        Q_EMIT pendingCountChanged(0);
        reload();
        return;
    }
    if (m_pending.isEmpty())
        return;
    const QList<RequestLogEntry> pending = std::exchange(m_pending, {});
    m_pendingIds.clear();
    Q_EMIT pendingCountChanged(0);

    QList<RequestLogEntry> direct;
    QHash<qint64, RequestLogEntry> toCheck;
    for (const RequestLogEntry& entry : pending) {
        bool needsStore = false;
        if (!matchesLive(m_filter, entry, &needsStore))
            continue;
        if (needsStore)
            toCheck.insert(entry.id, entry);
        else
            direct.append(entry);
    }
    insertAtTop(std::move(direct));
    if (toCheck.isEmpty())
        return;

    // The text may be in the headers or the body: ask the store which of these match.
    const quint64 generation = m_generation;
    const RequestLogFilter filter = m_filter;
    const QList<qint64> ids = toCheck.keys();
    m_worker.post<PageResult>(
        [filter, ids](QSqlDatabase& db) {
            const RequestLogReader reader = listReader(db);
            PageResult result;
            result.entries = reader.matching(filter, ids);
            result.error = reader.lastError();
            return result;
        },
        this,
        [this, generation, toCheck](PageResult result) {
            if (generation != m_generation || !result.error.isEmpty())
                return;
            for (RequestLogEntry& entry : result.entries) {
                // The response may not be recorded yet: the listener knows it already.
                const RequestLogEntry live = toCheck.value(entry.id);
                if (entry.responseStatus == 0)
                    entry.responseStatus = live.responseStatus;
                if (entry.latencyUs < 0)
                    entry.latencyUs = live.latencyUs;
                if (entry.did.isEmpty())
                    entry.did = live.did;
                if (entry.remote.isEmpty())
                    entry.remote = live.remote;
            }
            if (!holdsLiveRows()) {
                insertAtTop(std::move(result.entries));
                return;
            }
            // Paused, or scrolled far down, meanwhile: kept back with the others.
            QList<RequestLogEntry> held = m_pending;
            held.append(result.entries);
            setPending(std::move(held));
        });
}

void RequestLogModel::insertAtTop(QList<RequestLogEntry> entries)
{
    entries.erase(
        std::remove_if(entries.begin(), entries.end(),
                       [this](const RequestLogEntry& entry) { return m_ids.contains(entry.id); }),
        entries.end());
    if (entries.isEmpty())
        return;
    std::sort(entries.begin(), entries.end(), newerFirst);
    beginInsertRows(QModelIndex(), 0, static_cast<int>(entries.size()) - 1);
    for (const RequestLogEntry& entry : std::as_const(entries))
        m_ids.insert(entry.id);
    QList<RequestLogEntry> unknown;
    for (const RequestLogEntry& entry : std::as_const(entries)) {
        if (awaitsReadBack(entry))
            unknown.append(entry);
    }
    entries.append(std::move(m_rows));
    m_rows = std::move(entries);
    endInsertRows();
    trimToMaxRows();
    readBack(unknown);
}

void RequestLogModel::readBack(const QList<RequestLogEntry>& entries)
{
    if (entries.isEmpty())
        return;
    QList<qint64> ids;
    ids.reserve(entries.size());
    for (const RequestLogEntry& entry : entries)
        ids.append(entry.id);
    const quint64 generation = m_generation;
    m_worker.post<PageResult>(
        [ids](QSqlDatabase& db) {
            const RequestLogReader reader = listReader(db);
            PageResult result;
            result.entries = reader.matching(RequestLogFilter(), ids);
            result.error = reader.lastError();
            return result;
        },
        this,
        [this, generation](const PageResult& result) {
            if (generation != m_generation || !result.error.isEmpty())
                return;
            for (const RequestLogEntry& stored : result.entries) {
                const int row = rowOf(stored.id);
                if (row < 0)
                    continue; // gone meanwhile
                // What the store knows better than the listener's event; the response stays
                // the listener's (the store may not have it yet).
                RequestLogEntry& entry = m_rows[row];
                entry.direction = stored.direction;
                if (stored.messageId > 0)
                    entry.messageId = stored.messageId;
                if (!stored.did.isEmpty())
                    entry.did = stored.did;
                if (!stored.remote.isEmpty())
                    entry.remote = stored.remote;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
                Q_EMIT entryUpdated(stored.id);
            }
        });
}

// Live traffic must not grow the list without end: the oldest rows go, and scrolling down
// fetches them again from the store.
void RequestLogModel::trimToMaxRows()
{
    const qsizetype excess = m_rows.size() - m_maxRows;
    if (excess <= 0)
        return;
    const int first = static_cast<int>(m_rows.size() - excess);
    beginRemoveRows(QModelIndex(), first, static_cast<int>(m_rows.size()) - 1);
    for (qsizetype row = first; row < m_rows.size(); ++row)
        m_ids.remove(m_rows.at(row).id);
    m_rows.resize(first);
    endRemoveRows();
    const RequestLogEntry& last = m_rows.constLast();
    if (last.id > 0) {
        m_cursor = RequestLogReader::cursorOf(last);
        m_scanBelow = last.id;
        m_atEnd = false;
    }
}

// Scrolling down must not grow the list without end either: the newest rows go, and
// scrolling back up reads them again (fetchNewer()).
void RequestLogModel::trimTop()
{
    const qsizetype excess = m_rows.size() - m_maxRows;
    if (excess <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(excess) - 1);
    for (qsizetype row = 0; row < excess; ++row)
        m_ids.remove(m_rows.at(row).id);
    m_rows.remove(0, excess);
    endRemoveRows();
    m_atTop = false;
}

RequestLogModel::Kind RequestLogModel::kindOf(const RequestLogEntry& entry)
{
    switch (outcomeClass(entry.outcome, entry.responseStatus)) {
    case OutcomeClass::Refused:
        return Kind::Refused;
    case OutcomeClass::Failed:
        return Kind::Failed;
    case OutcomeClass::Ok:
    case OutcomeClass::Drill:
        break;
    }
    // A webhook delivers messages to us; the only outbound message one can be about is one we
    // sent, which a status report reports on.
    if (entry.direction == QLatin1String("inbound"))
        return Kind::MessageIn;
    if (entry.direction == QLatin1String("outbound"))
        return Kind::StatusReport;
    return Kind::Unknown;
}

QString RequestLogModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return {};
    case Kind::MessageIn:
        return tr("message in");
    case Kind::StatusReport:
        return tr("status report");
    case Kind::Refused:
        return tr("refused");
    case Kind::Failed:
        return tr("failed");
    }
    return {};
}

QString RequestLogModel::kindToolTip(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return {};
    case Kind::MessageIn:
        return tr("A message to one of our numbers");
    case Kind::StatusReport:
        return tr("The provider's report on a message we sent (From \u2192 To is that "
                  "message's: our number first)");
    case Kind::Refused:
        return tr("Refused before anything was stored");
    case Kind::Failed:
        return tr("Could not be stored");
    }
    return {};
}

QString RequestLogModel::partiesText(const RequestLogEntry& entry)
{
    if (entry.did.isEmpty() && entry.remote.isEmpty())
        return {};
    const QString did = entry.did.isEmpty() ? QStringLiteral("?") : entry.did;
    const QString remote = entry.remote.isEmpty() ? QStringLiteral("?") : entry.remote;
    if (awaitsReadBack(entry)) // which way it went is read back in a moment
        return remote + QStringLiteral(" \u2194 ") + did;
    // A status report is about a message we sent: from our number.
    const bool outbound = entry.direction == QLatin1String("outbound");
    return (outbound ? did : remote) + QStringLiteral(" \u2192 ") + (outbound ? remote : did);
}

QString RequestLogModel::outcomeText(const QString& outcome)
{
    struct Words
    {
        QString code;
        const char* text;
    };
    static const Words words[] = {
        {ListenerEvent::accepted(), QT_TR_NOOP("Accepted")},
        {ListenerEvent::duplicate(), QT_TR_NOOP("Duplicate: already stored before")},
        {ListenerEvent::unassigned(), QT_TR_NOOP("Stored without a number (unassigned)")},
        {ListenerEvent::refusedAuth(),
         QT_TR_NOOP("Refused: wrong or missing credentials (Authorization or path token)")},
        {ListenerEvent::unknownNumber(), QT_TR_NOOP("Refused: the number is not provisioned here")},
        {ListenerEvent::unknownPath(), QT_TR_NOOP("Refused: no webhook at this path")},
        {ListenerEvent::wrongMethod(), QT_TR_NOOP("Refused: method not allowed")},
        {ListenerEvent::tooLarge(), QT_TR_NOOP("Refused: the body is too large")},
        {ListenerEvent::headersTooLarge(), QT_TR_NOOP("Refused: the headers are too large")},
        {ListenerEvent::timeout(), QT_TR_NOOP("Refused: the client was too slow (timeout)")},
        {ListenerEvent::badRequest(), QT_TR_NOOP("Refused: not a valid HTTP request")},
        {ListenerEvent::unsupported(),
         QT_TR_NOOP("Refused: an HTTP feature that is not supported")},
        {ListenerEvent::storeUnavailable(),
         QT_TR_NOOP("Failed: the store could not take it (try again later)")},
        {ListenerEvent::storeFailed(), QT_TR_NOOP("Failed: the store refused the data")},
        {ListenerEvent::credentialUnavailable(),
         QT_TR_NOOP("Failed: the expected credential could not be read from the keychain")},
        {ListenerEvent::drillError(), QT_TR_NOOP("Fault drill: stored, then answered 500")},
        {ListenerEvent::drillNoAnswer(), QT_TR_NOOP("Fault drill: stored, then not answered")},
        {Rejection::malformedCode(), QT_TR_NOOP("Refused: the payload is malformed")},
        {Rejection::wrongContentTypeCode(), QT_TR_NOOP("Refused: wrong Content-Type")},
        {Rejection::invalidCode(), QT_TR_NOOP("Refused: a value is not acceptable")},
        {Rejection::unrecognisedCode(), QT_TR_NOOP("Refused: no provider recognises the payload")},
        {Rejection::ambiguousCode(),
         QT_TR_NOOP("Refused: more than one provider recognises the payload")},
    };
    for (const Words& known : words) {
        if (known.code == outcome)
            return tr(known.text);
    }
    return outcome.isEmpty() ? tr("No outcome recorded") : outcome;
}

RequestLogModel::RowsForExport RequestLogModel::rowsForExport(QList<int> rows) const
{
    std::sort(rows.begin(), rows.end());
    RowsForExport result;
    for (const int row : std::as_const(rows)) {
        const RequestLogEntry& entry = m_rows.at(row);
        if (entry.id > 0)
            result.ids.append(entry.id);
        else
            result.unstored.append(entry);
    }
    return result;
}

} // namespace smsdesk
