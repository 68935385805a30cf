#include "StoreLockHolder.h"

#include <QSqlError>
#include <QSqlQuery>

namespace smsdesk::test {

StoreLockHolder::StoreLockHolder(const Database& database, DatabaseConfig::Backend backend)
{
    QString error;
    m_db = database.openConnection(QStringLiteral("lock-holder"), &error);
    QSqlQuery query(m_db);
    if (backend == DatabaseConfig::Backend::Sqlite) {
        m_locked = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        m_locked = query.exec(QStringLiteral("BEGIN")) &&
                   query.exec(QStringLiteral("LOCK TABLE messages, message_status, "
                                             "request_log IN EXCLUSIVE MODE"));
    }
    if (!m_locked)
        qWarning("lock holder: %s %s", qPrintable(error), qPrintable(query.lastError().text()));
}

StoreLockHolder::~StoreLockHolder()
{
    release();
}

void StoreLockHolder::release()
{
    if (!m_db.isValid())
        return;
    {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
    const QString name = m_db.connectionName();
    m_db = QSqlDatabase();
    Database::closeConnection(name);
}

} // namespace smsdesk::test
