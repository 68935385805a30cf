#include "DatabaseWorker.h"

#include "Database.h"

namespace smsdesk {

DatabaseWorker::DatabaseWorker(const Database& database, QObject* parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("smsdesk-db-worker"));
    m_threadObject = new QObject;
    m_threadObject->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_threadObject, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_threadObject,
        [this, &database]() {
            m_db = database.openConnection(QStringLiteral("worker"), &m_openError);
            m_connectionName = m_db.connectionName();
        },
        Qt::BlockingQueuedConnection);
}

DatabaseWorker::~DatabaseWorker()
{
    QMetaObject::invokeMethod(
        m_threadObject,
        [this]() {
            m_db = QSqlDatabase();
            if (!m_connectionName.isEmpty())
                Database::closeConnection(m_connectionName);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseWorker::drain()
{
    QMetaObject::invokeMethod(
        m_threadObject, []() {}, Qt::BlockingQueuedConnection);
}

} // namespace smsdesk
