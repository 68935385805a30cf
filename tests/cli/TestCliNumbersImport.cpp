// `smsdesk numbers import FILE.csv`, run as the built binary (test::CliTestCase) against a
// real SQLite file: a good file, bad rows and bad files that import nothing, and secrets named by
// environment variables that go to the keychain and nowhere else. The CSV reader itself:
// tests/unit/TestNumberCsvImporter.cpp.

#include "CliTestCase.h"

#include <QHash>
#include <QJsonObject>
#include <QTest>

using namespace smsdesk;

namespace {

const QString kZonitelClient = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");

} // namespace

class TestCliNumbersImport : public test::CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void importGoodFile();
    void importBadRowsImportsNothing();
    void importRefusesSecretColumnAndBadQuoting_data();
    void importRefusesSecretColumnAndBadQuoting();
    void importMissingFile();
    void noKeychainImportTakesBackEarlierRows();
    void keychainImportSecrets();
};

// --- import -------------------------------------------------------------------------------

void TestCliNumbersImport::importGoodFile()
{
    seed();
    // Columns in any order, RFC 4180 quoting (a comma and doubled quotes), CRLF line ends,
    // an empty trailing line, numbers typed the way people type them.
    const QByteArray csv =
        "label,number,provider,plan,webhook_url,service_id,client_id,device_id,sim\r\n"
        "\"Sales, \"\"East\"\"\",(404) "
        "555-9999,oncloud,Basic,https://sms.example.com/webhooks/oncloud,,,,\r\n"
        "PBX line,+1 770 555 1234,pbx,,,8812,,,\r\n"
        "Zonitel,+44 20 7946 0958,zonitel,Basic,https://sms.example.com/webhooks/zonitel,,"
        "550e8400-e29b-41d4-a716-446655440000,,\r\n"
        "\"Gateway\",+61412345678,android-gateway,,,,,7,1\r\n"
        "\r\n";
    const QString file = writeFile(QStringLiteral("numbers.csv"), csv);
    const Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--region"), QStringLiteral("US"), file});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("imported 4 numbers\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 5);
    QHash<QString, QJsonObject> byNumber;
    for (const QJsonObject& number : numbers)
        byNumber.insert(number.value(QStringLiteral("number")).toString(), number);
    QCOMPARE(
        byNumber.value(QStringLiteral("+14045559999")).value(QStringLiteral("label")).toString(),
        QStringLiteral("Sales, \"East\""));
    QCOMPARE(
        byNumber.value(QStringLiteral("+14045559999")).value(QStringLiteral("plan")).toString(),
        QStringLiteral("Basic"));
    QCOMPARE(byNumber.value(QStringLiteral("+17705551234"))
                 .value(QStringLiteral("service_id"))
                 .toString(),
             QStringLiteral("8812"));
    QCOMPARE(byNumber.value(QStringLiteral("+442079460958"))
                 .value(QStringLiteral("client_id"))
                 .toString(),
             kZonitelClient);
    QCOMPARE(byNumber.value(QStringLiteral("+61412345678")).value(QStringLiteral("sim")),
             QJsonValue(1));
    QCOMPARE(byNumber.value(QStringLiteral("+61412345678"))
                 .value(QStringLiteral("device_id"))
                 .toString(),
             QStringLiteral("7"));

    const QList<QJsonObject> plans = listJsonl({QStringLiteral("plans")});
    QCOMPARE(plans.size(), 1);
    QCOMPARE(plans.first().value(QStringLiteral("numbers")).toInt(), 3);
}

void TestCliNumbersImport::importBadRowsImportsNothing()
{
    seed();
    const QString before = snapshot();
    // Line 2 is fine; 3: invalid number; 4: unknown provider and a Zonitel-style http URL is
    // fine for it but the provider is not; 5: already provisioned; 6: a quoted field spanning
    // two lines (label with a line break); 8: the same number as line 2; 9: unknown plan.
    const QByteArray csv =
        "number,provider,label,plan,webhook_url\n"
        "+14045559999,oncloud,Good,,\n"
        "(404) 555-99999,oncloud,Bad number,,\n"
        "+17705551234,sms77,Bad provider,,\n"
        "+1 404 555 0000,pbx,Taken,,\n"
        "+442079460958,zonitel,\"two\nlines\",,https://sms.example.com/webhooks/zonitel\n"
        "+1 (404) 555-9999,pbx,Again,,\n"
        "+61412345678,oncloud,No plan,Gold,\n"
        "+13125550000,zonitel,Plain http,,http://sms.example.com/webhooks/zonitel\n";
    const QString file = writeFile(QStringLiteral("bad.csv"), csv);
    const Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--region"), QStringLiteral("US"), file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    const QStringList expected{
        QStringLiteral("%1:3: number \"(404) 555-99999\" is not a valid number").arg(file),
        QStringLiteral("%1:4: provider \"sms77\"").arg(file),
        QStringLiteral("%1:5: The number +14045550000 is already provisioned.").arg(file),
        QStringLiteral("%1:6: label").arg(file),
        QStringLiteral("%1:8: The number +14045559999 is also on line 2.").arg(file),
        QStringLiteral("%1:9: plan \"Gold\"").arg(file),
        QStringLiteral("%1:10: webhook_url \"http://sms.example.com/webhooks/zonitel\"").arg(file),
        QStringLiteral("smsdesk: %1: nothing imported: 7 rows have errors.").arg(file),
    };
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(expected.at(i)),
                 qPrintable(lines.at(i) + QLatin1String(" | ") + expected.at(i)));
    QCOMPARE(snapshot(), before);
}

