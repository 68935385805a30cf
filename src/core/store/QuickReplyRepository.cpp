#include "QuickReplyRepository.h"

#include "Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace smsdesk {

namespace {

QString blankError()
{
    return QCoreApplication::translate("smsdesk::QuickReplyRepository",
                                       "A quick reply needs some text.");
}

} // namespace

QuickReplyRepository::QuickReplyRepository(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<QList<QuickReply>> QuickReplyRepository::list() const
{
    m_lastError.clear();
    QList<QuickReply> replies;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT id, text FROM quick_replies ORDER BY id"), {},
            [&replies](const QSqlQuery& query) {
                replies.append({query.value(0).toLongLong(), query.value(1).toString()});
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return replies;
}

bool QuickReplyRepository::exec(const QString& sql, const QVariantList& values, int* rowsAffected)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    const bool ok = query.exec();
    if (!ok)
        m_lastError = query.lastError().text();
    else if (rowsAffected)
        *rowsAffected = query.numRowsAffected();
    query.finish();
    return ok;
}

qint64 QuickReplyRepository::add(const QString& text, qint64 nowMs)
{
    m_lastError.clear();
    if (text.trimmed().isEmpty()) {
        m_lastError = blankError();
        return 0;
    }
    qint64 id = 0;
    QString error;
    // RETURNING: SQLite 3.35 and every PostgreSQL this runs on.
    if (!Database::select(
            m_db,
            QStringLiteral("INSERT INTO quick_replies (text, created_at, updated_at) "
                           "VALUES (?, ?, ?) RETURNING id"),
            {text, nowMs, nowMs},
            [&id](const QSqlQuery& query) { id = query.value(0).toLongLong(); }, &error)) {
        m_lastError = error;
        return 0;
    }
    return id;
}

bool QuickReplyRepository::update(qint64 id, const QString& text, qint64 nowMs)
{
    m_lastError.clear();
    if (text.trimmed().isEmpty()) {
        m_lastError = blankError();
        return false;
    }
    int rows = 0;
    return exec(QStringLiteral("UPDATE quick_replies SET text = ?, updated_at = ? WHERE id = ?"),
                {text, nowMs, id}, &rows) &&
           rows == 1;
}

bool QuickReplyRepository::remove(qint64 id)
{
    m_lastError.clear();
    return exec(QStringLiteral("DELETE FROM quick_replies WHERE id = ?"), {id});
}

} // namespace smsdesk
