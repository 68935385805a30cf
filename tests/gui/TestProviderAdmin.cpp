// Provider administration, over real sockets on 127.0.0.1: Zonitel webhook registration against
// the simulator's Zonitel API (the one `smsdesk-sim serve` serves) with every documented error;
// "Check my public URL" through a local forwarding proxy to the GUI's real listener, and against
// wrong URLs (wrong path, another server, a refused port, silence, a name that does not resolve);
// "Send test webhook" and "Webhook setup" on the Numbers page.

#include "GuiTestContext.h"
#include "OutboundEndpoint.h"
#include "http/HttpServer.h"
#include "listener/PublicUrlProbe.h"
#include "listener/WebhookListener.h"
#include "numbers/NumberAdminDialog.h"
#include "numbers/NumberTableModel.h"
#include "numbers/NumbersPage.h"
#include "providers/zonitel/ZonitelWebhookRegistration.h"
#include "store/Database.h"
#include "store/NumberRepository.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <optional>

using namespace smsdesk;
using test::child;
using Outcome = ZonitelWebhookRegistration::Result::Outcome;
using ProbeOutcome = PublicUrlProbe::Result::Outcome;

namespace {

constexpr int kWaitMs = 20000;
const QString kClient = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
const QString kToken = QStringLiteral("zt-live-7f3a9c2e1d");
const QString kPublicUrl = QStringLiteral("https://sms.example.com/webhooks/zonitel");

// A TCP forwarder, as a tunnel or reverse proxy is: every connection to it is piped to `target`.
class Forwarder : public QTcpServer
{
public:
    explicit Forwarder(quint16 target) : m_target(target)
    {
        connect(this, &QTcpServer::newConnection, this, &Forwarder::forward);
    }

