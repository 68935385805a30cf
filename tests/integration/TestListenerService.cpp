// ListenerService: address parsing, readiness after the numbers are loaded, the warning about
// numbers anybody can post for when listening beyond loopback, and the graceful stop.

#include "FakeClock.h"
#include "HttpTestClient.h"
#include "MemorySecretStore.h"
#include "TempDatabase.h"
#include "listener/ListenerService.h"
#include "secrets/PathToken.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace smsdesk;

class TestListenerService : public QObject
{
    Q_OBJECT

    test::FakeClock m_clock;
    test::MemorySecretStore m_secrets;
    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<MessageWriter> m_writer;

    void addNumber(const QString& e164, const QString& provider, bool auth, bool token)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.hasAuthHeader = auth;
        if (token)
            number.pathTokenHash = PathToken::hash(PathToken::generate().toLatin1());
        NumberRepository(m_temp->database().connection(), m_clock).insert(number);
        if (auth) {
            m_secrets.entries.insert(
                SecretStore::numberKey(e164, SecretStore::Kind::AuthorizationHeader),
                QStringLiteral("Token abc"));
        }
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QString error;
        QVERIFY2(m_temp->open(&error), qPrintable(error));
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        m_writer = std::make_unique<MessageWriter>(m_temp->database(), m_clock);
        m_secrets.entries.clear();
    }

    void cleanup()
    {
        m_writer.reset();
        m_worker.reset();
        m_temp.reset();
    }

    void parsesAddresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("url");
        QTest::addRow("loopback") << QStringLiteral("127.0.0.1:8080") << true
                                  << QStringLiteral("http://127.0.0.1:8080");
        QTest::addRow("localhost")
            << QStringLiteral("localhost:9000") << true << QStringLiteral("http://127.0.0.1:9000");
        QTest::addRow("all IPv4") << QStringLiteral(":8080") << true
                                  << QStringLiteral("http://0.0.0.0:8080");
        QTest::addRow("IPv6") << QStringLiteral("[::1]:8080") << true
                              << QStringLiteral("http://[::1]:8080");
        QTest::addRow("any free port")
            << QStringLiteral("127.0.0.1:0") << true << QStringLiteral("http://127.0.0.1:0");
        QTest::addRow("no port") << QStringLiteral("127.0.0.1") << false << QString();
        QTest::addRow("port too big") << QStringLiteral("127.0.0.1:70000") << false << QString();
        QTest::addRow("host name") << QStringLiteral("example.com:80") << false << QString();
    }

    void parsesAddresses()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, url);
        QHostAddress address;
        quint16 port = 1;
        QString error;
        QCOMPARE(ListenerService::parseAddress(text, &address, &port, &error), ok);
        if (ok)
            QCOMPARE(ListenerService::urlFor(address, port), url);
        else
            QVERIFY(!error.isEmpty());
    }

    void readyOnceNumbersAreLoadedAndStopsGracefully()
    {
        addNumber(QStringLiteral("+14045559999"), QStringLiteral("oncloud"), true, false);
        ListenerService service(*m_writer, *m_worker, m_secrets, m_clock, {});
        QSignalSpy ready(&service, &ListenerService::ready);
        QSignalSpy warnings(&service, &ListenerService::warning);
        QSignalSpy loaded(&service, &ListenerService::numbersLoaded);
        QString error;
        QVERIFY2(service.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(service.url().startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(ready.wait());
        QCOMPARE(loaded.at(0).at(0).toInt(), 1);
        QCOMPARE(warnings.size(), 0); // its one number has a credential

        // The credential loaded from the keychain is enforced.
        test::HttpTestClient client(service.port());
        client.send(test::HttpTestClient::post(
            "/webhooks/oncloud",
            R"({"event":"sms.inbound","from":"+17705551234","to":"+14045559999","text":"x",)"
            R"("media":[],"timestamp":"2026-02-13T14:30:00-05:00"})"));
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 401);

        QSignalSpy stopped(&service, &ListenerService::stopped);
        service.stop();
        QVERIFY(stopped.wait());
        QVERIFY(!service.isListening());
    }

    void warnsAboutOpenNumbersOnLoopbackToo()
    {
        // A tunnel or a reverse proxy in front of a loopback listener lets anybody in.
        addNumber(QStringLiteral("+14045559999"), QStringLiteral("oncloud"), true, false);
        addNumber(QStringLiteral("+17705550042"), QStringLiteral("pbx"), false, false);
        ListenerService service(*m_writer, *m_worker, m_secrets, m_clock, {});
        QSignalSpy ready(&service, &ListenerService::ready);
        QSignalSpy warnings(&service, &ListenerService::warning);
        QString error;
        QVERIFY2(service.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(ready.wait());
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.at(0).at(0).toString(),
                 QStringLiteral("1 number(s) have neither an expected Authorization header nor a "
                                "path token, so anything that can reach %1 (this machine, or a "
                                "tunnel or reverse proxy in front of it) can post messages for "
                                "them: +17705550042")
                     .arg(service.url()));
    }

    void warnsAboutOpenNumbersBeyondLoopback()
    {
        addNumber(QStringLiteral("+14045559999"), QStringLiteral("oncloud"), true, false);
        addNumber(QStringLiteral("+61299999999"), QStringLiteral("pbx"), false, true);
        addNumber(QStringLiteral("+17705550042"), QStringLiteral("pbx"), false, false);
        ListenerService service(*m_writer, *m_worker, m_secrets, m_clock, {});
        QSignalSpy ready(&service, &ListenerService::ready);
        QSignalSpy warnings(&service, &ListenerService::warning);
        QString error;
        QVERIFY2(service.start(QHostAddress::AnyIPv4, 0, &error), qPrintable(error));
        QVERIFY(ready.wait());
        QCOMPARE(warnings.size(), 1);
        const QString warning = warnings.at(0).at(0).toString();
        QVERIFY2(warning.contains(QStringLiteral("+17705550042")), qPrintable(warning));
        QVERIFY(!warning.contains(QStringLiteral("+14045559999")));
        QVERIFY(!warning.contains(QStringLiteral("+61299999999")));
        // A reload with nothing changed does not repeat it.
        QSignalSpy loaded(&service, &ListenerService::numbersLoaded);
        service.reloadNumbers();
        QVERIFY(loaded.wait());
        QCOMPARE(warnings.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestListenerService)
#include "TestListenerService.moc"
