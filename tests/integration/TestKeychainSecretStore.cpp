// KeychainSecretStore against the real system keychain (GNOME Keyring over the Secret Service).
//
// The keychain cases need an unlocked keyring on a private session bus; tests/run-tests.sh starts
// one and sets SMSDESK_TEST_KEYCHAIN=1. Without it they are skipped. The no-keychain case always
// runs: it re-invokes this binary as a child process whose session bus address points to a
// socket that does not exist (QtKeychain and GLib keep the first bus connection for the life of
// a process, so it cannot be switched off inside this one).
//
// Secret values are random and never printed: they are compared with QVERIFY, not QCOMPARE.

#include "secrets/KeychainSecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <atomic>
#include <memory>

using namespace smsdesk;
using Status = SecretStore::Status;
using Kind = SecretStore::Kind;

namespace {
const char* statusName(SecretStore::Status status)
{
    switch (status) {
    case SecretStore::Status::Ok:
        return "Ok";
    case SecretStore::Status::NotFound:
        return "NotFound";
    case SecretStore::Status::NoKeychain:
        return "NoKeychain";
    case SecretStore::Status::AccessDenied:
        return "AccessDenied";
    case SecretStore::Status::Failed:
        return "Failed";
    }
    return "?";
}
} // namespace

namespace smsdesk {
// Lets QCOMPARE print statuses by name.
char* toString(SecretStore::Status status)
{
    return qstrdup(statusName(status));
}
} // namespace smsdesk

namespace {

constexpr int kTimeoutMs = 15000;
constexpr char kChildArgument[] = "--no-keychain-child";
constexpr char kChildSecretVariable[] = "SMSDESK_TEST_CHILD_SECRET";

QString randomSecret()
{
    return QStringLiteral("s3cr3t-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
}

// One call to the store: filled in by its callback, possibly on another thread.
struct Pending
{
    std::atomic<bool> done{false};
    std::atomic<int> calls{0};
    SecretStore::Result result;
    QThread* thread = nullptr;
};
using PendingPtr = std::shared_ptr<Pending>;

SecretStore::Callback recorder(const PendingPtr& pending)
{
    return [pending](const SecretStore::Result& result) {
        pending->result = result;
        pending->thread = QThread::currentThread();
        pending->calls.fetch_add(1);
        pending->done.store(true);
    };
}

QByteArray describe(const SecretStore::Result& result)
{
    // The status and the user-facing message; never the value.
    return QByteArray(statusName(result.status)) + ": " + result.message.toUtf8();
}

bool treeContains(const QString& root, const QByteArray& needle, QString* where)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
            *where = path;
            return true;
        }
    }
    return false;
}

} // namespace

// The store answered asynchronously (not inside the call), then within the timeout.
#define AWAIT(pending)                                                                             \
    do {                                                                                           \
        QVERIFY2(!(pending)->done.load(), "the callback ran before the call returned");            \
        QVERIFY2(QTest::qWaitFor([&]() { return (pending)->done.load(); }, kTimeoutMs),            \
                 "the keychain never answered");                                                   \
        QCOMPARE((pending)->calls.load(), 1);                                                      \
    } while (false)

