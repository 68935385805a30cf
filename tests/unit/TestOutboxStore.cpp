// The outbox in the store and the plan usage it is guarded by, on real stores: SQLite files in
// a temporary folder, and PostgreSQL when SMSDESK_TEST_PG names a server. The clock is a
// FakeClock, so billing cycles are crossed without waiting; the zone is New York, so the cycle
// changes at local midnight, not at midnight UTC.

#include "FakeClock.h"
#include "TempDatabase.h"
#include "outbound/OutboxStore.h"
#include "outbound/PlanUsageReader.h"
#include "store/MessageTimelineReader.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace smsdesk;
using Backend = DatabaseConfig::Backend;
using Kind = OutboxStore::Transition::Kind;

namespace {

const QTimeZone kNewYork("America/New_York");
const QString kDid = QStringLiteral("+14045559999");
const QString kRemote = QStringLiteral("+17705551234");

QDateTime newYork(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), kNewYork).toUTC();
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{newYork(2026, 2, 13, 14, 30)};
    qint64 m_numberId = 0;
    qint64 m_planId = 0;

    QSqlDatabase db() { return m_temp->database().connection(); }
    OutboxStore store() { return OutboxStore(db(), m_clock, kNewYork); }

    // A plan and an onCloud number on it, with a secret.
    void provision(int limit, int cycleDay, bool active = true, bool outbound = true,
                   bool hasSecret = true)
    {
        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = limit;
        plan.cycleDay = cycleDay;
        plan.active = active;
        plan.outboundIncluded = outbound;
        PlanRepository plans(db(), m_clock);
        QVERIFY2(plans.insert(plan), qPrintable(plans.lastError()));
        m_planId = plan.id;
        NumberRecord number;
        number.e164 = kDid;
        number.provider = QStringLiteral("oncloud");
        number.planId = plan.id;
        number.hasSecret = hasSecret;
        NumberRepository numbers(db(), m_clock);
        QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        m_numberId = number.id;
    }

    void updatePlan(const std::function<void(PlanRecord&)>& change)
    {
        PlanRepository plans(db(), m_clock);
        PlanRecord plan = *plans.find(m_planId);
        change(plan);
        QVERIFY2(plans.update(plan), qPrintable(plans.lastError()));
    }

    // A message as something else stored it (an automatic reply, an earlier send, an inbound).
    void insertMessage(const QDateTime& at, const QString& direction, const QString& status,
                       const QString& providerId = QString(), const QString& did = kDid)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, status, provider_message_id, "
            "received_at) VALUES (?, 'oncloud', ?, ?, ?, ?, ?)"));
        for (const QVariant& value :
             QVariantList{direction, did, kRemote, status,
                          providerId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                               : QVariant(providerId),
                          at.toMSecsSinceEpoch()})
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    PlanUsage usage()
    {
        const PlanUsageReader reader(db(), m_clock, kNewYork);
        const std::optional<PlanUsage> usage = reader.forNumber(m_numberId);
        if (!usage)
            qWarning("usage: %s", qPrintable(reader.lastError()));
        return usage.value_or(PlanUsage());
    }

    QString statusOf(qint64 id)
    {
        return m_temp->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"), {id})
            .toString();
    }

