#include "CliTestCase.h"

#include "secrets/KeychainSecretStore.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "util/Clock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QTest>
#include <QUuid>

namespace smsdesk::test {

namespace {
constexpr int kProcessTimeoutMs = 120000;
constexpr int kKeychainTimeoutMs = 15000;
} // namespace

bool CliTestCase::keychainTestsEnabled()
{
    return qEnvironmentVariable("SMSDESK_TEST_KEYCHAIN") == u"1";
}

QString CliTestCase::randomValue(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128);
}

void CliTestCase::initTestCase()
{
    m_binary = qEnvironmentVariable("SMSDESK_SMSDESK_BINARY");
    QVERIFY2(!m_binary.isEmpty(), "SMSDESK_SMSDESK_BINARY is not set: run the test through ctest");
    QVERIFY2(QFileInfo(m_binary).isExecutable(),
             qPrintable(m_binary + QLatin1String(" is not executable")));
}

void CliTestCase::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    for (const char* dir : {"home", "data", "config", "cache", "db"})
        QVERIFY(QDir(m_root->path()).mkpath(QString::fromLatin1(dir)));
    m_db = m_root->filePath(QStringLiteral("db/smsdesk.sqlite"));
    m_allOutput.clear();
}

void CliTestCase::cleanup()
{
    m_root.reset();
}

QProcessEnvironment CliTestCase::environment(const QMap<QString, QString>& extra) const
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

CliTestCase::Run CliTestCase::smsdesk(const QStringList& arguments,
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

QString CliTestCase::writeFile(const QString& name, const QByteArray& content) const
{
    const QString path = m_root->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void CliTestCase::seed()
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

QString CliTestCase::snapshot() const
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

QList<QJsonObject> CliTestCase::listJsonl(const QStringList& command)
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

std::optional<SecretStore::Result> CliTestCase::readKeychain(const QString& key)
{
    KeychainSecretStore store(QStringLiteral("smsdesk"));
    QObject receiver;
    std::optional<SecretStore::Result> result;
    store.read(key, &receiver, [&result](const SecretStore::Result& r) { result = r; });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, kKeychainTimeoutMs))
        return std::nullopt;
    return result;
}

void CliTestCase::checkNoFileContains(const QList<QString>& secrets)
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

} // namespace smsdesk::test
