// The HTTP layer over real sockets on 127.0.0.1: raw QTcpSocket clients write exact bytes and
// read the answers; a recording handler answers at once, later, or from another thread.

#include "HttpTestClient.h"
#include "http/HttpHandler.h"
#include "http/HttpLimits.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

using namespace smsdesk;

namespace {

constexpr int WaitMs = 5000;

using Response = test::HttpTestResponse;
using Client = test::HttpTestClient;

// Records every request and refusal. Answers with an echo at once unless `onRequest` is set.
class RecordingHandler : public HttpHandler
{
public:
    struct Rejection
    {
        HttpRequest request;
        int status = 0;
        QByteArray body;
        QString reason;
    };

    QList<HttpRequest> requests;
    QList<Rejection> rejections;
    std::function<void(const HttpRequest&, HttpResponder)> onRequest;

    static HttpResponse echo(const HttpRequest& request)
    {
        HttpResponse response(200, request.method + ' ' + request.target + ' ' + request.body,
                              "text/plain");
        response.addHeader("X-Body-Size", QByteArray::number(request.body.size()));
        return response;
    }

    void handleRequest(const HttpRequest& request, HttpResponder responder) override
    {
        requests.append(request);
        if (onRequest)
            onRequest(request, responder);
        else
            responder.respond(echo(request));
    }

    void requestRejected(const HttpRequest& partialRequest, const HttpResponse& response,
                         const QString& reason) override
    {
        rejections.append({partialRequest, response.status, response.body, reason});
    }
};

QByteArray post(const QByteArray& target, const QByteArray& body,
                const QByteArray& extraHeaders = {})
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray get(const QByteArray& target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

const QByteArray OnCloudJson =
    R"({"type":"sms.inbound","from":"+14045559999","to":"+14045550000","text":"Hello","media":[]})";

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void simplePost();
    void headRequestHasNoBody();
    void keepAliveSequentialRequests();
    void incrementalBytes();
    void pipelinedRequestsAnsweredInOrder();
    void chunkedBody();
    void expectContinueAccepted();
    void expectContinueRefusedTooLarge();
    void unsupportedExpectation();
    void http10ClosesAfterResponse();
    void http10KeepAlive();
    void connectionCloseRequest();
    void headersTooLarge();
    void headerBlockAtLimitAccepted();
    void tooManyHeaderFields();
    void contentLengthTooLarge();
    void bodyAtLimitAccepted();
    void chunkedBodyTooLarge();
    void slowHeaderTrickleTimesOut();
    void bodyTimeout();
    void keepAliveIdleClose();
    void silentConnectionClosed();
    void badRequests_data();
    void badRequests();
    void connectionLimit();
    void responderAfterClientDisconnect();
    void respondFromAnotherThread();
    void serverInItsOwnThread();
    void responseTimeout();
    void stopAcceptingDrains();
    void listenFailureExplains();

private:
    void startServer(const HttpLimits& limits);
    void verifyStillServing();
    void verifyRefused(const QByteArray& request, int status, const QString& error);

    std::unique_ptr<RecordingHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

void TestHttpServer::init()
{
    HttpLimits limits;
    limits.lingerTimeoutMs = 1000;
    startServer(limits);
}

void TestHttpServer::cleanup()
{
    m_server.reset();
    m_handler.reset();
}

void TestHttpServer::startServer(const HttpLimits& limits)
{
    m_server.reset();
    m_handler = std::make_unique<RecordingHandler>();
    m_server = std::make_unique<HttpServer>();
    m_server->setHandler(m_handler.get());
    m_server->setLimits(limits);
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    m_port = m_server->serverPort();
    QVERIFY(m_port != 0);
}

void TestHttpServer::verifyStillServing()
{
    Client client(m_port);
    client.send(get("/still-serving"));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("GET /still-serving "));
}

// A refused request: the status, a JSON error, "Connection: close", the server closes, the
// handler hears of it, and the next client is served.
void TestHttpServer::verifyRefused(const QByteArray& request, int status, const QString& error)
{
    Client client(m_port);
    client.send(request);
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY2(response->error().contains(error), qPrintable(response->error()));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    QCOMPARE(m_handler->rejections.first().status, status);
    QCOMPARE(m_handler->rejections.first().reason, response->error());
    QCOMPARE(m_handler->rejections.first().body, response->body);
    QVERIFY(m_handler->requests.isEmpty());
    verifyStillServing();
}

void TestHttpServer::simplePost()
{
    Client client(m_port);
    client.send(post("/webhooks/oncloud?x=1", OnCloudJson, "Authorization: Bearer abc\r\n"));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "POST /webhooks/oncloud?x=1 " + OnCloudJson);
    QCOMPARE(response->header("Content-Length"), QByteArray::number(response->body.size()));
    QCOMPARE(response->header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(response->header("Server"), QByteArray("smsdesk"));
    QVERIFY(response->header("Date").endsWith(" GMT"));
    QVERIFY(!response->hasHeader("Connection")); // HTTP/1.1 keep-alive: nothing to say

    QCOMPARE(m_handler->requests.size(), 1);
    const HttpRequest& request = m_handler->requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/webhooks/oncloud?x=1"));
    QCOMPARE(request.path(), QByteArray("/webhooks/oncloud"));
    QCOMPARE(request.versionMajor, 1);
    QCOMPARE(request.versionMinor, 1);
    QCOMPARE(request.mediaType(), QByteArray("application/json"));
    QCOMPARE(request.header("authorization"), QByteArray("Bearer abc"));
    QCOMPARE(request.headers.size(), 4);
    QCOMPARE(request.body, OnCloudJson);
    QCOMPARE(request.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(request.peerPort, client.socket().localPort());
    QVERIFY(qAbs(request.receivedAtMs - QDateTime::currentMSecsSinceEpoch()) < 10'000);
    QVERIFY(!client.isClosed());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpServer::headRequestHasNoBody()
{
    Client client(m_port);
    client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n" + get("/after"));
    const auto head = client.response(true);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("Content-Length"), QByteArray::number(QByteArray("HEAD /h ").size()));
    // No body bytes: the next bytes on the wire are the next response.
    const auto next = client.response();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("GET /after "));
}

void TestHttpServer::keepAliveSequentialRequests()
{
    Client client(m_port);
    for (int i = 0; i < 5; ++i) {
        const QByteArray body = "{\"n\":" + QByteArray::number(i) + '}';
        client.send(post("/seq", body));
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "POST /seq " + body);
    }
    QCOMPARE(m_handler->requests.size(), 5);
    QCOMPARE(m_server->connectionCount(), 1);
    QVERIFY(!client.isClosed());
}

void TestHttpServer::incrementalBytes()
{
    // Every byte in its own segment: the parser must resume exactly where it stopped.
    Client client(m_port);
    QVERIFY(client.waitConnected());
    const QByteArray request = post("/bytes", OnCloudJson);
    for (const char c : request) {
        client.send(QByteArray(1, c));
        QVERIFY(client.socket().bytesToWrite() == 0);
        QCoreApplication::processEvents();
    }
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->body, "POST /bytes " + OnCloudJson);
}

