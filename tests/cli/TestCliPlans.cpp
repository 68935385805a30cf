// `smsdesk plans add` and `smsdesk plans list`, run as the built binary (test::CliTestCase)
// against a real SQLite file: the plans as listed (JSON Lines, table), refused input that
// changes nothing.

#include "CliTestCase.h"

#include <QJsonObject>
#include <QTest>

using namespace smsdesk;

class TestCliPlans : public test::CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void plansAddAndList();
    void plansBadInput_data();
    void plansBadInput();
};

// --- plans add / list ---------------------------------------------------------------------

void TestCliPlans::plansAddAndList()
{
    const QStringList add{QStringLiteral("plans"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    Run run = smsdesk(add + QStringList{QStringLiteral("--name"), QStringLiteral("Basic"),
                                        QStringLiteral("--monthly-limit"), QStringLiteral("1000")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QVERIFY2(run.out.contains("Basic") && run.out.count('\n') == 1, run.out.constData());

    run = smsdesk(add + QStringList{QStringLiteral("--name"), QStringLiteral("Pro Plus"),
                                    QStringLiteral("--monthly-limit"), QStringLiteral("25000"),
                                    QStringLiteral("--no-outbound"), QStringLiteral("--inactive"),
                                    QStringLiteral("--cycle-day"), QStringLiteral("15")});
    QCOMPARE(run.exitCode, 0);

    // A number on Basic makes its count 1.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("+14045559999"),
                   QStringLiteral("--provider"), QStringLiteral("oncloud"),
                   QStringLiteral("--plan"), QStringLiteral("Basic")});
    QCOMPARE(run.exitCode, 0);

    const QList<QJsonObject> plans = listJsonl({QStringLiteral("plans")});
    QCOMPARE(plans.size(), 2);
    const QJsonObject basic = plans.at(0);
    const QJsonObject pro = plans.at(1);
    QCOMPARE(basic.keys().size(), 7);
    QVERIFY(basic.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(basic.value(QStringLiteral("name")).toString(), QStringLiteral("Basic"));
    QCOMPARE(basic.value(QStringLiteral("monthly_limit")).toInt(), 1000);
    QCOMPARE(basic.value(QStringLiteral("outbound_included")), QJsonValue(true));
    QCOMPARE(basic.value(QStringLiteral("active")), QJsonValue(true));
    QCOMPARE(basic.value(QStringLiteral("cycle_day")).toInt(), 1);
    QCOMPARE(basic.value(QStringLiteral("numbers")).toInt(), 1);
    QCOMPARE(pro.value(QStringLiteral("name")).toString(), QStringLiteral("Pro Plus"));
    QCOMPARE(pro.value(QStringLiteral("monthly_limit")).toInt(), 25000);
    QCOMPARE(pro.value(QStringLiteral("outbound_included")), QJsonValue(false));
    QCOMPARE(pro.value(QStringLiteral("active")), QJsonValue(false));
    QCOMPARE(pro.value(QStringLiteral("cycle_day")).toInt(), 15);
    QCOMPARE(pro.value(QStringLiteral("numbers")).toInt(), 0);
    QVERIFY(pro.value(QStringLiteral("id")).toInteger() !=
            basic.value(QStringLiteral("id")).toInteger());

    // The table: a header and one row per plan, in aligned columns.
    run = smsdesk({QStringLiteral("plans"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype nameColumn = lines.at(0).indexOf(QLatin1String("NAME"));
    const qsizetype limitColumn = lines.at(0).indexOf(QLatin1String("MONTHLY LIMIT"));
    QVERIFY(nameColumn > 0 && limitColumn > nameColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("Basic")), nameColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("1000")), limitColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("Pro Plus")), nameColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("25000")), limitColumn);
}

void TestCliPlans::plansBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no name") << QStringList{QStringLiteral("--monthly-limit"), QStringLiteral("10")}
                             << QStringLiteral("--name");
    QTest::newRow("empty name") << QStringList{QStringLiteral("--name"), QStringLiteral("  "),
                                               QStringLiteral("--monthly-limit"),
                                               QStringLiteral("10")}
                                << QStringLiteral("--name");
    QTest::newRow("no limit") << QStringList{QStringLiteral("--name"), QStringLiteral("X")}
                              << QStringLiteral("--monthly-limit");
    QTest::newRow("limit not a number")
        << QStringList{QStringLiteral("--name"), QStringLiteral("X"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("lots")}
        << QStringLiteral("--monthly-limit");
    QTest::newRow("limit zero") << QStringList{QStringLiteral("--name"), QStringLiteral("X"),
                                               QStringLiteral("--monthly-limit"),
                                               QStringLiteral("0")}
                                << QStringLiteral("--monthly-limit");
    QTest::newRow("cycle day 32") << QStringList{QStringLiteral("--name"),
                                                 QStringLiteral("X"),
                                                 QStringLiteral("--monthly-limit"),
                                                 QStringLiteral("10"),
                                                 QStringLiteral("--cycle-day"),
                                                 QStringLiteral("32")}
                                  << QStringLiteral("--cycle-day");
    QTest::newRow("duplicate name")
        << QStringList{QStringLiteral("--name"), QStringLiteral("Basic"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("10")}
        << QStringLiteral("already exists");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--name"),          QStringLiteral("X"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("10"),
                       QStringLiteral("--colour"),        QStringLiteral("red")}
        << QStringLiteral("colour");
}

void TestCliPlans::plansBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    QVERIFY(!before.isEmpty());
    const Run run = smsdesk(
        QStringList{QStringLiteral("plans"), QStringLiteral("add"), QStringLiteral("--db"), m_db} +
        arguments);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    QCOMPARE(snapshot(), before);
}

QTEST_GUILESS_MAIN(TestCliPlans)
#include "TestCliPlans.moc"
