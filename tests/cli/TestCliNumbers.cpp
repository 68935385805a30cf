// `smsdesk numbers add`, `list` and `remove`, run as the built binary (test::CliTestCase)
// against a real SQLite file: every provider's options, typed numbers and regions, refused input
// that changes nothing, and the secrets (webhook secret, Authorization value, path token) that go
// to the keychain and nowhere else.

#include "CliTestCase.h"
#include "secrets/PathToken.h"
#include "store/NumberRepository.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTest>
#include <QUuid>

using namespace smsdesk;

namespace {

const QString kZonitelClient = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");

} // namespace

class TestCliNumbers : public test::CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void numbersAddEveryProvider();
    void numbersListTable();
    void numbersAddUsesRegionOption();
    void numbersRemoveAcceptsTypedNumber();
    void numbersRulesSetShowClear();
    void numbersAddWarnsAndTakesATimeZone();
    void numbersBadInput_data();
    void numbersBadInput();
    void secretArgumentNotEchoed();
    void noKeychainRefusesSecret();
    void noKeychainRefusesPathToken();
    void keychainSecretsStoredOnlyInKeychain();
    void keychainPathToken();
};

// --- numbers add / list / remove ----------------------------------------------------------

void TestCliNumbers::numbersAddEveryProvider()
{
    seed();
    const QStringList add{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    struct Case
    {
        QStringList arguments;
        QString expected;
    };
    const QList<Case> cases{
        {{QStringLiteral("--number"), QStringLiteral("+1 (404) 555-9999"),
          QStringLiteral("--provider"), QStringLiteral("oncloud"), QStringLiteral("--label"),
          QStringLiteral("Front desk"), QStringLiteral("--plan"), QStringLiteral("Basic"),
          QStringLiteral("--webhook-url"),
          QStringLiteral("http://sms.example.com/webhooks/oncloud"),
          QStringLiteral("--fallback-email"), QStringLiteral("support@example.com")},
         QStringLiteral("added +14045559999 (oncloud)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+17705551234"), QStringLiteral("--provider"),
          QStringLiteral("pbx"), QStringLiteral("--service-id"), QStringLiteral("8812")},
         QStringLiteral("added +17705551234 (pbx)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+44 20 7946 0958"),
          QStringLiteral("--provider"), QStringLiteral("zonitel"), QStringLiteral("--client-id"),
          kZonitelClient, QStringLiteral("--webhook-url"),
          QStringLiteral("https://sms.example.com/webhooks/zonitel")},
         QStringLiteral("added +442079460958 (zonitel)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+61 412 345 678"),
          QStringLiteral("--provider"), QStringLiteral("android-gateway"),
          QStringLiteral("--device-id"), QStringLiteral("7"), QStringLiteral("--sim"),
          QStringLiteral("1"), QStringLiteral("--disabled")},
         QStringLiteral("added +61412345678 (android-gateway)\n")},
    };
    for (const Case& c : cases) {
        const Run run = smsdesk(add + c.arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QCOMPARE(QString::fromUtf8(run.out), c.expected);
    }

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 5);
    QHash<QString, QJsonObject> byNumber;
    const QStringList keys{QStringLiteral("auth_header_set"), QStringLiteral("client_id"),
                           QStringLiteral("device_id"),       QStringLiteral("enabled"),
                           QStringLiteral("fallback_email"),  QStringLiteral("id"),
                           QStringLiteral("label"),           QStringLiteral("number"),
                           QStringLiteral("path_token_set"),  QStringLiteral("plan"),
                           QStringLiteral("provider"),        QStringLiteral("secret_set"),
                           QStringLiteral("service_id"),      QStringLiteral("sim"),
                           QStringLiteral("webhook_url")};
    for (const QJsonObject& number : numbers) {
        QCOMPARE(number.keys(), keys);
        QCOMPARE(number.value(QStringLiteral("secret_set")), QJsonValue(false));
        QCOMPARE(number.value(QStringLiteral("auth_header_set")), QJsonValue(false));
        QCOMPARE(number.value(QStringLiteral("path_token_set")), QJsonValue(false));
        byNumber.insert(number.value(QStringLiteral("number")).toString(), number);
    }

    const QJsonObject oncloud = byNumber.value(QStringLiteral("+14045559999"));
    QCOMPARE(oncloud.value(QStringLiteral("provider")).toString(), QStringLiteral("oncloud"));
    QCOMPARE(oncloud.value(QStringLiteral("label")).toString(), QStringLiteral("Front desk"));
    QCOMPARE(oncloud.value(QStringLiteral("plan")).toString(), QStringLiteral("Basic"));
    QCOMPARE(oncloud.value(QStringLiteral("enabled")), QJsonValue(true));
    QCOMPARE(oncloud.value(QStringLiteral("webhook_url")).toString(),
             QStringLiteral("http://sms.example.com/webhooks/oncloud"));
    QCOMPARE(oncloud.value(QStringLiteral("fallback_email")).toString(),
             QStringLiteral("support@example.com"));
    QVERIFY(oncloud.value(QStringLiteral("sim")).isNull());

    const QJsonObject pbx = byNumber.value(QStringLiteral("+17705551234"));
    QCOMPARE(pbx.value(QStringLiteral("provider")).toString(), QStringLiteral("pbx"));
    QCOMPARE(pbx.value(QStringLiteral("service_id")).toString(), QStringLiteral("8812"));
    QVERIFY(pbx.value(QStringLiteral("plan")).isNull());

    const QJsonObject zonitel = byNumber.value(QStringLiteral("+442079460958"));
    QCOMPARE(zonitel.value(QStringLiteral("provider")).toString(), QStringLiteral("zonitel"));
    QCOMPARE(zonitel.value(QStringLiteral("client_id")).toString(), kZonitelClient);
    QCOMPARE(zonitel.value(QStringLiteral("webhook_url")).toString(),
             QStringLiteral("https://sms.example.com/webhooks/zonitel"));

    const QJsonObject android = byNumber.value(QStringLiteral("+61412345678"));
    QCOMPARE(android.value(QStringLiteral("provider")).toString(),
             QStringLiteral("android-gateway"));
    QCOMPARE(android.value(QStringLiteral("device_id")).toString(), QStringLiteral("7"));
    QCOMPARE(android.value(QStringLiteral("sim")), QJsonValue(1));
    QCOMPARE(android.value(QStringLiteral("enabled")), QJsonValue(false));

    // The store agrees with the list.
    const QString stored = snapshot();
    for (const QString& e164 : byNumber.keys())
        QVERIFY2(stored.contains(QStringLiteral("|%1|").arg(e164)), qPrintable(stored));
}

