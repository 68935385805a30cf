#include "MessageWriter.h"

#include "Database.h"
#include "StoreLog.h"
#include "StoreStatement.h"
#include "util/Clock.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <algorithm>
#include <utility>

namespace smsdesk {

// Carries one outcome to the thread of its context. submit() creates and connects it while
// the context is certainly alive; Qt removes the connection, and any call already queued,
// when the context is destroyed, so a late outcome is dropped instead of reaching a dead
// object. It lives in the writer thread, which emits it once and deletes it.
class OutcomeRelay : public QObject
{
    Q_OBJECT

Q_SIGNALS:
    void delivered(const smsdesk::WriteOutcome& outcome);
};

namespace {

using Backend = DatabaseConfig::Backend;

// How long one BEGIN IMMEDIATE may wait for the lock before the writer looks at the clock
// again: jobs whose deadline passed meanwhile are answered at once, not after the whole
// batch gave up.
constexpr qint64 kBusySliceMs = 100;
constexpr int kCompletionAttempts = 3;
const QString kBusyReason = QStringLiteral("store busy");

// A NOT NULL text column with a '' default.
void bindTextOrEmpty(StoreStatement& statement, int index, const QString& value)
{
    statement.bind(index, value.isNull() ? QStringLiteral("") : value);
}

void bindTextOrNull(StoreStatement& statement, int index, const QString& value)
{
    if (value.isEmpty())
        statement.bindNull(index, QMetaType::fromType<QString>());
    else
        statement.bind(index, value);
}

// Ids and HTTP statuses: 0 (or less) is NULL.
void bindPositiveOrNull(StoreStatement& statement, int index, qint64 value)
{
    if (value > 0)
        statement.bind(index, value);
    else
        statement.bindNull(index, QMetaType::fromType<qint64>());
}

void bindOptional(StoreStatement& statement, int index, const std::optional<qint64>& value)
{
    if (value)
        statement.bind(index, *value);
    else
        statement.bindNull(index, QMetaType::fromType<qint64>());
}

// A latency: -1 (unknown) is NULL.
std::optional<qint64> latencyOrNone(qint64 latencyUs)
{
    return latencyUs >= 0 ? std::optional<qint64>(latencyUs) : std::nullopt;
}

QString mediaJson(const QStringList& media)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(media)).toJson(QJsonDocument::Compact));
}

// [[name, value], ...]; header bytes read as Latin-1 so that they round-trip exactly.
QString headersJson(const QList<RequestLogRow::Header>& headers)
{
    QJsonArray array;
    for (const RequestLogRow::Header& header : headers)
        array.append(
            QJsonArray{QString::fromLatin1(header.first), QString::fromLatin1(header.second)});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The database's words, first line only: PostgreSQL adds a DETAIL line with row values.
QString describe(const QSqlError& error)
{
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const qsizetype newline = text.indexOf(u'\n');
    if (newline >= 0)
        text.truncate(newline);
    return text.trimmed();
}

bool isBusy(const QSqlError& error, Backend backend)
{
    const QString code = error.nativeErrorCode();
    if (backend == Backend::Sqlite) {
        const int primary = code.toInt() & 0xff;
        return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
    }
    // lock_not_available (lock_timeout), query_canceled, deadlock, serialization failure
    return code == u"55P03" || code == u"57014" || code == u"40P01" || code == u"40001";
}

QSqlError jobError(const QString& text)
{
    return QSqlError(QString(), text, QSqlError::StatementError);
}

QString statusDedupeKey(const StatusRow& row)
{
    const QString key =
        QStringLiteral("status:%1:%2:%3:%4:%5")
            .arg(row.provider, row.providerMessageId,
                 row.rawStatus.isEmpty() ? row.status : row.rawStatus, row.errorCode,
                 row.providerTimeMs ? QString::number(*row.providerTimeMs) : QString());
    return row.deviceId.isEmpty() ? key : key + u':' + row.deviceId;
}

// StatusRow::rank() of a `status` column, in SQL.
QString rankSql(const QString& column)
{
    QString sql = QStringLiteral("CASE %1").arg(column);
    for (const char* status : {"queued", "sent", "delivered", "failed"}) {
        sql += QStringLiteral(" WHEN '%1' THEN %2")
                   .arg(QLatin1String(status))
                   .arg(StatusRow::rank(QLatin1String(status)));
    }
    return sql + QStringLiteral(" ELSE 0 END");
}

// The key of an outbound message created from a report: one per provider message (per device,
// whose ids are its own), so that two reports racing from two desks create it once.
QString createdOutboundKey(const StatusRow& row)
{
    return row.deviceId.isEmpty()
               ? QStringLiteral("outbound:%1:%2").arg(row.provider, row.providerMessageId)
               : QStringLiteral("outbound:%1:%2:%3")
                     .arg(row.provider, row.deviceId, row.providerMessageId);
}

// The outcome of a request whose log row leaves it to the writer.
QString linkedOutcome(const RequestLogRow& row, bool isNew)
{
    if (!isNew)
        return QString::fromLatin1(RequestLogRow::OutcomeDuplicate);
    return row.outcomeIfNew.isEmpty() ? QString::fromLatin1(RequestLogRow::OutcomeAccepted)
                                      : row.outcomeIfNew;
}

} // namespace

struct MessageWriter::Item
{
    enum class Kind
    {
        Write,
        Probe,
        Purge,
        Complete
    };

