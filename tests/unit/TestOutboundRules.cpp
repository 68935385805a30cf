// The pure rules of sending: the onCloud error catalogue, what a typed draft must be, billing
// cycles (cycle day 31 in short months, the user's time zone, daylight saving), the plan
// guard's decisions and its 80 % warning, the retry backoff and the request body.

#include "outbound/BillingCycle.h"
#include "outbound/OnCloudOutboundClient.h"
#include "outbound/OutboundDraft.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "outbound/PlanGuard.h"
#include "outbound/RetryPolicy.h"
#include "outbound/SendResult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace smsdesk;

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute).addMSecs(ms), Qt::UTC);
}

const QTimeZone kNewYork("America/New_York");

NumberRecord numberWithSecret(bool hasSecret = true)
{
    NumberRecord number;
    number.id = 1;
    number.e164 = QStringLiteral("+14045559999");
    number.provider = QStringLiteral("oncloud");
    number.hasSecret = hasSecret;
    number.planId = 1;
    return number;
}

PlanUsage usageOf(int limit, qint64 used, bool active = true, bool outbound = true)
{
    PlanUsage usage;
    usage.hasPlan = true;
    usage.planName = QStringLiteral("Basic");
    usage.limit = limit;
    usage.used = used;
    usage.active = active;
    usage.outboundIncluded = outbound;
    usage.endDate = QDate(2026, 3, 1);
    return usage;
}

} // namespace

class TestOutboundRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(kNewYork.isValid()); }

    // --- the error catalogue ----------------------------------------------------------------

    void catalogueHasEveryDocumentedCode()
    {
        const QStringList documented = {QStringLiteral("WH-AUTH"), QStringLiteral("WH-1"),
                                        QStringLiteral("WH-2"),    QStringLiteral("WH-3"),
                                        QStringLiteral("WH-23-2"), QStringLiteral("WH-23-3"),
                                        QStringLiteral("WH-23-4")};
        QCOMPARE(OutboundErrorCatalogue::codes(), documented);
        QSet<QString> meanings;
        for (const QString& code : documented) {
            const auto entry = OutboundErrorCatalogue::find(code);
            QVERIFY2(entry, qPrintable(code));
            QCOMPARE(entry->code, code);
            QVERIFY2(!entry->meaning.isEmpty() && !entry->resolution.isEmpty(), qPrintable(code));
            // None of them goes away by sending the same thing again.
            QVERIFY2(!entry->retryHelps, qPrintable(code));
            meanings.insert(entry->meaning);
            QCOMPARE(OutboundErrorCatalogue::find(QLatin1Char('[') + code + QLatin1Char(']'))->code,
                     code);
        }
        QCOMPARE(meanings.size(), documented.size());
        // The resolutions carry the document's advice.
        QVERIFY(OutboundErrorCatalogue::find(QStringLiteral("WH-23-3"))
                    ->resolution.contains(QStringLiteral("next billing cycle")));
        QVERIFY(OutboundErrorCatalogue::find(QStringLiteral("WH-2"))
                    ->resolution.contains(QStringLiteral("14045559999")));
        QVERIFY(!OutboundErrorCatalogue::find(QStringLiteral("WH-9")));
        QVERIFY(!OutboundErrorCatalogue::find(QString()));
    }

    void catalogueFindsTheCodeInAMessage_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("document example")
            << "Authentication failed: invalid secret. Error: [WH-AUTH]"
            << "WH-AUTH";
        QTest::newRow("two-part code") << "Monthly SMS limit exceeded. Error: [WH-23-3]"
                                       << "WH-23-3";
        QTest::newRow("unknown code") << "Something new. Error: [WH-99]"
                                      << "WH-99";
        QTest::newRow("lower case") << "x. Error: [wh-2]"
                                    << "WH-2";
        QTest::newRow("the last one wins") << "[WH-1] said before. Error: [WH-3]"
                                           << "WH-3";
        QTest::newRow("none") << "SMS Queued | FROM: 1 | TO: 2 | ID: bw-msg-1"
                              << "";
        QTest::newRow("a bracket that is no code") << "see [docs] Error: none"
                                                   << "";
    }

    void catalogueFindsTheCodeInAMessage()
    {
        QFETCH(QString, message);
        QFETCH(QString, code);
        QCOMPARE(OutboundErrorCatalogue::codeIn(message), code);
    }

    void catalogueDescribesUnknownCodesRaw()
    {
        QVERIFY(OutboundErrorCatalogue::describe(QStringLiteral("WH-23-4"))
                    .startsWith(QStringLiteral("WH-23-4: ")));
        const QString unknown = OutboundErrorCatalogue::describe(QStringLiteral("WH-99"),
                                                                 QStringLiteral("Odd. [WH-99]"));
        QVERIFY(unknown.contains(QStringLiteral("WH-99")));
        QVERIFY(unknown.contains(QStringLiteral("Odd. [WH-99]")));
    }

    // --- the draft ----------------------------------------------------------------------------

    void draftReadsTheRecipientInTheDidsRegion_data()
    {
        QTest::addColumn<QString>("did");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("digits"); // empty: refused
        QTest::newRow("US national") << "+14045559999"
                                     << "(770) 555-1234"
                                     << "17705551234";
        QTest::newRow("US with 1") << "+14045559999"
                                   << "1-770-555-1234"
                                   << "17705551234";
        QTest::newRow("E.164") << "+14045559999"
                               << "+1 770 555 1234"
                               << "17705551234";
        QTest::newRow("UK number from a US DID") << "+14045559999"
                                                 << "+44 20 7946 0958"
                                                 << "442079460958";
        QTest::newRow("UK national from a UK DID") << "+442079460000"
                                                   << "020 7946 0958"
                                                   << "442079460958";
        QTest::newRow("Australian mobile from an AU DID") << "+61299999999"
                                                          << "0412 345 678"
                                                          << "61412345678";
        QTest::newRow("too short") << "+14045559999"
                                   << "555-1234"
                                   << "";
        QTest::newRow("letters") << "+14045559999"
                                 << "call me"
                                 << "";
        QTest::newRow("empty") << "+14045559999"
                               << ""
                               << "";
        // Valid, but fewer than the 10 digits onCloud takes (Niue: +683 and 4 digits).
        QTest::newRow("fewer than 10 digits") << "+14045559999"
                                              << "+683 7000"
                                              << "";
    }

    void draftReadsTheRecipientInTheDidsRegion()
    {
        QFETCH(QString, did);
        QFETCH(QString, typed);
        QFETCH(QString, digits);
        OutboundDraft draft;
        draft.didE164 = did;
        draft.to = typed;
        draft.text = QStringLiteral("hello");
        const OutboundDraft::Checked checked = draft.check();
        if (digits.isEmpty()) {
            QVERIFY(!checked.ok());
            QVERIFY(checked.errors.contains(OutboundDraft::Field::To));
            QVERIFY(!checked.errors.value(OutboundDraft::Field::To).isEmpty());
            if (QByteArray(QTest::currentDataTag()).startsWith("fewer than 10"))
                QVERIFY2(checked.errors.value(OutboundDraft::Field::To)
                             .contains(QStringLiteral("10 to 15 digits")),
                         qPrintable(checked.errors.value(OutboundDraft::Field::To)));
            return;
        }
        QVERIFY2(checked.ok(), qPrintable(checked.errorText()));
        QCOMPARE(checked.toDigits, digits);
        QCOMPARE(checked.toE164, QLatin1Char('+') + digits);
    }

    void draftNeedsTextOrAnHttpMediaLink()
    {
        OutboundDraft draft;
        draft.didE164 = QStringLiteral("+14045559999");
        draft.to = QStringLiteral("7705551234");
        QVERIFY(draft.check().errors.contains(OutboundDraft::Field::Text));
        draft.mediaUrl = QStringLiteral("  https://example.com/a.jpg ");
        QVERIFY(draft.check().ok()); // an MMS may have empty text
        QCOMPARE(draft.check().mediaUrl, QStringLiteral("https://example.com/a.jpg"));
        for (const char* bad : {"ftp://example.com/a.jpg", "example.com/a.jpg",
                                "file:///etc/passwd", "javascript:alert(1)", "http://"}) {
            draft.mediaUrl = QLatin1String(bad);
            QVERIFY2(draft.check().errors.contains(OutboundDraft::Field::MediaUrl), bad);
        }
        draft.mediaUrl = QStringLiteral("http://example.com/a.png");
        draft.text = QStringLiteral("both");
        QVERIFY(draft.check().ok());
    }

    // --- billing cycles -----------------------------------------------------------------------

    void cycleOfTheDocumentDay()
    {
        // 2026-02-13 14:30 in New York; cycle day 1: Feb 1 to Mar 1, local midnights.
        const BillingCycle cycle = BillingCycle::containing(utc(2026, 2, 13, 19, 30), 1, kNewYork);
        QCOMPARE(cycle.startDate(), QDate(2026, 2, 1));
        QCOMPARE(cycle.endDate(), QDate(2026, 3, 1));
        QCOMPARE(cycle.start(), utc(2026, 2, 1, 5)); // EST is UTC-5
        QCOMPARE(cycle.end(), utc(2026, 3, 1, 5));
        QCOMPARE(cycle.daysLeft(), 16);
    }

    void cycleDayBeyondTheMonthMeansItsLastDay_data()
    {
        QTest::addColumn<int>("cycleDay");
        QTest::addColumn<QDate>("today"); // noon, New York
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::newRow("31: mid February")
            << 31 << QDate(2026, 2, 15) << QDate(2026, 1, 31) << QDate(2026, 2, 28);
        QTest::newRow("31: Feb 28 starts")
            << 31 << QDate(2026, 2, 28) << QDate(2026, 2, 28) << QDate(2026, 3, 31);
        QTest::newRow("31: Mar 30")
            << 31 << QDate(2026, 3, 30) << QDate(2026, 2, 28) << QDate(2026, 3, 31);
        QTest::newRow("31: Mar 31 starts")
            << 31 << QDate(2026, 3, 31) << QDate(2026, 3, 31) << QDate(2026, 4, 30);
        QTest::newRow("31: Apr 30 starts")
            << 31 << QDate(2026, 4, 30) << QDate(2026, 4, 30) << QDate(2026, 5, 31);
        QTest::newRow("30: leap February")
            << 30 << QDate(2028, 2, 29) << QDate(2028, 2, 29) << QDate(2028, 3, 30);
        QTest::newRow("30: Feb 28 of a leap year")
            << 30 << QDate(2028, 2, 28) << QDate(2028, 1, 30) << QDate(2028, 2, 29);
        QTest::newRow("29: common February")
            << 29 << QDate(2027, 3, 1) << QDate(2027, 2, 28) << QDate(2027, 3, 29);
        QTest::newRow("15: across the year")
            << 15 << QDate(2026, 1, 3) << QDate(2025, 12, 15) << QDate(2026, 1, 15);
        QTest::newRow("1: the first")
            << 1 << QDate(2026, 12, 1) << QDate(2026, 12, 1) << QDate(2027, 1, 1);
    }

    void cycleDayBeyondTheMonthMeansItsLastDay()
    {
        QFETCH(int, cycleDay);
        QFETCH(QDate, today);
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        const QDateTime noon = QDateTime(today, QTime(12, 0), kNewYork).toUTC();
        const BillingCycle cycle = BillingCycle::containing(noon, cycleDay, kNewYork);
        QCOMPARE(cycle.startDate(), start);
        QCOMPARE(cycle.endDate(), end);
        QCOMPARE(cycle.daysLeft(), int(today.daysTo(end)));
        QVERIFY(cycle.contains(noon.toMSecsSinceEpoch()));
        QCOMPARE(cycle.start(), QDateTime(start, QTime(0, 0), kNewYork).toUTC());
    }

    void cycleBoundaryIsLocalMidnight()
    {
        // Cycle day 1 in New York: the cycle changes at 05:00 UTC, not at 00:00 UTC.
        const QDateTime boundary = utc(2026, 3, 1, 5);
        const BillingCycle before = BillingCycle::containing(boundary.addMSecs(-1), 1, kNewYork);
        const BillingCycle after = BillingCycle::containing(boundary, 1, kNewYork);
        QCOMPARE(before.startDate(), QDate(2026, 2, 1));
        QCOMPARE(before.endMs(), boundary.toMSecsSinceEpoch());
        QCOMPARE(before.daysLeft(), 1);
        QCOMPARE(after.startDate(), QDate(2026, 3, 1));
        QCOMPARE(after.startMs(), boundary.toMSecsSinceEpoch());
        QVERIFY(!before.contains(boundary.toMSecsSinceEpoch()));
        QVERIFY(after.contains(boundary.toMSecsSinceEpoch()));
        // Midnight UTC is still February in New York.
        QCOMPARE(BillingCycle::containing(utc(2026, 3, 1), 1, kNewYork).startDate(),
                 QDate(2026, 2, 1));
        // And in UTC it is March.
        QCOMPARE(BillingCycle::containing(utc(2026, 3, 1), 1, QTimeZone::utc()).startDate(),
                 QDate(2026, 3, 1));
    }

    void cycleAcrossDaylightSaving()
    {
        // New York springs forward on 2026-03-08 at 02:00: a cycle starting on the 8th begins
        // at midnight EST (05:00 UTC) and the next one at midnight EDT (04:00 UTC), 31 days less
        // one hour later.
        const BillingCycle cycle = BillingCycle::containing(utc(2026, 3, 20), 8, kNewYork);
        QCOMPARE(cycle.start(), utc(2026, 3, 8, 5));
        QCOMPARE(cycle.end(), utc(2026, 4, 8, 4));
        // Santiago skips midnight itself (00:00 -> 01:00 on 2026-09-06): the cycle starts at
        // the first moment of that day.
        const QTimeZone santiago("America/Santiago");
        QVERIFY(santiago.isValid());
        const BillingCycle skipped = BillingCycle::containing(utc(2026, 9, 10), 6, santiago);
        QCOMPARE(skipped.startDate(), QDate(2026, 9, 6));
        QVERIFY(skipped.start().isValid());
        QCOMPARE(skipped.start(), utc(2026, 9, 6, 4));
        QVERIFY(skipped.contains(utc(2026, 9, 6, 4).toMSecsSinceEpoch()));
        QVERIFY(!skipped.contains(utc(2026, 9, 6, 3, 59).toMSecsSinceEpoch()));
    }

    // --- the plan guard -----------------------------------------------------------------------

    void guardRefusesWithTheProvidersCode_data()
    {
        QTest::addColumn<bool>("hasSecret");
        QTest::addColumn<bool>("hasPlan");
        QTest::addColumn<bool>("active");
        QTest::addColumn<bool>("outbound");
        QTest::addColumn<int>("used");
        QTest::addColumn<QString>("code");
        // limit 10
        QTest::newRow("fine") << true << true << true << true << 3 << "";
        QTest::newRow("one left") << true << true << true << true << 9 << "";
        QTest::newRow("at the limit") << true << true << true << true << 10 << "WH-23-3";
        QTest::newRow("past the limit") << true << true << true << true << 12 << "WH-23-3";
        QTest::newRow("inactive") << true << true << false << true << 0 << "WH-23-2";
        QTest::newRow("no outbound") << true << true << true << false << 0 << "WH-23-4";
        QTest::newRow("inactive comes first") << true << true << false << false << 10 << "WH-23-2";
        QTest::newRow("outbound before the limit")
            << true << true << true << false << 10 << "WH-23-4";
        QTest::newRow("no secret comes first")
            << false << true << false << false << 10 << "WH-AUTH";
        QTest::newRow("no plan: not limited") << true << false << true << true << 100000 << "";
        QTest::newRow("no plan, no secret") << false << false << true << true << 0 << "WH-AUTH";
    }

    void guardRefusesWithTheProvidersCode()
    {
        QFETCH(bool, hasSecret);
        QFETCH(bool, hasPlan);
        QFETCH(bool, active);
        QFETCH(bool, outbound);
        QFETCH(int, used);
        QFETCH(QString, code);
        PlanUsage usage = usageOf(10, used, active, outbound);
        usage.hasPlan = hasPlan;
        QCOMPARE(PlanGuard::refusal(numberWithSecret(hasSecret), usage), code);
        if (!code.isEmpty())
            QVERIFY(OutboundErrorCatalogue::find(code));
    }

    void guardWarnsAtEightyPercent_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("used");
        QTest::addColumn<bool>("warns");
        QTest::newRow("79 of 100") << 100 << 79 << false;
        QTest::newRow("80 of 100") << 100 << 80 << true;
        QTest::newRow("99 of 100") << 100 << 99 << true;
        QTest::newRow("100 of 100") << 100 << 100 << true;
        QTest::newRow("7 of 10") << 10 << 7 << false;
        QTest::newRow("8 of 10") << 10 << 8 << true;
        QTest::newRow("3 of 4 (75 %)") << 4 << 3 << false;
        QTest::newRow("4 of 5") << 5 << 4 << true;
        QTest::newRow("0 of 1") << 1 << 0 << false;
    }

    void guardWarnsAtEightyPercent()
    {
        QFETCH(int, limit);
        QFETCH(int, used);
        QFETCH(bool, warns);
        const PlanUsage usage = usageOf(limit, used);
        QCOMPARE(PlanGuard::warns(usage), warns);
        QCOMPARE(PlanGuard::warningText(usage).isEmpty(), !warns);
        if (warns) {
            QVERIFY(PlanGuard::warningText(usage).contains(QString::number(used)));
            QVERIFY(PlanGuard::warningText(usage).contains(QStringLiteral("Basic")));
        }
        PlanUsage none = usage;
        none.hasPlan = false;
        QVERIFY(!PlanGuard::warns(none));
    }

    // --- retries ----------------------------------------------------------------------------

    void backoffGrowsWithJitterAndIsBounded()
    {
        RetryPolicy policy;
        policy.baseDelayMs = 1000;
        policy.maxDelayMs = 60000;
        policy.maxAttempts = 5;
        QRandomGenerator random(42);
        for (int attempt = 1; attempt <= 12; ++attempt) {
            const qint64 ceiling = std::min<qint64>(60000, 1000LL << (attempt - 1));
            QSet<qint64> seen;
            for (int i = 0; i < 200; ++i) {
                const qint64 delay = policy.delayMs(attempt, -1, random);
                QVERIFY2(delay >= ceiling / 2 && delay <= ceiling,
                         qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(delay)));
                seen.insert(delay);
            }
            QVERIFY2(seen.size() > 20, "no jitter"); // spread, not one value
        }
        // A longer Retry-After wins, up to the ceiling of all waits.
        QCOMPARE(policy.delayMs(1, 30000, random), qint64(30000));
        QCOMPARE(policy.delayMs(1, 3600000, random), qint64(60000));
        QVERIFY(policy.mayRetry(4));
        QVERIFY(!policy.mayRetry(5));
    }

    // --- the request --------------------------------------------------------------------------

    void requestBodyIsTheDocumentsShape()
    {
        OnCloudOutboundClient::Request request;
        request.from = QStringLiteral("14045559999");
        request.to = QStringLiteral("17705551234");
        request.text = QStringLiteral("Your appointment is confirmed for Friday at 3pm.");
        request.secret = QStringLiteral("your-webhook-secret");
        request.mediaUrl = QStringLiteral("https://example.com/confirmation.jpg");
        QCOMPARE(OnCloudOutboundClient::body(request),
                 QByteArray("{\"from\":\"14045559999\",\"to\":\"17705551234\",\"text\":\"Your "
                            "appointment is confirmed for Friday at 3pm.\",\"secret\":\"your-"
                            "webhook-secret\",\"media_url\":\"https://example.com/"
                            "confirmation.jpg\"}"));
        request.mediaUrl.clear();
        const QJsonObject object =
            QJsonDocument::fromJson(OnCloudOutboundClient::body(request)).object();
        QVERIFY(!object.contains(QStringLiteral("media_url")));
        QCOMPARE(object.size(), 4);
    }

    void baseUrlMustBeHttp()
    {
        QUrl base;
        QString error;
        QVERIFY(OnCloudOutboundClient::parseBase(QStringLiteral("https://api.cloudspirevoice.com/"),
                                                 &base, &error));
        QCOMPARE(base.toString(), QStringLiteral("https://api.cloudspirevoice.com/"));
        QVERIFY(OnCloudOutboundClient::parseBase(QStringLiteral("http://127.0.0.1:8090"), &base,
                                                 &error));
        QCOMPARE(base.toString(), QStringLiteral("http://127.0.0.1:8090/"));
        QVERIFY(OnCloudOutboundClient::parseBase(QStringLiteral("http://proxy.local/oncloud"),
                                                 &base, &error));
        QCOMPARE(base.resolved(QUrl(QStringLiteral("webhook-to-sms.php"))).toString(),
                 QStringLiteral("http://proxy.local/oncloud/webhook-to-sms.php"));
        for (const char* bad : {"ftp://example.com/", "api.cloudspirevoice.com", "", "http://",
                                "https://example.com/?x=1"}) {
            error.clear();
            QVERIFY2(!OnCloudOutboundClient::parseBase(QLatin1String(bad), &base, &error), bad);
            QVERIFY(!error.isEmpty());
        }
    }

    void resultClassification()
    {
        SendResult result;
        result.outcome = SendResult::Outcome::NotSent;
        QVERIFY(result.isTransient() && !result.isAmbiguous());
        result.outcome = SendResult::Outcome::NoAnswer;
        QVERIFY(!result.isTransient() && result.isAmbiguous());
        result.outcome = SendResult::Outcome::BadAnswer;
        QVERIFY(!result.isTransient() && result.isAmbiguous());
        result.outcome = SendResult::Outcome::HttpError;
        for (const int status : {429, 500, 502, 503, 504}) {
            result.httpStatus = status;
            QVERIFY2(result.isTransient(), qPrintable(QString::number(status)));
        }
        for (const int status : {301, 400, 401, 403, 404, 413}) {
            result.httpStatus = status;
            QVERIFY2(!result.isTransient(), qPrintable(QString::number(status)));
        }
        result.outcome = SendResult::Outcome::Refused;
        result.httpStatus = 400;
        QVERIFY(!result.isTransient() && !result.isAmbiguous());
    }
};

QTEST_GUILESS_MAIN(TestOutboundRules)
#include "TestOutboundRules.moc"
