#include "MessageTimelineReader.h"

#include "Database.h"
#include "support/FailureReader.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <functional>
#include <utility>

namespace smsdesk {

using Event = MessageTimeline::Event;

struct MessageTimelineReader::RequestRow
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    QString outcome;
    QString reason;
    int responseStatus = 0;
    qint64 latencyUs = -1;
};

struct MessageTimelineReader::StatusRow
{
    qint64 id = 0;
    QString status;
    QString rawStatus;
    QString errorCode;
    QString detail;
    std::optional<qint64> providerTimeMs;
    qint64 receivedAtMs = 0;
    bool outOfOrder = false;
    bool paired = false; // shown with its webhook request
};

namespace {

const QString kDuplicate = QStringLiteral("duplicate");

std::optional<qint64> optionalTime(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// The first `limit` and the last `limit` rows of an ordered table slice, the last ones read
// backwards: `head` gets rows in order, `tail` the rows after them in order, none twice.
template <typename Row> void dropOverlap(const QList<Row>& head, QList<Row>* tail)
{
    QSet<qint64> ids;
    for (const Row& row : head)
        ids.insert(row.id);
    tail->erase(std::remove_if(tail->begin(), tail->end(),
                               [&ids](const Row& row) { return ids.contains(row.id); }),
                tail->end());
}

// The rows of one message that `select` (a SELECT ending in "WHERE message_id = ? ") reads, in
// the order `order` (backwards: `reverse`), each handed to `read(rows)`: every row into `head`
// when there are no more than `maxRows` of them (`total`), else the first half of maxRows into
// `head` and the last half into `tail`, both in order, none twice. False with `error` set on
// failure.
template <typename Row, typename Read>
bool readHeadAndTail(const QSqlDatabase& db, const QString& select, const QString& order,
                     const QString& reverse, qint64 messageId, qint64 total, int maxRows,
                     const Read& read, QList<Row>* head, QList<Row>* tail, QString* error)
{
    const auto limited = [&select](const QString& by, int limit) {
        return select + QStringLiteral("ORDER BY %1 LIMIT %2").arg(by, QString::number(limit));
    };
    if (total <= maxRows)
        return Database::select(db, limited(order, maxRows), {messageId}, read(head), error);
    if (!Database::select(db, limited(order, (maxRows + 1) / 2), {messageId}, read(head), error) ||
        !Database::select(db, limited(reverse, maxRows / 2), {messageId}, read(tail), error))
        return false;
    std::reverse(tail->begin(), tail->end());
    dropOverlap(*head, tail);
    return true;
}

// One lane per source (the message's creation, its requests, its unpaired reports), each in
// order; merged by time, ties going to the lane listed first. A gap goes after everything
// received at the same time as the last row before it.
QList<Event> merge(const QList<QList<Event>>& lanes)
{
    QList<Event> events;
    QList<qsizetype> next(lanes.size(), 0);
    for (;;) {
        int best = -1;
        for (int lane = 0; lane < lanes.size(); ++lane) {
            if (next.at(lane) >= lanes.at(lane).size())
                continue;
            if (best < 0) {
                best = lane;
                continue;
            }
            const Event& candidate = lanes.at(lane).at(next.at(lane));
            const Event& current = lanes.at(best).at(next.at(best));
            if (candidate.atMs < current.atMs ||
                (candidate.atMs == current.atMs && current.isGap() && !candidate.isGap()))
                best = lane;
        }
        if (best < 0)
            return events;
        events.append(lanes.at(best).at(next.at(best)));
        ++next[best];
    }
}

Event gapEvent(Event::Kind kind, qint64 omitted, qint64 afterMs, qint64 untilMs)
{
    Event gap;
    gap.kind = kind;
    gap.atMs = afterMs;
    gap.omittedUntilMs = untilMs;
    gap.omitted = omitted;
    return gap;
}

} // namespace

MessageTimelineReader::MessageTimelineReader(QSqlDatabase db, int maxRows)
    : m_db(std::move(db)), m_maxRows(std::max(2, maxRows))
{}

bool MessageTimelineReader::fail(const QString& error) const
{
    m_lastError = error;
    return false;
}

std::optional<MessageTimeline> MessageTimelineReader::forRequest(qint64 requestLogId) const
{
    m_lastError.clear();
    qint64 messageId = 0;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"), {requestLogId},
            [&](const QSqlQuery& query) {
                messageId = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
            },
            &error)) {
        fail(error);
        return std::nullopt;
    }
    if (messageId <= 0)
        return std::nullopt;
    return forMessage(messageId);
}

