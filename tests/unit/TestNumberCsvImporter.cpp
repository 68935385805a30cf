// NumberCsvImporter: the CSV reader of `smsdesk numbers import` (RFC 4180, the header row,
// row validation through NumberValidator, plans, duplicates and secrets from the environment).

#include "provisioning/NumberCsvImporter.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace smsdesk;

class TestNumberCsvImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotingAndLineEnds();
    void headerNamesAreForgiving();
    void lineNumbersCountQuotedLineBreaks();
    void blankRowsAreSkipped();
    void quotingErrors_data();
    void quotingErrors();
    void headerErrors_data();
    void headerErrors();
    void plansAndDuplicates();
    void secretsComeFromTheEnvironment();
    void simSlot();
    void notUtf8();

private:
    NumberCsvImporter::Result read(const QByteArray& csv);

    QHash<QString, qint64> m_plans{{QStringLiteral("Basic"), 3}};
    QSet<QString> m_provisioned{QStringLiteral("+14045550000")};
    QHash<QString, QString> m_environment;
};

NumberCsvImporter::Result TestNumberCsvImporter::read(const QByteArray& csv)
{
    NumberCsvImporter::Lookups lookups;
    lookups.planId = [this](const QString& name) -> std::optional<qint64> {
        if (!m_plans.contains(name))
            return std::nullopt;
        return m_plans.value(name);
    };
    lookups.isProvisioned = [this](const QString& e164) { return m_provisioned.contains(e164); };
    lookups.environment = [this](const QString& variable) { return m_environment.value(variable); };
    return NumberCsvImporter(QStringLiteral("US"), lookups).read(csv);
}

void TestNumberCsvImporter::quotingAndLineEnds()
{
    const auto result = read("number,provider,label,webhook_url\r\n"
                             "\"(404) 555-9999\",oncloud,\"Sales, \"\"East\"\"\",\"\"\r\n"
                             "+17705551234,pbx,,https://sms.example.com/a?b=1,2\n"
                             "+442079460958,zonitel,\"\",\"https://sms.example.com/z\"");
    // Line 3 has five fields for a four-column header.
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 3);
    QVERIFY2(result.problems.first().reason.contains(QLatin1String("5 fields")),
             qPrintable(result.problems.first().reason));
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).line, 2);
    QCOMPARE(result.rows.at(0).e164, QStringLiteral("+14045559999"));
    QCOMPARE(result.rows.at(0).draft.label, QStringLiteral("Sales, \"East\""));
    QCOMPARE(result.rows.at(0).draft.provider, QStringLiteral("oncloud"));
    QVERIFY(result.rows.at(0).draft.webhookUrl.isEmpty());
    QCOMPARE(result.rows.at(1).line, 4); // the last line has no line end
    QCOMPARE(result.rows.at(1).e164, QStringLiteral("+442079460958"));
    QCOMPARE(result.rows.at(1).draft.webhookUrl, QStringLiteral("https://sms.example.com/z"));

    // The same URL quoted is one field.
    const auto quoted =
        read("number,provider,webhook_url\n+17705551234,pbx,\"https://sms.example.com/a?b=1,2\"\n");
    QVERIFY(quoted.ok());
    QCOMPARE(quoted.rows.first().draft.webhookUrl,
             QStringLiteral("https://sms.example.com/a?b=1,2"));
}

void TestNumberCsvImporter::headerNamesAreForgiving()
{
    // A UTF-8 BOM (spreadsheets write one), capitals, spaces and dashes in column names.
    const auto result = read("\xef\xbb\xbfNumber, Provider ,Webhook URL,Fallback-Email,Service ID\n"
                             "+17705551234,PBX,https://sms.example.com/p,ops@example.com,8812\n");
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.problems.first().reason));
    QCOMPARE(result.rows.size(), 1);
    const NumberDraft& draft = result.rows.first().draft;
    QCOMPARE(draft.provider, QStringLiteral("PBX")); // the validator lower-cases it when saving
    QCOMPARE(draft.webhookUrl, QStringLiteral("https://sms.example.com/p"));
    QCOMPARE(draft.fallbackEmail, QStringLiteral("ops@example.com"));
    QCOMPARE(draft.serviceId, QStringLiteral("8812"));
    QCOMPARE(NumberCsvImporter::columns().size(), 12);
}