void TestHttpServer::pipelinedRequestsAnsweredInOrder()
{
    // The handler answers the first request late (timer) and the others at once; the answers
    // must still come back in request order. Requests of one connection reach the handler
    // one at a time: the second only after the first was answered.
    QList<QByteArray> events;
    m_handler->onRequest = [&events](const HttpRequest& request, HttpResponder responder) {
        events << "got " + request.target;
        if (request.target == "/1") {
            QTimer::singleShot(200, [responder, request, &events] {
                events << "answer /1";
                responder.respond(RecordingHandler::echo(request));
            });
        } else {
            events << "answer " + request.target;
            responder.respond(RecordingHandler::echo(request));
        }
    };
    Client client(m_port);
    client.send(post("/1", "one") + get("/2") + post("/3", "three") + get("/4"));
    const QList<QByteArray> expected = {"POST /1 one", "GET /2 ", "POST /3 three", "GET /4 "};
    for (const QByteArray& body : expected) {
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->body, body);
    }
    const QList<QByteArray> expectedEvents = {"got /1", "answer /1", "got /2", "answer /2",
                                              "got /3", "answer /3", "got /4", "answer /4"};
    QCOMPARE(events, expectedEvents);
    QVERIFY(client.received().isEmpty());
}

void TestHttpServer::chunkedBody()
{
    Client client(m_port);
    client.send("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5;ext=1\r\nhello\r\n"
                "6;name=\"quoted value\";flag\r\n world\r\n"
                "1\r\n!\r\n"
                "0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST /chunked hello world!"));
    const HttpRequest& request = m_handler->requests.first();
    QCOMPARE(request.body, QByteArray("hello world!"));
    // Trailers are read and dropped: the header list is what came before the body.
    QCOMPARE(request.headers.size(), 2);
    QVERIFY(!request.hasHeader("X-Trailer"));

    // The connection stays usable after a chunked body.
    client.send(get("/next"));
    const auto next = client.response();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("GET /next "));
}

