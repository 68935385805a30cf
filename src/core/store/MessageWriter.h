#pragma once

#include "WriteJob.h"
#include "WriteOutcome.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QWaitCondition>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace smsdesk {

class Clock;
class Database;
class OutcomeRelay;
class StoreStatement;

// The one writer of webhook data: a thread that owns the write connection and commits
// jobs in batches (group commit), so many requests share one fsync and no caller ever waits
// on a transaction.
//
// submit() is thread-safe and returns at once; the outcome arrives later on the thread of
// `context` (never when `context` is gone). The writer thread takes everything pending (up
// to maxBatchSize), takes the write lock (SQLite BEGIN IMMEDIATE, PostgreSQL BEGIN with a
// lock_timeout), applies each job in a SAVEPOINT so one bad job does not spoil the batch,
// COMMITs (SQLite WAL with synchronous=FULL: durable on return), and only then delivers the
// outcomes. A job that cannot get the lock before its deadline (submit + commitDeadlineMs)
// is failed with StoreBusy without being written, so the listener can answer 503 well
// within the provider's deadline (Zonitel: 5 s) and never 2xx for something not stored.
//
// Request log and response: a job's request_log row is written in the same transaction as
// its message and linked to its id (stored or duplicate), with the response left empty: the
// response depends on the outcome, and its latency on when it was written. The listener
// answers after the outcome arrives, then calls completeRequestLog(), an UPDATE that rides
// along in the next batch (no fsync of its own under load). So no 2xx ever precedes the
// commit of the message and of its log row, and the log ends up showing the response that
// was actually sent; a crash in between leaves "no response recorded", and the provider's
// retry is logged as a duplicate with its own response. A refusal (the response is known
// before anything is stored) and a failed batch (nothing was written: outcome.requestLogId
// is 0) are logged by a job with only the log row, response filled in.
//
// Search (SQLite): the writer indexes the messages of a batch for full-text search with one
// statement before its COMMIT, while a row it holds in messages_fts_deferred (never committed)
// keeps the per-row trigger out of the way; FTS5 would otherwise write an index segment per
// message (migration 14). Everyone else's messages are indexed by the trigger.
//
// Readers: the writer never waits for readers (WAL), but a checkpoint can only copy WAL
// frames older than the oldest open read transaction back into the database file. A reader
// that keeps a statement or transaction open keeps the WAL growing. So every reader must
// keep read transactions short: fetch a page (LIMIT/keyset), finish() the query, return to
// the event loop; models fetch lazily in pages and never hold a cursor across user actions.
// The writer runs a PASSIVE checkpoint whenever it has been idle for idleCheckpointMs.
class MessageWriter : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int maxBatchSize = 256;
        int commitDeadlineMs = 2000; // per job, from submit() to the write lock
        int idleCheckpointMs = 1000;
        int purgeChunkRows = 500;     // rows deleted per transaction by purgeRequestLog()
        int completionLingerMs = 200; // completeRequestLog() waits this long for company
    };

    struct Statistics
    {
        quint64 batches = 0;     // transactions committed
        quint64 jobsWritten = 0; // submitted jobs committed (ok outcomes)
        quint64 jobsFailed = 0;  // failed outcomes of every kind
        int largestBatch = 0;    // most items in one committed transaction
        quint64 lockWaits = 0;   // BEGIN attempts that found the write lock taken (SQLite)
        quint64 checkpoints = 0; // idle PASSIVE checkpoints run (SQLite)
    };

    // How the write connection is set up, as read back from it once it is open.
    struct ConnectionInfo
    {
        bool open = false;
        QString journalMode;  // SQLite: "wal"
        int synchronous = -1; // SQLite: 2 (FULL)
        QString error;        // why the connection is not open
    };

    using Done = std::function<void(WriteOutcome)>;

    // `database` and `clock` must outlive the writer. The write connection is opened with
    // Database::openConnection() in the writer thread; on failure every job fails with
    // StoreError and the next batch tries again.
    MessageWriter(const Database& database, const Clock& clock, QObject* parent = nullptr);
    MessageWriter(const Database& database, const Clock& clock, const Options& options,
                  QObject* parent = nullptr);
    ~MessageWriter() override; // drainAndStop()

    // Thread-safe, never blocks on the store. `done` runs on `context`'s thread (queued),
    // exactly once, unless `context` was destroyed first.
    void submit(WriteJob job, QObject* context, Done done);
    // For /healthz: takes the write lock and releases it (an empty transaction), with the
    // same deadline as a job. ok() means the store is writable now.
    void probe(QObject* context, Done done);
    // Deletes request_log rows received before `olderThanMs` (UTC ms), purgeChunkRows per
    // transaction so the write lock is never held long; outcome.purgedRows is the total.
    void purgeRequestLog(qint64 olderThanMs, QObject* context, Done done);
    // Records the response actually sent for a request logged by an earlier job. Rides along
    // with the next batch (waiting at most completionLingerMs for one); no outcome. A non-null
    // `reason` replaces the row's reason (the listener adds what it learnt while answering).
    void completeRequestLog(qint64 requestLogId, int responseStatus, const QString& responseBody,
                            qint64 latencyUs, const QString& reason = QString());

    // Stops taking jobs (later ones fail with WriterStopped), writes and delivers everything
    // pending, closes the connection and ends the thread. Blocks until then; idempotent.
    void drainAndStop();

    // The last attempt to take the lock and commit succeeded.
    bool isHealthy() const { return m_healthy.load(); }
    Statistics statistics() const;
    ConnectionInfo connectionInfo() const;
    const Options& options() const { return m_options; }