    Item() = default;
    Item(const Item&) = delete;
    Item& operator=(const Item&) = delete;
    ~Item() { delete relay; }

    Kind kind = Kind::Write;
    WriteJob job;
    qint64 purgeBefore = 0;
    bool purgeMore = false;
    qint64 logId = 0;
    int responseStatus = 0;
    QString responseBody;
    qint64 latencyUs = -1;
    QString reason; // Complete: null keeps the row's
    int attempts = 0;
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    QElapsedTimer queued;
    OutcomeRelay* relay = nullptr; // owned
    WriteOutcome outcome;
};

struct MessageWriter::Statements
{
    // `sqlite`: SQLite prepares SAVEPOINT statements like any other (one per job, so preparing
    // them once saves a parse per job); PostgreSQL cannot prepare them. The search index
    // statements are SQLite's only (PostgreSQL's GIN index keeps itself).
    bool prepare(const QSqlDatabase& db, bool sqlite, QString* error)
    {
        std::vector<std::pair<StoreStatement*, QString>> all = {
            {&insertMessage,
             QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, remote, "
                            "text, media, status, error_code, provider_message_id, "
                            "provider_time, received_at, dedupe_key, device_id, sim, "
                            "service_id, segments) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id")},
            {&findByKey,
             QStringLiteral("SELECT id, response_body FROM messages WHERE dedupe_key = ?")},
            // A gateway's ids are its device's own: the device is part of the name.
            {&findByProviderId, QStringLiteral("SELECT id FROM messages WHERE provider = ? AND "
                                               "provider_message_id = ? AND direction = ? AND "
                                               "COALESCE(device_id, '') = ? ORDER BY id LIMIT 1")},
            {&insertStatus,
             QStringLiteral("INSERT INTO message_status (message_id, status, raw_status, "
                            "error_code, detail, provider_time, received_at, dedupe_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id")},
            // A late report goes into the history but never moves the status back: not to a
            // lower rank, nor to an older report (by provider time) of the same rank. Reports
            // of the same rank without times (or with the same) go by arrival.
            {&updateStatus,
             QStringLiteral("UPDATE messages SET status = ?, error_code = ? WHERE id = ? AND "
                            "%1 <= ? AND NOT EXISTS (SELECT 1 FROM message_status WHERE "
                            "message_id = ? AND %1 = ? AND provider_time > ?)")
                 .arg(rankSql(QStringLiteral("status")))},
            {&setResponse, QStringLiteral("UPDATE messages SET response_body = ? WHERE id = ?")},
            {&insertLog,
             QStringLiteral("INSERT INTO request_log (received_at, peer, method, target, "
                            "headers, body, body_size, provider, number_id, outcome, reason, "
                            "response_status, response_body, latency_us, message_id) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")},
            {&completeLog,
             QStringLiteral("UPDATE request_log SET response_status = ?, response_body = ?, "
                            "latency_us = ?, reason = COALESCE(?, reason) WHERE id = ?")},
            {&purge,
             QStringLiteral("DELETE FROM request_log WHERE id IN (SELECT id FROM request_log "
                            "WHERE received_at < ? ORDER BY received_at LIMIT ?)")},
        };
        if (sqlite) {
            all.insert(
                all.end(),
                {{&savepoint, QStringLiteral("SAVEPOINT job")},
                 {&release, QStringLiteral("RELEASE SAVEPOINT job")},
                 {&rollbackTo, QStringLiteral("ROLLBACK TO SAVEPOINT job")},
                 {&deferSearch, QStringLiteral("INSERT OR IGNORE INTO messages_fts_deferred "
                                               "(writer) VALUES (1)")},
                 {&indexSearch, QStringLiteral("INSERT INTO messages_fts (rowid, text) "
                                               "SELECT id, text FROM messages WHERE id >= ?")},
                 {&endDeferral, QStringLiteral("DELETE FROM messages_fts_deferred")}});
        }
        for (const auto& [statement, sql] : all) {
            if (!statement->prepare(db, sql)) {
                *error = describe(statement->lastError());
                return false;
            }
        }
        return true;
    }

    StoreStatement insertMessage;
    StoreStatement findByKey;
    StoreStatement findByProviderId;
    StoreStatement insertStatus;
    StoreStatement updateStatus;
    StoreStatement setResponse;
    StoreStatement insertLog;
    StoreStatement completeLog;
    StoreStatement purge;
    StoreStatement savepoint; // SQLite only, from here on
    StoreStatement release;
    StoreStatement rollbackTo;
    StoreStatement deferSearch;
    StoreStatement indexSearch;
    StoreStatement endDeferral;
};

MessageWriter::MessageWriter(const Database& database, const Clock& clock, QObject* parent)
    : MessageWriter(database, clock, Options(), parent)
{}

MessageWriter::MessageWriter(const Database& database, const Clock& clock, const Options& options,
                             QObject* parent)
    : QObject(parent), m_database(database), m_clock(clock), m_options(options)
{
    m_thread.reset(QThread::create([this]() { run(); }));
    m_thread->setObjectName(QStringLiteral("smsdesk-writer"));
    m_thread->start();
}

MessageWriter::~MessageWriter()
{
    drainAndStop();
}

