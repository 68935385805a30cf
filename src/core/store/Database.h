#pragma once

#include "DatabaseConfig.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <functional>

class QSqlQuery;

namespace smsdesk {

// The SMS Desk store. open() connects, refuses a schema newer than this build knows
// (touching nothing), switches SQLite to WAL and runs pending migrations.
//
// QSqlDatabase connections belong to one thread: connection() is the connection of the
// thread that called open(); other threads (the writer, workers) call openConnection()
// from their own thread and closeConnection() when done.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool open(QString* error);
    bool isOpen() const { return !m_mainConnection.isEmpty(); }
    void close();

    const DatabaseConfig& config() const { return m_config; }
    DatabaseConfig::Backend backend() const { return m_config.backend(); }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    // A new connection with the same settings, for use in the calling thread only.
    QSqlDatabase openConnection(const QString& purpose, QString* error) const;
    static void closeConnection(const QString& connectionName);

    // Runs one SELECT on `db` with `values` bound in order, hands each row to `row` and
    // finishes the statement whatever happens, so no read transaction outlives the call (a
    // held SQLite statement would pin the WAL snapshot). False with `error` set on failure.
    static bool select(const QSqlDatabase& db, const QString& sql, const QVariantList& values,
                       const std::function<void(const QSqlQuery&)>& row, QString* error);
    // Runs one statement that writes (INSERT, UPDATE, DELETE) on `db` with `values` bound in
    // order and finishes it. False with `error` set on failure.
    static bool write(const QSqlDatabase& db, const QString& sql, const QVariantList& values,
                      QString* error);
    // Runs `writes` in one transaction on `db`: committed when it returns true, rolled back
    // when it returns false (having set `error`). False with `error` set on failure.
    static bool inTransaction(QSqlDatabase db, const std::function<bool()>& writes, QString* error);

    static constexpr int BusyTimeoutMs = 4000;

private:
    QSqlDatabase connect(const QString& name, QString* error) const;

    DatabaseConfig m_config;
    QString m_mainConnection;
};

} // namespace smsdesk
