#include "DatabaseConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace smsdesk {

bool DatabaseConfig::fromArgument(const QString& argument, DatabaseConfig* config, QString* error)
{
    if (argument.isEmpty()) {
        *config = sqlite(defaultSqlitePath());
        return true;
    }
    if (argument.startsWith(QLatin1String("postgresql://")) ||
        argument.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(argument, QUrl::StrictMode);
        const QString name = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || name.isEmpty() || name.contains(u'/')) {
            *error = QCoreApplication::translate(
                "smsdesk::DatabaseConfig",
                "The database URL is not valid: use postgresql://USER@HOST[:PORT]/DATABASE.");
            return false;
        }
        DatabaseConfig pg;
        pg.m_backend = Backend::Postgres;
        pg.m_host = url.host();
        pg.m_port = url.port(5432);
        pg.m_databaseName = name;
        pg.m_userName = url.userName();
        pg.m_password = url.password();
        *config = pg;
        return true;
    }
    *config = sqlite(QDir::cleanPath(QDir::current().absoluteFilePath(argument)));
    return true;
}

DatabaseConfig DatabaseConfig::sqlite(const QString& path)
{
    DatabaseConfig config;
    config.m_backend = Backend::Sqlite;
    config.m_sqlitePath = path;
    return config;
}

QString DatabaseConfig::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QLatin1String("/smsdesk.sqlite");
}

QString DatabaseConfig::describe() const
{
    if (m_backend == Backend::Sqlite)
        return m_sqlitePath;
    QString user = m_userName.isEmpty() ? QString() : m_userName + u'@';
    return QStringLiteral("postgresql://%1%2:%3/%4")
        .arg(user, m_host)
        .arg(m_port)
        .arg(m_databaseName);
}

} // namespace smsdesk