void TestNumberCsvImporter::lineNumbersCountQuotedLineBreaks()
{
    const auto result = read("number,provider,label\n"
                             "+14045559999,oncloud,\"two\n"
                             "lines\"\n"
                             "(404) 555-99999,oncloud,x\n");
    QCOMPARE(result.problems.size(), 2);
    QCOMPARE(result.problems.at(0).line, 2);
    QVERIFY2(result.problems.at(0).reason.startsWith(QLatin1String("label: ")),
             qPrintable(result.problems.at(0).reason));
    QCOMPARE(result.problems.at(1).line, 4);
    QVERIFY2(result.problems.at(1).reason.startsWith(
                 QLatin1String("number \"(404) 555-99999\" is not a valid number")),
             qPrintable(result.problems.at(1).reason));
    for (const auto& problem : result.problems)
        QVERIFY(!problem.reason.contains(u'\n'));
}

void TestNumberCsvImporter::blankRowsAreSkipped()
{
    const auto result = read("\n"
                             "number,provider\n"
                             "\n"
                             ",\n"
                             "+14045559999,oncloud\n"
                             "\r\n");
    QVERIFY(result.ok());
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.first().line, 5);

    const auto headerOnly = read("number,provider\n");
    QVERIFY(headerOnly.ok());
    QVERIFY(headerOnly.rows.isEmpty());
}

void TestNumberCsvImporter::quotingErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QString>("reason");
    QTest::newRow("never closed")
        << QByteArray("number,provider\n+14045559999,\"oncloud\n+17705551234,pbx\n")
        << QList<int>{2} << QStringLiteral("never closed");
    QTest::newRow("quote inside") << QByteArray(
                                         "number,provider,label\n+14045559999,oncloud,6\" tall\n"
                                         "(404) 555-99999,oncloud,\n")
                                  << QList<int>{2, 3} << QStringLiteral("A quote inside a field");
    QTest::newRow("after closing quote")
        << QByteArray("number,provider,label\n+14045559999,oncloud,\"a\" b\n"
                      "+17705551234,pbx,ok\n")
        << QList<int>{2} << QStringLiteral("after a closing quote");
    QTest::newRow("field count") << QByteArray(
                                        "number,provider\n+14045559999\n+17705551234,pbx,x\n")
                                 << QList<int>{2, 3} << QStringLiteral("fields");
}

void TestNumberCsvImporter::quotingErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QList<int>, lines);
    QFETCH(QString, reason);
    const auto result = read(csv);
    QList<int> found;
    for (const auto& problem : result.problems)
        found << problem.line;
    QCOMPARE(found, lines);
    QVERIFY2(result.problems.first().reason.contains(reason),
             qPrintable(result.problems.first().reason));
}

void TestNumberCsvImporter::headerErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("reason");
    const QByteArray row = "+14045559999,oncloud,x\n";
    QTest::newRow("empty") << QByteArray("\n\n") << QStringLiteral("The file is empty");
    QTest::newRow("unknown") << "number,provider,colour\n" + row
                             << QStringLiteral("Unknown column \"colour\"");
    QTest::newRow("twice") << "number,provider,Number\n" + row << QStringLiteral("appears twice");
    QTest::newRow("no number") << "provider,label,plan\n" + row
                               << QStringLiteral("no \"number\" column");
    QTest::newRow("unnamed") << "number,,provider\n" + row << QStringLiteral("no name");
    QTest::newRow("secret") << "number,provider,secret\n" + row << QStringLiteral("secret_env");
    QTest::newRow("authorization")
        << "number,provider,Authorization\n" + row << QStringLiteral("auth_header_env");
}

void TestNumberCsvImporter::headerErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, reason);
    const auto result = read(csv);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 1);
    QVERIFY(result.rows.isEmpty());
    QVERIFY2(result.problems.first().reason.contains(reason),
             qPrintable(result.problems.first().reason));
}

