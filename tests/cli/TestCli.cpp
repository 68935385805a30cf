// The `smsdesk numbers …` and `smsdesk plans …` command line, run as the built binary
// (SMSDESK_SMSDESK_BINARY) in a private HOME/XDG tree, against a real SQLite file.
//
// The database is checked from this process too (read-only), so "nothing changed" does not rest
// on the binary's own list command.
//
// Secrets: the cases with the real keychain need an unlocked keyring on a private session bus;
// tests/run-tests.sh starts one and sets SMSDESK_TEST_KEYCHAIN=1. Without it they are skipped,
// and the child processes get a session bus address that leads nowhere, so that a developer's
// own keychain is never touched. Secret values are random and never printed: they are compared
// with QVERIFY, not QCOMPARE.

#include "secrets/KeychainSecretStore.h"
#include "secrets/PathToken.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "util/Clock.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>
#include <optional>

using namespace smsdesk;

namespace {

constexpr int kProcessTimeoutMs = 120000;
constexpr int kKeychainTimeoutMs = 15000;

const QString kZonitelClient = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");

QString randomValue(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128);
}

bool keychainTestsEnabled()
{
    return qEnvironmentVariable("SMSDESK_TEST_KEYCHAIN") == u"1";
}

const char* kKeychainSkip =
    "needs an unlocked keyring on a private session bus: run "
    "tests/run-tests.sh BUILD_DIR -R test_cli (it sets SMSDESK_TEST_KEYCHAIN=1)";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void plansAddAndList();
    void plansBadInput_data();
    void plansBadInput();
    void numbersAddEveryProvider();
    void numbersListTable();
    void numbersAddUsesRegionOption();
    void numbersRemoveAcceptsTypedNumber();
    void numbersAddWarnsAndTakesATimeZone();
    void numbersBadInput_data();
    void numbersBadInput();
    void secretArgumentNotEchoed();
    void importGoodFile();
    void importBadRowsImportsNothing();
    void importRefusesSecretColumnAndBadQuoting_data();
    void importRefusesSecretColumnAndBadQuoting();
    void importMissingFile();
    void exportMessages();
    void noKeychainRefusesSecret();
    void noKeychainImportTakesBackEarlierRows();
    void noKeychainRefusesPathToken();
    void keychainSecretsStoredOnlyInKeychain();
    void keychainImportSecrets();
    void keychainPathToken();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run smsdesk(const QStringList& arguments, const QMap<QString, QString>& environment = {});
    QProcessEnvironment environment(const QMap<QString, QString>& extra) const;
    QString writeFile(const QString& name, const QByteArray& content) const;
    void seed();
    // Every row of both tables, read from the SQLite file by this process; empty when no file.
    QString snapshot() const;
    QList<QJsonObject> listJsonl(const QStringList& command);
    std::optional<SecretStore::Result> readKeychain(const QString& key);
    void checkNoFileContains(const QList<QString>& secrets);

    QString m_binary;
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_db;
    QByteArray m_allOutput; // every stdout and stderr of this test, for the secret scan
};

// --- helpers ------------------------------------------------------------------------------

void TestCli::initTestCase()
{
    m_binary = qEnvironmentVariable("SMSDESK_SMSDESK_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "SMSDESK_SMSDESK_BINARY is not set: run the test through ctest");
    QVERIFY2(QFileInfo(m_binary).isExecutable(),
             qPrintable(m_binary + QLatin1String(" is not executable")));
}

void TestCli::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    for (const char* dir : {"home", "data", "config", "cache", "db"})
        QVERIFY(QDir(m_root->path()).mkpath(QString::fromLatin1(dir)));
    m_db = m_root->filePath(QStringLiteral("db/smsdesk.sqlite"));
    m_allOutput.clear();
}

void TestCli::cleanup()
{
    m_root.reset();
}

QProcessEnvironment TestCli::environment(const QMap<QString, QString>& extra) const
{
    QProcessEnvironment env;
    const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
    for (const QString& kept : {QStringLiteral("PATH"), QStringLiteral("LD_LIBRARY_PATH"),
                                QStringLiteral("ASAN_OPTIONS"), QStringLiteral("UBSAN_OPTIONS")}) {
        if (parent.contains(kept))
            env.insert(kept, parent.value(kept));
    }
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("HOME"), m_root->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_root->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root->filePath(QStringLiteral("cache")));
    // The private test bus of tests/run-tests.sh; otherwise a bus that does not exist, so that
    // no test ever reaches the keychain of the person running it.
    const bool privateBus =
        keychainTestsEnabled() && parent.contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               privateBus ? parent.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"))
                          : QStringLiteral("unix:path=/nonexistent"));
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

TestCli::Run TestCli::smsdesk(const QStringList& arguments,
                              const QMap<QString, QString>& extraEnvironment)
{
    QProcess process;
    process.setProcessEnvironment(environment(extraEnvironment));
    process.setWorkingDirectory(m_root->path());
    process.start(m_binary, arguments);
    Run run;
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        qWarning() << "could not start" << m_binary << process.errorString();
        return run;
    }
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning() << "smsdesk did not finish:" << arguments.mid(0, 2);
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    m_allOutput += run.out + run.err;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QString TestCli::writeFile(const QString& name, const QByteArray& content) const
{
    const QString path = m_root->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestCli::seed()
{
    const Run plan =
        smsdesk({QStringLiteral("plans"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--name"), QStringLiteral("Basic"),
                 QStringLiteral("--monthly-limit"), QStringLiteral("1000")});
    QCOMPARE(plan.exitCode, 0);
    const Run number = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
         QStringLiteral("--number"), QStringLiteral("+14045550000"), QStringLiteral("--provider"),
         QStringLiteral("oncloud"), QStringLiteral("--plan"), QStringLiteral("Basic")});
    QCOMPARE(number.exitCode, 0);
}

QString TestCli::snapshot() const
{
    if (!QFileInfo::exists(m_db))
        return {};
    const QString name = QStringLiteral("snapshot-") + QUuid::createUuid().toString(QUuid::Id128);
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_db);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return QStringLiteral("<cannot open>");
        const Clock clock;
        const NumberRepository numbers(db, clock);
        for (const NumberRecord& n : numbers.list()) {
            result += QStringLiteral("number %1|%2|%3|%4|%5|%6|%7|%8|%9|")
                          .arg(n.id)
                          .arg(n.e164, n.label, n.provider)
                          .arg(n.enabled)
                          .arg(n.planId)
                          .arg(n.webhookUrl, n.fallbackEmail, n.serviceId);
            result += QStringLiteral("%1|%2|%3|%4|%5|%6|%7\n")
                          .arg(n.clientId, n.deviceId)
                          .arg(n.sim)
                          .arg(n.hasSecret)
                          .arg(n.hasAuthHeader)
                          .arg(n.pathTokenHash)
                          .arg(n.updatedAtMs);
        }
        const PlanRepository plans(db, clock);
        for (const PlanRecord& p : plans.list()) {
            result += QStringLiteral("plan %1|%2|%3|%4|%5|%6\n")
                          .arg(p.id)
                          .arg(p.name)
                          .arg(p.monthlyLimit)
                          .arg(p.outboundIncluded)
                          .arg(p.active)
                          .arg(p.cycleDay);
        }
        if (!numbers.lastError().isEmpty() || !plans.lastError().isEmpty())
            result += QStringLiteral("<error %1 %2>").arg(numbers.lastError(), plans.lastError());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QList<QJsonObject> TestCli::listJsonl(const QStringList& command)
{
    QList<QJsonObject> objects;
    const Run run =
        smsdesk(command + QStringList{QStringLiteral("list"), QStringLiteral("--db"), m_db,
                                      QStringLiteral("--format"), QStringLiteral("jsonl")});
    if (run.exitCode != 0 || !run.err.isEmpty()) {
        qWarning() << "list failed:" << run.exitCode << run.err;
        return objects;
    }
    for (const QByteArray& line : run.out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning() << "not a JSON object:" << line;
            return {};
        }
        objects << document.object();
    }
    return objects;
}

