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

    static bool postgresAvailable();
    // For data-driven tests: adds rows "sqlite" and "postgres" to the current test data
    // (column "backend"); init() calls skipUnavailable() to QSKIP PostgreSQL when absent.
    static void addBackendRows();
    static QString skipReason();

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
