#include "MessageExporter.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

QJsonValue isoTime(const QVariant& ms)
{
    if (ms.isNull())
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue nullableText(const QVariant& value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

QString csvText(const QJsonValue& value)
{
    if (value.isNull())
        return {};
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << item.toString();
        return items.join(u' ');
    }
    return value.toString();
}

} // namespace

MessageExporter::MessageExporter(QSqlDatabase db, std::optional<ConversationReader::Thread> thread)
    : m_db(std::move(db)), m_thread(std::move(thread))
{}

QStringList MessageExporter::columns()
{
    return {QStringLiteral("id"),
            QStringLiteral("direction"),
            QStringLiteral("provider"),
            QStringLiteral("did"),
            QStringLiteral("remote"),
            QStringLiteral("text"),
            QStringLiteral("media"),
            QStringLiteral("status"),
            QStringLiteral("error_code"),
            QStringLiteral("provider_message_id"),
            QStringLiteral("provider_time"),
            QStringLiteral("received_at"),
            QStringLiteral("contact_name")};
}

QByteArray MessageExporter::csvField(const QString& value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

bool MessageExporter::parseFormat(const QString& name, Format* format)
{
    if (name == u"jsonl")
        *format = Format::JsonLines;
    else if (name == u"csv")
        *format = Format::Csv;
    else
        return false;
    return true;
}

qint64 MessageExporter::write(QIODevice& out, Format format,
                              const std::function<void(qint64)>& progress)
{
    if (!writeHeader(out, format))
        return -1;
    Cursor last;
    return writeRows(out, format, std::nullopt, QString(), progress, &last);
}

bool MessageExporter::writeHeader(QIODevice& out, Format format)
{
    if (format != Format::Csv)
        return true;
    QByteArrayList header;
    for (const QString& name : columns())
        header << name.toUtf8();
    const QByteArray line = header.join(',') + "\r\n";
    if (out.write(line) != line.size()) {
        m_lastError = out.errorString();
        return false;
    }
    return true;
}

qint64 MessageExporter::writePage(QIODevice& out, Format format, const std::optional<Cursor>& after,
                                  int limit, Cursor* last)
{
    return writeRows(out, format, after, QStringLiteral(" LIMIT %1").arg(std::max(1, limit)), {},
                     last);
}

qint64 MessageExporter::writeRows(QIODevice& out, Format format, const std::optional<Cursor>& after,
                                  const QString& limit, const std::function<void(qint64)>& progress,
                                  Cursor* last)
{
    QStringList where;
    QVariantList bound;
    if (m_thread) {
        where << QStringLiteral("m.did = ? AND m.remote = ?");
        bound << m_thread->did << m_thread->remote;
    }
    if (after) {
        // (received_at, id) after the cursor's, with received_at as an index range.
        where << QStringLiteral("m.received_at >= ? AND (m.received_at > ? OR m.id > ?)");
        bound << after->receivedAtMs << after->receivedAtMs << after->id;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString sql =
        QStringLiteral(
            "SELECT m.id, m.direction, m.provider, m.did, m.remote, m.text, m.media, m.status, "
            "m.error_code, m.provider_message_id, m.provider_time, m.received_at, k.name FROM "
            "messages m LEFT JOIN contacts k ON k.remote = m.remote") +
        (where.isEmpty() ? QString()
                         : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
        QStringLiteral(" ORDER BY m.received_at, m.id") + limit;
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return -1;
    }
    for (const QVariant& value : std::as_const(bound))
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return -1;
    }

    const QStringList names = columns();
    qint64 written = 0;
    while (query.next()) {
        const QJsonArray media = QJsonDocument::fromJson(query.value(6).toByteArray()).array();
        const QJsonValue values[] = {
            query.value(0).toLongLong(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toString(),
            query.value(4).toString(),
            query.value(5).toString(),
            media,
            query.value(7).toString(),
            nullableText(query.value(8)),
            nullableText(query.value(9)),
            isoTime(query.value(10)),
            isoTime(query.value(11)),
            nullableText(query.value(12)),
        };
        QByteArray line;
        if (format == Format::JsonLines) {
            QJsonObject object;
            for (int i = 0; i < names.size(); ++i)
                object.insert(names[i], values[i]);
            line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        } else {
            QByteArrayList fields;
            for (const QJsonValue& value : values)
                fields << csvField(csvText(value));
            line = fields.join(',') + "\r\n";
        }
        if (out.write(line) != line.size()) {
            m_lastError = out.errorString();
            return -1;
        }
        *last = {query.value(11).toLongLong(), query.value(0).toLongLong()};
        ++written;
        if (progress && written % 10'000 == 0)
            progress(written);
    }
    if (query.lastError().isValid()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    return written;
}

} // namespace smsdesk
