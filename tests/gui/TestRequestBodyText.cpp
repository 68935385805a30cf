// RequestBodyText: the Inspector's text for the bytes of a logged request, without widgets.
// Every expected string is written out literally.

#include "inspector/RequestBodyText.h"

#include <QTest>

using namespace smsdesk;
using Kind = RequestBodyText::Kind;

class TestRequestBodyText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indentJsonKeepsValues()
    {
        QCOMPARE(RequestBodyText::indentJson(QStringLiteral(
                     "{\"b\":9007199254740993,\"a\":[],\"c\":{ },\"d\":\"x, {y}: \\\"[z]\\\"\","
                     "\"e\":[1,{\"f\":null}]}")),
                 QStringLiteral("{\n    \"b\": 9007199254740993,\n    \"a\": [],\n    \"c\": {},\n"
                                "    \"d\": \"x, {y}: \\\"[z]\\\"\",\n    \"e\": [\n        1,\n"
                                "        {\n            \"f\": null\n        }\n    ]\n}"));
    }

    void indentJsonDropsWhiteSpaceOutsideStrings()
    {
        // Spaces, tabs and line breaks between tokens go; inside strings they stay, and an
        // escaped backslash before a quote ends the string.
        QCOMPARE(RequestBodyText::indentJson(QStringLiteral(
                     "{ \"a b\" :\t1.50e3 ,\r\n \"c\\\\\" : [ \"x\\ty\" , true ] }")),
                 QStringLiteral("{\n    \"a b\": 1.50e3,\n    \"c\\\\\": [\n        \"x\\ty\",\n"
                                "        true\n    ]\n}"));
        QCOMPARE(RequestBodyText::indentJson(QStringLiteral("[ ]")), QStringLiteral("[]"));
        QCOMPARE(RequestBodyText::indentJson(QStringLiteral("\"{[,:]}\"")),
                 QStringLiteral("\"{[,:]}\""));
        QCOMPARE(RequestBodyText::indentJson(QStringLiteral("[[],{}]")),
                 QStringLiteral("[\n    [],\n    {}\n]"));
    }

    void hexDumpLikeHexdumpC()
    {
        QCOMPARE(RequestBodyText::hexDump(QByteArray()), QString());
        QCOMPARE(RequestBodyText::hexDump(QByteArray("{\"text\": \"Hello\"}\r\n\x01\xff", 21)),
                 QStringLiteral("00000000  7b 22 74 65 78 74 22 3a  20 22 48 65 6c 6c 6f 22  "
                                "|{\"text\": \"Hello\"|\n"
                                "00000010  7d 0d 0a 01 ff                                    "
                                "|}....|"));
        // Exactly one line: no empty line after it; 0x7f and 0x20 at the edges of ASCII.
        QCOMPARE(RequestBodyText::hexDump(QByteArray("0123456789abc \x7f~", 16)),
                 QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 20 7f 7e  "
                                "|0123456789abc .~|"));
        // Offsets count on in hex.
        const QStringList lines =
            RequestBodyText::hexDump(QByteArray(40, 'A')).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(2), QStringLiteral("00000020  41 41 41 41 41 41 41 41  "
                                             "                         |AAAAAAAA|"));
    }

    void kindOfBodies()
    {
        const QByteArray form = QByteArrayLiteral("application/x-www-form-urlencoded");
        QCOMPARE(RequestBodyText::kindOf(QByteArray(), form), Kind::Empty);
        QCOMPARE(RequestBodyText::kindOf("a=1&b=2", form), Kind::FormFields);
        QCOMPARE(RequestBodyText::kindOf("a=1", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"),
                 Kind::FormFields);
        // A form body that is not UTF-8 is not read as fields.
        QCOMPARE(RequestBodyText::kindOf("a=\xff", form), Kind::Latin1);
        // JSON whatever the content type says, also with none.
        QCOMPARE(RequestBodyText::kindOf("{\"a\":1}", "text/plain"), Kind::Json);
        QCOMPARE(RequestBodyText::kindOf("[1,2]", QByteArray()), Kind::Json);
        QCOMPARE(RequestBodyText::kindOf("{\"a\":", "application/json"), Kind::Text);
        QCOMPARE(RequestBodyText::kindOf("h\xc3\xa9llo", QByteArray()), Kind::Text);
        QCOMPARE(RequestBodyText::kindOf("h\xe9llo", "application/json"), Kind::Latin1);
    }

    void mediaTypeWithoutParameters()
    {
        QCOMPARE(RequestBodyText::mediaType(" Application/JSON ; charset=utf-8"),
                 QByteArray("application/json"));
        QCOMPARE(RequestBodyText::mediaType("text/plain"), QByteArray("text/plain"));
        QCOMPARE(RequestBodyText::mediaType(QByteArray()), QByteArray());
    }

    void utf8AndJsonChecks()
    {
        QVERIFY(RequestBodyText::isValidUtf8(QByteArray()));
        QVERIFY(RequestBodyText::isValidUtf8("\xe2\x86\x94"));
        QVERIFY(!RequestBodyText::isValidUtf8("\xe2\x86"));
        QVERIFY(!RequestBodyText::isValidUtf8("\xc0\xaf")); // an overlong '/'
        QVERIFY(RequestBodyText::isJson("{\"a\": [1, 2.5, null]}"));
        QVERIFY(!RequestBodyText::isJson("{\"a\": [1, 2.5, null]"));
        QVERIFY(!RequestBodyText::isJson(QByteArray()));
        QVERIFY(!RequestBodyText::isJson("{\"a\": \"\xff\"}"));
    }

    void headerBytesAsText()
    {
        QCOMPARE(RequestBodyText::headerText("caf\xc3\xa9"), QStringLiteral("caf\u00e9"));
        QCOMPARE(RequestBodyText::headerText("caf\xe9"), QStringLiteral("caf\u00e9"));
        QCOMPARE(RequestBodyText::headerText("plain"), QStringLiteral("plain"));
    }

    void formFieldsDecodePlusAsSpace()
    {
        const QList<RequestBodyText::Field> fields =
            RequestBodyText::formFields("from=%2B61412345678&body=Hello+there%21&empty=&body=2");
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields.at(0),
                 RequestBodyText::Field(QStringLiteral("from"), QStringLiteral("+61412345678")));
        QCOMPARE(fields.at(1),
                 RequestBodyText::Field(QStringLiteral("body"), QStringLiteral("Hello there!")));
        QCOMPARE(fields.at(2), RequestBodyText::Field(QStringLiteral("empty"), QString()));
        QCOMPARE(fields.at(3), RequestBodyText::Field(QStringLiteral("body"), QStringLiteral("2")));
        QCOMPARE(RequestBodyText::formFields("text=%E2%86%94+%C3%A9").at(0).second,
                 QStringLiteral("\u2194 \u00e9"));
    }
};

QTEST_GUILESS_MAIN(TestRequestBodyText)
#include "TestRequestBodyText.moc"
