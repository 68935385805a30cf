// MessageTimelineReader against real stores: SQLite files in a temporary folder, and
// PostgreSQL when SMSDESK_TEST_PG names a server. Rows are written by MessageWriter jobs, as
// the listener writes them: a webhook request is a job with its message (or status report)
// and its request log row, and the response is recorded afterwards by completeRequestLog().

#include "FakeClock.h"
#include "StoreFixture.h"
#include "TestMain.h"
#include "store/MessageTimelineReader.h"
#include "store/MessageWriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Event = MessageTimeline::Event;
using Kind = MessageTimeline::Event::Kind;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const QString kDid = QStringLiteral("+14045559999");
const QString kRemote = QStringLiteral("+17705551234");
const QString kProvider = QStringLiteral("pbx");

RequestLogRow requestAt(qint64 receivedAtMs)
{
    RequestLogRow row;
    row.receivedAtMs = receivedAtMs;
    row.peer = QStringLiteral("203.0.113.5:53211");
    row.method = QStringLiteral("POST");
    row.target = QStringLiteral("/webhooks/pbx");
    row.headers = {{"Host", "desk.example.com"}};
    row.body = QByteArray("a=1");
    row.bodySize = 3;
    row.provider = kProvider;
    return row;
}

// One delivery of the inbound message with key `key`, as the listener stores it.
WriteJob inboundDelivery(qint64 receivedAtMs, const QString& key = QStringLiteral("pbx:in-1"))
{
    WriteJob job;
    MessageRow message;
    message.provider = kProvider;
    message.did = kDid;
    message.remote = kRemote;
    message.text = QStringLiteral("Is the shop open on Sunday?");
    message.status = QStringLiteral("received");
    message.providerMessageId = QStringLiteral("in-1");
    message.receivedAtMs = receivedAtMs;
    message.dedupeKey = key;
    job.messages.append(message);
    job.requestLog = requestAt(receivedAtMs);
    job.requestLog->linkedMessage = 0;
    return job;
}

// A status webhook on the outbound message with provider id `providerId`.
WriteJob statusWebhook(qint64 receivedAtMs, const QString& status, qint64 providerTimeMs,
                       const QString& errorCode = QString(),
                       const QString& providerId = QStringLiteral("out-1"))
{
    WriteJob job;
    StatusRow row;
    row.provider = kProvider;
    row.providerMessageId = providerId;
    row.did = kDid;
    row.remote = kRemote;
    row.status = status;
    row.rawStatus = status.toUpper();
    row.errorCode = errorCode;
    row.detail = errorCode.isEmpty() ? QString() : QStringLiteral("carrier rejected");
    row.providerTimeMs = providerTimeMs;
    row.receivedAtMs = receivedAtMs;
    job.statuses.append(row);
    job.requestLog = requestAt(receivedAtMs);
    job.requestLog->linkedStatus = 0;
    return job;
}

// The outbound message as the outbox would store it (sent, provider id known).
WriteJob outboundMessage(qint64 sentAtMs)
{
    WriteJob job;
    MessageRow message;
    message.direction = MessageRow::Direction::Outbound;
    message.provider = kProvider;
    message.did = kDid;
    message.remote = kRemote;
    message.text = QStringLiteral("Yes, 10 to 4.");
    message.status = QStringLiteral("queued");
    message.providerMessageId = QStringLiteral("out-1");
    message.receivedAtMs = sentAtMs;
    message.dedupeKey = QStringLiteral("outbox:1");
    job.messages.append(message);
    return job;
}

QList<Kind> kindsOf(const MessageTimeline& timeline)
{
    QList<Kind> kinds;
    for (const Event& event : timeline.events)
        kinds.append(event.kind);
    return kinds;
}

} // namespace