std::optional<SecretStore::Result> TestCli::readKeychain(const QString& key)
{
    KeychainSecretStore store(QStringLiteral("smsdesk"));
    QObject receiver;
    std::optional<SecretStore::Result> result;
    store.read(key, &receiver, [&result](const SecretStore::Result& r) { result = r; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, kKeychainTimeoutMs))
        return std::nullopt;
    return result;
}

void TestCli::checkNoFileContains(const QList<QString>& secrets)
{
    int scanned = 0;
    QDirIterator it(m_root->path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        ++scanned;
        for (const QString& secret : secrets) {
            const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()),
                                   secret.size() * 2);
            QVERIFY2(!content.contains(secret.toUtf8()) && !content.contains(utf16),
                     qPrintable(QStringLiteral("a secret value is in %1").arg(path)));
        }
    }
    QVERIFY2(scanned > 0, "no file was scanned");
    QVERIFY2(QFileInfo::exists(m_db), "the database file is not where the scan looks");
    for (const QString& secret : secrets)
        QVERIFY2(!m_allOutput.contains(secret.toUtf8()),
                 "a secret value is in the output of smsdesk");
}

// One line on stderr starting "smsdesk: ", nothing on stdout.
#define CHECK_ONE_ERROR_LINE(run)                                                                  \
    do {                                                                                           \
        QVERIFY2((run).out.isEmpty(), (run).out.constData());                                      \
        QVERIFY2((run).err.startsWith("smsdesk: "), (run).err.constData());                        \
        QVERIFY2((run).err.endsWith('\n') && (run).err.count('\n') == 1, (run).err.constData());   \
    } while (false)

// --- help ---------------------------------------------------------------------------------

void TestCli::helpForEveryCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("numbers") << QStringList{QStringLiteral("numbers"), QStringLiteral("--help")}
                             << QStringLiteral("import");
    QTest::newRow("numbers add") << QStringList{QStringLiteral("numbers"), QStringLiteral("add"),
                                                QStringLiteral("--help")}
                                 << QStringLiteral("--auth-header-env");
    QTest::newRow("numbers list") << QStringList{QStringLiteral("numbers"), QStringLiteral("list"),
                                                 QStringLiteral("--help")}
                                  << QStringLiteral("--format");
    QTest::newRow("numbers remove")
        << QStringList{QStringLiteral("numbers"), QStringLiteral("remove"),
                       QStringLiteral("--help")}
        << QStringLiteral("--number");
    QTest::newRow("numbers import")
        << QStringList{QStringLiteral("numbers"), QStringLiteral("import"),
                       QStringLiteral("--help")}
        << QStringLiteral("secret_env");
    QTest::newRow("plans") << QStringList{QStringLiteral("plans"), QStringLiteral("--help")}
                           << QStringLiteral("--monthly-limit");
    QTest::newRow("plans add") << QStringList{QStringLiteral("plans"), QStringLiteral("add"),
                                              QStringLiteral("--help")}
                               << QStringLiteral("--cycle-day");
    QTest::newRow("plans list") << QStringList{QStringLiteral("plans"), QStringLiteral("list"),
                                               QStringLiteral("--help")}
                                << QStringLiteral("jsonl");
}

void TestCli::helpForEveryCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = smsdesk(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("Usage: smsdesk %1").arg(arguments.first())),
             qPrintable(out));
    QVERIFY2(out.contains(expected), qPrintable(out));
    QVERIFY2(!QFileInfo::exists(m_db), "--help touched the database");
}

// --- plans --------------------------------------------------------------------------------

