// ContactImporter: names from CSV (number,name[,note], with or without a header) and vCard
// files, numbers read in the default region, every skipped row with its reason.

#include "contacts/ContactImporter.h"

#include <QTest>

using namespace smsdesk;

class TestContactImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvWithHeader()
    {
        const QByteArray data = "\xef\xbb\xbfnumber,name,note\r\n"
                                "(404) 555-1234,Alice Smith,\"Prefers texts, not calls\"\r\n"
                                "+61 412 345 678,Bruce,\r\n"
                                "\r\n"
                                "404-555-1234,Alice again\r\n"
                                "12,Too short\r\n"
                                "770 555 0000,,\r\n"
                                ",Nobody\r\n"
                                "770 555 0001,Carol,note,extra\r\n"
                                "\"770 555 0002\",\"Dan \"\"the man\"\"\"\n";
        const ContactImporter importer(QStringLiteral("US"));
        const ContactImporter::Result result = importer.read(data, ContactImporter::Format::Csv);
        QCOMPARE(result.contacts.size(), 3);
        QCOMPARE(result.contacts.at(0),
                 (Contact{QStringLiteral("+14045551234"), QStringLiteral("Alice Smith"),
                          QStringLiteral("Prefers texts, not calls")}));
        QCOMPARE(result.contacts.at(1).remote, QStringLiteral("+61412345678"));
        QCOMPARE(result.contacts.at(1).note, QString());
        QCOMPARE(result.contacts.at(2).name, QStringLiteral("Dan \"the man\""));

        QCOMPARE(result.skipped.size(), 5);
        QCOMPARE(result.skipped.at(0).line, 5);
        QVERIFY2(result.skipped.at(0).reason.contains(QLatin1String("Alice Smith")),
                 qPrintable(result.skipped.at(0).reason)); // the same number again
        QCOMPARE(result.skipped.at(1).line, 6);
        QCOMPARE(result.skipped.at(1).what, QStringLiteral("12"));
        QVERIFY(!result.skipped.at(1).reason.isEmpty()); // not a possible number
        QCOMPARE(result.skipped.at(2).reason, QStringLiteral("No name."));
        QCOMPARE(result.skipped.at(3).reason, QStringLiteral("No number."));
        QCOMPARE(result.skipped.at(3).what, QStringLiteral("Nobody"));
        QCOMPARE(result.skipped.at(4).line, 9);
        QVERIFY(result.skipped.at(4).reason.contains(QLatin1String("4 fields")));
    }

    void csvWithoutHeaderInAnotherRegion()
    {
        const ContactImporter importer(QStringLiteral("AU"));
        const ContactImporter::Result result =
            importer.read("0412 345 678,Bruce\n+1 404 555 1234,Alice\n\"broken,Quote\n",
                          ContactImporter::Format::Csv);
        QCOMPARE(result.contacts.size(), 2);
        QCOMPARE(result.contacts.at(0).remote, QStringLiteral("+61412345678"));
        QCOMPARE(result.contacts.at(1).remote, QStringLiteral("+14045551234"));
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.skipped.at(0).line, 3);
        QVERIFY(result.skipped.at(0).reason.contains(QLatin1String("never closed")));
    }

    void csvNotUtf8()
    {
        const ContactImporter::Result result =
            ContactImporter(QStringLiteral("US"))
                .read("404 555 1234,Ren\xe9\n", ContactImporter::Format::Csv);
        QVERIFY(result.contacts.isEmpty());
        QCOMPARE(result.skipped.size(), 1);
        QVERIFY(result.skipped.at(0).reason.contains(QLatin1String("UTF-8")));
    }

    void vcard()
    {
        const QByteArray data = "BEGIN:VCARD\r\n"
                                "VERSION:3.0\r\n"
                                "FN:Alice Smith\r\n"
                                "TEL;TYPE=CELL:(404) 555-1234\r\n"
                                "TEL;TYPE=WORK:+1 770 555 0000\r\n"
                                "NOTE:Front desk\\nmornings\r\n"
                                "END:VCARD\r\n"
                                "BEGIN:VCARD\r\n"
                                "VERSION:3.0\r\n"
                                "FN:No Phone\r\n"
                                "EMAIL:x@example.com\r\n"
                                "END:VCARD\r\n"
                                "BEGIN:VCARD\r\n"
                                "VERSION:4.0\r\n"
                                "FN:Bad Number\r\n"
                                "TEL:12\r\n"
                                "TEL:404.555.1234\r\n"
                                "END:VCARD\r\n";
        QCOMPARE(ContactImporter::formatOf(QStringLiteral("x.txt"), data),
                 ContactImporter::Format::VCard);
        QCOMPARE(ContactImporter::formatOf(QStringLiteral("book.VCF"), "number,name"),
                 ContactImporter::Format::VCard);
        QCOMPARE(ContactImporter::formatOf(QStringLiteral("book.csv"), "number,name"),
                 ContactImporter::Format::Csv);
        const ContactImporter::Result result =
            ContactImporter(QStringLiteral("US")).read(data, ContactImporter::Format::VCard);
        QCOMPARE(result.contacts.size(), 2);
        QCOMPARE(result.contacts.at(0),
                 (Contact{QStringLiteral("+14045551234"), QStringLiteral("Alice Smith"),
                          QStringLiteral("Front desk\nmornings")}));
        QCOMPARE(result.contacts.at(1).remote, QStringLiteral("+17705550000"));
        QCOMPARE(result.contacts.at(1).name, QStringLiteral("Alice Smith"));
        // No phone; a number that is not possible; Alice's first number again.
        QCOMPARE(result.skipped.size(), 3);
        QCOMPARE(result.skipped.at(0).line, 8);
        QVERIFY2(result.skipped.at(0).reason.contains(QLatin1String("no telephone number")),
                 qPrintable(result.skipped.at(0).reason));
        QCOMPARE(result.skipped.at(1).line, 13);
        QCOMPARE(result.skipped.at(1).what, QStringLiteral("12"));
        QCOMPARE(result.skipped.at(2).line, 13);
        QVERIFY(result.skipped.at(2).reason.contains(QLatin1String("Alice Smith")));
    }
};

QTEST_GUILESS_MAIN(TestContactImporter)
#include "TestContactImporter.moc"
