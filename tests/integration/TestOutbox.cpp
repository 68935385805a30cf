// The Outbox end to end, on real stores (SQLite files, and PostgreSQL when SMSDESK_TEST_PG names
// a server) and real sockets: the client talks to the simulator's outbound endpoint on
// 127.0.0.1, secrets come from an in-memory keychain. Retries use short backoffs; the clock is
// the real one (retries wait on timers).

#include "MemorySecretStore.h"
#include "OutboundEndpoint.h"
#include "StoreFixture.h"
#include "TestMain.h"
#include "http/HttpServer.h"
#include "outbound/OnCloudOutboundClient.h"
#include "outbound/Outbox.h"
#include "store/DatabaseWorker.h"
#include "store/MessageTimelineReader.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "util/Clock.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <memory>
#include <optional>

using namespace smsdesk;
using Result = OutboxUpdate::Result;

namespace {

constexpr int kWaitMs = 30000;
const QString kDid = QStringLiteral("+14045559999");
const QString kSecret = QStringLiteral("whsec-outbox-5e1f0c2b7a");

} // namespace

// The store of the current row's backend, the outbox on it and the helpers of both test classes
// below.
class OutboxTest : public QObject
{
    Q_OBJECT

protected:
    test::StoreFixture m_temp;
    Clock m_clock;
    test::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<OutboundEndpoint> m_endpoint;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<OnCloudOutboundClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
    QList<OutboxUpdate> m_updates;
    qint64 m_numberId = 0;
    qint64 m_planId = 0;

    QSqlDatabase db() { return m_temp->database().connection(); }

    static Outbox::Options options()
    {
        Outbox::Options options;
        options.retry.baseDelayMs = 50;
        options.retry.maxDelayMs = 400;
        options.retry.maxAttempts = 3;
        options.pollIntervalMs = 200;
        options.followSystemReachability = false;
        options.timeZone = QTimeZone::utc();
        return options;
    }

    std::unique_ptr<Outbox> makeOutbox(DatabaseWorker& worker, OnCloudOutboundClient& client,
                                       const Outbox::Options& opts = options())
    {
        auto outbox = std::make_unique<Outbox>(worker, m_secrets, client, m_clock, opts);
        connect(outbox.get(), &Outbox::updated, this,
                [this](const OutboxUpdate& update) { m_updates.append(update); });
        return outbox;
    }

    void startServer(quint16 port = 0)
    {
        m_server = std::make_unique<HttpServer>();
        m_endpoint->attach(m_server.get());
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, port, &error), qPrintable(error));
    }

    QUrl base() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort()));
    }

    Outbox::QueueOutcome queue(const QString& text,
                               const QString& to = QStringLiteral("(770) 555-1234"),
                               Outbox* outbox = nullptr)
    {
        OutboundDraft draft;
        draft.didE164 = kDid;
        draft.to = to;
        draft.text = text;
        std::optional<Outbox::QueueOutcome> outcome;
        (outbox ? outbox : m_outbox.get())->queue(draft, [&outcome](const Outbox::QueueOutcome& o) {
            outcome = o;
        });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs))
            return {};
        return *outcome;
    }

    std::optional<OutboxUpdate> finalOf(qint64 id, int timeoutMs = kWaitMs)
    {
        std::optional<OutboxUpdate> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const OutboxUpdate& update : std::as_const(m_updates)) {
                    if (update.messageId == id && update.isFinal())
                        found = update;
                }
                return found.has_value();
            },
            timeoutMs);
        return found;
    }

    QList<Result> resultsOf(qint64 id) const
    {
        QList<Result> results;
        for (const OutboxUpdate& update : m_updates) {
            if (update.messageId == id)
                results.append(update.result);
        }
        return results;
    }

    QString statusOf(qint64 id)
    {
        return m_temp->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"), {id})
            .toString();
    }

    QStringList attemptOutcomes(qint64 id)
    {
        QStringList outcomes;
        QSqlQuery query(db());
        query.prepare(QStringLiteral(
            "SELECT outcome FROM outbound_attempts WHERE message_id = ? ORDER BY attempt"));
        query.addBindValue(id);
        if (!query.exec())
            qWarning("%s", qPrintable(query.lastError().text()));
        while (query.next())
            outcomes << query.value(0).toString();
        return outcomes;
    }

    int recordsWithText(const QString& text) const
    {
        int count = 0;
        for (const OutboundEndpoint::Record& record : m_endpoint->records())
            count += record.text == text ? 1 : 0;
        return count;
    }

