#include "TestProvidersSupport.h"
#include "providers/zonitel/ZonitelAdapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace smsdesk;
using namespace smsdesk::testing;

namespace {

// The document's two notifications, verbatim.
const QByteArray documentInbound =
    "{ \"status\": \"received\", \"data\": { \"id\": \"11111111-aaaa-2222-bbbb-333333333333\", "
    "\"segments\": 1, \"direction\": \"inbound\", \"messageText\": \"Hello, this is a test SMS\", "
    "\"from\": \"+10000000010\", \"to\": \"+10000000020\", \"medias\": [] }, \"message\": \"SMS "
    "message received successfully\" }";
const QByteArray documentOutbound =
    "{ \"status\": \"delivered\", \"data\": { \"id\": \"44444444-cccc-5555-dddd-666666666666\", "
    "\"segments\": 1, \"direction\": \"outbound\", \"messageText\": \"Test outbound SMS with "
    "media\", \"from\": \"+10000000020\", \"to\": \"+10000000030\", \"medias\": [ "
    "\"https://example.com/media1.jpg\" ] }, \"message\": \"SMS message delivered successfully\" }";

// base with one field of "data" (or the top level, for "status"/"message"/"data")
// replaced, or removed when value is undefined.
QByteArray with(const QByteArray& base, const char* field, const QJsonValue& value)
{
    QJsonObject top = QJsonDocument::fromJson(base).object();
    const QString name = QLatin1String(field);
    const bool topLevel = name == u"status" || name == u"message" || name == u"data";
    QJsonObject data = top.value(QLatin1String("data")).toObject();
    QJsonObject& target = topLevel ? top : data;
    if (value.isUndefined())
        target.remove(name);
    else
        target.insert(name, value);
    if (!topLevel)
        top.insert(QLatin1String("data"), data);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QByteArray without(const QByteArray& base, const char* field)
{
    return with(base, field, QJsonValue(QJsonValue::Undefined));
}

QByteArray inboundWith(const char* field, const QJsonValue& value)
{
    return with(documentInbound, field, value);
}

QByteArray outboundWith(const char* field, const QJsonValue& value)
{
    return with(documentOutbound, field, value);
}

} // namespace

class TestProvidersZonitel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inbound_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("did");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<bool>("alphanumeric");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("media");
        QTest::addColumn<int>("segments");
        QTest::addColumn<QString>("id");

        const QString did = QStringLiteral("+10000000020");
        const QString remote = QStringLiteral("+10000000010");
        const QString docText = QStringLiteral("Hello, this is a test SMS");
        const QString docId = QStringLiteral("11111111-aaaa-2222-bbbb-333333333333");