#define AWAIT_OK(pending)                                                                          \
    do {                                                                                           \
        AWAIT(pending);                                                                            \
        QVERIFY2((pending)->result.ok(), describe((pending)->result).constData());                 \
    } while (false)

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_store;
    QStringList m_keys; // written by this run; removed again in cleanupTestCase()

    QString newKey(const QString& what)
    {
        const QString key =
            QStringLiteral("test/%1/%2").arg(what, QUuid::createUuid().toString(QUuid::Id128));
        m_keys << key;
        return key;
    }

    PendingPtr write(const QString& key, const QString& value)
    {
        auto pending = std::make_shared<Pending>();
        m_store->write(key, value, this, recorder(pending));
        return pending;
    }

    PendingPtr read(const QString& key)
    {
        auto pending = std::make_shared<Pending>();
        m_store->read(key, this, recorder(pending));
        return pending;
    }

    PendingPtr remove(const QString& key)
    {
        auto pending = std::make_shared<Pending>();
        m_store->remove(key, this, recorder(pending));
        return pending;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A service name of its own per run: never touches a real SMS Desk entry, and parallel
        // runs do not see each other.
        m_service =
            QStringLiteral("smsdesk-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        m_store = std::make_unique<KeychainSecretStore>(m_service);
    }

    void init()
    {
        if (QByteArrayView(QTest::currentTestFunction()) == "noKeychainRefusesAndWritesNothing")
            return;
        if (qEnvironmentVariableIsEmpty("SMSDESK_TEST_KEYCHAIN"))
            QSKIP("needs an unlocked keychain: run tests/run-tests.sh BUILD_DIR, which starts a "
                  "private GNOME Keyring and sets SMSDESK_TEST_KEYCHAIN=1");
    }

    void cleanupTestCase()
    {
        if (qEnvironmentVariableIsEmpty("SMSDESK_TEST_KEYCHAIN"))
            return;
        for (const QString& key : std::as_const(m_keys)) {
            auto pending = remove(key);
            if (!QTest::qWaitFor([&]() { return pending->done.load(); }, kTimeoutMs))
                qWarning("could not remove a test entry from the keychain");
        }
    }

    void writeThenReadBack()
    {
        const QString key = newKey(QStringLiteral("roundtrip"));
        const QString value = randomSecret();

        auto written = write(key, value);
        AWAIT_OK(written);

        auto back = read(key);
        AWAIT_OK(back);
        QVERIFY2(back->result.value == value, "read back a different value than was written");
    }

    void overwriteReplacesTheValue()
    {
        const QString key = newKey(QStringLiteral("overwrite"));
        const QString first = randomSecret();
        const QString second = randomSecret();

        auto w1 = write(key, first);
        AWAIT_OK(w1);
        auto w2 = write(key, second);
        AWAIT_OK(w2);

        auto back = read(key);
        AWAIT_OK(back);
        QVERIFY2(back->result.value == second, "the second write did not replace the first");
    }

    void readMissingIsNotFound()
    {
        auto missing = read(newKey(QStringLiteral("never-written")));
        AWAIT(missing);
        QCOMPARE(missing->result.status, Status::NotFound);
        QVERIFY(missing->result.value.isEmpty());
    }

    void removeThenReadIsNotFound()
    {
        const QString key = newKey(QStringLiteral("remove"));
        auto written = write(key, randomSecret());
        AWAIT_OK(written);

        auto removed = remove(key);
        AWAIT_OK(removed);

        auto gone = read(key);
        AWAIT(gone);
        QCOMPARE(gone->result.status, Status::NotFound);
        QVERIFY(gone->result.value.isEmpty());
    }

    void removeMissingSucceeds()
    {
        auto removed = remove(newKey(QStringLiteral("never-written")));
        AWAIT_OK(removed);
    }

    void numberKeysDoNotCollide()
    {
        const QString a = QStringLiteral("+14045559999");
        const QString b = QStringLiteral("+14045550000");
        const QStringList keys{SecretStore::numberKey(a, Kind::WebhookSecret),
                               SecretStore::numberKey(b, Kind::WebhookSecret),
                               SecretStore::numberKey(a, Kind::AuthorizationHeader),
                               SecretStore::numberKey(b, Kind::AuthorizationHeader)};
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
        m_keys << keys;

        QStringList values;
        for (const QString& key : keys) {
            values << randomSecret();
            auto written = write(key, values.constLast());
            AWAIT_OK(written);
        }
        for (int i = 0; i < keys.size(); ++i) {
            auto back = read(keys.at(i));
            AWAIT_OK(back);
            QVERIFY2(back->result.value == values.at(i),
                     qPrintable(
                         QStringLiteral("%1 came back with another key's value").arg(keys.at(i))));
        }

        // Removing one number's secret leaves the other number's alone.
        auto removed = remove(keys.at(0));
        AWAIT_OK(removed);
        auto gone = read(keys.at(0));
        AWAIT(gone);
        QCOMPARE(gone->result.status, Status::NotFound);
        auto other = read(keys.at(1));
        AWAIT_OK(other);
        QVERIFY(other->result.value == values.at(1));
    }

    void servicesDoNotCollide()
    {
        // The same key under another service name is another entry (tests rely on this).
        KeychainSecretStore otherStore(m_service + QStringLiteral("-other"));
        const QString key = newKey(QStringLiteral("service"));
        const QString mine = randomSecret();

        auto written = write(key, mine);
        AWAIT_OK(written);

        auto elsewhere = std::make_shared<Pending>();
        otherStore.read(key, this, recorder(elsewhere));
        AWAIT(elsewhere);
        QCOMPARE(elsewhere->result.status, Status::NotFound);
    }

    void callbacksRunOnTheCallingThread()
    {
        // GUI thread.
        auto here = write(newKey(QStringLiteral("thread")), randomSecret());
        AWAIT_OK(here);
        QCOMPARE(here->thread, QThread::currentThread());

        // A worker thread with its own event loop: the answer comes back there, not here.
        QThread worker;
        worker.setObjectName(QStringLiteral("keychain-test-worker"));
        worker.start();
        auto* context = new QObject;
        context->moveToThread(&worker);
        connect(&worker, &QThread::finished, context, &QObject::deleteLater);

        const QString key = newKey(QStringLiteral("thread"));
        const QString value = randomSecret();
        auto there = std::make_shared<Pending>();
        bool returnedFirst = false;
        QMetaObject::invokeMethod(
            context,
            [&]() {
                m_store->write(key, value, context, recorder(there));
                returnedFirst = !there->done.load();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY2(returnedFirst, "the callback ran before the call returned");
        const bool answered = QTest::qWaitFor([&]() { return there->done.load(); }, kTimeoutMs);
        worker.quit();
        worker.wait();
        QVERIFY2(answered, "the keychain never answered the worker thread");
        QVERIFY2(there->result.ok(), describe(there->result).constData());
        QCOMPARE(there->thread, &worker);
    }

    void destroyedContextIsNeverCalledBack()
    {
        const QString key = newKey(QStringLiteral("context"));
        const QString value = randomSecret();

        auto* context = new QObject;
        auto orphan = std::make_shared<Pending>();
        m_store->write(key, value, context, recorder(orphan));
        delete context;

        // QtKeychain runs jobs one after the other: once this read has answered, the write
        // above has finished too, and the read proves it really happened.
        auto later = read(key);
        AWAIT_OK(later);
        QVERIFY2(later->result.value == value,
                 "the write whose context was destroyed did not happen");
        QCoreApplication::processEvents();
        QVERIFY2(!orphan->done.load(), "a callback ran after its context object was destroyed");
        QCOMPARE(orphan->calls.load(), 0);
    }

    void noKeychainRefusesAndWritesNothing_data()
    {
        QTest::addColumn<QString>("bus");
        // A session bus address that leads nowhere, and (as for a root shell or a CI job) none
        // at all and no display to start one for.
        QTest::newRow("socket that does not exist") << QStringLiteral("missing-socket");
        QTest::newRow("no session bus address") << QStringLiteral("unset");
    }

    void noKeychainRefusesAndWritesNothing()
    {
        QFETCH(QString, bus);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret = randomSecret();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral(".local/state")));
        // An empty runtime dir: no "$XDG_RUNTIME_DIR/bus" for GLib or libdbus to fall back to.
        QVERIFY(QDir(home.path()).mkdir(QStringLiteral("runtime")));
        QVERIFY(QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        // The secret reaches the child the way SMS Desk takes secrets from scripts: through the
        // environment, never on a command line.
        env.insert(QString::fromLatin1(kChildSecretVariable), secret);

        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(kChildArgument), bus});
        QVERIFY2(child.waitForFinished(kTimeoutMs * 2), "the child process did not finish");
        const QByteArray out = child.readAllStandardOutput();
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(!out.contains(secret.toUtf8()) && !err.contains(secret.toUtf8()),
                 "the child printed the secret");
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 (out + err).constData());

        // The child reports one line per call: "write <status>\t<message>", "read <status>\t...".
        QMap<QString, QPair<QString, QString>> answers;
        for (const QString& line : QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts)) {
            const QString call = line.section(u' ', 0, 0);
            const QString rest = line.section(u' ', 1);
            answers.insert(call, {rest.section(u'\t', 0, 0), rest.section(u'\t', 1)});
        }
        QVERIFY2(answers.contains(QStringLiteral("write")), out.constData());
        QCOMPARE(answers.value(QStringLiteral("write")).first, QStringLiteral("NoKeychain"));
        const QString message = answers.value(QStringLiteral("write")).second;
        QVERIFY2(message.contains(QStringLiteral("No system keychain is available"),
                                  Qt::CaseInsensitive),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not saved")), qPrintable(message));
        // Reading does not pretend the entry is merely missing.
        QCOMPARE(answers.value(QStringLiteral("read")).first, QStringLiteral("NoKeychain"));

        // No plain-text fallback anywhere under the child's HOME (QtKeychain's insecure fallback
        // would write a QSettings file there).
        QString where;
        QVERIFY2(!treeContains(home.path(), secret.toUtf8(), &where),
                 qPrintable(QStringLiteral("the secret was written to %1").arg(where)));
    }
};

