// `smsdesk send`, run as the built binary (SMSDESK_SMSDESK_BINARY) in a private HOME/XDG tree
// against a real SQLite file, sending to the simulator's outbound endpoint served by this test
// process on 127.0.0.1 (its event loop turns while the binary runs). Every exit status of the
// command is provoked: sent (0), bad command line (2), refused before sending (3), refused by
// onCloud (4), not sent (5), unconfirmed (6).
//
// Secrets: the number's webhook secret goes into the real keychain (`numbers add --secret-env`);
// those cases need an unlocked keyring on a private session bus, which tests/run-tests.sh
// provides (SMSDESK_TEST_KEYCHAIN=1); without it they are skipped and the binary gets a bus that
// leads nowhere. Afterwards the secret is looked for everywhere it must not be: the database
// files, the settings file, every output, an export.

#include "OutboundEndpoint.h"
#include "http/HttpServer.h"
#include "outbound/OutboxStore.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "util/Clock.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <csignal>
#include <memory>

using namespace smsdesk;

namespace {

constexpr int kProcessTimeoutMs = 120000;
// A number of its own: test_cli runs at the same time against the same keyring.
const QString kDid = QStringLiteral("+14045550142");
const QString kDidDigits = QStringLiteral("14045550142");

bool keychainTestsEnabled()
{
    return qEnvironmentVariable("SMSDESK_TEST_KEYCHAIN") == u"1";
}

const char* kKeychainSkip = "needs an unlocked keyring on a private session bus: run "
                            "tests/run-tests.sh BUILD_DIR -R test_send_cli";

} // namespace

class TestSendCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QString m_binary;
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_db;
    QString m_secret;
    QByteArray m_allOutput;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<OutboundEndpoint> m_endpoint;
    bool m_numberAdded = false;

    QString base() const
    {
        return QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort());
    }

    QProcessEnvironment environment(const QMap<QString, QString>& extra = {}) const
    {
        QProcessEnvironment env;
        const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
        for (const QString& kept : {QStringLiteral("PATH"), QStringLiteral("LD_LIBRARY_PATH"),
                                    QStringLiteral("ASAN_OPTIONS"), QStringLiteral("UBSAN_OPTIONS"),
                                    QStringLiteral("LSAN_OPTIONS")}) {
            if (parent.contains(kept))
                env.insert(kept, parent.value(kept));
        }
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("America/New_York"));
        env.insert(QStringLiteral("HOME"), m_root->filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_root->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root->filePath(QStringLiteral("cache")));
        const bool privateBus =
            keychainTestsEnabled() && parent.contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   privateBus ? parent.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"))
                              : QStringLiteral("unix:path=/nonexistent"));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // Runs the binary while this process keeps serving the endpoint.
    Run smsdesk(const QStringList& arguments, const QMap<QString, QString>& extra = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment(extra));
        process.setWorkingDirectory(m_root->path());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(m_binary, arguments);
        Run run;
        if (!process.waitForStarted(kProcessTimeoutMs) ||
            !QTest::qWaitFor([&] { return !finished.isEmpty(); }, kProcessTimeoutMs)) {
            process.kill();
            process.waitForFinished();
            qWarning() << "smsdesk did not finish:" << arguments;
            return run;
        }
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        m_allOutput += run.out + run.err;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    Run send(const QString& text, const QStringList& more = {})
    {
        return smsdesk(QStringList{QStringLiteral("send"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--from"), QStringLiteral("(404) 555-0142"),
                                   QStringLiteral("--to"), QStringLiteral("(770) 555-1234"),
                                   QStringLiteral("--text"), text,
                                   QStringLiteral("--outbound-base"), base()} +
                       more);
    }

    void writeSettings(const QByteArray& ini)
    {
        const QString dir = m_root->filePath(QStringLiteral("config/smsdesk"));
        QVERIFY(QDir().mkpath(dir));
        QFile file(dir + QStringLiteral("/smsdesk.conf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini);
    }

    void addPlan(const QStringList& options)
    {
        const Run run = smsdesk(QStringList{QStringLiteral("plans"), QStringLiteral("add"),
                                            QStringLiteral("--db"), m_db, QStringLiteral("--name"),
                                            QStringLiteral("Basic")} +
                                options);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // The number, on plan Basic, with the secret in the real keychain (withSecret) or none.
    void addNumber(bool withSecret)
    {
        QStringList arguments{QStringLiteral("numbers"),    QStringLiteral("add"),
                              QStringLiteral("--db"),       m_db,
                              QStringLiteral("--number"),   kDid,
                              QStringLiteral("--provider"), QStringLiteral("oncloud"),
                              QStringLiteral("--plan"),     QStringLiteral("Basic")};
        if (withSecret)
            arguments << QStringLiteral("--secret-env") << QStringLiteral("SEND_TEST_SECRET");
        const Run run = smsdesk(arguments, {{QStringLiteral("SEND_TEST_SECRET"), m_secret}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_numberAdded = true;
    }

    QVariant scalar(const QString& sql)
    {
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        QVariant value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    value = query.value(0);
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    // Runs `sql` on the database file, as another process storing a webhook would.
    bool write(const QString& sql)
    {
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            if (db.open()) {
                QSqlQuery query(db);
                ok = query.exec(sql);
                if (!ok)
                    qWarning("%s", qPrintable(query.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    // The secret is nowhere: no file under the private root (database, WAL, settings, caches,
    // the export), no output of any run.
    void checkSecretNowhere()
    {
        const QByteArray secret = m_secret.toUtf8();
        QStringList scanned;
        QDirIterator it(m_root->path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            const QByteArray utf16(reinterpret_cast<const char*>(m_secret.utf16()),
                                   m_secret.size() * 2);
            QVERIFY2(!content.contains(secret) && !content.contains(utf16),
                     qPrintable(QStringLiteral("the secret is in %1").arg(path)));
            scanned << path;
        }
        QVERIFY2(scanned.contains(m_db), "the database was not scanned");
        QVERIFY2(scanned.contains(m_root->filePath(QStringLiteral("config/smsdesk/smsdesk.conf"))),
                 "the settings file was not scanned");
        QVERIFY(!m_allOutput.contains(secret));
        for (const OutboundEndpoint::Record& record : m_endpoint->records())
            QVERIFY(!record.toJsonLine().contains(secret));
    }

    // One line on stderr starting "smsdesk: ", nothing on stdout.
    static bool oneErrorLine(const Run& run)
    {
        return run.out.isEmpty() && run.err.startsWith("smsdesk: ") && run.err.count('\n') == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("SMSDESK_SMSDESK_BINARY");
        QVERIFY2(QFileInfo(m_binary).isExecutable(), "SMSDESK_SMSDESK_BINARY: run through ctest");
    }

    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        for (const char* dir : {"home", "data", "config", "cache", "db"})
            QVERIFY(QDir(m_root->path()).mkpath(QString::fromLatin1(dir)));
        m_db = m_root->filePath(QStringLiteral("db/smsdesk.sqlite"));
        m_secret = QStringLiteral("whsec-") + QUuid::createUuid().toString(QUuid::Id128);
        m_allOutput.clear();
        m_numberAdded = false;
        m_endpoint = std::make_unique<OutboundEndpoint>();
        m_endpoint->setSecret(m_secret);
        m_endpoint->setConfiguredDids({kDidDigits});
        m_server = std::make_unique<HttpServer>();
        m_endpoint->attach(m_server.get());
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        // Short waits for the failure cases.
        writeSettings("[outbound]\ntimeoutSeconds=1\nmaxAttempts=2\n");
    }

    void cleanup()
    {
        // Take the secret out of the keychain again.
        if (m_numberAdded && keychainTestsEnabled())
            smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                     m_db, QStringLiteral("--number"), kDid});
        m_server.reset();
        m_endpoint.reset();
        m_root.reset();
    }

    void helpDocumentsTheStatuses()
    {
        const Run run = smsdesk({QStringLiteral("send"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        const QString help = QString::fromUtf8(run.out);
        QVERIFY(help.startsWith(QStringLiteral("Usage: smsdesk send --from DID --to NUMBER")));
        for (const char* line :
             {"  0  onCloud accepted", "  2  bad command line", "  3  refused before sending",
              "  4  refused by onCloud", "  5  not sent", "  6  unconfirmed"})
            QVERIFY2(help.contains(QLatin1String(line)), line);
        for (const char* option :
             {"--from", "--to", "--text", "--media", "--outbound-base", "--db"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const QString db = QStringLiteral("--db=x.sqlite");
        QTest::newRow("no --from")
            << QStringList{QStringLiteral("send"),   db,
                           QStringLiteral("--to"),   QStringLiteral("7705551234"),
                           QStringLiteral("--text"), QStringLiteral("x")}
            << "--from is required";
        QTest::newRow("no --to") << QStringList{QStringLiteral("send"),   db,
                                                QStringLiteral("--from"), kDid,
                                                QStringLiteral("--text"), QStringLiteral("x")}
                                 << "--to is required";
        QTest::newRow("no text, no media")
            << QStringList{QStringLiteral("send"),   db,
                           QStringLiteral("--from"), kDid,
                           QStringLiteral("--to"),   QStringLiteral("7705551234")}
            << "give --text, --media or both";
        QTest::newRow("bad base") << QStringList{QStringLiteral("send"),
                                                 db,
                                                 QStringLiteral("--from"),
                                                 kDid,
                                                 QStringLiteral("--to"),
                                                 QStringLiteral("7705551234"),
                                                 QStringLiteral("--text"),
                                                 QStringLiteral("x"),
                                                 QStringLiteral("--outbound-base"),
                                                 QStringLiteral("ftp://example.com/")}
                                  << "--outbound-base";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("send"), QStringLiteral("--bogus")} << "bogus";
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run run = smsdesk(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(oneErrorLine(run), run.err.constData());
        QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_root->filePath(QStringLiteral("x.sqlite"))));
    }

    void refusedBeforeSending()
    {
        // Exit 3 for everything decided before the wire; the endpoint never hears of it.
        addPlan(
            {QStringLiteral("--monthly-limit"), QStringLiteral("5"), QStringLiteral("--inactive")});
        addNumber(false);
        Run run = send(QStringLiteral("no secret"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(oneErrorLine(run), run.err.constData());
        QVERIFY2(run.err.contains("WH-AUTH"), run.err.constData());
        QVERIFY(run.err.contains("webhook secret"));

        run =
            send(QStringLiteral("bad number"), {QStringLiteral("--to"), QStringLiteral("555-12")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("555-12"), run.err.constData());

        run =
            smsdesk({QStringLiteral("send"), QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                     QStringLiteral("+14045550199"), QStringLiteral("--to"),
                     QStringLiteral("7705551234"), QStringLiteral("--text"), QStringLiteral("x"),
                     QStringLiteral("--outbound-base"), base()});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("not one of your numbers"), run.err.constData());
        QCOMPARE(m_endpoint->records().size(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 0);
    }

    void optedOutIsRefusedBeforeSending()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("100")});
        addNumber(true);
        // (770) 555-1234 texts "Stop" to the number: stored as the listener stores it.
        QVERIFY(write(
            QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                "received_at) VALUES ('inbound', 'oncloud', '%1', '+17705551234', 'Stop', '[]', "
                "'received', 1770000000000)")
                .arg(kDid)));
        Run run = send(QStringLiteral("One more offer!"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(oneErrorLine(run), run.err.constData());
        QVERIFY2(run.err.contains("OPTED-OUT") && run.err.contains("opted out") &&
                     run.err.contains("STOP"),
                 run.err.constData());
        QCOMPARE(m_endpoint->records().size(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);

        // The list, as CSV.
        run = smsdesk(
            {QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--opt-outs")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).startsWith(
                     QStringLiteral("%1,+17705551234,true,STOP,2026-02-02T").arg(kDid).toUtf8()),
                 lines.at(1).constData());

        // START undoes it.
        QVERIFY(write(
            QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                "received_at) VALUES ('inbound', 'oncloud', '%1', '+17705551234', 'START', '[]', "
                "'received', 1770000060000)")
                .arg(kDid)));
        run = send(QStringLiteral("Welcome back"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_endpoint->records().size(), 1);
    }

    void sentPrintsTheCarrierId()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("100")});
        addNumber(true);
        const Run run = send(QStringLiteral("Your table is ready"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_endpoint->records().size(), 1);
        const OutboundEndpoint::Record record = m_endpoint->records().first();
        QCOMPARE(record.outcome, QStringLiteral("accepted")); // the keychain's secret matched
        QCOMPARE(record.from, kDidDigits);
        QCOMPARE(record.to, QStringLiteral("17705551234"));
        QCOMPARE(QString::fromUtf8(run.out), record.carrierId + QLatin1Char('\n'));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM messages")).toString(),
                 QStringLiteral("sent"));
        QCOMPARE(scalar(QStringLiteral("SELECT provider_message_id FROM messages")).toString(),
                 record.carrierId);

        // An MMS without text, the link as given.
        const Run mms =
            smsdesk({QStringLiteral("send"), QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                     kDid, QStringLiteral("--to"), QStringLiteral("+1 770 555 1234"),
                     QStringLiteral("--media"), QStringLiteral("https://example.com/menu.jpg"),
                     QStringLiteral("--outbound-base"), base()});
        QVERIFY2(mms.exitCode == 0, mms.err.constData());
        QCOMPARE(m_endpoint->records().last().mediaUrl,
                 QStringLiteral("https://example.com/menu.jpg"));
        QVERIFY(m_endpoint->records().last().text.isEmpty());

        // The export has the carrier id and nothing of the secret.
        const QString exported = m_root->filePath(QStringLiteral("export.jsonl"));
        const Run exportRun = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db,
                                       QStringLiteral("--output"), exported});
        QCOMPARE(exportRun.exitCode, 0);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        QCOMPARE(first.value(QStringLiteral("provider_message_id")).toString(), record.carrierId);
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
        checkSecretNowhere();
    }

    void planGuardAndProviderRefusals()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("2")});
        addNumber(true);
        // onCloud refuses with a code: 4, its meaning and what to do.
        Run run = send(QStringLiteral("[WH-23-4] hi"));
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(oneErrorLine(run), run.err.constData());
        QVERIFY(run.err.contains("WH-23-4"));
        QVERIFY(run.err.contains("does not include sending messages"));
        QVERIFY(run.err.contains("add outbound messages"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Inactive);
        run = send(QStringLiteral("plan off"));
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("WH-23-2"));
        m_endpoint->setPlanState(OutboundEndpoint::PlanState::Active);

        // Refused messages used nothing of the plan: two more go out, then the plan guard stops
        // the third with the provider's code, before the wire.
        QCOMPARE(send(QStringLiteral("one")).exitCode, 0);
        run = send(QStringLiteral("two"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning") && run.err.contains("2 of the 2"),
                 run.err.constData());
        const int onTheWire = int(m_endpoint->records().size());
        run = send(QStringLiteral("three"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("WH-23-3"), run.err.constData());
        QVERIFY(run.err.contains("next billing cycle"));
        QCOMPARE(int(m_endpoint->records().size()), onTheWire);
        checkSecretNowhere();
    }

    void networkFailureAndUnconfirmed()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("100")});
        addNumber(true);
        // Nothing listens: tried twice (outbound/maxAttempts=2), then 5.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString closed = QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort());
        probe.close();
        Run run = smsdesk({QStringLiteral("send"), QStringLiteral("--db"), m_db,
                           QStringLiteral("--from"), kDid, QStringLiteral("--to"),
                           QStringLiteral("7705551234"), QStringLiteral("--text"),
                           QStringLiteral("anyone?"), QStringLiteral("--outbound-base"), closed});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("attempt 1 failed") && run.err.contains("trying again"),
                 run.err.constData());
        QVERIFY2(run.err.contains("smsdesk: send: not sent"), run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbound_attempts")).toInt(), 2);

        // 500 on every request: transient, then 5 as well.
        m_endpoint->setFault(OutboundEndpoint::Fault::Http500);
        run = send(QStringLiteral("server down"));
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("HTTP-500"), run.err.constData());
        QCOMPARE(m_endpoint->records().size(), 2);

        // Sent, but no answer within outbound/timeoutSeconds=1: 6, and never sent again.
        m_endpoint->setFault(OutboundEndpoint::Fault::None);
        m_endpoint->setDelayMs(3000);
        run = send(QStringLiteral("slow"));
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains("unconfirmed"), run.err.constData());
        QVERIFY(run.err.contains("not send it again"));
        QTest::qWait(3500);
        QCOMPARE(m_endpoint->records().size(), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM messages ORDER BY id DESC LIMIT 1"))
                     .toString(),
                 QStringLiteral("unconfirmed"));
        checkSecretNowhere();
    }

    void headlessSendsWhatWasQueuedWhileItWasDown()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("100")});
        addNumber(true);
        // The window queued a message and was closed before it went out.
        qint64 id = 0;
        {
            DatabaseConfig config = DatabaseConfig::sqlite(m_db);
            Database database(config);
            QString error;
            QVERIFY2(database.open(&error), qPrintable(error));
            const Clock clock;
            OutboxStore outbox(database.connection(), clock, QTimeZone::systemTimeZone());
            const qint64 numberId = scalar(QStringLiteral("SELECT id FROM numbers")).toLongLong();
            const OutboxStore::QueueResult queued =
                outbox.queue(numberId, QStringLiteral("+17705551234"),
                             QStringLiteral("queued while closed"), {});
            QVERIFY2(queued.ok(), qPrintable(queued.error + queued.refusal));
            id = queued.messageId;
        }
        QProcess headless;
        headless.setProcessEnvironment(environment());
        QByteArray out;
        connect(&headless, &QProcess::readyReadStandardOutput, this,
                [&] { out += headless.readAllStandardOutput(); });
        headless.start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--db"), m_db,
                                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--outbound-base"), base()});
        QVERIFY(headless.waitForStarted(kProcessTimeoutMs));
        const QByteArray sentLine =
            QStringLiteral("outbox: message %1 sent (carrier ID ").arg(id).toUtf8();
        QVERIFY2(QTest::qWaitFor([&] { return out.contains(sentLine); }, kProcessTimeoutMs),
                 out.constData());
        QCOMPARE(m_endpoint->records().size(), 1);
        QCOMPARE(m_endpoint->records().first().text, QStringLiteral("queued while closed"));
        QVERIFY(out.contains(m_endpoint->records().first().carrierId.toUtf8()));
        ::kill(pid_t(headless.processId()), SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return headless.state() == QProcess::NotRunning; },
                                kProcessTimeoutMs));
        QCOMPARE(headless.exitStatus(), QProcess::NormalExit);
        QCOMPARE(headless.exitCode(), 0);
        m_allOutput += out + headless.readAllStandardError();
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM messages")).toString(),
                 QStringLiteral("sent"));
        QCOMPARE(m_endpoint->records().size(), 1);
        checkSecretNowhere();
    }

    void wrongSecretIsRefusedByOnCloud()
    {
        if (!keychainTestsEnabled())
            QSKIP(kKeychainSkip);
        addPlan({QStringLiteral("--monthly-limit"), QStringLiteral("100")});
        addNumber(true);
        m_endpoint->setSecret(QStringLiteral("what-onCloud-has"));
        const Run run = send(QStringLiteral("wrong secret"));
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("WH-AUTH"));
        QVERIFY(run.err.contains("onCloud administrator"));
        checkSecretNowhere();
    }
};

QTEST_GUILESS_MAIN(TestSendCli)
#include "TestSendCli.moc"
