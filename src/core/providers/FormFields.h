#pragma once

#include "providers/Rejection.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>
#include <variant>

namespace smsdesk {

// The fields of an application/x-www-form-urlencoded body, decoded strictly: "+" is a
// space, %XX escapes must be complete, every name and value must decode to valid UTF-8,
// and no name may repeat (a repeated field would be ambiguous).
class FormFields
{
public:
    static std::variant<FormFields, Rejection> decode(const QByteArray& body);
    // For recognizes(): whether a name appears as written (no decoding), cheaply.
    static bool hasRawName(const QByteArray& body, QByteArrayView name);

    bool contains(const QString& name) const;
    std::optional<QString> value(const QString& name) const;
    const QList<QPair<QString, QString>>& fields() const { return m_fields; }

private:
    QList<QPair<QString, QString>> m_fields;
};

} // namespace smsdesk
