#pragma once

#include <QString>

namespace smsdesk {

// Where the store lives: a SQLite file (the default) or a PostgreSQL server shared by a team.
class DatabaseConfig
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    // Reads a --db argument: empty means the default SQLite file in the user's data folder;
    // "postgresql://user@host:port/name" (or "postgres://") a PostgreSQL server; anything
    // else a SQLite file path. Returns false with a message when the argument is malformed.
    static bool fromArgument(const QString& argument, DatabaseConfig* config, QString* error);
    static DatabaseConfig sqlite(const QString& path);
    static QString defaultSqlitePath();

    Backend backend() const { return m_backend; }
    QString sqlitePath() const { return m_sqlitePath; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString databaseName() const { return m_databaseName; }
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    // For messages and logs: never contains the password.
    QString describe() const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_sqlitePath;
    QString m_host;
    int m_port = 5432;
    QString m_databaseName;
    QString m_userName;
    QString m_password;
};

} // namespace smsdesk
