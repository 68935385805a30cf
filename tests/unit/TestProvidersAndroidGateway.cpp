#include "TestProvidersSupport.h"
#include "providers/androidgateway/AndroidGatewayAdapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace smsdesk;
using namespace smsdesk::testing;

namespace {

// The document gives the two shapes with their types but no values: these are them, filled
// in field by field ("datetime" as "YYYY-MM-DD HH:MM:SS", "devicename" as a string).
const QByteArray documentIncoming = "{\n"
                                    "  \"address\": 17705551234,\n"
                                    "  \"date\": \"2024-03-01 12:34:56\",\n"
                                    "  \"date_sent\": \"2024-03-01 12:34:50\",\n"
                                    "  \"body\": \"Hello from the gateway\",\n"
                                    "  \"internal_id\": 5312,\n"
                                    "  \"sim\": 1,\n"
                                    "  \"sms_id\": 987654,\n"
                                    "  \"device_id\": 42,\n"
                                    "  \"device_name\": \"Pixel 7 (office)\"\n"
                                    "}";

const QByteArray documentStatus = "{\n"
                                  "  \"sms_id\": 987655,\n"
                                  "  \"status_id\": 7,\n"
                                  "  \"status_message\": \"SMS has been Delivered\",\n"
                                  "  \"sendto\": \"+17705551234\",\n"
                                  "  \"senttime\": \"2024-03-01 12:40:00\",\n"
                                  "  \"sim\": 0,\n"
                                  "  \"device_id\": 42\n"
                                  "}";

QByteArray with(const QByteArray& base, const char* field, const QJsonValue& value)
{
    QJsonObject object = QJsonDocument::fromJson(base).object();
    if (value.isUndefined())
        object.remove(QLatin1String(field));
    else
        object.insert(QLatin1String(field), value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray incomingWith(const char* field, const QJsonValue& value)
{
    return with(documentIncoming, field, value);
}

QByteArray statusWith(const char* field, const QJsonValue& value)
{
    return with(documentStatus, field, value);
}

QByteArray without(const QByteArray& base, const char* field)
{
    return with(base, field, QJsonValue(QJsonValue::Undefined));
}

AdapterContext australianDevice()
{
    AdapterContext context;
    context.regionForDid = [](const QString& did, const DeviceRef* device) {
        return did.isEmpty() && device && device->deviceId == 42 && device->sim == 1
                   ? QStringLiteral("AU")
                   : QString();
    };
    return context;
}

} // namespace

class TestProvidersAndroidGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void incoming_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("text");

        const QString remote = QStringLiteral("+17705551234");
        QTest::newRow("document: incoming SMS")
            << documentIncoming << remote << QStringLiteral("Hello from the gateway");
        QTest::newRow("empty body") << incomingWith("body", QString()) << remote << QString();
        const QString emoji = QStringLiteral("Olá 🙂 — ταυτότητα");
        QTest::newRow("unicode") << incomingWith("body", emoji) << remote << emoji;
        const QString crlf = QStringLiteral("a\r\nb\rc\n");
        QTest::newRow("CRLF kept") << incomingWith("body", crlf) << remote << crlf;
        // JSON ints have no leading 0: a national 0412 345 678 arrives as 412345678. Not a
        // possible number as international (+41 2345678), so read in the device's region.
        QTest::newRow("national address in the device's region")
            << incomingWith("address", 412345678) << QStringLiteral("+61412345678")
            << QStringLiteral("Hello from the gateway");
        QTest::newRow("international address")
            << incomingWith("address", 61412345678LL) << QStringLiteral("+61412345678")
            << QStringLiteral("Hello from the gateway");
        QTest::newRow("address as 1.7705551234e10")
            << QByteArray(documentIncoming).replace("17705551234", "1.7705551234e10") << remote
            << QStringLiteral("Hello from the gateway");
    }

