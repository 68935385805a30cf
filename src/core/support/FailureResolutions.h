#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace smsdesk {

// Marks failures of the support desk resolved (FailureEntry::key), with who and when, in
// failure_resolutions, on one connection (a DatabaseWorker job). Shared by the desks of one
// database; a failure resolved twice keeps its first resolution.
class FailureResolutions
{
public:
    explicit FailureResolutions(QSqlDatabase db);

    // In one transaction. False with lastError() when the store refused.
    bool resolve(const QStringList& keys, const QString& resolvedBy, qint64 atMs);
    bool reopen(const QStringList& keys);

    // The name of the user running SMS Desk, as the system knows it ("USER", "USERNAME").
    static QString currentUserName();

    QString lastError() const { return m_lastError; }

private:
    bool run(const QStringList& keys, const QString& sql, const QVariantList& leading);

    QSqlDatabase m_db;
    QString m_lastError;
};

} // namespace smsdesk