protected Q_SLOTS:
    void init()
    {
        if (!m_temp.open())
            return;

        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = 1000;
        PlanRepository plans(db(), m_clock);
        QVERIFY2(plans.insert(plan), qPrintable(plans.lastError()));
        m_planId = plan.id;
        NumberRecord number;
        number.e164 = kDid;
        number.provider = QStringLiteral("oncloud");
        number.planId = plan.id;
        number.hasSecret = true;
        NumberRepository numbers(db(), m_clock);
        QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        m_numberId = number.id;
        m_secrets.entries.clear();
        m_secrets.failWith = SecretStore::Status::Ok;
        m_secrets.entries.insert(SecretStore::numberKey(kDid, SecretStore::Kind::WebhookSecret),
                                 kSecret);

        m_endpoint = std::make_unique<OutboundEndpoint>();
        m_endpoint->setSecret(kSecret);
        m_endpoint->setConfiguredDids({QStringLiteral("14045559999")});
        startServer();
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY(m_worker->isReady());
        m_client = std::make_unique<OnCloudOutboundClient>(m_network, m_clock);
        m_client->setBase(base());
        m_client->setTimeoutMs(2000);
        m_outbox = makeOutbox(*m_worker, *m_client);
        m_updates.clear();
    }

    void cleanup()
    {
        m_outbox.reset();
        m_client.reset();
        m_worker.reset();
        m_server.reset();
        m_endpoint.reset();
        m_temp.close();
    }
};