// The store of the current row's backend, a clock and the helpers of both test classes below.
class MessageTimelineReaderTest : public QObject
{
    Q_OBJECT

protected:
    test::StoreFixture m_temp;
    test::FakeClock m_clock;

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Submits the jobs in order, each after the previous one's outcome (the order the
    // listener's requests were stored in), and answers each logged request with
    // `responseStatus`, as the listener does after the commit. False when a job failed.
    bool write(const QList<WriteJob>& jobs, QList<WriteOutcome>* outcomes = nullptr,
               int responseStatus = 200)
    {
        MessageWriter writer(m_temp->database(), m_clock);
        qint64 latencyUs = 1200;
        for (const WriteJob& job : jobs) {
            std::optional<WriteOutcome> outcome;
            writer.submit(job, this, [&outcome](WriteOutcome result) { outcome = result; });
            if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok())
                return false;
            if (outcome->requestLogId > 0 && job.requestLog &&
                job.requestLog->responseStatus == 0) {
                writer.completeRequestLog(outcome->requestLogId, responseStatus,
                                          QStringLiteral("{}"), latencyUs);
                latencyUs += 100;
            }
            if (outcomes)
                outcomes->append(*outcome);
        }
        writer.drainAndStop(); // writes the pending responses
        return true;
    }

    // Many jobs at once (in batches), for the cap; no responses. Each job may wait for the
    // store as long as the whole (a loaded machine may take more than the listener's 2 s).
    bool writeAll(QList<WriteJob> jobs)
    {
        MessageWriter::Options options;
        options.commitDeadlineMs = 120000;
        MessageWriter writer(m_temp->database(), m_clock, options);
        auto done = std::make_shared<int>(0);
        auto failed = std::make_shared<int>(0);
        const qsizetype expected = jobs.size();
        for (WriteJob& job : jobs) {
            writer.submit(std::move(job), this, [done, failed](WriteOutcome outcome) {
                ++*done;
                if (!outcome.ok())
                    ++*failed;
            });
        }
        return QTest::qWaitFor([&] { return *done == expected; }, 120000) && *failed == 0;
    }

    MessageTimeline timelineOf(qint64 messageId,
                               int maxRows = MessageTimelineReader::DefaultMaxRows)
    {
        MessageTimelineReader reader(db(), maxRows);
        const std::optional<MessageTimeline> timeline = reader.forMessage(messageId);
        if (!reader.lastError().isEmpty())
            qWarning("forMessage failed: %s", qPrintable(reader.lastError()));
        return timeline.value_or(MessageTimeline());
    }

    // Every event in order of atMs.
    static bool inOrder(const MessageTimeline& timeline)
    {
        for (int i = 1; i < timeline.events.size(); ++i) {
            if (timeline.events.at(i).atMs < timeline.events.at(i - 1).atMs)
                return false;
        }
        return true;
    }

protected Q_SLOTS:
    void init() { m_temp.open(); }

    void cleanup() { m_temp.close(); }
};