private Q_SLOTS:
    void initTestCase_data() { test::TempDatabase::addBackendRows(); }
    void initTestCase() { QVERIFY(kNewYork.isValid()); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseConfig::Backend, backend);
        if (backend == Backend::Postgres && !test::TempDatabase::postgresAvailable())
            QSKIP(qPrintable(test::TempDatabase::skipReason()));
        m_temp = std::make_unique<test::TempDatabase>(backend);
        QString error;
        QVERIFY2(m_temp->open(&error), qPrintable(error));
        m_clock.set(newYork(2026, 2, 13, 14, 30));
    }

    void cleanup() { m_temp.reset(); }

    void usageCountsWhatTheProviderTookInTheCycle()
    {
        provision(100, 15);
        // Cycle: Jan 15 to Feb 15 (New York midnights).
        insertMessage(newYork(2026, 1, 15), QStringLiteral("outbound"), QStringLiteral("sent"),
                      QStringLiteral("c1")); // the first moment of the cycle
        insertMessage(newYork(2026, 1, 20), QStringLiteral("outbound"), QStringLiteral("delivered"),
                      QStringLiteral("c2"));
        insertMessage(newYork(2026, 1, 21), QStringLiteral("outbound"), QStringLiteral("queued"));
        insertMessage(newYork(2026, 1, 22), QStringLiteral("outbound"),
                      QStringLiteral("unconfirmed"));
        // A delivery failure after the provider took it counts; a refusal does not.
        insertMessage(newYork(2026, 1, 23), QStringLiteral("outbound"), QStringLiteral("failed"),
                      QStringLiteral("c3"));
        insertMessage(newYork(2026, 1, 24), QStringLiteral("outbound"), QStringLiteral("failed"));
        // Not this number's outbound messages in this cycle.
        insertMessage(newYork(2026, 1, 25), QStringLiteral("inbound"), QStringLiteral("received"));
        insertMessage(newYork(2026, 1, 26), QStringLiteral("outbound"), QStringLiteral("sent"),
                      QStringLiteral("c4"), QStringLiteral("+14045550000"));
        insertMessage(newYork(2026, 1, 15).addMSecs(-1), QStringLiteral("outbound"),
                      QStringLiteral("sent"), QStringLiteral("c5")); // the last cycle
        insertMessage(newYork(2026, 2, 15), QStringLiteral("outbound"), QStringLiteral("sent"),
                      QStringLiteral("c6")); // the next cycle

        PlanUsage now = usage();
        QVERIFY(now.hasPlan);
        QCOMPARE(now.planName, QStringLiteral("Basic"));
        QCOMPARE(now.limit, 100);
        QCOMPARE(now.used, qint64(5));
        QCOMPARE(now.startDate, QDate(2026, 1, 15));
        QCOMPARE(now.endDate, QDate(2026, 2, 15));
        QCOMPARE(now.cycleStart, newYork(2026, 1, 15));
        QCOMPARE(now.daysLeft, 2);

        // One millisecond before the boundary (local midnight, 05:00 UTC) and at it.
        m_clock.set(newYork(2026, 2, 15).addMSecs(-1));
        QCOMPARE(usage().used, qint64(5));
        QCOMPARE(usage().daysLeft, 1);
        m_clock.set(newYork(2026, 2, 15));
        now = usage();
        QCOMPARE(now.startDate, QDate(2026, 2, 15));
        QCOMPARE(now.used, qint64(1));
        QCOMPARE(now.daysLeft, 28);

        // Without a plan: not limited, nothing counted.
        NumberRepository numbers(db(), m_clock);
        NumberRecord number = *numbers.find(m_numberId);
        number.planId = 0;
        QVERIFY(numbers.update(number));
        QVERIFY(!usage().hasPlan);
    }

    void queueRefusesWhatTheProviderWould()
    {
        provision(3, 1);
        OutboxStore outbox = store();
        // Two sent this cycle already (one of them an automatic reply).
        insertMessage(newYork(2026, 2, 2), QStringLiteral("outbound"), QStringLiteral("sent"),
                      QStringLiteral("c1"));
        insertMessage(newYork(2026, 2, 3), QStringLiteral("outbound"), QStringLiteral("sent"),
                      QStringLiteral("auto-reply"));
        OutboxStore::QueueResult third = outbox.queue(m_numberId, kRemote, QStringLiteral("3"), {});
        QVERIFY2(third.ok(), qPrintable(third.error));
        QCOMPARE(third.usage.used, qint64(3));
        QCOMPARE(statusOf(third.messageId), QStringLiteral("queued"));
        QCOMPARE(m_temp->count(QStringLiteral("outbox"), QStringLiteral("message_id = ?"),
                               {third.messageId}),
                 qint64(1));

        OutboxStore::QueueResult fourth =
            outbox.queue(m_numberId, kRemote, QStringLiteral("4"), {});
        QVERIFY(!fourth.ok());
        QCOMPARE(fourth.refusal, QStringLiteral("WH-23-3"));
        QCOMPARE(fourth.usage.used, qint64(3));
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("text = '4'")),
                 qint64(0));

        // Across the billing-cycle boundary (cycle day 1, New York midnight) it may go again.
        m_clock.set(newYork(2026, 3, 1).addMSecs(-1));
        QCOMPARE(outbox.queue(m_numberId, kRemote, QStringLiteral("4"), {}).refusal,
                 QStringLiteral("WH-23-3"));
        m_clock.set(newYork(2026, 3, 1));
        const OutboxStore::QueueResult march =
            outbox.queue(m_numberId, kRemote, QStringLiteral("4"), {});
        QVERIFY2(march.ok(), qPrintable(march.refusal + march.error));
        QCOMPARE(march.usage.used, qint64(1));

        updatePlan([](PlanRecord& plan) { plan.outboundIncluded = false; });
        QCOMPARE(outbox.queue(m_numberId, kRemote, QStringLiteral("x"), {}).refusal,
                 QStringLiteral("WH-23-4"));
        updatePlan([](PlanRecord& plan) { plan.active = false; });
        QCOMPARE(outbox.queue(m_numberId, kRemote, QStringLiteral("x"), {}).refusal,
                 QStringLiteral("WH-23-2"));
        NumberRepository numbers(db(), m_clock);
        QVERIFY(numbers.setSecretFlags(m_numberId, false, false));
        QCOMPARE(outbox.queue(m_numberId, kRemote, QStringLiteral("x"), {}).refusal,
                 QStringLiteral("WH-AUTH"));
        QVERIFY(numbers.setSecretFlags(m_numberId, true, false));
        QVERIFY(numbers.setEnabled(m_numberId, false));
        const OutboxStore::QueueResult disabled =
            outbox.queue(m_numberId, kRemote, QStringLiteral("x"), {});
        QVERIFY(!disabled.ok());
        QVERIFY(disabled.refusal.isEmpty());
        QVERIFY(disabled.error.isEmpty());
        QVERIFY(disabled.refusalReason.contains(QStringLiteral("disabled")));
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("text = 'x'")),
                 qint64(0));
    }

    void queueStoresWhatWillBeSent()
    {
        provision(10, 1);
        OutboxStore outbox = store();
        const OutboxStore::QueueResult mms = outbox.queue(
            m_numberId, kRemote, QString(), QStringLiteral("https://example.com/a.jpg"));
        QVERIFY2(mms.ok(), qPrintable(mms.error + mms.refusal));
        QSqlQuery query(db());
        QVERIFY(query.exec(
            QStringLiteral(
                "SELECT direction, provider, number_id, did, remote, text, media, status, "
                "provider_message_id, received_at FROM messages WHERE id = %1")
                .arg(mms.messageId)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("outbound"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("oncloud"));
        QCOMPARE(query.value(2).toLongLong(), m_numberId);
        QCOMPARE(query.value(3).toString(), kDid);
        QCOMPARE(query.value(4).toString(), kRemote);
        QCOMPARE(query.value(5).toString(), QStringLiteral(""));
        QCOMPARE(query.value(6).toString(), QStringLiteral("[\"https://example.com/a.jpg\"]"));
        QCOMPARE(query.value(7).toString(), QStringLiteral("queued"));
        QVERIFY(query.value(8).isNull());
        QCOMPARE(query.value(9).toLongLong(), m_clock.nowMs());
    }

    void claimIsExclusiveAndFinishMovesTheMessage()
    {
        provision(10, 1);
        OutboxStore outbox = store();
        const qint64 first = outbox.queue(m_numberId, kRemote, QStringLiteral("one"), {}).messageId;
        const qint64 second = outbox
                                  .queue(m_numberId, kRemote, QStringLiteral("two"),
                                         QStringLiteral("https://example.com/b.png"))
                                  .messageId;
        QVERIFY(first > 0 && second > first);

        // Two processes: connections of their own.
        QString error;
        QSqlDatabase other = m_temp->database().openConnection(QStringLiteral("other"), &error);
        QVERIFY2(other.isValid(), qPrintable(error));
        const QString otherName = other.connectionName();
        {
            OutboxStore otherOutbox(other, m_clock, kNewYork);
            const auto a = outbox.claim(QStringLiteral("A"), 60000);
            const auto b = otherOutbox.claim(QStringLiteral("B"), 60000);
            const auto none = outbox.claim(QStringLiteral("A"), 60000);
            QVERIFY(a && b);
            QVERIFY(!none);
            QCOMPARE(a->messageId, first);
            QCOMPARE(b->messageId, second);
            QCOMPARE(a->attempt, 1);
            QCOMPARE(a->did, kDid);
            QCOMPARE(a->remote, kRemote);
            QCOMPARE(b->mediaUrl, QStringLiteral("https://example.com/b.png"));
            QVERIFY(a->refusal.isEmpty() && a->refusalReason.isEmpty());
            QCOMPARE(statusOf(first), QStringLiteral("sending"));

            OutboxStore::Attempt attempt;
            attempt.startedAtMs = m_clock.nowMs();
            attempt.latencyMs = 35;
            attempt.url = QStringLiteral("http://127.0.0.1:1/webhook-to-sms.php");
            attempt.httpStatus = 200;
            attempt.outcome = QStringLiteral("accepted");
            attempt.answer = QStringLiteral("{\"status\":\"success\"}");
            OutboxStore::Transition sent;
            sent.kind = Kind::Sent;
            sent.carrierId = QStringLiteral("bw-msg-1");
            QVERIFY2(outbox.finish(*a, attempt, sent), qPrintable(outbox.lastError()));
            QCOMPARE(statusOf(first), QStringLiteral("sent"));
            // The worker's queries read the pending rows only: the sent one is not among them.
            QCOMPARE(m_temp->count(QStringLiteral("outbox"), QStringLiteral("pending = 1")),
                     qint64(1));
            QCOMPARE(m_temp
                         ->scalar(QStringLiteral("SELECT provider_message_id FROM messages "
                                                 "WHERE id = ?"),
                                  {first})
                         .toString(),
                     QStringLiteral("bw-msg-1"));

            // A transient failure: queued again, due later; only then claimable again.
            attempt.httpStatus = 503;
            attempt.outcome = QStringLiteral("http-error");
            OutboxStore::Transition retry;
            retry.kind = Kind::Retry;
            retry.reason = QStringLiteral("HTTP 503");
            retry.nextAttemptAtMs = m_clock.nowMs() + 2000;
            QVERIFY(otherOutbox.finish(*b, attempt, retry));
            QCOMPARE(statusOf(second), QStringLiteral("queued"));
            QCOMPARE(outbox.nextDueMs(), std::optional<qint64>(m_clock.nowMs() + 2000));
            QVERIFY(!outbox.claim(QStringLiteral("A"), 60000));
            m_clock.advanceMs(2000);
            const auto again = outbox.claim(QStringLiteral("A"), 60000);
            QVERIFY(again);
            QCOMPARE(again->messageId, second);
            QCOMPARE(again->attempt, 2);

            // No answer after sending: unconfirmed, never claimed again by itself.
            attempt.httpStatus = 0;
            attempt.outcome = QStringLiteral("no-answer");
            OutboxStore::Transition unconfirmed;
            unconfirmed.kind = Kind::Unconfirmed;
            unconfirmed.reason = QStringLiteral("no answer within 30000 ms");
            QVERIFY(outbox.finish(*again, attempt, unconfirmed));
            QCOMPARE(statusOf(second), QStringLiteral("unconfirmed"));
            m_clock.advanceMs(3600000);
            QVERIFY(!otherOutbox.claim(QStringLiteral("B"), 60000));
            const auto state = outbox.state(second);
            QVERIFY(state);
            QCOMPARE(state->lastError, QStringLiteral("no answer within 30000 ms"));
            QVERIFY(state->isFinal());

            // The user: mark failed; resend (a new round).
            QVERIFY(!outbox.markFailed(first, QStringLiteral("no"))); // sent: not unconfirmed
            QVERIFY(outbox.markFailed(second, QStringLiteral("the customer never got it")));
            QCOMPARE(statusOf(second), QStringLiteral("failed"));
            QCOMPARE(m_temp->count(QStringLiteral("outbox"), QStringLiteral("pending = 1")),
                     qint64(0));
            QVERIFY(outbox.resend(second));
            QCOMPARE(statusOf(second), QStringLiteral("queued"));
            QCOMPARE(m_temp->count(QStringLiteral("outbox"), QStringLiteral("pending = 1")),
                     qint64(1));
            const auto resent = otherOutbox.claim(QStringLiteral("B"), 60000);
            QVERIFY(resent);
            QCOMPARE(resent->attempt, 1);
            QVERIFY(!outbox.resend(first)); // sent
        }
        other = QSqlDatabase();
        Database::closeConnection(otherName);

        // Every attempt is kept, numbered, and the timeline shows them.
        QCOMPARE(m_temp->count(QStringLiteral("outbound_attempts"),
                               QStringLiteral("message_id = ?"), {second}),
                 qint64(2));
        const MessageTimelineReader reader(db());
        const std::optional<MessageTimeline> timeline = reader.forMessage(second);
        QVERIFY(timeline);
        QCOMPARE(timeline->totalAttempts, qint64(2));
        QList<MessageTimeline::Event> attempts;
        for (const MessageTimeline::Event& event : timeline->events) {
            if (event.kind == MessageTimeline::Event::Kind::SendAttempt)
                attempts.append(event);
        }
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).attempt, 1);
        QCOMPARE(attempts.at(0).responseStatus, 503);
        QCOMPARE(attempts.at(0).label, QStringLiteral("http-error"));
        QCOMPARE(attempts.at(0).latencyUs, qint64(35000));
        QCOMPARE(attempts.at(1).attempt, 2);
        QCOMPARE(attempts.at(1).label, QStringLiteral("no-answer"));
        QCOMPARE(attempts.at(1).responseStatus, 0);
        QCOMPARE(timeline->events.first().kind, MessageTimeline::Event::Kind::Sent);
        const auto sentTimeline = reader.forMessage(first);
        QVERIFY(sentTimeline);
        QCOMPARE(sentTimeline->providerMessageId, QStringLiteral("bw-msg-1"));
        QCOMPARE(sentTimeline->events.last().answer, QStringLiteral("{\"status\":\"success\"}"));
        QCOMPARE(sentTimeline->events.last().url,
                 QStringLiteral("http://127.0.0.1:1/webhook-to-sms.php"));
    }

    void claimChecksThePlanAgain()
    {
        provision(10, 1);
        OutboxStore outbox = store();
        const qint64 id = outbox.queue(m_numberId, kRemote, QStringLiteral("hi"), {}).messageId;
        QVERIFY(id > 0);
        // The plan was switched off after the message was queued.
        updatePlan([](PlanRecord& plan) { plan.active = false; });
        const auto claim = outbox.claim(QStringLiteral("A"), 60000);
        QVERIFY(claim);
        QCOMPARE(claim->refusal, QStringLiteral("WH-23-2"));
        // The message itself does not count against the limit it is checked against.
        updatePlan([](PlanRecord& plan) {
            plan.active = true;
            plan.monthlyLimit = 1;
        });
        OutboxStore::Transition retry;
        retry.kind = Kind::Retry;
        retry.nextAttemptAtMs = m_clock.nowMs();
        OutboxStore::Attempt attempt;
        attempt.outcome = QStringLiteral("not-sent");
        QVERIFY(outbox.finish(*claim, attempt, retry));
        const auto again = outbox.claim(QStringLiteral("A"), 60000);
        QVERIFY(again);
        QVERIFY2(again->refusal.isEmpty(), qPrintable(again->refusal));
    }

    void leaseRunsOutIntoUnconfirmed()
    {
        provision(10, 1);
        OutboxStore outbox = store();
        const qint64 id = outbox.queue(m_numberId, kRemote, QStringLiteral("hi"), {}).messageId;
        const auto claim = outbox.claim(QStringLiteral("gone"), 60000);
        QVERIFY(claim);
        // The process that claimed it died; within the lease nothing happens.
        m_clock.advanceMs(59000);
        QVERIFY(outbox.expireLeases().isEmpty());
        QCOMPARE(statusOf(id), QStringLiteral("sending"));
        m_clock.advanceMs(2000);
        QCOMPARE(outbox.expireLeases(), QList<qint64>{id});
        QCOMPARE(statusOf(id), QStringLiteral("unconfirmed"));
        QVERIFY(outbox.expireLeases().isEmpty());
        QVERIFY(!outbox.claim(QStringLiteral("A"), 60000));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM outbound_attempts WHERE "
                                             "message_id = ?"),
                              {id})
                     .toString(),
                 QStringLiteral("interrupted"));
        // Its late result still records the carrier id: the provider did take it.
        OutboxStore::Transition sent;
        sent.kind = Kind::Sent;
        sent.carrierId = QStringLiteral("bw-late");
        OutboxStore::Attempt attempt;
        attempt.outcome = QStringLiteral("accepted");
        QVERIFY(outbox.finish(*claim, attempt, sent));
        QCOMPARE(statusOf(id), QStringLiteral("sent"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "TestOutboxStore.moc"
