#pragma once

#include "secrets/SecretStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace smsdesk::test {

// The base of the tests of one `smsdesk COMMAND` each: the built binary
// (SMSDESK_SMSDESK_BINARY, set by ctest) run in a private HOME/XDG tree, one per test function,
// against a real SQLite file in it (m_db, created by the first command that opens it).
//
// The database is checked from this process too (read-only), so "nothing changed" does not rest
// on the binary's own list command.
//
// Secrets: the cases with the real keychain need an unlocked keyring on a private session bus;
// tests/run-tests.sh starts one and sets SMSDESK_TEST_KEYCHAIN=1. Without it they are skipped,
// and the child processes get a session bus address that leads nowhere, so that a developer's
// own keychain is never touched. Secret values are random and never printed: compare them with
// QVERIFY, not QCOMPARE.
//
// A test class derives from it and declares only its test functions; initTestCase(), init()
// and cleanup() are these.
class CliTestCase : public QObject
{
    Q_OBJECT

protected:
    struct Run
    {
        int exitCode = -1; // -1: did not start, did not finish, or crashed
        QByteArray out;
        QByteArray err;
    };

    static bool keychainTestsEnabled();
    // Why a keychain case is skipped when keychainTestsEnabled() is false.
    static constexpr const char* KeychainSkip =
        "needs an unlocked keyring on a private session bus: run "
        "tests/run-tests.sh BUILD_DIR -R test_cli (it sets SMSDESK_TEST_KEYCHAIN=1)";
    // prefix + a random UUID: a secret value of the test's own.
    static QString randomValue(const QString& prefix);

    // Runs `smsdesk arguments` with `environment` on top of environment(), in m_root.
    Run smsdesk(const QStringList& arguments, const QMap<QString, QString>& environment = {});
    // A clean environment: PATH, LD_LIBRARY_PATH, the sanitizer options, LANG=C.UTF-8, HOME and
    // XDG_* in m_root, and the session bus of tests/run-tests.sh (a dead one without it).
    QProcessEnvironment environment(const QMap<QString, QString>& extra) const;
    // Writes `name` in m_root; its path, or empty when it cannot be written.
    QString writeFile(const QString& name, const QByteArray& content) const;
    // Plan "Basic" (monthly limit 1000) and +14045550000 (oncloud) on it.
    void seed();
    // Every row of both tables, read from the SQLite file by this process; empty when no file.
    QString snapshot() const;
    // `smsdesk COMMAND list --format jsonl`, one object per line; empty on any error.
    QList<QJsonObject> listJsonl(const QStringList& command);
    // The keychain's answer for `key` in the service smsdesk uses; none when it did not answer.
    std::optional<SecretStore::Result> readKeychain(const QString& key);
    // No file in m_root (the database with -wal/-shm, settings, caches) and no output of this
    // test's smsdesk runs holds any of `secrets`.
    void checkNoFileContains(const QList<QString>& secrets);

    QString m_binary;
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_db;
    QByteArray m_allOutput; // every stdout and stderr of this test, for the secret scan

protected Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
};

} // namespace smsdesk::test

// One line on stderr starting "smsdesk: ", nothing on stdout.
#define CHECK_ONE_ERROR_LINE(run)                                                                  \
    do {                                                                                           \
        QVERIFY2((run).out.isEmpty(), (run).out.constData());                                      \
        QVERIFY2((run).err.startsWith("smsdesk: "), (run).err.constData());                        \
        QVERIFY2((run).err.endsWith('\n') && (run).err.count('\n') == 1, (run).err.constData());   \
    } while (false)
