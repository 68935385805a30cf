#include "OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace smsdesk {

OrderedJson& OrderedJson::add(const QString& key, const QJsonValue& value)
{
    return addRaw(key, encode(value));
}

OrderedJson& OrderedJson::addRaw(const QString& key, const QByteArray& json)
{
    if (!m_members.isEmpty())
        m_members += ',';
    m_members += encode(key);
    m_members += ':';
    m_members += json;
    return *this;
}

QByteArray OrderedJson::toJson() const
{
    return '{' + m_members + '}';
}

QByteArray OrderedJson::encode(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace smsdesk
