#include "TempDatabase.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace smsdesk::test {

namespace {
const char* const kPgVariable = "SMSDESK_TEST_PG";

// Runs one statement on the admin database of the test server.
bool adminExec(const QString& sql, QString* error)
{
    DatabaseConfig admin;
    if (!DatabaseConfig::fromArgument(qEnvironmentVariable(kPgVariable), &admin, error))
        return false;
    // The store's own connection code, without migrations.
    const Database server(admin);
    QString name;
    bool ok = false;
    {
        QSqlDatabase db = server.openConnection(QStringLiteral("admin"), error);
        if (!db.isValid())
            return false;
        name = db.connectionName();
        QSqlQuery query(db);
        ok = query.exec(sql);
        if (!ok)
            *error = query.lastError().text();
    }
    Database::closeConnection(name);
    return ok;
}
} // namespace

TempDatabase::TempDatabase(DatabaseConfig::Backend backend)
    : m_backend(backend), m_config(DatabaseConfig::sqlite(path()))
{}

TempDatabase::~TempDatabase()
{
    m_database.reset();
    if (m_created && m_backend == DatabaseConfig::Backend::Postgres) {
        QString error;
        if (!adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName),
                       &error))
            qWarning("could not drop test database %s: %s", qPrintable(m_pgName),
                     qPrintable(error));
    }
}

bool TempDatabase::postgresAvailable()
{
    return !qEnvironmentVariableIsEmpty(kPgVariable);
}

QString TempDatabase::skipReason()
{
    return QStringLiteral(
               "%1 is not set: tests/run-tests.sh starts a PostgreSQL server and sets it")
        .arg(QLatin1String(kPgVariable));
}

void TempDatabase::addBackendRows()
{
    StoreFixture::addRows();
}

bool TempDatabase::create(QString* error)
{
    if (m_backend == DatabaseConfig::Backend::Sqlite) {
        m_created = m_dir.isValid();
        if (!m_created)
            *error = m_dir.errorString();
    } else {
        if (!DatabaseConfig::fromArgument(qEnvironmentVariable(kPgVariable), &m_config, error))
            return false;
        m_pgName = QStringLiteral("smsdesk_test_") + QUuid::createUuid().toString(QUuid::Id128);
        m_created = adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_pgName), error);
        if (m_created) {
            QString url = qEnvironmentVariable(kPgVariable);
            url.truncate(url.lastIndexOf(u'/') + 1);
            DatabaseConfig::fromArgument(url + m_pgName, &m_config, error);
        }
    }
    if (m_created)
        m_database = std::make_unique<Database>(m_config);
    return m_created;
}

bool TempDatabase::open(QString* error)
{
    return (m_created || create(error)) && m_database->open(error);
}

QVariant TempDatabase::scalar(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(m_database->connection());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning("%s: %s", qPrintable(sql),
                 query.lastError().isValid() ? qPrintable(query.lastError().text()) : "no row");
        return {};
    }
    const QVariant value = query.value(0);
    query.finish();
    return value;
}

qint64 TempDatabase::count(const QString& table, const QString& where, const QVariantList& values)
{
    const QVariant value =
        scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table +
                   (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
               values);
    return value.isValid() ? value.toLongLong() : -1;
}

} // namespace smsdesk::test