bool MessageTimelineReader::readRequests(qint64 messageId, qint64 total, QList<RequestRow>* head,
                                         QList<RequestRow>* tail) const
{
    const auto read = [](QList<RequestRow>* rows) {
        return [rows](const QSqlQuery& query) {
            RequestRow row;
            row.id = query.value(0).toLongLong();
            row.receivedAtMs = query.value(1).toLongLong();
            row.outcome = query.value(2).toString();
            row.reason = query.value(3).toString();
            row.responseStatus = query.value(4).isNull() ? 0 : query.value(4).toInt();
            row.latencyUs = query.value(5).isNull() ? -1 : query.value(5).toLongLong();
            rows->append(row);
        };
    };
    const QString columns =
        QStringLiteral("SELECT id, received_at, outcome, reason, response_status, latency_us "
                       "FROM request_log WHERE message_id = ? ");
    QString error;
    if (!readHeadAndTail(m_db, columns, QStringLiteral("received_at, id"),
                         QStringLiteral("received_at DESC, id DESC"), messageId, total, m_maxRows,
                         read, head, tail, &error))
        return fail(error);
    return true;
}

bool MessageTimelineReader::readReports(qint64 messageId, qint64 total, QList<StatusRow>* head,
                                        QList<StatusRow>* tail,
                                        std::optional<qint64>* latestBeforeTail) const
{
    const auto read = [](QList<StatusRow>* rows) {
        return [rows](const QSqlQuery& query) {
            StatusRow row;
            row.id = query.value(0).toLongLong();
            row.status = query.value(1).toString();
            row.rawStatus = query.value(2).toString();
            row.errorCode = query.value(3).toString();
            row.detail = query.value(4).toString();
            row.providerTimeMs = optionalTime(query.value(5));
            row.receivedAtMs = query.value(6).toLongLong();
            rows->append(row);
        };
    };
    // In the order the store wrote them: the order in which it moved the status.
    const QString columns =
        QStringLiteral("SELECT id, status, raw_status, error_code, detail, provider_time, "
                       "received_at FROM message_status WHERE message_id = ? ");
    QString error;
    if (!readHeadAndTail(m_db, columns, QStringLiteral("id"), QStringLiteral("id DESC"), messageId,
                         total, m_maxRows, read, head, tail, &error))
        return fail(error);
    if (tail->isEmpty())
        return true;
    // The latest provider time among the reports before the tail, the omitted ones included.
    if (!Database::select(
            m_db,
            QStringLiteral(
                "SELECT MAX(provider_time) FROM message_status WHERE message_id = ? AND id < ?"),
            {messageId, tail->constFirst().id},
            [latestBeforeTail](const QSqlQuery& query) {
                *latestBeforeTail = optionalTime(query.value(0));
            },
            &error))
        return fail(error);
    return true;
}

bool MessageTimelineReader::readAttempts(qint64 messageId, MessageTimeline* timeline,
                                         QList<Event>* events) const
{
    // The outbox stops after a bounded number of attempts per round; maxRows bounds the rounds
    // a user started by resending.
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT attempt, started_at, latency_ms, url, http_status, outcome, "
                           "error_code, detail, answer, (SELECT COUNT(*) FROM outbound_attempts "
                           "WHERE message_id = ?) FROM outbound_attempts WHERE message_id = ? "
                           "ORDER BY started_at, id LIMIT %1")
                .arg(m_maxRows),
            {messageId, messageId},
            [&](const QSqlQuery& query) {
                Event event;
                event.kind = Event::Kind::SendAttempt;
                event.attempt = query.value(0).toInt();
                event.atMs = query.value(1).toLongLong();
                event.latencyUs = query.value(2).isNull() ? -1 : query.value(2).toLongLong() * 1000;
                event.url = query.value(3).toString();
                event.responseStatus = query.value(4).isNull() ? 0 : query.value(4).toInt();
                event.label = query.value(5).toString();
                event.errorCode = query.value(6).toString();
                event.detail = query.value(7).toString();
                event.answer = query.value(8).toString();
                timeline->totalAttempts = query.value(9).toLongLong();
                events->append(event);
            },
            &error))
        return fail(error);
    return true;
}

