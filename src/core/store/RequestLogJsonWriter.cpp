#include "RequestLogJsonWriter.h"

#include "RequestLogReader.h"
#include "RequestLogRow.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace smsdesk {

namespace {

// QJsonObject sorts its keys: the object is written by hand, each value by QJsonDocument.
QByteArray jsonValue(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // without the brackets
}

QByteArray jsonString(const QString& text)
{
    return jsonValue(QJsonValue(text));
}

QByteArray jsonStringOrNull(const QString& text)
{
    return text.isEmpty() ? QByteArray("null") : jsonString(text);
}

QByteArray jsonNumberOrNull(qint64 value, bool known)
{
    return known ? QByteArray::number(value) : QByteArray("null");
}

bool isValidUtf8(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes; // invalid sequences became U+FFFD
}

class Line
{
public:
    void add(const char* key, const QByteArray& json)
    {
        m_text.append(m_text.isEmpty() ? '{' : ',');
        m_text.append('"').append(key).append("\":").append(json);
    }
    QByteArray finish()
    {
        m_text.append("}\n");
        return m_text;
    }

private:
    QByteArray m_text;
};

} // namespace

RequestLogJsonWriter::RequestLogJsonWriter(QIODevice* device) : m_device(device) {}

QByteArray RequestLogJsonWriter::toLine(const RequestLogEntry& entry)
{
    QJsonArray headers;
    for (const RequestLogEntry::Header& header : entry.headers) {
        // The store redacts these already; a secret must not get out even if one slipped in.
        const QByteArray value = RequestLogRow::isSecretHeader(header.first)
                                     ? QByteArray(RequestLogRow::RedactedValue)
                                     : header.second;
        headers.append(QJsonArray{QString::fromLatin1(header.first), QString::fromLatin1(value)});
    }
    const bool utf8Body = isValidUtf8(entry.body);

    Line line;
    line.add("id", QByteArray::number(entry.id));
    line.add("received_at", jsonString(QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs, Qt::UTC)
                                           .toString(Qt::ISODateWithMs)));
    line.add("peer", jsonString(entry.peer));
    line.add("method", jsonString(entry.method));
    line.add("target", jsonString(entry.target));
    line.add("headers", jsonValue(headers));
    line.add("body", utf8Body ? jsonString(QString::fromUtf8(entry.body)) : QByteArray("null"));
    line.add("body_base64", utf8Body ? QByteArray("null") : '"' + entry.body.toBase64() + '"');
    line.add("body_size", QByteArray::number(std::max<qint64>(entry.bodySize, entry.body.size())));
    line.add("body_truncated", entry.bodyComplete() ? "false" : "true");
    line.add("provider", jsonStringOrNull(entry.provider));
    line.add("number_id", jsonNumberOrNull(entry.numberId, entry.numberId > 0));
    line.add("did", jsonStringOrNull(entry.did));
    line.add("remote", jsonStringOrNull(entry.remote));
    line.add("outcome", jsonString(entry.outcome));
    line.add("reason", jsonStringOrNull(entry.reason));
    line.add("response_status", jsonNumberOrNull(entry.responseStatus, entry.responseStatus > 0));
    line.add("response_body",
             entry.responseBody.isNull() ? QByteArray("null") : jsonString(entry.responseBody));
    line.add("latency_us", jsonNumberOrNull(entry.latencyUs, entry.latencyUs >= 0));
    line.add("message_id", jsonNumberOrNull(entry.messageId, entry.messageId > 0));
    return line.finish();
}

bool RequestLogJsonWriter::write(const RequestLogEntry& entry)
{
    const QByteArray line = toLine(entry);
    if (m_device->write(line) != line.size()) {
        m_error = m_device->errorString();
        return false;
    }
    ++m_count;
    return true;
}

} // namespace smsdesk
