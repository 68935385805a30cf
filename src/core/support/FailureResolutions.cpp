#include "FailureResolutions.h"

#include "store/Database.h"

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
    return Database::inTransaction(
        m_db,
        [&] {
            QSqlQuery query(m_db);
            if (!query.prepare(sql)) {
                m_lastError = query.lastError().text();
                return false;
            }
            for (const QString& key : keys) {
                int index = 0;
                for (const QVariant& value : leading)
                    query.bindValue(index++, value);
                query.bindValue(index, key);
                if (!query.exec()) {
                    m_lastError = query.lastError().text();
                    return false;
                }
            }
            return true;
        },
        &m_lastError);
}

} // namespace smsdesk
