// SmsSegments counts like a carrier: GSM-7 at the 160/153 boundaries with and without extension
// characters (an escape never split across parts), UCS-2 at 70/67, emoji and surrogate pairs
// (never split), mixed scripts, the culprit list and the GSM-7 twins.

#include "outbound/SmsSegments.h"

#include <QTest>

using namespace smsdesk;

namespace {

QString times(const QString& text, int n)
{
    return text.repeated(n);
}

const QString kGrin = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600, a surrogate pair

} // namespace

class TestSmsSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("gsm");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("parts");
        QTest::addColumn<int>("perPart");
        QTest::addColumn<int>("remaining");

        const QString a = QStringLiteral("a");
        const QString euro = QString(QChar(0x20AC));
        const QString aAcute = QString(QChar(0x00E1)); // á: not in GSM-7
        QTest::newRow("empty") << QString() << true << 0 << 0 << 160 << 160;
        QTest::newRow("one") << a << true << 1 << 1 << 160 << 159;
        QTest::newRow("gsm 160") << times(a, 160) << true << 160 << 1 << 160 << 0;
        QTest::newRow("gsm 161") << times(a, 161) << true << 161 << 2 << 153 << 145;
        QTest::newRow("gsm 306") << times(a, 306) << true << 306 << 2 << 153 << 0;
        QTest::newRow("gsm 307") << times(a, 307) << true << 307 << 3 << 153 << 152;
        QTest::newRow("every basic character")
            << QStringLiteral(
                   "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà")
            << true << 65 << 1 << 160 << 95;
        QTest::newRow("extension characters count two")
            << QStringLiteral("^{}\\[~]|") + euro << true << 18 << 1 << 160 << 142;
        QTest::newRow("80 euro signs fill one message")
            << times(euro, 80) << true << 160 << 1 << 160 << 0;
        QTest::newRow("81 euro signs: 76 in the first part")
            << times(euro, 81) << true << 162 << 2 << 153 << 143;
        QTest::newRow("an escape is not split across parts")
            << times(a, 152) + euro + times(a, 152) << true << 306 << 3 << 153 << 152;
        QTest::newRow("ucs2 70") << times(aAcute, 70) << false << 70 << 1 << 70 << 0;
        QTest::newRow("ucs2 71") << times(aAcute, 71) << false << 71 << 2 << 67 << 63;
        QTest::newRow("ucs2 134") << times(aAcute, 134) << false << 134 << 2 << 67 << 0;
        QTest::newRow("ucs2 135") << times(aAcute, 135) << false << 135 << 3 << 67 << 66;
        QTest::newRow("one emoji makes the text ucs2")
            << times(a, 68) + kGrin << false << 70 << 1 << 70 << 0;
        QTest::newRow("35 emoji fill one message")
            << times(kGrin, 35) << false << 70 << 1 << 70 << 0;
        QTest::newRow("36 emoji: 33 in the first part")
            << times(kGrin, 36) << false << 72 << 2 << 67 << 61;
        QTest::newRow("a surrogate pair is not split across parts")
            << times(a, 66) + kGrin + times(a, 3) << false << 71 << 2 << 67 << 62;
        QTest::newRow("extension characters count one in ucs2")
            << QStringLiteral("{}") + aAcute << false << 3 << 1 << 70 << 67;
        QTest::newRow("mixed scripts")
            << QStringLiteral("Hello Привет") << false << 12 << 1 << 70 << 58;
        QTest::newRow("hebrew right to left")
            << QStringLiteral("שלום") << false << 4 << 1 << 70 << 66;
    }

    void counts()
    {
        QFETCH(QString, text);
        QFETCH(bool, gsm);
        QFETCH(int, units);
        QFETCH(int, parts);
        QFETCH(int, perPart);
        QFETCH(int, remaining);
        const SmsSegments segments = SmsSegments::count(text);
        QCOMPARE(segments.encoding(),
                 gsm ? SmsSegments::Encoding::Gsm7 : SmsSegments::Encoding::Ucs2);
        QCOMPARE(segments.units(), units);
        QCOMPARE(segments.parts(), parts);
        QCOMPARE(segments.unitsPerPart(), perPart);
        QCOMPARE(segments.remaining(), remaining);
        QCOMPARE(segments.culprits().isEmpty(), gsm);
    }

    void namesTheCulpritsWithTheirTwins()
    {
        const QString text =
            QStringLiteral("It’s great – see you at 5… It’s “fine”") + kGrin + QStringLiteral(" ç");
        const SmsSegments segments = SmsSegments::count(text);
        QCOMPARE(segments.encoding(), SmsSegments::Encoding::Ucs2);
        const QList<SmsSegments::Culprit>& culprits = segments.culprits();
        QCOMPARE(culprits.size(), 7);
        QCOMPARE(culprits.at(0).character, QStringLiteral("’"));
        QCOMPARE(culprits.at(0).name, QStringLiteral("right single quotation mark"));
        QCOMPARE(culprits.at(0).replacement, QStringLiteral("'"));
        QCOMPARE(culprits.at(0).count, 2);
        QCOMPARE(culprits.at(1).character, QStringLiteral("–"));
        QCOMPARE(culprits.at(1).name, QStringLiteral("en dash"));
        QCOMPARE(culprits.at(1).replacement, QStringLiteral("-"));
        QCOMPARE(culprits.at(2).character, QStringLiteral("…"));
        QCOMPARE(culprits.at(2).name, QStringLiteral("ellipsis"));
        QCOMPARE(culprits.at(2).replacement, QStringLiteral("..."));
        QCOMPARE(culprits.at(3).name, QStringLiteral("left double quotation mark"));
        QCOMPARE(culprits.at(3).replacement, QStringLiteral("\""));
        QCOMPARE(culprits.at(4).name, QStringLiteral("right double quotation mark"));
        QCOMPARE(culprits.at(5).character, kGrin);
        QCOMPARE(culprits.at(5).name, QStringLiteral("emoji"));
        QVERIFY(culprits.at(5).replacement.isEmpty());
        QCOMPARE(culprits.at(6).character, QStringLiteral("ç"));
        QCOMPARE(culprits.at(6).name, QStringLiteral("U+00E7"));
        QVERIFY(culprits.at(6).replacement.isEmpty());
        QVERIFY(segments.hasReplacements());
    }

    void replacesWhatHasATwin()
    {
        const QString text = QStringLiteral("It’s great – see you at 5… “OK”\u00A0bye");
        const QString replaced = SmsSegments::replaceWithGsmTwins(text);
        QCOMPARE(replaced, QStringLiteral("It's great - see you at 5... \"OK\" bye"));
        const SmsSegments segments = SmsSegments::count(replaced);
        QCOMPARE(segments.encoding(), SmsSegments::Encoding::Gsm7);
        QCOMPARE(segments.units(), replaced.size());

        // What has no twin stays, and so does the encoding.
        const QString emoji = QStringLiteral("Thanks – ") + kGrin;
        QCOMPARE(SmsSegments::replaceWithGsmTwins(emoji), QStringLiteral("Thanks - ") + kGrin);
        QCOMPARE(SmsSegments::count(SmsSegments::replaceWithGsmTwins(emoji)).encoding(),
                 SmsSegments::Encoding::Ucs2);
        QVERIFY(!SmsSegments::count(kGrin).hasReplacements());
        // GSM-7 text is left as it is.
        const QString plain = QStringLiteral("Your order {42} is ready: €10");
        QCOMPARE(SmsSegments::replaceWithGsmTwins(plain), plain);
    }

    void knowsTheAlphabet()
    {
        QVERIFY(SmsSegments::isGsm7(U'@'));
        QVERIFY(SmsSegments::isGsm7(U'€'));
        QVERIFY(SmsSegments::isGsm7(U'\f'));
        QVERIFY(SmsSegments::isGsm7(U'Ç'));
        QVERIFY(!SmsSegments::isGsm7(U'ç'));
        QVERIFY(!SmsSegments::isGsm7(U'`'));
        QVERIFY(!SmsSegments::isGsm7(0x1F600));
        QVERIFY(!SmsSegments::isGsm7(0x1B)); // the escape itself is not a character
    }

    void countsQuicklyEnoughForEveryKeystroke()
    {
        const QString text = times(QStringLiteral("Your table is ready – see you soon! "), 30);
        QBENCHMARK
        {
            SmsSegments::count(text);
        }
    }
};

QTEST_MAIN(TestSmsSegments)
#include "TestSmsSegments.moc"