void TestHttpServer::expectContinueAccepted()
{
    Client client(m_port);
    client.send("POST /expect HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n"
                "\r\n");
    const auto interim = client.response();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    QVERIFY(m_handler->requests.isEmpty());
    client.send("hello");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST /expect hello"));
}

void TestHttpServer::expectContinueRefusedTooLarge()
{
    Client client(m_port);
    client.send("POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                "Content-Length: 2000000\r\n\r\n");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 413); // no "100 Continue" came first
    QCOMPARE(response->error(),
             QStringLiteral("request body of 2000000 bytes exceeds 1048576 bytes"));
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    const HttpRequest& partial = m_handler->rejections.first().request;
    QCOMPARE(partial.method, QByteArray("POST"));
    QCOMPARE(partial.target, QByteArray("/big"));
    QCOMPARE(partial.header("Expect"), QByteArray("100-continue"));
    QVERIFY(partial.body.isEmpty());
    verifyStillServing();
}

void TestHttpServer::unsupportedExpectation()
{
    verifyRefused("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx", 417,
                  QStringLiteral("unsupported expectation \"magic\""));
    if (QTest::currentTestFailed())
        return;
}

void TestHttpServer::http10ClosesAfterResponse()
{
    Client client(m_port);
    client.send("GET /old HTTP/1.0\r\n\r\n");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->requests.first().versionMinor, 0);
}

void TestHttpServer::http10KeepAlive()
{
    Client client(m_port);
    const QByteArray request = "POST /old HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2"
                               "\r\n\r\nhi";
    for (int i = 0; i < 2; ++i) {
        client.send(request);
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("POST /old hi"));
        QCOMPARE(response->header("Connection"), QByteArray("keep-alive"));
    }
    QVERIFY(!client.isClosed());
}

void TestHttpServer::connectionCloseRequest()
{
    // "Connection: close" ends the connection after its answer; a pipelined request behind it
    // is not answered.
    Client client(m_port);
    client.send("GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + get("/ignored"));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QVERIFY(client.received().isEmpty());
    QCOMPARE(m_handler->requests.size(), 1);
}

void TestHttpServer::headersTooLarge()
{
    const QByteArray request =
        "POST /large HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(17 * 1024, 'a') + "\r\n\r\n";
    verifyRefused(request, 431, QStringLiteral("request headers exceed 16384 bytes"));
    if (QTest::currentTestFailed())
        return;
    const HttpRequest& partial = m_handler->rejections.first().request;
    QCOMPARE(partial.method, QByteArray("POST"));
    QCOMPARE(partial.target, QByteArray("/large"));
    QCOMPARE(partial.header("Host"), QByteArray("x"));
}

void TestHttpServer::headerBlockAtLimitAccepted()
{
    // Exactly 16384 bytes from the request line to the blank line is accepted.
    const QByteArray head = "GET /edge HTTP/1.1\r\nHost: x\r\nX-Pad: ";
    const qsizetype padding = 16384 - head.size() - 4;
    const QByteArray request = head + QByteArray(padding, 'p') + "\r\n\r\n";
    QCOMPARE(request.size(), 16384);
    Client client(m_port);
    client.send(request);
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_handler->requests.first().header("X-Pad").size(), padding);
    m_handler->requests.clear();

    verifyRefused("GET /edge HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(padding + 1, 'p') +
                      "\r\n\r\n",
                  431, QStringLiteral("request headers exceed 16384 bytes"));
    if (QTest::currentTestFailed())
        return;
}

void TestHttpServer::tooManyHeaderFields()
{
    QByteArray hundred;
    for (int i = 1; i < 100; ++i) // + Host = 100 fields
        hundred += "X-Field-" + QByteArray::number(i) + ": v\r\n";
    Client client(m_port);
    client.send("GET /100 HTTP/1.1\r\nHost: x\r\n" + hundred + "\r\n");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_handler->requests.first().headers.size(), 100);
    m_handler->requests.clear();

    verifyRefused("GET /101 HTTP/1.1\r\nHost: x\r\n" + hundred + "X-One-Too-Many: v\r\n\r\n", 431,
                  QStringLiteral("more than 100 header fields"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_handler->rejections.first().request.headers.size(), 100);
}

