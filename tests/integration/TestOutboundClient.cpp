// OnCloudOutboundClient over real sockets on 127.0.0.1: against the simulator's outbound
// endpoint (OutboundEndpoint on an HttpServer) for every documented code, 500/429, a slow
// answer, connections dropped before and after the request was read; against hand-written
// answers (not JSON, an unknown code, a 404, an echo of the secret); and against nothing at all
// (connection refused, a .invalid host, TLS to a plain HTTP server).

#include "OutboundEndpoint.h"
#include "http/HttpHandler.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"
#include "outbound/OnCloudOutboundClient.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

using namespace smsdesk;
using Outcome = SendResult::Outcome;

namespace {

constexpr int kWaitMs = 20000;
const QString kSecret = QStringLiteral("whsec-9f8e7d6c5b4a");

// Answers with whatever `answer` makes of the request.
class ScriptedHandler : public HttpHandler
{
public:
    std::function<HttpResponse(const HttpRequest&)> answer;
    QList<HttpRequest> requests;

    void handleRequest(const HttpRequest& request, HttpResponder responder) override
    {
        requests.append(request);
        responder.respond(answer(request));
    }
    void requestRejected(const HttpRequest&, const HttpResponse&, const QString&) override {}
};

OnCloudOutboundClient::Request request(const QString& text = QStringLiteral("Hello from the desk"))
{
    OnCloudOutboundClient::Request request;
    request.from = QStringLiteral("14045559999");
    request.to = QStringLiteral("17705551234");
    request.text = text;
    request.secret = kSecret;
    return request;
}

} // namespace

class TestOutboundClient : public QObject
{
    Q_OBJECT

    Clock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<OutboundEndpoint> m_endpoint;
    std::unique_ptr<OnCloudOutboundClient> m_client;

    QUrl serverBase(const QString& scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/").arg(scheme).arg(m_server->serverPort()));
    }

    SendResult send(const OnCloudOutboundClient::Request& what)
    {
        std::optional<SendResult> result;
        m_client->send(what, this, [&result](const SendResult& r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
            return {};
        return *result;
    }

    // Nothing in the result may carry the secret.
    static void checkNoSecret(const SendResult& result)
    {
        QVERIFY(!result.answer.contains(kSecret.toUtf8()));
        QVERIFY(!result.providerMessage.contains(kSecret));
        QVERIFY(!result.error.contains(kSecret));
        QVERIFY(!result.describe().contains(kSecret));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<HttpServer>();
        m_endpoint = std::make_unique<OutboundEndpoint>();
        m_endpoint->setSecret(kSecret);
        m_endpoint->setConfiguredDids({QStringLiteral("14045559999")});
        m_endpoint->attach(m_server.get());
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_client = std::make_unique<OnCloudOutboundClient>(m_network, m_clock);
        m_client->setBase(serverBase());
        m_client->setTimeoutMs(5000);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_endpoint.reset();
    }

    void acceptedWithTheCarrierId()
    {
        OnCloudOutboundClient::Request mms = request(QString());
        mms.mediaUrl = QStringLiteral("https://example.com/confirmation.jpg");
        const SendResult result = send(mms);
        QCOMPARE(result.outcome, Outcome::Accepted);
        QCOMPARE(result.httpStatus, 200);
        QVERIFY(result.requestSent);
        QCOMPARE(m_endpoint->records().size(), 1);
        const OutboundEndpoint::Record& record = m_endpoint->records().first();
        QCOMPARE(record.outcome, QStringLiteral("accepted")); // secret, Content-Type, digits: ok
        QCOMPARE(result.carrierId, record.carrierId);
        QVERIFY(result.carrierId.startsWith(QStringLiteral("bw-msg-")));
        QCOMPARE(record.from, QStringLiteral("14045559999"));
        QCOMPARE(record.to, QStringLiteral("17705551234"));
        QCOMPARE(record.mediaUrl, QStringLiteral("https://example.com/confirmation.jpg"));
        QCOMPARE(record.target, QStringLiteral("POST /webhook-to-sms.php"));
        QCOMPARE(result.url, QStringLiteral("%1webhook-to-sms.php").arg(serverBase().toString()));
        QVERIFY(result.latencyMs >= 0 && result.latencyMs < 5000);
        QVERIFY(result.startedAtMs > 0);
        checkNoSecret(result);
    }

    void everyDocumentedCode_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString& code : OutboundErrorCatalogue::codes())
            QTest::newRow(qPrintable(code)) << code;
    }

    void everyDocumentedCode()
    {
        QFETCH(QString, code);
        const SendResult result = send(request(QStringLiteral("[%1] hello").arg(code)));
        QCOMPARE(result.outcome, Outcome::Refused);
        QCOMPARE(result.httpStatus, 400);
        QCOMPARE(result.code, code);
        QVERIFY(result.providerMessage.endsWith(QStringLiteral("Error: [%1]").arg(code)));
        QVERIFY(!result.isTransient());
        QVERIFY(!result.isAmbiguous());
        QCOMPARE(m_endpoint->records().size(), 1);
        checkNoSecret(result);
    }

