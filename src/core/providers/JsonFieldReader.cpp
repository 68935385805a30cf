#include "JsonFieldReader.h"

#include "providers/PayloadChecker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QVariant>
#include <cmath>
#include <utility>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::JsonFieldReader", text);
}

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

} // namespace

JsonFieldReader::JsonFieldReader(QJsonObject object, PayloadChecker& checker, QString path)
    : m_object(std::move(object)), m_checker(checker), m_path(std::move(path))
{}

bool JsonFieldReader::has(const char* name) const
{
    return m_object.contains(QLatin1String(name));
}

QString JsonFieldReader::fieldPath(const char* name) const
{
    const QString field = QLatin1String(name);
    return m_path.isEmpty() ? field : m_path + u'.' + field;
}

std::optional<QJsonValue> JsonFieldReader::required(const char* name)
{
    const auto it = m_object.constFind(QLatin1String(name));
    if (it == m_object.constEnd()) {
        m_checker.fail(Rejection::malformed(
            tr("required field \"%1\" is missing").arg(fieldPath(name)), fieldPath(name)));
        return std::nullopt;
    }
    return it.value();
}

void JsonFieldReader::wrongType(const char* name, const QString& expected, const QJsonValue& got)
{
    m_checker.fail(Rejection::malformed(
        tr("field \"%1\" must be %2 (got %3)").arg(fieldPath(name), expected, describe(got)),
        fieldPath(name)));
}

std::optional<QJsonValue> JsonFieldReader::value(const char* name)
{
    return required(name);
}

std::optional<QString> JsonFieldReader::string(const char* name)
{
    const auto value = required(name);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        wrongType(name, tr("a string"), *value);
        return std::nullopt;
    }
    return value->toString();
}

std::optional<qint64> JsonFieldReader::integer(const char* name, qint64 min, qint64 max)
{
    const auto value = required(name);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        wrongType(name, tr("an integer"), *value);
        return std::nullopt;
    }
    // Qt keeps integer literals that fit 64 bits as integers, everything else as double.
    const QVariant number = value->toVariant();
    if (number.typeId() != QMetaType::LongLong) {
        const double d = value->toDouble();
        if (std::isfinite(d) && std::floor(d) == d) {
            m_checker.fail(Rejection::invalid(tr("field \"%1\" must be an integer between %2 and "
                                                 "%3 (got %4, out of range)")
                                                  .arg(fieldPath(name))
                                                  .arg(min)
                                                  .arg(max)
                                                  .arg(d, 0, 'g', 17),
                                              fieldPath(name)));
        } else {
            m_checker.fail(Rejection::malformed(tr("field \"%1\" must be an integer (got %2)")
                                                    .arg(fieldPath(name))
                                                    .arg(d, 0, 'g', 17),
                                                fieldPath(name)));
        }
        return std::nullopt;
    }
    const qint64 result = number.toLongLong();
    if (result < min || result > max) {
        m_checker.fail(
            Rejection::invalid(tr("field \"%1\" must be an integer between %2 and %3 (got %4)")
                                   .arg(fieldPath(name))
                                   .arg(min)
                                   .arg(max)
                                   .arg(result),
                               fieldPath(name)));
        return std::nullopt;
    }
    return result;
}

std::optional<QJsonObject> JsonFieldReader::object(const char* name)
{
    const auto value = required(name);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        wrongType(name, tr("an object"), *value);
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<QStringList> JsonFieldReader::stringArray(const char* name, Presence presence)
{
    if (presence == Presence::Optional && !has(name))
        return QStringList();
    const auto value = required(name);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        wrongType(name, tr("an array of strings"), *value);
        return std::nullopt;
    }
    const QJsonArray array = value->toArray();
    QStringList result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isString()) {
            const QString field = QStringLiteral("%1[%2]").arg(fieldPath(name)).arg(i);
            m_checker.fail(Rejection::malformed(
                tr("field \"%1\" must be a string (got %2)").arg(field, describe(entry)), field));
            return std::nullopt;
        }
        result.append(entry.toString());
    }
    return result;
}

} // namespace smsdesk
