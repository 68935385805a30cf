// The webhook listener end to end over real sockets: HttpServer on 127.0.0.1, the real
// adapters, a MessageWriter on a real store (SQLite file, and PostgreSQL when SMSDESK_TEST_PG
// names a server), numbers provisioned in that store and loaded by NumberDirectoryLoader
// (expected Authorization values from an in-memory keychain). Every answer is checked
// against what was stored and logged.

#include "FakeClock.h"
#include "HttpTestClient.h"
#include "MemorySecretStore.h"
#include "StoreFixture.h"
#include "StoreLockHolder.h"
#include "http/HttpServer.h"
#include "listener/NumberDirectoryLoader.h"
#include "listener/ReplySource.h"
#include "listener/RequestReplayer.h"
#include "listener/WebhookListener.h"
#include "providers/InboundMessage.h"
#include "providers/ProviderRegistry.h"
#include "secrets/PathToken.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"
#include "store/RequestLogReader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <memory>
#include <thread>

using namespace smsdesk;
using test::HttpTestClient;
using test::HttpTestResponse;

namespace {

constexpr int WaitMs = 5000;

const QString OnCloudDid = QStringLiteral("+14045559999");
const QString PbxDid = QStringLiteral("+61299999999");
const QString ZonitelDid = QStringLiteral("+10000000020");
const QString GatewayDid = QStringLiteral("+17705550042");
const QByteArray Json = "application/json";
const QByteArray Form = "application/x-www-form-urlencoded";

QByteArray onCloudBody(const QString& text = QStringLiteral("Hello, I need help with my account"),
                       const QString& to = OnCloudDid)
{
    QJsonObject object{{QStringLiteral("event"), QStringLiteral("sms.inbound")},
                       {QStringLiteral("from"), QStringLiteral("+17705551234")},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("media"),
                        QJsonArray{QStringLiteral(
                            "https://api.cloudspirevoice.com/uploads/wh_67ae1b2f3c4d5.jpg")}},
                       {QStringLiteral("timestamp"), QStringLiteral("2026-02-13T14:30:00-05:00")}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray pbxBody(const QByteArray& messageId = "297abf7f-99d9-4b7d-9c46-1d7c13687b11",
                   const QByteArray& smsNumber = "61299999999")
{
    return "service_id=100234&from=61412345678&sms_number=" + smsNumber +
           "&body=Test%20Message&message_id=" + messageId +
           "&timestamp=1576391654&webhook_url=https://youendpoint.com/sms/test"
           "&webhook_url_fallback=you@email.com";
}

QByteArray
zonitelInbound(const QString& id = QStringLiteral("11111111-aaaa-2222-bbbb-333333333333"))
{
    return QStringLiteral(
               R"({"status":"received","data":{"id":"%1","segments":1,"direction":"inbound",)"
               R"("messageText":"Hello, this is a test SMS","from":"+10000000010",)"
               R"("to":"+10000000020","medias":[]},"message":"SMS message received successfully"})")
        .arg(id)
        .toUtf8();
}

QByteArray zonitelDelivered()
{
    // Not a raw string: moc (Qt 6.4) misreads raw strings holding a double slash.
    return "{\"status\":\"delivered\",\"data\":{\"id\":\"44444444-cccc-5555-dddd-666666666666\","
           "\"segments\":1,\"direction\":\"outbound\",\"messageText\":\"Test outbound SMS\","
           "\"from\":\"+10000000020\",\"to\":\"+10000000030\",\"medias\":[]},"
           "\"message\":\"SMS message delivered successfully\"}";
}

QByteArray gatewayIncoming(int smsId = 987654)
{
    return QStringLiteral(R"({"address":17705551234,"date":"2024-03-01 12:34:56",)"
                          R"("date_sent":"2024-03-01 12:34:50","body":"Hello from the gateway",)"
                          R"("internal_id":5312,"sim":1,"sms_id":%1,"device_id":42,)"
                          R"("device_name":"Pixel 7"})")
        .arg(smsId)
        .toUtf8();
}

QByteArray gatewayStatus()
{
    return R"({"sms_id":987655,"status_id":7,"status_message":"SMS has been Delivered",)"
           R"("sendto":"+17705551234","senttime":"2024-03-01 12:40:00","sim":1,"device_id":42})";
}

// A reply source driven by the test.
class TestReplySource final : public ReplySource
{
public:
    std::function<void(const InboundMessage&, Done)> onAsk;
    int asked = 0;

    void replyFor(const InboundMessage& message, qint64, qint64, Done done) override
    {
        ++asked;
        onAsk(message, std::move(done));
    }
};

} // namespace

class TestWebhookListener : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    test::FakeClock m_clock;
    test::MemorySecretStore m_secrets;
    ProviderRegistry m_providers;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<QSignalSpy> m_events;
    QHash<QString, qint64> m_numberIds; // by E.164

    void start(WebhookListener::Options options = {}, MessageWriter::Options writerOptions = {})
    {
        writerOptions.completionLingerMs = 20;
        m_writer = std::make_unique<MessageWriter>(m_temp->database(), m_clock, writerOptions);
        m_listener = std::make_unique<WebhookListener>(*m_writer, m_providers, m_clock, options);
        m_events = std::make_unique<QSignalSpy>(m_listener.get(), &WebhookListener::requestHandled);
        m_server = std::make_unique<HttpServer>();
        m_server->setHandler(m_listener.get());
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        loadDirectory();
    }

    void loadDirectory()
    {
        NumberDirectoryLoader loader(*m_worker, m_secrets, m_clock);
        QSignalSpy loaded(&loader, &NumberDirectoryLoader::loaded);
        loader.load();
        QVERIFY(loaded.wait(WaitMs));
        m_listener->setDirectory(
            loaded.at(0).at(0).value<std::shared_ptr<const NumberDirectory>>());
    }

    qint64 addNumber(const QString& e164, const QString& provider,
                     const QString& authorization = {}, const QString& pathToken = {},
                     bool enabled = true)
    {
        NumberRecord number;
        number.e164 = e164;
        number.label = QStringLiteral("Test ") + provider;
        number.provider = provider;
        number.enabled = enabled;
        if (provider == QStringLiteral("android-gateway")) {
            number.deviceId = QStringLiteral("42");
            number.sim = 1;
        }
        number.hasAuthHeader = !authorization.isEmpty();
        if (!pathToken.isEmpty())
            number.pathTokenHash = PathToken::hash(pathToken.toLatin1());
        NumberRepository repository(m_temp->database().connection(), m_clock);
        if (!repository.insert(number))
            qWarning("insert failed: %s", qPrintable(repository.lastError()));
        if (!authorization.isEmpty()) {
            m_secrets.entries.insert(
                SecretStore::numberKey(e164, SecretStore::Kind::AuthorizationHeader),
                authorization);
        }
        m_numberIds.insert(e164, number.id);
        return number.id;
    }

    // A number as the test wants it, straight into the store.
    qint64 addRecord(NumberRecord number)
    {
        number.label = QStringLiteral("Test ") + number.provider;
        NumberRepository repository(m_temp->database().connection(), m_clock);
        if (!repository.insert(number))
            qWarning("insert failed: %s", qPrintable(repository.lastError()));
        m_numberIds.insert(number.e164, number.id);
        return number.id;
    }

    HttpTestResponse exchange(const QByteArray& request)
    {
        HttpTestClient client(m_server->serverPort());
        client.send(request);
        const auto response = client.response(false, WaitMs);
        return response.value_or(HttpTestResponse{});
    }