void TestHttpServer::contentLengthTooLarge()
{
    // Only the head is sent: the 413 must come without waiting for the body.
    verifyRefused("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", 413,
                  QStringLiteral("request body of 1048577 bytes exceeds 1048576 bytes"));
    if (QTest::currentTestFailed())
        return;
}

void TestHttpServer::bodyAtLimitAccepted()
{
    const QByteArray body(1024 * 1024, 'b');
    Client client(m_port);
    client.send(post("/max", body));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("X-Body-Size"), QByteArray("1048576"));
    QCOMPARE(m_handler->requests.first().body, body);
}

void TestHttpServer::chunkedBodyTooLarge()
{
    Client client(m_port);
    client.send("POST /grow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'c') + "\r\n";
    for (int i = 0; i < 20 && !client.isClosed() && client.received().isEmpty(); ++i) {
        client.send(chunk);
        QCoreApplication::processEvents();
    }
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(response->error(), QStringLiteral("request body exceeds 1048576 bytes"));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    // The 17th chunk is refused from its size line: the partial body holds 16 whole chunks.
    QCOMPARE(m_handler->rejections.first().request.body.size(), 16 * 0x10000);
    QVERIFY(m_handler->requests.isEmpty());
    verifyStillServing();
}

void TestHttpServer::slowHeaderTrickleTimesOut()
{
    HttpLimits limits;
    limits.headerTimeoutMs = 300;
    limits.lingerTimeoutMs = 500;
    startServer(limits);

    // A byte every 50 ms: the whole head would take over 4 s; the deadline, counted from the
    // first byte and not moved by later ones, cuts it off after 300 ms.
    const QByteArray request = "POST /slow HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(40, 's') +
                               "\r\nContent-Length: 0\r\n\r\n";
    Client client(m_port);
    QVERIFY(client.waitConnected());
    qsizetype sent = 0;
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, [&] {
        if (sent < request.size() && !client.isClosed())
            client.send(request.mid(sent++, 1));
    });
    QElapsedTimer elapsed;
    elapsed.start();
    trickle.start(50);
    const auto response = client.response();
    trickle.stop();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QCOMPARE(response->error(), QStringLiteral("request headers not received within 300 ms"));
    QVERIFY2(elapsed.elapsed() >= 250 && elapsed.elapsed() < 2000,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(sent < request.size());
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    QCOMPARE(m_handler->rejections.first().request.method, QByteArray("POST"));
    verifyStillServing();
}

void TestHttpServer::bodyTimeout()
{
    HttpLimits limits;
    limits.bodyTimeoutMs = 300;
    startServer(limits);

    Client client(m_port);
    client.send("POST /partial HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QCOMPARE(response->error(), QStringLiteral("request body not received within 300 ms"));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    QCOMPARE(m_handler->rejections.first().request.body, QByteArray("abc"));
    QCOMPARE(m_handler->rejections.first().request.target, QByteArray("/partial"));
    verifyStillServing();
}

void TestHttpServer::keepAliveIdleClose()
{
    HttpLimits limits;
    limits.keepAliveTimeoutMs = 300;
    startServer(limits);

    Client client(m_port);
    client.send(get("/once"));
    QVERIFY(client.response());
    QElapsedTimer idle;
    idle.start();
    QVERIFY(client.waitClosed());
    QVERIFY2(idle.elapsed() >= 250, qPrintable(QString::number(idle.elapsed())));
    QVERIFY(client.received().isEmpty()); // closed silently
    QVERIFY(m_handler->rejections.isEmpty());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::silentConnectionClosed()
{
    // A connection that never sends a byte is closed after the header timeout, silently.
    HttpLimits limits;
    limits.headerTimeoutMs = 300;
    startServer(limits);
    Client client(m_port);
    QVERIFY(client.waitConnected());
    QVERIFY(client.waitClosed());
    QVERIFY(client.received().isEmpty());
    QVERIFY(m_handler->rejections.isEmpty());
}

void TestHttpServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("method");

    const QByteArray head = "POST /bad HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("Content-Length with Transfer-Encoding")
        << head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        << 400 << QStringLiteral("Content-Length can't be present with Transfer-Encoding")
        << QByteArray("POST");
    QTest::newRow("Transfer-Encoding with Content-Length")
        << head + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"
        << 400 << QStringLiteral("Content-Length can't be present with Transfer-Encoding")
        << QByteArray("POST");
    QTest::newRow("two different Content-Lengths")
        << head + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!" << 400
        << QStringLiteral("Duplicate Content-Length") << QByteArray("POST");
    QTest::newRow("negative Content-Length")
        << head + "Content-Length: -5\r\n\r\nhello" << 400 << QStringLiteral("Content-Length")
        << QByteArray("POST");
    QTest::newRow("non-numeric Content-Length")
        << head + "Content-Length: five\r\n\r\nhello" << 400 << QStringLiteral("Content-Length")
        << QByteArray("POST");
    QTest::newRow("bad chunk size")
        << head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"
        << 400 << QStringLiteral("chunk size") << QByteArray("POST");
    QTest::newRow("chunk without CRLF")
        << head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n"
        << 400 << QStringLiteral("malformed request") << QByteArray("POST");
    QTest::newRow("garbage request line") << QByteArray("HELLO THERE\r\n\r\n") << 400
                                          << QStringLiteral("malformed request") << QByteArray();
    QTest::newRow("binary garbage")
        << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400
        << QStringLiteral("malformed request") << QByteArray();
    QTest::newRow("space in header name")
        << head + "Bad Header: x\r\n\r\n"
        << 400 << QStringLiteral("malformed request") << QByteArray("POST");
    QTest::newRow("transfer coding other than chunked")
        << head + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
        << 501 << QStringLiteral("transfer coding \"gzip, chunked\" is not supported")
        << QByteArray("POST");
    QTest::newRow("Transfer-Encoding without chunked")
        << head + "Transfer-Encoding: gzip\r\n\r\nabc" << 501
        << QStringLiteral("transfer coding \"gzip\" is not supported") << QByteArray("POST");
    QTest::newRow("space before colon")
        << head + "Content-Length : 5\r\n\r\nhello" << 400 << QStringLiteral("malformed request")
        << QByteArray("POST");
    QTest::newRow("bare LF line ends") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 400
                                       << QStringLiteral("malformed request") << QByteArray("GET");
    QTest::newRow("control character in header value")
        << head + "X-Bad: a\x01b\r\n\r\n"
        << 400 << QStringLiteral("malformed request") << QByteArray("POST");
    QTest::newRow("HTTP/2.0 request line")
        << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505
        << QStringLiteral("HTTP version 2.0 is not supported") << QByteArray("GET");
}

void TestHttpServer::badRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QByteArray, method);
    verifyRefused(request, status, error);
    if (QTest::currentTestFailed())
        return;
    const HttpRequest& partial = m_handler->rejections.first().request;
    QCOMPARE(partial.method, method);
    QCOMPARE(partial.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(partial.receivedAtMs > 0);
}

void TestHttpServer::connectionLimit()
{
    HttpLimits limits;
    limits.maxConnections = 3;
    startServer(limits);
    QSignalSpy refused(m_server.get(), &HttpServer::connectionRefused);

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<Client>(m_port));
        QVERIFY(clients.back()->waitConnected());
    }
    QTRY_COMPARE(m_server->connectionCount(), 3);

    Client fourth(m_port);
    fourth.send(get("/fourth"));
    QVERIFY(fourth.waitClosed());
    QVERIFY(fourth.received().isEmpty());
    QCOMPARE(refused.size(), 1);
    QCOMPARE(m_server->connectionCount(), 3);

    for (const auto& client : clients) { // the first three keep working
        client->send(get("/kept"));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    clients.front()->socket().disconnectFromHost();
    QTRY_COMPARE(m_server->connectionCount(), 2);
    verifyStillServing();
    QCOMPARE(refused.size(), 1);
}

