// `smsdesk COMMAND --help` for every command and subcommand, run as the built binary
// (test::CliTestCase): usage on stdout, nothing on stderr, the database untouched.

#include "CliTestCase.h"

#include <QFileInfo>
#include <QTest>

using namespace smsdesk;

class TestCliHelp : public test::CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void helpForEveryCommand_data();
    void helpForEveryCommand();
};

// --- help ---------------------------------------------------------------------------------

void TestCliHelp::helpForEveryCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("numbers") << QStringList{QStringLiteral("numbers"), QStringLiteral("--help")}
                             << QStringLiteral("import");
    QTest::newRow("numbers add") << QStringList{QStringLiteral("numbers"), QStringLiteral("add"),
                                                QStringLiteral("--help")}
                                 << QStringLiteral("--auth-header-env");
    QTest::newRow("numbers list") << QStringList{QStringLiteral("numbers"), QStringLiteral("list"),
                                                 QStringLiteral("--help")}
                                  << QStringLiteral("--format");
    QTest::newRow("numbers remove")
        << QStringList{QStringLiteral("numbers"), QStringLiteral("remove"),
                       QStringLiteral("--help")}
        << QStringLiteral("--number");
    QTest::newRow("numbers import")
        << QStringList{QStringLiteral("numbers"), QStringLiteral("import"),
                       QStringLiteral("--help")}
        << QStringLiteral("secret_env");
    QTest::newRow("plans") << QStringList{QStringLiteral("plans"), QStringLiteral("--help")}
                           << QStringLiteral("--monthly-limit");
    QTest::newRow("plans add") << QStringList{QStringLiteral("plans"), QStringLiteral("add"),
                                              QStringLiteral("--help")}
                               << QStringLiteral("--cycle-day");
    QTest::newRow("plans list") << QStringList{QStringLiteral("plans"), QStringLiteral("list"),
                                               QStringLiteral("--help")}
                                << QStringLiteral("jsonl");
}

void TestCliHelp::helpForEveryCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = smsdesk(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("Usage: smsdesk %1").arg(arguments.first())),
             qPrintable(out));
    QVERIFY2(out.contains(expected), qPrintable(out));
    QVERIFY2(!QFileInfo::exists(m_db), "--help touched the database");
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "TestCliHelp.moc"
