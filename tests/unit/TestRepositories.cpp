#include "FakeClock.h"
#include "StoreFixture.h"
#include "secrets/PathToken.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;

namespace {
NumberRecord sampleNumber(const QString& e164, const QString& provider = QStringLiteral("oncloud"))
{
    NumberRecord number;
    number.e164 = e164;
    number.label = QStringLiteral("Front desk");
    number.provider = provider;
    number.webhookUrl = QStringLiteral("https://sms.example.com/webhooks/oncloud");
    number.fallbackEmail = QStringLiteral("desk@example.com");
    return number;
}
} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    test::FakeClock m_clock;

    // numbers.path_token as stored, read past the repository.
    QVariant storedPathToken(qint64 id)
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("SELECT path_token FROM numbers WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec() || !query.next())
            return QStringLiteral("<no row>");
        return query.value(0);
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init() { m_temp.open(); }
    void cleanup() { m_temp.close(); }

    void planRoundTrip()
    {
        PlanRepository plans(m_temp->database().connection(), m_clock);
        PlanRecord plan;
        plan.name = QStringLiteral("Starter");
        plan.monthlyLimit = 500;
        plan.outboundIncluded = false;
        plan.active = true;
        plan.cycleDay = 15;
        QVERIFY2(plans.insert(plan), qPrintable(plans.lastError()));
        QVERIFY(plan.id > 0);
        QCOMPARE(plan.createdAtMs, m_clock.nowMs());

        const auto loaded = plans.find(plan.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->name, QStringLiteral("Starter"));
        QCOMPARE(loaded->monthlyLimit, 500);
        QCOMPARE(loaded->outboundIncluded, false);
        QCOMPARE(loaded->cycleDay, 15);

        PlanRecord changed = *loaded;
        changed.monthlyLimit = 1000;
        changed.active = false;
        QVERIFY(plans.update(changed));
        QCOMPARE(plans.findByName(QStringLiteral("Starter"))->monthlyLimit, 1000);
        QCOMPARE(plans.findByName(QStringLiteral("Starter"))->active, false);

        PlanRecord twin;
        twin.name = QStringLiteral("Starter");
        twin.monthlyLimit = 1;
        QVERIFY(!plans.insert(twin));
        QVERIFY(plans.lastError().contains(QLatin1String("already exists")));
        QCOMPARE(plans.list().size(), 1);
    }

    void numberRoundTrip()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        NumberRecord gateway =
            sampleNumber(QStringLiteral("+61412345678"), QStringLiteral("android-gateway"));
        gateway.deviceId = QStringLiteral("42");
        gateway.sim = 1;
        QVERIFY2(numbers.insert(gateway), qPrintable(numbers.lastError()));
        QVERIFY(gateway.id > 0);

        const auto loaded = numbers.findByE164(QStringLiteral("+61412345678"));
        QVERIFY(loaded);
        QCOMPARE(loaded->id, gateway.id);
        QCOMPARE(loaded->provider, QStringLiteral("android-gateway"));
        QCOMPARE(loaded->deviceId, QStringLiteral("42"));
        QCOMPARE(loaded->sim, 1);
        QCOMPARE(loaded->planId, qint64(0));
        QCOMPARE(loaded->enabled, true);
        QCOMPARE(loaded->fallbackEmail, QStringLiteral("desk@example.com"));

        m_clock.advanceMs(60'000);
        NumberRecord edited = *loaded;
        edited.label = QStringLiteral("Warehouse");
        edited.sim = -1;
        QVERIFY(numbers.update(edited));
        const auto reloaded = numbers.find(gateway.id);
        QCOMPARE(reloaded->label, QStringLiteral("Warehouse"));
        QCOMPARE(reloaded->sim, -1);
        QCOMPARE(reloaded->updatedAtMs, loaded->createdAtMs + 60'000);
        QCOMPARE(reloaded->createdAtMs, loaded->createdAtMs);

        QVERIFY(numbers.setEnabled(gateway.id, false));
        QCOMPARE(numbers.find(gateway.id)->enabled, false);
        QVERIFY(numbers.setSecretFlags(gateway.id, true, false));
        QCOMPARE(numbers.find(gateway.id)->hasSecret, true);
        QCOMPARE(numbers.find(gateway.id)->hasAuthHeader, false);

        QVERIFY(numbers.remove(gateway.id));
        QVERIFY(!numbers.find(gateway.id));
        QVERIFY(!numbers.remove(gateway.id));
        QVERIFY(numbers.lastError().contains(QLatin1String("no longer exists")));
    }

    void duplicateNumbersRefused()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        NumberRecord first = sampleNumber(QStringLiteral("+14045559999"));
        QVERIFY(numbers.insert(first));
        NumberRecord second = sampleNumber(QStringLiteral("+14045559999"));
        QVERIFY(!numbers.insert(second));
        QVERIFY(numbers.lastError().contains(QLatin1String("+14045559999")));

        NumberRecord other = sampleNumber(QStringLiteral("+14045550000"));
        QVERIFY(numbers.insert(other));
        other.e164 = QStringLiteral("+14045559999");
        QVERIFY(!numbers.update(other));
        QCOMPARE(numbers.list().size(), 2);
    }

    void pathTokenHashRoundTrip()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        const QString hash = PathToken::hash(PathToken::generate().toUtf8());

        NumberRecord number = sampleNumber(QStringLiteral("+17705551234"), QStringLiteral("pbx"));
        number.pathTokenHash = hash;
        QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        QCOMPARE(numbers.find(number.id)->pathTokenHash, hash);
        QVERIFY(numbers.find(number.id)->hasPathToken());
        QCOMPARE(storedPathToken(number.id), QVariant(hash));

        const auto found = numbers.findByPathTokenHash(hash);
        QVERIFY(found);
        QCOMPARE(found->id, number.id);
        QCOMPARE(found->e164, QStringLiteral("+17705551234"));
        QVERIFY(!numbers.findByPathTokenHash(PathToken::hash("another token")));
        QVERIFY(!numbers.findByPathTokenHash(QString()));
        QVERIFY(numbers.lastError().isEmpty());

        // update() writes it back as it is, and empty is NULL, never ''.
        NumberRecord edited = *numbers.find(number.id);
        edited.label = QStringLiteral("Back office");
        QVERIFY(numbers.update(edited));
        QCOMPARE(numbers.find(number.id)->pathTokenHash, hash);
        edited.pathTokenHash.clear();
        QVERIFY(numbers.update(edited));
        QVERIFY(!numbers.find(number.id)->hasPathToken());
        QVERIFY(storedPathToken(number.id).isNull());

        QVERIFY(numbers.setPathTokenHash(number.id, hash));
        QCOMPARE(numbers.find(number.id)->pathTokenHash, hash);
        QVERIFY(numbers.setPathTokenHash(number.id, QString()));
        QVERIFY(storedPathToken(number.id).isNull());
        QVERIFY(!numbers.findByPathTokenHash(hash));
        QVERIFY(!numbers.setPathTokenHash(number.id + 1000, hash));
        QVERIFY(numbers.lastError().contains(QLatin1String("no longer exists")));

        // Inserted without one: NULL as well.
        NumberRecord plain = sampleNumber(QStringLiteral("+14045559999"));
        QVERIFY(numbers.insert(plain));
        QVERIFY(storedPathToken(plain.id).isNull());
    }

    void pathTokenHashIsUnique()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        const QString hash = PathToken::hash(PathToken::generate().toUtf8());

        // Numbers without a token never collide (NULL, not '').
        for (const char* e164 : {"+14045550001", "+14045550002", "+14045550003"}) {
            NumberRecord number = sampleNumber(QString::fromLatin1(e164));
            QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        }

        NumberRecord first = sampleNumber(QStringLiteral("+17705551234"), QStringLiteral("pbx"));
        first.pathTokenHash = hash;
        QVERIFY(numbers.insert(first));

        NumberRecord second = sampleNumber(QStringLiteral("+17705550000"), QStringLiteral("pbx"));
        second.pathTokenHash = hash;
        QVERIFY(!numbers.insert(second));
        QVERIFY2(numbers.lastError().contains(QLatin1String("already used by +17705551234")),
                 qPrintable(numbers.lastError()));
        QVERIFY(!numbers.findByE164(QStringLiteral("+17705550000")));

        second.pathTokenHash.clear();
        QVERIFY(numbers.insert(second));
        second.pathTokenHash = hash;
        QVERIFY(!numbers.update(second));
        QVERIFY(numbers.lastError().contains(QLatin1String("already used")));
        QVERIFY(!numbers.setPathTokenHash(second.id, hash));
        QVERIFY(!numbers.find(second.id)->hasPathToken());

        // The unique index holds even when the check above is bypassed (another desk).
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("UPDATE numbers SET path_token = ? WHERE id = ?"));
        query.addBindValue(hash);
        query.addBindValue(second.id);
        QVERIFY(!query.exec());
        QCOMPARE(numbers.findByPathTokenHash(hash)->id, first.id);

        // A number keeps its own hash through an update.
        NumberRecord same = *numbers.find(first.id);
        same.label = QStringLiteral("Renamed");
        QVERIFY2(numbers.update(same), qPrintable(numbers.lastError()));
        QCOMPARE(numbers.find(first.id)->pathTokenHash, hash);
    }

    void plansAndTheirNumbers()
    {
        PlanRepository plans(m_temp->database().connection(), m_clock);
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        PlanRecord plan;
        plan.name = QStringLiteral("Business");
        plan.monthlyLimit = 5000;
        QVERIFY(plans.insert(plan));

        NumberRecord onPlan = sampleNumber(QStringLiteral("+14045559999"));
        onPlan.planId = plan.id;
        QVERIFY(numbers.insert(onPlan));
        NumberRecord offPlan = sampleNumber(QStringLiteral("+14045550000"));
        QVERIFY(numbers.insert(offPlan));

        const auto members = numbers.listByPlan(plan.id);
        QCOMPARE(members.size(), 1);
        QCOMPARE(members.first().e164, QStringLiteral("+14045559999"));

        // Deleting a plan keeps its numbers, with no plan (foreign key ON DELETE SET NULL).
        QVERIFY(plans.remove(plan.id));
        QCOMPARE(numbers.find(onPlan.id)->planId, qint64(0));
        QCOMPARE(numbers.list().size(), 2);
    }

    void unknownPlanRefusedByForeignKey()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        NumberRecord number = sampleNumber(QStringLiteral("+14045559999"));
        number.planId = 999;
        QVERIFY(!numbers.insert(number));
        QVERIFY(numbers.list().isEmpty());
    }

    void listIsOrderedByNumber()
    {
        NumberRepository numbers(m_temp->database().connection(), m_clock);
        for (const char* e164 : {"+442079460958", "+14045559999", "+61412345678"}) {
            NumberRecord number = sampleNumber(QString::fromLatin1(e164));
            QVERIFY(numbers.insert(number));
        }
        const auto all = numbers.list();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].e164, QStringLiteral("+14045559999"));
        QCOMPARE(all[2].e164, QStringLiteral("+61412345678"));
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "TestRepositories.moc"