void TestNumberCsvImporter::plansAndDuplicates()
{
    const auto result = read("number,provider,plan\n"
                             "+14045559999,oncloud,Basic\n"
                             "(404) 555-0000,pbx,\n"
                             "+1 404 555 9999,pbx,\n"
                             "+17705551234,pbx,Gold\n"
                             "+442079460958,zonitel, Basic \n");
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).draft.planId, qint64(3));
    QCOMPARE(result.rows.at(1).e164, QStringLiteral("+442079460958"));
    QCOMPARE(result.rows.at(1).draft.planId, qint64(3));
    QCOMPARE(result.problems.size(), 3);
    QCOMPARE(result.problems.at(0).line, 3);
    QCOMPARE(result.problems.at(0).reason,
             QStringLiteral("The number +14045550000 is already provisioned."));
    QCOMPARE(result.problems.at(1).line, 4);
    QCOMPARE(result.problems.at(1).reason,
             QStringLiteral("The number +14045559999 is also on line 2."));
    QCOMPARE(result.problems.at(2).line, 5);
    QVERIFY2(result.problems.at(2).reason.startsWith(QLatin1String("plan \"Gold\": ")),
             qPrintable(result.problems.at(2).reason));
}

void TestNumberCsvImporter::secretsComeFromTheEnvironment()
{
    const QString secret = QStringLiteral("whsec-not-in-the-file");
    m_environment.insert(QStringLiteral("PBX_SECRET"), secret);
    m_environment.insert(QStringLiteral("ZONITEL_AUTH"), QStringLiteral("Bearer tok-1"));
    m_environment.insert(QStringLiteral("BAD_AUTH"), QStringLiteral("Basic abc"));
    m_environment.insert(QStringLiteral("BAD_SECRET"),
                         QStringLiteral("ctl") + QChar(1) + QStringLiteral("secret-xyz"));
    const auto result = read("number,provider,secret_env,auth_header_env\n"
                             "+17705551234,pbx,PBX_SECRET,\n"
                             "+442079460958,zonitel,,ZONITEL_AUTH\n"
                             "+14045559999,oncloud,NOT_SET,\n"
                             "+13125550000,zonitel,,BAD_AUTH\n"
                             "+61412345678,oncloud,BAD_SECRET,\n");
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).draft.secret, std::optional<QString>(secret));
    QVERIFY(!result.rows.at(0).draft.authHeader);
    QVERIFY(!result.rows.at(1).draft.secret);
    QCOMPARE(result.rows.at(1).draft.authHeader,
             std::optional<QString>(QStringLiteral("Bearer tok-1")));
    QCOMPARE(result.problems.size(), 3);
    QCOMPARE(
        result.problems.at(0).reason,
        QStringLiteral("secret_env: the environment variable NOT_SET is not set or is empty."));
    QVERIFY2(result.problems.at(1).reason.startsWith(QLatin1String("auth_header_env BAD_AUTH: ")),
             qPrintable(result.problems.at(1).reason));
    QVERIFY2(result.problems.at(2).reason.startsWith(QLatin1String("secret_env BAD_SECRET: ")),
             qPrintable(result.problems.at(2).reason));
    for (const auto& problem : result.problems) {
        QVERIFY(!problem.reason.contains(QLatin1String("Basic abc")));
        QVERIFY(!problem.reason.contains(QLatin1String("secret-xyz")));
    }
}

void TestNumberCsvImporter::simSlot()
{
    const auto result = read("number,provider,device_id,sim\n"
                             "+14045559999,android-gateway,7,1\n"
                             "+17705551234,android-gateway,8,\n"
                             "+442079460958,android-gateway,9,one\n"
                             "+61412345678,android-gateway,10,2\n");
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).draft.sim, 1);
    QCOMPARE(result.rows.at(1).draft.sim, -1);
    QCOMPARE(result.problems.size(), 2);
    QVERIFY2(result.problems.at(0).reason.startsWith(QLatin1String("sim \"one\": ")),
             qPrintable(result.problems.at(0).reason));
    QVERIFY2(result.problems.at(1).reason.startsWith(QLatin1String("sim \"2\": ")),
             qPrintable(result.problems.at(1).reason));
}

void TestNumberCsvImporter::notUtf8()
{
    const auto result =
        read("number,provider,label\n+14045559999,oncloud,ok\n+17705551234,pbx,caf\xe9\n");
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 3);
    QVERIFY(result.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestNumberCsvImporter)
#include "TestNumberCsvImporter.moc"