void TestHttpServer::responderAfterClientDisconnect()
{
    QList<HttpResponder> held;
    m_handler->onRequest = [&held](const HttpRequest&, HttpResponder responder) {
        held.append(responder);
    };
    {
        Client client(m_port);
        client.send(post("/held", "x"));
        QTRY_COMPARE(held.size(), 1);
        QVERIFY(held.first().isConnected());
        client.socket().abort();
    }
    QTRY_COMPARE(m_server->connectionCount(), 0);
    QVERIFY(!held.first().isConnected());
    held.first().respond(HttpResponse(200, "late"));
    QVERIFY(held.first().hasResponded());
    QTest::qWait(50);                           // let anything posted run
    HttpResponder().respond(HttpResponse(200)); // a null responder is harmless too
    m_handler->onRequest = nullptr;
    verifyStillServing();
}

void TestHttpServer::respondFromAnotherThread()
{
    // The listener answers after a commit on another thread: respond() from there.
    std::vector<std::thread> workers;
    m_handler->onRequest = [&workers](const HttpRequest& request, HttpResponder responder) {
        workers.emplace_back([responder, request] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            responder.respond(RecordingHandler::echo(request));
            responder.respond(HttpResponse(500)); // ignored: once only
        });
    };
    Client client(m_port);
    client.send(post("/threaded", "1") + post("/threaded", "2"));
    for (const QByteArray& body : {QByteArray("1"), QByteArray("2")}) {
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "POST /threaded " + body);
    }
    for (std::thread& worker : workers)
        worker.join();
    QTest::qWait(20);
    QVERIFY(client.received().isEmpty()); // the second respond() wrote nothing
}