OutcomeRelay* MessageWriter::relayFor(QObject* context, Done done)
{
    if (!context || !done)
        return nullptr;
    auto* relay = new OutcomeRelay;
    connect(
        relay, &OutcomeRelay::delivered, context,
        [done = std::move(done)](const WriteOutcome& outcome) { done(outcome); },
        Qt::QueuedConnection);
    relay->moveToThread(m_thread.get());
    return relay;
}

void MessageWriter::submit(WriteJob job, QObject* context, Done done)
{
    const qint64 now = m_clock.nowMs();
    for (MessageRow& message : job.messages) {
        if (message.receivedAtMs == 0)
            message.receivedAtMs = now;
    }
    for (StatusRow& status : job.statuses) {
        if (status.receivedAtMs == 0)
            status.receivedAtMs = now;
    }
    if (job.requestLog) {
        if (job.requestLog->receivedAtMs == 0)
            job.requestLog->receivedAtMs = now;
        // Redaction is the caller's job; a secret must still never reach the store.
        const int stripped = job.requestLog->stripUnredactedSecrets();
        if (stripped > 0) {
            qCWarning(lcStore) << "request log: replaced" << stripped
                               << "unredacted Authorization header value(s) by the marker";
        }
        Q_ASSERT_X(stripped == 0, "MessageWriter::submit",
                   "an Authorization header reached the store unredacted");
    }
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Write;
    item->job = std::move(job);
    item->deadline = QDeadlineTimer(m_options.commitDeadlineMs);
    item->relay = relayFor(context, std::move(done));
    enqueue(std::move(item));
}

void MessageWriter::probe(QObject* context, Done done)
{
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Probe;
    item->deadline = QDeadlineTimer(m_options.commitDeadlineMs);
    item->relay = relayFor(context, std::move(done));
    enqueue(std::move(item));
}

void MessageWriter::purgeRequestLog(qint64 olderThanMs, QObject* context, Done done)
{
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Purge;
    item->purgeBefore = olderThanMs;
    item->deadline = QDeadlineTimer(m_options.commitDeadlineMs);
    item->relay = relayFor(context, std::move(done));
    enqueue(std::move(item));
}

void MessageWriter::completeRequestLog(qint64 requestLogId, int responseStatus,
                                       const QString& responseBody, qint64 latencyUs,
                                       const QString& reason)
{
    if (requestLogId <= 0)
        return;
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::Complete;
    item->logId = requestLogId;
    item->responseStatus = responseStatus;
    item->responseBody = responseBody;
    item->latencyUs = latencyUs;
    item->reason = reason;
    enqueue(std::move(item));
}

void MessageWriter::enqueue(std::unique_ptr<Item> item)
{
    item->queued.start();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_stopping) {
            if (item->kind != Item::Kind::Complete)
                ++m_urgent;
            m_queue.push_back(std::move(item));
            m_wake.wakeOne();
            return;
        }
    }
    if (item->kind == Item::Kind::Complete) {
        qCWarning(lcStore) << "request log: a response was not recorded, the writer has stopped";
        return;
    }
    item->outcome = WriteOutcome::failed(WriteOutcome::Failure::WriterStopped,
                                         QStringLiteral("writer stopped"));
    deliver(*item);
}

// From the writer thread: back into the queue, also while stopping (the thread only ends
// once the queue is empty).
void MessageWriter::requeue(std::unique_ptr<Item> item)
{
    QMutexLocker lock(&m_mutex);
    if (item->kind != Item::Kind::Complete)
        ++m_urgent;
    m_queue.push_back(std::move(item));
}

void MessageWriter::drainAndStop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopped)
            return;
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    QMutexLocker lock(&m_mutex);
    m_stopped = true;
}

MessageWriter::Statistics MessageWriter::statistics() const
{
    QMutexLocker lock(&m_mutex);
    return m_statistics;
}

MessageWriter::ConnectionInfo MessageWriter::connectionInfo() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectionInfo;
}

void MessageWriter::setHealthy(bool healthy)
{
    if (m_healthy.exchange(healthy) == healthy)
        return;
    qCInfo(lcStore) << (healthy ? "store writable again" : "store not writable");
    QMetaObject::invokeMethod(
        this, [this, healthy]() { Q_EMIT healthChanged(healthy); }, Qt::QueuedConnection);
}

// ---- writer thread -------------------------------------------------------------------------

void MessageWriter::run()
{
    openConnection();
    Batch batch;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            bool finished = false;
            for (;;) {
                if (m_queue.empty()) {
                    if (m_stopping) {
                        finished = true;
                        break;
                    }
                    if (m_dirty) {
                        const bool woken =
                            m_wake.wait(&m_mutex, QDeadlineTimer(m_options.idleCheckpointMs));
                        if (!woken && m_queue.empty() && !m_stopping) {
                            lock.unlock();
                            checkpoint();
                            lock.relock();
                        }
                    } else {
                        m_wake.wait(&m_mutex);
                    }
                    continue;
                }
                if (m_urgent == 0 && !m_stopping) {
                    // Only response completions: let them ride with the next job for a while.
                    const qint64 left =
                        m_options.completionLingerMs - m_queue.front()->queued.elapsed();
                    if (left > 0) {
                        m_wake.wait(&m_mutex, QDeadlineTimer(left));
                        continue;
                    }
                }
                break;
            }
            if (finished)
                break;
        }
        topUp(batch);
        runBatch(batch);
        batch.clear();
    }
    closeConnection();
}

void MessageWriter::countLockWait()
{
    QMutexLocker lock(&m_mutex);
    ++m_statistics.lockWaits;
}