class TestMessageTimelineReader : public MessageTimelineReaderTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void inboundDeliveredThreeTimes()
    {
        // The provider did not get our first answer in time and sent the webhook twice more;
        // an unrelated refused request comes in between.
        WriteJob refused;
        refused.requestLog = requestAt(kBase + 2000);
        refused.requestLog->outcome = QStringLiteral("refused-auth");
        refused.requestLog->responseStatus = 401;
        QList<WriteOutcome> outcomes;
        QVERIFY(write({inboundDelivery(kBase), refused, inboundDelivery(kBase + 5000),
                       inboundDelivery(kBase + 65000)},
                      &outcomes));
        QCOMPARE(outcomes.size(), 4);
        const qint64 messageId = outcomes.at(0).messages.at(0).id;
        QCOMPARE(outcomes.at(2).messages.at(0).id, messageId);
        QCOMPARE(outcomes.at(3).messages.at(0).id, messageId);

        const MessageTimeline timeline = timelineOf(messageId);
        QCOMPARE(timeline.messageId, messageId);
        QCOMPARE(timeline.direction, QStringLiteral("inbound"));
        QCOMPARE(timeline.did, kDid);
        QCOMPARE(timeline.remote, kRemote);
        QCOMPARE(timeline.text, QStringLiteral("Is the shop open on Sunday?"));
        QCOMPARE(timeline.currentStatus, QStringLiteral("received"));
        QCOMPARE(timeline.totalRequests, qint64(3));
        QVERIFY(!timeline.isTruncated());
        QCOMPARE(kindsOf(timeline),
                 (QList<Kind>{Kind::Delivery, Kind::Duplicate, Kind::Duplicate}));
        const qint64 expectedAt[] = {kBase, kBase + 5000, kBase + 65000};
        const qint64 expectedLog[] = {outcomes.at(0).requestLogId, outcomes.at(2).requestLogId,
                                      outcomes.at(3).requestLogId};
        const qint64 expectedLatency[] = {1200, 1300, 1400};
        for (int i = 0; i < 3; ++i) {
            const Event& event = timeline.events.at(i);
            QCOMPARE(event.atMs, expectedAt[i]);
            QCOMPARE(event.requestLogId, expectedLog[i]);
            QCOMPARE(event.outcome,
                     i == 0 ? QStringLiteral("accepted") : QStringLiteral("duplicate"));
            QCOMPARE(event.label, event.outcome);
            QCOMPARE(event.responseStatus, 200); // the response is part of its delivery
            QCOMPARE(event.latencyUs, expectedLatency[i]);
            QCOMPARE(event.statusId, qint64(0));
            QVERIFY(!event.outOfOrder);
            QVERIFY(!event.current);
        }
        QCOMPARE(timeline.indexOfRequest(expectedLog[2]), 2);
        QCOMPARE(timeline.currentEventIndex(), -1);

        // From any of its requests: the same timeline.
        MessageTimelineReader reader(db());
        for (const qint64 logId : expectedLog) {
            const std::optional<MessageTimeline> viaRequest = reader.forRequest(logId);
            QVERIFY2(viaRequest, qPrintable(reader.lastError()));
            QCOMPARE(viaRequest->messageId, messageId);
            QCOMPARE(viaRequest->events.size(), 3);
        }
    }

    void responseNotRecorded()
    {
        QList<WriteOutcome> outcomes;
        {
            MessageWriter writer(m_temp->database(), m_clock);
            writer.submit(inboundDelivery(kBase), this,
                          [&outcomes](WriteOutcome outcome) { outcomes.append(outcome); });
            QTRY_COMPARE(outcomes.size(), 1);
        }
        QVERIFY(outcomes.at(0).ok());
        const MessageTimeline timeline = timelineOf(outcomes.at(0).messages.at(0).id);
        QCOMPARE(timeline.events.size(), 1);
        QCOMPARE(timeline.events.at(0).kind, Kind::Delivery);
        QCOMPARE(timeline.events.at(0).responseStatus, 0);
        QCOMPARE(timeline.events.at(0).latencyUs, qint64(-1));
    }

    void outboundReportsOutOfOrder()
    {
        // Sent by the outbox; the provider reports sent, then failed; its "delivered" report
        // (an earlier provider time) arrives last, and the "failed" webhook is retried.
        QList<WriteOutcome> outcomes;
        QVERIFY(write({outboundMessage(kBase),
                       statusWebhook(kBase + 1100, QStringLiteral("sent"), kBase + 1000),
                       statusWebhook(kBase + 4100, QStringLiteral("failed"), kBase + 4000,
                                     QStringLiteral("30008")),
                       statusWebhook(kBase + 6000, QStringLiteral("delivered"), kBase + 2000),
                       statusWebhook(kBase + 9000, QStringLiteral("failed"), kBase + 4000,
                                     QStringLiteral("30008"))},
                      &outcomes));
        const qint64 messageId = outcomes.at(0).messages.at(0).id;
        for (int i = 1; i < outcomes.size(); ++i)
            QCOMPARE(outcomes.at(i).statuses.at(0).messageId, messageId);
        // The store kept "failed": the late report did not move the status back.
        QCOMPARE(m_temp->count(QStringLiteral("messages"),
                               QStringLiteral("id = ? AND status = 'failed'"), {messageId}),
                 qint64(1));

        const MessageTimeline timeline = timelineOf(messageId);
        QCOMPARE(timeline.direction, QStringLiteral("outbound"));
        QCOMPARE(timeline.currentStatus, QStringLiteral("failed"));
        QCOMPARE(timeline.errorCode, QStringLiteral("30008"));
        QCOMPARE(timeline.totalRequests, qint64(4));
        QCOMPARE(timeline.totalReports, qint64(3));
        QCOMPARE(kindsOf(timeline), (QList<Kind>{Kind::Sent, Kind::StatusReport, Kind::StatusReport,
                                                 Kind::StatusReport, Kind::Duplicate}));
        QVERIFY(inOrder(timeline));

        const Event& sent = timeline.events.at(0);
        QCOMPARE(sent.atMs, kBase);
        QCOMPARE(sent.label, QStringLiteral("outbox"));
        QCOMPARE(sent.requestLogId, qint64(0));

        const Event& first = timeline.events.at(1);
        QCOMPARE(first.label, QStringLiteral("sent"));
        QCOMPARE(first.rawStatus, QStringLiteral("SENT"));
        QCOMPARE(first.providerTimeMs, std::optional<qint64>(kBase + 1000));
        QCOMPARE(first.requestLogId, outcomes.at(1).requestLogId);
        QCOMPARE(first.outcome, QStringLiteral("accepted"));
        QCOMPARE(first.responseStatus, 200);
        QVERIFY(first.statusId > 0);
        QVERIFY(!first.outOfOrder);
        QVERIFY(!first.current);

        const Event& failed = timeline.events.at(2);
        QCOMPARE(failed.label, QStringLiteral("failed"));
        QCOMPARE(failed.errorCode, QStringLiteral("30008"));
        QCOMPARE(failed.detail, QStringLiteral("carrier rejected"));
        QCOMPARE(failed.requestLogId, outcomes.at(2).requestLogId);
        QVERIFY(!failed.outOfOrder);
        QVERIFY(failed.current);

        const Event& late = timeline.events.at(3);
        QCOMPARE(late.label, QStringLiteral("delivered"));
        QCOMPARE(late.atMs, kBase + 6000);
        QCOMPARE(late.providerTimeMs, std::optional<qint64>(kBase + 2000));
        QCOMPARE(late.requestLogId, outcomes.at(3).requestLogId);
        QVERIFY(late.outOfOrder);
        QVERIFY(!late.current);

        const Event& retry = timeline.events.at(4);
        QCOMPARE(retry.outcome, QStringLiteral("duplicate"));
        QCOMPARE(retry.requestLogId, outcomes.at(4).requestLogId);
        QCOMPARE(retry.statusId, qint64(0));
        QVERIFY(!retry.outOfOrder);

        QCOMPARE(timeline.currentEventIndex(), 2);

        // Opened from the late report's request: the same lane.
        MessageTimelineReader reader(db());
        const std::optional<MessageTimeline> viaRequest =
            reader.forRequest(outcomes.at(3).requestLogId);
        QVERIFY(viaRequest);
        QCOMPARE(viaRequest->messageId, messageId);
        QCOMPARE(viaRequest->events.size(), timeline.events.size());
    }

    void reportWhoseRequestWasPurged()
    {
        QList<WriteOutcome> outcomes;
        QVERIFY(write({outboundMessage(kBase),
                       statusWebhook(kBase + 1000, QStringLiteral("sent"), kBase + 900),
                       statusWebhook(kBase + 2000, QStringLiteral("delivered"), kBase + 1900)},
                      &outcomes));
        QSqlQuery purge(db());
        QVERIFY(purge.prepare(QStringLiteral("DELETE FROM request_log WHERE id = ?")));
        purge.addBindValue(outcomes.at(1).requestLogId);
        QVERIFY2(purge.exec(), qPrintable(purge.lastError().text()));
        purge.finish();

        const MessageTimeline timeline = timelineOf(outcomes.at(0).messages.at(0).id);
        QCOMPARE(kindsOf(timeline),
                 (QList<Kind>{Kind::Sent, Kind::StatusReport, Kind::StatusReport}));
        QCOMPARE(timeline.events.at(1).requestLogId, qint64(0)); // its request is gone
        QCOMPARE(timeline.events.at(1).responseStatus, 0);
        QCOMPARE(timeline.events.at(1).label, QStringLiteral("sent"));
        QCOMPARE(timeline.events.at(2).requestLogId, outcomes.at(2).requestLogId);
        QVERIFY(timeline.events.at(2).current);
    }

    void messageFirstSeenInAReport()
    {
        // A status report for a provider id the app never sent: the store creates the message.
        QList<WriteOutcome> outcomes;
        QVERIFY(write({statusWebhook(kBase, QStringLiteral("delivered"), kBase - 500, QString(),
                                     QStringLiteral("elsewhere-7"))},
                      &outcomes));
        QVERIFY(outcomes.at(0).statuses.at(0).messageCreated);
        const MessageTimeline timeline = timelineOf(outcomes.at(0).statuses.at(0).messageId);
        QCOMPARE(kindsOf(timeline), (QList<Kind>{Kind::Sent, Kind::StatusReport}));
        QCOMPARE(timeline.events.at(0).label, QStringLiteral("status-report"));
        QVERIFY(timeline.events.at(1).current);
    }

    void requestWithoutMessage()
    {
        WriteJob refused;
        refused.requestLog = requestAt(kBase);
        refused.requestLog->outcome = QStringLiteral("malformed");
        refused.requestLog->responseStatus = 400;
        QList<WriteOutcome> outcomes;
        QVERIFY(write({refused}, &outcomes));
        QVERIFY(outcomes.at(0).requestLogId > 0);

        MessageTimelineReader reader(db());
        QVERIFY(!reader.forRequest(outcomes.at(0).requestLogId));
        QVERIFY(reader.lastError().isEmpty()); // none, not an error
        QVERIFY(!reader.forRequest(outcomes.at(0).requestLogId + 1000));
        QVERIFY(reader.lastError().isEmpty());
        QVERIFY(!reader.forMessage(12345));
        QVERIFY(reader.lastError().isEmpty());
    }

    void errorsAreReported()
    {
        QList<WriteOutcome> outcomes;
        QVERIFY(write({inboundDelivery(kBase)}, &outcomes));
        QSqlQuery drop(db());
        QVERIFY2(drop.exec(QStringLiteral("DROP TABLE message_status")),
                 qPrintable(drop.lastError().text()));
        drop.finish();
        MessageTimelineReader reader(db());
        QVERIFY(!reader.forMessage(outcomes.at(0).messages.at(0).id));
        QVERIFY(!reader.lastError().isEmpty());
    }

    void capOnRetries()
    {
        // 1 delivery and 1,200 retries: the first and the last requests are read, and the
        // lane says how many lie between.
        const int retries = 1200;
        QList<WriteJob> jobs;
        for (int i = 0; i <= retries; ++i)
            jobs.append(inboundDelivery(kBase + i * 10));
        QVERIFY(writeAll(jobs));
        const qint64 messageId =
            m_temp->scalar(QStringLiteral("SELECT id FROM messages")).toLongLong();
        QVERIFY(messageId > 0);

        const int cap = MessageTimelineReader::DefaultMaxRows;
        const MessageTimeline timeline = timelineOf(messageId);
        QCOMPARE(timeline.totalRequests, qint64(retries + 1));
        QCOMPARE(timeline.omittedRequests, qint64(retries + 1 - cap));
        QVERIFY(timeline.isTruncated());
        QCOMPARE(timeline.events.size(), cap + 1);
        QVERIFY(inOrder(timeline));
        const int gapAt = cap / 2;
        const Event& gap = timeline.events.at(gapAt);
        QCOMPARE(gap.kind, Kind::OmittedRequests);
        QCOMPARE(gap.omitted, qint64(retries + 1 - cap));
        QCOMPARE(gap.atMs, kBase + (gapAt - 1) * 10);
        QCOMPARE(gap.omittedUntilMs, kBase + (retries + 1 - cap / 2) * 10);
        QCOMPARE(timeline.events.at(0).kind, Kind::Delivery);
        QCOMPARE(timeline.events.at(0).atMs, kBase);
        QCOMPARE(timeline.events.at(1).kind, Kind::Duplicate);
        QCOMPARE(timeline.events.constLast().kind, Kind::Duplicate);
        QCOMPARE(timeline.events.constLast().atMs, kBase + retries * 10);
        for (int i = 0; i < timeline.events.size(); ++i) {
            if (i != gapAt)
                QVERIFY(!timeline.events.at(i).isGap());
        }
    }

    void capOnReportsKeepsOutOfOrderRight()
    {
        // Eight reports, four read (two first, two last). The seventh is out of order only
        // because of the fourth, which is among the omitted ones; the eighth is current.
        const qint64 providerTimes[] = {100, 200, 300, 900, 400, 500, 800, 1000};
        QList<WriteJob> jobs{outboundMessage(kBase)};
        for (int i = 0; i < 8; ++i) {
            jobs.append(statusWebhook(kBase + (i + 1) * 1000,
                                      i == 7 ? QStringLiteral("delivered") : QStringLiteral("sent"),
                                      kBase + providerTimes[i]));
        }
        QList<WriteOutcome> outcomes;
        QVERIFY(write(jobs, &outcomes));
        const qint64 messageId = outcomes.at(0).messages.at(0).id;

        const MessageTimeline timeline = timelineOf(messageId, 4);
        QCOMPARE(timeline.currentStatus, QStringLiteral("delivered"));
        QCOMPARE(timeline.omittedRequests, qint64(4));
        QCOMPARE(timeline.omittedReports, qint64(4));
        QCOMPARE(kindsOf(timeline), (QList<Kind>{Kind::Sent, Kind::StatusReport, Kind::StatusReport,
                                                 Kind::OmittedRequests, Kind::OmittedReports,
                                                 Kind::StatusReport, Kind::StatusReport}));
        QVERIFY(inOrder(timeline));
        QCOMPARE(timeline.events.at(1).providerTimeMs, std::optional<qint64>(kBase + 100));
        QCOMPARE(timeline.events.at(2).providerTimeMs, std::optional<qint64>(kBase + 200));
        QCOMPARE(timeline.events.at(3).omitted, qint64(4));
        QCOMPARE(timeline.events.at(4).omitted, qint64(4));
        const Event& seventh = timeline.events.at(5);
        QCOMPARE(seventh.providerTimeMs, std::optional<qint64>(kBase + 800));
        QCOMPARE(seventh.requestLogId, outcomes.at(7).requestLogId);
        QVERIFY(seventh.outOfOrder);
        const Event& eighth = timeline.events.at(6);
        QVERIFY(!eighth.outOfOrder);
        QVERIFY(eighth.current);
        QCOMPARE(timeline.currentEventIndex(), 6);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!timeline.events.at(i).outOfOrder);

        // Read whole, the same flags: the fifth and sixth are out of order too.
        const MessageTimeline whole = timelineOf(messageId);
        QCOMPARE(whole.events.size(), 9);
        QVERIFY(!whole.isTruncated());
        const bool expected[] = {false, false, false, false, true, true, true, false};
        for (int i = 0; i < 8; ++i)
            QCOMPARE(whole.events.at(i + 1).outOfOrder, expected[i]);
        QCOMPARE(whole.currentEventIndex(), 8);
    }
};

