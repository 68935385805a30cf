// VCardReader: the vCard files phones and address books export — 2.1 (Android: bare types,
// QUOTED-PRINTABLE with soft line breaks, a non-UTF-8 charset), 3.0 (iOS, Google: folded lines,
// groups), 4.0 (tel: URIs) — names, numbers, notes with escapes, and what is reported.

#include "contacts/VCardReader.h"

#include <QTest>

using namespace smsdesk;

class TestVCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAnAndroidExport()
    {
        const QByteArray data =
            "BEGIN:VCARD\r\n"
            "VERSION:2.1\r\n"
            "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupont;=C3=89lise;;;\r\n"
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=89lise Dupont\r\n"
            "TEL;CELL;PREF:+61 412 345 678\r\n"
            "TEL;HOME:02 9999 0000\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:Prefers texts after 5pm.=0D=0AAsk for the=\r\n"
            " back door=\r\n"
            "=2E\r\n"
            "END:VCARD\r\n"
            "BEGIN:VCARD\r\n"
            "VERSION:2.1\r\n"
            "N;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen;;;\r\n"
            "TEL;WORK;VOICE:+49 30 1234567\r\n"
            "END:VCARD\r\n";
        const VCardReader::Result result = VCardReader::read(data);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.cards.size(), 2);
        const VCardReader::Card& elise = result.cards.at(0);
        QCOMPARE(elise.line, 1);
        QCOMPARE(elise.name, QStringLiteral("Élise Dupont"));
        QCOMPARE(elise.phones.size(), 2);
        QCOMPARE(elise.phones.at(0).number, QStringLiteral("+61 412 345 678"));
        QCOMPARE(elise.phones.at(0).types,
                 (QStringList{QStringLiteral("cell"), QStringLiteral("pref")}));
        QCOMPARE(elise.phones.at(1).number, QStringLiteral("02 9999 0000"));
        QCOMPARE(elise.note, QStringLiteral("Prefers texts after 5pm.\r\nAsk for the back door."));
        const VCardReader::Card& juergen = result.cards.at(1);
        QCOMPARE(juergen.line, 11);
        // No FN: the structured name, given name first; Latin-1 decoded.
        QCOMPARE(juergen.name, QStringLiteral("Jürgen Müller"));
        QCOMPARE(juergen.phones.at(0).types,
                 (QStringList{QStringLiteral("work"), QStringLiteral("voice")}));
    }

    void readsAnIosExportWithFoldedLinesAndGroups()
    {
        const QByteArray data = "BEGIN:VCARD\n"
                                "VERSION:3.0\n"
                                "PRODID:-//Apple Inc.//iPhone OS 17.0//EN\n"
                                "N:Appleseed;John;;;\n"
                                "FN:John Appleseed\n"
                                "ORG:Apple\\, Inc.;\n"
                                "item1.TEL;type=pref:(404) 555-\n"
                                " 1234\n"
                                "item1.X-ABLabel:shop\n"
                                "TEL;type=CELL;type=VOICE:+1 770 555 0000\n"
                                "NOTE:Line one\\nLine two\\; with a semicolon\\, and a comma\n"
                                "END:VCARD\n";
        const VCardReader::Result result = VCardReader::read(data);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.cards.size(), 1);
        const VCardReader::Card& card = result.cards.at(0);
        QCOMPARE(card.name, QStringLiteral("John Appleseed"));
        QCOMPARE(card.phones.size(), 2);
        QCOMPARE(card.phones.at(0).number, QStringLiteral("(404) 555-1234"));
        QCOMPARE(card.phones.at(0).types, QStringList{QStringLiteral("pref")});
        QCOMPARE(card.phones.at(1).types,
                 (QStringList{QStringLiteral("cell"), QStringLiteral("voice")}));
        QCOMPARE(card.note, QStringLiteral("Line one\nLine two; with a semicolon, and a comma"));
    }

    void readsVCard4()
    {
        const QByteArray data = "BEGIN:VCARD\r\n"
                                "VERSION:4.0\r\n"
                                "FN:Ana Lima\r\n"
                                "TEL;VALUE=uri;TYPE=\"cell,text\":tel:+55-11-91234-5678\r\n"
                                "END:VCARD\r\n";
        const VCardReader::Result result = VCardReader::read(data);
        QCOMPARE(result.cards.size(), 1);
        QCOMPARE(result.cards.at(0).phones.at(0).number, QStringLiteral("+55-11-91234-5678"));
        QCOMPARE(result.cards.at(0).phones.at(0).types,
                 (QStringList{QStringLiteral("cell"), QStringLiteral("text")}));
    }

    void fallsBackToTheOrganisation()
    {
        const QByteArray data = "BEGIN:VCARD\nVERSION:3.0\nORG:Corner Bakery;Sales\n"
                                "TEL:+14045550000\nEND:VCARD\n";
        const VCardReader::Result result = VCardReader::read(data);
        QCOMPARE(result.cards.size(), 1);
        QCOMPARE(result.cards.at(0).name, QStringLiteral("Corner Bakery"));
    }

    void reportsWhatItCannotUse()
    {
        const QByteArray data = "BEGIN:VCARD\nVERSION:3.0\nFN:No Number\nEMAIL:a@example.com\n"
                                "END:VCARD\n"
                                "BEGIN:VCARD\nVERSION:3.0\nEMAIL:b@example.com\nEND:VCARD\n"
                                "BEGIN:VCARD\nVERSION:3.0\nFN:Kept\nTEL:+14045551111\nEND:VCARD\n"
                                "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\nTEL:+14045552222\n";
        const VCardReader::Result result = VCardReader::read(data);
        QCOMPARE(result.cards.size(), 1);
        QCOMPARE(result.cards.at(0).name, QStringLiteral("Kept"));
        QCOMPARE(result.problems.size(), 3);
        QCOMPARE(result.problems.at(0).line, 1);
        QCOMPARE(result.problems.at(0).reason, QStringLiteral("No Number has no telephone number"));
        QCOMPARE(result.problems.at(1).line, 6);
        QCOMPARE(result.problems.at(1).reason,
                 QStringLiteral("a card without a name or a telephone number"));
        QCOMPARE(result.problems.at(2).line, 15);
        QCOMPARE(result.problems.at(2).reason, QStringLiteral("the card has no END:VCARD"));
    }

    void emptyAndForeignInput()
    {
        QVERIFY(VCardReader::read({}).cards.isEmpty());
        const VCardReader::Result notVCard = VCardReader::read("name,number\nA,+1404\n");
        QVERIFY(notVCard.cards.isEmpty());
        QVERIFY(notVCard.problems.isEmpty());
    }
};

QTEST_MAIN(TestVCardReader)
#include "TestVCardReader.moc"
