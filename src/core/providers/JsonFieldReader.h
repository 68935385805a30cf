#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

class PayloadChecker;

// Reads typed fields of one JSON object exactly as a provider's document types them.
// A missing required field or a wrong type is recorded in the checker as a 400 naming
// the field ("data.segments"); an integer out of range as a 422.
class JsonFieldReader
{
public:
    enum class Presence
    {
        Required,
        Optional
    };

    // path: where this object sits in the payload ("data"), empty for the top level.
    JsonFieldReader(QJsonObject object, PayloadChecker& checker, QString path = {});

    bool has(const char* name) const;
    QString fieldPath(const char* name) const;

    // A required field of any type, for fields the document types loosely.
    std::optional<QJsonValue> value(const char* name);
    std::optional<QString> string(const char* name);
    std::optional<qint64> integer(const char* name, qint64 min, qint64 max);
    std::optional<QJsonObject> object(const char* name);
    // An absent optional array reads as an empty list.
    std::optional<QStringList> stringArray(const char* name,
                                           Presence presence = Presence::Required);

private:
    std::optional<QJsonValue> required(const char* name);
    void wrongType(const char* name, const QString& expected, const QJsonValue& got);

    QJsonObject m_object;
    PayloadChecker& m_checker;
    QString m_path;
};

} // namespace smsdesk
