#include "TestProvidersSupport.h"
#include "phone/PhoneNumber.h"
#include "providers/AdapterContext.h"
#include "providers/DedupeKey.h"
#include "providers/FormFields.h"
#include "providers/PayloadDecoder.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/StatusUpdate.h"

#include <QStringDecoder>
#include <QTest>

using namespace smsdesk;
using namespace smsdesk::testing;

// What every adapter shares: provider-number normalisation, the request-level checks,
// de-duplication keys, the registry and /webhook detection.
class TestProvidersCommon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerNumbers_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("alphanumeric");

        QTest::newRow("E.164") << "+17705551234"
                               << ""
                               << "+17705551234" << false;
        QTest::newRow("documents' invalid example kept") << "+10000000010"
                                                         << ""
                                                         << "+10000000010" << false;
        QTest::newRow("unknown country code kept") << "+999123456789"
                                                   << "US"
                                                   << "+999123456789" << false;
        QTest::newRow("formatted with +") << "+1 (404) 555-9999"
                                          << "AU"
                                          << "+14045559999" << false;
        QTest::newRow("national trunk 0 after country code") << "+44 (0)20 7946 0958"
                                                             << ""
                                                             << "+442079460958" << false;
        QTest::newRow("digits: international first") << "17705551234"
                                                     << "AU"
                                                     << "+17705551234" << false;
        QTest::newRow("digits: foreign country code") << "61412345678"
                                                      << "US"
                                                      << "+61412345678" << false;
        QTest::newRow("national AU mobile") << "0412 345 678"
                                            << "AU"
                                            << "+61412345678" << false;
        QTest::newRow("national AU, no leading 0") << "412345678"
                                                   << "AU"
                                                   << "+61412345678" << false;
        QTest::newRow("national US ten digits") << "4045559999"
                                                << "US"
                                                << "+14045559999" << false;
        QTest::newRow("national US dotted") << "404.555.9999"
                                            << "us"
                                            << "+14045559999" << false;
        QTest::newRow("surrounding blanks") << "  +14045559999 "
                                            << ""
                                            << "+14045559999" << false;
        QTest::newRow("sender ACME") << "ACME"
                                     << "US"
                                     << "ACME" << true;
        QTest::newRow("sender Google") << "Google"
                                       << ""
                                       << "Google" << true;
        QTest::newRow("sender kept exactly") << " My Shop 24 "
                                             << "US"
                                             << " My Shop 24 " << true;
        QTest::newRow("sender non-Latin") << "Магазин"
                                          << "US"
                                          << "Магазин" << true;
    }

    void providerNumbers()
    {
        QFETCH(QString, raw);
        QFETCH(QString, region);
        QFETCH(QString, value);
        QFETCH(bool, alphanumeric);

        const auto result = PhoneNumber::normalizeFromProvider(raw, region);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, value);
        QCOMPARE(result.alphanumeric, alphanumeric);
        // The second time comes from the per-thread memo: the same answer.
        const auto again = PhoneNumber::normalizeFromProvider(raw, region);
        QCOMPARE(again.value, result.value);
        QCOMPARE(again.alphanumeric, result.alphanumeric);
        QCOMPARE(again.error, result.error);
    }

    void memoKeepsRegionsApart()
    {
        // The same national digits read in two receiving regions must not share an answer.
        const auto australian = PhoneNumber::normalizeFromProvider(QStringLiteral("0412 345 678"),
                                                                   QStringLiteral("AU"));
        const auto british = PhoneNumber::normalizeFromProvider(QStringLiteral("0412 345 678"),
                                                                QStringLiteral("GB"));
        QCOMPARE(australian.value, QStringLiteral("+61412345678"));
        QVERIFY(british.value != australian.value);
        QCOMPARE(
            PhoneNumber::normalizeFromProvider(QStringLiteral("0412 345 678"), QStringLiteral("AU"))
                .value,
            australian.value);
    }

    void providerNumberErrors_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << ""
                               << "US"
                               << "it is empty";
        QTest::newRow("blank") << "  "
                               << "US"
                               << "it is empty";
        QTest::newRow("leading zero after +") << "+0412345678"
                                              << "AU"
                                              << "a country code cannot start with 0";
        QTest::newRow("plus in the middle") << "1+4045559999"
                                            << "US"
                                            << "unexpected character \"+\"";
        QTest::newRow("double plus") << "++14045559999"
                                     << "US"
                                     << "unexpected character \"+\"";
        QTest::newRow("symbol") << "404#555"
                                << "US"
                                << "unexpected character \"#\"";
        QTest::newRow("only separators") << "()-"
                                         << "US"
                                         << "it has no digits";
        QTest::newRow("16 digits") << "1234567890123456"
                                   << "US"
                                   << "it has 16 digits, at most 15";
        QTest::newRow("+ and 16 digits") << "+1234567890123456"
                                         << "US"
                                         << "it has 16 digits";
        QTest::newRow("+ and one digit") << "+1"
                                         << "US"
                                         << "too few digits";
        QTest::newRow("local only") << "5559999"
                                    << "US"
                                    << "is not a possible number";
        QTest::newRow("no region to read it in") << "0412345678"
                                                 << ""
                                                 << "no region is known";
        QTest::newRow("unknown region") << "0412345678"
                                        << "XX"
                                        << "no region is known";
        QTest::newRow("control character in a name") << "ACME\x01"
                                                     << "US"
                                                     << "control characters";
        QTest::newRow("line break in a name") << "AC\nME"
                                              << "US"
                                              << "control characters";
        QTest::newRow("name too long") << QString(65, u'A') << "US"
                                       << "at most 64 characters";
        QTest::newRow("non-ASCII digits") << "٠٤١٢٣٤٥٦٧٨"
                                          << "AU"
                                          << "unexpected character";
    }

    void providerNumberErrors()
    {
        QFETCH(QString, raw);
        QFETCH(QString, region);
        QFETCH(QString, error);

        const auto result = PhoneNumber::normalizeFromProvider(raw, region);
        QVERIFY2(!result.ok(), qPrintable(result.value));
        QVERIFY(result.value.isEmpty());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }

    void typedNumbersStayStrict()
    {
        // normalizeFromProvider is for providers only: what people type is still checked. A
        // possible number the phone number data does not know is taken with a warning; one
        // that cannot be a number is refused.
        const auto typed = PhoneNumber::parse(QStringLiteral("+10000000010"), QStringLiteral("US"));
        QVERIFY(typed.ok());
        QVERIFY(!typed.warning.isEmpty());
        QVERIFY(!PhoneNumber::parse(QStringLiteral("+1000000001"), QStringLiteral("US")).ok());
        QVERIFY(PhoneNumber::normalizeFromProvider(QStringLiteral("+10000000010"), {}).ok());
    }

    void regionOfE164()
    {
        QCOMPARE(PhoneNumber::regionOfE164(QStringLiteral("+61412345678")), QStringLiteral("AU"));
        QCOMPARE(PhoneNumber::regionOfE164(QStringLiteral("+10000000010")), QStringLiteral("US"));
        QCOMPARE(PhoneNumber::regionOfE164(QStringLiteral("+447700900123")), QStringLiteral("GB"));
        QVERIFY(PhoneNumber::regionOfE164(QStringLiteral("+999123456")).isEmpty());
        QVERIFY(PhoneNumber::regionOfE164(QStringLiteral("ACME")).isEmpty());
        QVERIFY(PhoneNumber::regionOfE164(QStringLiteral("61412345678")).isEmpty());
    }

    void contextRegion()
    {
        AdapterContext context;
        context.defaultRegion = QStringLiteral("GB");
        QCOMPARE(context.regionFor({}, nullptr), QStringLiteral("GB"));
        QCOMPARE(context.regionFor(QStringLiteral("+61299999999"), nullptr), QStringLiteral("AU"));
        QCOMPARE(context.regionFor(QStringLiteral("+999123"), nullptr), QStringLiteral("GB"));

        const DeviceRef device{7, 1};
        int calls = 0;
        context.regionForDid = [&](const QString& did, const DeviceRef* ref) {
            ++calls;
            if (ref && *ref == device)
                return QStringLiteral("NZ");
            return did == u"+61299999999" ? QStringLiteral("US") : QString();
        };
        QCOMPARE(context.regionFor({}, &device), QStringLiteral("NZ"));
        QCOMPARE(context.regionFor(QStringLiteral("+61299999999"), nullptr), QStringLiteral("US"));
        QCOMPARE(context.regionFor(QStringLiteral("+447700900123"), nullptr), QStringLiteral("GB"));
        const DeviceRef other{7, 0};
        QCOMPARE(context.regionFor({}, &other), QStringLiteral("GB"));
        QCOMPARE(calls, 4);
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset");

        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("ASCII") << QByteArray("hello") << -1;
        QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << -1;
        QTest::newRow("three-byte") << QByteArray("\xe6\x97\xa5") << -1;
        QTest::newRow("four-byte emoji") << QByteArray("a\xf0\x9f\x98\x80") << -1;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << -1;
        QTest::newRow("NUL is valid") << QByteArray("a\0b", 3) << -1;
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("latin-1 byte") << QByteArray("caf\xe9!") << 3;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << 0;
        QTest::newRow("overlong three-byte") << QByteArray("x\xe0\x80\xaf") << 1;
        QTest::newRow("UTF-8 surrogate") << QByteArray("\xed\xa0\x80") << 0;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
        QTest::newRow("F5 lead") << QByteArray("\xf5\x80\x80\x80") << 0;
        QTest::newRow("truncated at end") << QByteArray("ok\xe2\x82") << 2;
        QTest::newRow("FF") << QByteArray("\xff") << 0;
    }

    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        QCOMPARE(PayloadDecoder::invalidUtf8Offset(bytes), qsizetype(offset));
        // Agrees with Qt's own strict decoder.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(bytes);
        QCOMPARE(decoder.hasError(), offset >= 0);
    }

    void surrogateEscapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("offset");

        QTest::newRow("pair") << QByteArray("{\"a\":\"\\ud83d\\ude00\"}") << -1;
        QTest::newRow("BMP escapes") << QByteArray("{\"a\":\"\\u00e9\\u4e2d\\\"\\\\\"}") << -1;
        QTest::newRow("lone high") << QByteArray("{\"a\":\"x\\ud83d\"}") << 7;
        QTest::newRow("high then other escape") << QByteArray("{\"a\":\"\\ud83d\\u0041\"}") << 6;
        QTest::newRow("lone low") << QByteArray("{\"a\":\"\\ude00\"}") << 6;
        QTest::newRow("in a key") << QByteArray("{\"\\udbff\":1}") << 2;
        QTest::newRow("escaped backslash, not an escape")
            << QByteArray("{\"a\":\"\\\\ud83d\"}") << -1;
        QTest::newRow("outside strings ignored") << QByteArray("{\"a\":1}") << -1;
    }

    void surrogateEscapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, offset);
        QCOMPARE(PayloadDecoder::unpairedSurrogateEscapeOffset(json), qsizetype(offset));
    }

    void quoted()
    {
        QCOMPARE(PayloadDecoder::quoted(QStringLiteral("a\"b\\c\r\n\t\x01")),
                 QStringLiteral("\"a\\\"b\\\\c\\r\\n\\t\\u0001\""));
        const QString longValue(100, u'x');
        QCOMPARE(PayloadDecoder::quoted(longValue),
                 u'"' + QString(80, u'x') + QStringLiteral("…\""));
        // Never cuts an emoji in half.
        const QString emoji = QString(79, u'x') + QStringLiteral("😀😀");
        QCOMPARE(PayloadDecoder::quoted(emoji), u'"' + QString(79, u'x') + QStringLiteral("…\""));
    }

    void formFields()
    {
        const auto decoded = FormFields::decode("a=1&b=x+y%2Bz&empty=&flag&&c=%E2%82%AC");
        QVERIFY(std::holds_alternative<FormFields>(decoded));
        const FormFields& form = std::get<FormFields>(decoded);
        QCOMPARE(form.fields().size(), 5);
        QCOMPARE(form.value(QStringLiteral("a")), std::optional<QString>(QStringLiteral("1")));
        QCOMPARE(form.value(QStringLiteral("b")), std::optional<QString>(QStringLiteral("x y+z")));
        QCOMPARE(form.value(QStringLiteral("empty")), std::optional<QString>(QString()));
        QCOMPARE(form.value(QStringLiteral("flag")), std::optional<QString>(QString()));
        QCOMPARE(form.value(QStringLiteral("c")), std::optional<QString>(QStringLiteral("€")));
        QVERIFY(!form.value(QStringLiteral("missing")));

        QVERIFY(FormFields::hasRawName("x=1&message_id=2", "message_id"));
        QVERIFY(FormFields::hasRawName("message_id", "message_id"));
        QVERIFY(!FormFields::hasRawName("xmessage_id=1", "message_id"));
        QVERIFY(!FormFields::hasRawName("", "message_id"));
    }

    void dedupeKeys()
    {
        QCOMPARE(DedupeKey::join(QStringLiteral("pbx"), {QStringLiteral("abc")}),
                 QStringLiteral("pbx:abc"));
        QCOMPARE(DedupeKey::join(QStringLiteral("zonitel"),
                                 {QStringLiteral("a:b"), QStringLiteral("c%")}),
                 QStringLiteral("zonitel:a%3Ab:c%25"));
        // Parts holding the separator cannot make two different lists collide.
        QVERIFY(
            DedupeKey::join(QStringLiteral("z"), {QStringLiteral("a:b"), QStringLiteral("c")}) !=
            DedupeKey::join(QStringLiteral("z"), {QStringLiteral("a"), QStringLiteral("b:c")}));
        QVERIFY(DedupeKey::join(QStringLiteral("z"), {QStringLiteral("a%3Ab")}) !=
                DedupeKey::join(QStringLiteral("z"), {QStringLiteral("a:b")}));

        // Length framing: moving bytes between fields changes the key.
        const QString ab_c = DedupeKey::hashed(QStringLiteral("oncloud"), {"ab", "c"});
        QVERIFY(ab_c.startsWith(u"oncloud:"));
        QCOMPARE(ab_c.size(), 8 + 64);
        QVERIFY(ab_c != DedupeKey::hashed(QStringLiteral("oncloud"), {"a", "bc"}));
        QVERIFY(ab_c != DedupeKey::hashed(QStringLiteral("oncloud"), {"abc"}));
        QVERIFY(ab_c != DedupeKey::hashed(QStringLiteral("oncloud"), {"ab", "c", ""}));
        QCOMPARE(DedupeKey::hashed(QStringLiteral("oncloud"), {"ab", "c"}), ab_c);
        // Known answer: SHA-256 of 8-byte big-endian length 0 (the one empty field).
        QCOMPARE(
            DedupeKey::hashed(QStringLiteral("x"), {QByteArray()}),
            QStringLiteral("x:af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc"));
    }

    void deliveryStatusNames()
    {
        for (const DeliveryStatus status :
             {DeliveryStatus::Unknown, DeliveryStatus::Queued, DeliveryStatus::Sent,
              DeliveryStatus::Delivered, DeliveryStatus::Failed, DeliveryStatus::Received}) {
            QCOMPARE(deliveryStatusFromName(deliveryStatusName(status)), std::optional(status));
        }
        QCOMPARE(deliveryStatusName(DeliveryStatus::Delivered), QStringLiteral("delivered"));
        QVERIFY(!deliveryStatusFromName(QStringLiteral("Delivered")));
    }

    void rejectionFactories()
    {
        QCOMPARE(Rejection::malformed(QStringLiteral("r"), QStringLiteral("f")).httpStatus, 400);
        QCOMPARE(Rejection::malformed(QStringLiteral("r"), QStringLiteral("f")).field,
                 QStringLiteral("f"));
        QCOMPARE(Rejection::wrongContentType(QStringLiteral("r")).httpStatus, 415);
        QCOMPARE(Rejection::wrongContentType(QStringLiteral("r")).outcomeCode,
                 QStringLiteral("wrong-content-type"));
        QCOMPARE(Rejection::invalid(QStringLiteral("r")).httpStatus, 422);
        QCOMPARE(Rejection::invalid(QStringLiteral("r")).outcomeCode, QStringLiteral("invalid"));
        QCOMPARE(Rejection::unrecognised(QStringLiteral("r")).outcomeCode,
                 QStringLiteral("unrecognised"));
        QCOMPARE(Rejection::ambiguous(QStringLiteral("r")).outcomeCode,
                 QStringLiteral("ambiguous"));
    }

    void registryHasEveryCatalogProvider()
    {
        const ProviderRegistry registry;
        QCOMPARE(registry.ids(), ProviderCatalog::ids());
        for (const QString& id : ProviderCatalog::ids()) {
            const ProviderAdapter* adapter = registry.adapterFor(id);
            QVERIFY2(adapter, qPrintable(id));
            QCOMPARE(adapter->id(), id);
        }
        QVERIFY(!registry.adapterFor(QStringLiteral("twilio")));
        QVERIFY(!registry.adapterFor(QString()));
    }

    void syncReplies()
    {
        const ProviderRegistry registry;
        for (const QString& id : registry.ids()) {
            const ProviderAdapter* adapter = registry.adapterFor(id);
            const QByteArray body = adapter->encodeSyncReply(QStringLiteral("ok"), {});
            QCOMPARE(adapter->supportsSyncReply(), id == u"oncloud");
            QCOMPARE(body.isEmpty(), id != u"oncloud");
        }
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("provider");

        const QByteArray json = "application/json";
        QTest::newRow("onCloud") << QByteArray(
                                        "{\"event\":\"sms.inbound\",\"from\":\"+17705551234\","
                                        "\"to\":\"+14045559999\",\"text\":\"What are your business "
                                        "hours?\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}")
                                 << json << "oncloud";
        QTest::newRow("PBX")
            << QByteArray("service_id=1&from=61412345678&sms_number=61299999999&body=Test%20Message"
                          "&message_id=297abf7f-99d9-4b7d-9c46-1d7c13687b11&timestamp=1576391654")
            << QByteArray("application/x-www-form-urlencoded") << "pbx";
        QTest::newRow("Zonitel inbound")
            << QByteArray("{ \"status\": \"received\", \"data\": { \"id\": "
                          "\"11111111-aaaa-2222-bbbb-333333333333\", \"segments\": 1, "
                          "\"direction\": \"inbound\", \"messageText\": \"Hello, this is a test "
                          "SMS\", \"from\": \"+10000000010\", \"to\": \"+10000000020\", "
                          "\"medias\": [] }, \"message\": \"SMS message received successfully\" }")
            << json << "zonitel";
        QTest::newRow("Zonitel status")
            << QByteArray("{ \"status\": \"delivered\", \"data\": { \"id\": "
                          "\"44444444-cccc-5555-dddd-666666666666\", \"segments\": 1, "
                          "\"direction\": \"outbound\", \"messageText\": \"Test outbound SMS with "
                          "media\", \"from\": \"+10000000020\", \"to\": \"+10000000030\", "
                          "\"medias\": [ \"https://example.com/media1.jpg\" ] }, \"message\": "
                          "\"SMS message delivered successfully\" }")
            << json << "zonitel";
        QTest::newRow("gateway incoming")
            << QByteArray("{\"address\":17705551234,\"date\":\"2024-03-01 "
                          "12:34:56\",\"date_sent\":\"2024-03-01 "
                          "12:34:50\",\"body\":\"Hi\",\"internal_id\":1,\"sim\":0,\"sms_id\":2,"
                          "\"device_id\":3,\"device_name\":\"P\"}")
            << json << "android-gateway";
        QTest::newRow("gateway status")
            << QByteArray(
                   "{\"sms_id\":2,\"status_id\":7,\"status_message\":\"Delivered\",\"sendto\":\"+"
                   "17705551234\",\"senttime\":\"2024-03-01 12:40:00\",\"sim\":0,\"device_id\":3}")
            << json << "android-gateway";
        // Detection looks at the shape; the adapter's parse() then refuses the wrong type (415).
        QTest::newRow("onCloud sent as text/plain")
            << QByteArray("{\"event\":\"sms.inbound\"}") << QByteArray("text/plain") << "oncloud";
    }

    void detect()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, provider);

        const ProviderRegistry registry;
        const HttpRequest request = webhookRequest(body, contentType);
        const auto detection = registry.detect(request);
        QVERIFY2(detection.ok(), qPrintable(detection.rejection.reason));
        QCOMPARE(detection.adapter->id(), provider);
        // And the detected adapter reads it (or says precisely why not).
        const AdapterResult result = detection.adapter->parse(request, AdapterContext());
        if (contentType == "text/plain") {
            QCOMPARE(result.rejection().httpStatus, 415);
        } else {
            QVERIFY2(result.ok(), qPrintable(result.rejection().reason));
            QCOMPARE(providerOf(result.events().first()), provider);
        }
    }

    void detectRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("reason");

        const QString unrecognised = QStringLiteral("unrecognised");
        const QString reason = QStringLiteral(
            "unrecognised payload: the body matches none of the providers' webhook formats "
            "(oncloud, pbx, zonitel, android-gateway)");
        QTest::newRow("empty") << QByteArray() << unrecognised << reason;
        QTest::newRow("other JSON")
            << QByteArray("{\"hello\":\"world\"}") << unrecognised << reason;
        QTest::newRow("other event")
            << QByteArray("{\"event\":\"sms.outbound\"}") << unrecognised << reason;
        QTest::newRow("JSON array") << QByteArray("[]") << unrecognised << reason;
        QTest::newRow("broken JSON")
            << QByteArray("{\"event\":\"sms.inbound\"") << unrecognised << reason;
        QTest::newRow("other form") << QByteArray("a=1&b=2") << unrecognised << reason;
        QTest::newRow("gateway without device")
            << QByteArray("{\"address\":1,\"sms_id\":2}") << unrecognised << reason;
        QTest::newRow("two shapes at once")
            << QByteArray("{\"event\":\"sms.inbound\",\"status\":\"received\",\"data\":{}}")
            << QStringLiteral("ambiguous")
            << QStringLiteral(
                   "ambiguous payload: it matches the webhook formats of oncloud, zonitel");
    }

    void detectRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, outcome);
        QFETCH(QString, reason);

        const auto detection = ProviderRegistry().detect(jsonRequest(body));
        QVERIFY(!detection.ok());
        QVERIFY(!detection.adapter);
        QCOMPARE(detection.rejection.httpStatus, 400);
        QCOMPARE(detection.rejection.outcomeCode, outcome);
        QVERIFY2(detection.rejection.reason.startsWith(reason),
                 qPrintable(detection.rejection.reason));
    }
};

QTEST_GUILESS_MAIN(TestProvidersCommon)
#include "TestProvidersCommon.moc"