void TestHttpServer::serverInItsOwnThread()
{
    m_server.reset();
    QThread thread;
    thread.start();
    auto* server = new HttpServer;
    server->setHandler(m_handler.get());
    QList<HttpResponder> held;
    QThread* handlerThread = nullptr;
    m_handler->onRequest = [&](const HttpRequest&, HttpResponder responder) {
        handlerThread = QThread::currentThread();
        held.append(responder); // answered from the test (main) thread below
    };
    server->moveToThread(&thread);
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [server, &port] {
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(port != 0);

    Client client(port);
    client.send(post("/in-thread", "x"));
    QTRY_COMPARE(held.size(), 1);
    QCOMPARE(handlerThread, &thread);
    held.first().respond(HttpResponse(202, "queued"));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 202);
    QCOMPARE(response->body, QByteArray("queued"));

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    QVERIFY(client.waitClosed());
}

void TestHttpServer::responseTimeout()
{
    HttpLimits limits;
    limits.responseTimeoutMs = 300;
    startServer(limits);
    QList<HttpResponder> held;
    m_handler->onRequest = [&held](const HttpRequest&, HttpResponder responder) {
        held.append(responder);
    };
    Client client(m_port);
    client.send(post("/stuck", "x"));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 503);
    QCOMPARE(response->error(), QStringLiteral("no response within 300 ms"));
    QVERIFY(client.waitClosed());
    QCOMPARE(m_handler->rejections.size(), 1);
    QCOMPARE(m_handler->rejections.first().request.body, QByteArray("x"));
    QVERIFY(!held.first().isConnected());
    held.first().respond(HttpResponse(200, "too late")); // ignored
}

void TestHttpServer::stopAcceptingDrains()
{
    QList<HttpResponder> held;
    m_handler->onRequest = [&held](const HttpRequest&, HttpResponder responder) {
        held.append(responder);
    };
    Client busy(m_port);
    busy.send(post("/in-flight", "x"));
    QTRY_COMPARE(held.size(), 1);
    Client idle(m_port);
    QVERIFY(idle.waitConnected());
    QTRY_COMPARE(m_server->connectionCount(), 2);
    QCOMPARE(m_server->inFlightCount(), 1);

    QSignalSpy drained(m_server.get(), &HttpServer::drained);
    QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
    m_server->stopAccepting();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!m_server->isListening());
    QVERIFY(idle.waitClosed());
    QVERIFY(idle.received().isEmpty());
    QCOMPARE(drained.size(), 0);

    held.first().respond(HttpResponse(200, "done"));
    const auto response = busy.response();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("done"));
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(busy.waitClosed());
    QVERIFY(drained.wait(WaitMs) || drained.size() == 1);
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::listenFailureExplains()
{
    HttpServer second;
    QString reason;
    QVERIFY(!second.listen(QHostAddress::LocalHost, m_port, &reason));
    QVERIFY2(reason.contains(QStringLiteral("already in use")), qPrintable(reason));
    QCOMPARE(second.errorString(), reason);
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "TestHttpServer.moc"