void TestCli::plansAddAndList()
{
    const QStringList add{QStringLiteral("plans"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    Run run = smsdesk(add + QStringList{QStringLiteral("--name"), QStringLiteral("Basic"),
                                        QStringLiteral("--monthly-limit"), QStringLiteral("1000")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QVERIFY2(run.out.contains("Basic") && run.out.count('\n') == 1, run.out.constData());

    run = smsdesk(add + QStringList{QStringLiteral("--name"), QStringLiteral("Pro Plus"),
                                    QStringLiteral("--monthly-limit"), QStringLiteral("25000"),
                                    QStringLiteral("--no-outbound"), QStringLiteral("--inactive"),
                                    QStringLiteral("--cycle-day"), QStringLiteral("15")});
    QCOMPARE(run.exitCode, 0);

    // A number on Basic makes its count 1.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("+14045559999"),
                   QStringLiteral("--provider"), QStringLiteral("oncloud"),
                   QStringLiteral("--plan"), QStringLiteral("Basic")});
    QCOMPARE(run.exitCode, 0);

    const QList<QJsonObject> plans = listJsonl({QStringLiteral("plans")});
    QCOMPARE(plans.size(), 2);
    const QJsonObject basic = plans.at(0);
    const QJsonObject pro = plans.at(1);
    QCOMPARE(basic.keys().size(), 7);
    QVERIFY(basic.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(basic.value(QStringLiteral("name")).toString(), QStringLiteral("Basic"));
    QCOMPARE(basic.value(QStringLiteral("monthly_limit")).toInt(), 1000);
    QCOMPARE(basic.value(QStringLiteral("outbound_included")), QJsonValue(true));
    QCOMPARE(basic.value(QStringLiteral("active")), QJsonValue(true));
    QCOMPARE(basic.value(QStringLiteral("cycle_day")).toInt(), 1);
    QCOMPARE(basic.value(QStringLiteral("numbers")).toInt(), 1);
    QCOMPARE(pro.value(QStringLiteral("name")).toString(), QStringLiteral("Pro Plus"));
    QCOMPARE(pro.value(QStringLiteral("monthly_limit")).toInt(), 25000);
    QCOMPARE(pro.value(QStringLiteral("outbound_included")), QJsonValue(false));
    QCOMPARE(pro.value(QStringLiteral("active")), QJsonValue(false));
    QCOMPARE(pro.value(QStringLiteral("cycle_day")).toInt(), 15);
    QCOMPARE(pro.value(QStringLiteral("numbers")).toInt(), 0);
    QVERIFY(pro.value(QStringLiteral("id")).toInteger() !=
            basic.value(QStringLiteral("id")).toInteger());

    // The table: a header and one row per plan, in aligned columns.
    run = smsdesk({QStringLiteral("plans"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype nameColumn = lines.at(0).indexOf(QLatin1String("NAME"));
    const qsizetype limitColumn = lines.at(0).indexOf(QLatin1String("MONTHLY LIMIT"));
    QVERIFY(nameColumn > 0 && limitColumn > nameColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("Basic")), nameColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("1000")), limitColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("Pro Plus")), nameColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("25000")), limitColumn);
}

void TestCli::plansBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no name") << QStringList{QStringLiteral("--monthly-limit"), QStringLiteral("10")}
                             << QStringLiteral("--name");
    QTest::newRow("empty name") << QStringList{QStringLiteral("--name"), QStringLiteral("  "),
                                               QStringLiteral("--monthly-limit"),
                                               QStringLiteral("10")}
                                << QStringLiteral("--name");
    QTest::newRow("no limit") << QStringList{QStringLiteral("--name"), QStringLiteral("X")}
                              << QStringLiteral("--monthly-limit");
    QTest::newRow("limit not a number")
        << QStringList{QStringLiteral("--name"), QStringLiteral("X"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("lots")}
        << QStringLiteral("--monthly-limit");
    QTest::newRow("limit zero") << QStringList{QStringLiteral("--name"), QStringLiteral("X"),
                                               QStringLiteral("--monthly-limit"),
                                               QStringLiteral("0")}
                                << QStringLiteral("--monthly-limit");
    QTest::newRow("cycle day 32") << QStringList{QStringLiteral("--name"),
                                                 QStringLiteral("X"),
                                                 QStringLiteral("--monthly-limit"),
                                                 QStringLiteral("10"),
                                                 QStringLiteral("--cycle-day"),
                                                 QStringLiteral("32")}
                                  << QStringLiteral("--cycle-day");
    QTest::newRow("duplicate name")
        << QStringList{QStringLiteral("--name"), QStringLiteral("Basic"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("10")}
        << QStringLiteral("already exists");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--name"),          QStringLiteral("X"),
                       QStringLiteral("--monthly-limit"), QStringLiteral("10"),
                       QStringLiteral("--colour"),        QStringLiteral("red")}
        << QStringLiteral("colour");
}

void TestCli::plansBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    QVERIFY(!before.isEmpty());
    const Run run = smsdesk(
        QStringList{QStringLiteral("plans"), QStringLiteral("add"), QStringLiteral("--db"), m_db} +
        arguments);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    QCOMPARE(snapshot(), before);
}

// --- numbers add / list / remove ----------------------------------------------------------

void TestCli::numbersAddEveryProvider()
{
    seed();
    const QStringList add{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    struct Case
    {
        QStringList arguments;
        QString expected;
    };
    const QList<Case> cases{
        {{QStringLiteral("--number"), QStringLiteral("+1 (404) 555-9999"),
          QStringLiteral("--provider"), QStringLiteral("oncloud"), QStringLiteral("--label"),
          QStringLiteral("Front desk"), QStringLiteral("--plan"), QStringLiteral("Basic"),
          QStringLiteral("--webhook-url"),
          QStringLiteral("http://sms.example.com/webhooks/oncloud"),
          QStringLiteral("--fallback-email"), QStringLiteral("support@example.com")},
         QStringLiteral("added +14045559999 (oncloud)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+17705551234"), QStringLiteral("--provider"),
          QStringLiteral("pbx"), QStringLiteral("--service-id"), QStringLiteral("8812")},
         QStringLiteral("added +17705551234 (pbx)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+44 20 7946 0958"),
          QStringLiteral("--provider"), QStringLiteral("zonitel"), QStringLiteral("--client-id"),
          kZonitelClient, QStringLiteral("--webhook-url"),
          QStringLiteral("https://sms.example.com/webhooks/zonitel")},
         QStringLiteral("added +442079460958 (zonitel)\n")},
        {{QStringLiteral("--number"), QStringLiteral("+61 412 345 678"),
          QStringLiteral("--provider"), QStringLiteral("android-gateway"),
          QStringLiteral("--device-id"), QStringLiteral("7"), QStringLiteral("--sim"),
          QStringLiteral("1"), QStringLiteral("--disabled")},
         QStringLiteral("added +61412345678 (android-gateway)\n")},
    };
    for (const Case& c : cases) {
        const Run run = smsdesk(add + c.arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QCOMPARE(QString::fromUtf8(run.out), c.expected);
    }

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 5);
    QHash<QString, QJsonObject> byNumber;
    const QStringList keys{QStringLiteral("auth_header_set"), QStringLiteral("client_id"),
                           QStringLiteral("device_id"),       QStringLiteral("enabled"),
                           QStringLiteral("fallback_email"),  QStringLiteral("id"),
                           QStringLiteral("label"),           QStringLiteral("number"),
                           QStringLiteral("path_token_set"),  QStringLiteral("plan"),
                           QStringLiteral("provider"),        QStringLiteral("secret_set"),
                           QStringLiteral("service_id"),      QStringLiteral("sim"),
                           QStringLiteral("webhook_url")};
    for (const QJsonObject& number : numbers) {
        QCOMPARE(number.keys(), keys);
        QCOMPARE(number.value(QStringLiteral("secret_set")), QJsonValue(false));
        QCOMPARE(number.value(QStringLiteral("auth_header_set")), QJsonValue(false));
        QCOMPARE(number.value(QStringLiteral("path_token_set")), QJsonValue(false));
        byNumber.insert(number.value(QStringLiteral("number")).toString(), number);
    }

    const QJsonObject oncloud = byNumber.value(QStringLiteral("+14045559999"));
    QCOMPARE(oncloud.value(QStringLiteral("provider")).toString(), QStringLiteral("oncloud"));
    QCOMPARE(oncloud.value(QStringLiteral("label")).toString(), QStringLiteral("Front desk"));
    QCOMPARE(oncloud.value(QStringLiteral("plan")).toString(), QStringLiteral("Basic"));
    QCOMPARE(oncloud.value(QStringLiteral("enabled")), QJsonValue(true));
    QCOMPARE(oncloud.value(QStringLiteral("webhook_url")).toString(),
             QStringLiteral("http://sms.example.com/webhooks/oncloud"));
    QCOMPARE(oncloud.value(QStringLiteral("fallback_email")).toString(),
             QStringLiteral("support@example.com"));
    QVERIFY(oncloud.value(QStringLiteral("sim")).isNull());

    const QJsonObject pbx = byNumber.value(QStringLiteral("+17705551234"));
    QCOMPARE(pbx.value(QStringLiteral("provider")).toString(), QStringLiteral("pbx"));
    QCOMPARE(pbx.value(QStringLiteral("service_id")).toString(), QStringLiteral("8812"));
    QVERIFY(pbx.value(QStringLiteral("plan")).isNull());

    const QJsonObject zonitel = byNumber.value(QStringLiteral("+442079460958"));
    QCOMPARE(zonitel.value(QStringLiteral("provider")).toString(), QStringLiteral("zonitel"));
    QCOMPARE(zonitel.value(QStringLiteral("client_id")).toString(), kZonitelClient);
    QCOMPARE(zonitel.value(QStringLiteral("webhook_url")).toString(),
             QStringLiteral("https://sms.example.com/webhooks/zonitel"));

    const QJsonObject android = byNumber.value(QStringLiteral("+61412345678"));
    QCOMPARE(android.value(QStringLiteral("provider")).toString(),
             QStringLiteral("android-gateway"));
    QCOMPARE(android.value(QStringLiteral("device_id")).toString(), QStringLiteral("7"));
    QCOMPARE(android.value(QStringLiteral("sim")), QJsonValue(1));
    QCOMPARE(android.value(QStringLiteral("enabled")), QJsonValue(false));

    // The store agrees with the list.
    const QString stored = snapshot();
    for (const QString& e164 : byNumber.keys())
        QVERIFY2(stored.contains(QStringLiteral("|%1|").arg(e164)), qPrintable(stored));
}