std::optional<MessageTimeline> MessageTimelineReader::forMessage(qint64 messageId) const
{
    m_lastError.clear();
    QString error;
    bool found = false;
    MessageTimeline timeline;
    std::optional<qint64> messageProviderTime;
    QString dedupeKey;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT id, direction, provider, did, remote, text, status, error_code, "
                           "provider_message_id, provider_time, received_at, dedupe_key, "
                           "(SELECT COUNT(*) FROM request_log WHERE message_id = m.id), "
                           "(SELECT COUNT(*) FROM message_status WHERE message_id = m.id) "
                           "FROM messages m WHERE id = ?"),
            {messageId},
            [&](const QSqlQuery& query) {
                found = true;
                timeline.messageId = query.value(0).toLongLong();
                timeline.direction = query.value(1).toString();
                timeline.provider = query.value(2).toString();
                timeline.did = query.value(3).toString();
                timeline.remote = query.value(4).toString();
                timeline.text = query.value(5).toString();
                timeline.currentStatus = query.value(6).toString();
                timeline.errorCode = query.value(7).toString();
                timeline.providerMessageId = query.value(8).toString();
                messageProviderTime = optionalTime(query.value(9));
                timeline.receivedAtMs = query.value(10).toLongLong();
                dedupeKey = query.value(11).toString();
                timeline.totalRequests = query.value(12).toLongLong();
                timeline.totalReports = query.value(13).toLongLong();
            },
            &error)) {
        fail(error);
        return std::nullopt;
    }
    if (!found)
        return std::nullopt;

    QList<RequestRow> requestHead;
    QList<RequestRow> requestTail;
    QList<StatusRow> reportHead;
    QList<StatusRow> reportTail;
    std::optional<qint64> latestBeforeTail;
    if (!readRequests(messageId, timeline.totalRequests, &requestHead, &requestTail) ||
        !readReports(messageId, timeline.totalReports, &reportHead, &reportTail, &latestBeforeTail))
        return std::nullopt;
    timeline.omittedRequests =
        std::max<qint64>(0, timeline.totalRequests - requestHead.size() - requestTail.size());
    timeline.omittedReports =
        std::max<qint64>(0, timeline.totalReports - reportHead.size() - reportTail.size());

    // Replay the store's rule: a report moves the status unless one stored before it has a
    // later provider time.
    StatusRow* lastMover = nullptr;
    bool moverOmitted = false;
    const auto replay = [&](QList<StatusRow>& rows, std::optional<qint64> latest) {
        for (StatusRow& row : rows) {
            row.outOfOrder = row.providerTimeMs && latest && *latest > *row.providerTimeMs;
            if (!row.outOfOrder) {
                lastMover = &row;
                moverOmitted = false;
            }
            if (row.providerTimeMs && (!latest || *row.providerTimeMs > *latest))
                latest = row.providerTimeMs;
        }
        return latest;
    };
    const std::optional<qint64> afterHead = replay(reportHead, std::nullopt);
    if (timeline.omittedReports > 0) {
        // One of the omitted reports may have moved the status after the last mover seen.
        moverOmitted = true;
        replay(reportTail, latestBeforeTail);
    } else {
        replay(reportTail, afterHead);
    }

    // A status webhook and the report it carried share their received_at (the listener
    // stamps both with the request's arrival): pair them, in the order they were written.
    QHash<qint64, QList<StatusRow*>> reportsAt;
    for (QList<StatusRow>* rows : {&reportHead, &reportTail}) {
        for (StatusRow& row : *rows)
            reportsAt[row.receivedAtMs].append(&row);
    }
    const auto reportEvent = [&](const StatusRow& row) {
        Event event;
        event.kind = Event::Kind::StatusReport;
        event.atMs = row.receivedAtMs;
        event.providerTimeMs = row.providerTimeMs;
        event.statusId = row.id;
        event.label = row.status;
        event.rawStatus = row.rawStatus;
        event.errorCode = row.errorCode;
        event.detail = row.detail;
        event.outOfOrder = row.outOfOrder;
        event.current = &row == lastMover && !moverOmitted && row.status == timeline.currentStatus;
        return event;
    };
    bool deliveryLogged = false;
    const auto requestEvent = [&](const RequestRow& row) {
        Event event;
        const bool duplicate = row.outcome == kDuplicate;
        QList<StatusRow*>* reports = nullptr;
        if (!duplicate && timeline.isOutbound()) {
            const auto it = reportsAt.find(row.receivedAtMs);
            if (it != reportsAt.end() && !it->isEmpty())
                reports = &*it;
        }
        if (reports) {
            StatusRow* report = reports->takeFirst();
            report->paired = true;
            event = reportEvent(*report);
        } else {
            event.kind = duplicate ? Event::Kind::Duplicate : Event::Kind::Delivery;
            event.atMs = row.receivedAtMs;
            event.label = row.outcome;
        }
        if (!duplicate)
            deliveryLogged = true;
        event.requestLogId = row.id;
        event.outcome = row.outcome;
        event.reason = row.reason;
        event.responseStatus = row.responseStatus;
        event.latencyUs = row.latencyUs;
        return event;
    };

    QList<Event> requests;
    for (const RequestRow& row : std::as_const(requestHead))
        requests.append(requestEvent(row));
    if (timeline.omittedRequests > 0 && !requestTail.isEmpty()) {
        requests.append(gapEvent(Event::Kind::OmittedRequests, timeline.omittedRequests,
                                 requestHead.isEmpty() ? 0 : requestHead.constLast().receivedAtMs,
                                 requestTail.constFirst().receivedAtMs));
    }
    for (const RequestRow& row : std::as_const(requestTail))
        requests.append(requestEvent(row));

    // Reports whose webhook request is not shown, by time within each part.
    const auto unpaired = [&](const QList<StatusRow>& rows) {
        QList<Event> events;
        for (const StatusRow& row : rows) {
            if (!row.paired)
                events.append(reportEvent(row));
        }
        std::stable_sort(events.begin(), events.end(),
                         [](const Event& a, const Event& b) { return a.atMs < b.atMs; });
        return events;
    };
    QList<Event> reports = unpaired(reportHead);
    if (timeline.omittedReports > 0 && !reportTail.isEmpty()) {
        qint64 after = 0;
        for (const StatusRow& row : std::as_const(reportHead))
            after = std::max(after, row.receivedAtMs);
        reports.append(gapEvent(Event::Kind::OmittedReports, timeline.omittedReports, after,
                                reportTail.constFirst().receivedAtMs));
    }
    reports += unpaired(reportTail);

    QList<Event> attempts;
    if (timeline.isOutbound() && !readAttempts(messageId, &timeline, &attempts))
        return std::nullopt;

    QList<Event> creation;
    if (timeline.isOutbound()) {
        // A message the app never sent, created by the first status report on it: the writer
        // gives it this key and that report's received_at.
        const bool fromReport =
            dedupeKey == QStringLiteral("outbound:%1:%2")
                             .arg(timeline.provider, timeline.providerMessageId) &&
            !reportHead.isEmpty() && reportHead.constFirst().receivedAtMs == timeline.receivedAtMs;
        Event sent;
        sent.kind = Event::Kind::Sent;
        sent.atMs = timeline.receivedAtMs;
        sent.providerTimeMs = messageProviderTime;
        sent.label = fromReport ? QStringLiteral("status-report") : QStringLiteral("outbox");
        creation.append(sent);
    } else if (!deliveryLogged) {
        // The request that brought it is no longer in the request log (or never was).
        Event received;
        received.kind = Event::Kind::Delivery;
        received.atMs = timeline.receivedAtMs;
        received.providerTimeMs = messageProviderTime;
        creation.append(received);
    }

    timeline.events = merge({creation, attempts, requests, reports});
    if (timeline.provider == QLatin1String("pbx") && !timeline.isOutbound() &&
        !timeline.providerMessageId.isEmpty()) {
        // Every delivery of its message_id, the refused ones too (they are not linked to it).
        const FailureReader failures(m_db);
        const auto deliveries = failures.pbxDeliveries(timeline.providerMessageId);
        if (!deliveries) {
            fail(failures.lastError());
            return std::nullopt;
        }
        timeline.pbxDeliveryIds = deliveries->requestIds;
        timeline.pbxFallbackEmail = deliveries->fallbackEmail;
    }
    return timeline;
}

} // namespace smsdesk
