// HTTP layer micro-benchmark (not run by ctest).
//
//   bench_http_server [--connections N] [--requests R] [--idle K]
//       Server in its own thread; N client threads send R small keep-alive JSON POSTs each
//       (one at a time per connection) and the requests per second are printed. With --idle,
//       K further connections stay open and idle, so the deadline sweep has K more entries.
//   bench_http_server --serve PORT
//       Only the server, on 127.0.0.1:PORT, answering {"ok":true}: point wrk at it.
//   bench_http_server --timer-cost
//       What a timer per connection would cost: restarting one of 1024 running QTimers (what
//       every request would do, up to three times) against reading the monotonic clock and
//       storing a deadline (what the periodic sweep needs per request).

#include "http/HttpConnection.h"
#include "http/HttpHandler.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace smsdesk;

namespace {

class OkHandler : public HttpHandler
{
public:
    void handleRequest(const HttpRequest&, HttpResponder responder) override
    {
        responder.respond(HttpResponse::json(200, QByteArrayLiteral("{\"ok\":true}")));
    }
    void requestRejected(const HttpRequest&, const HttpResponse&, const QString&) override {}
};

const QByteArray Request = "POST /webhooks/oncloud HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Type: application/json\r\nContent-Length: 57\r\n\r\n"
                           "{\"event\":\"sms.inbound\",\"from\":\"+17705551234\",\"text\":\"Hi\"}";

// Reads one response (headers + Content-Length body) off a blocking socket.
bool readResponse(QTcpSocket& socket, QByteArray& buffer)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = buffer.indexOf("Content-Length: ");
            const qsizetype length =
                at >= 0 ? buffer.mid(at + 16, buffer.indexOf('\r', at) - at - 16).toLongLong() : 0;
            if (buffer.size() >= end + 4 + length) {
                buffer.remove(0, end + 4 + length);
                return true;
            }
        }
        if (!socket.waitForReadyRead(10'000))
            return false;
        buffer += socket.readAll();
    }
}

int timerCost()
{
    constexpr int Timers = 1024;
    constexpr int Operations = 1'000'000;
    std::vector<std::unique_ptr<QTimer>> timers;
    for (int i = 0; i < Timers; ++i) {
        timers.push_back(std::make_unique<QTimer>());
        timers.back()->setSingleShot(true);
        timers.back()->start(10'000 + i);
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < Operations; ++i)
        timers[size_t(i % Timers)]->start(10'000);
    const double timerNs = double(elapsed.nsecsElapsed()) / Operations;

    std::vector<qint64> deadlines(Timers);
    elapsed.restart();
    for (int i = 0; i < Operations; ++i)
        deadlines[size_t(i % Timers)] = HttpConnection::monotonicNowMs() + 10'000;
    const double deadlineNs = double(elapsed.nsecsElapsed()) / Operations;

    elapsed.restart();
    constexpr int Sweeps = 10'000;
    int expired = 0;
    for (int s = 0; s < Sweeps; ++s) {
        const qint64 now = HttpConnection::monotonicNowMs();
        for (const qint64 deadline : deadlines)
            expired += deadline <= now ? 1 : 0;
    }
    const double sweepUs = double(elapsed.nsecsElapsed()) / Sweeps / 1000.0;
    std::printf("restart one of %d running QTimers: %.0f ns\n"
                "store a deadline (monotonic clock): %.0f ns\n"
                "scan %d deadlines (one sweep, flat array): %.2f us (%d expired)\n",
                Timers, timerNs, deadlineNs, Timers, sweepUs, expired);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&args](const QString& name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };

    if (args.contains(QStringLiteral("--timer-cost")))
        return timerCost();

    OkHandler handler;
    if (args.contains(QStringLiteral("--serve"))) {
        HttpServer server;
        server.setHandler(&handler);
        if (!server.listen(QHostAddress::LocalHost,
                           quint16(option(QStringLiteral("--serve"), 8080)))) {
            std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
            return 1;
        }
        std::printf("serving on 127.0.0.1:%u\n", server.serverPort());
        std::fflush(stdout);
        return app.exec();
    }

    const int connections = option(QStringLiteral("--connections"), 8);
    const int requests = option(QStringLiteral("--requests"), 20'000);
    const int idle = option(QStringLiteral("--idle"), 0);

    QThread serverThread;
    serverThread.start();
    auto* server = new HttpServer;
    server->setHandler(&handler);
    server->moveToThread(&serverThread);
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [server, &port] {
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (port == 0)
        return 1;

    std::vector<std::unique_ptr<QTcpSocket>> idleSockets;
    for (int i = 0; i < idle; ++i) {
        idleSockets.push_back(std::make_unique<QTcpSocket>());
        idleSockets.back()->connectToHost(QHostAddress::LocalHost, port);
        idleSockets.back()->waitForConnected();
    }

    std::atomic<int> failures{0};
    QElapsedTimer elapsed;
    elapsed.start();
    std::vector<std::thread> clients;
    for (int c = 0; c < connections; ++c) {
        clients.emplace_back([&] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected()) {
                ++failures;
                return;
            }
            QByteArray buffer;
            for (int r = 0; r < requests; ++r) {
                socket.write(Request);
                socket.flush();
                if (!readResponse(socket, buffer)) {
                    std::fprintf(stderr, "no response to request %d: %s\n", r,
                                 qPrintable(socket.errorString()));
                    ++failures;
                    return;
                }
            }
        });
    }
    for (std::thread& client : clients)
        client.join();
    const double seconds = double(elapsed.nsecsElapsed()) / 1e9;
    std::printf("%d connections x %d requests (%d idle connections): %.0f req/s, %d failures\n",
                connections, requests, idle, connections * requests / seconds, failures.load());

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return failures.load() == 0 ? 0 : 1;
}