void TestCli::numbersListTable()
{
    seed();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("+61412345678"),
                       QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                       QStringLiteral("--label"), QStringLiteral("Warehouse"),
                       QStringLiteral("--device-id"), QStringLiteral("12"), QStringLiteral("--sim"),
                       QStringLiteral("0")});
    QCOMPARE(run.exitCode, 0);
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--format"), QStringLiteral("table")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype numberColumn = lines.at(0).indexOf(QLatin1String("NUMBER"));
    const qsizetype labelColumn = lines.at(0).indexOf(QLatin1String("LABEL"));
    const qsizetype planColumn = lines.at(0).indexOf(QLatin1String("PLAN"));
    QVERIFY(numberColumn >= 0 && labelColumn > numberColumn && planColumn > labelColumn);
    // Rows are ordered by number: +1… before +61….
    QCOMPARE(lines.at(1).indexOf(QLatin1String("+14045550000")), numberColumn);
    QCOMPARE(lines.at(1).indexOf(QLatin1String("Basic")), planColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("+61412345678")), numberColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("Warehouse")), labelColumn);
    QVERIFY2(lines.at(2).contains(QLatin1String("device 12 sim 0")), qPrintable(lines.at(2)));

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
}

void TestCli::numbersAddUsesRegionOption()
{
    // Without a country code the number is read in --region.
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("0412 345 678"),
                       QStringLiteral("--region"), QStringLiteral("au"),
                       QStringLiteral("--provider"), QStringLiteral("pbx")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +61412345678 (pbx)\n"));

    // The setting phone/defaultRegion is the default...
    QVERIFY(QDir().mkpath(m_root->filePath(QStringLiteral("config/smsdesk"))));
    QVERIFY(!writeFile(QStringLiteral("config/smsdesk/smsdesk.conf"), "[phone]\ndefaultRegion=GB\n")
                 .isEmpty());
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("020 7946 0958"),
                   QStringLiteral("--provider"), QStringLiteral("pbx")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +442079460958 (pbx)\n"));

    // ...and --region wins over it, for remove too.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US"), QStringLiteral("--provider"),
                   QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +14045559999 (oncloud)\n"));
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("0412 345 678"),
                   QStringLiteral("--region"), QStringLiteral("AU")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +61412345678\n"));
    const QString stored = snapshot();
    QVERIFY(!stored.contains(QLatin1String("+61412345678")));
    QVERIFY(stored.contains(QLatin1String("+442079460958")) &&
            stored.contains(QLatin1String("+14045559999")));
}

// A possible number the phone number data does not know is added, with a warning on stderr;
// a gateway number takes the time zone its device's times are in.
void TestCli::numbersAddWarnsAndTakesATimeZone()
{
    const QStringList add{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                          m_db};
    Run run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+447700900123"),
                                        QStringLiteral("--provider"), QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +447700900123 (oncloud)\n"));
    QVERIFY2(run.err.startsWith("smsdesk: warning: --number +44 7700 900123 is in no number range"),
             run.err.constData());

    run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550042"),
                                    QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                                    QStringLiteral("--device-id"), QStringLiteral("42"),
                                    QStringLiteral("--sim"), QStringLiteral("1"),
                                    QStringLiteral("--time-zone"),
                                    QStringLiteral("Australia/Sydney")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    {
        const QString name = QStringLiteral("zone-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            const Clock clock;
            const auto number =
                NumberRepository(db, clock).findByE164(QStringLiteral("+17705550042"));
            QVERIFY(number);
            QCOMPARE(number->timeZone, QStringLiteral("Australia/Sydney"));
        }
        QSqlDatabase::removeDatabase(name);
    }

    const QString before = snapshot();
    run = smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550043"),
                                    QStringLiteral("--provider"), QStringLiteral("android-gateway"),
                                    QStringLiteral("--device-id"), QStringLiteral("43"),
                                    QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--time-zone \"Mars/Olympus\": Enter a time zone"),
             run.err.constData());
    run =
        smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+14045559999"),
                                  QStringLiteral("--provider"), QStringLiteral("oncloud"),
                                  QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--time-zone does not apply to provider oncloud"),
             run.err.constData());
    QCOMPARE(snapshot(), before);
}

void TestCli::numbersRemoveAcceptsTypedNumber()
{
    seed();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), QStringLiteral("+14045559999"),
                       QStringLiteral("--provider"), QStringLiteral("oncloud")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(snapshot().contains(QLatin1String("+14045559999")));

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +14045559999\n"));
    const QString after = snapshot();
    QVERIFY(!after.contains(QLatin1String("+14045559999")));
    QVERIFY(after.contains(QLatin1String("+14045550000"))); // the other number stays

    // Removing it again: not provisioned.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("1-404-555-9999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("not provisioned"), run.err.constData());
    QCOMPARE(snapshot(), after);

    // A number that is not a number at all.
    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("(404) 555-99999"),
                   QStringLiteral("--region"), QStringLiteral("US")});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QCOMPARE(snapshot(), after);
}

