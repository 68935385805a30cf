#include "FormFields.h"

#include "providers/PayloadDecoder.h"

#include <QCoreApplication>
#include <QSet>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::FormFields", text);
}

// Percent-decodes part (which starts at offset in the body); "+" is a space.
// Returns the offset of a broken escape through badAt.
std::optional<QByteArray> percentDecode(QByteArrayView part, qsizetype offset, qsizetype* badAt)
{
    QByteArray out;
    out.reserve(part.size());
    for (qsizetype i = 0; i < part.size(); ++i) {
        const char c = part.at(i);
        if (c == '+') {
            out.append(' ');
        } else if (c == '%') {
            const int high = i + 1 < part.size() ? PayloadDecoder::hexValue(part.at(i + 1)) : -1;
            const int low = i + 2 < part.size() ? PayloadDecoder::hexValue(part.at(i + 2)) : -1;
            if (high < 0 || low < 0) {
                *badAt = offset + i;
                return std::nullopt;
            }
            out.append(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

std::variant<FormFields, Rejection> FormFields::decode(const QByteArray& body)
{
    FormFields form;
    QSet<QString> names;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = QByteArrayView(body).sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype equals = pair.indexOf('=');
            const QByteArrayView rawName = equals < 0 ? pair : pair.first(equals);
            const QByteArrayView rawValue = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
            qsizetype badAt = -1;
            const auto name = percentDecode(rawName, start, &badAt);
            const auto value =
                name ? percentDecode(rawValue, start + equals + 1, &badAt) : std::nullopt;
            if (!name || !value) {
                return Rejection::malformed(
                    tr("the form body has a broken %-escape at offset %1").arg(badAt));
            }
            if (PayloadDecoder::invalidUtf8Offset(*name) >= 0) {
                return Rejection::malformed(
                    tr("a field name at offset %1 is not valid UTF-8").arg(start));
            }
            const QString decodedName = QString::fromUtf8(*name);
            if (const qsizetype bad = PayloadDecoder::invalidUtf8Offset(*value); bad >= 0) {
                return Rejection::malformed(
                    tr("field \"%1\" is not valid UTF-8 (decoded byte offset %2)")
                        .arg(decodedName)
                        .arg(bad),
                    decodedName);
            }
            if (names.contains(decodedName)) {
                return Rejection::malformed(
                    tr("field \"%1\" is given more than once").arg(decodedName), decodedName);
            }
            names.insert(decodedName);
            form.m_fields.append({decodedName, QString::fromUtf8(*value)});
        }
        start = end + 1;
    }
    return form;
}

bool FormFields::hasRawName(const QByteArray& body, QByteArrayView name)
{
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = QByteArrayView(body).sliced(start, end - start);
        const qsizetype equals = pair.indexOf('=');
        if ((equals < 0 ? pair : pair.first(equals)) == name)
            return true;
        start = end + 1;
    }
    return false;
}

bool FormFields::contains(const QString& name) const
{
    return value(name).has_value();
}

std::optional<QString> FormFields::value(const QString& name) const
{
    for (const auto& field : m_fields) {
        if (field.first == name)
            return field.second;
    }
    return std::nullopt;
}

} // namespace smsdesk
