#include "DraftRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace smsdesk {

DraftRepository::DraftRepository(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<Draft> DraftRepository::find(const Thread& thread) const
{
    m_lastError.clear();
    Draft draft;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT text, media_url FROM drafts WHERE did = ? AND remote = ?"),
            {thread.did, thread.remote},
            [&draft](const QSqlQuery& query) {
                draft.text = query.value(0).toString();
                draft.mediaUrl = query.value(1).toString();
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return draft;
}

bool DraftRepository::save(const Thread& thread, const Draft& draft, qint64 nowMs)
{
    m_lastError.clear();
    if (draft.isEmpty()) {
        return Database::write(m_db,
                               QStringLiteral("DELETE FROM drafts WHERE did = ? AND remote = ?"),
                               {thread.did, thread.remote}, &m_lastError);
    }
    return Database::write(
        m_db,
        QStringLiteral(
            "INSERT INTO drafts (did, remote, text, media_url, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (did, remote) DO UPDATE SET text = excluded.text, media_url = "
            "excluded.media_url, updated_at = excluded.updated_at"),
        {thread.did, thread.remote, draft.text.isNull() ? QStringLiteral("") : draft.text,
         draft.mediaUrl.isNull() ? QStringLiteral("") : draft.mediaUrl, nowMs},
        &m_lastError);
}

} // namespace smsdesk
