#include "AutoReplyRepository.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace smsdesk {

AutoReplyRepository::AutoReplyRepository(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<AutoReplyRules> AutoReplyRepository::find(qint64 numberId) const
{
    m_lastError.clear();
    std::optional<QByteArray> json;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT rules FROM auto_replies WHERE number_id = ?"), {numberId},
            [&json](const QSqlQuery& query) { json = query.value(0).toString().toUtf8(); },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    if (!json)
        return AutoReplyRules();
    std::optional<AutoReplyRules> rules = AutoReplyRules::fromJson(*json, &error);
    if (!rules)
        m_lastError = QCoreApplication::translate("smsdesk::AutoReplyRepository",
                                                  "the stored auto-reply rules cannot be read: %1")
                          .arg(error);
    return rules;
}

std::optional<QHash<qint64, AutoReplyRules>> AutoReplyRepository::all(QStringList* problems) const
{
    m_lastError.clear();
    QHash<qint64, AutoReplyRules> rules;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT number_id, rules FROM auto_replies"), {},
            [&rules, problems](const QSqlQuery& query) {
                const qint64 numberId = query.value(0).toLongLong();
                QString problem;
                std::optional<AutoReplyRules> read =
                    AutoReplyRules::fromJson(query.value(1).toString().toUtf8(), &problem);
                if (read)
                    rules.insert(numberId, std::move(*read));
                else if (problems)
                    *problems << QStringLiteral("number %1: %2").arg(numberId).arg(problem);
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return rules;
}

bool AutoReplyRepository::save(qint64 numberId, const AutoReplyRules& rules, qint64 nowMs)
{
    m_lastError.clear();
    if (rules.isEmpty()) {
        return Database::write(m_db, QStringLiteral("DELETE FROM auto_replies WHERE number_id = ?"),
                               {numberId}, &m_lastError);
    }
    return Database::write(
        m_db,
        QStringLiteral("INSERT INTO auto_replies (number_id, rules, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (number_id) DO UPDATE SET rules = excluded.rules, updated_at = "
                       "excluded.updated_at"),
        {numberId, QString::fromUtf8(rules.toJson()), nowMs}, &m_lastError);
}

} // namespace smsdesk