class TestOutbox : public OutboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void storedBeforeTheWireThenSent()
    {
        // What the store says while the endpoint reads the request.
        QString statusOnTheWire;
        connect(m_endpoint.get(), &OutboundEndpoint::handled, this,
                [&](const OutboundEndpoint::Record&) {
                    statusOnTheWire = m_temp
                                          ->scalar(QStringLiteral("SELECT status FROM messages "
                                                                  "WHERE direction = 'outbound'"))
                                          .toString();
                });
        const Outbox::QueueOutcome queued = queue(QStringLiteral("Your table is ready"));
        QVERIFY2(queued.ok(), qPrintable(queued.meaning + queued.error));
        QCOMPARE(queued.toE164, QStringLiteral("+17705551234"));
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("queued"));
        QCOMPARE(m_endpoint->records().size(), 0); // not started: nothing on the wire

        m_outbox->start();
        const auto sent = finalOf(queued.messageId);
        QVERIFY(sent);
        QCOMPARE(sent->result, Result::Sent);
        QCOMPARE(statusOnTheWire, QStringLiteral("sending"));
        QCOMPARE(resultsOf(queued.messageId), (QList<Result>{Result::Sending, Result::Sent}));
        QCOMPARE(m_endpoint->records().size(), 1);
        const OutboundEndpoint::Record& record = m_endpoint->records().first();
        QCOMPARE(sent->carrierId, record.carrierId);
        QCOMPARE(record.from, QStringLiteral("14045559999"));
        QCOMPARE(record.to, QStringLiteral("17705551234"));
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("sent"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT provider_message_id FROM messages WHERE id "
                                             "= ?"),
                              {queued.messageId})
                     .toString(),
                 record.carrierId);
        QCOMPARE(attemptOutcomes(queued.messageId), QStringList{QStringLiteral("accepted")});

        // A status report on the carrier id attaches to this message.
        MessageWriter writer(m_temp->database(), m_clock);
        WriteJob job;
        StatusRow status;
        status.provider = QStringLiteral("oncloud");
        status.providerMessageId = record.carrierId;
        status.status = QStringLiteral("delivered");
        job.statuses.append(status);
        std::optional<WriteOutcome> outcome;
        writer.submit(job, this, [&outcome](WriteOutcome o) { outcome = o; });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs));
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->statuses.first().messageId, queued.messageId);
        QVERIFY(!outcome->statuses.first().messageCreated);
        writer.drainAndStop();
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("delivered"));

        // The timeline: created by the outbox, one attempt, the report.
        const MessageTimelineReader reader(db());
        const auto timeline = reader.forMessage(queued.messageId);
        QVERIFY(timeline);
        QList<MessageTimeline::Event::Kind> kinds;
        for (const auto& event : timeline->events)
            kinds.append(event.kind);
        using Kind = MessageTimeline::Event::Kind;
        QCOMPARE(kinds, (QList<Kind>{Kind::Sent, Kind::SendAttempt, Kind::StatusReport}));
        QCOMPARE(timeline->events.at(1).responseStatus, 200);
        QVERIFY(timeline->events.at(1).latencyUs >= 0);
        QVERIFY(timeline->events.at(1).answer.contains(record.carrierId));
    }

    void providerCodesFailWithoutRetry_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString& code : OutboundEndpoint::errorCodes())
            QTest::newRow(qPrintable(code)) << code;
    }

    void providerCodesFailWithoutRetry()
    {
        QFETCH(QString, code);
        const QString text = QStringLiteral("[%1] please").arg(code);
        const Outbox::QueueOutcome queued = queue(text);
        QVERIFY(queued.ok());
        m_outbox->start();
        const auto failed = finalOf(queued.messageId);
        QVERIFY(failed);
        QCOMPARE(failed->result, Result::RefusedByProvider);
        QCOMPARE(failed->code, code);
        QVERIFY(!failed->meaning.isEmpty());
        QVERIFY(!failed->resolution.isEmpty());
        QCOMPARE(failed->httpStatus, 400);
        QTest::qWait(400); // longer than any backoff of this test: nothing more goes out
        QCOMPARE(recordsWithText(text), 1);
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("failed"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT error_code FROM messages WHERE id = ?"),
                              {queued.messageId})
                     .toString(),
                 code);
        QCOMPARE(attemptOutcomes(queued.messageId), QStringList{QStringLiteral("refused")});
    }

    void transientFailuresAreRetriedWithBackoff()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::Http500, 2);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("third time lucky"));
        m_outbox->start();
        const auto sent = finalOf(queued.messageId);
        QVERIFY(sent);
        QCOMPARE(sent->result, Result::Sent);
        QCOMPARE(sent->attempt, 3);
        QCOMPARE(resultsOf(queued.messageId),
                 (QList<Result>{Result::Sending, Result::Retrying, Result::Sending,
                                Result::Retrying, Result::Sending, Result::Sent}));
        QCOMPARE(attemptOutcomes(queued.messageId),
                 (QStringList{QStringLiteral("http-error"), QStringLiteral("http-error"),
                              QStringLiteral("accepted")}));
        QCOMPARE(m_endpoint->records().size(), 3);
        // The waits grew: the second at least half of 100 ms, the first at least half of 50.
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral("SELECT started_at FROM outbound_attempts ORDER BY "
                                          "attempt")));
        QList<qint64> starts;
        while (query.next())
            starts << query.value(0).toLongLong();
        QCOMPARE(starts.size(), 3);
        QVERIFY2(starts.at(1) - starts.at(0) >= 25,
                 qPrintable(QString::number(starts.at(1) - starts.at(0))));
        QVERIFY2(starts.at(2) - starts.at(1) >= 50,
                 qPrintable(QString::number(starts.at(2) - starts.at(1))));
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::Http429, 1);
        m_endpoint->setRetryAfterSeconds(1);
        Outbox::Options slow = options();
        slow.retry.maxDelayMs = 5000;
        m_outbox = makeOutbox(*m_worker, *m_client, slow);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("slow down"));
        m_outbox->start();
        const auto sent = finalOf(queued.messageId);
        QVERIFY(sent);
        QCOMPARE(sent->result, Result::Sent);
        const qint64 first = m_temp
                                 ->scalar(QStringLiteral("SELECT started_at FROM "
                                                         "outbound_attempts WHERE attempt = 1"))
                                 .toLongLong();
        const qint64 second = m_temp
                                  ->scalar(QStringLiteral("SELECT started_at FROM "
                                                          "outbound_attempts WHERE attempt = 2"))
                                  .toLongLong();
        QVERIFY2(second - first >= 1000, qPrintable(QString::number(second - first)));
    }

    void transientFailuresRunOut()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::Http500);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("never"));
        m_outbox->start();
        const auto failed = finalOf(queued.messageId);
        QVERIFY(failed);
        QCOMPARE(failed->result, Result::NetworkFailure);
        QCOMPARE(failed->code, QStringLiteral("HTTP-500"));
        QVERIFY(failed->detail.contains(QStringLiteral("HTTP 500")));
        QTest::qWait(500);
        QCOMPARE(m_endpoint->records().size(), 3);
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("failed"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT last_error FROM outbox WHERE message_id = "
                                             "?"),
                              {queued.messageId})
                     .toString()
                     .contains(QStringLiteral("HTTP 500")),
                 true);
    }

    void timeoutAfterSendingIsUnconfirmedAndWaitsForTheUser()
    {
        m_endpoint->setDelayMs(1500);
        m_client->setTimeoutMs(300);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("did it go?"));
        m_outbox->start();
        const auto unconfirmed = finalOf(queued.messageId);
        QVERIFY(unconfirmed);
        QCOMPARE(unconfirmed->result, Result::Unconfirmed);
        QVERIFY(!unconfirmed->meaning.isEmpty());
        QVERIFY(!unconfirmed->resolution.isEmpty());
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("unconfirmed"));
        // Never sent again by itself, however long it waits.
        QTest::qWait(2000);
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(attemptOutcomes(queued.messageId), QStringList{QStringLiteral("no-answer")});

        // The user resends it.
        m_endpoint->setDelayMs(0);
        m_client->setTimeoutMs(2000);
        std::optional<bool> resent;
        m_outbox->resend(queued.messageId, [&resent](bool ok, const QString&) { resent = ok; });
        QVERIFY(QTest::qWaitFor([&] { return resent.has_value(); }, kWaitMs));
        QVERIFY(*resent);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusOf(queued.messageId) == QStringLiteral("sent"); }, kWaitMs));
        QCOMPARE(m_endpoint->records().size(), 2);
        QCOMPARE(attemptOutcomes(queued.messageId),
                 (QStringList{QStringLiteral("no-answer"), QStringLiteral("accepted")}));
    }

    void droppedAfterReadingIsUnconfirmedAndCanBeMarkedFailed()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::DropAfterRead);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("dropped"));
        m_outbox->start();
        const auto unconfirmed = finalOf(queued.messageId);
        QVERIFY(unconfirmed);
        QCOMPARE(unconfirmed->result, Result::Unconfirmed);
        QTest::qWait(500);
        QCOMPARE(m_endpoint->records().size(), 1); // not even the network layer sent it again
        std::optional<bool> marked;
        m_outbox->markFailed(queued.messageId, QStringLiteral("the customer did not get it"),
                             [&marked](bool ok, const QString&) { marked = ok; });
        QVERIFY(QTest::qWaitFor([&] { return marked.has_value(); }, kWaitMs));
        QVERIFY(*marked);
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("failed"));
        QTest::qWait(400);
        QCOMPARE(m_endpoint->records().size(), 1);
    }

    void droppedBeforeReading()
    {
        // Over TLS the drop comes before the request is written: retried until the attempts
        // run out, nothing ever read by the server.
        if (QSslSocket::supportsSsl()) {
            m_endpoint->setFault(OutboundEndpoint::Fault::DropBeforeRead);
            m_client->setBase(
                QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server->serverPort())));
            const Outbox::QueueOutcome queued = queue(QStringLiteral("over tls"));
            m_outbox->start();
            const auto failed = finalOf(queued.messageId);
            QVERIFY(failed);
            QCOMPARE(failed->result, Result::NetworkFailure);
            QCOMPARE(attemptOutcomes(queued.messageId),
                     (QStringList{QStringLiteral("not-sent"), QStringLiteral("not-sent"),
                                  QStringLiteral("not-sent")}));
            QCOMPARE(m_endpoint->records().size(), 3);
            for (const auto& record : m_endpoint->records())
                QCOMPARE(record.outcome, QStringLiteral("dropped"));
            m_outbox->stop();
        }
        // Over plain HTTP the request was handed to the connection before it closed: the
        // client cannot know the server did not read it, so it is unconfirmed, never resent.
        m_endpoint = std::make_unique<OutboundEndpoint>();
        m_endpoint->setSecret(kSecret);
        m_endpoint->setFault(OutboundEndpoint::Fault::DropBeforeRead);
        startServer();
        m_client->setBase(base());
        m_outbox = makeOutbox(*m_worker, *m_client);
        const Outbox::QueueOutcome plain = queue(QStringLiteral("over http"));
        m_outbox->start();
        const auto unconfirmed = finalOf(plain.messageId);
        QVERIFY(unconfirmed);
        QCOMPARE(unconfirmed->result, Result::Unconfirmed);
        QTest::qWait(400);
        QCOMPARE(m_endpoint->acceptedCount(), 0);
        QCOMPARE(attemptOutcomes(plain.messageId), QStringList{QStringLiteral("no-answer")});
    }

    void unknownHostRunsOutOfAttempts()
    {
        m_client->setBase(QUrl(QStringLiteral("http://outbound.smsdesk-test.invalid/")));
        const Outbox::QueueOutcome queued = queue(QStringLiteral("nowhere"));
        m_outbox->start();
        const auto failed = finalOf(queued.messageId);
        QVERIFY(failed);
        QCOMPARE(failed->result, Result::NetworkFailure);
        QVERIFY(failed->code.isEmpty());
        QVERIFY(failed->detail.contains(QStringLiteral("outbound.smsdesk-test.invalid")));
        QCOMPARE(attemptOutcomes(queued.messageId),
                 (QStringList{QStringLiteral("not-sent"), QStringLiteral("not-sent"),
                              QStringLiteral("not-sent")}));
    }

    void refusedConnectionUntilTheServerComesUp()
    {
        const quint16 port = m_server->serverPort();
        m_server.reset(); // nothing listens there now
        Outbox::Options patient = options();
        patient.retry.maxAttempts = 10;
        patient.retry.baseDelayMs = 100;
        m_outbox = makeOutbox(*m_worker, *m_client, patient);
        const Outbox::QueueOutcome queued = queue(QStringLiteral("are you there?"));
        m_outbox->start();
        QVERIFY(QTest::qWaitFor(
            [&] { return resultsOf(queued.messageId).contains(Result::Retrying); }, kWaitMs));
        startServer(port);
        const auto sent = finalOf(queued.messageId);
        QVERIFY(sent);
        QCOMPARE(sent->result, Result::Sent);
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(attemptOutcomes(queued.messageId).last(), QStringLiteral("accepted"));
        QVERIFY(attemptOutcomes(queued.messageId).first() == QStringLiteral("not-sent"));
    }

    void queuedWhileClosedGoesOutOnStart()
    {
        // The app was closed: messages were queued and nothing ran.
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << queue(QStringLiteral("queued %1").arg(i)).messageId;
        m_outbox.reset();
        m_worker.reset();
        QTest::qWait(300);
        QCOMPARE(m_endpoint->records().size(), 0);

        // The app starts again.
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        m_outbox = makeOutbox(*m_worker, *m_client);
        m_outbox->start();
        for (const qint64 id : ids) {
            const auto sent = finalOf(id);
            QVERIFY(sent);
            QCOMPARE(sent->result, Result::Sent);
        }
        QTest::qWait(400);
        QCOMPARE(m_endpoint->records().size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(recordsWithText(QStringLiteral("queued %1").arg(i)), 1);
    }

    void aSendInterruptedByACrashBecomesUnconfirmed()
    {
        // A process claimed the message and died before it recorded anything.
        Outbox::Options shortLease = options();
        shortLease.leaseMs = 300;
        const Outbox::QueueOutcome queued = queue(QStringLiteral("interrupted"));
        {
            QSqlQuery query(db());
            QVERIFY(
                query.exec(QStringLiteral("UPDATE messages SET status = 'sending' WHERE id = %1")
                               .arg(queued.messageId)));
            QVERIFY(query.exec(QStringLiteral("UPDATE outbox SET claim_token = 'dead', "
                                              "lease_until = %1 WHERE message_id = %2")
                                   .arg(m_clock.nowMs() + 300)
                                   .arg(queued.messageId)));
        }
        m_outbox = makeOutbox(*m_worker, *m_client, shortLease);
        m_outbox->start();
        const auto unconfirmed = finalOf(queued.messageId);
        QVERIFY(unconfirmed);
        QCOMPARE(unconfirmed->result, Result::Unconfirmed);
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("unconfirmed"));
        QTest::qWait(400);
        QCOMPARE(m_endpoint->records().size(), 0);
    }

    void offlineWaitsThenSends()
    {
        m_outbox->setOnline(false);
        m_outbox->start();
        const Outbox::QueueOutcome queued = queue(QStringLiteral("when you are back"));
        QTest::qWait(600);
        QCOMPARE(m_endpoint->records().size(), 0);
        QCOMPARE(statusOf(queued.messageId), QStringLiteral("queued"));
        QVERIFY(resultsOf(queued.messageId).isEmpty());
        m_outbox->setOnline(true);
        const auto sent = finalOf(queued.messageId);
        QVERIFY(sent);
        QCOMPARE(sent->result, Result::Sent);
    }

    void keychainProblemsAreRefusedBeforeTheWire()
    {
        // No secret in the keychain at send time: WH-AUTH, said before the wire.
        m_secrets.entries.clear();
        const Outbox::QueueOutcome missing = queue(QStringLiteral("no secret"));
        QVERIFY(missing.ok()); // the number says it has one
        m_outbox->start();
        auto failed = finalOf(missing.messageId);
        QVERIFY(failed);
        QCOMPARE(failed->result, Result::RefusedLocally);
        QCOMPARE(failed->code, QStringLiteral("WH-AUTH"));
        QCOMPARE(attemptOutcomes(missing.messageId),
                 QStringList{QStringLiteral("refused-locally")});

        // No keychain at all: tried again, then refused with the keychain's words.
        m_secrets.failWith = SecretStore::Status::NoKeychain;
        const Outbox::QueueOutcome locked = queue(QStringLiteral("locked"));
        failed = finalOf(locked.messageId);
        QVERIFY(failed);
        QCOMPARE(failed->result, Result::RefusedLocally);
        QVERIFY(failed->meaning.contains(QStringLiteral("test keychain failure")));
        QCOMPARE(attemptOutcomes(locked.messageId).size(), 3);
        QCOMPARE(m_endpoint->records().size(), 0);
    }

    void planGuardRefusesBeforeTheWire()
    {
        PlanRepository plans(db(), m_clock);
        PlanRecord plan = *plans.find(m_planId);
        plan.monthlyLimit = 5;
        QVERIFY(plans.update(plan));
        m_outbox->start();
        for (int i = 1; i <= 5; ++i) {
            const Outbox::QueueOutcome queued = queue(QStringLiteral("n%1").arg(i));
            QVERIFY2(queued.ok(), qPrintable(queued.refusal));
            // 4 and 5 of 5 are at or above 80 %.
            QCOMPARE(queued.warning.isEmpty(), i < 4);
            QVERIFY(finalOf(queued.messageId));
        }
        const Outbox::QueueOutcome refused = queue(QStringLiteral("n6"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.refused());
        QCOMPARE(refused.refusal, QStringLiteral("WH-23-3"));
        QVERIFY(refused.meaning.contains(QStringLiteral("billing cycle")));
        QCOMPARE(refused.usage.used, qint64(5));
        QTest::qWait(300);
        QCOMPARE(recordsWithText(QStringLiteral("n6")), 0);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), qint64(5));

        // What was typed is refused before anything is stored.
        const Outbox::QueueOutcome badNumber = queue(QStringLiteral("x"), QStringLiteral("555-12"));
        QVERIFY(badNumber.refused());
        QVERIFY(badNumber.fieldErrors.contains(OutboundDraft::Field::To));
        QCOMPARE(m_temp->count(QStringLiteral("messages")), qint64(5));
    }

    void twoWorkersSendEachMessageOnce()
    {
        // Two processes on one database: each has its own connection (worker) and claims
        // with a conditional UPDATE; the endpoint answers slowly enough for both to be busy.
        constexpr int kMessages = 40;
        QList<qint64> ids;
        for (int i = 0; i < kMessages; ++i)
            ids << queue(QStringLiteral("once %1").arg(i)).messageId;
        m_endpoint->setDelayMs(15);
        auto otherWorker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY(otherWorker->isReady());
        OnCloudOutboundClient otherClient(m_network, m_clock);
        otherClient.setBase(base());
        std::unique_ptr<Outbox> other = makeOutbox(*otherWorker, otherClient);
        QHash<Outbox*, int> sentBy;
        for (Outbox* outbox : {m_outbox.get(), other.get()}) {
            connect(outbox, &Outbox::updated, this, [&sentBy, outbox](const OutboxUpdate& u) {
                if (u.result == Result::Sent)
                    ++sentBy[outbox];
            });
        }
        m_outbox->start();
        other->start();
        for (const qint64 id : ids) {
            const auto sent = finalOf(id);
            QVERIFY(sent);
            QCOMPARE(sent->result, Result::Sent);
        }
        QTest::qWait(500);
        QCOMPARE(m_endpoint->records().size(), kMessages);
        for (int i = 0; i < kMessages; ++i)
            QCOMPARE(recordsWithText(QStringLiteral("once %1").arg(i)), 1);
        QCOMPARE(m_temp->count(QStringLiteral("outbound_attempts")), qint64(kMessages));
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("status = 'sent'")),
                 qint64(kMessages));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT COUNT(DISTINCT provider_message_id) FROM "
                                             "messages"))
                     .toLongLong(),
                 qint64(kMessages));
        QCOMPARE(sentBy.value(m_outbox.get()) + sentBy.value(other.get()), kMessages);
        qInfo("worker A sent %d, worker B sent %d", sentBy.value(m_outbox.get()),
              sentBy.value(other.get()));
        m_outbox->stop();
        other->stop();
        other.reset();
        otherWorker.reset();
    }

    void stopFinishesWhatIsInFlight()
    {
        Outbox::Options one = options();
        one.maxInFlight = 1;
        m_outbox = makeOutbox(*m_worker, *m_client, one);
        m_endpoint->setDelayMs(500);
        const Outbox::QueueOutcome first = queue(QStringLiteral("in flight"));
        m_outbox->start();
        QVERIFY(QTest::qWaitFor([&] { return m_endpoint->records().size() == 1; }, kWaitMs));
        const Outbox::QueueOutcome second = queue(QStringLiteral("after stop"));
        QSignalSpy idle(m_outbox.get(), &Outbox::idle);
        m_outbox->stop();
        QVERIFY(!m_outbox->isIdle());
        QVERIFY(idle.wait(kWaitMs));
        QCOMPARE(statusOf(first.messageId), QStringLiteral("sent"));
        QCOMPARE(statusOf(second.messageId), QStringLiteral("queued"));
        QCOMPARE(m_endpoint->records().size(), 1);
    }
};

// The store's files are SQLite's: these cases have no "postgres" row.
class TestOutboxOnSqlite : public OutboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(test::StoreFixture::Rows::SqliteOnly); }

    void theSecretIsNowhereInTheStore()
    {
        m_outbox->start();
        QVERIFY(finalOf(queue(QStringLiteral("ok")).messageId));
        QVERIFY(finalOf(queue(QStringLiteral("[WH-AUTH] refused")).messageId));
        m_endpoint->setFault(OutboundEndpoint::Fault::DropAfterRead, 1);
        QVERIFY(finalOf(queue(QStringLiteral("dropped")).messageId));
        m_outbox.reset();
        m_worker.reset();
        const QByteArray secret = kSecret.toUtf8();
        int scanned = 0;
        QDirIterator it(m_temp->dirPath(), QDir::Files | QDir::Hidden);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
            ++scanned;
        }
        QVERIFY(scanned >= 1);
        for (const OutboxUpdate& update : std::as_const(m_updates)) {
            QVERIFY(!update.detail.contains(kSecret));
            QVERIFY(!update.meaning.contains(kSecret));
        }
    }
};

SMSDESK_TEST_GUILESS_MAIN(TestOutbox, TestOutboxOnSqlite)
#include "TestOutbox.moc"
