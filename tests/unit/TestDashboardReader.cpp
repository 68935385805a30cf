// DashboardReader on a real store, SQLite and PostgreSQL: messages counted by day and by each
// number's billing cycle, plan usage with its forecast, the unresolved failures by cause as the
// Failures page counts them (FailureReader); rows outside the windows are not counted.

#include "FakeClock.h"
#include "StoreFixture.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "support/DashboardReader.h"
#include "support/FailureResolutions.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;

namespace {

const QTimeZone kNewYork("America/New_York");
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

class TestDashboardReader : public QObject
{
    Q_OBJECT

    test::StoreFixture m_store;
    // 2026-02-13 19:30 UTC: 14:30 in New York, the 13th.
    test::FakeClock m_clock;

    qint64 now() const { return m_clock.nowMs(); }

    qint64 addNumber(const QString& e164, qint64 planId, bool enabled = true)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = QStringLiteral("oncloud");
        number.planId = planId;
        number.enabled = enabled;
        NumberRepository numbers(m_store.connection(), m_clock);
        if (!numbers.insert(number))
            qWarning("insert: %s", qPrintable(numbers.lastError()));
        return number.id;
    }

    qint64 message(const QString& direction, const QString& did, qint64 at,
                   const QString& status = QStringLiteral("sent"), const QString& code = {},
                   const QString& providerId = QStringLiteral("p"))
    {
        static int sequence = 0;
        QSqlQuery query(m_store.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, status, error_code, "
            "provider_message_id, received_at, dedupe_key) VALUES (?, 'oncloud', ?, "
            "'+17705550000', ?, ?, ?, ?, ?)"));
        query.addBindValue(direction);
        query.addBindValue(did);
        query.addBindValue(status);
        query.addBindValue(code.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : code);
        query.addBindValue(providerId.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                : providerId + QString::number(++sequence));
        query.addBindValue(at);
        query.addBindValue(QStringLiteral("k%1").arg(++sequence));
        if (!query.exec()) {
            qWarning("message: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        return query.lastInsertId().toLongLong();
    }

    // A send through the outbox, as the Failures page finds it: its message and outbox row.
    void send(const QString& did, qint64 at, const QString& status, const QString& code = {})
    {
        const qint64 id = message(QStringLiteral("outbound"), did, at, status, code);
        QVERIFY(id > 0);
        QSqlQuery query(m_store.connection());
        query.prepare(QStringLiteral("INSERT INTO outbox (message_id, pending, attempts, "
                                     "next_attempt_at, created_at) VALUES (?, 0, 1, ?, ?)"));
        query.addBindValue(id);
        query.addBindValue(at);
        query.addBindValue(at);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    qint64 request(const QString& outcome, qint64 at)
    {
        QSqlQuery query(m_store.connection());
        query.prepare(
            QStringLiteral("INSERT INTO request_log (received_at, outcome) VALUES (?, ?)"));
        query.addBindValue(at);
        query.addBindValue(outcome);
        if (!query.exec()) {
            qWarning("request: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        return query.lastInsertId().toLongLong();
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }
    void initTestCase() { QVERIFY(kNewYork.isValid()); }

    void init()
    {
        if (!m_store.open())
            return;
    }

    void cleanup() { m_store.close(); }

    void countsMessagesByDayAndCycle()
    {
        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = 10;
        plan.cycleDay = 10; // this cycle: Feb 10 - Mar 10, New York time
        PlanRepository plans(m_store.connection(), m_clock);
        QVERIFY(plans.insert(plan));
        const QString front = QStringLiteral("+14045550101");
        const QString sales = QStringLiteral("+14045550102");
        addNumber(front, plan.id);
        addNumber(sales, 0);
        addNumber(QStringLiteral("+14045550103"), 0, false); // disabled: not listed

        // Today (New York): 2 in, 3 out for front; 1 in for sales.
        message(QStringLiteral("inbound"), front, now() - kHourMs);
        message(QStringLiteral("inbound"), front, now() - 2 * kHourMs);
        message(QStringLiteral("inbound"), sales, now() - 3 * kHourMs);
        for (int i = 0; i < 3; ++i)
            message(QStringLiteral("outbound"), front, now() - (i + 1) * 60000);
        // Earlier in front's cycle (Feb 11): 1 out; a refusal that used nothing of the plan.
        message(QStringLiteral("outbound"), front, now() - 2 * kDayMs);
        message(QStringLiteral("outbound"), front, now() - 2 * kDayMs, QStringLiteral("failed"),
                QStringLiteral("WH-2"), QString());
        // Before front's cycle (Feb 8) but in sales's month: counted for sales only.
        message(QStringLiteral("outbound"), front, now() - 5 * kDayMs);
        message(QStringLiteral("outbound"), sales, now() - 5 * kDayMs);
        // Yesterday 23:30 New York (04:30 UTC today): not today.
        message(QStringLiteral("inbound"), sales, now() - 15 * kHourMs);

        const DashboardReader reader(m_store.connection(), m_clock, kNewYork);
        const std::optional<DashboardReader::Snapshot> snapshot = reader.read();
        QVERIFY2(snapshot, qPrintable(reader.lastError()));
        QCOMPARE(snapshot->inboundToday, qint64(3));
        QCOMPARE(snapshot->outboundToday, qint64(3));
        QCOMPARE(snapshot->numbers.size(), 2);
        const DashboardReader::NumberUsage& frontRow = snapshot->numbers.at(0);
        QCOMPARE(frontRow.number.e164, front);
        QVERIFY(frontRow.usage.hasPlan);
        QCOMPARE(frontRow.usage.used, qint64(4));
        QCOMPARE(frontRow.usage.daysLeft, 25);
        QCOMPARE(frontRow.inboundInCycle, qint64(2));
        QCOMPARE(frontRow.outboundInCycle, qint64(5));
        QCOMPARE(frontRow.forecast,
                 DashboardReader::forecast(4, frontRow.usage.cycleStart.toMSecsSinceEpoch(),
                                           frontRow.usage.cycleEnd.toMSecsSinceEpoch(), now()));
        QVERIFY(frontRow.forecast > 4);
        const DashboardReader::NumberUsage& salesRow = snapshot->numbers.at(1);
        QVERIFY(!salesRow.usage.hasPlan);
        QCOMPARE(salesRow.inboundInCycle, qint64(2));
        QCOMPARE(salesRow.outboundInCycle, qint64(1));
        QCOMPARE(snapshot->inboundInCycle, qint64(4));
        QCOMPARE(snapshot->outboundInCycle, qint64(6));
    }

    void countsUnresolvedFailuresAsTheFailuresPage()
    {
        const QString front = QStringLiteral("+14045550101");
        addNumber(front, 0);
        request(QStringLiteral("accepted"), now() - 1000);
        request(QStringLiteral("duplicate"), now() - 1000);
        request(QStringLiteral("refused-auth"), now() - 1000);
        request(QStringLiteral("refused-auth"), now() - 2000);
        request(QStringLiteral("refused-auth"), now() - 3 * kDayMs);
        request(QStringLiteral("refused-auth"), now() - 40 * kDayMs); // old, still unresolved
        const qint64 resolved = request(QStringLiteral("refused-auth"), now() - 3000);
        QVERIFY(resolved > 0);
        request(QStringLiteral("malformed"), now() - 5000);
        send(front, now() - 1000, QStringLiteral("failed"), QStringLiteral("WH-23-3"));
        send(front, now() - 1000, QStringLiteral("unconfirmed"));
        send(front, now() - 2000, QStringLiteral("unconfirmed"));
        send(front, now() - 1000, QStringLiteral("delivered"));
        // Marked resolved on the Failures page: neither there nor here any more.
        FailureResolutions resolutions(m_store.connection());
        QVERIFY2(resolutions.resolve({QStringLiteral("request:%1").arg(resolved)},
                                     QStringLiteral("ann"), now()),
                 qPrintable(resolutions.lastError()));

        const DashboardReader reader(m_store.connection(), m_clock, kNewYork);
        const std::optional<DashboardReader::Snapshot> snapshot = reader.read();
        QVERIFY2(snapshot, qPrintable(reader.lastError()));
        using Kind = FailureEntry::Kind;
        QCOMPARE(snapshot->failures.size(), 4);
        QCOMPARE(snapshot->failures.at(0).kind, Kind::Inbound);
        QCOMPARE(snapshot->failures.at(0).cause, QStringLiteral("refused-auth"));
        QCOMPARE(snapshot->failures.at(0).count, qint64(4));
        QCOMPARE(snapshot->failures.at(1).kind, Kind::Send);
        QCOMPARE(snapshot->failures.at(1).cause, QStringLiteral("unconfirmed"));
        QCOMPARE(snapshot->failures.at(1).count, qint64(2));
        QCOMPARE(snapshot->failureCount(), qint64(8));
        QStringList rest{snapshot->failures.at(2).cause, snapshot->failures.at(3).cause};
        rest.sort();
        QCOMPARE(rest, QStringList({QStringLiteral("WH-23-3"), QStringLiteral("malformed")}));
        // The tile's total is the Failures page's badge.
        QCOMPARE(FailureReader(m_store.connection()).unresolvedCount(), qint64(8));
    }
};

QTEST_GUILESS_MAIN(TestDashboardReader)
#include "TestDashboardReader.moc"
