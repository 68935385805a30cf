// Auto-replies end to end: a ListenerService (real sockets, writer, DatabaseWorker) whose numbers
// have AutoReplyRules in the store (SQLite and PostgreSQL) answers onCloud webhooks with the
// synchronous reply, stores it in the thread, counts it against the plan, refuses it as the plan
// guard does (the reason in the request log) and gives a retry the original answer.

#include "FakeClock.h"
#include "HttpTestClient.h"
#include "MemorySecretStore.h"
#include "StoreFixture.h"
#include "listener/ListenerService.h"
#include "outbound/PlanUsageReader.h"
#include "rules/AutoReplyRepository.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace smsdesk;
using test::HttpTestResponse;

namespace {

const QString kDid = QStringLiteral("+14045559999");
const QString kPbxDid = QStringLiteral("+61299999999");
const QString kRemote = QStringLiteral("+17705551234");
const QString kHoursReply = QStringLiteral("We are open Monday to Friday, 9 to 5.");
const QString kHoursMedia = QStringLiteral("https://example.com/hours.png");
const QString kClosedReply = QStringLiteral("We are closed now; we answer on Monday.");
// 2026-02-13 is a Friday: 14:30 in New York is within the hours, Saturday is not.
const QString kFridayAfternoon = QStringLiteral("2026-02-13T14:30:00-05:00");
const QString kSaturday = QStringLiteral("2026-02-14T11:00:00-05:00");

QByteArray onCloudBody(const QString& text, const QString& timestamp = kFridayAfternoon)
{
    const QJsonObject object{{QStringLiteral("event"), QStringLiteral("sms.inbound")},
                             {QStringLiteral("from"), kRemote},
                             {QStringLiteral("to"), kDid},
                             {QStringLiteral("text"), text},
                             {QStringLiteral("media"), QJsonArray()},
                             {QStringLiteral("timestamp"), timestamp}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

AutoReplyRules frontDeskRules()
{
    AutoReplyRules rules;
    rules.keywordRules.append({QStringLiteral("hours"), kHoursReply, {kHoursMedia}});
    rules.keywordRules.append({QStringLiteral("test"), QStringLiteral("Test received"), {}});
    rules.outOfHoursEnabled = true;
    QString error;
    WeeklySchedule hours;
    if (!WeeklySchedule::parse(QStringLiteral("mon-fri 09:00-17:00"), &hours, &error))
        qFatal("%s", qPrintable(error));
    hours.setTimeZone(QTimeZone("America/New_York"));
    rules.businessHours = hours;
    rules.outOfHoursReply = kClosedReply;
    return rules;
}

} // namespace

class TestAutoReplies : public QObject
{
    Q_OBJECT

    test::FakeClock m_clock;
    test::MemorySecretStore m_secrets;
    test::StoreFixture m_temp;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<ListenerService> m_service;
    std::unique_ptr<test::HttpTestClient> m_client;
    QList<ListenerEvent> m_events;
    NumberRecord m_number;
    qint64 m_planId = 0;

    QSqlDatabase db() const { return m_temp.connection(); }

    void saveRules(qint64 numberId, const AutoReplyRules& rules)
    {
        AutoReplyRepository repository(db());
        QVERIFY2(repository.save(numberId, rules, m_clock.nowMs()),
                 qPrintable(repository.lastError()));
    }

    void start()
    {
        m_service = std::make_unique<ListenerService>(*m_writer, *m_worker, m_secrets, m_clock,
                                                      ListenerService::Options());
        connect(m_service.get(), &ListenerService::requestHandled, this,
                [this](const ListenerEvent& event) { m_events.append(event); });
        QSignalSpy ready(m_service.get(), &ListenerService::ready);
        QString error;
        QVERIFY2(m_service->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(ready.wait());
        m_client = std::make_unique<test::HttpTestClient>(m_service->port());
    }

    HttpTestResponse post(const QByteArray& path, const QByteArray& body,
                          const QByteArray& type = "application/json")
    {
        const int before = int(m_events.size());
        m_client->send(test::HttpTestClient::post(path, body, type));
        const std::optional<HttpTestResponse> response = m_client->response();
        if (!response)
            return {};
        // The live event follows the answer: wait for it, so the log row id is known.
        if (!QTest::qWaitFor([&] { return m_events.size() > before; }, 5000))
            qWarning("no live event for the request");
        return *response;
    }

    // The request log's reason for the last request, once the listener completed its row
    // (the completion rides with the writer's next batch).
    QString lastReason()
    {
        const qint64 id = m_events.constLast().requestLogId;
        if (id <= 0)
            return QStringLiteral("(no log row)");
        const QString status =
            QStringLiteral("SELECT response_status FROM request_log WHERE id = ?");
        for (int i = 0; i < 250 && m_temp->scalar(status, {id}).isNull(); ++i)
            QTest::qWait(20);
        if (m_temp->scalar(status, {id}).isNull())
            return QStringLiteral("(the row was never completed)");
        return m_temp->scalar(QStringLiteral("SELECT reason FROM request_log WHERE id = ?"), {id})
            .toString();
    }

    qint64 outboundCount()
    {
        return m_temp->count(QStringLiteral("messages"), QStringLiteral("direction = 'outbound'"));
    }

    qint64 planUsed()
    {
        const PlanUsageReader reader(db(), m_clock, QTimeZone::systemTimeZone());
        const std::optional<PlanUsage> usage = reader.forNumber(m_number.id);
        return usage ? usage->used : -1;
    }

    void setPlan(int limit, bool active, bool outboundIncluded)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("UPDATE plans SET monthly_limit = ?, active = ?, "
                                     "outbound_included = ? WHERE id = ?"));
        query.addBindValue(limit);
        query.addBindValue(active ? 1 : 0);
        query.addBindValue(outboundIncluded ? 1 : 0);
        query.addBindValue(m_planId);
        QVERIFY(query.exec());
        query.finish();
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = 100;
        PlanRepository plans(db(), m_clock);
        QVERIFY2(plans.insert(plan), qPrintable(plans.lastError()));
        m_planId = plan.id;

        // No webhook secret: a synchronous reply needs none (it rides in the response).
        m_number = NumberRecord();
        m_number.e164 = kDid;
        m_number.provider = QStringLiteral("oncloud");
        m_number.planId = plan.id;
        NumberRepository numbers(db(), m_clock);
        QVERIFY2(numbers.insert(m_number), qPrintable(numbers.lastError()));
        saveRules(m_number.id, frontDeskRules());

        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY(m_worker->isReady());
        m_writer = std::make_unique<MessageWriter>(m_temp->database(), m_clock);
        m_events.clear();
    }

    void cleanup()
    {
        m_client.reset();
        m_service.reset();
        m_writer.reset();
        m_worker.reset();
        m_temp.close();
    }

    // A keyword answers in the response as onCloud's JSON; the reply joins the thread as an
    // outbound message that the plan counts; a retry gets the same bytes and no second reply.
    void keywordReplyIsStoredCountedAndRepeatedForARetry()
    {
        start();
        QCOMPARE(planUsed(), 0);
        const QByteArray body = onCloudBody(QStringLiteral("What are your Hours?"));
        const HttpTestResponse first = post("/webhooks/oncloud", body);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject reply = QJsonDocument::fromJson(first.body).object();
        QCOMPARE(reply.value(QStringLiteral("reply")).toString(), kHoursReply);
        QCOMPARE(reply.value(QStringLiteral("media")).toArray(), QJsonArray{kHoursMedia});
        QVERIFY2(lastReason().contains(QLatin1String("auto-reply (keyword \"hours\")")),
                 qPrintable(lastReason()));

        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral("SELECT did, remote, text, status, number_id FROM "
                                          "messages WHERE direction = 'outbound'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), kDid);
        QCOMPARE(query.value(1).toString(), kRemote);
        QCOMPARE(query.value(2).toString(), kHoursReply);
        QCOMPARE(query.value(3).toString(), QStringLiteral("sent"));
        QCOMPARE(query.value(4).toLongLong(), m_number.id);
        QVERIFY(!query.next());
        query.finish();
        QCOMPARE(planUsed(), 1);

        const HttpTestResponse retry = post("/webhooks/oncloud", body);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(m_events.constLast().outcome, ListenerEvent::duplicate());
        QCOMPARE(outboundCount(), 1);
        QCOMPARE(planUsed(), 1);
    }

    // Out of the business hours (in the schedule's zone, at the message's time): the
    // out-of-hours reply; within them and without a keyword: no reply, nothing stored.
    void outOfHoursAndNoMatch()
    {
        start();
        const HttpTestResponse closed =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("Anyone there?"), kSaturday));
        QCOMPARE(closed.status, 200);
        QCOMPARE(QJsonDocument::fromJson(closed.body).object().value(QStringLiteral("reply")),
                 QJsonValue(kClosedReply));
        QVERIFY(!QJsonDocument::fromJson(closed.body).object().contains(QStringLiteral("media")));
        QVERIFY2(lastReason().contains(QLatin1String("out of hours")), qPrintable(lastReason()));

        const HttpTestResponse open =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("Anyone there?")));
        QCOMPARE(open.status, 200);
        QVERIFY2(open.body.isEmpty(), open.body.constData());
        QVERIFY2(lastReason().isEmpty(), qPrintable(lastReason()));
        QCOMPARE(outboundCount(), 1);

        // A keyword inside another word is none; STOP is the carrier's, never answered.
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("office-hoursly")))
                    .body.isEmpty());
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("STOP"), kSaturday))
                    .body.isEmpty());
        QCOMPARE(outboundCount(), 1);
    }

    // The plan guard as the outbox applies it: a used-up limit, an inactive plan, a plan
    // without outbound messages mean no reply, with the code in the request log.
    void planGuardRefusesWithTheReasonLogged()
    {
        setPlan(1, true, true);
        start();
        const HttpTestResponse allowed =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours 1")));
        QCOMPARE(QJsonDocument::fromJson(allowed.body).object().value(QStringLiteral("reply")),
                 QJsonValue(kHoursReply));
        QCOMPARE(planUsed(), 1);

        const HttpTestResponse atLimit =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours 2")));
        QCOMPARE(atLimit.status, 200);
        QVERIFY2(atLimit.body.isEmpty(), atLimit.body.constData());
        QString reason = lastReason();
        QVERIFY2(reason.contains(QLatin1String("no auto-reply (keyword \"hours\")")) &&
                     reason.contains(QLatin1String("WH-23-3")),
                 qPrintable(reason));
        QCOMPARE(m_events.constLast().outcome, ListenerEvent::accepted());
        QCOMPARE(outboundCount(), 1);

        setPlan(100, false, true);
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours 3"))).body.isEmpty());
        reason = lastReason();
        QVERIFY2(reason.contains(QLatin1String("WH-23-2")), qPrintable(reason));

        setPlan(100, true, false);
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours 4"))).body.isEmpty());
        reason = lastReason();
        QVERIFY2(reason.contains(QLatin1String("WH-23-4")), qPrintable(reason));
        QCOMPARE(outboundCount(), 1);

        // A refused reply's retry is answered the same way: without one.
        setPlan(100, true, true);
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours 4"))).body.isEmpty());
        QCOMPARE(outboundCount(), 1);
    }

    // Rules are read with the numbers: edited rules apply once the numbers are reloaded;
    // removed ones answer nothing.
    void editedRulesApplyAfterAReload()
    {
        saveRules(m_number.id, AutoReplyRules());
        start();
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours?"))).body.isEmpty());

        AutoReplyRules rules;
        rules.keywordRules.append({QStringLiteral("hours"), QStringLiteral("Nine to five"), {}});
        saveRules(m_number.id, rules);
        QSignalSpy loaded(m_service.get(), &ListenerService::numbersLoaded);
        m_service->reloadNumbers();
        QVERIFY(loaded.wait());
        const HttpTestResponse reply =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours, please")));
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("reply")),
                 QJsonValue(QStringLiteral("Nine to five")));

        saveRules(m_number.id, AutoReplyRules());
        m_service->reloadNumbers();
        QVERIFY(loaded.wait());
        QVERIFY(
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours again"))).body.isEmpty());
        QCOMPARE(outboundCount(), 1);
    }

    // Only onCloud's wire format has a synchronous reply: a PBX number with rules is never
    // answered with one.
    void otherProvidersAreNotAsked()
    {
        NumberRecord pbx;
        pbx.e164 = kPbxDid;
        pbx.provider = QStringLiteral("pbx");
        NumberRepository numbers(db(), m_clock);
        QVERIFY2(numbers.insert(pbx), qPrintable(numbers.lastError()));
        saveRules(pbx.id, frontDeskRules());
        start();
        const HttpTestResponse response =
            post("/webhooks/pbx",
                 "service_id=100234&from=61412345678&sms_number=61299999999&body=Test%20Message"
                 "&message_id=297abf7f-99d9-4b7d-9c46-1d7c13687b11&timestamp=1576391654",
                 "application/x-www-form-urlencoded");
        QCOMPARE(response.status, 200);
        QVERIFY2(!response.body.contains("reply"), response.body.constData());
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(outboundCount(), 0);
    }

    // A sender who texted STOP gets no auto-reply (the outbox refuses them too), with the
    // reason in the request log, until they text START.
    void optedOutSendersAreNotAnswered()
    {
        start();
        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("STOP"))).body.isEmpty());
        const HttpTestResponse stopped =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("What are your hours?")));
        QCOMPARE(stopped.status, 200);
        QVERIFY2(stopped.body.isEmpty(), stopped.body.constData());
        const QString reason = lastReason();
        QVERIFY2(reason.contains(QLatin1String("no auto-reply (keyword \"hours\")")) &&
                     reason.contains(QLatin1String("opted out")),
                 qPrintable(reason));
        QCOMPARE(outboundCount(), 0);

        QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("START"))).body.isEmpty());
        const HttpTestResponse back =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("Hours today?")));
        QCOMPARE(QJsonDocument::fromJson(back.body).object().value(QStringLiteral("reply")),
                 QJsonValue(kHoursReply));
        QCOMPARE(outboundCount(), 1);
    }

    // What a reply adds to the answer's latency: the plan usage read on the DatabaseWorker and
    // the reply's own commit, against a webhook no rule answers. Far within the deadline.
    void measuresTheAddedLatency()
    {
        start();
        constexpr int Rounds = 15;
        QList<qint64> quiet;
        QList<qint64> replied;
        for (int i = 0; i < Rounds; ++i) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(post("/webhooks/oncloud", onCloudBody(QStringLiteral("hello %1").arg(i)))
                        .body.isEmpty());
            quiet.append(timer.nsecsElapsed() / 1000);
            timer.restart();
            QVERIFY(!post("/webhooks/oncloud", onCloudBody(QStringLiteral("hours %1").arg(i)))
                         .body.isEmpty());
            replied.append(timer.nsecsElapsed() / 1000);
        }
        std::sort(quiet.begin(), quiet.end());
        std::sort(replied.begin(), replied.end());
        const qint64 quietMedian = quiet.at(Rounds / 2);
        const qint64 repliedMedian = replied.at(Rounds / 2);
        qInfo("median answer: %lld us without a reply, %lld us with one (+%lld us); worst with "
              "one %lld us",
              quietMedian, repliedMedian, repliedMedian - quietMedian, replied.constLast());
        QVERIFY(replied.constLast() < WebhookListener::Options::DefaultReplyDeadlineMs * 1000LL);
        QCOMPARE(outboundCount(), Rounds);
    }
};

QTEST_GUILESS_MAIN(TestAutoReplies)
#include "TestAutoReplies.moc"
