// The Conversations page's words without widgets: ConversationText (the other party, list
// times, previews, search matches and snippets) and ComposeText (the segment counter, the
// characters that make a text UCS-2, media URLs).

#include "conversations/ComposeText.h"
#include "conversations/ConversationText.h"

#include <QTest>

using namespace smsdesk;

class TestConversationText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void partiesReadAsPeopleWriteThem()
    {
        const QString us = QStringLiteral("+14045559999");
        QCOMPARE(ConversationText::remote(QStringLiteral("+17705551234"), us),
                 QStringLiteral("(770) 555-1234"));
        QCOMPARE(ConversationText::remote(QStringLiteral("+442079460018"), us),
                 QStringLiteral("+44 20 7946 0018"));
        // The country of our number decides: a British DID shows British numbers nationally.
        QCOMPARE(ConversationText::remote(QStringLiteral("+442079460018"),
                                          QStringLiteral("+447700900123")),
                 QStringLiteral("020 7946 0018"));
        QCOMPARE(ConversationText::remote(QStringLiteral("ACME"), us), QStringLiteral("ACME"));
        QCOMPARE(ConversationText::number(us, QString()), QStringLiteral("(404) 555-9999"));
        QCOMPARE(ConversationText::number(us, QStringLiteral("Front desk")),
                 QStringLiteral("Front desk"));
    }

    void listTimesShortenWithAge()
    {
        // In local time, whatever the machine's zone.
        const QDateTime now(QDate(2026, 2, 13), QTime(19, 30));
        auto at = [](int year, int month, int day, int hour, int minute) {
            return QDateTime(QDate(year, month, day), QTime(hour, minute)).toMSecsSinceEpoch();
        };
        QCOMPARE(ConversationText::listTime(at(2026, 2, 13, 8, 5), now), QStringLiteral("08:05"));
        QCOMPARE(ConversationText::listTime(at(2026, 2, 12, 23, 59), now), QStringLiteral("Thu"));
        QCOMPARE(ConversationText::listTime(at(2026, 2, 7, 12, 0), now), QStringLiteral("Sat"));
        QCOMPARE(ConversationText::listTime(at(2026, 2, 6, 12, 0), now), QStringLiteral("6 Feb"));
        QCOMPARE(ConversationText::listTime(at(2025, 12, 24, 9, 0), now),
                 QStringLiteral("24 Dec 2025"));
    }

    void previews()
    {
        ConversationSummary summary;
        summary.lastDirection = QStringLiteral("inbound");
        summary.lastText = QStringLiteral("  Are you open\ttoday?\nI need a key cut");
        QCOMPARE(ConversationText::preview(summary), QStringLiteral("Are you open today?"));
        summary.lastDirection = QStringLiteral("outbound");
        QCOMPARE(ConversationText::preview(summary), QStringLiteral("You: Are you open today?"));
        summary.lastText.clear();
        summary.lastMediaCount = 2;
        QCOMPARE(ConversationText::preview(summary), QStringLiteral("You: Photo or file"));
        summary.draftText = QStringLiteral("Yes,\nuntil six");
        QCOMPARE(ConversationText::preview(summary), QStringLiteral("Draft: Yes, until six"));
        summary.unreadCount = 3;
        summary.failedCount = 1;
        const QString spoken = ConversationText::accessible(summary, QStringLiteral("Alice"));
        QVERIFY2(spoken.startsWith(QStringLiteral("Alice, 3 unread, 1 not sent, Draft: Yes")),
                 qPrintable(spoken));
    }

    void searchMatchesAndSnippets()
    {
        const QStringList words{QStringLiteral("pick"), QStringLiteral("ORDER")};
        const QString text = QStringLiteral("Your order is ready for pickup; unpicked orders wait");
        const QList<QPair<int, int>> found = ConversationText::matches(text, words);
        // "order" (5, 5), "pick" in "pickup" (24, 4), "order" in "orders" (41, 5); not "pick"
        // in "unpicked".
        QCOMPARE(found, (QList<QPair<int, int>>{{5, 5}, {24, 4}, {41, 5}}));
        QCOMPARE(ConversationText::matches(QStringLiteral("aaa"),
                                           {QStringLiteral("a"), QStringLiteral("aa")}),
                 (QList<QPair<int, int>>{{0, 2}}));

        QString longText;
        for (int i = 0; i < 30; ++i)
            longText += QStringLiteral("word%1 ").arg(i);
        longText += QStringLiteral("needle and more words after it");
        const QString snippet = ConversationText::snippet(longText, {QStringLiteral("needle")}, 60);
        QVERIFY2(snippet.startsWith(QChar(0x2026)), qPrintable(snippet));
        QVERIFY2(snippet.contains(QStringLiteral("needle")), qPrintable(snippet));
        QVERIFY(snippet.size() <= 62);
        QCOMPARE(ConversationText::snippet(QStringLiteral("short\ntext"), {}),
                 QStringLiteral("short text"));
    }

    void segmentCounter()
    {
        QCOMPARE(ComposeText::counter(SmsSegments::count(QString())),
                 QStringLiteral("0 / 160 \u00b7 0 SMS"));
        QCOMPARE(ComposeText::counter(SmsSegments::count(QString(42, QLatin1Char('a')))),
                 QStringLiteral("42 / 160 \u00b7 1 SMS"));
        QCOMPARE(ComposeText::counter(SmsSegments::count(QString(161, QLatin1Char('a')))),
                 QStringLiteral("161 / 306 \u00b7 2 SMS"));
        // Extension characters take two septets.
        QCOMPARE(ComposeText::counter(SmsSegments::count(QStringLiteral("{a}"))),
                 QStringLiteral("5 / 160 \u00b7 1 SMS"));
        const QString ucs2 = QString(74, QLatin1Char('a')) + QChar(0x2019);
        QCOMPARE(ComposeText::counter(SmsSegments::count(ucs2)),
                 QStringLiteral("UCS-2 \u00b7 75 / 134 \u00b7 2 SMS"));
        QCOMPARE(
            ComposeText::counter(SmsSegments::count(QStringLiteral("\u05e9\u05dc\u05d5\u05dd"))),
            QStringLiteral("UCS-2 \u00b7 4 / 70 \u00b7 1 SMS"));
    }

    void culprits()
    {
        QVERIFY(ComposeText::culprits(SmsSegments::count(QStringLiteral("plain text"))).isEmpty());
        const QString text = QStringLiteral("Don\u2019t forget \u2014 it\u2019s at 5 \U0001F600");
        QCOMPARE(ComposeText::culprits(SmsSegments::count(text)),
                 QStringLiteral("UCS-2 because of: \u2019 right single quotation mark \u00d72, "
                                "\u2014 em dash, \U0001F600 emoji"));
    }

    void mediaUrls()
    {
        QVERIFY(ComposeText::mediaUrlProblem(QString()).isEmpty());
        QVERIFY(
            ComposeText::mediaUrlProblem(QStringLiteral("https://example.com/a.jpg")).isEmpty());
        QVERIFY(
            ComposeText::mediaUrlProblem(QStringLiteral(" http://example.com/a.jpg ")).isEmpty());
        QVERIFY(!ComposeText::mediaUrlProblem(QStringLiteral("ftp://example.com/a.jpg")).isEmpty());
        QVERIFY(!ComposeText::mediaUrlProblem(QStringLiteral("example.com/a.jpg")).isEmpty());
        QVERIFY(!ComposeText::mediaUrlProblem(QStringLiteral("https:///a.jpg")).isEmpty());
        QVERIFY(!ComposeText::mediaUrlProblem(QStringLiteral("https://exa mple.com/")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversationText)
#include "TestConversationText.moc"