void TestCli::numbersBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("variable"); // set in the environment, when not empty: NAME=VALUE
    QTest::addColumn<QString>("expected");
    const QString number = QStringLiteral("--number");
    const QString provider = QStringLiteral("--provider");
    const QString good = QStringLiteral("+14045559999");
    const QString oncloud = QStringLiteral("oncloud");

    QTest::newRow("invalid number")
        << QStringList{number,
                       QStringLiteral("(404) 555-99999"),
                       QStringLiteral("--region"),
                       QStringLiteral("US"),
                       provider,
                       oncloud}
        << QString()
        << QStringLiteral("smsdesk: --number \"(404) 555-99999\" is not a valid number");
    QTest::newRow("not a number") << QStringList{number, QStringLiteral("call me"), provider,
                                                 oncloud}
                                  << QString() << QStringLiteral("--number");
    QTest::newRow("device id for oncloud")
        << QStringList{number,
                       good,
                       provider,
                       oncloud,
                       QStringLiteral("--device-id"),
                       QStringLiteral("42")}
        << QString() << QStringLiteral("smsdesk: --device-id does not apply to provider oncloud");
    QTest::newRow("service id for zonitel")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("zonitel"),
                       QStringLiteral("--service-id"),
                       QStringLiteral("SVC-1")}
        << QString() << QStringLiteral("--service-id does not apply to provider zonitel");
    QTest::newRow("unknown provider")
        << QStringList{number, good, provider, QStringLiteral("sms77")} << QString()
        << QStringLiteral("--provider \"sms77\"");
    QTest::newRow("bad URL") << QStringList{number,
                                            good,
                                            provider,
                                            oncloud,
                                            QStringLiteral("--webhook-url"),
                                            QStringLiteral("sms.example.com/hook")}
                             << QString() << QStringLiteral("--webhook-url");
    QTest::newRow("Zonitel http URL")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("zonitel"),
                       QStringLiteral("--client-id"),
                       kZonitelClient,
                       QStringLiteral("--webhook-url"),
                       QStringLiteral("http://sms.example.com/webhooks/zonitel")}
        << QString() << QStringLiteral("https://");
    QTest::newRow("Zonitel client id") << QStringList{number,
                                                      good,
                                                      provider,
                                                      QStringLiteral("zonitel"),
                                                      QStringLiteral("--client-id"),
                                                      QStringLiteral("client-7")}
                                       << QString() << QStringLiteral("--client-id");
    QTest::newRow("bad email") << QStringList{number,
                                              good,
                                              provider,
                                              oncloud,
                                              QStringLiteral("--fallback-email"),
                                              QStringLiteral("support at example")}
                               << QString() << QStringLiteral("--fallback-email");
    QTest::newRow("gateway without device")
        << QStringList{number, good, provider, QStringLiteral("android-gateway")} << QString()
        << QStringLiteral("--device-id");
    QTest::newRow("SIM 2") << QStringList{number,
                                          good,
                                          provider,
                                          QStringLiteral("android-gateway"),
                                          QStringLiteral("--device-id"),
                                          QStringLiteral("7"),
                                          QStringLiteral("--sim"),
                                          QStringLiteral("2")}
                           << QString() << QStringLiteral("--sim");
    QTest::newRow("SIM not a number") << QStringList{number,
                                                     good,
                                                     provider,
                                                     QStringLiteral("android-gateway"),
                                                     QStringLiteral("--device-id"),
                                                     QStringLiteral("7"),
                                                     QStringLiteral("--sim"),
                                                     QStringLiteral("first")}
                                      << QString() << QStringLiteral("--sim");
    QTest::newRow("unknown plan") << QStringList{number,
                                                 good,
                                                 provider,
                                                 oncloud,
                                                 QStringLiteral("--plan"),
                                                 QStringLiteral("Gold")}
                                  << QString() << QStringLiteral("--plan \"Gold\"");
    QTest::newRow("duplicate number")
        << QStringList{number,
                       QStringLiteral("(404) 555-0000"),
                       QStringLiteral("--region"),
                       QStringLiteral("US"),
                       provider,
                       QStringLiteral("pbx")}
        << QString() << QStringLiteral("+14045550000 is already provisioned");
    QTest::newRow("--secret") << QStringList{number,
                                             good,
                                             provider,
                                             oncloud,
                                             QStringLiteral("--secret"),
                                             QStringLiteral("abc")}
                              << QString() << QStringLiteral("--secret-env");
    QTest::newRow("--secret=") << QStringList{number, good, provider, oncloud,
                                              QStringLiteral("--secret=abc")}
                               << QString() << QStringLiteral("--secret-env");
    QTest::newRow("--auth-header") << QStringList{number,
                                                  good,
                                                  provider,
                                                  oncloud,
                                                  QStringLiteral("--auth-header"),
                                                  QStringLiteral("Bearer abc")}
                                   << QString() << QStringLiteral("--auth-header-env");
    QTest::newRow("--path-token") << QStringList{number,
                                                 good,
                                                 provider,
                                                 QStringLiteral("pbx"),
                                                 QStringLiteral("--path-token"),
                                                 QStringLiteral("abcdefghijklmnopqrstuvwxyz")}
                                  << QString() << QStringLiteral("--path-token-env VAR");
    QTest::newRow("path token too short")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=abc123")
        << QStringLiteral("smsdesk: --path-token-env SMS_PATH_TOKEN: A path token has 22 to 128 "
                          "characters, only letters, digits, '-' and '_'.");
    QTest::newRow("path token with slash")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=abcdefghijklmnop/../qrstuvwxyz")
        << QStringLiteral("--path-token-env SMS_PATH_TOKEN: A path token");
    QTest::newRow("empty path token variable")
        << QStringList{number,
                       good,
                       provider,
                       QStringLiteral("pbx"),
                       QStringLiteral("--path-token-env"),
                       QStringLiteral("SMS_PATH_TOKEN")}
        << QStringLiteral("SMS_PATH_TOKEN=") << QStringLiteral("SMS_PATH_TOKEN is not set");
    QTest::newRow("unset variable")
        << QStringList{number,
                       good,
                       provider,
                       oncloud,
                       QStringLiteral("--secret-env"),
                       QStringLiteral("SMSDESK_TEST_NOT_SET")}
        << QString() << QStringLiteral("SMSDESK_TEST_NOT_SET is not set");
    QTest::newRow("empty variable") << QStringList{number,
                                                   good,
                                                   provider,
                                                   oncloud,
                                                   QStringLiteral("--auth-header-env"),
                                                   QStringLiteral("SMS_AUTH")}
                                    << QStringLiteral("SMS_AUTH=") << QStringLiteral("SMS_AUTH");
    QTest::newRow("Zonitel auth without Bearer") << QStringList{number,
                                                                good,
                                                                provider,
                                                                QStringLiteral("zonitel"),
                                                                QStringLiteral("--auth-header-env"),
                                                                QStringLiteral("SMS_AUTH")}
                                                 << QStringLiteral("SMS_AUTH=Basic dXNlcjpwYXNz")
                                                 << QStringLiteral("--auth-header-env SMS_AUTH");
    QTest::newRow("unknown region") << QStringList{number,
                                                   good,
                                                   provider,
                                                   oncloud,
                                                   QStringLiteral("--region"),
                                                   QStringLiteral("XX")}
                                    << QString() << QStringLiteral("--region");
    QTest::newRow("no number") << QStringList{provider, oncloud} << QString()
                               << QStringLiteral("--number");
    QTest::newRow("no provider") << QStringList{number, good} << QString()
                                 << QStringLiteral("--provider");
    QTest::newRow("unknown option")
        << QStringList{number, good, provider, oncloud, QStringLiteral("--colour")} << QString()
        << QStringLiteral("colour");
    QTest::newRow("stray argument")
        << QStringList{number, good, provider, oncloud, QStringLiteral("extra")} << QString()
        << QStringLiteral("extra");
}