    int connections = 0;

private:
    void forward()
    {
        while (QTcpSocket* in = nextPendingConnection()) {
            ++connections;
            auto* out = new QTcpSocket(in);
            auto pending = std::make_shared<QByteArray>();
            connect(in, &QTcpSocket::readyRead, out, [in, out, pending] {
                if (out->state() == QAbstractSocket::ConnectedState)
                    out->write(in->readAll());
                else
                    pending->append(in->readAll());
            });
            connect(out, &QTcpSocket::connected, in, [out, pending] {
                out->write(*pending);
                pending->clear();
            });
            connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
            connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
            connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
            out->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    quint16 m_target;
};

// A port nothing listens on: bound, then closed.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestProviderAdmin : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<OutboundEndpoint> m_sim;
    std::unique_ptr<HttpServer> m_simServer;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<QNetworkAccessManager> m_network;

    AppContext& context() { return m_fixture->context(); }
    QUrl simBase() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_simServer->serverPort()));
    }

    NumberRecord addNumber(const QString& e164, const QString& provider, const QString& url)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.webhookUrl = url;
        if (provider == QLatin1String("zonitel"))
            number.clientId = kClient;
        NumberRepository numbers(context().database().connection(), context().clock());
        if (!numbers.insert(number))
            qWarning("insert: %s", qPrintable(numbers.lastError()));
        return number;
    }

    ZonitelWebhookRegistration::Result call(bool put, const QString& client, const QString& token,
                                            const QString& url, const QUrl& base = {})
    {
        ZonitelWebhookRegistration registration(*m_network);
        std::optional<ZonitelWebhookRegistration::Result> result;
        auto done = [&result](const ZonitelWebhookRegistration::Result& r) { result = r; };
        const QUrl at = base.isEmpty() ? simBase() : base;
        if (put)
            registration.put(at, client, token, url, this, done);
        else
            registration.get(at, client, token, this, done);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
            return {};
        return *result;
    }

    bool startListener()
    {
        m_listener = std::make_unique<ListenerController>(context(),
                                                          test::GuiTestContext::loopbackListener());
        m_listener->start();
        return QTest::qWaitFor(
            [this] { return m_listener->state() == ListenerController::State::Running; }, kWaitMs);
    }

    PublicUrlProbe::Result probe(const QUrl& url, const QString& provider, int timeoutMs = 5000)
    {
        PublicUrlProbe probe(*m_network);
        probe.setTimeoutMs(timeoutMs);
        connect(m_listener.get(), &ListenerController::probeReceived, &probe,
                &PublicUrlProbe::noteArrival);
        std::optional<PublicUrlProbe::Result> result;
        probe.probe(url, provider, this,
                    [&result](const PublicUrlProbe::Result& r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
            return {};
        return *result;
    }

    qint64 count(const QString& table)
    {
        QSqlQuery query(context().database().connection());
        query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        return query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_sim = std::make_unique<OutboundEndpoint>();
        m_sim->zonitel().setToken(kToken);
        m_sim->zonitel().addClient(kClient);
        m_simServer = std::make_unique<HttpServer>();
        m_sim->attach(m_simServer.get());
        QVERIFY2(m_simServer->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_network = std::make_unique<QNetworkAccessManager>();
        context().settings().setZonitelApiBase(simBase().toString());
    }

    void cleanup()
    {
        m_listener.reset();
        m_network.reset();
        m_simServer.reset();
        m_sim.reset();
        m_fixture.reset();
    }

    // --- Zonitel registration: the client against the simulator's API ---

    void registersAndVerifiesAtZonitel()
    {
        ZonitelWebhookRegistration::Result result = call(false, kClient, kToken, {});
        QCOMPARE(result.outcome, Outcome::Ok);
        QCOMPARE(result.url, QString());
        QVERIFY2(ZonitelWebhookRegistration::describe(result, false, kClient)
                     .contains(QStringLiteral("no webhook URL registered")),
                 qPrintable(ZonitelWebhookRegistration::describe(result, false, kClient)));

        result = call(true, kClient, kToken, kPublicUrl);
        QCOMPARE(result.outcome, Outcome::Ok);
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(result.url, kPublicUrl);
        QCOMPARE(result.message, QStringLiteral("Webhook updated successfully"));
        QCOMPARE(m_sim->zonitel().registeredUrl(kClient), kPublicUrl);

        result = call(false, kClient, kToken, {});
        QCOMPARE(result.outcome, Outcome::Ok);
        QCOMPARE(result.url, kPublicUrl);
        QCOMPARE(result.message, QStringLiteral("Webhook retrieved successfully"));
        QCOMPARE(ZonitelWebhookRegistration::describe(result, false, kClient),
                 QStringLiteral("Zonitel posts the messages of client %1 to %2.")
                     .arg(kClient, kPublicUrl));
    }

    void saysEveryZonitelErrorInWords()
    {
        // 401: a wrong token.
        ZonitelWebhookRegistration::Result result =
            call(true, kClient, QStringLiteral("zt-wrong"), kPublicUrl);
        QCOMPARE(result.outcome, Outcome::Unauthorized);
        QCOMPARE(result.httpStatus, 401);
        QCOMPARE(result.code, QStringLiteral("401"));
        QCOMPARE(result.message, QStringLiteral("Authentication required"));
        QString words = ZonitelWebhookRegistration::describe(result, true, kClient);
        QVERIFY2(words.startsWith(QStringLiteral("Zonitel refused the API token (HTTP 401, code "
                                                 "401: \u201cAuthentication required\u201d)")),
                 qPrintable(words));

        // 403: a client id the token may not act for.
        result =
            call(true, QStringLiteral("11111111-2222-3333-4444-555555555555"), kToken, kPublicUrl);
        QCOMPARE(result.outcome, Outcome::Forbidden);
        QCOMPARE(result.message, QStringLiteral("Access denied"));
        words = ZonitelWebhookRegistration::describe(result, true, kClient);
        QVERIFY2(words.contains(QStringLiteral("denied access (HTTP 403, code 403")),
                 qPrintable(words));

        // 400: a URL Zonitel cannot reach (loopback), or not https.
        for (const QString& url : {QStringLiteral("https://127.0.0.1:8080/webhooks/zonitel"),
                                   QStringLiteral("http://sms.example.com/webhooks/zonitel")}) {
            result = call(true, kClient, kToken, url);
            QCOMPARE(result.outcome, Outcome::BadRequest);
            QCOMPARE(result.message, QStringLiteral("Invalid request parameters"));
        }
        words = ZonitelWebhookRegistration::describe(result, true, kClient);
        QVERIFY2(words.contains(QStringLiteral("must be an https:// address that is publicly "
                                               "reachable")),
                 qPrintable(words));
        QCOMPARE(m_sim->zonitel().registeredUrl(kClient), QString()); // nothing was changed

        // 500.
        m_sim->zonitel().setForcedStatus(500);
        result = call(false, kClient, kToken, {});
        QCOMPARE(result.outcome, Outcome::ServerError);
        QCOMPARE(result.message, QStringLiteral("An internal server error occurred"));
        words = ZonitelWebhookRegistration::describe(result, false, kClient);
        QVERIFY2(words.startsWith(QStringLiteral("Zonitel had an internal error (HTTP 500, code "
                                                 "500")),
                 qPrintable(words));

        // No answer: nothing listens there.
        result = call(false, kClient, kToken, {},
                      QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())));
        QCOMPARE(result.outcome, Outcome::NoAnswer);
        QVERIFY(ZonitelWebhookRegistration::describe(result, false, kClient)
                    .startsWith(QStringLiteral("Zonitel's API could not be reached")));

        // Zonitel accepts only https: said before anything is sent.
        QVERIFY(ZonitelWebhookRegistration::checkWebhookUrl(
                    QStringLiteral("http://203.0.113.5:8080/webhooks/zonitel"))
                    .contains(QStringLiteral("TLS front")));
        QVERIFY(ZonitelWebhookRegistration::checkWebhookUrl(kPublicUrl).isEmpty());
    }

    void webhookSetupPushesAndVerifiesWithTheKeychainsToken()
    {
        const NumberRecord number =
            addNumber(QStringLiteral("+10000000020"), QStringLiteral("zonitel"), kPublicUrl);
        QVERIFY(startListener());
        NumberAdminDialog dialog(context(), *m_listener, number);
        dialog.show();
        QVERIFY(child<QWidget>(&dialog, "zonitelGroup")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "httpsNoteLabel")
                    ->text()
                    .contains(QStringLiteral("accepts only https://")));
        QSignalSpy finished(&dialog, &NumberAdminDialog::zonitelFinished);
        auto* result = child<QLabel>(&dialog, "zonitelResultLabel");

        // No token yet: it says where to get one.
        QTest::mouseClick(child<QPushButton>(&dialog, "pushButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY2(result->text().contains(QStringLiteral("No API token for client")),
                 qPrintable(result->text()));

        // A wrong token typed: saved, and Zonitel's 401 in words.
        child<QLineEdit>(&dialog, "tokenEdit")->setText(QStringLiteral("zt-old"));
        QTest::mouseClick(child<QPushButton>(&dialog, "pushButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY2(result->text().contains(QStringLiteral("refused the API token")),
                 qPrintable(result->text()));
        const QString key = SecretStore::apiTokenKey(QStringLiteral("zonitel"), kClient);
        QCOMPARE(m_fixture->secrets().entries.value(key), QStringLiteral("zt-old"));

        // The right one: pushed, then verified from the keychain's copy.
        child<QLineEdit>(&dialog, "tokenEdit")->setText(kToken);
        QTest::mouseClick(child<QPushButton>(&dialog, "pushButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY2(result->text().contains(kPublicUrl), qPrintable(result->text()));
        QCOMPARE(m_sim->zonitel().registeredUrl(kClient), kPublicUrl);
        QCOMPARE(m_fixture->secrets().entries.value(key), kToken);
        QVERIFY(child<QLineEdit>(&dialog, "tokenEdit")->text().isEmpty());

        QTest::mouseClick(child<QPushButton>(&dialog, "verifyButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY2(result->text().contains(QStringLiteral("It matches this number's webhook URL")),
                 qPrintable(result->text()));

        // Zonitel has another URL: verify says so.
        m_sim->zonitel().setForcedStatus(0);
        QCOMPARE(
            call(true, kClient, kToken, QStringLiteral("https://old.example.com/hook")).outcome,
            Outcome::Ok);
        QTest::mouseClick(child<QPushButton>(&dialog, "verifyButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY2(result->text().contains(QStringLiteral("That is not this number's webhook URL")),
                 qPrintable(result->text()));

        // Zonitel failing: its 500 in words.
        m_sim->zonitel().setForcedStatus(500);
        QTest::mouseClick(child<QPushButton>(&dialog, "pushButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY2(result->text().contains(QStringLiteral("internal error")),
                 qPrintable(result->text()));
    }

    // --- Check my public URL ---

    void probeArrivesThroughAProxyAndStoresNothing()
    {
        QVERIFY(startListener());
        const quint16 listenerPort = QUrl(m_listener->url()).port();
        Forwarder proxy(listenerPort);
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort());
        const qint64 logged = count(QStringLiteral("request_log"));

        PublicUrlProbe::Result result =
            probe(QUrl(base + QStringLiteral("/webhooks/oncloud")), QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::Arrived);
        QCOMPARE(result.route, QStringLiteral("oncloud"));
        QCOMPARE(proxy.connections, 1);
        QVERIFY(PublicUrlProbe::describe(result, QStringLiteral("oncloud"))
                    .contains(QStringLiteral("arrived at this listener")));
        // /webhook takes every provider.
        QCOMPARE(probe(QUrl(base + QStringLiteral("/webhook")), QStringLiteral("pbx")).outcome,
                 ProbeOutcome::Arrived);

        // Nothing stored, nothing logged.
        QCOMPARE(count(QStringLiteral("request_log")), logged);
        QCOMPARE(count(QStringLiteral("messages")), qint64(0));
    }

    void probeSaysWhereItGotLost()
    {
        QVERIFY(startListener());
        Forwarder proxy(QUrl(m_listener->url()).port());
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort());

        // The proxy leads here, but the path is not a webhook path.
        PublicUrlProbe::Result result =
            probe(QUrl(base + QStringLiteral("/sms/incoming")), QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::WrongPath);
        QCOMPARE(result.route, QString());
        QVERIFY(PublicUrlProbe::describe(result, QStringLiteral("oncloud"))
                    .contains(QStringLiteral("/webhooks/oncloud")));
        // Another provider's path.
        result = probe(QUrl(base + QStringLiteral("/webhooks/pbx")), QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::WrongPath);
        QCOMPARE(result.route, QStringLiteral("pbx"));

        // Another server answers (the simulator's endpoint: 404 for this path).
        result = probe(QUrl(simBase().toString() + QStringLiteral("webhooks/oncloud")),
                       QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::OtherServer);
        QCOMPARE(result.httpStatus, 404);
        QVERIFY(PublicUrlProbe::describe(result, QStringLiteral("oncloud"))
                    .startsWith(QStringLiteral("Another server answered")));

        // Nothing listens at the port.
        result =
            probe(QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/oncloud").arg(closedPort())),
                  QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::Refused);
        QVERIFY(PublicUrlProbe::describe(result, QStringLiteral("oncloud"))
                    .contains(QStringLiteral("refused the connection")));

        // Something accepts but never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        result = probe(
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/oncloud").arg(silent.serverPort())),
            QStringLiteral("oncloud"), 500);
        QCOMPARE(result.outcome, ProbeOutcome::Timeout);

        // A name that cannot resolve (.invalid is reserved for that).
        result = probe(QUrl(QStringLiteral("http://smsdesk-probe.invalid/webhooks/oncloud")),
                       QStringLiteral("oncloud"));
        QCOMPARE(result.outcome, ProbeOutcome::Dns);

        // TLS spoken to a plain-HTTP listener.
        result = probe(
            QUrl(QStringLiteral("https://127.0.0.1:%1/webhooks/oncloud").arg(proxy.serverPort())),
            QStringLiteral("oncloud"));
        QVERIFY2(result.outcome == ProbeOutcome::Tls || result.outcome == ProbeOutcome::Network,
                 qPrintable(result.error));
    }

    void probeFromTheWebhookSetupDialog()
    {
        QVERIFY(startListener());
        Forwarder proxy(QUrl(m_listener->url()).port());
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        const QString url =
            QStringLiteral("http://127.0.0.1:%1/webhooks/pbx").arg(proxy.serverPort());
        const NumberRecord number =
            addNumber(QStringLiteral("+61299999999"), QStringLiteral("pbx"), url);
        NumberAdminDialog dialog(context(), *m_listener, number);
        dialog.show();
        QVERIFY(!child<QWidget>(&dialog, "zonitelGroup")->isVisible());
        QCOMPARE(child<QLineEdit>(&dialog, "urlEdit")->text(), url);
        QSignalSpy finished(&dialog, &NumberAdminDialog::probeFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "checkUrlButton"), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY2(child<QLabel>(&dialog, "probeResultLabel")
                     ->text()
                     .contains(QStringLiteral("arrived at this listener")),
                 qPrintable(child<QLabel>(&dialog, "probeResultLabel")->text()));
    }

    // --- the Numbers page ---

    void numbersPageSendsATestWebhook()
    {
        const NumberRecord number =
            addNumber(QStringLiteral("+14045559999"), QStringLiteral("oncloud"), QString());
        QVERIFY(startListener());
        NumbersPage page(context());
        page.setListener(m_listener.get());
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        page.selectNumber(number.id);
        QTRY_VERIFY(page.testWebhookAction()->isEnabled());
        QVERIFY(page.webhookSetupAction()->isEnabled());
        QSignalSpy finished(&page, &NumbersPage::testWebhookFinished);
        page.testWebhookAction()->trigger();
        QVERIFY(finished.wait(kWaitMs));
        const QList<QVariant> outcome = finished.takeFirst();
        QVERIFY2(outcome.at(0).toBool(), qPrintable(outcome.at(1).toString()));
        QVERIFY2(outcome.at(1).toString().startsWith(
                     QStringLiteral("Test webhook for +14045559999: HTTP 200 \u2014 accepted")),
                 qPrintable(outcome.at(1).toString()));
        QCOMPARE(count(QStringLiteral("messages")), qint64(1));

        // Disabled: the listener answers 404 (unknown number) or keeps it unassigned; the
        // action is not offered for a disabled number at all.
        m_listener->stop();
        QTRY_VERIFY(!page.testWebhookAction()->isEnabled());

        QPointer<NumberAdminDialog> dialog = page.openWebhookSetup();
        QVERIFY(dialog);
        QCOMPARE(dialog->number().id, number.id);
        dialog->close();
    }
};

QTEST_MAIN(TestProviderAdmin)
#include "TestProviderAdmin.moc"
