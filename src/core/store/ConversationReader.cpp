#include "ConversationReader.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <functional>
#include <utility>

namespace smsdesk {

namespace {

QStringList mediaOf(const QVariant& json)
{
    QStringList media;
    const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const QJsonValue& value : array) {
        if (value.isString())
            media.append(value.toString());
    }
    return media;
}

// The columns messageOf() reads, in its order.
const QString kColumns = QStringLiteral(
    "SELECT id, direction, text, media, status, error_code, provider, received_at, provider_time, "
    "(SELECT s.detail FROM message_status s WHERE s.message_id = messages.id ORDER BY "
    "s.received_at DESC, s.id DESC LIMIT 1)");

ConversationMessage messageOf(const QSqlQuery& query)
{
    ConversationMessage message;
    message.id = query.value(0).toLongLong();
    message.direction = query.value(1).toString();
    message.text = query.value(2).toString();
    message.media = mediaOf(query.value(3));
    message.status = query.value(4).toString();
    message.errorCode = query.value(5).toString();
    message.provider = query.value(6).toString();
    message.receivedAtMs = query.value(7).toLongLong();
    if (!query.value(8).isNull())
        message.providerTimeMs = query.value(8).toLongLong();
    message.statusDetail = query.value(9).toString();
    return message;
}

} // namespace

ConversationReader::ConversationReader(QSqlDatabase db, int pageSize)
    : m_db(std::move(db)), m_pageSize(std::clamp(pageSize, 1, MaxPageSize))
{}

bool ConversationReader::fail(const QString& error) const
{
    m_lastError = error;
    return false;
}

std::optional<ConversationReader::Thread> ConversationReader::threadOf(qint64 messageId) const
{
    m_lastError.clear();
    std::optional<Thread> thread;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT did, remote FROM messages WHERE id = ?"), {messageId},
            [&thread](const QSqlQuery& query) {
                thread = Thread{query.value(0).toString(), query.value(1).toString()};
            },
            &error)) {
        fail(error);
        return std::nullopt;
    }
    return thread;
}

// Up to `limit` messages of the thread next to `cursor` (none: from the newest end), the
// nearest first: older ones newest first, newer ones oldest first.
bool ConversationReader::read(const Thread& thread, const Cursor* cursor, bool older, int limit,
                              QList<ConversationMessage>* messages) const
{
    QString sql = kColumns + QStringLiteral(" FROM messages WHERE did = ? AND remote = ? ");
    QVariantList values{thread.did, thread.remote};
    if (cursor) {
        // (received_at, id) < / > the cursor's, written so that the received_at bound is a
        // range on the thread index for both backends.
        sql += older ? QStringLiteral("AND received_at <= ? AND (received_at < ? OR id < ?) ")
                     : QStringLiteral("AND received_at >= ? AND (received_at > ? OR id > ?) ");
        values << cursor->receivedAtMs << cursor->receivedAtMs << cursor->id;
    }
    sql += older ? QStringLiteral("ORDER BY received_at DESC, id DESC ")
                 : QStringLiteral("ORDER BY received_at, id ");
    sql += QStringLiteral("LIMIT %1").arg(limit);
    QString error;
    if (!Database::select(
            m_db, sql, values,
            [messages](const QSqlQuery& query) { messages->append(messageOf(query)); }, &error))
        return fail(error);
    return true;
}

std::optional<ConversationReader::Page> ConversationReader::newest(const Thread& thread) const
{
    return olderPage(thread, nullptr);
}

std::optional<ConversationReader::Page> ConversationReader::before(const Thread& thread,
                                                                   const Cursor& cursor) const
{
    return olderPage(thread, &cursor);
}

std::optional<ConversationReader::Page> ConversationReader::olderPage(const Thread& thread,
                                                                      const Cursor* cursor) const
{
    m_lastError.clear();
    Page page;
    page.thread = thread;
    if (!read(thread, cursor, true, m_pageSize + 1, &page.messages))
        return std::nullopt;
    page.hasEarlier = page.messages.size() > m_pageSize;
    if (page.hasEarlier)
        page.messages.removeLast();
    std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

std::optional<ConversationReader::Page> ConversationReader::after(const Thread& thread,
                                                                  const Cursor& cursor) const
{
    m_lastError.clear();
    Page page;
    page.thread = thread;
    if (!read(thread, &cursor, false, m_pageSize + 1, &page.messages))
        return std::nullopt;
    page.hasLater = page.messages.size() > m_pageSize;
    if (page.hasLater)
        page.messages.removeLast();
    return page;
}

std::optional<ConversationReader::Page> ConversationReader::around(qint64 messageId) const
{
    m_lastError.clear();
    std::optional<ConversationMessage> target;
    Thread thread;
    QString error;
    if (!Database::select(
            m_db, kColumns + QStringLiteral(", did, remote FROM messages WHERE id = ?"),
            {messageId},
            [&](const QSqlQuery& query) {
                target = messageOf(query);
                thread = Thread{query.value(10).toString(), query.value(11).toString()};
            },
            &error)) {
        fail(error);
        return std::nullopt;
    }
    if (!target)
        return std::nullopt;

    // Up to a whole page on either side (bounded: 2 * pageSize rows), then the window: half a
    // page before the message, or more where the newer side has fewer.
    const Cursor cursor = Cursor::of(*target);
    QList<ConversationMessage> older;
    QList<ConversationMessage> newer;
    if (!read(thread, &cursor, true, m_pageSize, &older) ||
        !read(thread, &cursor, false, m_pageSize, &newer))
        return std::nullopt;
    const qsizetype room = m_pageSize - 1;
    const qsizetype olderCount = std::min(older.size(), std::max(room - newer.size(), room / 2));
    const qsizetype newerCount = std::min(newer.size(), room - olderCount);

    Page page;
    page.thread = thread;
    page.hasEarlier = older.size() > olderCount;
    page.hasLater = newer.size() > newerCount;
    for (qsizetype i = olderCount - 1; i >= 0; --i)
        page.messages.append(older.at(i));
    page.messages.append(*target);
    for (qsizetype i = 0; i < newerCount; ++i)
        page.messages.append(newer.at(i));
    return page;
}

std::optional<QList<ConversationMessage>>
ConversationReader::messages(const QList<qint64>& ids) const
{
    m_lastError.clear();
    QList<ConversationMessage> found;
    if (ids.isEmpty())
        return found;
    QStringList marks;
    QVariantList values;
    for (const qint64 id : ids) {
        marks << QStringLiteral("?");
        values << id;
    }
    QString error;
    if (!Database::select(
            m_db,
            kColumns + QStringLiteral(" FROM messages WHERE id IN (%1) ORDER BY received_at, id")
                           .arg(marks.join(QLatin1Char(','))),
            values, [&found](const QSqlQuery& query) { found.append(messageOf(query)); }, &error)) {
        fail(error);
        return std::nullopt;
    }
    return found;
}

} // namespace smsdesk