void TestCli::numbersBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, variable);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    QVERIFY(!before.isEmpty());
    QMap<QString, QString> env;
    if (!variable.isEmpty())
        env.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    const Run run = smsdesk(QStringList{QStringLiteral("numbers"), QStringLiteral("add"),
                                        QStringLiteral("--db"), m_db} +
                                arguments,
                            env);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    // A refused value (secret, token) is named by its variable, never repeated.
    const QString value = variable.section(u'=', 1);
    if (!value.isEmpty())
        QVERIFY2(!run.err.contains(value.toUtf8()), "the refused value was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCli::secretArgumentNotEchoed()
{
    const QString secret = randomValue(QStringLiteral("whsec-"));
    for (const QStringList& given : {QStringList{QStringLiteral("--secret"), secret},
                                     QStringList{QStringLiteral("--auth-header=Bearer ") + secret},
                                     QStringList{QStringLiteral("--path-token=") + secret}}) {
        const Run run = smsdesk(
            QStringList{QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"),
                        m_db, QStringLiteral("--number"), QStringLiteral("+14045559999"),
                        QStringLiteral("--provider"), QStringLiteral("oncloud")} +
            given);
        QCOMPARE(run.exitCode, 2);
        CHECK_ONE_ERROR_LINE(run);
        QVERIFY2(!run.err.contains(secret.toUtf8()), "the refused secret was echoed");
        QVERIFY2(!QFileInfo::exists(m_db), "a refused command opened the database");
    }
}

// --- import -------------------------------------------------------------------------------

void TestCli::importGoodFile()
{
    seed();
    // Columns in any order, RFC 4180 quoting (a comma and doubled quotes), CRLF line ends,
    // an empty trailing line, numbers typed the way people type them.
    const QByteArray csv =
        "label,number,provider,plan,webhook_url,service_id,client_id,device_id,sim\r\n"
        "\"Sales, \"\"East\"\"\",(404) "
        "555-9999,oncloud,Basic,https://sms.example.com/webhooks/oncloud,,,,\r\n"
        "PBX line,+1 770 555 1234,pbx,,,8812,,,\r\n"
        "Zonitel,+44 20 7946 0958,zonitel,Basic,https://sms.example.com/webhooks/zonitel,,"
        "550e8400-e29b-41d4-a716-446655440000,,\r\n"
        "\"Gateway\",+61412345678,android-gateway,,,,,7,1\r\n"
        "\r\n";
    const QString file = writeFile(QStringLiteral("numbers.csv"), csv);
    const Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--region"), QStringLiteral("US"), file});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("imported 4 numbers\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 5);
    QHash<QString, QJsonObject> byNumber;
    for (const QJsonObject& number : numbers)
        byNumber.insert(number.value(QStringLiteral("number")).toString(), number);
    QCOMPARE(
        byNumber.value(QStringLiteral("+14045559999")).value(QStringLiteral("label")).toString(),
        QStringLiteral("Sales, \"East\""));
    QCOMPARE(
        byNumber.value(QStringLiteral("+14045559999")).value(QStringLiteral("plan")).toString(),
        QStringLiteral("Basic"));
    QCOMPARE(byNumber.value(QStringLiteral("+17705551234"))
                 .value(QStringLiteral("service_id"))
                 .toString(),
             QStringLiteral("8812"));
    QCOMPARE(byNumber.value(QStringLiteral("+442079460958"))
                 .value(QStringLiteral("client_id"))
                 .toString(),
             kZonitelClient);
    QCOMPARE(byNumber.value(QStringLiteral("+61412345678")).value(QStringLiteral("sim")),
             QJsonValue(1));
    QCOMPARE(byNumber.value(QStringLiteral("+61412345678"))
                 .value(QStringLiteral("device_id"))
                 .toString(),
             QStringLiteral("7"));

    const QList<QJsonObject> plans = listJsonl({QStringLiteral("plans")});
    QCOMPARE(plans.size(), 1);
    QCOMPARE(plans.first().value(QStringLiteral("numbers")).toInt(), 3);
}

void TestCli::importBadRowsImportsNothing()
{
    seed();
    const QString before = snapshot();
    // Line 2 is fine; 3: invalid number; 4: unknown provider and a Zonitel-style http URL is
    // fine for it but the provider is not; 5: already provisioned; 6: a quoted field spanning
    // two lines (label with a line break); 8: the same number as line 2; 9: unknown plan.
    const QByteArray csv =
        "number,provider,label,plan,webhook_url\n"
        "+14045559999,oncloud,Good,,\n"
        "(404) 555-99999,oncloud,Bad number,,\n"
        "+17705551234,sms77,Bad provider,,\n"
        "+1 404 555 0000,pbx,Taken,,\n"
        "+442079460958,zonitel,\"two\nlines\",,https://sms.example.com/webhooks/zonitel\n"
        "+1 (404) 555-9999,pbx,Again,,\n"
        "+61412345678,oncloud,No plan,Gold,\n"
        "+13125550000,zonitel,Plain http,,http://sms.example.com/webhooks/zonitel\n";
    const QString file = writeFile(QStringLiteral("bad.csv"), csv);
    const Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--region"), QStringLiteral("US"), file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    const QStringList expected{
        QStringLiteral("%1:3: number \"(404) 555-99999\" is not a valid number").arg(file),
        QStringLiteral("%1:4: provider \"sms77\"").arg(file),
        QStringLiteral("%1:5: The number +14045550000 is already provisioned.").arg(file),
        QStringLiteral("%1:6: label").arg(file),
        QStringLiteral("%1:8: The number +14045559999 is also on line 2.").arg(file),
        QStringLiteral("%1:9: plan \"Gold\"").arg(file),
        QStringLiteral("%1:10: webhook_url \"http://sms.example.com/webhooks/zonitel\"").arg(file),
        QStringLiteral("smsdesk: %1: nothing imported: 7 rows have errors.").arg(file),
    };
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(expected.at(i)),
                 qPrintable(lines.at(i) + QLatin1String(" | ") + expected.at(i)));
    QCOMPARE(snapshot(), before);
}

void TestCli::importRefusesSecretColumnAndBadQuoting_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected"); // after "FILE:"
    QTest::newRow("secret column")
        << QByteArray("number,provider,secret\n+14045559999,oncloud,hunter2\n")
        << QStringLiteral("1: The column \"secret\" would put a secret in the file");
    QTest::newRow("unknown column")
        << QByteArray("number,provider,colour\n+14045559999,oncloud,red\n")
        << QStringLiteral("1: Unknown column \"colour\"");
    QTest::newRow("no provider column")
        << QByteArray("number,label\n+14045559999,x\n")
        << QStringLiteral("1: The header has no \"provider\" column.");
    QTest::newRow("empty file") << QByteArray("") << QStringLiteral("1: The file is empty");
    QTest::newRow("unclosed quote")
        << QByteArray("number,provider,label\n+14045559999,oncloud,\"open\n")
        << QStringLiteral("2: A quoted field starts in this row and is never closed.");
    QTest::newRow("stray quote") << QByteArray(
                                        "number,provider,label\n+14045559999,oncloud,6\" tall\n")
                                 << QStringLiteral("2: A quote inside a field");
    QTest::newRow("text after quote")
        << QByteArray("number,provider,label\n+14045559999,oncloud,\"a\"b\n")
        << QStringLiteral("2: Unexpected text after a closing quote");
    QTest::newRow("field count") << QByteArray("number,provider,label\n+14045559999,oncloud\n")
                                 << QStringLiteral("2: The row has 2 fields, the header 3.");
    QTest::newRow("unset secret variable")
        << QByteArray("number,provider,secret_env\n+14045559999,oncloud,SMSDESK_TEST_NOT_SET\n")
        << QStringLiteral("2: secret_env: the environment variable SMSDESK_TEST_NOT_SET is not set "
                          "or is empty.");
    QTest::newRow("not UTF-8") << QByteArray(
                                      "number,provider,label\n+14045559999,oncloud,caf\xe9\n")
                               << QStringLiteral("2: The file is not UTF-8 text");
}