// Child mode of noKeychainRefusesAndWritesNothing: no session bus, so no keychain. Prints one
// line per call ("write NoKeychain<TAB>message"), never the secret.
static int runNoKeychainChild(int argc, char** argv)
{
    // Before anything can open a bus connection: argv[2] says which kind of "no bus".
    const QByteArray bus = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    if (bus == "missing-socket")
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + qgetenv("HOME") + "/no-such-bus-socket");
    else if (bus == "unset")
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        return 2;
    QCoreApplication app(argc, argv);
    const QString secret = qEnvironmentVariable(kChildSecretVariable);
    if (secret.isEmpty())
        return 2;
    qunsetenv(kChildSecretVariable);

    KeychainSecretStore store(QStringLiteral("smsdesk-test-no-keychain"));
    QTextStream out(stdout);
    auto report = [&out](const char* call, const SecretStore::Result& result) {
        out << call << ' ' << statusName(result.status) << '\t' << result.message << '\n';
        out.flush();
    };
    int answers = 0;
    const QString key = SecretStore::numberKey(QStringLiteral("+14045559999"), Kind::WebhookSecret);
    store.write(key, secret, &app, [&](const SecretStore::Result& result) {
        report("write", result);
        store.read(key, &app, [&](const SecretStore::Result& readResult) {
            report("read", readResult);
            ++answers;
            app.quit();
        });
        ++answers;
    });
    QTimer::singleShot(kTimeoutMs, &app, [&app]() { app.exit(3); });
    const int code = app.exec();
    return code != 0 ? code : (answers == 2 ? 0 : 4);
}

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], kChildArgument) == 0)
        return runNoKeychainChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeychainSecretStore.moc"
