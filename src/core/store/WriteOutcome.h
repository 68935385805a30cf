#pragma once

#include <QList>
#include <QString>
#include <utility>

namespace smsdesk {

// What MessageWriter did with one job, delivered after its transaction committed (ok) or
// was given up (failed). ok() means durable: only then may the listener answer 2xx.
struct WriteOutcome
{
    enum class Failure
    {
        None,
        StoreBusy,     // the write lock could not be had before the job's deadline; not written
        StoreError,    // the transaction could not begin or commit; not written
        JobRejected,   // this job broke a constraint; rolled back, the rest of its batch stored
        WriterStopped, // submitted after drainAndStop(); not written
    };

    struct MessageResult
    {
        enum class Kind
        {
            Stored,   // a new row
            Duplicate // the dedupe key was stored before: `id` is the original's
        };
        Kind kind = Kind::Stored;
        qint64 id = 0;
        // A duplicate's recorded response (WriteJob::Response); null when none was recorded.
        QString response;
    };

    struct StatusResult
    {
        // The outbound message updated or created; for a report on an inbound message, that
        // message, or 0 when there is none (the report is then only in the request log).
        qint64 messageId = 0;
        bool messageCreated = false; // the app had no message with that provider id
        bool historyAdded = false;   // false: the same report was stored before
        bool messageUpdated = false; // its current status changed (not for an older report)
    };

    Failure failure = Failure::None;
    QString reason; // when failed: "store busy", the database's words; never row values

    QList<MessageResult> messages; // one per WriteJob::messages, in order, when ok()
    QList<StatusResult> statuses;  // one per WriteJob::statuses, in order, when ok()
    // The request_log row written for this job; 0 when none was. A JobRejected job still
    // has its log row (outcome "store-failed"). After StoreBusy/StoreError/WriterStopped
    // nothing was written: submit a job with only the log row, response filled in.
    qint64 requestLogId = 0;
    qint64 purgedRows = 0; // MessageWriter::purgeRequestLog() only

    bool ok() const { return failure == Failure::None; }

    static WriteOutcome failed(Failure failure, QString reason)
    {
        WriteOutcome outcome;
        outcome.failure = failure;
        outcome.reason = std::move(reason);
        return outcome;
    }
};

} // namespace smsdesk