    void incoming()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, remote);
        QFETCH(QString, text);

        const AndroidGatewayAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(body)));
        const AdapterResult result = adapter.parse(jsonRequest(body), australianDevice());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->provider, QStringLiteral("android-gateway"));
        QVERIFY(message->did.isEmpty()); // the listener maps the device to its DID
        QVERIFY(message->device);
        QCOMPARE(message->device->deviceId, qint64(42));
        QCOMPARE(message->device->sim, 1);
        QCOMPARE(message->device->deviceIdText(), QStringLiteral("42"));
        QCOMPARE(message->remote, remote);
        QVERIFY(!message->remoteIsAlphanumeric);
        QCOMPARE(message->text.toUtf8(), text.toUtf8());
        QVERIFY(message->media.isEmpty());
        QCOMPARE(message->providerMessageId, QStringLiteral("987654"));
        QCOMPARE(message->providerTime, utc("2024-03-01T12:34:56Z"));
        QCOMPARE(message->providerTime.timeSpec(), Qt::UTC);
        QVERIFY(!message->segments);
        QVERIFY(!message->pbx);
        QVERIFY(message->gateway);
        QCOMPARE(message->gateway->internalId, qint64(5312));
        QCOMPARE(message->gateway->deviceName, QStringLiteral("Pixel 7 (office)"));
        QCOMPARE(message->gateway->dateSent, utc("2024-03-01T12:34:50Z"));
        QCOMPARE(message->dedupeKey, QStringLiteral("android-gateway:42:987654"));
    }

    void statusTable_data()
    {
        QTest::addColumn<int>("statusId");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("meaning");

        QTest::newRow("1 pending") << 1 << int(DeliveryStatus::Queued) << "Pending SMS";
        QTest::newRow("3 queued") << 3 << int(DeliveryStatus::Queued) << "Queued for sending";
        QTest::newRow("2 taken by phone")
            << 2 << int(DeliveryStatus::Queued) << "SMS taken by phone";
        QTest::newRow("5 incoming") << 5 << int(DeliveryStatus::Received) << "Incoming SMS";
        QTest::newRow("6 sent") << 6 << int(DeliveryStatus::Sent) << "SMS Sent by Phone";
        QTest::newRow("7 delivered")
            << 7 << int(DeliveryStatus::Delivered) << "SMS has been Delivered";
        QTest::newRow("8 not delivered")
            << 8 << int(DeliveryStatus::Failed) << "SMS was NOT Delivered";
        QTest::newRow("9 generic failure") << 9 << int(DeliveryStatus::Failed) << "generic failure";
        QTest::newRow("10 no service")
            << 10 << int(DeliveryStatus::Failed) << "SMS Not Sent - No Service";
        QTest::newRow("11 null PDU")
            << 11 << int(DeliveryStatus::Failed) << "SMS Not Sent - Null PDU";
        QTest::newRow("12 radio off")
            << 12 << int(DeliveryStatus::Failed) << "SMS Not Sent - Radio Off";
        QTest::newRow("100 not allowed") << 100 << int(DeliveryStatus::Failed) << "NOT ALLOWED";
        QTest::newRow("101 not allowed") << 101 << int(DeliveryStatus::Failed) << "NOT ALLOWED";
        QTest::newRow("0 unknown") << 0 << int(DeliveryStatus::Unknown) << "";
        QTest::newRow("4 unknown") << 4 << int(DeliveryStatus::Unknown) << "";
        QTest::newRow("13 unknown") << 13 << int(DeliveryStatus::Unknown) << "";
        QTest::newRow("102 unknown") << 102 << int(DeliveryStatus::Unknown) << "";
    }

    void statusTable()
    {
        QFETCH(int, statusId);
        QFETCH(int, status);
        QFETCH(QString, meaning);

        const QByteArray body = statusWith("status_id", statusId);
        const AndroidGatewayAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(body)));
        const AdapterResult result = adapter.parse(jsonRequest(body), AdapterContext());
        const auto* update = singleEvent<StatusUpdate>(result);
        QVERIFY(update); // an unknown status id is kept, never rejected
        QCOMPARE(update->provider, QStringLiteral("android-gateway"));
        QCOMPARE(update->providerMessageId, QStringLiteral("987655"));
        QVERIFY(update->did.isEmpty());
        QVERIFY(update->device);
        QCOMPARE(update->device->deviceId, qint64(42));
        QCOMPARE(update->device->sim, 0);
        QCOMPARE(update->remote, QStringLiteral("+17705551234"));
        QCOMPARE(int(update->status), status);
        QCOMPARE(update->rawStatus, QString::number(statusId));
        QCOMPARE(update->statusText, QStringLiteral("SMS has been Delivered"));
        if (meaning.isEmpty())
            QVERIFY(update->statusMeaning.isEmpty());
        else
            QVERIFY2(update->statusMeaning.contains(meaning), qPrintable(update->statusMeaning));
        QCOMPARE(update->errorCode,
                 status == int(DeliveryStatus::Failed) ? QString::number(statusId) : QString());
        QCOMPARE(update->providerTime, utc("2024-03-01T12:40:00Z"));
        QCOMPARE(update->dedupeKey,
                 QStringLiteral("android-gateway:42:987655:status:%1").arg(statusId));
    }

    void statusRecipientInDeviceRegion()
    {
        const QByteArray body =
            with(statusWith("sendto", QStringLiteral("0412 345 678")), "sim", 1);
        const auto result = AndroidGatewayAdapter().parse(jsonRequest(body), australianDevice());
        const auto* update = singleEvent<StatusUpdate>(result);
        QVERIFY(update);
        QCOMPARE(update->remote, QStringLiteral("+61412345678"));
    }

    void keys()
    {
        const AndroidGatewayAdapter adapter;
        const auto key = [&](const QByteArray& body) {
            const auto result = adapter.parse(jsonRequest(body), AdapterContext());
            return result.ok() ? dedupeKeyOf(result.events().first()) : result.rejection().reason;
        };
        QCOMPARE(key(incomingWith("sim", 1)), key(documentIncoming)); // a retry
        QVERIFY(key(incomingWith("sms_id", 987655)) != key(documentIncoming));
        QVERIFY(key(incomingWith("device_id", 43)) != key(documentIncoming)); // ids are per device
        QCOMPARE(key(statusWith("sim", 0)), key(documentStatus));
        QVERIFY(key(statusWith("status_id", 8)) != key(documentStatus));
        // An incoming SMS and a status of the same sms_id never share a key.
        QVERIFY(key(incomingWith("sms_id", 987655)) != key(documentStatus));
    }

    void rejected_data()
    {
        SMSDESK_REJECTION_COLUMNS();
        const QByteArray json = "application/json";
        const QString malformed = QStringLiteral("malformed");
        const QString invalid = QStringLiteral("invalid");

        for (const char* field : {"date", "date_sent", "body", "internal_id", "sim", "sms_id",
                                  "device_id", "device_name"}) {
            QTest::addRow("incoming: missing %s", field)
                << without(documentIncoming, field) << json << 400 << malformed
                << QString::fromLatin1(field)
                << QStringLiteral("required field \"%1\" is missing").arg(QLatin1String(field));
        }
        for (const char* field :
             {"sms_id", "status_message", "sendto", "senttime", "sim", "device_id"}) {
            QTest::addRow("status: missing %s", field)
                << without(documentStatus, field) << json << 400 << malformed
                << QString::fromLatin1(field)
                << QStringLiteral("required field \"%1\" is missing").arg(QLatin1String(field));
        }
        QTest::newRow("neither kind")
            << without(documentIncoming, "address") << json << 400 << malformed << ""
            << "neither an incoming SMS (no field \"address\") nor a delivery status (no field "
               "\"status_id\")";
        QTest::newRow("both kinds")
            << incomingWith("status_id", 7) << json << 400 << malformed << ""
            << "both \"address\" (an incoming SMS) and \"status_id\"";
        QTest::newRow("address an empty string")
            << incomingWith("address", QString()) << json << 422 << invalid << "address"
            << "field \"address\" must be a phone number: it is empty";
        QTest::newRow("address a string of symbols")
            << incomingWith("address", QStringLiteral("+#")) << json << 422 << invalid << "address"
            << "unexpected character";
        QTest::newRow("address an array") << incomingWith("address", QJsonArray{17705551234LL})
                                          << json << 400 << malformed << "address"
                                          << "field \"address\" must be an integer (got an array)";
        QTest::newRow("address null") << incomingWith("address", QJsonValue(QJsonValue::Null))
                                      << json << 400 << malformed << "address"
                                      << "field \"address\" must be an integer (got null)";
        QTest::newRow("address fractional")
            << incomingWith("address", 1770555.5) << json << 400 << malformed << "address"
            << "field \"address\" must be an integer (got 1770555.5)";
        QTest::newRow("address zero")
            << incomingWith("address", 0) << json << 422 << invalid << "address"
            << "must be an integer between 1 and 999999999999999 (got 0)";
        QTest::newRow("address negative")
            << incomingWith("address", -17705551234LL) << json << 422 << invalid << "address"
            << "between 1 and 999999999999999";
        QTest::newRow("address 16 digits")
            << incomingWith("address", 1234567890123456LL) << json << 422 << invalid << "address"
            << "(got 1234567890123456)";
        QTest::newRow("address huge") << QByteArray(documentIncoming).replace("17705551234", "1e30")
                                      << json << 422 << invalid << "address"
                                      << "out of range";
        QTest::newRow("address impossible")
            << incomingWith("address", 5) << json << 422 << invalid << "address"
            << "is not a possible number";
        QTest::newRow("date impossible")
            << incomingWith("date", QStringLiteral("2024-02-30 10:00:00")) << json << 422 << invalid
            << "date"
            << "YYYY-MM-DD HH:MM:SS";
        QTest::newRow("date a boolean")
            << incomingWith("date", true) << json << 400 << malformed << "date"
            << "field \"date\" must be a date-time, as a string or a number";
        QTest::newRow("date words")
            << incomingWith("date", QStringLiteral("yesterday")) << json << 422 << invalid << "date"
            << "ISO 8601, or epoch seconds or milliseconds (got "
               "\"yesterday\")";
        QTest::newRow("date negative epoch")
            << incomingWith("date", -5) << json << 422 << invalid << "date"
            << "epoch seconds or milliseconds (got -5)";
        QTest::newRow("date offset out of range")
            << incomingWith("date", QStringLiteral("2024-03-01T12:34:56+25:00")) << json << 422
            << invalid << "date"
            << "must be a date-time";
        QTest::newRow("date_sent no seconds")
            << incomingWith("date_sent", QStringLiteral("2024-03-01 12:34")) << json << 422
            << invalid << "date_sent"
            << "YYYY-MM-DD HH:MM:SS";
        QTest::newRow("body a number")
            << incomingWith("body", 1) << json << 400 << malformed << "body"
            << "field \"body\" must be a string (got a number)";
        QTest::newRow("internal_id a string")
            << incomingWith("internal_id", QStringLiteral("5312")) << json << 400 << malformed
            << "internal_id"
            << "field \"internal_id\" must be an integer (got a string)";
        QTest::newRow("internal_id negative")
            << incomingWith("internal_id", -1) << json << 422 << invalid << "internal_id"
            << "between 0 and 9007199254740991";
        QTest::newRow("sim 2") << incomingWith("sim", 2) << json << 422 << invalid << "sim"
                               << "field \"sim\" must be an integer between 0 and 1 (got 2)";
        QTest::newRow("sim -1") << incomingWith("sim", -1) << json << 422 << invalid << "sim"
                                << "between 0 and 1 (got -1)";
        QTest::newRow("sim a string")
            << incomingWith("sim", QStringLiteral("0")) << json << 400 << malformed << "sim"
            << "field \"sim\" must be an integer (got a string)";
        QTest::newRow("sim a bool")
            << incomingWith("sim", false) << json << 400 << malformed << "sim"
            << "must be an integer (got a boolean)";
        QTest::newRow("sms_id huge")
            << QByteArray(documentIncoming).replace("987654", "99999999999999999999") << json << 422
            << invalid << "sms_id"
            << "out of range";
        QTest::newRow("sms_id past 2^53")
            << incomingWith("sms_id", 9007199254740992LL) << json << 422 << invalid << "sms_id"
            << "between 0 and 9007199254740991";
        QTest::newRow("device_id a string") << incomingWith("device_id", QStringLiteral("42"))
                                            << json << 400 << malformed << "device_id"
                                            << "must be an integer";
        QTest::newRow("device_name a number")
            << incomingWith("device_name", 7) << json << 400 << malformed << "device_name"
            << "must be a string (got a number)";
        QTest::newRow("status_id a string")
            << statusWith("status_id", QStringLiteral("7")) << json << 400 << malformed
            << "status_id"
            << "field \"status_id\" must be an integer (got a string)";
        QTest::newRow("status_id negative")
            << statusWith("status_id", -7) << json << 422 << invalid << "status_id"
            << "between 0 and 2147483647";
        QTest::newRow("status sim 3") << statusWith("sim", 3) << json << 422 << invalid << "sim"
                                      << "between 0 and 1 (got 3)";
        QTest::newRow("status senttime bad")
            << statusWith("senttime", QStringLiteral("now")) << json << 422 << invalid << "senttime"
            << "field \"senttime\" must be a date-time \"YYYY-MM-DD HH:MM:SS\"";
        QTest::newRow("status sendto a name")
            << statusWith("sendto", QStringLiteral("ACME")) << json << 422 << invalid << "sendto"
            << "must be a phone number, not a sender name";
        QTest::newRow("status sendto empty")
            << statusWith("sendto", QString()) << json << 422 << invalid << "sendto"
            << "it is empty";
        QTest::newRow("form content type")
            << documentIncoming << QByteArray("application/x-www-form-urlencoded") << 415
            << "wrong-content-type"
            << ""
            << "expected application/json";
        QTest::newRow("invalid JSON")
            << QByteArray("{\"address\": 1,}") << json << 400 << malformed << ""
            << "invalid JSON at offset";
        QTest::newRow("text/plain that is not JSON")
            << QByteArray("address=17705551234") << QByteArray("text/plain") << 400 << malformed
            << ""
            << "invalid JSON at offset";
        QTest::newRow("text/plain in Latin-1")
            << documentIncoming << QByteArray("text/plain; charset=iso-8859-1") << 415
            << "wrong-content-type"
            << ""
            << "charset \"iso-8859-1\" is not accepted";
        QTest::newRow("XML content type")
            << documentIncoming << QByteArray("application/xml") << 415 << "wrong-content-type"
            << ""
            << "expected application/json (or text/plain, or none)";
        QTest::newRow("no body, no content type")
            << QByteArray() << QByteArray() << 400 << malformed << ""
            << "the body is empty";
        QTest::newRow("invalid UTF-8")
            << QByteArray(documentIncoming).replace("gateway", "gate\x80way") << json << 400
            << malformed << ""
            << "is not valid UTF-8";
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const AdapterResult result =
            AndroidGatewayAdapter().parse(jsonRequest(body, contentType), AdapterContext());
        SMSDESK_CHECK_REJECTION(result);
    }

    // The document types "address" as int and "date" as "datetime", names no format, no zone
    // and no Content-Type: every reasonable reading is accepted.
    void lenientAddresses_data()
    {
        QTest::addColumn<QJsonValue>("address");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<bool>("alphanumeric");
        const QString us = QStringLiteral("+17705551234");
        QTest::newRow("int") << QJsonValue(17705551234LL) << us << false;
        QTest::newRow("string of digits")
            << QJsonValue(QStringLiteral("17705551234")) << us << false;
        QTest::newRow("string with +") << QJsonValue(QStringLiteral("+17705551234")) << us << false;
        QTest::newRow("string with a leading 0, in the device's region")
            << QJsonValue(QStringLiteral("0412345678")) << QStringLiteral("+61412345678") << false;
        QTest::newRow("national int in the device's region")
            << QJsonValue(412345678) << QStringLiteral("+61412345678") << false;
        QTest::newRow("sender name")
            << QJsonValue(QStringLiteral("Google")) << QStringLiteral("Google") << true;
        QTest::newRow("sender name with a dash")
            << QJsonValue(QStringLiteral("BANK-INFO")) << QStringLiteral("BANK-INFO") << true;
    }

    void lenientAddresses()
    {
        QFETCH(QJsonValue, address);
        QFETCH(QString, remote);
        QFETCH(bool, alphanumeric);
        const QByteArray body = incomingWith("address", address);
        const AndroidGatewayAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(body)));
        const AdapterResult result = adapter.parse(jsonRequest(body), australianDevice());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->remote, remote);
        QCOMPARE(message->remoteIsAlphanumeric, alphanumeric);
        QVERIFY(result.notes().isEmpty());
    }

    void lenientDates_data()
    {
        QTest::addColumn<QJsonValue>("date");
        QTest::addColumn<QString>("zone"); // the number's time zone; empty: none set
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon = utc("2024-03-01T12:34:56Z");
        // 1 March 2024: Sydney is on daylight time, UTC+11.
        const QString sydney = QStringLiteral("Australia/Sydney");
        QTest::newRow("document form, no zone set: the default zone (UTC)")
            << QJsonValue(QStringLiteral("2024-03-01 12:34:56")) << QString() << noon;
        QTest::newRow("document form in the number's zone")
            << QJsonValue(QStringLiteral("2024-03-01 12:34:56")) << sydney
            << utc("2024-03-01T01:34:56Z");
        QTest::newRow("ISO with T, no offset, in the number's zone")
            << QJsonValue(QStringLiteral("2024-03-01T12:34:56")) << sydney
            << utc("2024-03-01T01:34:56Z");
        QTest::newRow("ISO with Z")
            << QJsonValue(QStringLiteral("2024-03-01T12:34:56Z")) << sydney << noon;
        QTest::newRow("ISO with an offset")
            << QJsonValue(QStringLiteral("2024-03-01T14:34:56+02:00")) << sydney << noon;
        QTest::newRow("ISO with a compact offset")
            << QJsonValue(QStringLiteral("2024-03-01T07:34:56-0500")) << sydney << noon;
        QTest::newRow("ISO with an hours-only offset")
            << QJsonValue(QStringLiteral("2024-03-01 17:34:56+05")) << sydney << noon;
        QTest::newRow("fraction of a second")
            << QJsonValue(QStringLiteral("2024-03-01T12:34:56.789123Z")) << sydney
            << noon.addMSecs(789);
        QTest::newRow("epoch seconds") << QJsonValue(1709296496) << sydney << noon;
        QTest::newRow("epoch milliseconds")
            << QJsonValue(1709296496789LL) << sydney << noon.addMSecs(789);
        QTest::newRow("epoch seconds as a string")
            << QJsonValue(QStringLiteral("1709296496")) << sydney << noon;
        QTest::newRow("epoch milliseconds as a string")
            << QJsonValue(QStringLiteral("1709296496789")) << sydney << noon.addMSecs(789);
        QTest::newRow("epoch seconds with a fraction")
            << QJsonValue(1709296496.25) << sydney << noon.addMSecs(250);
        // 31 March 2024, 02:30 does not exist in Berlin (clocks go from 02:00 to 03:00): the
        // message is kept, the time read past the gap.
        QTest::newRow("a local time in a daylight-saving gap")
            << QJsonValue(QStringLiteral("2024-03-31 02:30:00")) << QStringLiteral("Europe/Berlin")
            << utc("2024-03-31T01:30:00Z");
    }

    void lenientDates()
    {
        QFETCH(QJsonValue, date);
        QFETCH(QString, zone);
        QFETCH(QDateTime, expected);
        AdapterContext context;
        context.timeZoneForDid = [zone](const QString& did, const DeviceRef* device) {
            return did.isEmpty() && device && device->deviceId == 42 && !zone.isEmpty()
                       ? QTimeZone(zone.toUtf8())
                       : QTimeZone();
        };
        const AndroidGatewayAdapter adapter;
        const AdapterResult incoming = adapter.parse(
            jsonRequest(with(incomingWith("date", date), "date_sent", date)), context);
        const auto* message = singleEvent<InboundMessage>(incoming);
        QVERIFY(message);
        QCOMPARE(message->providerTime, expected);
        QCOMPARE(message->providerTime.timeSpec(), Qt::UTC);
        QCOMPARE(message->gateway->dateSent, expected);

        const AdapterResult status =
            adapter.parse(jsonRequest(statusWith("senttime", date)), context);
        const auto* update = singleEvent<StatusUpdate>(status);
        QVERIFY(update);
        QCOMPARE(update->providerTime, expected);
        QCOMPARE(update->providerTime.timeSpec(), Qt::UTC);
    }

    void defaultTimeZoneWhenTheNumberHasNone()
    {
        AdapterContext context;
        context.defaultTimeZone = QTimeZone("America/New_York");
        const auto result = AndroidGatewayAdapter().parse(jsonRequest(documentIncoming), context);
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->providerTime, utc("2024-03-01T17:34:56Z")); // EST, UTC-5
    }

    void contentTypes_data()
    {
        QTest::addColumn<QByteArray>("contentType"); // null: no header
        QTest::addColumn<QString>("note");
        QTest::newRow("application/json") << QByteArray("application/json") << QString();
        QTest::newRow("application/json; charset=utf-8")
            << QByteArray("application/json; charset=utf-8") << QString();
        QTest::newRow("text/plain")
            << QByteArray("text/plain") << "Content-Type text/plain: the body was read as JSON";
        QTest::newRow("TEXT/PLAIN; charset=UTF-8")
            << QByteArray("TEXT/PLAIN; charset=UTF-8")
            << "Content-Type text/plain: the body was read as JSON";
        QTest::newRow("none") << QByteArray() << "no Content-Type: the body was read as JSON";
    }

    void contentTypes()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QString, note);
        for (const QByteArray& body : {documentIncoming, documentStatus}) {
            const AdapterResult result =
                AndroidGatewayAdapter().parse(jsonRequest(body, contentType), AdapterContext());
            QVERIFY2(result.ok(), qPrintable(result.rejection().reason));
            QCOMPARE(result.notes(), note.isEmpty() ? QStringList() : QStringList{note});
        }
    }

    void recognizesBothShapes()
    {
        const AndroidGatewayAdapter adapter;
        QVERIFY(adapter.recognizes(jsonRequest(documentIncoming)));
        QVERIFY(adapter.recognizes(jsonRequest(documentStatus)));
        QVERIFY(adapter.recognizes(jsonRequest(documentStatus, "text/plain")));
        QVERIFY(!adapter.recognizes(jsonRequest(without(documentIncoming, "device_id"))));
        QVERIFY(!adapter.recognizes(jsonRequest(without(documentStatus, "sms_id"))));
        QVERIFY(!adapter.recognizes(jsonRequest("[]")));
    }

    void noSyncReply()
    {
        const AndroidGatewayAdapter adapter;
        QVERIFY(!adapter.supportsSyncReply());
        QVERIFY(adapter.encodeSyncReply(QStringLiteral("hi"), {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvidersAndroidGateway)
#include "TestProvidersAndroidGateway.moc"