    HttpTestResponse post(const QByteArray& target, const QByteArray& body,
                          const QByteArray& contentType, const QByteArray& extraHeaders = {})
    {
        return exchange(HttpTestClient::post(target, body, contentType, extraHeaders));
    }

    // The requestHandled event number `index` (waits for it).
    ListenerEvent handled(int index)
    {
        if (!QTest::qWaitFor([&] { return m_events->size() > index; }, WaitMs))
            return {};
        return m_events->at(index).at(0).value<ListenerEvent>();
    }

    // The request_log row of an event, once its response has been recorded.
    QSqlRecord logRow(qint64 id)
    {
        QSqlRecord record;
        (void)QTest::qWaitFor(
            [&] {
                QSqlQuery query(m_temp->database().connection());
                query.exec(QStringLiteral("SELECT * FROM request_log WHERE id = %1").arg(id));
                if (!query.next() || query.value(QStringLiteral("response_status")).isNull())
                    return false;
                record = query.record();
                return true;
            },
            WaitMs);
        return record;
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        m_secrets.entries.clear();
        m_secrets.failWith = SecretStore::Status::Ok;
        m_numberIds.clear();
    }

    void cleanup()
    {
        m_server.reset();
        m_events.reset();
        m_listener.reset();
        m_writer.reset();
        m_worker.reset();
        m_temp.close();
    }

