#include "MediaArchiveStore.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <utility>

namespace smsdesk {

namespace {

const QString kColumns = QStringLiteral(
    "SELECT id, message_id, url, state, content_type, size, file_name, fetched_at, reason, "
    "attempts FROM media_archive ");

MediaArchiveEntry entryOf(const QSqlQuery& query)
{
    MediaArchiveEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.messageId = query.value(1).toLongLong();
    entry.url = query.value(2).toString();
    entry.state = MediaArchiveEntry::stateFromName(query.value(3).toString())
                      .value_or(MediaArchiveEntry::State::Pending);
    entry.contentType = query.value(4).toString();
    entry.size = query.value(5).toLongLong();
    entry.fileName = query.value(6).toString();
    if (!query.value(7).isNull())
        entry.fetchedAtMs = query.value(7).toLongLong();
    entry.reason = query.value(8).toString();
    entry.attempts = query.value(9).toInt();
    return entry;
}

// "?, ?, ?" for `count` values.
QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1String(", "));
}

QVariantList variants(const QList<qint64>& ids)
{
    QVariantList values;
    for (qint64 id : ids)
        values.append(id);
    return values;
}

QStringList urlsOf(const QString& json)
{
    QStringList urls;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        if (value.isString() && !value.toString().isEmpty() && !urls.contains(value.toString()))
            urls.append(value.toString());
    }
    return urls;
}

} // namespace

MediaArchiveStore::MediaArchiveStore(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<QList<MediaArchiveEntry>> MediaArchiveStore::select(const QString& where,
                                                                  const QVariantList& values) const
{
    m_lastError.clear();
    QList<MediaArchiveEntry> entries;
    QString error;
    if (!Database::select(
            m_db, kColumns + where, values,
            [&entries](const QSqlQuery& query) { entries.append(entryOf(query)); }, &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return entries;
}

std::optional<QList<MediaArchiveEntry>>
MediaArchiveStore::addMessages(const QList<qint64>& messageIds)
{
    m_lastError.clear();
    if (messageIds.isEmpty())
        return QList<MediaArchiveEntry>();
    QList<QPair<qint64, QStringList>> media;
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT id, media FROM messages WHERE direction = 'inbound' AND media "
                           "<> '[]' AND id IN (%1) ORDER BY id")
                .arg(placeholders(messageIds.size())),
            variants(messageIds),
            [&media](const QSqlQuery& query) {
                media.append({query.value(0).toLongLong(), urlsOf(query.value(1).toString())});
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    QList<qint64> withMedia;
    if (!media.isEmpty()) {
        if (!m_db.transaction()) {
            m_lastError = m_db.lastError().text();
            return std::nullopt;
        }
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO media_archive (message_id, url) VALUES (?, ?) "
                                      "ON CONFLICT (message_id, url) DO NOTHING"));
        for (const auto& [messageId, urls] : std::as_const(media)) {
            withMedia.append(messageId);
            for (const QString& url : urls) {
                insert.addBindValue(messageId);
                insert.addBindValue(url);
                if (!insert.exec()) {
                    m_lastError = insert.lastError().text();
                    insert.finish();
                    m_db.rollback();
                    return std::nullopt;
                }
            }
        }
        insert.finish();
        if (!m_db.commit()) {
            m_lastError = m_db.lastError().text();
            m_db.rollback();
            return std::nullopt;
        }
    }
    if (withMedia.isEmpty())
        return QList<MediaArchiveEntry>();
    return select(QStringLiteral("WHERE state = 'pending' AND message_id IN (%1) ORDER BY id")
                      .arg(placeholders(withMedia.size())),
                  variants(withMedia));
}

std::optional<QList<MediaArchiveEntry>> MediaArchiveStore::toFetch(int limit, bool retryFailed,
                                                                   int maxAttempts)
{
    m_lastError.clear();
    QList<qint64> missing;
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT m.id FROM messages m WHERE m.direction = 'inbound' AND m.media "
                           "<> '[]' AND NOT EXISTS (SELECT 1 FROM media_archive a WHERE "
                           "a.message_id = m.id) ORDER BY m.id LIMIT ?"),
            {limit},
            [&missing](const QSqlQuery& query) { missing.append(query.value(0).toLongLong()); },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    if (!missing.isEmpty() && !addMessages(missing))
        return std::nullopt;
    if (retryFailed)
        return select(QStringLiteral("WHERE state = 'pending' OR (state = 'failed' AND attempts < "
                                     "?) ORDER BY id LIMIT ?"),
                      {maxAttempts, limit});
    return select(QStringLiteral("WHERE state = 'pending' ORDER BY id LIMIT ?"), {limit});
}

bool MediaArchiveStore::record(const MediaArchiveEntry& entry, qint64 nowMs)
{
    m_lastError.clear();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE media_archive SET state = ?, content_type = ?, size = ?, file_name = ?, "
        "fetched_at = ?, reason = ?, attempts = attempts + 1 WHERE id = ?"));
    query.addBindValue(MediaArchiveEntry::stateName(entry.state));
    query.addBindValue(entry.contentType.isNull() ? QStringLiteral("") : entry.contentType);
    query.addBindValue(entry.size);
    query.addBindValue(entry.fileName.isNull() ? QStringLiteral("") : entry.fileName);
    query.addBindValue(nowMs);
    query.addBindValue(entry.reason.isNull() ? QStringLiteral("") : entry.reason);
    query.addBindValue(entry.id);
    const bool ok = query.exec();
    if (!ok)
        m_lastError = query.lastError().text();
    query.finish();
    return ok;
}

std::optional<qint64> MediaArchiveStore::archivedBytes() const
{
    m_lastError.clear();
    qint64 bytes = 0;
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM media_archive WHERE state = "
                           "'archived'"),
            {}, [&bytes](const QSqlQuery& query) { bytes = query.value(0).toLongLong(); },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return bytes;
}

bool MediaArchiveStore::isFileKept(const QString& fileName, qint64 exceptId) const
{
    bool kept = false;
    QString error;
    Database::select(
        m_db,
        QStringLiteral("SELECT 1 FROM media_archive WHERE state = 'archived' AND file_name = ? AND "
                       "id <> ?"),
        {fileName, exceptId}, [&kept](const QSqlQuery&) { kept = true; }, &error);
    return kept;
}

std::optional<QList<MediaArchiveEntry>>
MediaArchiveStore::forMessages(const QList<qint64>& messageIds) const
{
    if (messageIds.isEmpty())
        return QList<MediaArchiveEntry>();
    return select(QStringLiteral("WHERE message_id IN (%1) ORDER BY message_id, id")
                      .arg(placeholders(messageIds.size())),
                  variants(messageIds));
}

} // namespace smsdesk
