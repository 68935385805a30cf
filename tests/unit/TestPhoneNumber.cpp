#include "phone/PhoneNumber.h"

#include <QTest>

using smsdesk::PhoneNumber;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedForms_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("national");

        QTest::newRow("parenthesised") << "(404) 555-9999"
                                       << "US"
                                       << "+14045559999"
                                       << "(404) 555-9999";
        QTest::newRow("international dashes") << "+1-404-555-9999"
                                              << "US"
                                              << "+14045559999"
                                              << "(404) 555-9999";
        QTest::newRow("digits with country code") << "14045559999"
                                                  << "US"
                                                  << "+14045559999"
                                                  << "(404) 555-9999";
        QTest::newRow("ten digits") << "4045559999"
                                    << "US"
                                    << "+14045559999"
                                    << "(404) 555-9999";
        QTest::newRow("dots and spaces") << " 404.555.9999 "
                                         << "US"
                                         << "+14045559999"
                                         << "(404) 555-9999";
        QTest::newRow("australian mobile") << "0412 345 678"
                                           << "AU"
                                           << "+61412345678"
                                           << "0412 345 678";
        QTest::newRow("foreign digits from US") << "61412345678"
                                                << "US"
                                                << "+61412345678"
                                                << "0412 345 678";
        QTest::newRow("uk with plus") << "+44 20 7946 0958"
                                      << "US"
                                      << "+442079460958"
                                      << "020 7946 0958";
        QTest::newRow("lower-case region") << "(404) 555-9999"
                                           << "us"
                                           << "+14045559999"
                                           << "(404) 555-9999";
    }

    void typedForms()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        QFETCH(QString, national);

        const auto result = PhoneNumber::parse(input, region);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.number.e164(), e164);
        QCOMPARE(result.number.digitsOnly(), e164.mid(1));
        QCOMPARE(result.number.national(), national);
        QVERIFY(!result.number.isEmpty());
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << ""
                               << "Enter a phone number";
        QTest::newRow("blank") << "   "
                               << "Enter a phone number";
        QTest::newRow("letters") << "call me"
                                 << "is not a phone number";
        QTest::newRow("too short") << "555-99"
                                   << "not a valid number";
        QTest::newRow("too long") << "+1 404 555 9999 1234 5678"
                                  << "too many digits";
        QTest::newRow("bad country code") << "+999 123 456 789"
                                          << "country code";
        QTest::newRow("one digit short") << "+1 404 555 999"
                                         << "not a valid number";
        QTest::newRow("uk, too short") << "+44 7700"
                                       << "not a valid number";
        QTest::newRow("too long for the US, not read as another country's") << "404-555-99999"
                                                                            << "too many digits";
    }

    // libphonenumber's metadata lags new ranges (Debian's is from 2020): a number of the right
    // length with a known country code is accepted, with a warning to check it.
    void possibleButUnknown_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("region");
        QTest::newRow("uk range newer than the metadata") << "+447700900123"
                                                          << "+447700900123"
                                                          << "GB";
        QTest::newRow("unassigned area code") << "(000) 555-9999"
                                              << "+10005559999"
                                              << "US";
        QTest::newRow("Zonitel's example number") << "+10000000020"
                                                  << "+10000000020"
                                                  << "US";
    }

    void possibleButUnknown()
    {
        QFETCH(QString, input);
        QFETCH(QString, e164);
        QFETCH(QString, region);
        const auto result = PhoneNumber::parse(input, QStringLiteral("US"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.number.e164(), e164);
        QCOMPARE(result.number.region(), region);
        QVERIFY2(result.warning.contains(QStringLiteral("in no number range")),
                 qPrintable(result.warning));
        QVERIFY(result.warning.contains(result.number.international()));
        // A known number has no warning.
        QVERIFY(PhoneNumber::parse(QStringLiteral("(404) 555-9999"), QStringLiteral("US"))
                    .warning.isEmpty());
    }

    void rejected()
    {
        QFETCH(QString, input);
        QFETCH(QString, reason);

        const auto result = PhoneNumber::parse(input, QStringLiteral("US"));
        QVERIFY(!result.ok());
        QVERIFY(result.number.isEmpty());
        QVERIFY2(result.error.contains(reason), qPrintable(result.error));
    }

    void displayUsesHomeRegion()
    {
        QCOMPARE(PhoneNumber::displayE164(QStringLiteral("+14045559999"), QStringLiteral("US")),
                 QStringLiteral("(404) 555-9999"));
        QCOMPARE(PhoneNumber::displayE164(QStringLiteral("+14045559999"), QStringLiteral("AU")),
                 QStringLiteral("+1 404-555-9999"));
        QCOMPARE(PhoneNumber::displayE164(QStringLiteral("SHOP"), QStringLiteral("US")),
                 QStringLiteral("SHOP"));
    }

    void regions()
    {
        QVERIFY(PhoneNumber::isKnownRegion(QStringLiteral("US")));
        QVERIFY(PhoneNumber::isKnownRegion(QStringLiteral("au")));
        QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("XX")));
        QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("USA")));
        QVERIFY(PhoneNumber::isKnownRegion(PhoneNumber::systemRegion()));
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "TestPhoneNumber.moc"
