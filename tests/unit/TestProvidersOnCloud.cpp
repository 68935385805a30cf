#include "TestProvidersSupport.h"
#include "providers/oncloud/OnCloudAdapter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

using namespace smsdesk;
using namespace smsdesk::testing;

namespace {

// The document's first example (with media).
const QByteArray documentInbound =
    "{\n"
    "  \"event\": \"sms.inbound\",\n"
    "  \"from\": \"+17705551234\",\n"
    "  \"to\": \"+14045559999\",\n"
    "  \"text\": \"Hello, I need help with my account\",\n"
    "  \"media\": [\n"
    "    \"https://api.cloudspirevoice.com/uploads/wh_67ae1b2f3c4d5.jpg\"\n"
    "  ],\n"
    "  \"timestamp\": \"2026-02-13T14:30:00-05:00\"\n"
    "}";

// The document's two-way example, step 1 (no media).
const QByteArray documentTwoWay = "{\n"
                                  "  \"event\": \"sms.inbound\",\n"
                                  "  \"from\": \"+17705551234\",\n"
                                  "  \"to\": \"+14045559999\",\n"
                                  "  \"text\": \"What are your business hours?\",\n"
                                  "  \"timestamp\": \"2026-02-13T14:30:00-05:00\"\n"
                                  "}";

// A valid payload with one field replaced (or removed when value is null).
QByteArray with(const char* field, const QJsonValue& value)
{
    QJsonObject object = QJsonDocument::fromJson(documentInbound).object();
    if (value.isUndefined())
        object.remove(QLatin1String(field));
    else
        object.insert(QLatin1String(field), value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray without(const char* field)
{
    return with(field, QJsonValue(QJsonValue::Undefined));
}

// The key the adapter must give: SHA-256 over length-framed from, to, timestamp, text,
// media count and media, computed here independently of the adapter.
QString expectedKey(const QString& from, const QString& to, const QString& timestamp,
                    const QString& text, const QStringList& media)
{
    QList<QByteArray> fields = {from.toUtf8(), to.toUtf8(), timestamp.toUtf8(), text.toUtf8(),
                                QByteArray::number(media.size())};
    for (const QString& url : media)
        fields << url.toUtf8();
    QByteArray input;
    for (const QByteArray& field : fields) {
        char length[8];
        qToBigEndian(quint64(field.size()), length);
        input.append(length, 8).append(field);
    }
    return QStringLiteral("oncloud:") +
           QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestProvidersOnCloud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("did");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("media");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("timestampAsSent");

        const QString from = QStringLiteral("+17705551234");
        const QString to = QStringLiteral("+14045559999");
        const QDateTime docTime = utc("2026-02-13T19:30:00Z");
        const QString docStamp = QStringLiteral("2026-02-13T14:30:00-05:00");
        const QStringList docMedia{
            QStringLiteral("https://api.cloudspirevoice.com/uploads/wh_67ae1b2f3c4d5.jpg")};

        QTest::newRow("document: inbound payload")
            << documentInbound << QByteArray("application/json") << to << from
            << QStringLiteral("Hello, I need help with my account") << docMedia << docTime
            << docStamp;
        QTest::newRow("document: two-way step 1")
            << documentTwoWay << QByteArray("application/json") << to << from
            << QStringLiteral("What are your business hours?") << QStringList() << docTime
            << docStamp;
        QTest::newRow("MMS only: empty text")
            << with("text", QString()) << QByteArray("application/json") << to << from << QString()
            << docMedia << docTime << docStamp;
        QTest::newRow("media: empty array")
            << with("media", QJsonArray()) << QByteArray("application/json") << to << from
            << QStringLiteral("Hello, I need help with my account") << QStringList() << docTime
            << docStamp;
        const QStringList two{QStringLiteral("http://example.com/a.png"),
                              QStringLiteral("https://example.com/b%20c.pdf?x=1")};
        QTest::newRow("media: two, http and https")
            << with("media", QJsonArray::fromStringList(two)) << QByteArray("application/json")
            << to << from << QStringLiteral("Hello, I need help with my account") << two << docTime
            << docStamp;
        const QString emoji = QStringLiteral("Héllo 👋🏽 日本語 — ünïcödé");
        QTest::newRow("unicode and emoji")
            << with("text", emoji) << QByteArray("application/json") << to << from << emoji
            << docMedia << docTime << docStamp;
        const QString crlf = QStringLiteral("  line one\r\nline two\r\n\ttabbed  \n");
        QTest::newRow("CRLF and spaces kept")
            << with("text", crlf) << QByteArray("application/json") << to << from << crlf
            << docMedia << docTime << docStamp;
        QTest::newRow("timestamp in Z")
            << with("timestamp", QStringLiteral("2026-02-13T19:30:00Z"))
            << QByteArray("application/json") << to << from
            << QStringLiteral("Hello, I need help with my account") << docMedia << docTime
            << QStringLiteral("2026-02-13T19:30:00Z");
        QTest::newRow("timestamp +05:30 with ms")
            << with("timestamp", QStringLiteral("2026-02-14T01:00:00.250+05:30"))
            << QByteArray("application/json") << to << from
            << QStringLiteral("Hello, I need help with my account") << docMedia
            << utc("2026-02-13T19:30:00.250Z") << QStringLiteral("2026-02-14T01:00:00.250+05:30");
        QTest::newRow("invalid-but-E.164 numbers kept")
            << QByteArray(
                   "{\"event\":\"sms.inbound\",\"from\":\"+10000000010\",\"to\":\"+10000000020\","
                   "\"text\":\"x\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}")
            << QByteArray("application/json") << QStringLiteral("+10000000020")
            << QStringLiteral("+10000000010") << QStringLiteral("x") << QStringList() << docTime
            << docStamp;
        QTest::newRow("unknown fields ignored")
            << with("carrier", QStringLiteral("bandwidth")) << QByteArray("application/json") << to
            << from << QStringLiteral("Hello, I need help with my account") << docMedia << docTime
            << docStamp;
        QTest::newRow("charset utf-8, upper-case type")
            << documentTwoWay << QByteArray("Application/JSON; charset=\"UTF-8\"") << to << from
            << QStringLiteral("What are your business hours?") << QStringList() << docTime
            << docStamp;
        QTest::newRow("escaped surrogate pair")
            << with("text", QStringLiteral("😀")) << QByteArray("application/json") << to << from
            << QStringLiteral("😀") << docMedia << docTime << docStamp;
    }

    void accepted()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, did);
        QFETCH(QString, remote);
        QFETCH(QString, text);
        QFETCH(QStringList, media);
        QFETCH(QDateTime, time);
        QFETCH(QString, timestampAsSent);

        const OnCloudAdapter adapter;
        const AdapterResult result =
            adapter.parse(jsonRequest(body, contentType), AdapterContext());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->provider, QStringLiteral("oncloud"));
        QCOMPARE(message->did, did);
        QVERIFY(!message->device);
        QCOMPARE(message->remote, remote);
        QVERIFY(!message->remoteIsAlphanumeric);
        QCOMPARE(message->text, text);
        QCOMPARE(message->text.toUtf8(), text.toUtf8()); // byte-exact
        QCOMPARE(message->media, media);
        QVERIFY(message->providerMessageId.isEmpty());
        QCOMPARE(message->providerTime, time);
        QCOMPARE(message->providerTime.timeSpec(), Qt::UTC);
        QVERIFY(!message->segments);
        QVERIFY(!message->pbx);
        QVERIFY(!message->gateway);
        QCOMPARE(message->dedupeKey, expectedKey(remote, did, timestampAsSent, text, media));
        QVERIFY(adapter.recognizes(jsonRequest(body, contentType)));
    }

    void textIsByteExactFromRawUtf8()
    {
        // Raw (unescaped) UTF-8 and CR LF inside the JSON string, as a provider may send them.
        const QByteArray text = "caf\xc3\xa9 \xf0\x9f\x8d\xb5\\r\\n\xe2\x80\xa8 end";
        const QByteArray body = "{\"event\":\"sms.inbound\",\"from\":\"+17705551234\",\"to\":\"+"
                                "14045559999\",\"text\":\"" +
                                text + "\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}";
        const AdapterResult result = OnCloudAdapter().parse(jsonRequest(body), AdapterContext());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->text.toUtf8(),
                 QByteArray("caf\xc3\xa9 \xf0\x9f\x8d\xb5\r\n\xe2\x80\xa8 end"));
    }

    void retryGivesSameKey()
    {
        const OnCloudAdapter adapter;
        const auto first = adapter.parse(jsonRequest(documentInbound), AdapterContext());
        // The same webhook again, re-serialised with other whitespace and key order.
        const QByteArray again = QJsonDocument(QJsonDocument::fromJson(documentInbound).object())
                                     .toJson(QJsonDocument::Compact);
        const auto second = adapter.parse(jsonRequest(again), AdapterContext());
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(dedupeKeyOf(second.events().first()), dedupeKeyOf(first.events().first()));
    }

    void differentMessagesGetDifferentKeys_data()
    {
        QTest::addColumn<QByteArray>("other");
        QTest::newRow("other text")
            << with("text", QStringLiteral("Hello, I need help with my account!"));
        QTest::newRow("other sender") << with("from", QStringLiteral("+17705551235"));
        QTest::newRow("other DID") << with("to", QStringLiteral("+14045559998"));
        QTest::newRow("other second")
            << with("timestamp", QStringLiteral("2026-02-13T14:30:01-05:00"));
        QTest::newRow("same instant, other offset")
            << with("timestamp", QStringLiteral("2026-02-13T19:30:00Z"));
        QTest::newRow("no media") << without("media");
        QTest::newRow("other media")
            << with("media", QJsonArray{QStringLiteral("https://example.com/x.jpg")});
        QTest::newRow("text moved into media boundary") << with(
            "media", QJsonArray{QStringLiteral(
                                    "https://api.cloudspirevoice.com/uploads/wh_67ae1b2f3c4d5.jpg"),
                                QStringLiteral("https://x.example/")});
    }

    void differentMessagesGetDifferentKeys()
    {
        QFETCH(QByteArray, other);
        const OnCloudAdapter adapter;
        const auto original = adapter.parse(jsonRequest(documentInbound), AdapterContext());
        const auto changed = adapter.parse(jsonRequest(other), AdapterContext());
        QVERIFY(original.ok());
        QVERIFY2(changed.ok(), qPrintable(changed.rejection().reason));
        QVERIFY(dedupeKeyOf(changed.events().first()) != dedupeKeyOf(original.events().first()));
    }

    void rejected_data()
    {
        SMSDESK_REJECTION_COLUMNS();
        const QByteArray json = "application/json";
        const QString malformed = QStringLiteral("malformed");
        const QString invalid = QStringLiteral("invalid");
        const QString wrongType = QStringLiteral("wrong-content-type");

        for (const char* field : {"event", "from", "to", "text", "timestamp"}) {
            QTest::addRow("missing %s", field)
                << without(field) << json << 400 << malformed << QString::fromLatin1(field)
                << QStringLiteral("required field \"%1\" is missing").arg(QLatin1String(field));
        }
        QTest::newRow("event not a string")
            << with("event", 1) << json << 400 << malformed << "event"
            << "field \"event\" must be a string (got a number)";
        QTest::newRow("wrong event")
            << with("event", QStringLiteral("sms.outbound")) << json << 422 << invalid << "event"
            << "field \"event\" must be \"sms.inbound\" (got \"sms.outbound\")";
        QTest::newRow("from a number")
            << with("from", 17705551234.0) << json << 400 << malformed << "from"
            << "field \"from\" must be a string (got a number)";
        QTest::newRow("from without +")
            << with("from", QStringLiteral("17705551234")) << json << 422 << invalid << "from"
            << "field \"from\" must be a string in E.164 format";
        QTest::newRow("from formatted")
            << with("from", QStringLiteral("+1 770-555-1234")) << json << 422 << invalid << "from"
            << "field \"from\" must be a string in E.164 format";
        QTest::newRow("from a name")
            << with("from", QStringLiteral("ACME")) << json << 422 << invalid << "from"
            << "field \"from\" must be a string in E.164 format";
        QTest::newRow("to null") << with("to", QJsonValue(QJsonValue::Null)) << json << 400
                                 << malformed << "to"
                                 << "field \"to\" must be a string (got null)";
        QTest::newRow("to with leading zero")
            << with("to", QStringLiteral("+04045559999")) << json << 422 << invalid << "to"
            << "field \"to\" must be a string in E.164 format";
        QTest::newRow("to 16 digits")
            << with("to", QStringLiteral("+1404555999912345")) << json << 422 << invalid << "to"
            << "field \"to\" must be a string in E.164 format";
        QTest::newRow("text a number") << with("text", 5) << json << 400 << malformed << "text"
                                       << "field \"text\" must be a string (got a number)";
        QTest::newRow("text null")
            << with("text", QJsonValue(QJsonValue::Null)) << json << 400 << malformed << "text"
            << "field \"text\" must be a string (got null)";
        QTest::newRow("media a string")
            << with("media", QStringLiteral("https://example.com/a.jpg")) << json << 400
            << malformed << "media"
            << "field \"media\" must be an array of strings (got a string)";
        QTest::newRow("media null")
            << with("media", QJsonValue(QJsonValue::Null)) << json << 400 << malformed << "media"
            << "field \"media\" must be an array of strings (got null)";
        QTest::newRow("media entry a number")
            << with("media", QJsonArray{QStringLiteral("https://example.com/a.jpg"), 2}) << json
            << 400 << malformed << "media[1]"
            << "field \"media[1]\" must be a string (got a number)";
        QTest::newRow("media ftp")
            << with("media", QJsonArray{QStringLiteral("ftp://example.com/a.jpg")}) << json << 422
            << invalid << "media[0]"
            << "field \"media[0]\" must be an http or https URL (got \"ftp://example.com/a.jpg\")";
        QTest::newRow("media javascript")
            << with("media", QJsonArray{QStringLiteral("https://ok.example/a"),
                                        QStringLiteral("javascript:alert(1)")})
            << json << 422 << invalid << "media[1]"
            << "must be an http or https URL";
        QTest::newRow("media relative")
            << with("media", QJsonArray{QStringLiteral("/uploads/a.jpg")}) << json << 422 << invalid
            << "media[0]"
            << "must be an http or https URL";
        QTest::newRow("media without host")
            << with("media", QJsonArray{QStringLiteral("https:///a.jpg")}) << json << 422 << invalid
            << "media[0]"
            << "must be an http or https URL";
        QTest::newRow("media file")
            << with("media", QJsonArray{QStringLiteral("file:///etc/passwd")}) << json << 422
            << invalid << "media[0]"
            << "must be an http or https URL";
        QTest::newRow("timestamp a number")
            << with("timestamp", 1771011000) << json << 400 << malformed << "timestamp"
            << "field \"timestamp\" must be a string (got a number)";
        QTest::newRow("timestamp without offset")
            << with("timestamp", QStringLiteral("2026-02-13T14:30:00")) << json << 422 << invalid
            << "timestamp"
            << "field \"timestamp\" must be an ISO 8601 date-time with a UTC offset";
        QTest::newRow("timestamp impossible date")
            << with("timestamp", QStringLiteral("2026-02-30T14:30:00Z")) << json << 422 << invalid
            << "timestamp"
            << "(got \"2026-02-30T14:30:00Z\")";
        QTest::newRow("timestamp words") << with("timestamp", QStringLiteral("yesterday")) << json
                                         << 422 << invalid << "timestamp"
                                         << "must be an ISO 8601 date-time with a UTC offset";
        QTest::newRow("timestamp offset out of range")
            << with("timestamp", QStringLiteral("2026-02-13T14:30:00+25:00")) << json << 422
            << invalid << "timestamp"
            << "must be an ISO 8601 date-time";
        QTest::newRow("content type text/plain")
            << documentInbound << QByteArray("text/plain") << 415 << wrongType << ""
            << "Content-Type \"text/plain\" is not accepted: expected application/json";
        QTest::newRow("content type form")
            << documentInbound << QByteArray("application/x-www-form-urlencoded") << 415
            << wrongType << ""
            << "expected application/json";
        QTest::newRow("content type missing")
            << documentInbound << QByteArray() << 415 << wrongType << ""
            << "the Content-Type header is missing";
        QTest::newRow("charset latin-1")
            << documentInbound << QByteArray("application/json; charset=ISO-8859-1") << 415
            << wrongType << ""
            << "charset \"iso-8859-1\" is not accepted: expected UTF-8";
        QTest::newRow("invalid JSON") << QByteArray("{\"event\": \"sms.inbound\", \"from\": }")
                                      << json << 400 << malformed << ""
                                      << "invalid JSON at offset";
        QTest::newRow("truncated JSON")
            << documentInbound.left(40) << json << 400 << malformed << ""
            << "invalid JSON at offset";
        QTest::newRow("invalid UTF-8 in text")
            << QByteArray(
                   "{\"event\":\"sms.inbound\",\"from\":\"+17705551234\",\"to\":\"+14045559999\","
                   "\"text\":\"caf\xe9\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}")
            << json << 400 << malformed << ""
            << "the body is not valid UTF-8 (byte offset 76)";
        QTest::newRow("overlong UTF-8")
            << QByteArray("{\"text\":\"\xc0\xaf\"}") << json << 400 << malformed << ""
            << "not valid UTF-8 (byte offset 9)";
        QTest::newRow("unpaired surrogate escape")
            << QByteArray(
                   "{\"event\":\"sms.inbound\",\"from\":\"+17705551234\",\"to\":\"+14045559999\","
                   "\"text\":\"\\ud83d!\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}")
            << json << 400 << malformed << ""
            << "half of a surrogate pair";
        QTest::newRow("array body") << QByteArray("[1,2]") << json << 400 << malformed << ""
                                    << "the body must be a JSON object, not an array";
        QTest::newRow("empty body") << QByteArray() << json << 400 << malformed << ""
                                    << "the body is empty";
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const AdapterResult result =
            OnCloudAdapter().parse(jsonRequest(body, contentType), AdapterContext());
        SMSDESK_CHECK_REJECTION(result);
    }

    void syncReply()
    {
        const OnCloudAdapter adapter;
        QVERIFY(adapter.supportsSyncReply());
        QCOMPARE(adapter.syncReplyContentType(), QByteArray("application/json"));

        const QString text =
            QStringLiteral("Thanks for reaching out! Your account number is 12345.");
        QCOMPARE(
            adapter.encodeSyncReply(text, {}),
            QByteArray("{\"reply\":\"Thanks for reaching out! Your account number is 12345.\"}"));

        const QByteArray withMedia =
            adapter.encodeSyncReply(text, {QStringLiteral("https://example.com/receipt.pdf")});
        const QJsonObject object = QJsonDocument::fromJson(withMedia).object();
        QCOMPARE(object.size(), 2);
        QCOMPARE(object.value(QLatin1String("reply")).toString(), text);
        QCOMPARE(object.value(QLatin1String("media")).toArray(),
                 QJsonArray{QStringLiteral("https://example.com/receipt.pdf")});

        // Unicode and line breaks survive the round trip exactly.
        const QString unicode = QStringLiteral("Grüße 👋\r\n\"quoted\" \\ back");
        QCOMPARE(QJsonDocument::fromJson(adapter.encodeSyncReply(unicode, {}))
                     .object()
                     .value(QLatin1String("reply"))
                     .toString(),
                 unicode);

        // "If the reply field is missing or empty, no reply is sent": nothing to encode.
        QVERIFY(adapter.encodeSyncReply(QString(), {}).isEmpty());
        QVERIFY(adapter.encodeSyncReply(QString(), {QStringLiteral("https://example.com/a.jpg")})
                    .isEmpty());
    }

    void recognizesOnlyItsEvent()
    {
        const OnCloudAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(documentTwoWay)));
        // The shape, not the Content-Type, decides: parse() then says what is wrong.
        QVERIFY(adapter.recognizes(jsonRequest(documentTwoWay, "text/plain")));
        QVERIFY(!adapter.recognizes(jsonRequest(with("event", QStringLiteral("sms.outbound")))));
        QVERIFY(!adapter.recognizes(jsonRequest(without("event"))));
        QVERIFY(!adapter.recognizes(jsonRequest("not json")));
        QVERIFY(!adapter.recognizes(jsonRequest("")));
    }
};

QTEST_GUILESS_MAIN(TestProvidersOnCloud)
#include "TestProvidersOnCloud.moc"