    void storesEachProvidersDocumentExample_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("did");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("withMedia"); // the event says so: only then is the archive asked
        QTest::addRow("oncloud") << QByteArray("/webhooks/oncloud") << Json << onCloudBody()
                                 << OnCloudDid << QStringLiteral("+17705551234")
                                 << QStringLiteral("Hello, I need help with my account") << true;
        QTest::addRow("pbx") << QByteArray("/webhooks/pbx") << Form << pbxBody() << PbxDid
                             << QStringLiteral("+61412345678") << QStringLiteral("Test Message")
                             << false;
        QTest::addRow("zonitel") << QByteArray("/webhooks/zonitel") << Json << zonitelInbound()
                                 << ZonitelDid << QStringLiteral("+10000000010")
                                 << QStringLiteral("Hello, this is a test SMS") << false;
        QTest::addRow("android-gateway")
            << QByteArray("/webhooks/android-gateway") << Json << gatewayIncoming() << GatewayDid
            << QStringLiteral("+17705551234") << QStringLiteral("Hello from the gateway") << false;
        QTest::addRow("detected at /webhook")
            << QByteArray("/webhook") << Form << pbxBody() << PbxDid
            << QStringLiteral("+61412345678") << QStringLiteral("Test Message") << false;
    }

    void storesEachProvidersDocumentExample()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, did);
        QFETCH(QString, remote);
        QFETCH(QString, text);
        QFETCH(bool, withMedia);
        addNumber(OnCloudDid, QStringLiteral("oncloud"));
        addNumber(PbxDid, QStringLiteral("pbx"));
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        addNumber(GatewayDid, QStringLiteral("android-gateway"));
        start();

        const HttpTestResponse response = post(target, body, contentType);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.isEmpty());

        // Answered only after the commit: the row is there as soon as the 200 is.
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT did, remote, text, number_id, direction, status FROM messages")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), did);
        QCOMPARE(query.value(1).toString(), remote);
        QCOMPARE(query.value(2).toString(), text);
        QCOMPARE(query.value(3).toLongLong(), m_numberIds.value(did));
        QCOMPARE(query.value(4).toString(), QStringLiteral("inbound"));
        QCOMPARE(query.value(5).toString(), QStringLiteral("received"));
        query.finish(); // an open statement would pin this connection's snapshot (WAL)

        const ListenerEvent e = handled(0);
        QCOMPARE(e.outcome, ListenerEvent::accepted());
        QCOMPARE(e.status, 200);
        QCOMPARE(e.numberId, m_numberIds.value(did));
        QCOMPARE(e.did, did);
        QCOMPARE(e.remote, remote);
        QCOMPARE(e.messageIds.size(), 1);
        QCOMPARE(e.withMedia, withMedia);
        QVERIFY(e.requestLogId > 0);
        QVERIFY(e.peer.startsWith(QStringLiteral("127.0.0.1:")));
        const QSqlRecord log = logRow(e.requestLogId);
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), ListenerEvent::accepted());
        QCOMPARE(log.value(QStringLiteral("response_status")).toInt(), 200);
        QCOMPARE(log.value(QStringLiteral("body")).toByteArray(), body);
        QCOMPARE(log.value(QStringLiteral("message_id")).toLongLong(), e.messageIds.first());
        QCOMPARE(log.value(QStringLiteral("target")).toString(), QString::fromLatin1(target));
    }

    void retriesAreStoredOnce_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("oncloud, hash of the content")
            << QByteArray("/webhooks/oncloud") << Json << onCloudBody();
        QTest::addRow("pbx message_id") << QByteArray("/webhooks/pbx") << Form << pbxBody();
        QTest::addRow("zonitel id") << QByteArray("/webhooks/zonitel") << Json << zonitelInbound();
        QTest::addRow("gateway sms_id")
            << QByteArray("/webhooks/android-gateway") << Json << gatewayIncoming();
    }

    void retriesAreStoredOnce()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        addNumber(OnCloudDid, QStringLiteral("oncloud"));
        addNumber(PbxDid, QStringLiteral("pbx"));
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        addNumber(GatewayDid, QStringLiteral("android-gateway"));
        start();

        const HttpTestResponse first = post(target, body, contentType);
        const HttpTestResponse retry = post(target, body, contentType);
        QCOMPARE(first.status, 200);
        QCOMPARE(retry.status, first.status);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(handled(0).outcome, ListenerEvent::accepted());
        QCOMPARE(handled(1).outcome, ListenerEvent::duplicate());
        QCOMPARE(handled(1).messageIds, handled(0).messageIds);
        QCOMPARE(logRow(handled(1).requestLogId).value(QStringLiteral("outcome")).toString(),
                 ListenerEvent::duplicate());
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 2);
    }

    void authorizationMustMatchExactly()
    {
        const QString secret = QStringLiteral("Bearer zt-0123456789abcdef-secret");
        addNumber(ZonitelDid, QStringLiteral("zonitel"), secret);
        start();

        HttpTestResponse response = post("/webhooks/zonitel", zonitelInbound(), Json);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Bearer"));
        QVERIFY2(response.error().contains(QStringLiteral("requires an Authorization header")),
                 qPrintable(response.error()));
        QCOMPARE(handled(0).outcome, ListenerEvent::refusedAuth());

        response = post("/webhooks/zonitel", zonitelInbound(), Json,
                        "Authorization: Bearer zt-0123456789abcdef-secreT\r\n");
        QCOMPARE(response.status, 401);
        QVERIFY(response.error().contains(QStringLiteral("not the one configured")));
        response = post("/webhooks/zonitel", zonitelInbound(), Json,
                        "Authorization: Bearer zt-0123456789abcdef-secret-and-more\r\n");
        QCOMPARE(response.status, 401);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);

        response = post("/webhooks/zonitel", zonitelInbound(), Json,
                        "Authorization: " + secret.toUtf8() + "\r\n");
        QCOMPARE(response.status, 200);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(handled(3).outcome, ListenerEvent::accepted());
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 4);

        // The log has the header, never its value.
        QVERIFY(logRow(handled(3).requestLogId)
                    .value(QStringLiteral("headers"))
                    .toString()
                    .contains(QLatin1String(RequestLogRow::RedactedValue)));
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT * FROM request_log")));
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i) {
                QVERIFY2(!query.value(i).toString().contains(QStringLiteral("zt-0123456789")),
                         "a secret reached the request log");
            }
        }
    }

    void unreadableCredentialAnswers503()
    {
        addNumber(ZonitelDid, QStringLiteral("zonitel"), QStringLiteral("Bearer x-123456"));
        m_secrets.failWith = SecretStore::Status::AccessDenied;
        start();
        const HttpTestResponse response =
            post("/webhooks/zonitel", zonitelInbound(), Json, "Authorization: Bearer x-123456\r\n");
        QCOMPARE(response.status, 503);
        QCOMPARE(response.header("Retry-After"), QByteArray("1"));
        QCOMPARE(handled(0).outcome, ListenerEvent::credentialUnavailable());
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
    }

    void pathTokenStandsInForACredential()
    {
        const QString token = PathToken::generate();
        const QString other = PathToken::generate();
        addNumber(PbxDid, QStringLiteral("pbx"), {}, token);
        addNumber(QStringLiteral("+61288888888"), QStringLiteral("pbx"), {}, other);
        start();

        QCOMPARE(post("/webhooks/pbx", pbxBody(), Form).status, 401);
        QVERIFY(handled(0).reason.contains(QStringLiteral("/webhooks/pbx/<token>")));
        QCOMPARE(post("/webhooks/pbx/" + PathToken::generate().toLatin1(), pbxBody(), Form).status,
                 401);
        // Another number's token does not open this number.
        QCOMPARE(post("/webhooks/pbx/" + other.toLatin1(), pbxBody(), Form).status, 401);
        QVERIFY(handled(2).reason.contains(QStringLiteral("belongs to +61288888888")));
        // Nor another provider's path.
        QCOMPARE(post("/webhooks/oncloud/" + token.toLatin1(), onCloudBody(), Json).status, 401);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);

        QCOMPARE(post("/webhooks/pbx/" + token.toLatin1(), pbxBody(), Form).status, 200);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(handled(4).numberId, m_numberIds.value(PbxDid));
        QCOMPARE(m_temp->count(QStringLiteral("request_log"),
                               QStringLiteral("outcome = 'refused-auth'")),
                 4);
        // A path token is a credential: neither the log nor the live event keeps it.
        QCOMPARE(handled(4).target, QStringLiteral("/webhooks/pbx/[token]"));
        QTRY_COMPARE(m_temp->count(QStringLiteral("request_log"),
                                   QStringLiteral("target = '/webhooks/pbx/[token]'")),
                     3);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT target, headers, body FROM request_log")));
        while (query.next()) {
            for (const QString& secret : {token, other}) {
                for (int i = 0; i < 3; ++i)
                    QVERIFY(!query.value(i).toString().contains(secret));
            }
        }
    }

    void unprovisionedNumbers_data()
    {
        QTest::addColumn<bool>("refuse");
        QTest::addRow("kept in the unassigned inbox") << false;
        QTest::addRow("refused by setting") << true;
    }

    void unprovisionedNumbers()
    {
        QFETCH(bool, refuse);
        addNumber(QStringLiteral("+61277777777"), QStringLiteral("pbx"), {}, {}, false); // disabled
        addNumber(PbxDid, QStringLiteral("oncloud")); // provisioned for another provider
        WebhookListener::Options options;
        options.unassigned = refuse ? WebhookListener::UnassignedPolicy::Refuse
                                    : WebhookListener::UnassignedPolicy::Keep;
        start(options);

        for (const QByteArray& smsNumber :
             {QByteArray("61266666666"), QByteArray("61277777777"), QByteArray("61299999999")}) {
            const HttpTestResponse response = post(
                "/webhooks/pbx",
                pbxBody(QUuid::createUuid().toByteArray(QUuid::WithoutBraces), smsNumber), Form);
            QCOMPARE(response.status, refuse ? 404 : 200);
        }
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(handled(i).outcome,
                     refuse ? ListenerEvent::unknownNumber() : ListenerEvent::unassigned());
            QCOMPARE(handled(i).numberId, 0);
        }
        QCOMPARE(m_temp->count(QStringLiteral("messages")), refuse ? 0 : 3);
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("number_id IS NULL")),
                 refuse ? 0 : 3);

        // The provider's retry: a duplicate, live and in the log alike (the log row of the
        // first delivery keeps its own outcome).
        const QByteArray retry = pbxBody("8d0c5a52-3f0e-4d7e-9a57-0c2b8e1d6f10", "61266666666");
        QCOMPARE(post("/webhooks/pbx", retry, Form).status, refuse ? 404 : 200);
        QCOMPARE(post("/webhooks/pbx", retry, Form).status, refuse ? 404 : 200);
        const QString first = refuse ? ListenerEvent::unknownNumber() : ListenerEvent::unassigned();
        const QString second = refuse ? ListenerEvent::unknownNumber() : ListenerEvent::duplicate();
        QCOMPARE(handled(3).outcome, first);
        QCOMPARE(handled(4).outcome, second);
        QCOMPARE(logRow(handled(4).requestLogId).value(QStringLiteral("outcome")).toString(),
                 second);
        QCOMPARE(logRow(handled(3).requestLogId).value(QStringLiteral("outcome")).toString(),
                 first);
    }

    // Every provider's webhook for a number that is not provisioned, messages and status
    // reports alike: kept in the unassigned inbox (and attached once the number is), or
    // refused with 404, by setting.
    void unprovisionedOfEveryProvider_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("did"); // the number to provision afterwards
        QTest::addColumn<QString>("direction");
        QTest::addColumn<bool>("refuse");
        for (const bool refuse : {false, true}) {
            const char* policy = refuse ? "refused" : "kept";
            QTest::addRow("oncloud message, %s", policy)
                << QByteArray("/webhooks/oncloud") << onCloudBody() << QStringLiteral("oncloud")
                << OnCloudDid << QStringLiteral("inbound") << refuse;
            QTest::addRow("pbx message, %s", policy)
                << QByteArray("/webhooks/pbx") << pbxBody() << QStringLiteral("pbx") << PbxDid
                << QStringLiteral("inbound") << refuse;
            QTest::addRow("zonitel message, %s", policy)
                << QByteArray("/webhooks/zonitel") << zonitelInbound() << QStringLiteral("zonitel")
                << ZonitelDid << QStringLiteral("inbound") << refuse;
            QTest::addRow("zonitel status, %s", policy)
                << QByteArray("/webhooks/zonitel") << zonitelDelivered()
                << QStringLiteral("zonitel") << ZonitelDid << QStringLiteral("outbound") << refuse;
            QTest::addRow("android-gateway message, %s", policy)
                << QByteArray("/webhooks/android-gateway") << gatewayIncoming()
                << QStringLiteral("android-gateway") << GatewayDid << QStringLiteral("inbound")
                << refuse;
            QTest::addRow("android-gateway status, %s", policy)
                << QByteArray("/webhooks/android-gateway") << gatewayStatus()
                << QStringLiteral("android-gateway") << GatewayDid << QStringLiteral("outbound")
                << refuse;
            QTest::addRow("detected at /webhook: android-gateway message, %s", policy)
                << QByteArray("/webhook") << gatewayIncoming() << QStringLiteral("android-gateway")
                << GatewayDid << QStringLiteral("inbound") << refuse;
        }
    }

    void unprovisionedOfEveryProvider()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QString, provider);
        QFETCH(QString, did);
        QFETCH(QString, direction);
        QFETCH(bool, refuse);
        const bool gateway = provider == u"android-gateway";
        // Numbers of other providers only.
        for (const QString& other :
             {QStringLiteral("oncloud"), QStringLiteral("pbx"), QStringLiteral("zonitel"),
              QStringLiteral("android-gateway")}) {
            if (other == provider)
                continue;
            NumberRecord number;
            number.e164 = other == u"oncloud"   ? OnCloudDid
                          : other == u"pbx"     ? PbxDid
                          : other == u"zonitel" ? ZonitelDid
                                                : GatewayDid;
            number.provider = other;
            if (other == u"android-gateway") {
                number.deviceId = QStringLiteral("42");
                number.sim = 1;
            }
            addRecord(number);
        }
        WebhookListener::Options options;
        options.unassigned = refuse ? WebhookListener::UnassignedPolicy::Refuse
                                    : WebhookListener::UnassignedPolicy::Keep;
        start(options);

        const HttpTestResponse response = post(target, body, provider == u"pbx" ? Form : Json);
        if (refuse) {
            QCOMPARE(response.status, 404);
            QVERIFY2(response.error().contains(
                         QStringLiteral("is not an enabled %1 number here").arg(provider)),
                     qPrintable(response.error()));
            if (gateway)
                QVERIFY(response.error().contains(QStringLiteral("device 42 SIM")));
            QCOMPARE(handled(0).outcome, ListenerEvent::unknownNumber());
            QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
            QCOMPARE(logRow(handled(0).requestLogId).value(QStringLiteral("outcome")).toString(),
                     ListenerEvent::unknownNumber());
            return;
        }
        QVERIFY2(response.status == 200, response.body.constData());
        const ListenerEvent event = handled(0);
        QCOMPARE(event.outcome, ListenerEvent::unassigned());
        QCOMPARE(event.numberId, 0);
        QCOMPARE(event.messageIds.size(), 1);
        const qint64 id = event.messageIds.first();
        QCOMPARE(logRow(event.requestLogId).value(QStringLiteral("outcome")).toString(),
                 ListenerEvent::unassigned());
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT number_id, did, device_id, sim, direction, "
                                          "provider FROM messages WHERE id = %1")
                               .arg(id)));
        QVERIFY(query.next());
        QVERIFY(query.value(0).isNull());
        // The gateway names a device, not a number: kept with the device and SIM.
        QCOMPARE(query.value(1).toString(), gateway ? QString() : did);
        QCOMPARE(query.value(2).toString(), gateway ? QStringLiteral("42") : QString());
        QCOMPARE(query.value(3).isNull(), !gateway);
        if (gateway)
            QCOMPARE(query.value(3).toInt(), 1);
        QCOMPARE(query.value(4).toString(), direction);
        QCOMPARE(query.value(5).toString(), provider);
        query.finish();

        // Provisioned later, the number takes its messages from the unassigned inbox.
        NumberRecord number;
        number.e164 = did;
        number.provider = provider;
        if (gateway) {
            number.deviceId = QStringLiteral("42");
            number.sim = 1;
        }
        const qint64 numberId = addRecord(number);
        QVERIFY(numberId > 0);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT number_id FROM messages WHERE id = ?"), {id})
                     .toLongLong(),
                 numberId);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT did FROM messages WHERE id = ?"), {id})
                     .toString(),
                 did);
    }

    // A gateway message for a device with the same id on the other SIM, or another device, is
    // not that number's; nor is a message of another provider to the number's E.164.
    void unassignedMessagesAttachOnlyToTheirNumber()
    {
        WebhookListener::Options options;
        start(options);
        QCOMPARE(post("/webhooks/android-gateway", gatewayIncoming(1), Json).status, 200);
        QCOMPARE(post("/webhooks/android-gateway",
                      QByteArray(gatewayIncoming(2)).replace("\"sim\":1", "\"sim\":0"), Json)
                     .status,
                 200);
        QCOMPARE(post("/webhooks/android-gateway",
                      QByteArray(gatewayIncoming(3)).replace("\"device_id\":42", "\"device_id\":7"),
                      Json)
                     .status,
                 200);
        QCOMPARE(
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("hi"), GatewayDid), Json).status,
            200);
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("number_id IS NULL")), 4);

        NumberRecord number;
        number.e164 = GatewayDid;
        number.provider = QStringLiteral("android-gateway");
        number.deviceId = QStringLiteral("42");
        number.sim = 1;
        const qint64 id = addRecord(number);
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("number_id = ?"), {id}),
                 1);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT provider_message_id FROM messages WHERE "
                                             "number_id = ?"),
                              {id})
                     .toString(),
                 QStringLiteral("1"));
        QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("did = ''")), 2);

        // Disabled numbers take nothing; enabling one attaches its messages.
        NumberRecord other;
        other.e164 = QStringLiteral("+17705550007");
        other.provider = QStringLiteral("android-gateway");
        other.deviceId = QStringLiteral("7");
        other.sim = 1;
        other.enabled = false;
        const qint64 otherId = addRecord(other);
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("number_id = ?"), {otherId}),
            0);
        QVERIFY(
            NumberRepository(m_temp->database().connection(), m_clock).setEnabled(otherId, true));
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("number_id = ?"), {otherId}),
            1);
    }

    // Status 5 ("Incoming SMS") is about a message we received: it is logged and joins that
    // message's history (same sms_id and device), and never creates or moves an outbound one.
    void gatewayIncomingSmsReport()
    {
        addNumber(GatewayDid, QStringLiteral("android-gateway"));
        start();
        QCOMPARE(post("/webhooks/android-gateway", gatewayIncoming(987654), Json).status, 200);
        const qint64 inboundId = handled(0).messageIds.value(0);
        QVERIFY(inboundId > 0);
        const auto incomingReport = [](int smsId) {
            return QStringLiteral(R"({"sms_id":%1,"status_id":5,"status_message":"Incoming SMS",)"
                                  R"("sendto":"+17705551234","senttime":"2024-03-01 12:34:56",)"
                                  R"("sim":1,"device_id":42})")
                .arg(smsId)
                .toUtf8();
        };

        QCOMPARE(post("/webhooks/android-gateway", incomingReport(987654), Json).status, 200);
        ListenerEvent event = handled(1);
        QCOMPARE(event.outcome, ListenerEvent::accepted());
        QCOMPARE(event.messageIds, QList<qint64>{inboundId});
        QCOMPARE(logRow(event.requestLogId).value(QStringLiteral("message_id")).toLongLong(),
                 inboundId);
        QCOMPARE(m_temp->count(QStringLiteral("message_status"), QStringLiteral("message_id = ?"),
                               {inboundId}),
                 1);

        QCOMPARE(post("/webhooks/android-gateway", incomingReport(987654), Json).status, 200);
        QCOMPARE(handled(2).outcome, ListenerEvent::duplicate());

        // No such inbound message: the request log has it, nothing else.
        QCOMPARE(post("/webhooks/android-gateway", incomingReport(555), Json).status, 200);
        event = handled(3);
        QCOMPARE(event.outcome, ListenerEvent::accepted());
        QVERIFY(event.messageIds.isEmpty());
        QVERIFY(logRow(event.requestLogId).value(QStringLiteral("message_id")).isNull());

        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("direction = 'outbound'")), 0);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT status FROM messages")).toString(),
                 QStringLiteral("received"));
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), 1);
    }

    // A late report never moves a message backwards; the gateway's reports find their message
    // by device as well as sms_id.
    void statusReportsKeepTheirOrder()
    {
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        addNumber(GatewayDid, QStringLiteral("android-gateway")); // device 42, SIM 1
        NumberRecord second;
        second.e164 = QStringLiteral("+17705550043");
        second.provider = QStringLiteral("android-gateway");
        second.deviceId = QStringLiteral("43");
        second.sim = 0;
        addRecord(second);
        start();

        const QByteArray sent = QByteArray(zonitelDelivered())
                                    .replace("\"status\":\"delivered\"", "\"status\":\"sent\"")
                                    .replace("delivered successfully", "sent successfully");
        QCOMPARE(post("/webhooks/zonitel", zonitelDelivered(), Json).status, 200);
        QCOMPARE(post("/webhooks/zonitel", sent, Json).status, 200); // late
        QCOMPARE(handled(1).outcome, ListenerEvent::accepted());
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT status FROM messages WHERE provider = "
                                             "'zonitel'"))
                     .toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), 2);

        // The gateway: "sent" (6) after "delivered" (7) with the same senttime.
        const QByteArray gatewaySent = QByteArray(gatewayStatus())
                                           .replace("\"status_id\":7", "\"status_id\":6")
                                           .replace("has been Delivered", "Sent by Phone");
        QCOMPARE(post("/webhooks/android-gateway", gatewayStatus(), Json).status, 200);
        QCOMPARE(post("/webhooks/android-gateway", gatewaySent, Json).status, 200);
        // The same sms_id from the other device is another message.
        const QByteArray otherDevice = QByteArray(gatewaySent)
                                           .replace("\"device_id\":42", "\"device_id\":43")
                                           .replace("\"sim\":1", "\"sim\":0");
        QCOMPARE(post("/webhooks/android-gateway", otherDevice, Json).status, 200);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT status, number_id, device_id FROM messages WHERE "
                                          "provider = 'android-gateway' ORDER BY id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("delivered"));
        QCOMPARE(query.value(1).toLongLong(), m_numberIds.value(GatewayDid));
        QCOMPARE(query.value(2).toString(), QStringLiteral("42"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("sent"));
        QCOMPARE(query.value(1).toLongLong(), m_numberIds.value(QStringLiteral("+17705550043")));
        QCOMPARE(query.value(2).toString(), QStringLiteral("43"));
        QVERIFY(!query.next());
    }

    // A message first known from its Zonitel report keeps the report's text, media, segments.
    void zonitelReportKeepsTheMessage()
    {
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        start();
        const QByteArray body =
            QByteArray(zonitelDelivered())
                .replace("\"segments\":1", "\"segments\":2")
                .replace("\"medias\":[]", "\"medias\":[\"https://example.com/media1.jpg\"]");
        QCOMPARE(post("/webhooks/zonitel", body, Json).status, 200);
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT text, media, segments, did, remote, number_id, direction FROM messages")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Test outbound SMS"));
        QCOMPARE(QJsonDocument::fromJson(query.value(1).toByteArray()).array(),
                 QJsonArray{QStringLiteral("https://example.com/media1.jpg")});
        QCOMPARE(query.value(2).toInt(), 2);
        QCOMPARE(query.value(3).toString(), ZonitelDid);
        QCOMPARE(query.value(4).toString(), QStringLiteral("+10000000030"));
        QCOMPARE(query.value(5).toLongLong(), m_numberIds.value(ZonitelDid));
        QCOMPARE(query.value(6).toString(), QStringLiteral("outbound"));
    }

    // A retried onCloud webhook gets the original's answer byte for byte, a synchronous reply
    // included, and the reply source is not asked again. The reply is in the thread.
    void onCloudRetryGetsTheOriginalAnswer()
    {
        addNumber(OnCloudDid, QStringLiteral("oncloud"));
        start();
        TestReplySource source;
        m_listener->setReplySource(&source);
        int replies = 0;
        source.onAsk = [&replies](const InboundMessage& message, ReplySource::Done done) {
            ++replies; // each answer differs: a second one would show
            done(ReplySource::Reply{
                QStringLiteral("Reply %1 to \"%2\" 🙂").arg(replies).arg(message.text),
                {QStringLiteral("https://example.com/r%1.png").arg(replies)}});
        };

        const QByteArray body = onCloudBody(QStringLiteral("hours?"));
        const HttpTestResponse first = post("/webhooks/oncloud", body, Json);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(first.body).object().value(QStringLiteral("reply")),
                 QJsonValue(QStringLiteral("Reply 1 to \"hours?\" 🙂")));
        const HttpTestResponse retry = post("/webhooks/oncloud", body, Json);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.header("Content-Type"), first.header("Content-Type"));
        QCOMPARE(source.asked, 1);
        QCOMPARE(handled(1).outcome, ListenerEvent::duplicate());
        QCOMPARE(
            logRow(handled(1).requestLogId).value(QStringLiteral("response_body")).toByteArray(),
            first.body);

        // The reply, as the SMS the provider sends from our number: in the thread.
        QSqlQuery query(m_temp->database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT did, remote, text, media, status, number_id, "
                                          "provider FROM messages WHERE direction = 'outbound'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), OnCloudDid);
        QCOMPARE(query.value(1).toString(), QStringLiteral("+17705551234"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("Reply 1 to \"hours?\" 🙂"));
        QCOMPARE(QJsonDocument::fromJson(query.value(3).toByteArray()).array(),
                 QJsonArray{QStringLiteral("https://example.com/r1.png")});
        QCOMPARE(query.value(4).toString(), QStringLiteral("sent"));
        QCOMPARE(query.value(5).toLongLong(), m_numberIds.value(OnCloudDid));
        QCOMPARE(query.value(6).toString(), QStringLiteral("oncloud"));
        QVERIFY(!query.next());
        query.finish();
        QVERIFY(handled(0).messageIds.size() == 2); // the message and its reply

        // A message answered without a reply: its retry is answered without one, unasked.
        source.onAsk = [](const InboundMessage&, ReplySource::Done done) { done(std::nullopt); };
        const QByteArray quiet = onCloudBody(QStringLiteral("thanks"));
        QVERIFY(post("/webhooks/oncloud", quiet, Json).body.isEmpty());
        source.onAsk = [](const InboundMessage&, ReplySource::Done done) {
            done(ReplySource::Reply{QStringLiteral("asked again"), {}});
        };
        const HttpTestResponse quietRetry = post("/webhooks/oncloud", quiet, Json);
        QCOMPARE(quietRetry.status, 200);
        QVERIFY(quietRetry.body.isEmpty());
        QCOMPARE(source.asked, 2);
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("direction = 'outbound'")), 1);
    }

    // PBX service_id: kept on the message; a number with a service id takes webhooks of that
    // service only.
    void pbxServiceId()
    {
        NumberRecord withService;
        withService.e164 = PbxDid;
        withService.provider = QStringLiteral("pbx");
        withService.serviceId = QStringLiteral("100234");
        addRecord(withService);
        NumberRecord without;
        without.e164 = QStringLiteral("+61288888888");
        without.provider = QStringLiteral("pbx");
        addRecord(without);
        start();

        QCOMPARE(post("/webhooks/pbx", pbxBody(), Form).status, 200);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT service_id FROM messages")).toString(),
                 QStringLiteral("100234"));

        const QByteArray otherService = QByteArray(pbxBody("6a1d2f0e-1111-4a4a-9b9b-000000000001"))
                                            .replace("service_id=100234", "service_id=777");
        const HttpTestResponse refused = post("/webhooks/pbx", otherService, Form);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(),
                 QStringLiteral("the webhook is from service \"777\", but +61299999999 is "
                                "provisioned for service \"100234\""));
        QCOMPARE(handled(1).outcome, ListenerEvent::refusedAuth());
        QCOMPARE(logRow(handled(1).requestLogId).value(QStringLiteral("response_status")).toInt(),
                 403);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);

        // A number without a service id takes any, and keeps it.
        QCOMPARE(post("/webhooks/pbx",
                      QByteArray(otherService)
                          .replace("sms_number=61299999999", "sms_number=61288888888"),
                      Form)
                     .status,
                 200);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT service_id FROM messages WHERE did = "
                                             "'+61288888888'"))
                     .toString(),
                 QStringLiteral("777"));
    }

    // Where the gateway's and Zonitel's documents are silent, every reasonable form is taken;
    // what cannot be a message is still refused, with the reason.
    void lenientWhereTheDocumentsAreSilent()
    {
        NumberRecord gateway;
        gateway.e164 = GatewayDid;
        gateway.provider = QStringLiteral("android-gateway");
        gateway.deviceId = QStringLiteral("42");
        gateway.sim = 1;
        gateway.timeZone = QStringLiteral("Australia/Sydney");
        addRecord(gateway);
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        start();

        const QByteArray named = QByteArray(gatewayIncoming(11))
                                     .replace("17705551234", "\"BANK-INFO\"")
                                     .replace("\"2024-03-01 12:34:56\"", "\"2024-03-01T12:34:56\"");
        HttpTestResponse response = exchange(HttpTestClient::post(
            "/webhooks/android-gateway", named, QByteArray("text/plain; charset=utf-8")));
        QVERIFY2(response.status == 200, response.body.constData());
        const ListenerEvent event = handled(0);
        QCOMPARE(event.outcome, ListenerEvent::accepted());
        QCOMPARE(event.numberId, m_numberIds.value(GatewayDid));
        QCOMPARE(event.remote, QStringLiteral("BANK-INFO"));
        QCOMPARE(logRow(event.requestLogId).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Content-Type text/plain: the body was read as JSON"));
        // 12:34:56 in Sydney (UTC+11 on 1 March): the number's time zone.
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT provider_time FROM messages")).toLongLong(),
                 QDateTime::fromString(QStringLiteral("2024-03-01T01:34:56Z"), Qt::ISODate)
                     .toMSecsSinceEpoch());

        // Zonitel without a Content-Type.
        response =
            exchange("POST /webhooks/zonitel HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                     QByteArray::number(zonitelInbound().size()) + "\r\n\r\n" + zonitelInbound());
        QCOMPARE(response.status, 200);
        QCOMPARE(logRow(handled(1).requestLogId).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("no Content-Type: the body was read as JSON"));
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 2);

        // Still refused: no text field, invalid UTF-8, a body that does not parse.
        const QByteArray noText =
            QByteArray(gatewayIncoming(12)).replace("\"body\":\"Hello from the gateway\",", "");
        response = post("/webhooks/android-gateway", noText, Json);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.error(), QStringLiteral("required field \"body\" is missing"));
        response = post("/webhooks/android-gateway",
                        QByteArray(gatewayIncoming(13)).replace("gateway", "gate\xc3way"),
                        QByteArray("text/plain"));
        QCOMPARE(response.status, 400);
        QVERIFY2(response.error().contains(QStringLiteral("not valid UTF-8")),
                 qPrintable(response.error()));
        response = post("/webhooks/zonitel", "status=received", QByteArray("text/plain"));
        QCOMPARE(response.status, 400);
        QVERIFY2(response.error().contains(QStringLiteral("invalid JSON")),
                 qPrintable(response.error()));
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 2);
    }

    void routing_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QByteArray>("allow");
        QTest::addRow("unknown path") << HttpTestClient::post("/sms", onCloudBody()) << 404
                                      << ListenerEvent::unknownPath() << QByteArray();
        QTest::addRow("unknown provider") << HttpTestClient::post("/webhooks/twilio", onCloudBody())
                                          << 404 << ListenerEvent::unknownPath() << QByteArray();
        QTest::addRow("empty token") << HttpTestClient::post("/webhooks/pbx/", pbxBody(), Form)
                                     << 404 << ListenerEvent::unknownPath() << QByteArray();
        QTest::addRow("nested token") << HttpTestClient::post("/webhooks/pbx/a/b", pbxBody(), Form)
                                      << 404 << ListenerEvent::unknownPath() << QByteArray();
        QTest::addRow("GET a webhook") << HttpTestClient::get("/webhooks/pbx") << 405
                                       << ListenerEvent::wrongMethod() << QByteArray("POST");
        QTest::addRow("PUT /webhook")
            << QByteArray("PUT /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n") << 405
            << ListenerEvent::wrongMethod() << QByteArray("POST");
        QTest::addRow("unrecognised payload")
            << HttpTestClient::post("/webhook", R"({"hello":"world"})") << 400
            << QStringLiteral("unrecognised") << QByteArray();
        QTest::addRow("malformed JSON") << HttpTestClient::post("/webhooks/oncloud", "{\"event\":")
                                        << 400 << QStringLiteral("malformed") << QByteArray();
        QTest::addRow("form posted as JSON")
            << HttpTestClient::post("/webhooks/pbx", pbxBody(), Json) << 415
            << QStringLiteral("wrong-content-type") << QByteArray();
        QTest::addRow("invalid value")
            << HttpTestClient::post("/webhooks/oncloud",
                                    onCloudBody(QStringLiteral("hi"), QStringLiteral("+1")))
            << 422 << QStringLiteral("invalid") << QByteArray();
        QTest::addRow("NUL in the text")
            << HttpTestClient::post("/webhooks/oncloud", onCloudBody(QStringLiteral("a\u0000b")))
            << 422 << QStringLiteral("invalid") << QByteArray();
    }

    void routing()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, outcome);
        QFETCH(QByteArray, allow);
        addNumber(OnCloudDid, QStringLiteral("oncloud"));
        start();
        const HttpTestResponse response = exchange(request);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Allow"), allow);
        QVERIFY2(!response.error().isEmpty(), response.body.constData());
        const ListenerEvent e = handled(0);
        QCOMPARE(e.outcome, outcome);
        QCOMPARE(e.reason, response.error());
        QVERIFY(e.requestLogId > 0);
        const QSqlRecord log = logRow(e.requestLogId);
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), outcome);
        QCOMPARE(log.value(QStringLiteral("response_status")).toInt(), status);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
        // And the listener goes on serving.
        QCOMPARE(post("/webhooks/oncloud", onCloudBody(), Json).status, 200);
    }

    void httpLayerRefusalsAreLogged()
    {
        start();
        const QByteArray tooLarge =
            "POST /webhooks/pbx HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Authorization: Token never-logged\r\nContent-Length: 5000000\r\n\r\n";
        const HttpTestResponse response = exchange(tooLarge);
        QCOMPARE(response.status, 413);
        const ListenerEvent e = handled(0);
        QCOMPARE(e.outcome, ListenerEvent::tooLarge());
        QCOMPARE(e.status, 413);
        const QSqlRecord log = logRow(e.requestLogId);
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), ListenerEvent::tooLarge());
        QVERIFY(!log.value(QStringLiteral("headers"))
                     .toString()
                     .contains(QStringLiteral("never-logged")));
    }

    void healthReflectsTheStore()
    {
        MessageWriter::Options writerOptions;
        writerOptions.commitDeadlineMs = 300;
        start({}, writerOptions);
        HttpTestResponse response = exchange(HttpTestClient::get("/healthz"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray(R"({"status":"ok"})"));
        response = exchange(HttpTestClient::post("/healthz", "{}"));
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), QByteArray("GET, HEAD"));

        test::StoreLockHolder holder(m_temp->database(), m_temp.backend());
        QVERIFY(holder.locked());
        response = exchange(HttpTestClient::get("/healthz"));
        QCOMPARE(response.status, 503);
        holder.release();
        QCOMPARE(exchange(HttpTestClient::get("/healthz")).status, 200);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 0); // health checks are not logged
    }

    void lockedStoreAnswers503AndTheRetryIsStored()
    {
        addNumber(PbxDid, QStringLiteral("pbx"));
        MessageWriter::Options writerOptions;
        writerOptions.commitDeadlineMs = 300;
        start({}, writerOptions);
        {
            test::StoreLockHolder holder(m_temp->database(), m_temp.backend());
            QVERIFY(holder.locked());
            const HttpTestResponse response = post("/webhooks/pbx", pbxBody(), Form);
            QCOMPARE(response.status, 503);
            QCOMPARE(response.header("Retry-After"), QByteArray("1"));
            QVERIFY2(response.error().contains(QStringLiteral("retry later")),
                     qPrintable(response.error()));
        }
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
        QCOMPARE(handled(0).outcome, ListenerEvent::storeUnavailable());
        // The refusal is logged once the lock is free again.
        QTRY_COMPARE(
            m_temp->count(QStringLiteral("request_log"), QStringLiteral("response_status = 503")),
            1);

        QCOMPARE(post("/webhooks/pbx", pbxBody(), Form).status, 200);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(handled(1).outcome, ListenerEvent::accepted());
    }

    void onCloudReplyInTheResponse()
    {
        addNumber(OnCloudDid, QStringLiteral("oncloud"));
        WebhookListener::Options options;
        options.replyDeadlineMs = 300;
        start(options);
        TestReplySource source;
        m_listener->setReplySource(&source);

        // Without a reply: an empty 200.
        source.onAsk = [](const InboundMessage&, ReplySource::Done done) { done(std::nullopt); };
        HttpTestResponse response =
            post("/webhooks/oncloud", onCloudBody(QStringLiteral("one")), Json);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.isEmpty());

        // A reply, from another thread, with media.
        source.onAsk = [](const InboundMessage& message, ReplySource::Done done) {
            std::thread([done, text = message.text] {
                done(ReplySource::Reply{QStringLiteral("Got: ") + text,
                                        {QStringLiteral("https://example.com/r.png")}});
            }).detach();
        };
        response = post("/webhooks/oncloud", onCloudBody(QStringLiteral("two")), Json);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject reply = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(reply.value(QStringLiteral("reply")).toString(), QStringLiteral("Got: two"));
        QCOMPARE(reply.value(QStringLiteral("media")).toArray().size(), 1);
        QCOMPARE(
            logRow(handled(1).requestLogId).value(QStringLiteral("response_body")).toByteArray(),
            response.body);

        // Too slow: answered without the reply at the deadline; the late reply is ignored.
        ReplySource::Done late;
        source.onAsk = [&late](const InboundMessage&, ReplySource::Done done) { late = done; };
        QElapsedTimer timer;
        timer.start();
        response = post("/webhooks/oncloud", onCloudBody(QStringLiteral("three")), Json);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.isEmpty());
        QVERIFY(timer.elapsed() >= 250);
        late(ReplySource::Reply{QStringLiteral("late"), {}});
        QTest::qWait(50);
        QCOMPARE(m_events->size(), 3);
        QCOMPARE(source.asked, 3);
        // Other providers are never asked.
        addNumber(PbxDid, QStringLiteral("pbx"));
        loadDirectory();
        QCOMPARE(post("/webhooks/pbx", pbxBody(), Form).status, 200);
        QCOMPARE(source.asked, 3);
    }

    void statusReportsUpdateOutboundMessages()
    {
        addNumber(ZonitelDid, QStringLiteral("zonitel"));
        addNumber(GatewayDid, QStringLiteral("android-gateway"));
        start();
        QCOMPARE(post("/webhooks/zonitel", zonitelDelivered(), Json).status, 200);
        QCOMPARE(post("/webhooks/android-gateway", gatewayStatus(), Json).status, 200);
        QCOMPARE(post("/webhooks/android-gateway", gatewayStatus(), Json).status, 200);
        QCOMPARE(handled(0).outcome, ListenerEvent::accepted());
        QCOMPARE(handled(1).outcome, ListenerEvent::accepted());
        QCOMPARE(handled(2).outcome, ListenerEvent::duplicate());
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("direction = 'outbound'")), 2);
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), 2);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT number_id FROM messages WHERE provider = "
                                             "'android-gateway'"))
                     .toLongLong(),
                 m_numberIds.value(GatewayDid));
        QCOMPARE(
            m_temp->scalar(QStringLiteral("SELECT status FROM messages WHERE provider = 'zonitel'"))
                .toString(),
            QStringLiteral("delivered"));
    }

    // A drill of two: both webhooks are stored and logged as drilled but answered 500; the
    // drill then ends by itself, the next webhook gets 200 and the provider's retry of a
    // drilled one is a duplicate: nothing was lost.
    void faultDrillAnswers500ButStores()
    {
        addNumber(PbxDid, QStringLiteral("pbx"));
        start();
        QSignalSpy drills(m_listener.get(), &WebhookListener::drillChanged);
        FaultDrill drill;
        drill.mode = FaultDrill::Mode::Error;
        drill.remaining = 2;
        m_listener->setDrill(drill);
        QCOMPARE(m_listener->drill(), drill);

        const HttpTestResponse first =
            post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000001"), Form);
        QCOMPARE(first.status, 500);
        QVERIFY2(first.body.contains("fault drill"), first.body.constData());
        QCOMPARE(m_listener->drill().remaining, 1);
        QCOMPARE(
            post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000002"), Form).status,
            500);
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::Off);
        QCOMPARE(drills.constLast().at(0).value<FaultDrill>().mode, FaultDrill::Mode::Off);

        QCOMPARE(
            post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000003"), Form).status,
            200);
        QCOMPARE(
            post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000001"), Form).status,
            200); // the retry
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 3);

        QCOMPARE(handled(0).outcome, ListenerEvent::drillError());
        QCOMPARE(handled(0).status, 500);
        QCOMPARE(handled(1).outcome, ListenerEvent::drillError());
        QCOMPARE(handled(2).outcome, ListenerEvent::accepted());
        QCOMPARE(handled(3).outcome, ListenerEvent::duplicate());
        QCOMPARE(handled(3).messageIds, handled(0).messageIds);

        const QSqlRecord log = logRow(handled(0).requestLogId);
        QCOMPARE(log.value(QStringLiteral("outcome")).toString(), ListenerEvent::drillError());
        QCOMPARE(log.value(QStringLiteral("response_status")).toInt(), 500);
        QCOMPARE(log.value(QStringLiteral("message_id")).toLongLong(),
                 handled(0).messageIds.value(0));
        QVERIFY(log.value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("fault drill: answered 500")));
    }

    // No answer: the webhook is stored and logged as drilled, the client hears nothing. A
    // drill with an end time ends then, with or without traffic.
    void faultDrillWithoutAnswerUntilATime()
    {
        addNumber(PbxDid, QStringLiteral("pbx"));
        start();
        QSignalSpy drills(m_listener.get(), &WebhookListener::drillChanged);
        FaultDrill drill;
        drill.mode = FaultDrill::Mode::NoAnswer;
        drill.untilMs = m_clock.nowMs() + 300;
        m_listener->setDrill(drill);

        HttpTestClient client(m_server->serverPort());
        client.send(HttpTestClient::post("/webhooks/pbx",
                                         pbxBody("d0d0d0d0-0000-4000-8000-000000000004"), Form));
        const ListenerEvent event = handled(0);
        QCOMPARE(event.outcome, ListenerEvent::drillNoAnswer());
        QCOMPARE(event.status, 0);
        QVERIFY(!client.response(false, 300).has_value());
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = %1")
                                  .arg(event.requestLogId))
                     .toString(),
                 ListenerEvent::drillNoAnswer());
        QVERIFY(m_temp
                    ->scalar(QStringLiteral("SELECT response_status FROM request_log WHERE id = %1")
                                 .arg(event.requestLogId))
                    .isNull());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::NoAnswer); // not ended by count

        m_clock.advanceMs(300);
        QTRY_COMPARE_WITH_TIMEOUT(drills.size(), 2, WaitMs); // started, ended by its timer
        QCOMPARE(drills.constLast().at(0).value<FaultDrill>().mode, FaultDrill::Mode::Off);
        QCOMPARE(
            post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000005"), Form).status,
            200);
    }

    // Refusals keep their refusal and do not use up the drill.
    void faultDrillLeavesRefusalsAlone()
    {
        addNumber(PbxDid, QStringLiteral("pbx"), QStringLiteral("Token right"));
        start();
        FaultDrill drill;
        drill.mode = FaultDrill::Mode::Error;
        drill.remaining = 1;
        m_listener->setDrill(drill);
        QCOMPARE(post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000006"), Form,
                      "Authorization: Token wrong\r\n")
                     .status,
                 401);
        QCOMPARE(
            post("/webhooks/nowhere", pbxBody("d0d0d0d0-0000-4000-8000-000000000006"), Form).status,
            404);
        QCOMPARE(m_listener->drill().remaining, 1);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
        QCOMPARE(post("/webhooks/pbx", pbxBody("d0d0d0d0-0000-4000-8000-000000000006"), Form,
                      "Authorization: Token right\r\n")
                     .status,
                 500);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
    }

    // The inspector's replay: the logged request goes out again with the secrets the log does
    // not hold given back; the listener names the outcome (a stored webhook replays as a
    // duplicate) and the new log row, which records that it was a replay.
    void replayOfALoggedRequest()
    {
        const QString secret = QStringLiteral("Token replay-secret");
        const QString token = PathToken::generate();
        addNumber(PbxDid, QStringLiteral("pbx"), secret, token);
        start();
        const QByteArray target = "/webhooks/pbx/" + token.toLatin1();
        const QByteArray auth = "Authorization: " + secret.toLatin1() + "\r\n";
        QCOMPARE(post(target, pbxBody(), Form, auth).status, 200);
        const ListenerEvent original = handled(0);
        QCOMPARE(original.outcome, ListenerEvent::accepted());
        (void)logRow(original.requestLogId); // its response recorded
        const std::optional<RequestLogEntry> entry =
            RequestLogReader(m_temp->database().connection()).find(original.requestLogId);
        QVERIFY(entry);
        QCOMPARE(entry->target, QStringLiteral("/webhooks/pbx/[token]"));

        QNetworkAccessManager network;
        RequestReplayer replayer(network);
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
        const auto replay = [&](const RequestReplayer::Secrets& secrets) {
            std::optional<RequestReplayer::Result> result;
            replayer.replay(*entry, url, secrets,
                            [&result](const RequestReplayer::Result& r) { result = r; });
            (void)QTest::qWaitFor([&] { return result.has_value(); }, WaitMs);
            return result.value_or(RequestReplayer::Result{});
        };

        RequestReplayer::Secrets none;
        RequestReplayer::Result result = replay(none); // "[token]" is no token
        QCOMPARE(result.status, 401);
        QCOMPARE(result.outcome, ListenerEvent::refusedAuth());

        RequestReplayer::Secrets tokenOnly;
        tokenOnly.pathToken = token.toLatin1();
        result = replay(tokenOnly); // the Authorization value is still missing
        QCOMPARE(result.status, 401);

        RequestReplayer::Secrets both = tokenOnly;
        both.authorization = secret.toLatin1();
        result = replay(both);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.outcome, ListenerEvent::duplicate());
        QVERIFY(result.requestLogId > original.requestLogId);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);

        const std::optional<RequestLogEntry> replayed =
            RequestLogReader(m_temp->database().connection()).find(result.requestLogId);
        QVERIFY(replayed);
        QCOMPARE(replayed->body, entry->body);
        QCOMPARE(replayed->target, entry->target);
        QByteArray marker;
        for (const RequestLogEntry::Header& header : replayed->headers) {
            if (header.first == WebhookListener::ReplayHeader)
                marker = header.second;
            if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0)
                QCOMPARE(header.second, QByteArray(RequestLogRow::RedactedValue));
        }
        QCOMPARE(marker, QByteArray::number(original.requestLogId));
    }

    void requestLogRetention()
    {
        start();
        QCOMPARE(exchange(HttpTestClient::get("/nowhere")).status, 404);
        QCOMPARE(exchange(HttpTestClient::get("/elsewhere")).status, 404);
        QTRY_COMPARE(m_temp->count(QStringLiteral("request_log")), 2);
        const QDateTime now = QDateTime::currentDateTimeUtc();

        m_clock.set(now.addDays(29)); // within the 30 days: kept
        m_listener->purgeExpiredRequests();
        QTest::qWait(300);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 2);

        m_clock.set(now.addDays(31));
        m_listener->purgeExpiredRequests();
        QTRY_COMPARE(m_temp->count(QStringLiteral("request_log")), 0);
    }

    void loaderReadsNumbersAndCredentials()
    {
        addNumber(OnCloudDid, QStringLiteral("oncloud"), QStringLiteral("Token abc"));
        addNumber(PbxDid, QStringLiteral("pbx"), {}, PathToken::generate());
        addNumber(QStringLiteral("+61277777777"), QStringLiteral("pbx"), {}, {}, false);
        addNumber(GatewayDid, QStringLiteral("android-gateway"));
        NumberDirectoryLoader loader(*m_worker, m_secrets, m_clock);
        QSignalSpy loaded(&loader, &NumberDirectoryLoader::loaded);
        loader.load();
        loader.load(); // overlapping loads: only the newest is delivered
        QVERIFY(loaded.wait(WaitMs));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        const auto directory = loaded.at(0).at(0).value<std::shared_ptr<const NumberDirectory>>();
        QCOMPARE(directory->size(), 3); // the disabled one is left out
        const NumberDirectory::Entry* onCloud = directory->byE164(OnCloudDid);
        QVERIFY(onCloud);
        QCOMPARE(onCloud->credential, NumberDirectory::Credential::Required);
        QCOMPARE(onCloud->expectedAuthorization, QByteArray("Token abc"));
        QVERIFY(!directory->byE164(QStringLiteral("+61277777777")));
        QVERIFY(directory->byDevice(DeviceRef{42, 1}));
        QVERIFY(!directory->byDevice(DeviceRef{42, 0}));
        QCOMPARE(directory->unauthenticatedNumbers().size(), 1); // the gateway number
        QCOMPARE(directory->unauthenticatedNumbers().first().e164, GatewayDid);
    }
};

QTEST_GUILESS_MAIN(TestWebhookListener)
#include "TestWebhookListener.moc"
