// The simulator over real sockets on 127.0.0.1: WebhookFirer against a real HttpServer with a
// capturing handler; OutboundEndpoint answered through QNetworkAccessManager; and the built
// smsdesk-sim binary (SMSDESK_SIM_BINARY) run with QProcess.

#include "OutboundEndpoint.h"
#include "TempDatabase.h"
#include "WebhookFirer.h"
#include "http/HttpHandler.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"
#include "listener/NumberDirectory.h"
#include "listener/WebhookListener.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "providers/zonitel/ZonitelWebhookRegistration.h"
#include "provisioning/NumberValidator.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace smsdesk;

namespace {

constexpr int WaitMs = 20000;

// Records every request; answers with `status` (or what `answerFor` says), at once or after
// `delayMs`.
class CapturingHandler : public HttpHandler
{
public:
    QList<HttpRequest> requests;
    std::function<int(const HttpRequest&)> answerFor;
    int delayMs = 0;
    int outstanding = 0;
    int maxOutstanding = 0;

    void handleRequest(const HttpRequest& request, HttpResponder responder) override
    {
        requests.append(request);
        const int status = answerFor ? answerFor(request) : 200;
        HttpResponse response = HttpResponse::json(status, QByteArrayLiteral("{}"));
        if (delayMs <= 0) {
            responder.respond(response);
            return;
        }
        ++outstanding;
        maxOutstanding = std::max(maxOutstanding, outstanding);
        QTimer::singleShot(delayMs, [this, responder, response] {
            --outstanding;
            responder.respond(response);
        });
    }
    void requestRejected(const HttpRequest&, const HttpResponse&, const QString&) override {}
};

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

const QByteArray docSendBody = "{\"from\":\"14045559999\",\"to\":\"17705551234\",\"text\":\"Your "
                               "appointment is confirmed for Friday at 3pm.\",\"secret\":\"s3cret-"
                               "value\",\"media_url\":\"https://example.com/confirmation.jpg\"}";

QByteArray sendBody(const QJsonObject& fields)
{
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QJsonObject docSend()
{
    return QJsonDocument::fromJson(docSendBody).object();
}

// The exact error bodies of document 000 (WH-AUTH verbatim; the others its "Meaning").
QByteArray documentedError(const QString& code)
{
    static const QHash<QString, QString> text = {
        {QStringLiteral("WH-AUTH"), QStringLiteral("Authentication failed: invalid secret")},
        {QStringLiteral("WH-1"), QStringLiteral("Missing required fields or invalid JSON")},
        {QStringLiteral("WH-2"), QStringLiteral("Phone number format invalid")},
        {QStringLiteral("WH-3"), QStringLiteral("DID not configured for webhook")},
        {QStringLiteral("WH-23-2"), QStringLiteral("No active SMS plan for this DID")},
        {QStringLiteral("WH-23-3"), QStringLiteral("Monthly SMS limit exceeded")},
        {QStringLiteral("WH-23-4"), QStringLiteral("Plan does not include outbound")},
    };
    return QStringLiteral("{\"status\":\"error\",\"message\":\"%1. Error: [%2]\"}")
        .arg(text.value(code), code)
        .toUtf8();
}

const QStringList allCodes = {QStringLiteral("WH-AUTH"), QStringLiteral("WH-1"),
                              QStringLiteral("WH-2"),    QStringLiteral("WH-3"),
                              QStringLiteral("WH-23-2"), QStringLiteral("WH-23-3"),
                              QStringLiteral("WH-23-4")};

QString simBinary()
{
    return QStringLiteral(SMSDESK_SIM_BINARY);
}

// A running `smsdesk-sim serve`, its stdout collected.
class ServeProcess
{
public:
    explicit ServeProcess(
        const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_stdout += m_process.readAllStandardOutput(); });
        m_process.start(simBinary(), QStringList{QStringLiteral("serve")} + arguments);
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(WaitMs);
        }
    }
    // The port from "listening on http://127.0.0.1:PORT"; 0 when the line never came.
    quint16 waitListening()
    {
        static const QRegularExpression line(
            QStringLiteral("^listening on http://127\\.0\\.0\\.1:([0-9]+)$"),
            QRegularExpression::MultilineOption);
        quint16 port = 0;
        const bool done = QTest::qWaitFor(
            [&] {
                const auto match = line.match(QString::fromUtf8(m_stdout));
                if (match.hasMatch())
                    port = quint16(match.captured(1).toUInt());
                return port != 0 || m_process.state() == QProcess::NotRunning;
            },
            WaitMs);
        return done ? port : 0;
    }
    // The JSON lines printed after the listening line.
    QList<QJsonObject> records() const
    {
        QList<QJsonObject> result;
        for (const QByteArray& line : m_stdout.split('\n')) {
            if (line.startsWith('{'))
                result << QJsonDocument::fromJson(line).object();
        }
        return result;
    }
    QByteArray output() const { return m_stdout; }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_stdout;
};

