#include "Database.h"

#include "Migrations.h"
#include "StoreLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::Database", text);
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}
} // namespace

Database::Database(DatabaseConfig config) : m_config(std::move(config)) {}

Database::~Database()
{
    close();
}

bool Database::open(QString* error)
{
    close();
    if (m_config.backend() == DatabaseConfig::Backend::Sqlite) {
        const QFileInfo file(m_config.sqlitePath());
        if (!QDir().mkpath(file.absolutePath())) {
            *error = tr("Cannot create the folder %1.").arg(file.absolutePath());
            return false;
        }
    }
    const QString name =
        QStringLiteral("smsdesk-main-") + QUuid::createUuid().toString(QUuid::Id128);
    QString migrateError;
    bool migrated = false;
    {
        QSqlDatabase db = connect(name, error);
        if (!db.isValid())
            return false;
        m_mainConnection = name;
        migrated = Migrations::migrate(db, backend(), &migrateError);
    } // the connection must have no users left when close() removes it
    if (!migrated) {
        *error = tr("Cannot use the database %1: %2").arg(m_config.describe(), migrateError);
        close();
        return false;
    }
    qCInfo(lcStore) << "opened" << m_config.describe() << "schema version" << schemaVersion();
    return true;
}

void Database::close()
{
    if (m_mainConnection.isEmpty())
        return;
    closeConnection(m_mainConnection);
    m_mainConnection.clear();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_mainConnection, false);
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    return Migrations::currentVersion(db);
}

QSqlDatabase Database::openConnection(const QString& purpose, QString* error) const
{
    const QString name =
        QStringLiteral("smsdesk-%1-%2").arg(purpose, QUuid::createUuid().toString(QUuid::Id128));
    return connect(name, error);
}

void Database::closeConnection(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase Database::connect(const QString& name, QString* error) const
{
    const bool sqlite = m_config.backend() == DatabaseConfig::Backend::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        *error = tr("The Qt SQL driver %1 is not installed.").arg(driver);
        return {};
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        if (sqlite) {
            db.setDatabaseName(m_config.sqlitePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
        } else {
            db.setHostName(m_config.host());
            db.setPort(m_config.port());
            db.setDatabaseName(m_config.databaseName());
            db.setUserName(m_config.userName());
            db.setPassword(m_config.password());
            db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=smsdesk"));
        }
        QString failure;
        if (!db.open()) {
            failure = tr("Cannot open the database %1: %2")
                          .arg(m_config.describe(), db.lastError().text());
        } else if (sqlite) {
            // Connection settings first: they write nothing to the file. WAL is switched on
            // by the migrations, after the schema version has been found acceptable.
            QString sqlError;
            if (!exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &sqlError) ||
                !exec(db, QStringLiteral("PRAGMA synchronous = FULL"), &sqlError) ||
                // Statement journals (every statement inside the writer's per-job savepoints
                // has one) and temporary tables stay in memory instead of temporary files.
                !exec(db, QStringLiteral("PRAGMA temp_store = MEMORY"), &sqlError) ||
                !exec(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs),
                      &sqlError)) {
                failure =
                    tr("Cannot configure the database %1: %2").arg(m_config.describe(), sqlError);
            }
        }
        if (failure.isEmpty())
            return db;
        *error = failure;
    }
    closeConnection(name);
    return {};
}

bool Database::select(const QSqlDatabase& db, const QString& sql, const QVariantList& values,
                      const std::function<void(const QSqlQuery&)>& row, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        query.finish();
        return false;
    }
    while (query.next())
        row(query);
    const bool ok = !query.lastError().isValid();
    if (!ok)
        *error = query.lastError().text();
    query.finish();
    return ok;
}

bool Database::write(const QSqlDatabase& db, const QString& sql, const QVariantList& values,
                     QString* error)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    const bool ok = query.exec();
    if (!ok)
        *error = query.lastError().text();
    query.finish();
    return ok;
}

bool Database::inTransaction(QSqlDatabase db, const std::function<bool()>& writes, QString* error)
{
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (!writes()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace smsdesk
