#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace smsdesk {

// A compact JSON object whose keys stay in the order they were added (QJsonObject sorts
// them), so payloads and responses read like the providers' documents.
class OrderedJson
{
public:
    OrderedJson& add(const QString& key, const QJsonValue& value);
    // A value that is already JSON (a nested OrderedJson, for instance).
    OrderedJson& addRaw(const QString& key, const QByteArray& json);
    QByteArray toJson() const;

    // One JSON value, compact: "\"text\"", "17705551234", "[\"a\"]".
    static QByteArray encode(const QJsonValue& value);

private:
    QByteArray m_members;
};

} // namespace smsdesk
