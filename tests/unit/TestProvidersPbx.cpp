#include "TestProvidersSupport.h"
#include "providers/pbx/PbxAdapter.h"

#include <QTest>
#include <QUrl>

using namespace smsdesk;
using namespace smsdesk::testing;

namespace {

// The document's curl example, verbatim (its placeholders included).
const QByteArray documentExample =
    "service_id=YOUR_SERVICE_ID&from=YOUR_FROM_NUMBER&sms_number=YOUR_SMS_NUMBER&body=Test%"
    "20Message"
    "&message_id=297abf7f-99d9-4b7d-9c46-1d7c13687b11&timestamp=1576391654"
    "&webhook_url=https://youendpoint.com/sms/test&webhook_url_fallback=you@email.com";

// The same with the placeholders filled in as the carrier fills them: an Australian
// service, digits without "+".
const QByteArray documentFilled =
    "service_id=100234&from=61412345678&sms_number=61299999999&body=Test%20Message"
    "&message_id=297abf7f-99d9-4b7d-9c46-1d7c13687b11&timestamp=1576391654"
    "&webhook_url=https://youendpoint.com/sms/test&webhook_url_fallback=you@email.com";

const char* const fieldOrder[] = {"service_id", "from",      "sms_number",  "body",
                                  "message_id", "timestamp", "webhook_url", "webhook_url_fallback"};

// documentFilled with one field's value replaced (percent-encoded here), or removed when
// value is null.
QByteArray with(const char* field, const QString& value)
{
    QByteArray out;
    for (const char* name : fieldOrder) {
        QByteArray encoded;
        if (qstrcmp(name, field) == 0) {
            if (value.isNull())
                continue;
            encoded = QUrl::toPercentEncoding(value);
        } else {
            const QByteArray key = QByteArray(name) + '=';
            for (const QByteArray& pair : documentFilled.split('&')) {
                if (pair.startsWith(key))
                    encoded = pair.mid(key.size());
            }
        }
        if (!out.isEmpty())
            out += '&';
        out += name;
        out += '=';
        out += encoded;
    }
    return out;
}

QByteArray without(const char* field)
{
    return with(field, QString());
}

// documentFilled with the raw (already encoded) value of body.
QByteArray withRawBody(const QByteArray& raw)
{
    return QByteArray(documentFilled).replace("body=Test%20Message", "body=" + raw);
}

} // namespace