    void realRefusals()
    {
        // Each decided by the endpoint's own checks, not by a text prefix.
        OnCloudOutboundClient::Request wrongSecret = request();
        wrongSecret.secret = QStringLiteral("not-it");
        QCOMPARE(send(wrongSecret).code, QStringLiteral("WH-AUTH"));
        OnCloudOutboundClient::Request otherDid = request();
        otherDid.from = QStringLiteral("14045550000");
        QCOMPARE(send(otherDid).code, QStringLiteral("WH-3"));
        OnCloudOutboundClient::Request badTo = request();
        badTo.to = QStringLiteral("555");
        QCOMPARE(send(badTo).code, QStringLiteral("WH-2"));
        OnCloudOutboundClient::Request ftp = request();
        ftp.mediaUrl = QStringLiteral("ftp://example.com/a.jpg");
        QCOMPARE(send(ftp).code, QStringLiteral("WH-1"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::NoOutbound);
        QCOMPARE(send(request()).code, QStringLiteral("WH-23-4"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Inactive);
        QCOMPARE(send(request()).code, QStringLiteral("WH-23-2"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Active);
        m_endpoint->setMonthlyLimit(1);
        QCOMPARE(send(request()).outcome, Outcome::Accepted);
        QCOMPARE(send(request()).code, QStringLiteral("WH-23-3"));
    }

    void serverErrorsAreTransient()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::Http500, 1);
        SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 500);
        QVERIFY(result.isTransient());
        m_endpoint->setFault(OutboundEndpoint::Fault::Http429, 1);
        m_endpoint->setRetryAfterSeconds(2);
        result = send(request());
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 429);
        QVERIFY(result.isTransient());
        QCOMPARE(result.retryAfterMs, qint64(2000));
        // The faults were used up: the next one goes through.
        QCOMPARE(send(request()).outcome, Outcome::Accepted);
    }

    void slowAnswerIsNoAnswer()
    {
        m_endpoint->setDelayMs(1500);
        m_client->setTimeoutMs(300);
        const SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NoAnswer);
        QVERIFY(result.requestSent);
        QVERIFY(result.isAmbiguous());
        QVERIFY2(result.error.contains(QStringLiteral("no answer within 300 ms")),
                 qPrintable(result.error));
        QVERIFY2(result.latencyMs >= 300, qPrintable(QString::number(result.latencyMs)));
        // The endpoint did read it (and would have accepted it).
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(m_endpoint->acceptedCount(), 1);
    }

    void droppedAfterReadingIsNoAnswerAndNotSentTwice()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::DropAfterRead);
        const SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NoAnswer);
        QVERIFY(result.requestSent);
        QVERIFY(result.isAmbiguous());
        checkNoSecret(result);
        // QNetworkAccessManager sends a POST again on a new connection when the old one closed
        // before the answer; the client's body cannot be rewound, so it is not.
        QTest::qWait(500);
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(m_endpoint->records().first().outcome, QStringLiteral("dropped"));
        QCOMPARE(m_endpoint->records().first().text, QStringLiteral("Hello from the desk"));
    }

    void droppedBeforeReading()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::DropBeforeRead);
        // Plain HTTP: the request was written to the connection before the server closed it,
        // which the client cannot tell from a server that read it first: ambiguous.
        SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NoAnswer);
        QVERIFY(result.isAmbiguous());
        QTest::qWait(300);
        QCOMPARE(m_endpoint->acceptedCount(), 0);
        QVERIFY(!m_endpoint->records().isEmpty());
        for (const OutboundEndpoint::Record& record : m_endpoint->records())
            QCOMPARE(record.outcome, QStringLiteral("dropped"));

        // HTTPS: the connection closes during the TLS handshake, before the request could be
        // written: not sent, safe to send again.
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        m_client->setBase(serverBase(QStringLiteral("https")));
        result = send(request());
        QCOMPARE(result.outcome, Outcome::NotSent);
        QVERIFY(!result.requestSent);
        QVERIFY(result.isTransient());
        QVERIFY(!result.error.isEmpty());
    }

    void tlsToAPlainServerIsNotSent()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        m_client->setBase(serverBase(QStringLiteral("https")));
        const SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NotSent);
        QVERIFY(!result.requestSent);
        QVERIFY(result.isTransient());
        QCOMPARE(m_endpoint->acceptedCount(), 0);
    }

    void connectionRefusedIsNotSent()
    {
        const quint16 port = m_server->serverPort();
        m_server.reset();
        m_client->setBase(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        const SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NotSent);
        QVERIFY(!result.requestSent);
        QVERIFY(result.isTransient());
        QVERIFY2(result.describe().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(result.describe()));
        checkNoSecret(result);
    }

    void unknownHostIsNotSent()
    {
        m_client->setBase(QUrl(QStringLiteral("http://outbound.smsdesk-test.invalid/")));
        const SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::NotSent);
        QVERIFY(!result.requestSent);
        QVERIFY(result.isTransient());
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.describe().contains(QStringLiteral("outbound.smsdesk-test.invalid")));
    }

    void answersTheDocumentDoesNotShow()
    {
        ScriptedHandler handler;
        m_server->setHandler(&handler);

        // 200 but not JSON: the provider may have taken it.
        handler.answer = [](const HttpRequest&) {
            return HttpResponse(200, QByteArrayLiteral("OK"), "text/plain");
        };
        SendResult result = send(request());
        QCOMPARE(result.outcome, Outcome::BadAnswer);
        QVERIFY(result.isAmbiguous());
        QCOMPARE(result.answer, QByteArray("OK"));

        // A code the document does not list: refused, reported raw.
        handler.answer = [](const HttpRequest&) {
            return HttpResponse::json(400, "{\"status\":\"error\",\"message\":\"Carrier "
                                           "blocked. Error: [WH-77]\"}");
        };
        result = send(request());
        QCOMPARE(result.outcome, Outcome::Refused);
        QCOMPARE(result.code, QStringLiteral("WH-77"));
        QCOMPARE(result.providerMessage, QStringLiteral("Carrier blocked. Error: [WH-77]"));
        QVERIFY(!OutboundErrorCatalogue::find(result.code));

        // A 404 page from somewhere else: a final HTTP error, raw.
        handler.answer = [](const HttpRequest&) {
            return HttpResponse(404, QByteArrayLiteral("<html>Not Found</html>"), "text/html");
        };
        result = send(request());
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 404);
        QVERIFY(!result.isTransient());
        QVERIFY(result.describe().contains(QStringLiteral("HTTP 404: <html>Not Found</html>")));

        // A 502 from a proxy: transient.
        handler.answer = [](const HttpRequest&) {
            return HttpResponse(502, QByteArrayLiteral("Bad Gateway"), "text/plain");
        };
        QVERIFY(send(request()).isTransient());

        // A redirect is not followed (the POST is not sent anywhere else).
        handler.answer = [](const HttpRequest&) {
            HttpResponse response(301, QByteArray(), "text/plain");
            response.setHeader("Location", "http://127.0.0.1:9/webhook-to-sms.php");
            return response;
        };
        result = send(request());
        QCOMPARE(result.outcome, Outcome::HttpError);
        QCOMPARE(result.httpStatus, 301);

        // Success without an ID: accepted, no carrier id.
        handler.answer = [](const HttpRequest&) {
            return HttpResponse::json(200, "{\"status\":\"success\",\"message\":\"SMS Queued\"}");
        };
        result = send(request());
        QCOMPARE(result.outcome, Outcome::Accepted);
        QVERIFY(result.carrierId.isEmpty());

        // A server that echoes what it got: the secret is scrubbed from the result.
        handler.answer = [](const HttpRequest& request) {
            return HttpResponse(500, request.body, "application/json");
        };
        result = send(request());
        QVERIFY(result.answer.contains("[secret]"));
        checkNoSecret(result);

        // What went over the wire: one POST per send, the document's headers and body.
        QCOMPARE(handler.requests.size(), 7);
        const HttpRequest& sent = handler.requests.last();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path(), QByteArray("/webhook-to-sms.php"));
        QCOMPARE(sent.mediaType(), QByteArray("application/json"));
        QCOMPARE(sent.body, OnCloudOutboundClient::body(request()));
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value(QStringLiteral("secret")).toString(), kSecret);
        QVERIFY(!body.contains(QStringLiteral("media_url")));
        m_server->setHandler(m_endpoint.get());
    }

    void oneNetworkManagerForManySends()
    {
        // Sends in parallel through the one manager; each gets its own answer.
        QList<SendResult> results;
        for (int i = 0; i < 8; ++i) {
            m_client->send(request(QStringLiteral("message %1").arg(i)), this,
                           [&results](const SendResult& r) { results.append(r); });
        }
        QCOMPARE(m_client->inFlight(), 8);
        QVERIFY(QTest::qWaitFor([&] { return results.size() == 8; }, kWaitMs));
        QSet<QString> carrierIds;
        for (const SendResult& result : std::as_const(results)) {
            QCOMPARE(result.outcome, Outcome::Accepted);
            carrierIds.insert(result.carrierId);
        }
        QCOMPARE(carrierIds.size(), 8);
        QCOMPARE(m_client->inFlight(), 0);
    }

    void noCallbackAfterTheContextIsGone()
    {
        m_endpoint->setDelayMs(200);
        bool called = false;
        {
            QObject context;
            m_client->send(request(), &context, [&called](const SendResult&) { called = true; });
        }
        QTest::qWait(600);
        QVERIFY(!called);
        QCOMPARE(m_client->inFlight(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOutboundClient)
#include "TestOutboundClient.moc"