void MessageWriter::topUp(Batch& batch)
{
    QMutexLocker lock(&m_mutex);
    const std::size_t limit = static_cast<std::size_t>(std::max(1, m_options.maxBatchSize));
    while (!m_queue.empty() && batch.size() < limit) {
        if (m_queue.front()->kind != Item::Kind::Complete)
            --m_urgent;
        batch.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
}

void MessageWriter::openConnection()
{
    ConnectionInfo info;
    QString error;
    {
        const QSqlDatabase db = m_database.openConnection(QStringLiteral("writer"), &error);
        if (db.isValid()) {
            m_connectionName = db.connectionName();
            m_db = db;
        }
    }
    if (m_db.isValid() && m_database.backend() == Backend::Sqlite) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next())
            info.journalMode = query.value(0).toString().toLower();
        if (query.exec(QStringLiteral("PRAGMA synchronous")) && query.next())
            info.synchronous = query.value(0).toInt();
        // Bounds the WAL file left behind after a checkpoint (a burst can grow it).
        query.exec(QStringLiteral("PRAGMA journal_size_limit = 67108864"));
        query.finish();
        if (info.journalMode != u"wal" || info.synchronous != 2) {
            error = QStringLiteral("the write connection is not durable (journal_mode %1, "
                                   "synchronous %2; expected wal and 2 = FULL)")
                        .arg(info.journalMode)
                        .arg(info.synchronous);
        }
    }
    if (m_db.isValid() && m_database.backend() == Backend::Postgres) {
        // Preparing an INSERT takes its table's lock in PostgreSQL: bound that wait too (the
        // transactions set their own, shorter, lock_timeout), or a writer that (re)connects
        // while another session holds the lock would hang past every deadline.
        QSqlError sqlError;
        if (!exec(QStringLiteral("SET lock_timeout = %1")
                      .arg(std::max(1, m_options.commitDeadlineMs)),
                  &sqlError))
            error = describe(sqlError);
    }
    if (m_db.isValid() && error.isEmpty()) {
        auto statements = std::make_unique<Statements>();
        if (statements->prepare(m_db, m_database.backend() == Backend::Sqlite, &error))
            m_statements = std::move(statements);
    }
    m_busyTimeoutMs = -1;
    m_reopen = false;
    if (error.isEmpty()) {
        info.open = true;
    } else {
        info.error = error;
        qCWarning(lcStore) << "writer cannot use the store:" << error;
        closeConnection();
    }
    QMutexLocker lock(&m_mutex);
    m_connectionInfo = info;
}

void MessageWriter::closeConnection()
{
    m_statements.reset();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        Database::closeConnection(m_connectionName);
    m_connectionName.clear();
}

bool MessageWriter::exec(const QString& sql, QSqlError* error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    *error = query.lastError();
    return false;
}

bool MessageWriter::savepoint(Savepoint op, QSqlError* error)
{
    if (m_database.backend() == Backend::Sqlite) {
        StoreStatement& query = op == Savepoint::Begin     ? m_statements->savepoint
                                : op == Savepoint::Release ? m_statements->release
                                                           : m_statements->rollbackTo;
        return step(query, error);
    }
    return exec(op == Savepoint::Begin     ? QStringLiteral("SAVEPOINT job")
                : op == Savepoint::Release ? QStringLiteral("RELEASE SAVEPOINT job")
                                           : QStringLiteral("ROLLBACK TO SAVEPOINT job"),
                error);
}

bool MessageWriter::step(StoreStatement& statement, QSqlError* error)
{
    const bool ok = statement.exec();
    if (!ok)
        *error = statement.lastError();
    statement.finish();
    return ok;
}

// The transaction cannot be committed as it is: nothing of the batch is written.
void MessageWriter::failSpoiltBatch(Batch& batch, const QString& reason)
{
    qCWarning(lcStore) << "writer: batch rolled back:" << reason;
    rollback();
    failBatch(batch, WriteOutcome::Failure::StoreError, reason);
    m_reopen = true;
    setHealthy(false);
}

MessageWriter::Begin MessageWriter::begin(qint64 sliceMs, qint64 boundMs, QString* error)
{
    QSqlError sqlError;
    if (m_database.backend() == Backend::Sqlite) {
        // The busy timeout is per connection: set for this attempt, so BEGIN waits at most
        // one slice (and never past the batch's deadline).
        if (sliceMs != m_busyTimeoutMs) {
            if (!exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(sliceMs), &sqlError)) {
                *error = describe(sqlError);
                return Begin::Error;
            }
            m_busyTimeoutMs = sliceMs;
        }
        if (exec(QStringLiteral("BEGIN IMMEDIATE"), &sqlError))
            return Begin::Ok;
        *error = describe(sqlError);
        return isBusy(sqlError, Backend::Sqlite) ? Begin::Busy : Begin::Error;
    }
    // PostgreSQL takes row and index locks statement by statement: a lock_timeout bounds each
    // wait, and a lock error inside a job fails the whole batch as busy.
    if (!exec(QStringLiteral("BEGIN"), &sqlError)) {
        *error = describe(sqlError);
        return Begin::Error;
    }
    if (!exec(QStringLiteral("SET LOCAL lock_timeout = %1").arg(std::max<qint64>(1, boundMs)),
              &sqlError)) {
        *error = describe(sqlError);
        rollback();
        return Begin::Error;
    }
    return Begin::Ok;
}

