// The simulator's outbound endpoint beyond the document's happy path, over real sockets on
// 127.0.0.1 with a raw HTTP client: what it insists on (Content-Type, an http(s) media_url),
// the plan states and the monthly counter per billing cycle (a fake clock crosses the cycle),
// and the faults the outbox is tested with (slow answers, dropped connections, 500/429), in
// process and through the smsdesk-sim binary's options.

#include "FakeClock.h"
#include "HttpTestClient.h"
#include "OutboundEndpoint.h"
#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Client = test::HttpTestClient;

namespace {

constexpr int kWaitMs = 10000;
const QByteArray kBody = "{\"from\":\"14045559999\",\"to\":\"17705551234\",\"text\":\"hi\","
                         "\"secret\":\"s3cret\"}";

QByteArray bodyWith(const char* field, const QString& value)
{
    QJsonObject object = QJsonDocument::fromJson(kBody).object();
    object.insert(QLatin1String(field), value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString codeOf(const test::HttpTestResponse& response)
{
    static const QRegularExpression code(QStringLiteral("\\[([A-Z0-9-]+)\\]"));
    return code.match(QString::fromUtf8(response.body)).captured(1);
}

} // namespace

class TestOutboundEndpointFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<OutboundEndpoint> m_endpoint;

    std::optional<test::HttpTestResponse> post(const QByteArray& body,
                                               const QByteArray& contentType = "application/json",
                                               int timeoutMs = kWaitMs)
    {
        Client client(m_server->serverPort());
        if (!client.waitConnected())
            return std::nullopt;
        client.send(Client::post("/webhook-to-sms.php", body, contentType));
        return client.response(false, timeoutMs);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<HttpServer>();
        m_endpoint = std::make_unique<OutboundEndpoint>();
        m_endpoint->attach(m_server.get());
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
        m_endpoint.reset();
    }

    void contentTypeMustBeJson()
    {
        auto response = post(kBody, "application/json; charset=utf-8");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        for (const QByteArray& type :
             {QByteArray("text/plain"), QByteArray("application/x-www-form-urlencoded"),
              QByteArray()}) {
            response = post(kBody, type);
            QVERIFY(response);
            QCOMPARE(response->status, 400);
            QCOMPARE(codeOf(*response), QStringLiteral("WH-1"));
        }
        QCOMPARE(m_endpoint->acceptedCount(), 1);
    }

    void mediaUrlMustBeHttp()
    {
        for (const char* good : {"https://example.com/a.jpg", "http://example.com/a.pdf"}) {
            const auto response = post(bodyWith("media_url", QLatin1String(good)));
            QVERIFY(response);
            QCOMPARE(response->status, 200);
        }
        for (const char* bad :
             {"ftp://example.com/a.jpg", "example.com/a.jpg", "file:///etc/hosts", "not a url"}) {
            const auto response = post(bodyWith("media_url", QLatin1String(bad)));
            QVERIFY(response);
            QCOMPARE(response->status, 400);
            QCOMPARE(codeOf(*response), QStringLiteral("WH-1"));
        }
    }

    void planStates()
    {
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Inactive);
        QCOMPARE(codeOf(*post(kBody)), QStringLiteral("WH-23-2"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::NoOutbound);
        QCOMPARE(codeOf(*post(kBody)), QStringLiteral("WH-23-4"));
        // The secret is checked before the plan, as onCloud's code order has it.
        QCOMPARE(codeOf(*post(bodyWith("secret", QString()))), QStringLiteral("WH-AUTH"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Active);
        QCOMPARE(post(kBody)->status, 200);
    }

    void monthlyCounterResetsByBillingCycle()
    {
        const QTimeZone newYork("America/New_York");
        QVERIFY(newYork.isValid());
        // Cycle day 31: Feb 28 is the first day of the cycle in February.
        test::FakeClock clock(QDateTime(QDate(2026, 2, 27), QTime(23, 59), newYork).toUTC());
        m_endpoint->setClock(&clock);
        m_endpoint->setTimeZone(newYork);
        m_endpoint->setCycleDay(31);
        m_endpoint->setMonthlyLimit(2);
        QCOMPARE(post(kBody)->status, 200);
        QCOMPARE(post(kBody)->status, 200);
        QCOMPARE(codeOf(*post(kBody)), QStringLiteral("WH-23-3"));
        QCOMPARE(m_endpoint->acceptedThisCycle(QStringLiteral("14045559999")), 2);
        // Another DID has a counter of its own.
        QCOMPARE(post(bodyWith("from", QStringLiteral("14045558888")))->status, 200);
        // Midnight in New York on the 28th: a new cycle (05:00 UTC, not 00:00 UTC).
        clock.set(QDateTime(QDate(2026, 2, 28), QTime(4, 59, 59), Qt::UTC));
        QCOMPARE(codeOf(*post(kBody)), QStringLiteral("WH-23-3"));
        clock.set(QDateTime(QDate(2026, 2, 28), QTime(5, 0), Qt::UTC));
        QCOMPARE(m_endpoint->acceptedThisCycle(QStringLiteral("14045559999")), 0);
        QCOMPARE(post(kBody)->status, 200);
        QCOMPARE(m_endpoint->acceptedThisCycle(QStringLiteral("14045559999")), 1);
    }

    void serverErrorsOnDemand()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::Http500, 2);
        QCOMPARE(post(kBody)->status, 500);
        QCOMPARE(post(kBody)->status, 500);
        QCOMPARE(post(kBody)->status, 200);
        m_endpoint->setFault(OutboundEndpoint::Fault::Http429, 1);
        m_endpoint->setRetryAfterSeconds(7);
        const auto limited = post(kBody);
        QCOMPARE(limited->status, 429);
        QCOMPARE(limited->header("Retry-After"), QByteArray("7"));
        QCOMPARE(post(kBody)->status, 200);
        QCOMPARE(m_endpoint->records().at(0).outcome, QStringLiteral("http-error"));
        QCOMPARE(m_endpoint->records().at(0).code, QStringLiteral("HTTP-500"));
        QCOMPARE(m_endpoint->acceptedCount(), 2);
    }

