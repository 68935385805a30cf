#include "FailureResolutions.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

FailureResolutions::FailureResolutions(QSqlDatabase db) : m_db(std::move(db)) {}

QString FailureResolutions::currentUserName()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

bool FailureResolutions::resolve(const QStringList& keys, const QString& resolvedBy, qint64 atMs)
{
    return run(keys,
               QStringLiteral("INSERT INTO failure_resolutions (resolved_by, resolved_at, "
                              "failure_key) VALUES (?, ?, ?) ON CONFLICT (failure_key) DO NOTHING"),
               {resolvedBy, atMs});
}

bool FailureResolutions::reopen(const QStringList& keys)
{
    return run(keys, QStringLiteral("DELETE FROM failure_resolutions WHERE failure_key = ?"), {});
}

bool FailureResolutions::run(const QStringList& keys, const QString& sql,
                             const QVariantList& leading)
{
    m_lastError.clear();
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        m_db.rollback();
        return false;
    }
    for (const QString& key : keys) {
        int index = 0;
        for (const QVariant& value : leading)
            query.bindValue(index++, value);
        query.bindValue(index, key);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            query.finish();
            m_db.rollback();
            return false;
        }
    }
    query.finish();
    if (!m_db.commit()) {
        m_lastError = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

} // namespace smsdesk