void MessageWriter::rollback()
{
    QSqlError ignored;
    if (!exec(QStringLiteral("ROLLBACK"), &ignored))
        qCWarning(lcStore) << "writer: ROLLBACK failed:" << describe(ignored);
}

void MessageWriter::expireOverdue(Batch& batch)
{
    Batch expired;
    const auto overdue = [](const std::unique_ptr<Item>& item) {
        return !item->deadline.isForever() && item->deadline.hasExpired();
    };
    for (auto it = batch.begin(); it != batch.end();) {
        if (overdue(*it)) {
            expired.push_back(std::move(*it));
            it = batch.erase(it);
        } else {
            ++it;
        }
    }
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if (overdue(*it)) {
                --m_urgent; // completions never expire
                expired.push_back(std::move(*it));
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    if (expired.empty())
        return;
    qCWarning(lcStore) << "writer: store busy," << expired.size()
                       << "job(s) not written before their deadline";
    setHealthy(false);
    for (auto& item : expired) {
        item->outcome = WriteOutcome::failed(WriteOutcome::Failure::StoreBusy, kBusyReason);
        deliver(*item);
    }
}

bool MessageWriter::takeWriteLock(Batch& batch)
{
    const QDeadlineTimer batchBound(m_options.commitDeadlineMs);
    for (;;) {
        expireOverdue(batch);
        if (batch.empty())
            return false;
        QDeadlineTimer bound;
        bool finite = false;
        for (const auto& item : batch) {
            if (!item->deadline.isForever() && (!finite || bound < item->deadline)) {
                bound = item->deadline;
                finite = true;
            }
        }
        if (!finite)
            bound = batchBound;
        if (bound.hasExpired()) { // only completions left, and the store stayed locked
            failBatch(batch, WriteOutcome::Failure::StoreBusy, kBusyReason);
            setHealthy(false);
            return false;
        }
        const qint64 remaining = bound.remainingTime();
        QString error;
        switch (begin(std::min(remaining, kBusySliceMs), remaining, &error)) {
        case Begin::Ok:
            // Jobs whose deadline passed during the last wait are not written either.
            expireOverdue(batch);
            if (batch.empty()) {
                rollback();
                return false;
            }
            return true;
        case Begin::Busy:
            countLockWait();
            topUp(batch); // jobs that came meanwhile join the batch
            continue;
        case Begin::Error:
            qCWarning(lcStore) << "writer cannot begin a transaction:" << error;
            failBatch(batch, WriteOutcome::Failure::StoreError, error);
            m_reopen = true;
            setHealthy(false);
            return false;
        }
    }
}

void MessageWriter::runBatch(Batch& batch)
{
    if (batch.empty())
        return;
    if (!m_statements || m_reopen) {
        closeConnection();
        openConnection();
    }
    if (!m_statements) {
        failBatch(batch, WriteOutcome::Failure::StoreError, connectionInfo().error);
        setHealthy(false);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    if (!takeWriteLock(batch))
        return;

    // Search indexing of this batch's messages is the writer's, once before COMMIT (migration
    // 14): FTS5 writes one index segment per statement that indexes, so one for the batch
    // instead of one per message. Batches without a message (probes, completions, purges)
    // leave the trigger as it is and write nothing for it.
    const bool indexSearch =
        m_database.backend() == Backend::Sqlite &&
        std::any_of(batch.begin(), batch.end(), [](const std::unique_ptr<Item>& item) {
            return item->kind == Item::Kind::Write;
        });
    m_batchFirstMessageId = 0;
    QSqlError indexError;
    if (indexSearch && !step(m_statements->deferSearch, &indexError)) {
        failSpoiltBatch(batch, describe(indexError));
        return;
    }

    for (auto& item : batch) {
        bool busy = false;
        QString reason;
        if (!applyItem(*item, &busy, &reason)) {
            // The transaction itself is spoilt (a lock timeout, a savepoint that failed).
            qCWarning(lcStore) << "writer: batch rolled back:" << reason;
            rollback();
            failBatch(batch,
                      busy ? WriteOutcome::Failure::StoreBusy : WriteOutcome::Failure::StoreError,
                      busy ? kBusyReason : reason);
            if (!busy)
                m_reopen = true;
            setHealthy(false);
            return;
        }
    }

    if (indexSearch) {
        StoreStatement& index = m_statements->indexSearch;
        bool indexed = true;
        if (m_batchFirstMessageId > 0) {
            index.bind(0, m_batchFirstMessageId);
            indexed = step(index, &indexError);
        }
        if (!indexed || !step(m_statements->endDeferral, &indexError)) {
            failSpoiltBatch(batch, describe(indexError));
            return;
        }
    }

    QSqlError commitError;
    if (!exec(QStringLiteral("COMMIT"), &commitError)) {
        const QString reason = describe(commitError);
        qCWarning(lcStore) << "writer: COMMIT failed:" << reason;
        rollback();
        failBatch(batch, WriteOutcome::Failure::StoreError, reason);
        m_reopen = true;
        setHealthy(false);
        return;
    }
    m_dirty = true;
    setHealthy(true);

    int written = 0;
    for (const auto& item : batch) {
        if (item->kind == Item::Kind::Write && item->outcome.ok())
            ++written;
    }
    {
        QMutexLocker lock(&m_mutex);
        ++m_statistics.batches;
        m_statistics.jobsWritten += static_cast<quint64>(written);
        m_statistics.largestBatch =
            std::max(m_statistics.largestBatch, static_cast<int>(batch.size()));
    }
    qCDebug(lcStore) << "writer: committed" << batch.size() << "item(s) in"
                     << timer.nsecsElapsed() / 1000 << "us";

    for (auto& item : batch) {
        if (item->kind == Item::Kind::Purge && item->purgeMore && item->outcome.ok()) {
            // More old rows: the next chunk goes to the back of the queue, behind new jobs.
            item->purgeMore = false;
            item->deadline = QDeadlineTimer(m_options.commitDeadlineMs);
            requeue(std::move(item));
            continue;
        }
        deliver(*item);
    }
}

bool MessageWriter::applyItem(Item& item, bool* busy, QString* reason)
{
    if (item.kind == Item::Kind::Probe) {
        // SQLite: BEGIN IMMEDIATE already holds the write lock. PostgreSQL locks per table:
        // take the lock an INSERT takes, so a probe fails where a job would have to wait.
        QSqlError error;
        if (m_database.backend() == Backend::Postgres &&
            !exec(QStringLiteral("LOCK TABLE messages, message_status, request_log IN ROW "
                                 "EXCLUSIVE MODE"),
                  &error)) {
            *busy = isBusy(error, m_database.backend());
            *reason = describe(error);
            return false;
        }
        item.outcome = WriteOutcome();
        return true;
    }
    QSqlError error;
    if (!savepoint(Savepoint::Begin, &error)) {
        *reason = describe(error);
        return false;
    }
    bool ok = false;
    switch (item.kind) {
    case Item::Kind::Write:
        ok = applyWrite(item, &error);
        break;
    case Item::Kind::Purge: {
        StoreStatement& purge = m_statements->purge;
        purge.bind(0, item.purgeBefore);
        purge.bind(1, qint64(m_options.purgeChunkRows));
        ok = purge.exec();
        if (ok) {
            const int deleted = purge.numRowsAffected();
            item.outcome.purgedRows += deleted;
            item.purgeMore = deleted >= m_options.purgeChunkRows;
        } else {
            error = purge.lastError();
        }
        purge.finish();
        break;
    }
    case Item::Kind::Complete: {
        StoreStatement& complete = m_statements->completeLog;
        bindPositiveOrNull(complete, 0, item.responseStatus);
        complete.bind(1, item.responseBody); // null: NULL
        bindOptional(complete, 2, latencyOrNone(item.latencyUs));
        complete.bind(3, item.reason); // null: NULL, the row keeps its reason
        complete.bind(4, item.logId);
        ok = complete.exec();
        if (!ok)
            error = complete.lastError();
        complete.finish();
        break;
    }
    case Item::Kind::Probe:
        break;
    }
    if (ok) {
        if (!savepoint(Savepoint::Release, &error)) {
            *reason = describe(error);
            return false;
        }
        return true;
    }

    if (isBusy(error, m_database.backend())) {
        *busy = true;
        *reason = describe(error);
        return false;
    }
    QSqlError rollbackError;
    if (!savepoint(Savepoint::RollbackTo, &rollbackError) ||
        !savepoint(Savepoint::Release, &rollbackError)) {
        *reason = describe(rollbackError);
        return false;
    }
    const QString jobReason = describe(error);
    qCWarning(lcStore) << "writer: job rolled back:" << jobReason;
    const qint64 purged = item.outcome.purgedRows;
    item.outcome = WriteOutcome::failed(WriteOutcome::Failure::JobRejected, jobReason);
    item.outcome.purgedRows = item.kind == Item::Kind::Purge ? purged : 0;
    if (item.kind == Item::Kind::Complete)
        item.attempts = kCompletionAttempts; // a statement error: trying again will not help

    // The request is still logged, without its message, as not stored.
    if (item.kind == Item::Kind::Write && item.job.requestLog) {
        qint64 logId = 0;
        QSqlError logError;
        if (!savepoint(Savepoint::Begin, &logError)) {
            *reason = describe(logError);
            return false;
        }
        if (insertRequestLog(*item.job.requestLog, 0,
                             QString::fromLatin1(RequestLogRow::OutcomeStoreFailed),
                             QStringLiteral("not stored: ") + jobReason, &logId, &logError)) {
            if (!savepoint(Savepoint::Release, &logError)) {
                *reason = describe(logError);
                return false;
            }
            item.outcome.requestLogId = logId;
        } else if (!savepoint(Savepoint::RollbackTo, &logError) ||
                   !savepoint(Savepoint::Release, &logError)) {
            *reason = describe(logError);
            return false;
        }
    }
    return true;
}

bool MessageWriter::applyWrite(Item& item, QSqlError* error)
{
    WriteOutcome outcome;
    const WriteJob& job = item.job;
    for (const MessageRow& row : job.messages) {
        WriteOutcome::MessageResult result;
        if (!insertMessage(row, &result, error))
            return false;
        outcome.messages.append(result);
    }
    for (const StatusRow& row : job.statuses) {
        WriteOutcome::StatusResult result;
        if (!applyStatus(row, &result, error))
            return false;
        outcome.statuses.append(result);
    }
    if (job.response && !recordResponse(*job.response, error))
        return false;
    if (job.requestLog) {
        const RequestLogRow& log = *job.requestLog;
        qint64 messageId = log.messageId;
        QString logOutcome = log.outcome;
        if (log.linkedMessage >= 0) {
            if (log.linkedMessage >= outcome.messages.size()) {
                *error = jobError(QStringLiteral("the request log links to a missing message"));
                return false;
            }
            const WriteOutcome::MessageResult& linked = outcome.messages.at(log.linkedMessage);
            messageId = linked.id;
            if (logOutcome.isEmpty())
                logOutcome =
                    linkedOutcome(log, linked.kind == WriteOutcome::MessageResult::Kind::Stored);
        } else if (log.linkedStatus >= 0) {
            if (log.linkedStatus >= outcome.statuses.size()) {
                *error = jobError(QStringLiteral("the request log links to a missing status"));
                return false;
            }
            const WriteOutcome::StatusResult& linked = outcome.statuses.at(log.linkedStatus);
            messageId = linked.messageId;
            // A report on an inbound message that is not there cannot have been seen before.
            if (logOutcome.isEmpty())
                logOutcome = linkedOutcome(log, linked.historyAdded || linked.messageId == 0);
        }
        if (!insertRequestLog(log, messageId, logOutcome, log.reason, &outcome.requestLogId, error))
            return false;
    }
    item.outcome = outcome;
    return true;
}

bool MessageWriter::insertMessage(const MessageRow& row, WriteOutcome::MessageResult* result,
                                  QSqlError* error)
{
    StoreStatement& insert = m_statements->insertMessage;
    insert.bind(0, MessageRow::directionName(row.direction));
    insert.bind(1, row.provider);
    bindPositiveOrNull(insert, 2, row.numberId);
    insert.bind(3, row.did);
    insert.bind(4, row.remote);
    bindTextOrEmpty(insert, 5, row.text);
    insert.bind(6, mediaJson(row.media));
    insert.bind(7, row.status);
    bindTextOrNull(insert, 8, row.errorCode);
    bindTextOrNull(insert, 9, row.providerMessageId);
    bindOptional(insert, 10, row.providerTimeMs);
    insert.bind(11, row.receivedAtMs);
    bindTextOrNull(insert, 12, row.dedupeKey);
    bindTextOrNull(insert, 13, row.deviceId);
    bindOptional(insert, 14, row.sim >= 0 ? std::optional<qint64>(row.sim) : std::nullopt);
    bindTextOrNull(insert, 15, row.serviceId);
    bindOptional(insert, 16, row.segments ? std::optional<qint64>(*row.segments) : std::nullopt);
    if (!insert.exec()) {
        *error = insert.lastError();
        insert.finish();
        return false;
    }
    if (insert.next()) {
        result->kind = WriteOutcome::MessageResult::Kind::Stored;
        result->id = insert.int64At(0);
        insert.finish();
        // Ids only grow while the writer holds the write lock: the batch's messages are those
        // from its first on (one rolled back with its job may leave its id to the next).
        if (m_batchFirstMessageId == 0)
            m_batchFirstMessageId = result->id;
        return true;
    }
    insert.finish();

    // ON CONFLICT DO NOTHING returned no row: the key was stored before.
    StoreStatement& find = m_statements->findByKey;
    find.bind(0, row.dedupeKey);
    const bool found = find.exec() && find.next();
    if (found) {
        result->kind = WriteOutcome::MessageResult::Kind::Duplicate;
        result->id = find.int64At(0);
        result->response = find.textAt(1);
    } else {
        *error = find.lastError().isValid()
                     ? find.lastError()
                     : jobError(QStringLiteral("a message was neither stored nor found"));
    }
    find.finish();
    return found;
}

bool MessageWriter::applyStatus(const StatusRow& row, WriteOutcome::StatusResult* result,
                                QSqlError* error)
{
    if (row.providerMessageId.isEmpty()) {
        *error = jobError(QStringLiteral("a status report without the provider's message id"));
        return false;
    }
    const bool inbound = row.concerns == StatusRow::Concerns::Inbound;
    StoreStatement& find = m_statements->findByProviderId;
    find.bind(0, row.provider);
    find.bind(1, row.providerMessageId);
    find.bind(2, MessageRow::directionName(inbound ? MessageRow::Direction::Inbound
                                                   : MessageRow::Direction::Outbound));
    bindTextOrEmpty(find, 3, row.deviceId);
    if (!find.exec()) {
        *error = find.lastError();
        find.finish();
        return false;
    }
    const bool known = find.next();
    if (known)
        result->messageId = find.int64At(0);
    find.finish();

    if (!known && inbound)
        return true; // only in the request log: no message to attach the report to
    if (!known) {
        // A message the app never saw (sent from elsewhere, or before the app was set up):
        // create it, with what the report says of it.
        MessageRow message;
        message.direction = MessageRow::Direction::Outbound;
        message.provider = row.provider;
        message.numberId = row.numberId;
        message.did = row.did.isNull() ? QStringLiteral("") : row.did;
        message.remote = row.remote.isNull() ? QStringLiteral("") : row.remote;
        message.text = row.text;
        message.media = row.media;
        message.segments = row.segments;
        message.status = row.status;
        message.errorCode = row.errorCode;
        message.providerMessageId = row.providerMessageId;
        message.receivedAtMs = row.receivedAtMs;
        message.deviceId = row.deviceId;
        message.sim = row.sim;
        message.dedupeKey = createdOutboundKey(row);
        WriteOutcome::MessageResult created;
        if (!insertMessage(message, &created, error))
            return false;
        result->messageId = created.id;
        result->messageCreated = created.kind == WriteOutcome::MessageResult::Kind::Stored;
    }

    StoreStatement& history = m_statements->insertStatus;
    history.bind(0, result->messageId);
    history.bind(1, row.status);
    bindTextOrEmpty(history, 2, row.rawStatus);
    bindTextOrNull(history, 3, row.errorCode);
    bindTextOrNull(history, 4, row.detail);
    bindOptional(history, 5, row.providerTimeMs);
    history.bind(6, row.receivedAtMs);
    history.bind(7, row.dedupeKey.isEmpty() ? statusDedupeKey(row) : row.dedupeKey);
    if (!history.exec()) {
        *error = history.lastError();
        history.finish();
        return false;
    }
    result->historyAdded = history.next();
    history.finish();

    if (inbound)
        return true; // its history only: an inbound message keeps its status
    if (result->messageCreated) {
        result->messageUpdated = true;
    } else if (result->historyAdded) {
        const qint64 rank = StatusRow::rank(row.status);
        StoreStatement& update = m_statements->updateStatus;
        update.bind(0, row.status);
        bindTextOrNull(update, 1, row.errorCode);
        update.bind(2, result->messageId);
        update.bind(3, rank);
        update.bind(4, result->messageId);
        update.bind(5, rank);
        bindOptional(update, 6, row.providerTimeMs);
        if (!update.exec()) {
            *error = update.lastError();
            update.finish();
            return false;
        }
        result->messageUpdated = update.numRowsAffected() > 0;
        update.finish();
    }
    return true;
}

bool MessageWriter::recordResponse(const WriteJob::Response& response, QSqlError* error)
{
    StoreStatement& record = m_statements->setResponse;
    bindTextOrEmpty(record, 0, response.body);
    record.bind(1, response.messageId);
    const bool executed = record.exec();
    const bool recorded = executed && record.numRowsAffected() == 1;
    if (!executed)
        *error = record.lastError();
    else if (!recorded)
        *error = jobError(QStringLiteral("the response belongs to a message that is not stored"));
    record.finish();
    return recorded;
}

bool MessageWriter::insertRequestLog(const RequestLogRow& row, qint64 messageId,
                                     const QString& outcome, const QString& reason, qint64* id,
                                     QSqlError* error)
{
    StoreStatement& insert = m_statements->insertLog;
    insert.bind(0, row.receivedAtMs);
    bindTextOrEmpty(insert, 1, row.peer);
    bindTextOrEmpty(insert, 2, row.method);
    bindTextOrEmpty(insert, 3, row.target);
    insert.bind(4, headersJson(row.headers));
    insert.bind(5, row.body);
    insert.bind(6, std::max<qint64>(row.bodySize, row.body.size()));
    bindTextOrNull(insert, 7, row.provider);
    bindPositiveOrNull(insert, 8, row.numberId);
    insert.bind(9, outcome);
    bindTextOrNull(insert, 10, reason);
    bindPositiveOrNull(insert, 11, row.responseStatus);
    insert.bind(12, row.responseBody); // null: NULL
    bindOptional(insert, 13, latencyOrNone(row.latencyUs));
    bindPositiveOrNull(insert, 14, messageId);
    const bool ok = insert.exec() && insert.next();
    if (ok)
        *id = insert.int64At(0);
    else
        *error = insert.lastError();
    insert.finish();
    return ok;
}

void MessageWriter::failBatch(Batch& batch, WriteOutcome::Failure failure, const QString& reason)
{
    for (auto& item : batch) {
        if (item->kind == Item::Kind::Complete) {
            if (++item->attempts < kCompletionAttempts) {
                requeue(std::move(item));
            } else {
                qCWarning(lcStore) << "request log: a response was not recorded:" << reason;
            }
            continue;
        }
        item->outcome = WriteOutcome::failed(failure, reason);
        deliver(*item);
    }
}

void MessageWriter::deliver(Item& item)
{
    if (item.kind == Item::Kind::Complete)
        return;
    if (!item.outcome.ok()) {
        QMutexLocker lock(&m_mutex);
        ++m_statistics.jobsFailed;
    }
    if (item.relay) {
        Q_EMIT item.relay->delivered(item.outcome);
        delete item.relay;
        item.relay = nullptr;
    }
}

void MessageWriter::checkpoint()
{
    m_dirty = false;
    if (m_database.backend() != Backend::Sqlite || !m_statements)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next()) {
        qCDebug(lcStore) << "checkpoint failed:" << describe(query.lastError());
        return;
    }
    const int walFrames = query.value(1).toInt();
    const int copied = query.value(2).toInt();
    query.finish();
    const qint64 walBytes =
        QFileInfo(m_database.config().sqlitePath() + QLatin1String("-wal")).size();
    qCDebug(lcStore) << "checkpoint: WAL" << walBytes << "bytes," << walFrames << "frames,"
                     << copied << "copied back";
    if (copied < walFrames) {
        // A reader still uses an older snapshot; try again at the next idle moment.
        qCDebug(lcStore) << "checkpoint incomplete: a long read transaction holds the WAL";
        m_dirty = true;
    }
    QMutexLocker lock(&m_mutex);
    ++m_statistics.checkpoints;
}

} // namespace smsdesk

#include "MessageWriter.moc"
