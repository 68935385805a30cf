// Auto-reply rules: whole-word keywords in any case, the first match wins, the out-of-hours
// reply by a weekly schedule in a time zone (across a DST change), the schedule's text form,
// the JSON the store keeps, and what makes rules unusable.

#include "rules/AutoReplyRules.h"
#include "rules/WeeklySchedule.h"

#include <QTest>

using namespace smsdesk;

namespace {

QDateTime utc(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

WeeklySchedule schedule(const QString& text, const QByteArray& zone)
{
    WeeklySchedule result;
    result.setTimeZone(QTimeZone(zone));
    QString error;
    if (!WeeklySchedule::parse(text, &result, &error))
        qWarning("%s", qPrintable(error));
    return result;
}

} // namespace

class TestAutoReplyRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void containsWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<bool>("found");
        QTest::newRow("word") << "What are your hours?"
                              << "hours" << true;
        QTest::newRow("any case") << "HOURS PLEASE"
                                  << "hours" << true;
        QTest::newRow("keyword in capitals") << "what are your hours"
                                             << "Hours" << true;
        QTest::newRow("inside a word") << "hoursly rates"
                                       << "hours" << false;
        QTest::newRow("end of a word") << "openhours"
                                       << "hours" << false;
        QTest::newRow("after a hyphen") << "store-hours?"
                                        << "hours" << true;
        QTest::newRow("phrase") << "your opening   times please"
                                << "opening times" << true;
        QTest::newRow("phrase split") << "opening and times"
                                      << "opening times" << false;
        QTest::newRow("accented") << "Le café est ouvert ?"
                                  << "café" << true;
        QTest::newRow("accented inside") << "les cafés"
                                         << "café" << false;
        QTest::newRow("second occurrence") << "pricey, price?"
                                           << "price" << true;
        QTest::newRow("empty text") << ""
                                    << "hours" << false;
        QTest::newRow("blank keyword") << "anything"
                                       << "  " << false;
    }

    void containsWord()
    {
        QFETCH(QString, text);
        QFETCH(QString, keyword);
        QFETCH(bool, found);
        QCOMPARE(AutoReplyRules::containsWord(text, keyword), found);
    }

    void theFirstMatchingKeywordAnswers()
    {
        AutoReplyRules rules;
        rules.keywordRules = {
            {QStringLiteral("price"), QStringLiteral("Prices: example.com/prices"), {}},
            {QStringLiteral("hours"),
             QStringLiteral("We are open 9 to 5"),
             {QStringLiteral("https://example.com/hours.png")}},
        };
        const QDateTime at = utc(QStringLiteral("2026-02-16T15:00:00Z"));
        auto reply = rules.replyFor(QStringLiteral("hours and PRICE?"), at);
        QVERIFY(reply);
        QCOMPARE(reply->text, QStringLiteral("Prices: example.com/prices"));
        QCOMPARE(reply->reason, QStringLiteral("keyword \"price\""));
        reply = rules.replyFor(QStringLiteral("Your hours?"), at);
        QVERIFY(reply);
        QCOMPARE(reply->text, QStringLiteral("We are open 9 to 5"));
        QCOMPARE(reply->media, QStringList{QStringLiteral("https://example.com/hours.png")});
        QVERIFY(!rules.replyFor(QStringLiteral("hello"), at));
    }

    void outOfHoursByTheScheduleInItsZone_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<bool>("replied");
        // New York: EST (UTC-5) until 8 March 2026, EDT (UTC-4) after.
        QTest::newRow("Monday 08:00 EST, before opening") << "2026-02-16T13:00:00Z" << true;
        QTest::newRow("Monday 09:00 EST, opening") << "2026-02-16T14:00:00Z" << false;
        QTest::newRow("Monday 16:59 EST") << "2026-02-16T21:59:00Z" << false;
        QTest::newRow("Monday 17:00 EST, closed") << "2026-02-16T22:00:00Z" << true;
        QTest::newRow("Saturday 11:00 EST, open") << "2026-02-21T16:00:00Z" << false;
        QTest::newRow("Saturday 15:00 EST, closed") << "2026-02-21T20:00:00Z" << true;
        QTest::newRow("Sunday, closed all day") << "2026-02-22T17:00:00Z" << true;
        QTest::newRow("Monday 09:00 EDT after the change") << "2026-03-09T13:00:00Z" << false;
        QTest::newRow("Monday 08:00 EDT after the change") << "2026-03-09T12:00:00Z" << true;
        QTest::newRow("Friday 23:30 UTC is Friday 18:30 EST") << "2026-02-20T23:30:00Z" << true;
    }

    void outOfHoursByTheScheduleInItsZone()
    {
        QFETCH(QString, at);
        QFETCH(bool, replied);
        AutoReplyRules rules;
        rules.keywordRules = {{QStringLiteral("hours"), QStringLiteral("9 to 5"), {}}};
        rules.outOfHoursEnabled = true;
        rules.outOfHoursReply = QStringLiteral("We are closed; we answer in the morning.");
        rules.businessHours =
            schedule(QStringLiteral("mon-fri 09:00-17:00; sat 10:00-14:00"), "America/New_York");
        const auto reply = rules.replyFor(QStringLiteral("Hi there"), utc(at));
        QCOMPARE(bool(reply), replied);
        if (reply) {
            QCOMPARE(reply->text, QStringLiteral("We are closed; we answer in the morning."));
            QCOMPARE(reply->reason, QStringLiteral("out of hours"));
        }
        // A keyword wins over out of hours.
        const auto keyword = rules.replyFor(QStringLiteral("hours?"), utc(at));
        QVERIFY(keyword);
        QCOMPARE(keyword->text, QStringLiteral("9 to 5"));
        // Switched off: no out-of-hours reply at all.
        rules.outOfHoursEnabled = false;
        QVERIFY(!rules.replyFor(QStringLiteral("Hi there"), utc(at)));
    }

    void scheduleText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("weekdays and saturday") << "mon-fri 09:00-17:00; sat 10:00-14:00"
                                               << "mon-fri 09:00-17:00; sat 10:00-14:00";
        QTest::newRow("days listed") << "mon,tue,wed 08:00-12:00"
                                     << "mon-wed 08:00-12:00";
        QTest::newRow("wrapping range") << "fri-mon 10:00-12:00"
                                        << "mon 10:00-12:00; fri-sun 10:00-12:00";
        QTest::newRow("two intervals") << "mon 09:00-12:00, 13:00-17:00"
                                       << "mon 09:00-12:00,13:00-17:00";
        QTest::newRow("overlap merged") << "mon 09:00-12:00,11:00-13:00"
                                        << "mon 09:00-13:00";
        QTest::newRow("until midnight") << "sat 20:00-24:00"
                                        << "sat 20:00-24:00";
        QTest::newRow("any case and spaces") << "  MON-Fri   9:00-17:00 ;"
                                             << "mon-fri 09:00-17:00";
        QTest::newRow("empty") << ""
                               << "";
    }

    void scheduleText()
    {
        QFETCH(QString, text);
        QFETCH(QString, formatted);
        WeeklySchedule parsed;
        QString error;
        QVERIFY2(WeeklySchedule::parse(text, &parsed, &error), qPrintable(error));
        QCOMPARE(parsed.toString(), formatted);
        WeeklySchedule again;
        QVERIFY(WeeklySchedule::parse(parsed.toString(), &again, &error));
        QVERIFY(again == parsed);
    }

    void scheduleErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown day")
            << "funday 09:00-17:00"
            << "\"funday\" is not a day or a range of days (mon, tue, wed, thu, fri, sat, sun; "
               "mon-fri)";
        QTest::newRow("no hours") << "mon"
                                  << "\"mon\" needs days and hours, such as \"mon-fri "
                                     "09:00-17:00\"";
        QTest::newRow("not a time") << "mon 9-5"
                                    << "\"9-5\" is not a time range such as 09:00-17:00";
        QTest::newRow("past 24") << "mon 09:00-24:30"
                                 << "\"09:00-24:30\" is not a time range such as 09:00-17:00";
        QTest::newRow("backwards") << "mon 17:00-09:00"
                                   << "17:00-09:00 ends before it starts (an interval past "
                                      "midnight is two: \"fri 22:00-24:00; sat 00:00-02:00\")";
    }

    void scheduleErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        WeeklySchedule parsed;
        QString reason;
        QVERIFY(!WeeklySchedule::parse(text, &parsed, &reason));
        QCOMPARE(reason, error);
    }

    void jsonRoundTrip()
    {
        AutoReplyRules rules;
        rules.keywordRules = {
            {QStringLiteral("hours"), QStringLiteral("9 to 5, Mon–Fri"), {}},
            {QStringLiteral("menu"),
             QStringLiteral("Our menu"),
             {QStringLiteral("https://example.com/menu.pdf")}},
        };
        rules.outOfHoursEnabled = true;
        rules.outOfHoursReply = QStringLiteral("Closed now");
        rules.businessHours = schedule(QStringLiteral("mon-fri 09:00-17:00"), "Europe/Berlin");
        QString error;
        const auto back = AutoReplyRules::fromJson(rules.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(*back == rules);
        QCOMPARE(back->businessHours.timeZone().id(), QByteArray("Europe/Berlin"));

        QVERIFY(!AutoReplyRules::fromJson("not json", &error));
        QVERIFY2(error.startsWith(QStringLiteral("the stored rules are not JSON")),
                 qPrintable(error));
        QVERIFY(!AutoReplyRules::fromJson(R"({"version": 2})", &error));
        QCOMPARE(error,
                 QStringLiteral("the stored rules have a version this program does not know"));
        QVERIFY(!AutoReplyRules::fromJson(
            R"({"version": 1, "outOfHours": {"timeZone": "Mars/Olympus", "hours": ""}})", &error));
        QCOMPARE(error, QStringLiteral("the stored time zone \"Mars/Olympus\" is not known here"));
    }

    void problems()
    {
        AutoReplyRules rules;
        QCOMPARE(rules.problem(), QString());
        QVERIFY(rules.isEmpty());
        rules.keywordRules = {{QStringLiteral(" "), QStringLiteral("x"), {}}};
        QCOMPARE(rules.problem(), QStringLiteral("rule 1 has no keyword"));
        rules.keywordRules = {{QStringLiteral("hours"), QStringLiteral(""), {}}};
        QCOMPARE(rules.problem(), QStringLiteral("the rule for \"hours\" has no reply (onCloud "
                                                 "sends no empty reply)"));
        rules.keywordRules = {{QStringLiteral("hours"),
                               QStringLiteral("9-5"),
                               {QStringLiteral("ftp://example.com/a.png")}}};
        QCOMPARE(rules.problem(), QStringLiteral("the rule for \"hours\": "
                                                 "\"ftp://example.com/a.png\" is not an http(s) "
                                                 "link"));
        rules.keywordRules.clear();
        rules.outOfHoursEnabled = true;
        QCOMPARE(rules.problem(), QStringLiteral("the out-of-hours reply is empty"));
        rules.outOfHoursReply = QStringLiteral("Closed");
        QCOMPARE(rules.problem(), QStringLiteral("out-of-hours replies need the business hours"));
        rules.businessHours = schedule(QStringLiteral("mon 09:00-17:00"), "UTC");
        QCOMPARE(rules.problem(), QString());
        QVERIFY(!rules.isEmpty());
    }
};

QTEST_MAIN(TestAutoReplyRules)
#include "TestAutoReplyRules.moc"