Q_SIGNALS:
    // isHealthy() changed; emitted on the writer's own (owner) thread.
    void healthChanged(bool healthy);

private:
    struct Item;
    struct Statements;
    enum class Begin
    {
        Ok,
        Busy,
        Error
    };

    enum class Savepoint
    {
        Begin,
        Release,
        RollbackTo
    };

    using Batch = std::deque<std::unique_ptr<Item>>;

    OutcomeRelay* relayFor(QObject* context, Done done);
    void enqueue(std::unique_ptr<Item> item);
    void requeue(std::unique_ptr<Item> item);
    void run();
    void openConnection();
    void closeConnection();
    void runBatch(Batch& batch);
    bool takeWriteLock(Batch& batch);
    Begin begin(qint64 sliceMs, qint64 boundMs, QString* error);
    void rollback();
    void expireOverdue(Batch& batch);
    void topUp(Batch& batch);
    void countLockWait();
    bool applyItem(Item& item, bool* busy, QString* reason);
    bool applyWrite(Item& item, QSqlError* error);
    bool insertMessage(const MessageRow& row, WriteOutcome::MessageResult* result,
                       QSqlError* error);
    bool applyStatus(const StatusRow& row, WriteOutcome::StatusResult* result, QSqlError* error);
    bool recordResponse(const WriteJob::Response& response, QSqlError* error);
    bool insertRequestLog(const RequestLogRow& row, qint64 messageId, const QString& outcome,
                          const QString& reason, qint64* id, QSqlError* error);
    bool exec(const QString& sql, QSqlError* error);
    bool step(StoreStatement& statement, QSqlError* error); // exec() and finish()
    void failSpoiltBatch(Batch& batch, const QString& reason);
    bool savepoint(Savepoint op, QSqlError* error);
    void failBatch(Batch& batch, WriteOutcome::Failure failure, const QString& reason);
    void deliver(Item& item);
    void checkpoint();
    void setHealthy(bool healthy);

    const Database& m_database;
    const Clock& m_clock;
    const Options m_options;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_healthy{true};

    mutable QMutex m_mutex; // guards everything below up to the writer-thread-only part
    QWaitCondition m_wake;
    Batch m_queue;
    int m_urgent = 0; // items in m_queue that are not completions
    bool m_stopping = false;
    bool m_stopped = false;
    Statistics m_statistics;
    ConnectionInfo m_connectionInfo;

    // Writer thread only.
    QSqlDatabase m_db;
    QString m_connectionName;
    std::unique_ptr<Statements> m_statements;
    qint64 m_busyTimeoutMs = -1;
    bool m_reopen = false;
    bool m_dirty = false;             // committed since the last checkpoint
    qint64 m_batchFirstMessageId = 0; // the first message the current batch stored
};

} // namespace smsdesk