void TestCliNumbersImport::importRefusesSecretColumnAndBadQuoting_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected"); // after "FILE:"
    QTest::newRow("secret column")
        << QByteArray("number,provider,secret\n+14045559999,oncloud,hunter2\n")
        << QStringLiteral("1: The column \"secret\" would put a secret in the file");
    QTest::newRow("unknown column")
        << QByteArray("number,provider,colour\n+14045559999,oncloud,red\n")
        << QStringLiteral("1: Unknown column \"colour\"");
    QTest::newRow("no provider column")
        << QByteArray("number,label\n+14045559999,x\n")
        << QStringLiteral("1: The header has no \"provider\" column.");
    QTest::newRow("empty file") << QByteArray("") << QStringLiteral("1: The file is empty");
    QTest::newRow("unclosed quote")
        << QByteArray("number,provider,label\n+14045559999,oncloud,\"open\n")
        << QStringLiteral("2: A quoted field starts in this row and is never closed.");
    QTest::newRow("stray quote") << QByteArray(
                                        "number,provider,label\n+14045559999,oncloud,6\" tall\n")
                                 << QStringLiteral("2: A quote inside a field");
    QTest::newRow("text after quote")
        << QByteArray("number,provider,label\n+14045559999,oncloud,\"a\"b\n")
        << QStringLiteral("2: Unexpected text after a closing quote");
    QTest::newRow("field count") << QByteArray("number,provider,label\n+14045559999,oncloud\n")
                                 << QStringLiteral("2: The row has 2 fields, the header 3.");
    QTest::newRow("unset secret variable")
        << QByteArray("number,provider,secret_env\n+14045559999,oncloud,SMSDESK_TEST_NOT_SET\n")
        << QStringLiteral("2: secret_env: the environment variable SMSDESK_TEST_NOT_SET is not set "
                          "or is empty.");
    QTest::newRow("not UTF-8") << QByteArray(
                                      "number,provider,label\n+14045559999,oncloud,caf\xe9\n")
                               << QStringLiteral("2: The file is not UTF-8 text");
}

void TestCliNumbersImport::importRefusesSecretColumnAndBadQuoting()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    const QString file = writeFile(QStringLiteral("import.csv"), csv);
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(file + u':' + expected), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("smsdesk: ")), qPrintable(lines.at(1)));
    QVERIFY2(!run.err.contains("hunter2"), "a secret from the file was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCliNumbersImport::importMissingFile()
{
    seed();
    const QString before = snapshot();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"),
                       m_db, m_root->filePath(QStringLiteral("nowhere.csv"))});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QCOMPARE(snapshot(), before);
}

// --- secrets ------------------------------------------------------------------------------

void TestCliNumbersImport::noKeychainImportTakesBackEarlierRows()
{
    seed();
    const QString before = snapshot();
    // Every row is valid; the keychain fails on line 3, after line 2 was added: line 2 is
    // taken back, so nothing is imported.
    const QByteArray csv = "number,provider,secret_env\n"
                           "+14045559999,oncloud,\n"
                           "+17705551234,pbx,SMS_SECRET\n";
    const QString file = writeFile(QStringLiteral("secrets.csv"), csv);
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file},
        {{QStringLiteral("SMS_SECRET"), secret},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(file + QLatin1String(":3: +17705551234 was not added")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("smsdesk: ")) &&
                 lines.at(1).contains(QLatin1String("nothing imported")),
             qPrintable(lines.at(1)));
    QVERIFY2(!run.err.contains(secret.toUtf8()), "the secret was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCliNumbersImport::keychainImportSecrets()
{
    if (!keychainTestsEnabled())
        QSKIP(KeychainSkip);
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const QString auth = randomValue(QStringLiteral("Bearer tok-"));
    const QByteArray csv = "number,provider,secret_env,auth_header_env\n"
                           "+17705551234,pbx,PBX_SECRET,\n"
                           "+442079460958,zonitel,,ZONITEL_AUTH\n";
    const QString file = writeFile(QStringLiteral("secrets.csv"), csv);
    Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file},
        {{QStringLiteral("PBX_SECRET"), secret}, {QStringLiteral("ZONITEL_AUTH"), auth}});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("imported 2 numbers\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(numbers.at(0).value(QStringLiteral("number")).toString(),
             QStringLiteral("+17705551234"));
    QCOMPARE(numbers.at(0).value(QStringLiteral("secret_set")), QJsonValue(true));
    QCOMPARE(numbers.at(0).value(QStringLiteral("auth_header_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("secret_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("auth_header_set")), QJsonValue(true));

    auto stored = readKeychain(
        SecretStore::numberKey(QStringLiteral("+17705551234"), SecretStore::Kind::WebhookSecret));
    QVERIFY2(stored && stored->ok() && stored->value == secret,
             "the PBX secret is not in the keychain");
    stored = readKeychain(SecretStore::numberKey(QStringLiteral("+442079460958"),
                                                 SecretStore::Kind::AuthorizationHeader));
    QVERIFY2(stored && stored->ok() && stored->value == auth,
             "the Zonitel Authorization value is not in the keychain");
    checkNoFileContains({secret, auth});

    for (const QString& number :
         {QStringLiteral("+17705551234"), QStringLiteral("+442079460958")}) {
        run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), number});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
    for (const QString& key :
         {SecretStore::numberKey(QStringLiteral("+17705551234"), SecretStore::Kind::WebhookSecret),
          SecretStore::numberKey(QStringLiteral("+442079460958"),
                                 SecretStore::Kind::AuthorizationHeader)}) {
        const auto gone = readKeychain(key);
        QVERIFY2(gone, "the keychain did not answer");
        QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    }
}

QTEST_GUILESS_MAIN(TestCliNumbersImport)
#include "TestCliNumbersImport.moc"
