#include "FakeClock.h"
#include "MemorySecretStore.h"
#include "StoreFixture.h"
#include "provisioning/NumberProvisioner.h"
#include "provisioning/PlanProvisioner.h"
#include "secrets/PathToken.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;
using Kind = SecretStore::Kind;

class TestNumberProvisioner : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<test::MemorySecretStore> m_secrets;
    std::unique_ptr<NumberProvisioner> m_provisioner;
    test::FakeClock m_clock;

    NumberProvisioner::Outcome save(const NumberDraft& draft)
    {
        std::optional<NumberProvisioner::Outcome> result;
        m_provisioner->save(draft, [&result](const NumberProvisioner::Outcome& o) { result = o; });
        // Asynchronous: nothing has been answered yet when save() returns.
        if (result)
            qFatal("save() answered synchronously");
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 5000))
            qFatal("save() never answered");
        return *result;
    }

    template <typename Call> NumberProvisioner::Outcome wait(Call call)
    {
        std::optional<NumberProvisioner::Outcome> result;
        call([&result](const NumberProvisioner::Outcome& o) { result = o; });
        if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 5000))
            qFatal("no answer");
        return *result;
    }

    static NumberDraft draft(const QString& number = QStringLiteral("(404) 555-9999"))
    {
        NumberDraft d;
        d.number = number;
        d.provider = QStringLiteral("oncloud");
        d.label = QStringLiteral("Front desk");
        return d;
    }

    std::optional<NumberRecord> stored(const QString& e164)
    {
        return NumberRepository(m_temp->database().connection(), m_clock).findByE164(e164);
    }

    // Scans every file of a SQLite store (the database, its WAL and shared memory).
    bool anyFileContains(const QByteArray& needle)
    {
        if (m_temp->config().backend() != DatabaseConfig::Backend::Sqlite)
            return false;
        m_worker->drain();
        QDirIterator it(m_temp->dirPath(), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY2(m_worker->isReady(), qPrintable(m_worker->openError()));
        m_secrets = std::make_unique<test::MemorySecretStore>();
        m_provisioner = std::make_unique<NumberProvisioner>(*m_worker, *m_secrets, m_clock,
                                                            QStringLiteral("US"));
    }

    void cleanup()
    {
        m_provisioner.reset();
        m_worker.reset();
        m_secrets.reset();
        m_temp.close();
    }

    void addWithSecrets()
    {
        NumberDraft d = draft();
        d.secret = QStringLiteral("s3cret-webhook-value");
        d.authHeader = QStringLiteral("Token auth-header-value");
        const auto outcome = save(d);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.record.e164, QStringLiteral("+14045559999"));
        QVERIFY(outcome.record.id > 0);

        const auto row = stored(QStringLiteral("+14045559999"));
        QVERIFY(row);
        QVERIFY(row->hasSecret);
        QVERIFY(row->hasAuthHeader);
        QVERIFY(m_secrets->entries.value(SecretStore::numberKey(row->e164, Kind::WebhookSecret)) ==
                QStringLiteral("s3cret-webhook-value"));
        QVERIFY(m_secrets->entries.value(
                    SecretStore::numberKey(row->e164, Kind::AuthorizationHeader)) ==
                QStringLiteral("Token auth-header-value"));
        QVERIFY(!anyFileContains("s3cret-webhook-value"));
        QVERIFY(!anyFileContains("auth-header-value"));
    }

    void noKeychainMeansNothingSaved()
    {
        m_secrets->failWith = SecretStore::Status::NoKeychain;
        NumberDraft d = draft();
        d.secret = QStringLiteral("s3cret");
        const auto outcome = save(d);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.error.isEmpty());
        QVERIFY(!stored(QStringLiteral("+14045559999")));

        // Without a secret the keychain is not needed.
        const auto plain = save(draft());
        QVERIFY2(plain.ok, qPrintable(plain.error));
        QVERIFY(!stored(QStringLiteral("+14045559999"))->hasSecret);
    }

    void duplicateTouchesNoSecret()
    {
        QVERIFY(save(draft()).ok);
        NumberDraft twin = draft(QStringLiteral("+1 404 555 9999"));
        twin.secret = QStringLiteral("other");
        const auto outcome = save(twin);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.error.contains(QLatin1String("already provisioned")));
        QVERIFY(m_secrets->entries.isEmpty());
    }

    void validationErrorsPerField()
    {
        NumberDraft d = draft(QStringLiteral("12"));
        d.fallbackEmail = QStringLiteral("nobody");
        const auto outcome = save(d);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.fieldErrors.contains(NumberValidator::Field::Number));
        QVERIFY(outcome.fieldErrors.contains(NumberValidator::Field::FallbackEmail));
        QVERIFY(!stored(QStringLiteral("+12")));
    }

    void editKeepsClearsAndMovesSecrets()
    {
        NumberDraft d = draft();
        d.secret = QStringLiteral("keep-me");
        d.authHeader = QStringLiteral("Token clear-me");
        const auto added = save(d);
        QVERIFY(added.ok);

        // Left empty: kept. Cleared: removed.
        NumberDraft edit = draft();
        edit.id = added.record.id;
        edit.label = QStringLiteral("Sales");
        edit.authHeader = QString();
        const auto edited = save(edit);
        QVERIFY2(edited.ok, qPrintable(edited.error));
        auto row = stored(QStringLiteral("+14045559999"));
        QCOMPARE(row->label, QStringLiteral("Sales"));
        QVERIFY(row->hasSecret);
        QVERIFY(!row->hasAuthHeader);
        QVERIFY(!m_secrets->entries.contains(
            SecretStore::numberKey(row->e164, Kind::AuthorizationHeader)));
        QCOMPARE(row->createdAtMs, added.record.createdAtMs);

        // The number itself changes: its secret moves to the new key.
        NumberDraft renumber = draft(QStringLiteral("(404) 555-0000"));
        renumber.id = added.record.id;
        const auto moved = save(renumber);
        QVERIFY2(moved.ok, qPrintable(moved.error));
        QTRY_VERIFY(!m_secrets->entries.contains(
            SecretStore::numberKey(QStringLiteral("+14045559999"), Kind::WebhookSecret)));
        QVERIFY(m_secrets->entries.value(
                    SecretStore::numberKey(QStringLiteral("+14045550000"), Kind::WebhookSecret)) ==
                QStringLiteral("keep-me"));
        QVERIFY(stored(QStringLiteral("+14045550000"))->hasSecret);
        QVERIFY(!stored(QStringLiteral("+14045559999")));
    }

    void disableAndRemove()
    {
        NumberDraft d = draft();
        d.secret = QStringLiteral("gone-soon");
        const auto added = save(d);
        QVERIFY(added.ok);

        const auto disabled =
            wait([&](auto done) { m_provisioner->setEnabled(added.record.id, false, done); });
        QVERIFY(disabled.ok);
        QVERIFY(!disabled.record.enabled);
        QVERIFY(!stored(QStringLiteral("+14045559999"))->enabled);

        const auto removed = wait([&](auto done) { m_provisioner->remove(added.record.id, done); });
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QVERIFY(removed.error.isEmpty());
        QVERIFY(!stored(QStringLiteral("+14045559999")));
        QVERIFY(m_secrets->entries.isEmpty());

        const auto again = wait([&](auto done) { m_provisioner->remove(added.record.id, done); });
        QVERIFY(!again.ok);
        QVERIFY(again.error.contains(QLatin1String("no longer exists")));
    }

    void pathTokenToKeychainHashToStore()
    {
        const QString token = PathToken::generate();
        NumberDraft d = draft(QStringLiteral("+1 770 555 1234"));
        d.provider = QStringLiteral("pbx");
        d.pathToken = token;
        const auto outcome = save(d);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.record.pathTokenHash, PathToken::hash(token.toUtf8()));

        const QString e164 = QStringLiteral("+17705551234");
        const auto row = stored(e164);
        QVERIFY(row);
        QVERIFY(row->hasPathToken());
        QCOMPARE(row->pathTokenHash, PathToken::hash(token.toUtf8()));
        QCOMPARE(NumberRepository(m_temp->database().connection(), m_clock)
                     .findByPathTokenHash(PathToken::hash(token.toUtf8()))
                     ->id,
                 row->id);
        QVERIFY(m_secrets->entries.value(SecretStore::numberKey(e164, Kind::PathToken)) == token);
        QCOMPARE(SecretStore::numberKey(e164, Kind::PathToken),
                 QStringLiteral("number/+17705551234/path-token"));
        QCOMPARE(m_secrets->entries.size(), 1);
        QVERIFY(!row->hasSecret);
        QVERIFY(!row->hasAuthHeader);
        // The token itself is in no file of the store; its hash is (so the scan is real).
        QVERIFY(!anyFileContains(token.toUtf8()));
        if (m_temp->config().backend() == DatabaseConfig::Backend::Sqlite)
            QVERIFY(anyFileContains(PathToken::hash(token.toUtf8()).toLatin1()));

        // Left out: kept. Replaced: the new one in both places.
        NumberDraft keep = d;
        keep.id = row->id;
        keep.pathToken.reset();
        keep.label = QStringLiteral("Sales");
        QVERIFY(save(keep).ok);
        QCOMPARE(stored(e164)->pathTokenHash, PathToken::hash(token.toUtf8()));
        QVERIFY(m_secrets->entries.value(SecretStore::numberKey(e164, Kind::PathToken)) == token);

        const QString replacement = PathToken::generate();
        keep.pathToken = replacement;
        QVERIFY(save(keep).ok);
        QCOMPARE(stored(e164)->pathTokenHash, PathToken::hash(replacement.toUtf8()));
        QVERIFY(m_secrets->entries.value(SecretStore::numberKey(e164, Kind::PathToken)) ==
                replacement);

        // Removed: gone from both; the column is NULL again.
        keep.pathToken = QString();
        const auto removed = save(keep);
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QVERIFY(!removed.record.hasPathToken());
        QVERIFY(!stored(e164)->hasPathToken());
        QVERIFY(m_secrets->entries.isEmpty());
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(
            query.exec(QStringLiteral("SELECT COUNT(*) FROM numbers WHERE path_token IS NULL")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void pathTokenOfAnotherNumberRefused()
    {
        const QString token = PathToken::generate();
        NumberDraft first = draft();
        first.pathToken = token;
        QVERIFY(save(first).ok);

        NumberDraft second = draft(QStringLiteral("(404) 555-0000"));
        second.pathToken = token;
        second.secret = QStringLiteral("second-secret");
        const auto refused = save(second);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QLatin1String("already used by +14045559999")),
                 qPrintable(refused.error));
        QVERIFY(!refused.error.contains(token));
        QVERIFY(!stored(QStringLiteral("+14045550000")));
        // Refused before the keychain was touched.
        QCOMPARE(m_secrets->entries.keys(), QStringList{SecretStore::numberKey(
                                                QStringLiteral("+14045559999"), Kind::PathToken)});

        // Editing a number to the token of another is refused too, and changes nothing.
        second.pathToken.reset();
        second.secret.reset();
        const auto added = save(second);
        QVERIFY(added.ok);
        NumberDraft edit = second;
        edit.id = added.record.id;
        edit.pathToken = token;
        const auto editRefused = save(edit);
        QVERIFY(!editRefused.ok);
        QVERIFY(editRefused.error.contains(QLatin1String("already used")));
        QVERIFY(!stored(QStringLiteral("+14045550000"))->hasPathToken());
        QCOMPARE(m_secrets->entries.size(), 1);

        // Saving a number with its own token again is fine.
        NumberDraft again = first;
        again.id = stored(QStringLiteral("+14045559999"))->id;
        QVERIFY(save(again).ok);
    }

    void pathTokenMovesWithTheNumberAndGoesWithIt()
    {
        const QString token = PathToken::generate();
        NumberDraft d = draft();
        d.pathToken = token;
        d.secret = QStringLiteral("moving-secret");
        const auto added = save(d);
        QVERIFY(added.ok);

        NumberDraft renumber = draft(QStringLiteral("(404) 555-0000"));
        renumber.id = added.record.id;
        const auto moved = save(renumber);
        QVERIFY2(moved.ok, qPrintable(moved.error));
        QTRY_VERIFY(!m_secrets->entries.contains(
            SecretStore::numberKey(QStringLiteral("+14045559999"), Kind::PathToken)));
        QVERIFY(m_secrets->entries.value(SecretStore::numberKey(QStringLiteral("+14045550000"),
                                                                Kind::PathToken)) == token);
        QCOMPARE(stored(QStringLiteral("+14045550000"))->pathTokenHash,
                 PathToken::hash(token.toUtf8()));
        QCOMPARE(m_secrets->entries.size(), 2);

        const auto removed = wait([&](auto done) { m_provisioner->remove(added.record.id, done); });
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QVERIFY(removed.error.isEmpty());
        QVERIFY(m_secrets->entries.isEmpty());
        QVERIFY(!NumberRepository(m_temp->database().connection(), m_clock)
                     .findByPathTokenHash(PathToken::hash(token.toUtf8())));
    }

    // The dialog has no time zone field: an edit that leaves it alone keeps the stored one.
    void gatewayTimeZoneKeptByEditsThatLeaveItAlone()
    {
        NumberDraft d = draft(QStringLiteral("+17705550042"));
        d.provider = QStringLiteral("android-gateway");
        d.deviceId = QStringLiteral("42");
        d.sim = 1;
        d.timeZone = QStringLiteral("Australia/Sydney");
        const auto added = save(d);
        QVERIFY2(added.ok, qPrintable(added.error));
        QCOMPARE(stored(QStringLiteral("+17705550042"))->timeZone,
                 QStringLiteral("Australia/Sydney"));

        NumberDraft edit = d;
        edit.id = added.record.id;
        edit.label = QStringLiteral("Gateway");
        edit.timeZone.reset();
        QVERIFY(save(edit).ok);
        QCOMPARE(stored(QStringLiteral("+17705550042"))->label, QStringLiteral("Gateway"));
        QCOMPARE(stored(QStringLiteral("+17705550042"))->timeZone,
                 QStringLiteral("Australia/Sydney"));

        edit.timeZone = QString(); // back to the system's
        QVERIFY(save(edit).ok);
        QVERIFY(stored(QStringLiteral("+17705550042"))->timeZone.isEmpty());
    }

    void malformedPathTokenRefused()
    {
        NumberDraft d = draft();
        d.pathToken = QStringLiteral("too/short");
        const auto outcome = save(d);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.fieldErrors.contains(NumberValidator::Field::PathToken));
        QVERIFY(m_secrets->entries.isEmpty());
        QVERIFY(!stored(QStringLiteral("+14045559999")));
    }

    void pathTokenNotSavedWithoutKeychain()
    {
        m_secrets->failWith = SecretStore::Status::NoKeychain;
        NumberDraft d = draft();
        d.pathToken = PathToken::generate();
        const auto outcome = save(d);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.error.isEmpty());
        QVERIFY(!stored(QStringLiteral("+14045559999")));
    }

    void defaultRegionCanChange()
    {
        m_provisioner->setDefaultRegion(QStringLiteral("AU"));
        NumberDraft d = draft(QStringLiteral("0412 345 678"));
        const auto outcome = save(d);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.record.e164, QStringLiteral("+61412345678"));
    }

    void plansThroughTheWorker()
    {
        PlanProvisioner plans(*m_worker, m_clock);
        std::optional<PlanProvisioner::Outcome> result;
        PlanRecord plan;
        plan.name = QStringLiteral("Starter");
        plan.monthlyLimit = 100;
        plans.save(plan, [&result](const PlanProvisioner::Outcome& o) { result = o; });
        QVERIFY(!result);
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok, qPrintable(result->error));
        QVERIFY(result->plan.id > 0);

        NumberDraft d = draft();
        d.planId = result->plan.id;
        QVERIFY(save(d).ok);
        QCOMPARE(stored(QStringLiteral("+14045559999"))->planId, result->plan.id);

        result.reset();
        PlanRecord invalid;
        plans.save(invalid, [&result](const PlanProvisioner::Outcome& o) { result = o; });
        QVERIFY(!result.has_value());
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok);
        QVERIFY(result->fieldErrors.contains(PlanValidator::Field::Name));

        result.reset();
        const qint64 planId = stored(QStringLiteral("+14045559999"))->planId;
        plans.remove(planId, [&result](const PlanProvisioner::Outcome& o) { result = o; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok);
        QCOMPARE(stored(QStringLiteral("+14045559999"))->planId, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestNumberProvisioner)
#include "TestNumberProvisioner.moc"
