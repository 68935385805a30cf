// Every webhook sample (core/providers/samples: the GUI's test webhooks, the simulator's
// firings), of every provider and variation, read by the real adapters (by path and through
// /webhook detection): accepted, and read as what the sample says it carries. Plus the wire
// details each provider's document fixes.

#include "http/HttpRequest.h"
#include "providers/AdapterContext.h"
#include "providers/FormFields.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/samples/WebhookSampleFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace smsdesk;

namespace {

using Kind = WebhookSample::Kind;

const QDateTime baseTime =
    QDateTime::fromSecsSinceEpoch(1771011000, Qt::UTC); // 2026-02-13T14:30:00-05:00

WebhookSampleFactory factory(const QString& provider, Kind kind, const QString& number = {},
                             quint64 seed = 7)
{
    WebhookSampleFactory::Options options;
    options.provider = provider;
    options.kind = kind;
    options.number = number;
    options.seed = seed;
    options.baseTime = baseTime;
    options.authorization = QByteArrayLiteral("Bearer test-token");
    options.deviceId = 4242;
    options.sim = 1;
    [&] {
        QVERIFY2(WebhookSampleFactory::check(options).isEmpty(),
                 qPrintable(WebhookSampleFactory::check(options)));
    }();
    return WebhookSampleFactory(options);
}

QJsonObject jsonOf(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    return document.object();
}

QStringList keysInOrder(const QByteArray& body)
{
    // The top-level keys as they appear on the wire (QJsonObject sorts them).
    QStringList keys;
    const QJsonObject object = jsonOf(body);
    QList<std::pair<qsizetype, QString>> positions;
    for (const QString& key : object.keys())
        positions.append({body.indexOf('"' + key.toUtf8() + "\":"), key});
    std::sort(positions.begin(), positions.end());
    for (const auto& position : positions)
        keys << position.second;
    return keys;
}

// "a b c" -> {"a", "b", "c"}
QStringList names(const char* spaced)
{
    return QString::fromLatin1(spaced).split(u' ');
}

QStringList formNames(const QByteArray& body)
{
    QStringList names;
    for (const QByteArray& pair : body.split('&'))
        names << QString::fromLatin1(pair.left(pair.indexOf('=')));
    return names;
}

QString formValue(const QByteArray& body, const char* name)
{
    const auto decoded = FormFields::decode(body);
    const FormFields* form = std::get_if<FormFields>(&decoded);
    return form ? form->value(QLatin1String(name)).value_or(QString()) : QString();
}

} // namespace

class TestWebhookSamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adaptersReadEverySample_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("number");
        for (const QString& provider : ProviderCatalog::ids()) {
            QList<Kind> kinds{Kind::Inbound};
            if (WebhookSampleFactory::supportsStatus(provider))
                kinds << Kind::Status;
            for (const Kind kind : kinds) {
                const char* kindName = kind == Kind::Status ? "status" : "inbound";
                // The provider's default DID, a valid US DID and a valid London DID (national
                // formats differ); the gateway names a device, so only its default.
                QStringList numbers{QString()};
                if (provider != u"android-gateway")
                    numbers << QStringLiteral("+14045559999") << QStringLiteral("+442079460958");
                for (const QString& number : numbers) {
                    QTest::addRow("%s %s %s", qPrintable(provider), kindName,
                                  number.isEmpty() ? "default" : qPrintable(number))
                        << provider << int(kind) << number;
                }
            }
        }
    }

    void adaptersReadEverySample()
    {
        QFETCH(QString, provider);
        QFETCH(int, kind);
        QFETCH(QString, number);
        const WebhookSampleFactory samples = factory(provider, Kind(kind), number);
        const ProviderRegistry registry;
        const ProviderAdapter* adapter = registry.adapterFor(provider);
        QVERIFY(adapter);
        const QString did =
            provider == u"android-gateway"
                ? QString()
                : (number.isEmpty() ? WebhookSampleFactory::defaultNumber(provider) : number);

        QSet<QString> keys;
        QSet<QString> ids;
        QSet<QString> variations;
        const int total = 2 * samples.variationCount(); // every variation, twice
        for (int n = 0; n < total; ++n) {
            const WebhookSample sample = samples.sample(n);
            const QByteArray what = sample.label().toUtf8();
            QCOMPARE(sample.provider, provider);
            QCOMPARE(sample.sequence, n);
            QCOMPARE(sample.path, "/webhooks/" + provider.toUtf8());
            QCOMPARE(sample.authorization, QByteArrayLiteral("Bearer test-token"));
            QCOMPARE(sample.request().header("Authorization"),
                     QByteArrayLiteral("Bearer test-token"));
            QCOMPARE(sample.request().header("Content-Type"), sample.contentType);
            variations.insert(sample.variation);

            const AdapterResult result = adapter->parse(sample.request(), AdapterContext());
            QVERIFY2(result.ok(), qPrintable(QStringLiteral("%1 rejected: %2\n%3")
                                                 .arg(sample.label(), result.rejection().reason,
                                                      QString::fromUtf8(sample.body))));
            QCOMPARE(result.events().size(), 1);
            const InboundEvent& event = result.events().constFirst();
            QCOMPARE(providerOf(event), provider);
            QVERIFY2(!keys.contains(dedupeKeyOf(event)), what.constData());
            keys.insert(dedupeKeyOf(event));

            // The same request on the generic path is recognised as this provider's.
            HttpRequest generic = sample.request();
            generic.target = "/webhook";
            const auto detection = registry.detect(generic);
            QVERIFY2(detection.ok(), qPrintable(detection.rejection.reason));
            QCOMPARE(detection.adapter->id(), provider);

            // A retry is the same request: same bytes, same key.
            const WebhookSample again = samples.sample(n);
            QCOMPARE(again.body, sample.body);
            const AdapterResult retried = adapter->parse(again.request(), AdapterContext());
            QVERIFY(retried.ok());
            QCOMPARE(dedupeKeyOf(retried.events().constFirst()), dedupeKeyOf(event));

            if (Kind(kind) == Kind::Inbound) {
                const auto* message = std::get_if<InboundMessage>(&event);
                QVERIFY2(message, what.constData());
                QCOMPARE(sample.did, did);
                QCOMPARE(message->did, did);
                if (provider == u"android-gateway") {
                    QVERIFY(message->device);
                    QCOMPARE(message->device->deviceId, qint64(4242));
                    QCOMPARE(message->device->sim, 1);
                } else {
                    QVERIFY(!message->device);
                }
                QCOMPARE(message->remote, sample.remote);
                QCOMPARE(message->remoteIsAlphanumeric, sample.remoteIsAlphanumeric);
                if (!sample.remoteIsAlphanumeric)
                    QVERIFY2(message->remote.startsWith(u'+'), what.constData());
                QCOMPARE(message->text, sample.text);
                QCOMPARE(message->media, sample.media);
                QCOMPARE(message->providerMessageId, sample.messageId);
                QCOMPARE(message->providerTime, sample.time);
                if (!sample.messageId.isEmpty()) {
                    QVERIFY2(!ids.contains(sample.messageId), what.constData());
                    ids.insert(sample.messageId);
                }
            } else {
                const auto* update = std::get_if<StatusUpdate>(&event);
                QVERIFY2(update, what.constData());
                QCOMPARE(update->providerMessageId, sample.messageId);
                QCOMPARE(update->rawStatus, sample.status);
                QCOMPARE(update->remote, sample.remote);
                QCOMPARE(update->did, did);
                QCOMPARE(update->providerTime, sample.time);
                QVERIFY2(update->status != DeliveryStatus::Unknown, what.constData());
                if (provider == u"android-gateway") {
                    QCOMPARE(update->statusText, sample.text);
                    QVERIFY(!update->statusMeaning.isEmpty());
                }
                QVERIFY2(!ids.contains(sample.messageId), what.constData());
                ids.insert(sample.messageId);
            }
        }
        QCOMPARE(keys.size(), total);
        QCOMPARE(variations.size(), samples.variationCount());
    }

    void variationsCoverWhatTheBriefAsks_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString& provider : ProviderCatalog::ids())
            QTest::newRow(qPrintable(provider)) << provider;
    }

    void variationsCoverWhatTheBriefAsks()
    {
        QFETCH(QString, provider);
        const WebhookSampleFactory samples = factory(provider, Kind::Inbound);
        bool emoji = false;
        bool multiLine = false;
        bool crlf = false;
        bool media = false;
        for (int n = 0; n < samples.variationCount(); ++n) {
            const WebhookSample sample = samples.sample(n);
            emoji = emoji || sample.text.contains(QStringLiteral("🙂"));
            multiLine = multiLine || sample.text.contains(u'\n');
            crlf = crlf || sample.text.contains(QStringLiteral("\r\n"));
            media = media || !sample.media.isEmpty();
        }
        QVERIFY(emoji);
        QVERIFY(multiLine);
        QVERIFY(crlf);
        // The PBX and gateway payloads have no media field.
        QCOMPARE(media, provider == u"oncloud" || provider == u"zonitel");
    }

    void onCloudWire()
    {
        const WebhookSampleFactory samples = factory(QStringLiteral("oncloud"), Kind::Inbound);
        const WebhookSample first = samples.sample(0);
        QCOMPARE(first.contentType, QByteArrayLiteral("application/json"));
        // The document's example, with the run's time.
        QCOMPARE(keysInOrder(first.body), names("event from to text media timestamp"));
        const QJsonObject object = jsonOf(first.body);
        QCOMPARE(object.value(QStringLiteral("event")).toString(), QStringLiteral("sms.inbound"));
        QCOMPARE(object.value(QStringLiteral("from")).toString(), QStringLiteral("+17705551234"));
        QCOMPARE(object.value(QStringLiteral("to")).toString(), QStringLiteral("+14045559999"));
        QCOMPARE(object.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Hello, I need help with my account"));
        QCOMPARE(object.value(QStringLiteral("media")).toArray(),
                 QJsonArray{QStringLiteral(
                     "https://api.cloudspirevoice.com/uploads/wh_67ae1b2f3c4d5.jpg")});
        QCOMPARE(object.value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2026-02-13T14:30:00-05:00"));
        // "media: Only present when the message includes media."
        const WebhookSample second = samples.sample(1);
        QVERIFY(!jsonOf(second.body).contains(QStringLiteral("media")));
        QCOMPARE(jsonOf(second.body).value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2026-02-13T14:30:01-05:00"));
        // MMS only: text is an empty string, present.
        bool mmsOnly = false;
        for (int n = 0; n < samples.variationCount(); ++n) {
            const QJsonObject sample = jsonOf(samples.sample(n).body);
            if (sample.value(QStringLiteral("text")).toString().isEmpty()) {
                QVERIFY(sample.value(QStringLiteral("text")).isString());
                QVERIFY(!sample.value(QStringLiteral("media")).toArray().isEmpty());
                mmsOnly = true;
            }
        }
        QVERIFY(mmsOnly);
    }

    void pbxWire()
    {
        const WebhookSampleFactory samples = factory(QStringLiteral("pbx"), Kind::Inbound);
        const WebhookSample first = samples.sample(0);
        QCOMPARE(first.contentType, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(formNames(first.body), names("service_id from sms_number body message_id "
                                              "timestamp webhook_url webhook_url_fallback"));
        QCOMPARE(formValue(first.body, "body"), QStringLiteral("Test Message"));
        QVERIFY(first.body.contains("body=Test%20Message&"));
        QCOMPARE(formValue(first.body, "sms_number"), QStringLiteral("61299999999"));
        QCOMPARE(formValue(first.body, "timestamp"), QStringLiteral("1771011000"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                                  "[0-9a-f]{4}-[0-9a-f]{12}$"))
                    .match(formValue(first.body, "message_id"))
                    .hasMatch());
        QCOMPARE(formValue(first.body, "webhook_url_fallback"), QStringLiteral("you@email.com"));

        // Senders: digits only, national format, a name, E.164 with "+".
        QStringList froms;
        for (int n = 0; n < samples.variationCount(); ++n)
            froms << formValue(samples.sample(n).body, "from");
        QVERIFY2(froms.contains(QStringLiteral("61299991234")), qPrintable(froms.join(u'|')));
        QVERIFY2(froms.contains(QStringLiteral("(02) 9999 1234")), qPrintable(froms.join(u'|')));
        QVERIFY2(froms.contains(QStringLiteral("ACME")), qPrintable(froms.join(u'|')));
        QVERIFY2(froms.contains(QStringLiteral("+61299991234")), qPrintable(froms.join(u'|')));

        const WebhookSampleFactory us =
            factory(QStringLiteral("pbx"), Kind::Inbound, QStringLiteral("+14045559999"));
        QCOMPARE(formValue(us.sample(1).body, "from"), QStringLiteral("(404) 555-1234"));
        QCOMPARE(us.sample(1).remote, QStringLiteral("+14045551234"));
    }

    void zonitelWire()
    {
        const WebhookSampleFactory inbound = factory(QStringLiteral("zonitel"), Kind::Inbound);
        const WebhookSample first = inbound.sample(0);
        QCOMPARE(keysInOrder(first.body), names("status data message"));
        const QJsonObject object = jsonOf(first.body);
        QCOMPARE(object.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        QCOMPARE(object.value(QStringLiteral("message")).toString(),
                 QStringLiteral("SMS message received successfully"));
        const QJsonObject data = object.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
        QCOMPARE(data.value(QStringLiteral("messageText")).toString(),
                 QStringLiteral("Hello, this is a test SMS"));
        QCOMPARE(data.value(QStringLiteral("from")).toString(), QStringLiteral("+10000000010"));
        QCOMPARE(data.value(QStringLiteral("to")).toString(), QStringLiteral("+10000000020"));
        QCOMPARE(data.value(QStringLiteral("segments")).toInt(), 1);
        QVERIFY(data.value(QStringLiteral("medias")).isArray());
        // Segments follow the text: a 400-character GSM text is 3 parts, emoji go UCS-2.
        for (int n = 0; n < inbound.variationCount(); ++n) {
            const WebhookSample sample = inbound.sample(n);
            const int segments = jsonOf(sample.body)
                                     .value(QStringLiteral("data"))
                                     .toObject()
                                     .value(QStringLiteral("segments"))
                                     .toInt();
            if (sample.text.size() > 400)
                QCOMPARE(segments, 3);
            else
                QCOMPARE(segments, 1);
        }

        const WebhookSampleFactory status = factory(QStringLiteral("zonitel"), Kind::Status);
        QStringList statuses;
        for (int n = 0; n < status.variationCount(); ++n) {
            const QJsonObject sample = jsonOf(status.sample(n).body);
            statuses << sample.value(QStringLiteral("status")).toString();
            QCOMPARE(sample.value(QStringLiteral("data"))
                         .toObject()
                         .value(QStringLiteral("direction"))
                         .toString(),
                     QStringLiteral("outbound"));
        }
        QVERIFY(statuses.contains(QStringLiteral("delivered")));
        QVERIFY(statuses.contains(QStringLiteral("failed")));
        QCOMPARE(jsonOf(status.sample(0).body).value(QStringLiteral("message")).toString(),
                 QStringLiteral("SMS message delivered successfully"));
    }

    void gatewayWire()
    {
        const WebhookSampleFactory inbound =
            factory(QStringLiteral("android-gateway"), Kind::Inbound);
        const WebhookSample first = inbound.sample(0);
        QCOMPARE(keysInOrder(first.body),
                 names("address date date_sent body internal_id sim sms_id device_id device_name"));
        const QJsonObject object = jsonOf(first.body);
        // "address": int, "sim": int, "sms_id": int, "device_id": int.
        QVERIFY(object.value(QStringLiteral("address")).isDouble());
        QVERIFY(first.body.contains("\"address\":17705551234,"));
        QCOMPARE(object.value(QStringLiteral("date")).toString(),
                 QStringLiteral("2026-02-13 19:30:00"));
        QCOMPARE(object.value(QStringLiteral("sim")).toInt(), 1);
        QCOMPARE(object.value(QStringLiteral("device_id")).toInteger(), qint64(4242));
        QVERIFY(object.value(QStringLiteral("sms_id")).isDouble());

        // Status webhooks: every status_id of the document's table, with its words.
        const WebhookSampleFactory status =
            factory(QStringLiteral("android-gateway"), Kind::Status);
        QList<int> ids;
        for (int n = 0; n < status.variationCount(); ++n) {
            const WebhookSample sample = status.sample(n);
            QCOMPARE(keysInOrder(sample.body),
                     names("sms_id status_id status_message sendto senttime sim device_id"));
            ids << jsonOf(sample.body).value(QStringLiteral("status_id")).toInt();
            QVERIFY(jsonOf(sample.body).value(QStringLiteral("sendto")).isString());
        }
        QCOMPARE(ids, (QList<int>{1, 3, 2, 5, 6, 7, 8, 9, 10, 11, 12, 100, 101}));
        QCOMPARE(jsonOf(status.sample(5).body).value(QStringLiteral("status_message")).toString(),
                 QStringLiteral("SMS has been Delivered"));
    }

    void seedsMakeDistinctMessages()
    {
        // Two runs (different seeds) never reuse a message id.
        for (const QString& provider : {QStringLiteral("pbx"), QStringLiteral("zonitel"),
                                        QStringLiteral("android-gateway")}) {
            const WebhookSampleFactory one = factory(provider, Kind::Inbound, {}, 1);
            const WebhookSampleFactory two = factory(provider, Kind::Inbound, {}, 2);
            QSet<QString> ids;
            for (int n = 0; n < 50; ++n) {
                ids.insert(one.sample(n).messageId);
                ids.insert(two.sample(n).messageId);
            }
            QCOMPARE(ids.size(), 100);
        }
        // The same seed is the same run.
        QCOMPARE(factory(QStringLiteral("pbx"), Kind::Inbound, {}, 9).sample(3).body,
                 factory(QStringLiteral("pbx"), Kind::Inbound, {}, 9).sample(3).body);
    }

    // onCloud's payload has no id: a receiver takes two messages from one sender with the
    // same timestamp and text for one. Runs of the clock's time (no baseTime) differ in their
    // timestamps' fraction of a second, so two runs never share a message.
    void onCloudRunsNeverShareATimestamp()
    {
        const auto run = [](quint64 seed) {
            WebhookSampleFactory::Options options;
            options.provider = QStringLiteral("oncloud");
            options.seed = seed;
            return WebhookSampleFactory(options);
        };
        const WebhookSampleFactory one = run(1);
        const WebhookSampleFactory two = run(2);
        const ProviderRegistry registry;
        const ProviderAdapter* adapter = registry.adapterFor(QStringLiteral("oncloud"));
        static const QRegularExpression timestamp(QStringLiteral(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}-05:00$"));
        QSet<QString> keys;
        for (int n = 0; n < 3 * one.variationCount(); ++n) {
            for (const WebhookSampleFactory* samples : {&one, &two}) {
                const WebhookSample sample = samples->sample(n);
                const QString sent =
                    jsonOf(sample.body).value(QStringLiteral("timestamp")).toString();
                QVERIFY2(timestamp.match(sent).hasMatch(), qPrintable(sent));
                const AdapterResult result = adapter->parse(sample.request(), AdapterContext());
                QVERIFY2(result.ok(), qPrintable(result.rejection().reason));
                const auto* message = std::get_if<InboundMessage>(&result.events().constFirst());
                QVERIFY(message);
                QCOMPARE(message->providerTime, sample.time); // read back to the millisecond
                keys.insert(message->dedupeKey);
                QCOMPARE(samples->sample(n).body, sample.body); // a retry is the same message
            }
        }
        QCOMPARE(keys.size(), 2 * 3 * one.variationCount());
    }

    void noAuthorizationWhenNoneIsSet()
    {
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        const WebhookSample sample = WebhookSampleFactory(options).sample(0);
        QVERIFY(sample.authorization.isEmpty());
        QVERIFY(!sample.request().hasHeader("Authorization"));
    }

    void checkRefusesBadOptions_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("sim");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown provider")
            << "twilio" << int(Kind::Inbound) << "" << 0 << "unknown provider";
        QTest::newRow("oncloud has no status")
            << "oncloud" << int(Kind::Status) << "" << 0 << "no status webhooks";
        QTest::newRow("pbx has no status")
            << "pbx" << int(Kind::Status) << "" << 0 << "no status webhooks";
        QTest::newRow("number without +")
            << "oncloud" << int(Kind::Inbound) << "14045559999" << 0 << "E.164";
        QTest::newRow("typed number")
            << "zonitel" << int(Kind::Inbound) << "+1 404 555 9999" << 0 << "E.164";
        QTest::newRow("sim 2") << "android-gateway" << int(Kind::Inbound) << "" << 2 << "SIM";
    }

    void checkRefusesBadOptions()
    {
        QFETCH(QString, provider);
        QFETCH(int, kind);
        QFETCH(QString, number);
        QFETCH(int, sim);
        QFETCH(QString, fragment);
        WebhookSampleFactory::Options options;
        options.provider = provider;
        options.kind = Kind(kind);
        options.number = number;
        options.sim = sim;
        const QString problem = WebhookSampleFactory::check(options);
        QVERIFY2(problem.contains(fragment), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSamples)
#include "TestWebhookSamples.moc"