// "fire --provider pbx --url URL" -> arguments, URL replaced by `url`.
QStringList words(const char* line, const QString& url = {})
{
    QStringList result = QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
    for (QString& word : result) {
        if (word == u"URL")
            word = url;
    }
    return result;
}

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_handler = std::make_unique<CapturingHandler>();
        m_server = std::make_unique<HttpServer>();
        m_server->setHandler(m_handler.get());
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    // --- WebhookFirer ---------------------------------------------------------------------

    void targetUrl()
    {
        const QByteArray path = "/webhooks/pbx";
        QCOMPARE(WebhookFirer::targetUrl(QUrl(QStringLiteral("http://h:8080")), path),
                 QUrl(QStringLiteral("http://h:8080/webhooks/pbx")));
        QCOMPARE(WebhookFirer::targetUrl(QUrl(QStringLiteral("http://h:8080/")), path),
                 QUrl(QStringLiteral("http://h:8080/webhooks/pbx")));
        QCOMPARE(WebhookFirer::targetUrl(QUrl(QStringLiteral("http://h/webhook")), path),
                 QUrl(QStringLiteral("http://h/webhook")));
        QCOMPARE(WebhookFirer::targetUrl(QUrl(QStringLiteral("https://h/proxy/in?x=1")), path),
                 QUrl(QStringLiteral("https://h/proxy/in?x=1")));
    }

    void firerSendsEveryProviderWithRetries()
    {
        std::vector<WebhookSampleFactory> factories;
        for (const QString& provider : ProviderCatalog::ids()) {
            WebhookSampleFactory::Options options;
            options.provider = provider;
            options.authorization = QByteArrayLiteral("Bearer firer-token");
            factories.emplace_back(options);
        }
        const int providers = int(factories.size());
        constexpr int perProvider = 3;
        constexpr int retries = 2;
        WebhookFirer firer;
        firer.setUrl(baseUrl());
        firer.setRetries(retries);
        firer.setConcurrency(3);
        QSignalSpy reports(&firer, &WebhookFirer::requestFinished);
        const auto sampleAt = [&](int i) {
            return factories[size_t(i % providers)].sample(i / providers);
        };
        const WebhookFirer::Summary summary = firer.run(perProvider * providers, sampleAt);

        const int expected = perProvider * providers * (1 + retries);
        QCOMPARE(summary.requests, expected);
        QCOMPARE(summary.ok, expected);
        QVERIFY(summary.allOk());
        QCOMPARE(summary.byStatus, (QMap<int, int>{{200, expected}}));
        QCOMPARE(summary.networkErrors, 0);
        QCOMPARE(reports.size(), expected);
        QCOMPARE(summary.line(), QStringLiteral("sent %1 requests: %1 answered 2xx, 0 failed "
                                                "(200: %1)")
                                     .arg(expected));

        QCOMPARE(m_handler->requests.size(), expected);
        QHash<QByteArray, int> copies;
        for (int i = 0; i < perProvider * providers; ++i) {
            const WebhookSample sample = sampleAt(i);
            copies[sample.body] = 0;
        }
        for (const HttpRequest& request : m_handler->requests) {
            QCOMPARE(request.method, QByteArrayLiteral("POST"));
            QVERIFY2(copies.contains(request.body), request.body.constData());
            ++copies[request.body];
            QCOMPARE(request.header("Authorization"), QByteArrayLiteral("Bearer firer-token"));
            const QByteArray provider = request.path().mid(QByteArrayLiteral("/webhooks/").size());
            QVERIFY2(ProviderCatalog::find(QString::fromLatin1(provider)),
                     request.target.constData());
            QCOMPARE(request.mediaType(),
                     provider == "pbx" ? QByteArrayLiteral("application/x-www-form-urlencoded")
                                       : QByteArrayLiteral("application/json"));
        }
        // Each message arrived once plus its retries, byte for byte.
        for (auto it = copies.cbegin(); it != copies.cend(); ++it)
            QCOMPARE(it.value(), 1 + retries);
        // Keep-alive: no more connections than requests in flight at once.
        QSet<quint16> ports;
        for (const HttpRequest& request : m_handler->requests)
            ports.insert(request.peerPort);
        QVERIFY2(ports.size() <= 3, qPrintable(QString::number(ports.size())));
    }

    void firerFullPathUrl()
    {
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("zonitel");
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        QUrl url = baseUrl();
        url.setPath(QStringLiteral("/webhook"));
        firer.setUrl(url);
        const auto summary = firer.run(2, [&](int n) { return samples.sample(n); });
        QVERIFY(summary.allOk());
        QCOMPARE(m_handler->requests.size(), 2);
        for (const HttpRequest& request : m_handler->requests) {
            QCOMPARE(request.target, QByteArrayLiteral("/webhook"));
            QVERIFY(!request.hasHeader("Authorization"));
        }
    }

    void firerConcurrencyIsBounded()
    {
        m_handler->delayMs = 50;
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("pbx");
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(baseUrl());
        firer.setConcurrency(3);
        const auto summary = firer.run(12, [&](int n) { return samples.sample(n); });
        QVERIFY(summary.allOk());
        QCOMPARE(m_handler->requests.size(), 12);
        QVERIFY2(m_handler->maxOutstanding <= 3,
                 qPrintable(QString::number(m_handler->maxOutstanding)));
        QVERIFY2(m_handler->maxOutstanding >= 2,
                 qPrintable(QString::number(m_handler->maxOutstanding)));
    }

    void firerCountsFailures()
    {
        // The listener refuses the PBX requests; everything else is stored.
        m_handler->answerFor = [](const HttpRequest& request) {
            return request.path() == "/webhooks/pbx" ? 503 : 200;
        };
        std::vector<WebhookSampleFactory> factories;
        for (const QString& provider : {QStringLiteral("oncloud"), QStringLiteral("pbx")}) {
            WebhookSampleFactory::Options options;
            options.provider = provider;
            factories.emplace_back(options);
        }
        WebhookFirer firer;
        firer.setUrl(baseUrl());
        firer.setRetries(1);
        const auto summary =
            firer.run(4, [&](int i) { return factories[size_t(i % 2)].sample(i / 2); });
        QCOMPARE(summary.requests, 8);
        QCOMPARE(summary.ok, 4);
        QVERIFY(!summary.allOk());
        QCOMPARE(summary.byStatus, (QMap<int, int>{{200, 4}, {503, 4}}));
        QCOMPARE(summary.failures.size(), 4);
        for (const auto& failure : summary.failures) {
            QCOMPARE(failure.status, 503);
            QVERIFY(failure.label.startsWith(QStringLiteral("pbx #")));
        }
        QCOMPARE(summary.line(),
                 QStringLiteral("sent 8 requests: 4 answered 2xx, 4 failed (200: 4, 503: 4)"));
    }

    void firerReportsNoAnswer()
    {
        // A port nobody listens on any more.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto summary = firer.run(2, [&](int n) { return samples.sample(n); });
        QCOMPARE(summary.requests, 2);
        QCOMPARE(summary.networkErrors, 2);
        QVERIFY(!summary.allOk());
        QVERIFY(!summary.failures.first().error.isEmpty());
        QVERIFY(summary.line().contains(QStringLiteral("no answer: 2")));
    }

    // --- OutboundEndpoint -----------------------------------------------------------------

    void endpointAcceptsTheDocumentExample()
    {
        OutboundEndpoint endpoint;
        endpoint.setSecret(QStringLiteral("s3cret-value"));
        m_server->setHandler(&endpoint);
        QSignalSpy handled(&endpoint, &OutboundEndpoint::handled);

        const Reply reply = post(docSendBody);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArrayLiteral("application/json"));
        const QRegularExpression success(QStringLiteral(
            "^\\{\"status\":\"success\",\"message\":\"SMS Queued \\| FROM: 14045559999 \\| TO: "
            "17705551234 \\| ID: (bw-msg-[0-9a-z]+)\"\\}$"));
        const auto match = success.match(QString::fromUtf8(reply.body));
        QVERIFY2(match.hasMatch(), reply.body.constData());

        QCOMPARE(handled.size(), 1);
        QCOMPARE(endpoint.records().size(), 1);
        const OutboundEndpoint::Record& record = endpoint.records().first();
        QCOMPARE(record.outcome, QStringLiteral("accepted"));
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(record.carrierId, match.captured(1));
        QCOMPARE(record.from, QStringLiteral("14045559999"));
        QCOMPARE(record.to, QStringLiteral("17705551234"));
        QCOMPARE(record.text, QStringLiteral("Your appointment is confirmed for Friday at 3pm."));
        QCOMPARE(record.mediaUrl, QStringLiteral("https://example.com/confirmation.jpg"));
        QVERIFY(!record.toJsonLine().contains("s3cret-value"));

        // A second send gets another carrier id; media alone (empty text) is an MMS.
        QJsonObject mms = docSend();
        mms.insert(QStringLiteral("text"), QString());
        QCOMPARE(post(sendBody(mms)).status, 200);
        QJsonObject noMedia = docSend();
        noMedia.remove(QStringLiteral("media_url"));
        QCOMPARE(post(sendBody(noMedia)).status, 200);
        QCOMPARE(endpoint.acceptedCount(), 3);
        QSet<QString> ids;
        for (const auto& entry : endpoint.records())
            ids.insert(entry.carrierId);
        QCOMPARE(ids.size(), 3);
    }

    void endpointErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");

        const auto with = [](const char* field, const QJsonValue& value) {
            QJsonObject object = docSend();
            if (value.isUndefined())
                object.remove(QLatin1String(field));
            else
                object.insert(QLatin1String(field), value);
            return sendBody(object);
        };
        const QJsonValue absent(QJsonValue::Undefined);
        // Validation, as the document describes each code.
        QTest::newRow("invalid JSON") << QByteArray("{\"from\":") << "WH-1";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "WH-1";
        QTest::newRow("missing from") << with("from", absent) << "WH-1";
        QTest::newRow("missing to") << with("to", absent) << "WH-1";
        QTest::newRow("no text, no media_url")
            << sendBody(QJsonObject{{QStringLiteral("from"), QStringLiteral("14045559999")},
                                    {QStringLiteral("to"), QStringLiteral("17705551234")},
                                    {QStringLiteral("secret"), QStringLiteral("s3cret-value")}})
            << "WH-1";
        QTest::newRow("to as a number") << with("to", 17705551234LL) << "WH-1";
        QTest::newRow("from with +") << with("from", QStringLiteral("+14045559999")) << "WH-2";
        QTest::newRow("from formatted")
            << with("from", QStringLiteral("+1-404-555-9999")) << "WH-2";
        QTest::newRow("to 9 digits") << with("to", QStringLiteral("770555123")) << "WH-2";
        QTest::newRow("to 16 digits") << with("to", QStringLiteral("1770555123412345")) << "WH-2";
        QTest::newRow("missing secret") << with("secret", absent) << "WH-AUTH";
        QTest::newRow("wrong secret")
            << with("secret", QStringLiteral("s3cret-valuE")) << "WH-AUTH";
        QTest::newRow("DID not configured")
            << with("from", QStringLiteral("14045550000")) << "WH-3";
        // Every code selected by the text's prefix, even on an otherwise valid request.
        for (const QString& code : allCodes) {
            QTest::addRow("text prefix [%s]", qPrintable(code))
                << with("text", QStringLiteral("[%1] please fail").arg(code)) << code;
        }
    }

    void endpointErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        OutboundEndpoint endpoint;
        endpoint.setSecret(QStringLiteral("s3cret-value"));
        endpoint.setConfiguredDids({QStringLiteral("14045559999")});
        m_server->setHandler(&endpoint);

        const Reply reply = post(body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.contentType, QByteArrayLiteral("application/json"));
        QCOMPARE(reply.body, documentedError(code));
        QCOMPARE(endpoint.records().size(), 1);
        QCOMPARE(endpoint.records().first().outcome, QStringLiteral("error"));
        QCOMPARE(endpoint.records().first().code, code);
        QCOMPARE(endpoint.acceptedCount(), 0);
    }

    void endpointForcedError_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString& code : allCodes)
            QTest::newRow(qPrintable(code)) << code;
    }

    void endpointForcedError()
    {
        QFETCH(QString, code);
        OutboundEndpoint endpoint;
        endpoint.setForcedError(code);
        m_server->setHandler(&endpoint);
        // Every request gets it: a valid one, and one that is not even JSON.
        for (const QByteArray& body : {docSendBody, QByteArrayLiteral("nonsense")}) {
            const Reply reply = post(body);
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.body, documentedError(code));
        }
        QCOMPARE(endpoint.acceptedCount(), 0);
    }

    void endpointMonthlyLimit()
    {
        OutboundEndpoint endpoint;
        endpoint.setMonthlyLimit(2);
        m_server->setHandler(&endpoint);
        QCOMPARE(post(docSendBody).status, 200);
        QCOMPARE(post(docSendBody).status, 200);
        const Reply third = post(docSendBody);
        QCOMPARE(third.status, 400);
        QCOMPARE(third.body, documentedError(QStringLiteral("WH-23-3")));
        // The limit is per DID.
        QJsonObject other = docSend();
        other.insert(QStringLiteral("from"), QStringLiteral("14045558888"));
        QCOMPARE(post(sendBody(other)).status, 200);
    }

    void endpointHttpStatusAndPaths()
    {
        OutboundEndpoint endpoint;
        m_server->setHandler(&endpoint);
        QJsonObject unavailable = docSend();
        unavailable.insert(QStringLiteral("text"), QStringLiteral("[HTTP-503] try later"));
        const Reply reply = post(sendBody(unavailable));
        QCOMPARE(reply.status, 503);
        QCOMPARE(endpoint.records().last().outcome, QStringLiteral("http-error"));
        QCOMPARE(post(docSendBody, "/webhook-to-sms").status, 404);
        QCOMPARE(endpoint.acceptedCount(), 0);
        // Without an expected secret, any non-empty one is accepted.
        QCOMPARE(post(docSendBody).status, 200);
    }

    // --- the smsdesk-sim binary -----------------------------------------------------------

    void binaryServe()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString recordFile = dir.filePath(QStringLiteral("sends.jsonl"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SIM_TEST_SECRET"), QStringLiteral("s3cret-value"));
        ServeProcess serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--secret-env"), QStringLiteral("SIM_TEST_SECRET"),
                            QStringLiteral("--did"), QStringLiteral("14045559999"),
                            QStringLiteral("--record"), recordFile},
                           environment);
        const quint16 port = serve.waitListening();
        QVERIFY2(port != 0, serve.output().constData());

        const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhook-to-sms.php").arg(port));
        QCOMPARE(post(docSendBody, url).status, 200);
        QJsonObject wrongSecret = docSend();
        wrongSecret.insert(QStringLiteral("secret"), QStringLiteral("nope"));
        const Reply refused = post(sendBody(wrongSecret), url);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.body, documentedError(QStringLiteral("WH-AUTH")));
        QJsonObject selected = docSend();
        selected.insert(QStringLiteral("text"), QStringLiteral("[WH-23-4] hi"));
        QCOMPARE(post(sendBody(selected), url).body, documentedError(QStringLiteral("WH-23-4")));

        QTRY_COMPARE_WITH_TIMEOUT(serve.records().size(), 3, WaitMs);
        const QList<QJsonObject> records = serve.records();
        QCOMPARE(records.at(0).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("accepted"));
        QVERIFY(records.at(0)
                    .value(QStringLiteral("carrier_id"))
                    .toString()
                    .startsWith(QStringLiteral("bw-msg-")));
        QCOMPARE(records.at(0).value(QStringLiteral("text")).toString(),
                 QStringLiteral("Your appointment is confirmed for Friday at 3pm."));
        QCOMPARE(records.at(0).value(QStringLiteral("target")).toString(),
                 QStringLiteral("POST /webhook-to-sms.php"));
        QCOMPARE(records.at(1).value(QStringLiteral("code")).toString(), QStringLiteral("WH-AUTH"));
        QCOMPARE(records.at(2).value(QStringLiteral("code")).toString(), QStringLiteral("WH-23-4"));
        QVERIFY(!serve.output().contains("s3cret-value"));

        QFile file(recordFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("outcome")),
                 QJsonValue(QStringLiteral("accepted")));
    }

    void binaryServeFail()
    {
        ServeProcess serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--fail"), QStringLiteral("WH-23-2")});
        const quint16 port = serve.waitListening();
        QVERIFY2(port != 0, serve.output().constData());
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhook-to-sms.php").arg(port));
        for (int i = 0; i < 2; ++i) {
            const Reply reply = post(docSendBody, url);
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.body, documentedError(QStringLiteral("WH-23-2")));
        }
    }

    // Zonitel's webhook registration API, as the binary serves it, through SMS Desk's client.
    void binaryServeZonitelApi()
    {
        const QString client = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SIM_ZONITEL_TOKEN"), QStringLiteral("zt-bin-42"));
        ServeProcess serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--zonitel-token-env"),
                            QStringLiteral("SIM_ZONITEL_TOKEN"),
                            QStringLiteral("--zonitel-client-id"), client},
                           environment);
        const quint16 port = serve.waitListening();
        QVERIFY2(port != 0, serve.output().constData());
        const QUrl base(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QNetworkAccessManager network;
        ZonitelWebhookRegistration registration(network);
        using Result = ZonitelWebhookRegistration::Result;
        auto call = [&](bool put, const QString& id, const QString& token) {
            std::optional<Result> result;
            auto done = [&result](const Result& r) { result = r; };
            if (put)
                registration.put(base, id, token, QStringLiteral("https://sms.example.com/hook"),
                                 &network, done);
            else
                registration.get(base, id, token, &network, done);
            if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
                qWarning("no answer from the simulator");
            return result.value_or(Result());
        };
        Result result = call(true, client, QStringLiteral("zt-bin-42"));
        QCOMPARE(result.outcome, Result::Outcome::Ok);
        result = call(false, client, QStringLiteral("zt-bin-42"));
        QCOMPARE(result.outcome, Result::Outcome::Ok);
        QCOMPARE(result.url, QStringLiteral("https://sms.example.com/hook"));
        QCOMPARE(call(false, client, QStringLiteral("zt-other")).httpStatus, 401);
        QCOMPARE(
            call(false, QStringLiteral("another-client"), QStringLiteral("zt-bin-42")).httpStatus,
            403);
        QTRY_COMPARE_WITH_TIMEOUT(serve.records().size(), 4, WaitMs);
        QCOMPARE(serve.records().at(0).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("zonitel-api"));
        QVERIFY(!serve.output().contains("zt-bin-42"));

        ServeProcess failing({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--zonitel-fail"), QStringLiteral("500")});
        const quint16 failingPort = failing.waitListening();
        QVERIFY2(failingPort != 0, failing.output().constData());
        std::optional<Result> failed;
        registration.get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(failingPort)), client,
                         QStringLiteral("any"), &network,
                         [&failed](const Result& r) { failed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), WaitMs);
        QCOMPARE(failed->outcome, Result::Outcome::ServerError);
        QCOMPARE(failed->message, QStringLiteral("An internal server error occurred"));
    }

    void binaryFireAll()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SIM_TEST_AUTH"), QStringLiteral("Bearer fire-token-7"));
        const RunResult result =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("all"),
                 QStringLiteral("--url"), baseUrl().toString(), QStringLiteral("--count"),
                 QStringLiteral("2"), QStringLiteral("--auth-header-env"),
                 QStringLiteral("SIM_TEST_AUTH"), QStringLiteral("--verbose")},
                environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("sent 8 requests: 8 answered 2xx, 0 failed (200: 8)\n"),
                 result.out.constData());
        int verboseLines = 0;
        for (const QByteArray& line : result.out.split('\n'))
            verboseLines += line.startsWith("200 POST http://127.0.0.1:") ? 1 : 0;
        QCOMPARE(verboseLines, 8);
        QVERIFY(!result.out.contains("fire-token-7"));
        QVERIFY(!result.err.contains("fire-token-7"));
        QCOMPARE(m_handler->requests.size(), 8);
        QMap<QByteArray, int> paths;
        for (const HttpRequest& request : m_handler->requests) {
            ++paths[request.path()];
            QCOMPARE(request.header("Authorization"), QByteArrayLiteral("Bearer fire-token-7"));
        }
        QCOMPARE(paths, (QMap<QByteArray, int>{{"/webhooks/android-gateway", 2},
                                               {"/webhooks/oncloud", 2},
                                               {"/webhooks/pbx", 2},
                                               {"/webhooks/zonitel", 2}}));
    }

    // The simulator matches the app: its default numbers pass `numbers add`'s validation, and
    // `fire --provider all` with them lands every message on its number (the listener refuses
    // unprovisioned numbers here, so an unassigned one would fail the run).
    void binaryFireAllMatchesTheApp()
    {
        test::TempDatabase temp;
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        auto directory = std::make_shared<NumberDirectory>();
        NumberRepository repository(temp.database().connection(), m_clock);
        for (const QString& provider : ProviderCatalog::ids()) {
            NumberDraft draft;
            draft.provider = provider;
            draft.number = WebhookSampleFactory::defaultNumber(provider);
            if (provider == u"android-gateway") {
                draft.number = QStringLiteral("+17705550042"); // the gateway names a device
                draft.deviceId = QString::number(WebhookSampleFactory::DefaultDeviceId);
                draft.sim = WebhookSampleFactory::DefaultSim;
            }
            const NumberValidator::Result result =
                NumberValidator(QStringLiteral("US")).validate(draft);
            QVERIFY2(result.ok(),
                     qPrintable(provider + QStringLiteral(": ") + result.firstError()));
            NumberRecord record = result.record;
            QVERIFY2(repository.insert(record), qPrintable(repository.lastError()));
            NumberDirectory::Entry entry;
            entry.number = record;
            directory->add(entry);
        }
        MessageWriter writer(temp.database(), m_clock);
        const ProviderRegistry providers;
        WebhookListener::Options options;
        options.unassigned = WebhookListener::UnassignedPolicy::Refuse;
        WebhookListener listener(writer, providers, m_clock, options);
        listener.setDirectory(directory);
        m_server->setHandler(&listener);
        const auto restore = qScopeGuard([this] { m_server->setHandler(m_handler.get()); });

        RunResult result =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("all"),
                 QStringLiteral("--url"), baseUrl().toString(), QStringLiteral("--count"),
                 QStringLiteral("3")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("sent 12 requests: 12 answered 2xx"), result.out.constData());
        result = run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("all"),
                      QStringLiteral("--status"), QStringLiteral("--url"), baseUrl().toString(),
                      QStringLiteral("--count"), QStringLiteral("3")});
        QVERIFY2(result.exitCode == 0, result.err.constData());

        QCOMPARE(temp.count(QStringLiteral("messages"), QStringLiteral("direction = 'inbound'")),
                 12);
        QCOMPARE(temp.count(QStringLiteral("messages"), QStringLiteral("number_id IS NULL")), 0);
        for (const QString& provider : ProviderCatalog::ids()) {
            QCOMPARE(temp.count(QStringLiteral("messages"),
                                QStringLiteral("provider = ? AND direction = 'inbound'"),
                                {provider}),
                     3);
        }
        // The status run: reports on three messages of each.
        QCOMPARE(temp.count(QStringLiteral("messages"),
                            QStringLiteral("direction = 'outbound' AND number_id IS NOT NULL")),
                 6);
        QTRY_COMPARE(
            temp.count(QStringLiteral("request_log"), QStringLiteral("response_status = 200")), 18);
    }

    // --number P=E164 gives each provider of --provider all its own DID.
    void binaryFireAllWithANumberPerProvider()
    {
        const RunResult result =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("all"),
                 QStringLiteral("--url"), baseUrl().toString(), QStringLiteral("--number"),
                 QStringLiteral("oncloud=+14045550101"), QStringLiteral("--number"),
                 QStringLiteral("pbx=+61299990102"), QStringLiteral("--number"),
                 QStringLiteral("zonitel=+14045550103"), QStringLiteral("--device-id"),
                 QStringLiteral("77")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(m_handler->requests.size(), 4);
        for (const HttpRequest& request : m_handler->requests) {
            const QByteArray path = request.path();
            if (path == "/webhooks/oncloud")
                QVERIFY2(request.body.contains("\"to\":\"+14045550101\""),
                         request.body.constData());
            else if (path == "/webhooks/pbx")
                QVERIFY2(request.body.contains("sms_number=61299990102"), request.body.constData());
            else if (path == "/webhooks/zonitel")
                QVERIFY2(request.body.contains("\"to\":\"+14045550103\""),
                         request.body.constData());
            else
                QVERIFY2(request.body.contains("\"device_id\":77"), request.body.constData());
        }
    }

    // Two runs, one after the other, do not send the same onCloud message: its payload has no
    // id, so a receiver takes equal timestamps (with equal sender and text) for one message.
    void binaryRunsDoNotRepeatOnCloudMessages()
    {
        for (int run = 0; run < 2; ++run) {
            const RunResult result =
                this->run({QStringLiteral("fire"), QStringLiteral("--provider"),
                           QStringLiteral("oncloud"), QStringLiteral("--url"), baseUrl().toString(),
                           QStringLiteral("--count"), QStringLiteral("12")});
            QVERIFY2(result.exitCode == 0, result.err.constData());
        }
        QCOMPARE(m_handler->requests.size(), 24);
        const ProviderRegistry registry;
        QSet<QString> keys;
        QSet<QString> timestamps;
        for (const HttpRequest& request : m_handler->requests) {
            const AdapterResult parsed =
                registry.adapterFor(QStringLiteral("oncloud"))->parse(request, AdapterContext());
            QVERIFY2(parsed.ok(), qPrintable(parsed.rejection().reason));
            keys.insert(dedupeKeyOf(parsed.events().constFirst()));
            timestamps.insert(QJsonDocument::fromJson(request.body)
                                  .object()
                                  .value(QStringLiteral("timestamp"))
                                  .toString());
        }
        QCOMPARE(keys.size(), 24);
        QCOMPARE(timestamps.size(), 24);
    }

    void binaryFireRetriesAndStatus()
    {
        const RunResult retries =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("pbx"),
                 QStringLiteral("--url"), baseUrl().toString(), QStringLiteral("--retries"),
                 QStringLiteral("2"), QStringLiteral("--number"), QStringLiteral("+14045559999")});
        QCOMPARE(retries.exitCode, 0);
        QCOMPARE(m_handler->requests.size(), 3);
        QCOMPARE(m_handler->requests.at(1).body, m_handler->requests.at(0).body);
        QCOMPARE(m_handler->requests.at(2).body, m_handler->requests.at(0).body);
        QVERIFY(m_handler->requests.at(0).body.contains("sms_number=14045559999"));
        // webhook_url says where the carrier posted.
        QVERIFY(m_handler->requests.at(0).body.contains(
            QUrl::toPercentEncoding(baseUrl().toString() + QStringLiteral("/webhooks/pbx"))));

        m_handler->requests.clear();
        const RunResult status =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("all"),
                 QStringLiteral("--status"), QStringLiteral("--url"), baseUrl().toString(),
                 QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--device-id"),
                 QStringLiteral("77"), QStringLiteral("--sim"), QStringLiteral("1")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(m_handler->requests.size(), 6);
        for (const HttpRequest& request : m_handler->requests) {
            QVERIFY2(request.path() == "/webhooks/zonitel" ||
                         request.path() == "/webhooks/android-gateway",
                     request.target.constData());
            if (request.path() == "/webhooks/android-gateway") {
                QVERIFY(request.body.contains("\"status_id\":"));
                QVERIFY(request.body.contains("\"sim\":1,\"device_id\":77}"));
            } else {
                QVERIFY(request.body.contains("\"direction\":\"outbound\""));
            }
        }
    }

    void binaryFireFails()
    {
        m_handler->answerFor = [](const HttpRequest&) { return 500; };
        const RunResult result =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("zonitel"),
                 QStringLiteral("--url"), baseUrl().toString(), QStringLiteral("--count"),
                 QStringLiteral("2")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("sent 2 requests: 0 answered 2xx, 2 failed (500: 2)"),
                 result.out.constData());
        QVERIFY2(result.err.contains("smsdesk-sim: fire: zonitel #0 (document example) failed: "
                                     "HTTP 500"),
                 result.err.constData());
    }

    void binaryFireAtServeFails()
    {
        // The outbound endpoint is no webhook listener: every webhook gets a 404.
        ServeProcess serve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        const quint16 port = serve.waitListening();
        QVERIFY(port != 0);
        const RunResult result =
            run({QStringLiteral("fire"), QStringLiteral("--provider"), QStringLiteral("oncloud"),
                 QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1").arg(port)});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("(404: 1)"), result.out.constData());
    }

    void binaryBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fragment");
        const QString url = QStringLiteral("http://127.0.0.1:9");
        QTest::newRow("no command") << QStringList() << "no command given";
        QTest::newRow("unknown command") << words("blast") << "unknown command \"blast\"";
        QTest::newRow("fire without provider")
            << words("fire --url URL", url) << "--provider is required";
        QTest::newRow("fire without url") << words("fire --provider pbx") << "--url is required";
        QTest::newRow("unknown provider")
            << words("fire --provider twilio --url URL", url) << "unknown provider \"twilio\"";
        QTest::newRow("ftp url") << words("fire --provider pbx --url ftp://h/x")
                                 << "is not an http or https URL";
        QTest::newRow("count 0") << words("fire --provider pbx --url URL --count 0", url)
                                 << "--count must be a whole number";
        QTest::newRow("count text") << words("fire --provider pbx --url URL --count many", url)
                                    << "--count must be a whole number";
        QTest::newRow("sim 2") << words("fire --provider android-gateway --url URL --sim 2", url)
                               << "--sim must be a whole number from 0 to 1";
        QTest::newRow("status for oncloud")
            << words("fire --provider oncloud --status --url URL", url)
            << "oncloud sends no status webhooks";
        QTest::newRow("number not E.164")
            << words("fire --provider oncloud --number 4045559999 --url URL", url)
            << "not in E.164 format";
        QTest::newRow("number for a provider not in the run")
            << words("fire --provider pbx --number oncloud=+14045559999 --url URL", url)
            << "--number oncloud=+14045559999: oncloud is not a provider of this run (pbx)";
        QTest::newRow("number for the gateway")
            << words("fire --provider all --number android-gateway=+14045559999 --url URL", url)
            << "the gateway names a device, not a number";
        QTest::newRow("a provider's number twice")
            << words("fire --provider all --number pbx=+61299990102 --number pbx=+61299990103 "
                     "--url URL",
                     url)
            << "--number: pbx is given twice";
        QTest::newRow("two numbers for every provider")
            << words("fire --provider all --number +14045550101 --number +14045550102 --url URL",
                     url)
            << "--number without a provider is given twice";
        QTest::newRow("a provider's number not E.164")
            << words("fire --provider all --number zonitel=4045559999 --url URL", url)
            << "not in E.164 format";
        QTest::newRow("auth env unset")
            << words("fire --provider zonitel --url URL --auth-header-env "
                     "SMSDESK_SIM_TEST_UNSET_VARIABLE",
                     url)
            << "\"SMSDESK_SIM_TEST_UNSET_VARIABLE\" is not set";
        QTest::newRow("unknown option") << words("fire --bogus") << "Unknown option 'bogus'";
        QTest::newRow("stray argument")
            << words("fire --provider pbx --url URL extra", url) << "unexpected argument \"extra\"";
        QTest::newRow("listen without port")
            << words("serve --listen 127.0.0.1") << "is not HOST:PORT";
        QTest::newRow("unknown code")
            << words("serve --fail WH-9") << "--fail \"WH-9\" is not a documented code";
        QTest::newRow("did with +")
            << words("serve --did +14045559999") << "must be 10 to 15 digits";
        QTest::newRow("secret env unset")
            << words("serve --secret-env SMSDESK_SIM_TEST_UNSET_VARIABLE") << "is not set or empty";
    }

    void binaryBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fragment);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("SMSDESK_SIM_TEST_UNSET_VARIABLE"));
        const RunResult result = run(arguments, environment);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.startsWith(QStringLiteral("smsdesk-sim: ")), qPrintable(err));
        QVERIFY2(err.contains(fragment), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1); // one line
        QVERIFY(m_handler->requests.isEmpty());
    }

    void binaryHelp()
    {
        for (const QString& command : {QStringLiteral("fire"), QStringLiteral("serve")}) {
            const RunResult result = run({command, QStringLiteral("--help")});
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.out.startsWith("Usage: smsdesk-sim " + command.toUtf8()),
                     result.out.constData());
        }
    }

private:
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
    }

    Reply post(const QByteArray& body, const QByteArray& path = "/webhook-to-sms.php")
    {
        QUrl url = baseUrl();
        url.setPath(QString::fromLatin1(path));
        return post(body, url);
    }

    Reply post(const QByteArray& body, const QUrl& url)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, WaitMs))
            return {};
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->rawHeader("Content-Type");
        result.body = reply->readAll();
        return result;
    }

    // Runs the binary to the end while this thread's event loop keeps serving m_server.
    RunResult run(const QStringList& arguments,
                  const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(simBinary(), arguments);
        RunResult result;
        if (!process.waitForStarted(WaitMs) ||
            !QTest::qWaitFor([&] { return !finished.isEmpty(); }, WaitMs * 3)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    std::unique_ptr<CapturingHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_network;
    Clock m_clock;
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
