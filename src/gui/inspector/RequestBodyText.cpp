#include "RequestBodyText.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>
#include <QUrlQuery>

namespace smsdesk {

RequestBodyText::Kind RequestBodyText::kindOf(const QByteArray& body, const QByteArray& contentType)
{
    if (body.isEmpty())
        return Kind::Empty;
    if (mediaType(contentType) == "application/x-www-form-urlencoded" && isValidUtf8(body))
        return Kind::FormFields;
    if (isJson(body))
        return Kind::Json;
    return isValidUtf8(body) ? Kind::Text : Kind::Latin1;
}

QByteArray RequestBodyText::mediaType(const QByteArray& contentType)
{
    QByteArray type = contentType;
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool RequestBodyText::isValidUtf8(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes; // invalid sequences became U+FFFD
}

bool RequestBodyText::isJson(const QByteArray& bytes)
{
    QJsonParseError error;
    QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError && isValidUtf8(bytes);
}

QString RequestBodyText::headerText(const QByteArray& bytes)
{
    return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
}

QList<RequestBodyText::Field> RequestBodyText::formFields(const QByteArray& body)
{
    // QUrlQuery keeps '+' as it is: in a form body it is a space ("%2B" is a plus).
    QByteArray spaced = body;
    spaced.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(spaced)).queryItems(QUrl::FullyDecoded);
}

QString RequestBodyText::indentJson(const QString& json)
{
    QString out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newLine = [&out, &depth] {
        out.append(QLatin1Char('\n'));
        out.append(QString(depth * 4, QLatin1Char(' ')));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out.append(c);
            break;
        case u'{':
        case u'[': {
            qsizetype next = i + 1;
            while (next < json.size() && json.at(next).isSpace())
                ++next;
            const QChar close = c == u'{' ? QLatin1Char('}') : QLatin1Char(']');
            if (next < json.size() && json.at(next) == close) { // empty: {} or []
                out.append(c);
                out.append(close);
                i = next;
                break;
            }
            out.append(c);
            ++depth;
            newLine();
            break;
        }
        case u'}':
        case u']':
            --depth;
            newLine();
            out.append(c);
            break;
        case u',':
            out.append(c);
            newLine();
            break;
        case u':':
            out.append(QLatin1String(": "));
            break;
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

QString RequestBodyText::hexDump(const QByteArray& bytes)
{
    static const char digits[] = "0123456789abcdef";
    QString dump;
    dump.reserve((bytes.size() / 16 + 1) * 79);
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        QString line = QStringLiteral("%1 ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (i == 8)
                line.append(QLatin1Char(' '));
            if (offset + i < bytes.size()) {
                const auto byte = static_cast<unsigned char>(bytes.at(offset + i));
                line.append(QLatin1Char(' '));
                line.append(QLatin1Char(digits[byte >> 4]));
                line.append(QLatin1Char(digits[byte & 15]));
                ascii.append(byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte))
                                                         : QLatin1Char('.'));
            } else {
                line.append(QLatin1String("   "));
            }
        }
        line.append(QLatin1String("  |") + ascii + QLatin1Char('|'));
        if (!dump.isEmpty())
            dump.append(QLatin1Char('\n'));
        dump.append(line);
    }
    return dump;
}

} // namespace smsdesk
