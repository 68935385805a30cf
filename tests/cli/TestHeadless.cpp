// `smsdesk --headless` as the built binary (SMSDESK_SMSDESK_BINARY) in a private HOME/XDG
// tree against a real SQLite file: the listening line, a line per request, a graceful stop on
// SIGTERM with a request in flight, and durability: the process is killed with SIGKILL under
// load, restarted, and every message it acknowledged is found exactly once. Also the format
// of that line per request (RequestLogLine). The media archive: an onCloud MMS it stores has its
// picture kept in the folder beside the store, fetched from a loopback server.

#include "HttpTestClient.h"
#include "MediaTestServer.h"
#include "listener/RequestLogLine.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <csignal>
#include <memory>
#include <vector>

using namespace smsdesk;
using test::HttpTestClient;
using test::HttpTestResponse;

namespace {

constexpr int StartMs = 15000;

QByteArray pbxRequest(const QByteArray& messageId, const QByteArray& connection = {})
{
    const QByteArray body = "service_id=100234&from=61412345678&sms_number=61299999999"
                            "&body=Load%20test%20" +
                            messageId + "&message_id=" + messageId + "&timestamp=1576391654";
    return HttpTestClient::post("/webhooks/pbx", body, "application/x-www-form-urlencoded",
                                connection);
}

} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

    QString m_binary;
    std::unique_ptr<QTemporaryDir> m_root;

    QString dbPath() const { return m_root->filePath(QStringLiteral("smsdesk.sqlite")); }

    std::unique_ptr<QProcess> startHeadless(const QStringList& extra = {})
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_root->filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_root->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root->filePath(QStringLiteral("config")));
        process->setProcessEnvironment(env);
        process->start(m_binary,
                       QStringList{QStringLiteral("--headless"), QStringLiteral("--db"), dbPath(),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                           extra);
        return process;
    }

    // The port from the `listening on http://127.0.0.1:PORT` line; 0 when it never came.
    quint16 waitListening(QProcess& process, QByteArray* output)
    {
        const QRegularExpression line(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)\n"));
        quint16 port = 0;
        (void)QTest::qWaitFor(
            [&] {
                *output += process.readAllStandardOutput();
                const auto match = line.match(QString::fromUtf8(*output));
                if (match.hasMatch())
                    port = quint16(match.captured(1).toUInt());
                return port != 0 || process.state() == QProcess::NotRunning;
            },
            StartMs);
        return port;
    }

    // provider_message_id -> rows, read from the file after the process is gone.
    QHash<QString, int> storedIds()
    {
        QHash<QString, int> ids;
        QString error;
        DatabaseConfig config;
        if (!DatabaseConfig::fromArgument(dbPath(), &config, &error)) {
            qWarning("bad store path: %s", qPrintable(error));
            return ids;
        }
        Database database(config);
        if (!database.open(&error)) {
            qWarning("cannot open the store: %s", qPrintable(error));
            return ids;
        }
        QSqlQuery query(database.connection());
        query.exec(QStringLiteral("SELECT provider_message_id FROM messages"));
        while (query.next())
            ++ids[query.value(0).toString()];
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("SMSDESK_SMSDESK_BINARY");
        QVERIFY2(!m_binary.isEmpty(), "SMSDESK_SMSDESK_BINARY is not set: run through ctest");
    }

    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
    }

    void logsRequestsAndStopsGracefully()
    {
        auto process = startHeadless();
        QByteArray output;
        const quint16 port = waitListening(*process, &output);
        QVERIFY2(port != 0, process->readAllStandardError().constData());

        HttpTestClient first(port);
        first.send(pbxRequest("6f1c7a3e-0000-4000-8000-000000000001"));
        auto response = first.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);

        // A request in flight when SIGTERM arrives is still answered (and stored).
        HttpTestClient inFlight(port);
        const QByteArray request = pbxRequest("6f1c7a3e-0000-4000-8000-000000000002");
        inFlight.send(request.left(request.size() - 10));
        QVERIFY(inFlight.waitReadByServer());
        ::kill(pid_t(process->processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor(
            [&] {
                output += process->readAllStandardOutput();
                return output.contains("stopping");
            },
            StartMs));
        inFlight.send(request.right(10));
        response = inFlight.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Connection"), QByteArray("close"));

        QVERIFY(process->waitForFinished(StartMs));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
        output += process->readAllStandardOutput();
        const QString log = QString::fromUtf8(output);
        QVERIFY2(log.contains(QRegularExpression(
                     QStringLiteral("Z 127\\.0\\.0\\.1:\\d+ POST /webhooks/pbx 200 unassigned "))),
                 qPrintable(log));
        QCOMPARE(log.count(QStringLiteral("POST /webhooks/pbx 200")), 2);
        QVERIFY(log.trimmed().endsWith(QStringLiteral("stopped")));
        // Nothing listens any more.
        HttpTestClient late(port);
        QVERIFY(!late.waitConnected() || late.waitClosed());

        const QHash<QString, int> ids = storedIds();
        QCOMPARE(ids.size(), 2);
    }

    // The archive runs headless too: the picture of an MMS it stored is kept beside the store.
    void keepsTheMediaOfWhatItStores()
    {
        test::MediaTestServer media;
        QVERIFY(media.listen());
        const QByteArray png = test::MediaTestServer::png(32, 24);
        test::MediaTestServer::Route route;
        route.contentType = "image/png";
        route.body = png;
        media.setRoute(QStringLiteral("/uploads/wh_1.png"), route);

        auto process = startHeadless();
        QByteArray output;
        const quint16 port = waitListening(*process, &output);
        QVERIFY2(port != 0, process->readAllStandardError().constData());
        const QByteArray body = "{\"event\": \"sms.inbound\", \"from\": \"+17705551234\", \"to\": "
                                "\"+14045559999\", \"text\": \"the photo\", \"media\": [\"" +
                                media.url(QStringLiteral("/uploads/wh_1.png")).toEncoded() +
                                "\"], \"timestamp\": \"2026-02-13T14:30:00-05:00\"}";
        HttpTestClient client(port);
        client.send(HttpTestClient::post("/webhooks/oncloud", body, "application/json"));
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);

        const QDir archive(m_root->filePath(QStringLiteral("smsdesk.media")));
        QVERIFY2(QTest::qWaitFor([&archive] { return !archive.entryList(QDir::Files).isEmpty(); },
                                 StartMs),
                 qPrintable(QString::fromUtf8(process->readAllStandardError())));
        const QStringList files = archive.entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY(files.at(0).endsWith(QLatin1String(".png")));
        QFile file(archive.filePath(files.at(0)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), png);
        QCOMPARE(media.hits(QStringLiteral("/uploads/wh_1.png")), 1);

        ::kill(pid_t(process->processId()), SIGTERM);
        QVERIFY(process->waitForFinished(StartMs));
        QCOMPARE(process->exitCode(), 0);
    }

    void logLineFormat()
    {
        ListenerEvent event;
        event.receivedAtMs = 1771011000123; // 2026-02-13T19:30:00.123Z
        event.peer = QStringLiteral("203.0.113.5:53211");
        event.method = QStringLiteral("POST");
        event.target = QStringLiteral("/webhooks/oncloud");
        event.status = 200;
        event.outcome = ListenerEvent::accepted();
        event.latencyUs = 1254;
        event.did = QStringLiteral("+14045559999");
        event.remote = QStringLiteral("+17705551234");
        RequestLogLine line;
        QCOMPARE(line.format(event),
                 QStringLiteral("2026-02-13T19:30:00.123Z 203.0.113.5:53211 POST "
                                "/webhooks/oncloud 200 accepted 1.25 ms +17705551234 -> "
                                "+14045559999"));

        // The same second reuses its text; the milliseconds and the next second do not.
        event.receivedAtMs = 1771011000007;
        event.latencyUs = 5; // rounds up to 0.01 ms
        QVERIFY(line.format(event).startsWith(
            QLatin1String("2026-02-13T19:30:00.007Z 203.0.113.5:53211 POST /webhooks/oncloud "
                          "200 accepted 0.01 ms ")));
        event.receivedAtMs = 1771011061999;
        event.latencyUs = 120000;
        QVERIFY(line.format(event).startsWith(QLatin1String("2026-02-13T19:31:01.999Z ")));
        QVERIFY(line.format(event).contains(QLatin1String(" 120.00 ms ")));

        // Refused: no numbers, the reason in brackets. Before 1970 and back again.
        ListenerEvent refused;
        refused.receivedAtMs = -1;
        refused.peer = QStringLiteral("127.0.0.1:1");
        refused.method = QStringLiteral("GET");
        refused.target = QStringLiteral("/nowhere");
        refused.status = 404;
        refused.outcome = ListenerEvent::unknownPath();
        refused.reason = QStringLiteral("no such path");
        QCOMPARE(line.format(refused),
                 QStringLiteral("1969-12-31T23:59:59.999Z 127.0.0.1:1 GET /nowhere 404 "
                                "unknown-path 0.00 ms (no such path)"));
        refused.receivedAtMs = 1771011000123;
        QVERIFY(line.format(refused).startsWith(QLatin1String("2026-02-13T19:30:00.123Z ")));
    }

    void refusesBadArgumentsAndATakenPort()
    {
        auto process = startHeadless({QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(process->waitForFinished(StartMs));
        QCOMPARE(process->exitCode(), 2);
        QVERIFY(process->readAllStandardError().contains("HOST:PORT"));

        auto holder = startHeadless();
        QByteArray output;
        const quint16 port = waitListening(*holder, &output);
        QVERIFY(port != 0);
        auto second =
            startHeadless({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(second->waitForFinished(StartMs));
        QCOMPARE(second->exitCode(), 1);
        const QByteArray error = second->readAllStandardError();
        QVERIFY2(error.contains("cannot listen on"), error.constData());
        holder->terminate();
        QVERIFY(holder->waitForFinished(StartMs));
    }

    // The provider's view: a message is safe once it got its 200. Kill the process with
    // SIGKILL while several clients post, restart it, retry what was never answered (as a
    // provider does), and find every message exactly once.
    void acknowledgedMessagesSurviveSigkill()
    {
        constexpr int Cycles = 3;
        constexpr int Clients = 4;
        QSet<QByteArray> acknowledged;
        QSet<QByteArray> unanswered; // sent, never answered: the provider retries these
        for (int cycle = 0; cycle < Cycles; ++cycle) {
            auto process = startHeadless();
            QByteArray output;
            const quint16 port = waitListening(*process, &output);
            QVERIFY2(port != 0, process->readAllStandardError().constData());

            // Retries of the previous cycle's unanswered messages come first.
            std::vector<QByteArray> queue(unanswered.cbegin(), unanswered.cend());
            unanswered.clear();
            std::vector<std::unique_ptr<HttpTestClient>> clients;
            std::vector<QByteArray> pending(Clients);
            for (int i = 0; i < Clients; ++i)
                clients.push_back(std::make_unique<HttpTestClient>(port));
            auto next = [&]() {
                if (!queue.empty()) {
                    QByteArray id = queue.back();
                    queue.pop_back();
                    return id;
                }
                return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            };
            for (int i = 0; i < Clients; ++i) {
                pending[i] = next();
                clients[i]->send(pbxRequest(pending[i]));
            }
            // Let the load run until a few hundred messages were acknowledged this cycle.
            const int target = int(acknowledged.size()) + 150 + cycle * 50;
            QElapsedTimer timer;
            timer.start();
            while (int(acknowledged.size()) < target && timer.elapsed() < 20000) {
                QTest::qWait(1);
                for (int i = 0; i < Clients; ++i) {
                    HttpTestResponse response;
                    while (HttpTestResponse::take(clients[i]->received(), &response, false)) {
                        QCOMPARE(response.status, 200);
                        acknowledged.insert(pending[i]);
                        pending[i] = next();
                        clients[i]->send(pbxRequest(pending[i]));
                    }
                }
            }
            QVERIFY2(int(acknowledged.size()) >= target, "the load did not get going");
            process->kill(); // SIGKILL, with requests in flight
            QVERIFY(process->waitForFinished(StartMs));
            QCOMPARE(process->exitStatus(), QProcess::CrashExit);
            for (int i = 0; i < Clients; ++i) {
                // An answer that reached the socket before the kill still counts.
                HttpTestResponse response;
                clients[i]->socket().waitForReadyRead(50);
                clients[i]->received() += clients[i]->socket().readAll();
                if (HttpTestResponse::take(clients[i]->received(), &response, false) &&
                    response.status == 200)
                    acknowledged.insert(pending[i]);
                else
                    unanswered.insert(pending[i]);
            }
            for (const QByteArray& id : std::as_const(queue))
                unanswered.insert(id);

            const QHash<QString, int> ids = storedIds();
            for (const QByteArray& id : std::as_const(acknowledged)) {
                QVERIFY2(ids.value(QString::fromLatin1(id)) == 1,
                         qPrintable(QStringLiteral("cycle %1: acknowledged %2 stored %3 times")
                                        .arg(cycle)
                                        .arg(QString::fromLatin1(id))
                                        .arg(ids.value(QString::fromLatin1(id)))));
            }
            for (auto it = ids.cbegin(); it != ids.cend(); ++it)
                QCOMPARE(it.value(), 1); // nothing is ever stored twice
        }

        // A last start takes the retries of the final cycle: each is stored once, and the
        // ones the store already had are duplicates, answered 200 all the same.
        auto process = startHeadless();
        QByteArray output;
        const quint16 port = waitListening(*process, &output);
        QVERIFY(port != 0);
        HttpTestClient client(port);
        for (const QByteArray& id : std::as_const(unanswered)) {
            client.send(pbxRequest(id));
            const auto response = client.response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            acknowledged.insert(id);
        }
        ::kill(pid_t(process->processId()), SIGTERM);
        QVERIFY(process->waitForFinished(StartMs));
        QCOMPARE(process->exitCode(), 0);
        const QHash<QString, int> ids = storedIds();
        QCOMPARE(ids.size(), acknowledged.size());
        for (const QByteArray& id : std::as_const(acknowledged))
            QCOMPARE(ids.value(QString::fromLatin1(id)), 1);
        qInfo("%d messages acknowledged over %d SIGKILL cycles, each stored exactly once",
              int(acknowledged.size()), Cycles);
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "TestHeadless.moc"