void TestCliNumbers::numbersListTable()
{
    seed();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("+61412345678"),
                       QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                       QStringLiteral("--label"), QStringLiteral("Warehouse"),
                       QStringLiteral("--device-id"), QStringLiteral("12"), QStringLiteral("--sim"),
                       QStringLiteral("0")});
    QCOMPARE(run.exitCode, 0);
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype numberColumn = lines.at(0).indexOf(QLatin1String("NUMBER"));
    const qsizetype labelColumn = lines.at(0).indexOf(QLatin1String("LABEL"));
    const qsizetype planColumn = lines.at(0).indexOf(QLatin1String("PLAN"));
    QVERIFY(numberColumn >= 0 && labelColumn > numberColumn && planColumn > labelColumn);
    // Rows are ordered by number: +1… before +61….
    QCOMPARE(lines.at(1).indexOf(QLatin1String("+14045550000")), numberColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("Basic")), planColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("+61412345678")), numberColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("Warehouse")), labelColumn);
    QVERIFY2(lines.at(2).contains(QLatin1String("device 12 sim 0")), qPrintable(lines.at(2)));

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
}

void TestCliNumbers::numbersAddUsesRegionOption()
{
    // Without a country code the number is read in --region.
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("0412 345 678"),
                       QStringLiteral("--region"), QStringLiteral("au"),
                       QStringLiteral("--provider"), QStringLiteral("pbx")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +61412345678 (pbx)\n"));

    // The setting phone/defaultRegion is the default...
    QVERIFY(QDir().mkpath(m_root->filePath(QStringLiteral("config/smsdesk"))));
    QVERIFY(!writeFile(QStringLiteral("config/smsdesk/smsdesk.conf"), "[phone]\ndefaultRegion=GB\n")
                 .isEmpty());
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("020 7946 0958"),
                   QStringLiteral("--provider"), QStringLiteral("pbx")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +442079460958 (pbx)\n"));

    // ...and --region wins over it, for remove too.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US"), QStringLiteral("--provider"),
                   QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +14045559999 (oncloud)\n"));
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("0412 345 678"),
                   QStringLiteral("--region"), QStringLiteral("AU")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +61412345678\n"));
    const QString stored = snapshot();
    QVERIFY(!stored.contains(QLatin1String("+61412345678")));
    QVERIFY(stored.contains(QLatin1String("+442079460958")) &&
            stored.contains(QLatin1String("+14045559999")));
}