    void slowAnswer()
    {
        m_endpoint->setDelayMs(700);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto response = post(kBody);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(elapsed.elapsed() >= 650);
        // The request was recorded when it was read, not when it was answered.
        QCOMPARE(m_endpoint->records().size(), 1);
    }

    void dropsAfterReading()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::DropAfterRead, 1);
        Client client(m_server->serverPort());
        QVERIFY(client.waitConnected());
        client.send(Client::post("/webhook-to-sms.php", kBody));
        QVERIFY(client.waitClosed());
        QVERIFY(client.received().isEmpty()); // closed without a byte of answer
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(m_endpoint->records().first().outcome, QStringLiteral("dropped"));
        QCOMPARE(m_endpoint->records().first().text, QStringLiteral("hi"));
        QCOMPARE(m_endpoint->acceptedCount(), 0);
        QCOMPARE(post(kBody)->status, 200); // the fault was used up
    }

    void dropsBeforeReading()
    {
        m_endpoint->setFault(OutboundEndpoint::Fault::DropBeforeRead, 2);
        for (int i = 0; i < 2; ++i) {
            Client client(m_server->serverPort());
            client.waitConnected(); // the kernel accepts; the server closes at once
            QVERIFY(client.waitClosed());
            QVERIFY(client.received().isEmpty());
        }
        QCOMPARE(m_endpoint->records().size(), 2);
        for (const auto& record : m_endpoint->records()) {
            QCOMPARE(record.outcome, QStringLiteral("dropped"));
            QCOMPARE(record.httpStatus, 0);
        }
        QCOMPARE(post(kBody)->status, 200); // then connections are served again
    }

    void binaryOptions()
    {
        QProcess serve;
        QByteArray output;
        connect(&serve, &QProcess::readyReadStandardOutput, this,
                [&] { output += serve.readAllStandardOutput(); });
        serve.start(QStringLiteral(SMSDESK_SIM_BINARY),
                    {QStringLiteral("serve"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--http-status"),
                     QStringLiteral("429"), QStringLiteral("--retry-after"), QStringLiteral("3"),
                     QStringLiteral("--fault-count"), QStringLiteral("1"),
                     QStringLiteral("--monthly-limit"), QStringLiteral("1"),
                     QStringLiteral("--cycle-day"), QStringLiteral("31"),
                     QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")});
        static const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:([0-9]+)"));
        quint16 port = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                port = quint16(listening.match(QString::fromUtf8(output)).captured(1).toUInt());
                return port != 0;
            },
            kWaitMs));
        const auto request = [port](const QByteArray& body) {
            Client client(port);
            client.waitConnected();
            client.send(Client::post("/webhook-to-sms.php", body));
            return client.response();
        };
        const auto limited = request(kBody);
        QVERIFY(limited);
        QCOMPARE(limited->status, 429);
        QCOMPARE(limited->header("Retry-After"), QByteArray("3"));
        QCOMPARE(request(kBody)->status, 200);
        QCOMPARE(codeOf(*request(kBody)), QStringLiteral("WH-23-3"));
        serve.kill();
        serve.waitForFinished();

        // Bad values are refused with status 2.
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--drop"), QStringLiteral("sometimes")},
              QStringList{QStringLiteral("--http-status"), QStringLiteral("404")},
              QStringList{QStringLiteral("--plan-state"), QStringLiteral("paused")},
              QStringList{QStringLiteral("--cycle-day"), QStringLiteral("32")},
              QStringList{QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")},
              QStringList{QStringLiteral("--drop"), QStringLiteral("after-read"),
                          QStringLiteral("--http-status"), QStringLiteral("500")}}) {
            QProcess process;
            process.start(QStringLiteral(SMSDESK_SIM_BINARY),
                          QStringList{QStringLiteral("serve")} + bad);
            QVERIFY(process.waitForFinished(kWaitMs));
            QCOMPARE(process.exitCode(), 2);
            QVERIFY(process.readAllStandardError().startsWith("smsdesk-sim: serve: "));
        }
    }
};

QTEST_GUILESS_MAIN(TestOutboundEndpointFaults)
#include "TestOutboundEndpointFaults.moc"
