#pragma once

#include "MessageTimeline.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads the timeline of one message (see MessageTimeline) on one connection; use it from that
// connection's thread, e.g. in a DatabaseWorker job. Plain SELECTs; every statement is
// finished before a call returns, so no read transaction outlives it (a held SQLite statement
// would pin the WAL snapshot).
//
// Bounded: a message retried 10,000 times is not read whole. Of its webhook requests the
// reader reads at most maxRows (the first half and the last half, by time received), and of
// its status reports at most maxRows too (the first and the last, in the order the store
// wrote them). What lies between is one gap event in the lane (OmittedRequests /
// OmittedReports, with how many were left out), and MessageTimeline::omittedRequests /
// omittedReports say it too.
//
// Outbound messages sent by the outbox also carry every send attempt (SendAttempt events: when,
// the HTTP status and answer, how long the provider took), at most maxRows of them.
//
// Out of order and current: the store moves a message's status with each new report unless
// a report it stored before has a later provider time (MessageWriter). The reader replays that
// rule over the reports in the order the store wrote them (message_status ids), so a report
// is outOfOrder exactly when it did not move the status, and the last one that did is
// `current` (when its status is the message's status; a status set otherwise, or a current
// report among the omitted ones, marks no event). A report without a provider time is never
// out of order.
class MessageTimelineReader
{
public:
    static constexpr int DefaultMaxRows = 500;

    explicit MessageTimelineReader(QSqlDatabase db, int maxRows = DefaultMaxRows);

    // None when the message does not exist, or on error (lastError() is then set).
    std::optional<MessageTimeline> forMessage(qint64 messageId) const;
    // The timeline of the message the request is linked to (request_log.message_id). None
    // when the request does not exist or has no message (a refused request), or on error.
    std::optional<MessageTimeline> forRequest(qint64 requestLogId) const;

    int maxRows() const { return m_maxRows; }
    QString lastError() const { return m_lastError; }

private:
    struct RequestRow;
    struct StatusRow;

    bool readRequests(qint64 messageId, qint64 total, QList<RequestRow>* head,
                      QList<RequestRow>* tail) const;
    bool readReports(qint64 messageId, qint64 total, QList<StatusRow>* head, QList<StatusRow>* tail,
                     std::optional<qint64>* latestBeforeTail) const;
    bool readAttempts(qint64 messageId, MessageTimeline* timeline,
                      QList<MessageTimeline::Event>* events) const;
    bool fail(const QString& error) const;

    QSqlDatabase m_db;
    int m_maxRows;
    mutable QString m_lastError;
};

} // namespace smsdesk