void TestCli::importRefusesSecretColumnAndBadQuoting()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    seed();
    const QString before = snapshot();
    const QString file = writeFile(QStringLiteral("import.csv"), csv);
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(file + u':' + expected), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("smsdesk: ")), qPrintable(lines.at(1)));
    QVERIFY2(!run.err.contains("hunter2"), "a secret from the file was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCli::importMissingFile()
{
    seed();
    const QString before = snapshot();
    Run run = smsdesk({QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"),
                       m_db, m_root->filePath(QStringLiteral("nowhere.csv"))});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QCOMPARE(snapshot(), before);
}

// --- secrets ------------------------------------------------------------------------------

void TestCli::exportMessages()
{
    // An empty store exports nothing, successfully.
    Run empty = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.isEmpty());

    {
        const QString name = QStringLiteral("export-seed");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (int i = 0; i < 3; ++i) {
                query.prepare(QStringLiteral(
                    "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                    "received_at, dedupe_key) VALUES ('inbound', 'pbx', '+14045559999', "
                    "'+17705551234', ?, '[]', 'received', ?, ?)"));
                query.addBindValue(QStringLiteral("message %1, \"quoted\"").arg(i));
                query.addBindValue(qint64(1'771'011'000'000 - i * 1000));
                query.addBindValue(QStringLiteral("pbx:%1").arg(i));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

    const Run jsonl = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db});
    QCOMPARE(jsonl.exitCode, 0);
    const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    // Oldest first: message 2 was received first.
    QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(u"text").toString(),
             QStringLiteral("message 2, \"quoted\""));
    QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(u"received_at").toString(),
             QStringLiteral("2026-02-13T19:30:00.000Z"));

    const QString csvPath = m_root->filePath(QStringLiteral("out.csv"));
    const Run csv =
        smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--format"),
                 QStringLiteral("csv"), QStringLiteral("--output"), csvPath});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.contains("exported 3 message"));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("id,direction,provider,did,remote,text,media,status,"));
    QVERIFY(content.contains(",\"message 0, \"\"quoted\"\"\","));
    QCOMPARE(content.count("\r\n"), 4);

    const Run bad = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db,
                             QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.out.isEmpty());
    QCOMPARE(bad.err.count('\n'), 1);
    QVERIFY(bad.err.startsWith("smsdesk: "));
    QVERIFY(bad.err.contains("xml"));
}

void TestCli::noKeychainRefusesSecret()
{
    seed();
    const QString before = snapshot();
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
         QStringLiteral("--number"), QStringLiteral("+14045559999"), QStringLiteral("--provider"),
         QStringLiteral("oncloud"), QStringLiteral("--secret-env"), QStringLiteral("SMS_SECRET")},
        {{QStringLiteral("SMS_SECRET"), secret},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    const QString error = QString::fromUtf8(run.err);
    QVERIFY2(error.contains(
                 QRegularExpression(QStringLiteral("no (system )?keychain (service )?is available"),
                                    QRegularExpression::CaseInsensitiveOption)),
             qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("+14045559999 was not added")), qPrintable(error));
    QVERIFY2(!run.err.contains(secret.toUtf8()), "the secret was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCli::noKeychainImportTakesBackEarlierRows()
{
    seed();
    const QString before = snapshot();
    // Every row is valid; the keychain fails on line 3, after line 2 was added: line 2 is
    // taken back, so nothing is imported.
    const QByteArray csv = "number,provider,secret_env\n"
                           "+14045559999,oncloud,\n"
                           "+17705551234,pbx,SMS_SECRET\n";
    const QString file = writeFile(QStringLiteral("secrets.csv"), csv);
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file},
        {{QStringLiteral("SMS_SECRET"), secret},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(file + QLatin1String(":3: +17705551234 was not added")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("smsdesk: ")) &&
                 lines.at(1).contains(QLatin1String("nothing imported")),
             qPrintable(lines.at(1)));
    QVERIFY2(!run.err.contains(secret.toUtf8()), "the secret was echoed");
    QCOMPARE(snapshot(), before);
}

void TestCli::noKeychainRefusesPathToken()
{
    seed();
    const QString before = snapshot();
    const QString token = PathToken::generate();
    const Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
         QStringLiteral("--number"), QStringLiteral("+17705551234"), QStringLiteral("--provider"),
         QStringLiteral("pbx"), QStringLiteral("--path-token-env"),
         QStringLiteral("SMS_PATH_TOKEN")},
        {{QStringLiteral("SMS_PATH_TOKEN"), token},
         {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}});
    QCOMPARE(run.exitCode, 1);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("+17705551234 was not added"), run.err.constData());
    QCOMPARE(snapshot(), before);
    checkNoFileContains({token});
}

void TestCli::keychainSecretsStoredOnlyInKeychain()
{
    if (!keychainTestsEnabled())
        QSKIP(kKeychainSkip);
    seed();
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const QString auth = randomValue(QStringLiteral("Bearer tok-"));
    const QString e164 = QStringLiteral("+14045559999");
    const QString secretKey = SecretStore::numberKey(e164, SecretStore::Kind::WebhookSecret);
    const QString authKey = SecretStore::numberKey(e164, SecretStore::Kind::AuthorizationHeader);

    Run run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("add"), QStringLiteral("--db"), m_db,
                 QStringLiteral("--number"), QStringLiteral("(404) 555-9999"),
                 QStringLiteral("--region"), QStringLiteral("US"), QStringLiteral("--provider"),
                 QStringLiteral("zonitel"), QStringLiteral("--client-id"), kZonitelClient,
                 QStringLiteral("--secret-env"), QStringLiteral("SMS_SECRET"),
                 QStringLiteral("--auth-header-env"), QStringLiteral("SMS_AUTH")},
                {{QStringLiteral("SMS_SECRET"), secret}, {QStringLiteral("SMS_AUTH"), auth}});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +14045559999 (zonitel)\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    const QJsonObject added = numbers.at(1); // ordered by number: +14045550000 first
    QCOMPARE(added.value(QStringLiteral("number")).toString(), e164);
    QCOMPARE(added.value(QStringLiteral("secret_set")), QJsonValue(true));
    QCOMPARE(added.value(QStringLiteral("auth_header_set")), QJsonValue(true));
    QCOMPARE(numbers.at(0).value(QStringLiteral("secret_set")), QJsonValue(false));
    run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);

    // The keychain holds exactly the values.
    auto stored = readKeychain(secretKey);
    QVERIFY2(stored, "the keychain did not answer");
    QVERIFY2(stored->ok(), qPrintable(stored->message));
    QVERIFY2(stored->value == secret, "the keychain holds another webhook secret");
    stored = readKeychain(authKey);
    QVERIFY2(stored && stored->ok(),
             stored ? qPrintable(stored->message) : "the keychain did not answer");
    QVERIFY2(stored->value == auth, "the keychain holds another Authorization value");

    // And nothing else does: the database (with -wal/-shm), settings, caches, output.
    checkNoFileContains({secret, auth});

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), QStringLiteral("+1 404 555 9999")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("removed +14045559999\n"));
    for (const QString& key : {secretKey, authKey}) {
        const auto gone = readKeychain(key);
        QVERIFY2(gone, "the keychain did not answer");
        QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    }
    checkNoFileContains({secret, auth});
}

