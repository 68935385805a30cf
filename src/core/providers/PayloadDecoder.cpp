#include "PayloadDecoder.h"

#include "http/HttpRequest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PayloadDecoder", text);
}

// The charset parameter of a Content-Type value, lower-case and unquoted; empty when absent.
QByteArray charsetOf(const QByteArray& contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 || parameter.left(equals).trimmed().toLower() != "charset")
            continue;
        QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value.toLower();
    }
    return {};
}

// The code unit of a "\uXXXX" escape starting at json[at] (the backslash); -1 when it is not one.
int escapedCodeUnit(QByteArrayView json, qsizetype at)
{
    if (at + 6 > json.size() || json.at(at) != '\\' || json.at(at + 1) != 'u')
        return -1;
    int value = 0;
    for (qsizetype i = at + 2; i < at + 6; ++i) {
        const int digit = PayloadDecoder::hexValue(json.at(i));
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

} // namespace

int PayloadDecoder::hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

namespace {

// UTF-8, JSON syntax, a top-level object: the object, or why not.
std::variant<QJsonObject, Rejection> decodeJsonBody(const QByteArray& body)
{
    if (body.trimmed().isEmpty())
        return Rejection::malformed(tr("the body is empty: expected a JSON object"));
    if (const qsizetype bad = PayloadDecoder::invalidUtf8Offset(body); bad >= 0)
        return Rejection::malformed(tr("the body is not valid UTF-8 (byte offset %1)").arg(bad));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Rejection::malformed(
            tr("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    }
    if (const qsizetype bad = PayloadDecoder::unpairedSurrogateEscapeOffset(body); bad >= 0) {
        return Rejection::malformed(
            tr("invalid JSON at offset %1: a \\u escape is half of a surrogate pair").arg(bad));
    }
    if (!document.isObject()) {
        return Rejection::malformed(document.isArray()
                                        ? tr("the body must be a JSON object, not an array")
                                        : tr("the body must be a JSON object"));
    }
    return document.object();
}

} // namespace

std::optional<Rejection> PayloadDecoder::checkContentType(const HttpRequest& request,
                                                          QByteArrayView expectedMediaType)
{
    const QString expected = QString::fromLatin1(expectedMediaType);
    if (!request.hasHeader("Content-Type")) {
        return Rejection::wrongContentType(
            tr("the Content-Type header is missing: expected %1").arg(expected));
    }
    const QByteArray mediaType = request.mediaType();
    if (mediaType != expectedMediaType) {
        return Rejection::wrongContentType(
            tr("Content-Type %1 is not accepted: expected %2")
                .arg(quoted(QString::fromLatin1(mediaType)), expected));
    }
    const QByteArray charset = charsetOf(request.header("Content-Type"));
    if (!charset.isEmpty() && charset != "utf-8" && charset != "utf8") {
        return Rejection::wrongContentType(tr("charset %1 is not accepted: expected UTF-8")
                                               .arg(quoted(QString::fromLatin1(charset))));
    }
    return std::nullopt;
}

qsizetype PayloadDecoder::invalidUtf8Offset(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const auto lead = static_cast<unsigned char>(bytes.at(i));
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int continuation = 0;
        unsigned char low = 0x80; // allowed range of the first continuation byte
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead == 0xE0) {
            continuation = 2;
            low = 0xA0; // no overlong forms
        } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
            continuation = 2;
        } else if (lead == 0xED) {
            continuation = 2;
            high = 0x9F; // no UTF-16 surrogates
        } else if (lead == 0xF0) {
            continuation = 3;
            low = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            continuation = 3;
        } else if (lead == 0xF4) {
            continuation = 3;
            high = 0x8F; // nothing above U+10FFFF
        } else {
            return i;
        }
        for (int k = 1; k <= continuation; ++k) {
            if (i + k >= size)
                return i;
            const auto byte = static_cast<unsigned char>(bytes.at(i + k));
            const unsigned char min = k == 1 ? low : 0x80;
            const unsigned char max = k == 1 ? high : 0xBF;
            if (byte < min || byte > max)
                return i;
        }
        i += continuation + 1;
    }
    return -1;
}

qsizetype PayloadDecoder::unpairedSurrogateEscapeOffset(QByteArrayView json)
{
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            const int unit = escapedCodeUnit(json, i);
            if (unit < 0) {
                ++i; // a one-character escape: skip the escaped character
                continue;
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
                return i; // a low surrogate with no high one before it
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const int next = escapedCodeUnit(json, i + 6);
                if (next < 0xDC00 || next > 0xDFFF)
                    return i;
                i += 6; // the pair's low half
            }
            i += 5;
        }
    }
    return -1;
}

std::variant<QJsonObject, Rejection> PayloadDecoder::jsonObject(const HttpRequest& request)
{
    if (auto rejection = checkContentType(request, "application/json"))
        return *rejection;
    return decodeJsonBody(request.body);
}

std::variant<QJsonObject, Rejection> PayloadDecoder::jsonObjectAnyLabel(const HttpRequest& request,
                                                                        QString* note)
{
    note->clear();
    const QByteArray mediaType = request.mediaType();
    if (request.hasHeader("Content-Type") && mediaType != "application/json") {
        if (mediaType != "text/plain") {
            return Rejection::wrongContentType(
                tr("Content-Type %1 is not accepted: expected application/json (or text/plain, "
                   "or none)")
                    .arg(quoted(QString::fromLatin1(mediaType))));
        }
        *note = tr("Content-Type text/plain: the body was read as JSON");
    } else if (!request.hasHeader("Content-Type")) {
        *note = tr("no Content-Type: the body was read as JSON");
    }
    const QByteArray charset = charsetOf(request.header("Content-Type"));
    if (!charset.isEmpty() && charset != "utf-8" && charset != "utf8") {
        return Rejection::wrongContentType(tr("charset %1 is not accepted: expected UTF-8")
                                               .arg(quoted(QString::fromLatin1(charset))));
    }
    return decodeJsonBody(request.body);
}

std::optional<QJsonObject> PayloadDecoder::peekJsonObject(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString PayloadDecoder::quoted(const QString& value)
{
    constexpr qsizetype maxCharacters = 80;
    QString out = QStringLiteral("\"");
    qsizetype shown = std::min(value.size(), maxCharacters);
    if (shown < value.size() && shown > 0 && value.at(shown - 1).isHighSurrogate())
        --shown; // never cut a surrogate pair in half
    for (qsizetype i = 0; i < shown; ++i) {
        const QChar c = value.at(i);
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c == u'\n') {
            out += QLatin1String("\\n");
        } else if (c == u'\r') {
            out += QLatin1String("\\r");
        } else if (c == u'\t') {
            out += QLatin1String("\\t");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7F ||
                   c.category() == QChar::Other_Control) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    if (value.size() > maxCharacters)
        out += QStringLiteral("…");
    out += u'"';
    return out;
}

} // namespace smsdesk