// WAL checkpoints are SQLite's: these cases have no "postgres" row.
class TestMessageTimelineReaderOnSqlite : public MessageTimelineReaderTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(test::StoreFixture::Rows::SqliteOnly); }

    void readsLeaveNoTransactionOpen()
    {
        QList<WriteOutcome> outcomes;
        QVERIFY(write({outboundMessage(kBase),
                       statusWebhook(kBase + 1000, QStringLiteral("queued"), kBase + 900),
                       statusWebhook(kBase + 2000, QStringLiteral("sent"), kBase + 1900),
                       statusWebhook(kBase + 3000, QStringLiteral("delivered"), kBase + 2900)},
                      &outcomes));
        QString error;
        QSqlDatabase readerDb =
            m_temp->database().openConnection(QStringLiteral("timeline-test"), &error);
        QVERIFY2(readerDb.isValid(), qPrintable(error));
        const QString name = readerDb.connectionName();
        {
            MessageTimelineReader reader(readerDb, 2); // with gaps: every query runs
            const std::optional<MessageTimeline> timeline =
                reader.forRequest(outcomes.at(1).requestLogId);
            QVERIFY2(timeline, qPrintable(reader.lastError()));
            QVERIFY(timeline->isTruncated());
            QVERIFY(!reader.forMessage(999));
            // Copying every WAL frame back and truncating the WAL is impossible while a
            // statement of the reader's connection is still open.
            QSqlQuery checkpoint(db());
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(checkpoint.next());
            QCOMPARE(checkpoint.value(0).toInt(), 0); // not busy
            checkpoint.finish();
        }
        readerDb = QSqlDatabase();
        Database::closeConnection(name);
    }
};

SMSDESK_TEST_GUILESS_MAIN(TestMessageTimelineReader, TestMessageTimelineReaderOnSqlite)
#include "TestMessageTimelineReader.moc"