void TestCli::keychainImportSecrets()
{
    if (!keychainTestsEnabled())
        QSKIP(kKeychainSkip);
    const QString secret = randomValue(QStringLiteral("whsec-"));
    const QString auth = randomValue(QStringLiteral("Bearer tok-"));
    const QByteArray csv = "number,provider,secret_env,auth_header_env\n"
                           "+17705551234,pbx,PBX_SECRET,\n"
                           "+442079460958,zonitel,,ZONITEL_AUTH\n";
    const QString file = writeFile(QStringLiteral("secrets.csv"), csv);
    Run run = smsdesk(
        {QStringLiteral("numbers"), QStringLiteral("import"), QStringLiteral("--db"), m_db, file},
        {{QStringLiteral("PBX_SECRET"), secret}, {QStringLiteral("ZONITEL_AUTH"), auth}});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("imported 2 numbers\n"));

    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(numbers.at(0).value(QStringLiteral("number")).toString(),
             QStringLiteral("+17705551234"));
    QCOMPARE(numbers.at(0).value(QStringLiteral("secret_set")), QJsonValue(true));
    QCOMPARE(numbers.at(0).value(QStringLiteral("auth_header_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("secret_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("auth_header_set")), QJsonValue(true));

    auto stored = readKeychain(
        SecretStore::numberKey(QStringLiteral("+17705551234"), SecretStore::Kind::WebhookSecret));
    QVERIFY2(stored && stored->ok() && stored->value == secret,
             "the PBX secret is not in the keychain");
    stored = readKeychain(SecretStore::numberKey(QStringLiteral("+442079460958"),
                                                 SecretStore::Kind::AuthorizationHeader));
    QVERIFY2(stored && stored->ok() && stored->value == auth,
             "the Zonitel Authorization value is not in the keychain");
    checkNoFileContains({secret, auth});

    for (const QString& number :
         {QStringLiteral("+17705551234"), QStringLiteral("+442079460958")}) {
        run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                       m_db, QStringLiteral("--number"), number});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
    for (const QString& key :
         {SecretStore::numberKey(QStringLiteral("+17705551234"), SecretStore::Kind::WebhookSecret),
          SecretStore::numberKey(QStringLiteral("+442079460958"),
                                 SecretStore::Kind::AuthorizationHeader)}) {
        const auto gone = readKeychain(key);
        QVERIFY2(gone, "the keychain did not answer");
        QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    }
}

void TestCli::keychainPathToken()
{
    if (!keychainTestsEnabled())
        QSKIP(kKeychainSkip);
    seed();
    const QString token = PathToken::generate();
    const QString e164 = QStringLiteral("+17705551234");
    const QString key = SecretStore::numberKey(e164, SecretStore::Kind::PathToken);
    const QStringList add{QStringLiteral("numbers"),
                          QStringLiteral("add"),
                          QStringLiteral("--db"),
                          m_db,
                          QStringLiteral("--provider"),
                          QStringLiteral("pbx"),
                          QStringLiteral("--path-token-env"),
                          QStringLiteral("SMS_PATH_TOKEN")};
    const QMap<QString, QString> env{{QStringLiteral("SMS_PATH_TOKEN"), token}};

    Run run = smsdesk(add + QStringList{QStringLiteral("--number"), e164}, env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("added +17705551234 (pbx)\n"));

    // Listed as set, never shown.
    const QList<QJsonObject> numbers = listJsonl({QStringLiteral("numbers")});
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(numbers.at(0).value(QStringLiteral("path_token_set")), QJsonValue(false));
    QCOMPARE(numbers.at(1).value(QStringLiteral("number")).toString(), e164);
    QCOMPARE(numbers.at(1).value(QStringLiteral("path_token_set")), QJsonValue(true));
    QCOMPARE(numbers.at(1).value(QStringLiteral("secret_set")), QJsonValue(false));
    run =
        smsdesk({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const qsizetype column = lines.at(0).indexOf(QLatin1String("PATH TOKEN"));
    QVERIFY2(column > 0, qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1).mid(column, 3).trimmed(), QStringLiteral("no"));
    QCOMPARE(lines.at(2).mid(column, 3).trimmed(), QStringLiteral("yes"));

    // The keychain holds the token; the database its SHA-256 and nothing more.
    auto stored = readKeychain(key);
    QVERIFY2(stored, "the keychain did not answer");
    QVERIFY2(stored->ok(), qPrintable(stored->message));
    QVERIFY2(stored->value == token, "the keychain holds another path token");
    const QString hash = PathToken::hash(token.toUtf8());
    QVERIFY2(snapshot().contains(QStringLiteral("|%1|").arg(hash)), qPrintable(snapshot()));
    QVERIFY(!m_allOutput.contains(hash.toUtf8()));

    // Another number with the same token: refused before anything is written.
    const QString before = snapshot();
    run =
        smsdesk(add + QStringList{QStringLiteral("--number"), QStringLiteral("+17705550000")}, env);
    QCOMPARE(run.exitCode, 2);
    CHECK_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains("--path-token-env SMS_PATH_TOKEN") &&
                 run.err.contains("already used by +17705551234"),
             run.err.constData());
    QCOMPARE(snapshot(), before);
    const auto other = readKeychain(
        SecretStore::numberKey(QStringLiteral("+17705550000"), SecretStore::Kind::PathToken));
    QVERIFY2(other, "the keychain did not answer");
    QCOMPARE(int(other->status), int(SecretStore::Status::NotFound));

    checkNoFileContains({token});

    run = smsdesk({QStringLiteral("numbers"), QStringLiteral("remove"), QStringLiteral("--db"),
                   m_db, QStringLiteral("--number"), e164});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto gone = readKeychain(key);
    QVERIFY2(gone, "the keychain did not answer");
    QCOMPARE(int(gone->status), int(SecretStore::Status::NotFound));
    QVERIFY(!snapshot().contains(hash));
    checkNoFileContains({token});
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
