#pragma once

#include "store/Database.h"

#include <QTemporaryDir>
#include <QVariant>
#include <memory>

namespace smsdesk::test {

// A real, empty store for one test: a SQLite file in a fresh temporary folder, or a fresh
// database on the PostgreSQL server named by SMSDESK_TEST_PG (an admin URL such as
// postgresql://smsdesk@127.0.0.1:55432/postgres), dropped again afterwards.
class TempDatabase
{
public:
    explicit TempDatabase(DatabaseConfig::Backend backend = DatabaseConfig::Backend::Sqlite);
    ~TempDatabase();

    // Creates the store and opens it with migrations (Database::open).
    bool open(QString* error);
    // Creates the store without opening it, for tests that drive migrations themselves.
    bool create(QString* error);

    DatabaseConfig config() const { return m_config; }
    QString path() const { return m_dir.filePath(QStringLiteral("smsdesk.sqlite")); }
    QString dirPath() const { return m_dir.path(); }
    Database& database() { return *m_database; }

    // The first column of the first row of `sql`, with `values` bound in order, on this
    // thread's connection; the statement is finished before it returns. An invalid QVariant
    // (and a warning naming the statement) on error or when there is no row.
    QVariant scalar(const QString& sql, const QVariantList& values = {});
    // SELECT COUNT(*) FROM `table` [WHERE `where`]; -1 on error.
    qint64 count(const QString& table, const QString& where = {}, const QVariantList& values = {});

    DatabaseConfig::Backend backend() const { return m_backend; }

    // SMSDESK_TEST_PG is set. A test on both backends: StoreFixture.
    static bool postgresAvailable();
    // Why a PostgreSQL case is skipped when it is not set.
    static QString skipReason();
    // StoreFixture::addRows(), for a test not yet on StoreFixture.
    static void addBackendRows();

private:
    DatabaseConfig::Backend m_backend;
    QTemporaryDir m_dir;
    DatabaseConfig m_config;
    QString m_pgName;
    bool m_created = false;
    std::unique_ptr<Database> m_database;
};

} // namespace smsdesk::test

Q_DECLARE_METATYPE(smsdesk::DatabaseConfig::Backend)