class TestProvidersPbx : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("did");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<bool>("alphanumeric");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("serviceId");
        QTest::addColumn<QString>("webhookUrl");
        QTest::addColumn<QString>("webhookUrlFallback");

        const QByteArray form = "application/x-www-form-urlencoded";
        const QString did = QStringLiteral("+61299999999");
        const QString remote = QStringLiteral("+61412345678");
        const QString text = QStringLiteral("Test Message");
        const QString service = QStringLiteral("100234");
        const QString url = QStringLiteral("https://youendpoint.com/sms/test");
        const QString fallback = QStringLiteral("you@email.com");

        QTest::newRow("document example, placeholders filled")
            << documentFilled << form << did << remote << false << text << service << url
            << fallback;
        QTest::newRow("charset=UTF-8")
            << documentFilled << QByteArray("application/x-www-form-urlencoded; charset=UTF-8")
            << did << remote << false << text << service << url << fallback;
        QTest::newRow("plus is a space, %2B a plus")
            << withRawBody("1+%2B+1+=+2%3F") << form << did << remote << false
            << QStringLiteral("1 + 1 = 2?") << service << url << fallback;
        QTest::newRow("percent-encoded UTF-8 emoji")
            << withRawBody("caf%C3%A9+%F0%9F%91%8B") << form << did << remote << false
            << QStringLiteral("café 👋") << service << url << fallback;
        QTest::newRow("raw UTF-8 bytes")
            << withRawBody("\xe6\x97\xa5\xe6\x9c\xac") << form << did << remote << false
            << QStringLiteral("日本") << service << url << fallback;
        QTest::newRow("CRLF and spaces kept")
            << withRawBody("+line1%0D%0Aline2%0D%0A+") << form << did << remote << false
            << QStringLiteral(" line1\r\nline2\r\n ") << service << url << fallback;
        QTest::newRow("empty body") << withRawBody("") << form << did << remote << false
                                    << QString() << service << url << fallback;
        QTest::newRow("alphanumeric sender")
            << with("from", QStringLiteral("ACME")) << form << did << QStringLiteral("ACME") << true
            << text << service << url << fallback;
        QTest::newRow("sender name with a space")
            << with("from", QStringLiteral("My Shop")) << form << did << QStringLiteral("My Shop")
            << true << text << service << url << fallback;
        QTest::newRow("national sender in the DID's region")
            << with("from", QStringLiteral("0412 345 678")) << form << did << remote << false
            << text << service << url << fallback;
        QTest::newRow("sender with +")
            << with("from", QStringLiteral("+61412345678")) << form << did << remote << false
            << text << service << url << fallback;
        QTest::newRow("US digits")
            << with("from", QStringLiteral("14045559999")) << form << did
            << QStringLiteral("+14045559999") << false << text << service << url << fallback;
        QTest::newRow("without webhook_url fields")
            << QByteArray(documentFilled)
                   .replace("&webhook_url=https://youendpoint.com/sms/"
                            "test&webhook_url_fallback=you@email.com",
                            "")
            << form << did << remote << false << text << service << QString() << QString();
        QTest::newRow("fields in another order, unknown field ignored")
            << QByteArray("timestamp=1576391654&message_id=297abf7f-99d9-4b7d-9c46-1d7c13687b11"
                          "&body=Test+Message&extra=1&sms_number=61299999999&from=61412345678"
                          "&service_id=100234")
            << form << did << remote << false << text << service << QString() << QString();
    }

    void accepted()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, did);
        QFETCH(QString, remote);
        QFETCH(bool, alphanumeric);
        QFETCH(QString, text);
        QFETCH(QString, serviceId);
        QFETCH(QString, webhookUrl);
        QFETCH(QString, webhookUrlFallback);

        const PbxAdapter adapter;
        QVERIFY(adapter.recognizes(formRequest(body, contentType)));
        const AdapterResult result =
            adapter.parse(formRequest(body, contentType), AdapterContext());
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->provider, QStringLiteral("pbx"));
        QCOMPARE(message->did, did);
        QVERIFY(!message->device);
        QCOMPARE(message->remote, remote);
        QCOMPARE(message->remoteIsAlphanumeric, alphanumeric);
        QCOMPARE(message->text.toUtf8(), text.toUtf8());
        QVERIFY(message->media.isEmpty());
        QCOMPARE(message->providerMessageId,
                 QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b11"));
        QCOMPARE(message->providerTime, utc("2019-12-15T06:34:14Z")); // 1576391654
        QCOMPARE(message->providerTime.timeSpec(), Qt::UTC);
        QVERIFY(!message->segments);
        QVERIFY(message->pbx);
        QCOMPARE(message->pbx->serviceId, serviceId);
        QCOMPARE(message->pbx->webhookUrl, webhookUrl);
        QCOMPARE(message->pbx->webhookUrlFallback, webhookUrlFallback);
        QVERIFY(!message->gateway);
        QCOMPARE(message->dedupeKey, QStringLiteral("pbx:297abf7f-99d9-4b7d-9c46-1d7c13687b11"));
    }

    void nationalSenderUsesContextRegion()
    {
        // A US DID (by the listener's record) receiving from a national-format number.
        AdapterContext context;
        context.defaultRegion = QStringLiteral("GB");
        context.regionForDid = [](const QString& did, const DeviceRef*) {
            return did == u"+14045559999" ? QStringLiteral("US") : QString();
        };
        const QByteArray body = QByteArray(documentFilled)
                                    .replace("sms_number=61299999999", "sms_number=14045559999")
                                    .replace("from=61412345678", "from=(770)%20555-1234");
        const auto result = PbxAdapter().parse(formRequest(body), context);
        const auto* message = singleEvent<InboundMessage>(result);
        QVERIFY(message);
        QCOMPARE(message->did, QStringLiteral("+14045559999"));
        QCOMPARE(message->remote, QStringLiteral("+17705551234"));
    }

    void keys()
    {
        const PbxAdapter adapter;
        const auto key = [&](const QByteArray& body) {
            const auto result = adapter.parse(formRequest(body), AdapterContext());
            return result.ok() ? dedupeKeyOf(result.events().first()) : result.rejection().reason;
        };
        // The carrier retries until it gets a 200: every attempt has the same message_id.
        QCOMPARE(key(documentFilled), key(documentFilled));
        QCOMPARE(key(with("timestamp", QStringLiteral("1576391700"))), key(documentFilled));
        QCOMPARE(key(with("message_id", QStringLiteral("297ABF7F-99D9-4B7D-9C46-1D7C13687B11"))),
                 key(documentFilled));
        QVERIFY(key(with("message_id", QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b12"))) !=
                key(documentFilled));
    }

    void rejected_data()
    {
        SMSDESK_REJECTION_COLUMNS();
        const QByteArray form = "application/x-www-form-urlencoded";
        const QString malformed = QStringLiteral("malformed");
        const QString invalid = QStringLiteral("invalid");
        const QString wrongType = QStringLiteral("wrong-content-type");

        for (const char* field :
             {"service_id", "from", "sms_number", "body", "message_id", "timestamp"}) {
            QTest::addRow("missing %s", field)
                << without(field) << form << 400 << malformed << QString::fromLatin1(field)
                << QStringLiteral("required field \"%1\" is missing").arg(QLatin1String(field));
        }
        QTest::newRow("document example verbatim: placeholder number")
            << documentExample << form << 422 << invalid << "sms_number"
            << "field \"sms_number\" must be a phone number, not a sender name (got "
               "\"YOUR_SMS_NUMBER\")";
        QTest::newRow("empty form") << QByteArray() << form << 400 << malformed << "service_id"
                                    << "required field \"service_id\" is missing";
        QTest::newRow("JSON content type")
            << documentFilled << QByteArray("application/json") << 415 << wrongType << ""
            << "Content-Type \"application/json\" is not accepted: expected "
               "application/x-www-form-urlencoded";
        QTest::newRow("multipart")
            << documentFilled << QByteArray("multipart/form-data; boundary=x") << 415 << wrongType
            << ""
            << "expected application/x-www-form-urlencoded";
        QTest::newRow("no content type") << documentFilled << QByteArray() << 415 << wrongType << ""
                                         << "the Content-Type header is missing";
        QTest::newRow("latin-1 charset")
            << documentFilled << QByteArray("application/x-www-form-urlencoded; charset=latin1")
            << 415 << wrongType << ""
            << "charset \"latin1\" is not accepted";
        QTest::newRow("broken escape")
            << withRawBody("100%25+sure+%zz") << form << 400 << malformed << ""
            << "the form body has a broken %-escape at offset 75";
        QTest::newRow("truncated escape at end")
            << QByteArray(documentFilled).append("%4") << form << 400 << malformed << ""
            << "broken %-escape";
        QTest::newRow("invalid UTF-8 escaped")
            << withRawBody("caf%E9") << form << 400 << malformed << "body"
            << "field \"body\" is not valid UTF-8";
        QTest::newRow("invalid UTF-8 raw")
            << withRawBody("caf\xe9") << form << 400 << malformed << "body"
            << "field \"body\" is not valid UTF-8 (decoded byte offset 3)";
        QTest::newRow("encoded surrogate")
            << withRawBody("%ED%A0%BD") << form << 400 << malformed << "body"
            << "field \"body\" is not valid UTF-8";
        QTest::newRow("invalid UTF-8 in a name")
            << QByteArray(documentFilled).append("&n%FF=1") << form << 400 << malformed << ""
            << "is not valid UTF-8";
        QTest::newRow("field given twice")
            << QByteArray(documentFilled).append("&from=ACME") << form << 400 << malformed << "from"
            << "field \"from\" is given more than once";
        QTest::newRow("bad UUID")
            << with("message_id", QStringLiteral("not-a-uuid")) << form << 422 << invalid
            << "message_id"
            << "field \"message_id\" must be a UUID, like \"297abf7f-99d9-4b7d-9c46-1d7c13687b11\" "
               "(got \"not-a-uuid\")";
        QTest::newRow("UUID in braces")
            << with("message_id", QStringLiteral("{297abf7f-99d9-4b7d-9c46-1d7c13687b11}")) << form
            << 422 << invalid << "message_id"
            << "must be a UUID";
        QTest::newRow("UUID too short")
            << with("message_id", QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b1")) << form
            << 422 << invalid << "message_id"
            << "must be a UUID";
        QTest::newRow("timestamp words")
            << with("timestamp", QStringLiteral("yesterday")) << form << 422 << invalid
            << "timestamp"
            << "field \"timestamp\" must be an epoch time in whole seconds";
        QTest::newRow("timestamp negative")
            << with("timestamp", QStringLiteral("-5")) << form << 422 << invalid << "timestamp"
            << "(got \"-5\")";
        QTest::newRow("timestamp fractional") << with("timestamp", QStringLiteral("1576391654.5"))
                                              << form << 422 << invalid << "timestamp"
                                              << "must be an epoch time in whole seconds";
        QTest::newRow("timestamp ISO") << with("timestamp", QStringLiteral("2019-12-15T06:34:14Z"))
                                       << form << 422 << invalid << "timestamp"
                                       << "must be an epoch time in whole seconds";
        QTest::newRow("timestamp huge") << with("timestamp", QStringLiteral("99999999999999999999"))
                                        << form << 422 << invalid << "timestamp"
                                        << "must be an epoch time in whole seconds";
        QTest::newRow("timestamp after 9999") << with("timestamp", QStringLiteral("253402300800"))
                                              << form << 422 << invalid << "timestamp"
                                              << "must be an epoch time in whole seconds";
        QTest::newRow("timestamp empty")
            << with("timestamp", QStringLiteral("")) << form << 422 << invalid << "timestamp"
            << "(got \"\")";
        QTest::newRow("sms_number empty")
            << with("sms_number", QStringLiteral("")) << form << 422 << invalid << "sms_number"
            << "field \"sms_number\" must be a phone number: it is empty";
        QTest::newRow("from with a symbol")
            << with("from", QStringLiteral("0412*345")) << form << 422 << invalid << "from"
            << "field \"from\" must be a phone number: \"0412*345\" is not a phone number: "
               "unexpected character \"*\"";
        QTest::newRow("from huge") << with("from", QStringLiteral("12345678901234567890")) << form
                                   << 422 << invalid << "from"
                                   << "it has 20 digits, at most 15 are possible";
        QTest::newRow("from impossible")
            << with("from", QStringLiteral("0")) << form << 422 << invalid << "from"
            << "is not a possible number";
        QTest::newRow("from control characters")
            << with("from", QStringLiteral("ACME\n")) << form << 422 << invalid << "from"
            << "a sender name cannot contain control characters";
    }

    void rejected()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const AdapterResult result =
            PbxAdapter().parse(formRequest(body, contentType), AdapterContext());
        SMSDESK_CHECK_REJECTION(result);
    }

    void recognizesItsShape()
    {
        const PbxAdapter adapter;
        QVERIFY(adapter.recognizes(formRequest(documentExample)));
        QVERIFY(adapter.recognizes(formRequest(documentFilled, "application/json")));
        QVERIFY(!adapter.recognizes(formRequest(without("message_id"))));
        QVERIFY(!adapter.recognizes(formRequest(without("sms_number"))));
        QVERIFY(!adapter.recognizes(formRequest("{\"message_id\":\"x\",\"sms_number\":\"1\"}")));
        QVERIFY(!adapter.recognizes(formRequest("")));
    }

    void noSyncReply()
    {
        const PbxAdapter adapter;
        QVERIFY(!adapter.supportsSyncReply());
        QVERIFY(adapter.encodeSyncReply(QStringLiteral("hi"), {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvidersPbx)
#include "TestProvidersPbx.moc"