// A possible number the phone number data does not know is added, with a warning on stderr;
// a gateway number takes the time zone its device's times are in.
// `numbers rules`: auto-replies from a JSON file, printed back as stored, cleared; rules with a
// problem and files that are not rules change nothing.
void TestCliNumbers::numbersRulesSetShowClear()
{
    seed();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("+14045559999"),
                       QStringLiteral("--provider"), QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    const QStringList rules{QStringLiteral("numbers"),  QStringLiteral("rules"),
                            QStringLiteral("--db"),     m_db,
                            QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                            QStringLiteral("--region"), QStringLiteral("US")};
    const QByteArray json =
        R"({"version":1,"keywords":[{"keyword":"hours","reply":"9 to 5"}],)"
        R"("outOfHours":{"enabled":true,"hours":"mon-fri 09:00-17:00",)"
        R"("timeZone":"America/New_York","reply":"Closed now"}})";
    const QString path = QFileInfo(m_db).dir().filePath(QStringLiteral("rules.json"));
    const auto write = [&path](const QByteArray& data) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) >= 0;
    };
    QVERIFY(write(json));
    run = smsdesk(rules + QStringList{QStringLiteral("--set"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("set the auto-replies of +14045559999\n"));
    run = smsdesk(rules + QStringList{QStringLiteral("--show")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject shown = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(shown, QJsonDocument::fromJson(json).object());

    // A rule without a reply, and a file that is not rules: refused, nothing changes.
    QVERIFY(write(QByteArray(json).replace(R"("reply":"9 to 5")", R"("reply":"")")));
    run = smsdesk(rules + QStringList{QStringLiteral("--set"), path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no reply"), run.err.constData());
    QVERIFY(write("not json"));
    run = smsdesk(rules + QStringList{QStringLiteral("--set"), path});
    QCOMPARE(run.exitCode, 2);
    run = smsdesk(rules + QStringList{QStringLiteral("--show")});
    QCOMPARE(QJsonDocument::fromJson(run.out).object(), shown);

    run = smsdesk(rules + QStringList{QStringLiteral("--clear")});
    QCOMPARE(run.exitCode, 0);
    run = smsdesk(rules + QStringList{QStringLiteral("--show")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(run.out)
                .object()
                .value(QStringLiteral("keywords"))
                .toArray()
                .isEmpty());

    // Exactly one action.
    run = smsdesk(rules + QStringList{QStringLiteral("--show"), QStringLiteral("--clear")});
    QCOMPARE(run.exitCode, 2);
}

void TestCliNumbers::numbersAddWarnsAndTakesATimeZone()
{
    const QStringList add{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    Run run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+447700900123"),
                                        QStringLiteral("--provider"), QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +447700900123 (oncloud)\n"));
    QVERIFY2(run.err.startsWith("smsdesk: warning: --number +44 7700 900123 is in no number range"),
             run.err.constData());

    run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550042"),
                                    QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                                    QStringLiteral("--device-id"), QStringLiteral("42"),
                                    QStringLiteral("--sim"), QStringLiteral("1"),
                                    QStringLiteral("--time-zone"),
                                    QStringLiteral("Australia/Sydney")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    {
        const QString name = QStringLiteral("zone-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            const Clock clock;
            const auto number =
                NumberRepository(db, clock).findByE164(QStringLiteral("+17705550042"));
            QVERIFY(number);
            QCOMPARE(number->timeZone, QStringLiteral("Australia/Sydney"));
        }
        QSqlDatabase::removeDatabase(name);
    }

    const QString before = snapshot();
    run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550043"),
                                    QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                                    QStringLiteral("--device-id"), QStringLiteral("43"),
                                    QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--time-zone \"Mars/Olympus\": Enter a time zone"),
             run.err.constData());
    run =
        smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+14045559999"),
                                  QStringLiteral("--provider"), QStringLiteral("oncloud"),
                                  QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--time-zone does not apply to provider oncloud"),
             run.err.constData());
    QCOMPARE(snapshot(), before);
}

void TestCliNumbers::numbersRemoveAcceptsTypedNumber()
{
    seed();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("+14045559999"),
                       QStringLiteral("--provider"), QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(snapshot().contains(QLatin1String("+14045559999")));

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +14045559999\n"));
    const QString after = snapshot();
    QVERIFY(!after.contains(QLatin1String("+14045559999")));
    QVERIFY(after.contains(QLatin1String("+14045550000"))); // the other number stays

    // Removing it again: not provisioned.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("1-404-555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("not provisioned"), run.err.constData());
    QCOMPARE(snapshot(), after);

    // A number that is not a number at all.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("(404) 555-99999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QCOMPARE(snapshot(), after);
}

void TestCliNumbers::numbersBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("variable"); // set in the environment, when not empty: NAME=VALUE
    QTest::addColumn<QString>("expected");
    const QString number = QStringLiteral("--number");
    const QString provider = QStringLiteral("--provider");
    const QString good = QStringLiteral("+14045559999");
    const QString oncloud = QStringLiteral("oncloud");

    QTest::newRow("invalid number")
        << QStringList{number,
                       QStringLiteral("(404) 555-99999"),
                       QStringLiteral("--region"),
                       QStringLiteral("US"),
                       provider,
                       oncloud}
        << QString()
        << QStringLiteral("smsdesk: --number \"(404) 555-99999\" is not a valid number");
    QTest::newRow("not a number") << QStringList{number, QStringLiteral("call me"), provider,
                                                 oncloud}
                                  << QString() << QStringLiteral("--number");
    QTest::newRow("device id for oncloud")
        << QStringList{number,
                       good,
                       provider,
                       oncloud,
                       QStringLiteral("--device-id"),
                       QStringLiteral("42")}
        << QString() << QStringLiteral("smsdesk: --device-id does not apply to provider oncloud");
    QTest::newRow("service id for zonitel")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("zonitel"),
                       QStringLiteral("--service-id"),
                       QStringLiteral("SVC-1")}
        << QString() << QStringLiteral("--service-id does not apply to provider zonitel");
    QTest::newRow("unknown provider")
        << QStringList{number, good, provider, QStringLiteral("sms77")} << QString()
        << QStringLiteral("--provider \"sms77\"");
    QTest::newRow("bad URL") << QStringList{number,
                                            good,
                                            provider,
                                            oncloud,
                                            QStringLiteral("--webhook-url"),
                                            QStringLiteral("sms.example.com/hook")}
                             << QString() << QStringLiteral("--webhook-url");
    QTest::newRow("Zonitel http URL")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("zonitel"),
                       QStringLiteral("--client-id"),
                       kZonitelClient,
                       QStringLiteral("--webhook-url"),
                       QStringLiteral("http://sms.example.com/webhooks/zonitel")}
        << QString() << QStringLiteral("https://");
    QTest::newRow("Zonitel client id") << QStringList{number,
                                                      good,
                                                      provider,
                                                      QStringLiteral("zonitel"),
                                                      QStringLiteral("--client-id"),
                                                      QStringLiteral("client-7")}
                                       << QString() << QStringLiteral("--client-id");
    QTest::newRow("bad email") << QStringList{number,
                                              good,
                                              provider,
                                              oncloud,
                                              QStringLiteral("--fallback-email"),
                                              QStringLiteral("support at example")}
                               << QString() << QStringLiteral("--fallback-email");
    QTest::newRow("gateway without device")
        << QStringList{number, good, provider, QStringLiteral("android-gateway")} << QString()
        << QStringLiteral("--device-id");
    QTest::newRow("SIM 2") << QStringList{number,
                                          good,
                                          provider,
                                          QStringLiteral("android-gateway"),
                                          QStringLiteral("--device-id"),
                                          QStringLiteral("7"),
                                          QStringLiteral("--sim"),
                                          QStringLiteral("2")}
                           << QString() << QStringLiteral("--sim");
    QTest::newRow("SIM not a number") << QStringList{number,
                                                     good,
                                                     provider,
                                                     QStringLiteral("android-gateway"),
                                                     QStringLiteral("--device-id"),
                                                     QStringLiteral("7"),
                                                     QStringLiteral("--sim"),
                                                     QStringLiteral("first")}
                                      << QString() << QStringLiteral("--sim");
    QTest::newRow("unknown plan") << QStringList{number,
                                                 good,
                                                 provider,
                                                 oncloud,
                                                 QStringLiteral("--plan"),
                                                 QStringLiteral("Gold")}
                                  << QString() << QStringLiteral("--plan \"Gold\"");
    QTest::newRow("duplicate number")
        << QStringList{number,
                       QStringLiteral("(404) 555-0000"),
                       QStringLiteral("--region"),
                       QStringLiteral("US"),
                       provider,
                       QStringLiteral("pbx")}
        << QString() << QStringLiteral("+14045550000 is already provisioned");
    QTest::newRow("--secret") << QStringList{number,
                                             good,
                                             provider,
                                             oncloud,
                                             QStringLiteral("--secret"),
                                             QStringLiteral("abc")}
                              << QString() << QStringLiteral("--secret-env");
    QTest::newRow("--secret=") << QStringList{number, good, provider, oncloud,
                                              QStringLiteral("--secret=abc")}
                               << QString() << QStringLiteral("--secret-env");
    QTest::newRow("--auth-header") << QStringList{number,
                                                  good,
                                                  provider,
                                                  oncloud,
                                                  QStringLiteral("--auth-header"),
                                                  QStringLiteral("Bearer abc")}
                                   << QString() << QStringLiteral("--auth-header-env");
    QTest::newRow("--path-token") << QStringList{number,
                                                 good,
                                                 provider,
                                                 QStringLiteral("pbx"),
                                                 QStringLiteral("--path-token"),
                                                 QStringLiteral("abcdefghijklmnopqrstuvwxyz")}
                                  << QString() << QStringLiteral("--path-token-env VAR");
    QTest::newRow("path token too short")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=abc123")
        << QStringLiteral("smsdesk: --path-token-env SMS_PATH_TOKEN: A path token has 22 to 128 "
                          "characters, only letters, digits, '-' and '_'.");
    QTest::newRow("path token with slash")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=abcdefghijklmnop/../qrstuvwxyz")
        << QStringLiteral("--path-token-env SMS_PATH_TOKEN: A path token");
    QTest::newRow("empty path token variable")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=") << QStringLiteral("SMS_PATH_TOKEN is not set");
    QTest::newRow("unset variable")
        << QStringList{number,
                       good,
                       provider,
                       oncloud,
                       QStringLiteral("--secret-env"),
                       QStringLiteral("SMSDESK_TEST_NOT_SET")}
        << QString() << QStringLiteral("SMSDESK_TEST_NOT_SET is not set");
    QTest::newRow("empty variable") << QStringList{number,
                                                   good,
                                                   provider,
                                                   oncloud,
                                                   QStringLiteral("--auth-header-env"),
                                                   QStringLiteral("SMS_AUTH")}
                                    << QStringLiteral("SMS_AUTH=") << QStringLiteral("SMS_AUTH");
    QTest::newRow("Zonitel auth without Bearer") << QStringList{number,
                                                                good,
                                                                provider,
                                                                QStringLiteral("zonitel"),
                                                                QStringLiteral("--auth-header-env"),
                                                                QStringLiteral("SMS_AUTH")}
                                                 << QStringLiteral("SMS_AUTH=Basic dXNlcjpwYXNz")
                                                 << QStringLiteral("--auth-header-env SMS_AUTH");
    QTest::newRow("unknown region") << QStringList{number,
                                                   good,
                                                   provider,
                                                   oncloud,
                                                   QStringLiteral("--region"),
                                                   QStringLiteral("XX")}
                                    << QString() << QStringLiteral("--region");
    QTest::newRow("no number") << QStringList{provider, oncloud} << QString()
                               << QStringLiteral("--number");
    QTest::newRow("no provider") << QStringList{number, good} << QString()
                                 << QStringLiteral("--provider");
    QTest::newRow("unknown option")
        << QStringList{number, good, provider, oncloud, QStringLiteral("--colour")} << QString()
        << QStringLiteral("colour");
    QTest::newRow("stray argument")
        << QStringList{number, good, provider, oncloud, QStringLiteral("extra")} << QString()
        << QStringLiteral("extra");
}

void TestCliNumbers::numbersBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, variable);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    QVERIFY(!before.isEmpty());
    QMap<QString, QString> env;
    if (!variable.isEmpty())
        env.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    const Run run = smsdesk(QStringList{QStringLiteral("numbers"), QStringLiteral("add"),
                                        QStringLiteral("--db"), m_db} +
                                arguments,
                            env);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    // A refused value (secret, token) is named by its variable, never repeated.
    const QString value = variable.section(u'=', 1);
    if (!value.isEmpty())
        QVERIFY2(!run.err.contains(value.toUtf8()), "the refused value was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCliNumbers::secretArgumentNotEchoed()
{
    const QString secret = randomValue(QStringLiteral("whsec-"));
    for (const QStringList& given : {QStringList{QStringLiteral("--secret"), secret},
                                     QStringList{QStringLiteral("--auth-header=Bearer ") + secret},
                                     QStringList{QStringLiteral("--path-token=") + secret}}) {
        const Run run = smsdesk(
            QStringList{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                        m_db, QStringLiteral("--number"), QStringLiteral("+14045559999"),
                        QStringLiteral("--provider"), QStringLiteral("oncloud")} +
            given);
        QCOMPARE(run.exitCode, 2);
        CHECK_ONE_ERROR_LINE(run);
        QVERIFY2(!run.err.contains(secret.toUtf8()), "the refused secret was echoed");
        QVERIFY2(!QFileInfo::exists(m_db), "a refused command opened the database");
    }
}

// --- secrets ------------------------------------------------------------------------------

void TestCliNumbers::noKeychainRefusesSecret()
{
    seed();
    const QString before = snapshot();
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
         QStringLiteral("--number"), QStringLiteral("+14045559999"), QStringLiteral("--provider"),
         QStringLiteral("oncloud"), QStringLiteral("--secret-env"), QStringLiteral("SMS_SECRET")},
        {{QStringLiteral("SMS_SECRET"), secret},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    const QString error = QString::fromUtf8(run.err);
    QVERIFY2(error.contains(
                 QRegularExpression(QStringLiteral("no (system )?keychain (service )?is available"),
                                    QRegularExpression::CaseInsensitiveOption)),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("+14045559999 was not added")), qPrintable(error));
    QVERIFY2(!run.err.contains(secret.toUtf8()), "the secret was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCliNumbers::noKeychainRefusesPathToken()
{
    seed();
    const QString before = snapshot();
    const QString token = PathToken::generate();
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
         QStringLiteral("--number"), QStringLiteral("+17705551234"), QStringLiteral("--provider"),
         QStringLiteral("pbx"), QStringLiteral("--path-token-env"),
         QStringLiteral("SMS_PATH_TOKEN")},
        {{QStringLiteral("SMS_PATH_TOKEN"), token},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("+17705551234 was not added"), run.err.constData());
    QCOMPARE(snapshot(), before);
    checkNoFileContains({token});
}

void TestCliNumbers::keychainSecretsStoredOnlyInKeychain()
{
    if (!keychainTestsEnabled())
        QSKIP(KeychainSkip);
    seed();
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const QString auth = randomValue(QStringLiteral("Bearer tok-"));
    const QString e164 = QStringLiteral("+14045559999");
    const QString secretKey = SecretStore::numberKey(e164, SecretStore::Kind::WebhookSecret);
    const QString authKey = SecretStore::numberKey(e164, SecretStore::Kind::AuthorizationHeader);

    Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                 QStringLiteral("--region"), QStringLiteral("US"), QStringLiteral("--provider"),
                 QStringLiteral("zonitel"), QStringLiteral("--client-id"), kZonitelClient,
                 QStringLiteral("--secret-env"), QStringLiteral("SMS_SECRET"),
                 QStringLiteral("--auth-header-env"), QStringLiteral("SMS_AUTH")},
                {{QStringLiteral("SMS_SECRET"), secret}, {QStringLiteral("SMS_AUTH"), auth}});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +14045559999 (zonitel)\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    const QJsonObject added = numbers.at(1); // ordered by number: +14045550000 first
    QCOMPARE(added.value(QStringLiteral("number")).toString(), e164);
    QCOMPARE(added.value(QStringLiteral("secret_set")), QJsonValue(true));
    QCOMPARE(added.value(QStringLiteral("auth_header_set")), QJsonValue(true));
    QCOMPARE(numbers.at(0).value(QStringLiteral("secret_set")), QJsonValue(false));
    run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);

    // The keychain holds exactly the values.
    auto stored = readKeychain(secretKey);
    QVERIFY2(stored, "the keychain did not answer");
    QVERIFY2(stored->ok(), qPrintable(stored->message));
    QVERIFY2(stored->value == secret, "the keychain holds another webhook secret");
    stored = readKeychain(authKey);
    QVERIFY2(stored && stored->ok(),
             stored ? qPrintable(stored->message) : "the keychain did not answer");
    QVERIFY2(stored->value == auth, "the keychain holds another Authorization value");

    // And nothing else does: the database (with -wal/-shm), settings, caches, output.
    checkNoFileContains({secret, auth});

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("+1 404 555 9999")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +14045559999\n"));
    for (const QString& key : {secretKey, authKey}) {
        const auto gone = readKeychain(key);
        QVERIFY2(gone, "the keychain did not answer");
        QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    }
    checkNoFileContains({secret, auth});
}