        QTest::newRow("document: inbound")
            << documentInbound << did << remote << false << docText << QStringList() << 1 << docId;
        const QStringList media{QStringLiteral("https://example.com/media1.jpg"),
                                QStringLiteral("http://example.com/2.png")};
        QTest::newRow("MMS only") << inboundWith("medias", QJsonArray::fromStringList(media))
                                         .replace("Hello, this is a test SMS", "")
                                  << did << remote << false << QString() << media << 1 << docId;
        const QString emoji = QStringLiteral("Привет 👋 مرحبا 🇦🇺");
        QTest::newRow("unicode") << inboundWith("messageText", emoji) << did << remote << false
                                 << emoji << QStringList() << 1 << docId;
        const QString crlf = QStringLiteral("one\r\ntwo\r\n\r\n  ");
        QTest::newRow("CRLF kept") << inboundWith("messageText", crlf) << did << remote << false
                                   << crlf << QStringList() << 1 << docId;
        QTest::newRow("alphanumeric sender")
            << inboundWith("from", QStringLiteral("Google")) << did << QStringLiteral("Google")
            << true << docText << QStringList() << 1 << docId;
        QTest::newRow("national remote, Australian DID")
            << with(inboundWith("from", QStringLiteral("0412 345 678")), "to",
                    QStringLiteral("+61299999999"))
            << QStringLiteral("+61299999999") << QStringLiteral("+61412345678") << false << docText
            << QStringList() << 1 << docId;
        QTest::newRow("remote without +, international first")
            << inboundWith("from", QStringLiteral("61412345678")) << did
            << QStringLiteral("+61412345678") << false << docText << QStringList() << 1 << docId;
        QTest::newRow("three segments") << inboundWith("segments", 3) << did << remote << false
                                        << docText << QStringList() << 3 << docId;
    }

    void inbound()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, did);
        QFETCH(QString, remote);
        QFETCH(bool, alphanumeric);
        QFETCH(QString, text);
        QFETCH(QStringList, media);
        QFETCH(int, segments);
        QFETCH(QString, id);

        const ZonitelAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(body)));
        const AdapterResult result = adapter.parse(jsonRequest(body), AdapterContext());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->provider, QStringLiteral("zonitel"));
        QCOMPARE(message->did, did);
        QVERIFY(!message->device);
        QCOMPARE(message->remote, remote);
        QCOMPARE(message->remoteIsAlphanumeric, alphanumeric);
        QCOMPARE(message->text.toUtf8(), text.toUtf8());
        QCOMPARE(message->media, media);
        QCOMPARE(message->segments, std::optional<int>(segments));
        QCOMPARE(message->providerMessageId, id);
        QVERIFY(message->providerTime.isNull()); // the payload has no time
        QVERIFY(!message->pbx);
        QVERIFY(!message->gateway);
        QCOMPARE(message->dedupeKey, QStringLiteral("zonitel:") + id);
    }

    void regionFromContext()
    {
        // A national-format remote is read in the region the listener says the DID is in.
        AdapterContext context;
        context.regionForDid = [](const QString& did, const DeviceRef* device) {
            return did == u"+10000000020" && !device ? QStringLiteral("AU") : QString();
        };
        const auto result = ZonitelAdapter().parse(
            jsonRequest(inboundWith("from", QStringLiteral("0412345678"))), context);
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->remote, QStringLiteral("+61412345678"));
    }

    void status_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rawStatus");
        QTest::addColumn<QString>("statusText");
        QTest::addColumn<QString>("errorCode");

        const QString docText = QStringLiteral("SMS message delivered successfully");
        QTest::newRow("document: delivered") << documentOutbound << int(DeliveryStatus::Delivered)
                                             << QStringLiteral("delivered") << docText << QString();
        QTest::newRow("sent") << outboundWith("status", QStringLiteral("sent"))
                              << int(DeliveryStatus::Sent) << QStringLiteral("sent") << docText
                              << QString();
        QTest::newRow("queued") << outboundWith("status", QStringLiteral("queued"))
                                << int(DeliveryStatus::Queued) << QStringLiteral("queued")
                                << docText << QString();
        QTest::newRow("failed") << with(outboundWith("status", QStringLiteral("failed")), "message",
                                        QStringLiteral("SMS message failed: carrier rejected"))
                                << int(DeliveryStatus::Failed) << QStringLiteral("failed")
                                << QStringLiteral("SMS message failed: carrier rejected")
                                << QStringLiteral("failed");
        QTest::newRow("undelivered")
            << outboundWith("status", QStringLiteral("undelivered")) << int(DeliveryStatus::Failed)
            << QStringLiteral("undelivered") << docText << QStringLiteral("undelivered");
        QTest::newRow("Delivered, other case")
            << outboundWith("status", QStringLiteral("Delivered")) << int(DeliveryStatus::Delivered)
            << QStringLiteral("Delivered") << docText << QString();
        QTest::newRow("unknown status kept raw")
            << outboundWith("status", QStringLiteral("handed-to-carrier"))
            << int(DeliveryStatus::Unknown) << QStringLiteral("handed-to-carrier") << docText
            << QString();
    }

    void status()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, rawStatus);
        QFETCH(QString, statusText);
        QFETCH(QString, errorCode);

        const ZonitelAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(body)));
        const AdapterResult result = adapter.parse(jsonRequest(body), AdapterContext());
        const auto* update = singleEvent<StatusUpdate>(result);
        QVERIFY(update);
        QCOMPARE(update->provider, QStringLiteral("zonitel"));
        QCOMPARE(update->providerMessageId, QStringLiteral("44444444-cccc-5555-dddd-666666666666"));
        QCOMPARE(update->did, QStringLiteral("+10000000020"));
        QVERIFY(!update->device);
        QCOMPARE(update->remote, QStringLiteral("+10000000030"));
        QCOMPARE(int(update->status), status);
        QCOMPARE(update->rawStatus, rawStatus);
        QCOMPARE(update->statusText, statusText);
        QVERIFY(update->statusMeaning.isEmpty());
        QCOMPARE(update->errorCode, errorCode);
        QVERIFY(update->providerTime.isNull());
        QCOMPARE(update->dedupeKey,
                 QStringLiteral("zonitel:44444444-cccc-5555-dddd-666666666666:") + rawStatus);
        // What the report says of the message, for a message the app did not send itself.
        QCOMPARE(update->messageText.value_or(QString()),
                 QStringLiteral("Test outbound SMS with media"));
        QCOMPARE(update->media, QStringList{QStringLiteral("https://example.com/media1.jpg")});
        QCOMPARE(update->segments.value_or(-1), 1);
    }

    // The document names no Content-Type: a JSON body is read labelled application/json,
    // text/plain or not at all, and the log is told how.
    void contentTypes_data()
    {
        QTest::addColumn<QByteArray>("contentType"); // null: no header
        QTest::addColumn<QString>("note");
        QTest::newRow("application/json") << QByteArray("application/json") << QString();
        QTest::newRow("text/plain") << QByteArray("text/plain; charset=utf-8")
                                    << "Content-Type text/plain: the body was read as JSON";
        QTest::newRow("none") << QByteArray() << "no Content-Type: the body was read as JSON";
    }

    void contentTypes()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QString, note);
        for (const QByteArray& body : {documentInbound, documentOutbound}) {
            const AdapterResult result =
                ZonitelAdapter().parse(jsonRequest(body, contentType), AdapterContext());
            QVERIFY2(result.ok(), qPrintable(result.rejection().reason));
            QCOMPARE(result.events().size(), 1);
            QCOMPARE(result.notes(), note.isEmpty() ? QStringList() : QStringList{note});
        }
    }

    void keys()
    {
        const ZonitelAdapter adapter;
        const auto key = [&](const QByteArray& body) {
            const auto result = adapter.parse(jsonRequest(body), AdapterContext());
            return result.ok() ? dedupeKeyOf(result.events().first()) : result.rejection().reason;
        };
        // A retry (here re-serialised) gives the same key.
        QCOMPARE(key(inboundWith("segments", 1)), key(documentInbound));
        QCOMPARE(key(documentOutbound), key(outboundWith("segments", 1)));
        // Different messages, and different statuses of one message, do not share keys.
        QVERIFY(key(inboundWith("id", QStringLiteral("11111111-aaaa-2222-bbbb-333333333334"))) !=
                key(documentInbound));
        QVERIFY(key(outboundWith("status", QStringLiteral("sent"))) != key(documentOutbound));
        // An id holding ":" cannot forge another message's status key.
        const QString forged = key(
            inboundWith("id", QStringLiteral("44444444-cccc-5555-dddd-666666666666:delivered")));
        QVERIFY(forged.startsWith(u"zonitel:"));
        QVERIFY(forged != key(documentOutbound));
    }

    void rejected_data()
    {
        SMSDESK_REJECTION_COLUMNS();
        const QByteArray json = "application/json";
        const QString malformed = QStringLiteral("malformed");
        const QString invalid = QStringLiteral("invalid");

        for (const char* field : {"status", "data", "message"}) {
            QTest::addRow("missing %s", field)
                << without(documentInbound, field) << json << 400 << malformed
                << QString::fromLatin1(field)
                << QStringLiteral("required field \"%1\" is missing").arg(QLatin1String(field));
        }
        for (const char* field :
             {"id", "segments", "direction", "messageText", "from", "to", "medias"}) {
            QTest::addRow("missing data.%s", field)
                << without(documentInbound, field) << json << 400 << malformed
                << QStringLiteral("data.") + QLatin1String(field)
                << QStringLiteral("required field \"data.%1\" is missing")
                       .arg(QLatin1String(field));
        }
        QTest::newRow("status a number")
            << inboundWith("status", 200) << json << 400 << malformed << "status"
            << "field \"status\" must be a string (got a number)";
        QTest::newRow("data an array")
            << inboundWith("data", QJsonArray()) << json << 400 << malformed << "data"
            << "field \"data\" must be an object (got an array)";
        QTest::newRow("message null") << inboundWith("message", QJsonValue(QJsonValue::Null))
                                      << json << 400 << malformed << "message"
                                      << "field \"message\" must be a string (got null)";
        QTest::newRow("id a number")
            << inboundWith("id", 42) << json << 400 << malformed << "data.id"
            << "field \"data.id\" must be a string (got a number)";
        QTest::newRow("id empty") << inboundWith("id", QString()) << json << 422 << invalid
                                  << "data.id"
                                  << "field \"data.id\" must not be empty";
        QTest::newRow("segments a string")
            << inboundWith("segments", QStringLiteral("1")) << json << 400 << malformed
            << "data.segments"
            << "field \"data.segments\" must be an integer (got a string)";
        QTest::newRow("segments fractional")
            << inboundWith("segments", 1.5) << json << 400 << malformed << "data.segments"
            << "field \"data.segments\" must be an integer (got 1.5)";
        QTest::newRow("segments negative")
            << inboundWith("segments", -1) << json << 422 << invalid << "data.segments"
            << "must be an integer between 0 and 255 (got -1)";
        QTest::newRow("segments huge")
            << QByteArray(documentInbound)
                   .replace("\"segments\": 1", "\"segments\": 123456789012345678901234567890")
            << json << 422 << invalid << "data.segments"
            << "out of range";
        QTest::newRow("segments 2^63")
            << QByteArray(documentInbound)
                   .replace("\"segments\": 1", "\"segments\": 9223372036854775808")
            << json << 422 << invalid << "data.segments"
            << "must be an integer between 0 and 255";
        QTest::newRow("direction sideways")
            << inboundWith("direction", QStringLiteral("sideways")) << json << 422 << invalid
            << "data.direction"
            << "field \"data.direction\" must be \"inbound\" or \"outbound\" (got \"sideways\")";
        QTest::newRow("direction a bool")
            << inboundWith("direction", true) << json << 400 << malformed << "data.direction"
            << "field \"data.direction\" must be a string (got a boolean)";
        QTest::newRow("messageText an object") << inboundWith("messageText", QJsonObject()) << json
                                               << 400 << malformed << "data.messageText"
                                               << "must be a string (got an object)";
        QTest::newRow("medias a string")
            << inboundWith("medias", QStringLiteral("https://e.com/a")) << json << 400 << malformed
            << "data.medias"
            << "field \"data.medias\" must be an array of strings (got a string)";
        QTest::newRow("medias entry null")
            << inboundWith("medias", QJsonArray{QJsonValue()}) << json << 400 << malformed
            << "data.medias[0]"
            << "field \"data.medias[0]\" must be a string (got null)";
        QTest::newRow("medias data: URL")
            << inboundWith("medias", QJsonArray{QStringLiteral("data:image/png;base64,AAAA")})
            << json << 422 << invalid << "data.medias[0]"
            << "field \"data.medias[0]\" must be an http or https URL (got "
               "\"data:image/png;base64,AAAA\")";
        QTest::newRow("inbound with a delivery status")
            << inboundWith("status", QStringLiteral("delivered")) << json << 422 << invalid
            << "status"
            << "field \"status\" must be \"received\" for an inbound message (got \"delivered\")";
        QTest::newRow("inbound to a sender name")
            << inboundWith("to", QStringLiteral("ACME")) << json << 422 << invalid << "data.to"
            << "field \"data.to\" must be a phone number, not a sender name";
        QTest::newRow("inbound to garbage")
            << inboundWith("to", QStringLiteral("12#34")) << json << 422 << invalid << "data.to"
            << "field \"data.to\" must be a phone number: \"12#34\" is not a phone number";
        QTest::newRow("inbound from empty")
            << inboundWith("from", QString()) << json << 422 << invalid << "data.from"
            << "field \"data.from\" must be a phone number: it is empty";
        QTest::newRow("outbound to a sender name")
            << outboundWith("to", QStringLiteral("ACME")) << json << 422 << invalid << "data.to"
            << "must be a phone number, not a sender name";
        QTest::newRow("outbound from 16 digits")
            << outboundWith("from", QStringLiteral("+1234567890123456")) << json << 422 << invalid
            << "data.from"
            << "it has 16 digits, at most 15 are possible";
        QTest::newRow("outbound status empty")
            << outboundWith("status", QString()) << json << 422 << invalid << "status"
            << "field \"status\" must not be empty";
        QTest::newRow("content type a form")
            << documentInbound << QByteArray("application/x-www-form-urlencoded") << 415
            << "wrong-content-type"
            << ""
            << "expected application/json (or text/plain, or none)";
        QTest::newRow("text/plain that is not JSON")
            << QByteArray("received: Hello") << QByteArray("text/plain") << 400 << malformed << ""
            << "invalid JSON at offset";
        QTest::newRow("no content type, invalid UTF-8")
            << QByteArray(documentInbound).replace("test SMS", "test \xff") << QByteArray() << 400
            << malformed << ""
            << "the body is not valid UTF-8";
        QTest::newRow("no text field") << without(documentInbound, "messageText") << QByteArray()
                                       << 400 << malformed << "data.messageText"
                                       << "required field \"data.messageText\" is missing";
        QTest::newRow("invalid JSON") << QByteArray("{\"status\": \"received\", \"data\": {")
                                      << json << 400 << malformed << ""
                                      << "invalid JSON at offset 32";
        QTest::newRow("invalid UTF-8")
            << QByteArray(documentInbound).replace("test SMS", "test \xff\xfe") << json << 400
            << malformed << ""
            << "the body is not valid UTF-8";
        QTest::newRow("lone low surrogate escape")
            << QByteArray(documentInbound).replace("test SMS", "test \\udc00") << json << 400
            << malformed << ""
            << "half of a surrogate pair";
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const AdapterResult result =
            ZonitelAdapter().parse(jsonRequest(body, contentType), AdapterContext());
        SMSDESK_CHECK_REJECTION(result);
    }

    void recognizesItsShape()
    {
        const ZonitelAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(documentInbound)));
        QVERIFY(adapter.recognizes(jsonRequest(documentOutbound, "text/plain")));
        QVERIFY(!adapter.recognizes(jsonRequest(without(documentInbound, "data"))));
        QVERIFY(!adapter.recognizes(jsonRequest(inboundWith("status", 1))));
        QVERIFY(!adapter.recognizes(jsonRequest(inboundWith("data", QStringLiteral("x")))));
        QVERIFY(!adapter.recognizes(jsonRequest("{\"event\":\"sms.inbound\"}")));
    }

    void noSyncReply()
    {
        const ZonitelAdapter adapter;
        QVERIFY(!adapter.supportsSyncReply());
        QVERIFY(adapter.encodeSyncReply(QStringLiteral("hi"), {QStringLiteral("https://e.com/a")})
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvidersZonitel)
#include "TestProvidersZonitel.moc"