void TestCliNumbers::keychainPathToken()
{
    if (!keychainTestsEnabled())
        QSKIP(KeychainSkip);
    seed();
    const QString token = PathToken::generate();
    const QString e164 = QStringLiteral("+17705551234");
    const QString key = SecretStore::numberKey(e164, SecretStore::Kind::PathToken);
    const QStringList add{QStringLiteral("numbers"),
                          QStringLiteral("add"),
                          QStringLiteral("--db"),
                          m_db,
                          QStringLiteral("--provider"),
                          QStringLiteral("pbx"),
                          QStringLiteral("--path-token-env"),
                          QStringLiteral("SMS_PATH_TOKEN")};
    const QMap<QString, QString> env{{QStringLiteral("SMS_PATH_TOKEN"), token}};

    Run run = smsdesk(add + QStringList{QStringLiteral("--number"), e164}, env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +17705551234 (pbx)\n"));

    // Listed as set, never shown.
    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(numbers.at(0).value(QStringLiteral("path_token_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("number")).toString(), e164);
    QCOMPARE(numbers.at(1).value(QStringLiteral("path_token_set")), QJsonValue(true));
    QCOMPARE(numbers.at(1).value(QStringLiteral("secret_set")), QJsonValue(false));
    run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype column = lines.at(0).indexOf(QLatin1String("PATH TOKEN"));
    QVERIFY2(column > 0, qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1).mid(column, 3).trimmed(), QStringLiteral("no"));
    QCOMPARE(lines.at(2).mid(column, 3).trimmed(), QStringLiteral("yes"));

    // The keychain holds the token; the database its SHA-256 and nothing more.
    auto stored = readKeychain(key);
    QVERIFY2(stored, "the keychain did not answer");
    QVERIFY2(stored->ok(), qPrintable(stored->message));
    QVERIFY2(stored->value == token, "the keychain holds another path token");
    const QString hash = PathToken::hash(token.toUtf8());
    QVERIFY2(snapshot().contains(QStringLiteral("|%1|").arg(hash)), qPrintable(snapshot()));
    QVERIFY(!m_allOutput.contains(hash.toUtf8()));

    // Another number with the same token: refused before anything is written.
    const QString before = snapshot();
    run =
        smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550000")}, env);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("--path-token-env SMS_PATH_TOKEN") &&
                 run.err.contains("already used by +17705551234"),
             run.err.constData());
    QCOMPARE(snapshot(), before);
    const auto other = readKeychain(
        SecretStore::numberKey(QStringLiteral("+17705550000"), SecretStore::Kind::PathToken));
    QVERIFY2(other, "the keychain did not answer");
    QCOMPARE(int(other->status), int(SecretStore::Status::NotFound));

    checkNoFileContains({token});

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), e164});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto gone = readKeychain(key);
    QVERIFY2(gone, "the keychain did not answer");
    QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    QVERIFY(!snapshot().contains(hash));
    checkNoFileContains({token});
}

QTEST_GUILESS_MAIN(TestCliNumbers)
#include "TestCliNumbers.moc"
