#include "VCardReader.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <optional>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::VCardReader", text);
}

// One content line, unfolded: NAME;PARAM=x;PARAM:VALUE (the value still encoded).
struct ContentLine
{
    int line = 0;
    QByteArray name;                             // upper case, group dropped
    QList<QPair<QByteArray, QByteArray>> params; // names upper case; a bare 2.1 type is TYPE
    QByteArray value;

    QByteArray param(const QByteArray& key) const
    {
        for (const auto& param : params) {
            if (param.first == key)
                return param.second;
        }
        return {};
    }
};

bool isQuotedPrintable(const ContentLine& line)
{
    return line.param("ENCODING").toUpper() == "QUOTED-PRINTABLE";
}

// Splits the file into unfolded content lines: a line starting with a space or a tab continues
// the previous one (vCard 3.0/4.0); in vCard 2.1 a QUOTED-PRINTABLE value ending in '=' goes
// on on the next line.
QList<ContentLine> contentLines(const QByteArray& data)
{
    QList<QByteArray> raw = data.split('\n');
    QList<ContentLine> lines;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QByteArray text = raw.at(i);
        if (text.endsWith('\r'))
            text.chop(1);
        if (!lines.isEmpty() && (text.startsWith(' ') || text.startsWith('\t'))) {
            lines.last().value += text.mid(1);
            continue;
        }
        if (text.trimmed().isEmpty())
            continue;
        ContentLine line;
        line.line = static_cast<int>(i + 1);
        // The first ':' outside a quoted parameter value ends the name and parameters.
        qsizetype colon = -1;
        bool quoted = false;
        for (qsizetype at = 0; at < text.size(); ++at) {
            if (text.at(at) == '"')
                quoted = !quoted;
            else if (text.at(at) == ':' && !quoted) {
                colon = at;
                break;
            }
        }
        if (colon < 0)
            continue; // not a content line
        const QList<QByteArray> head = text.left(colon).split(';');
        QByteArray name = head.first().trimmed().toUpper();
        if (const qsizetype dot = name.lastIndexOf('.'); dot >= 0)
            name = name.mid(dot + 1); // "item1.TEL"
        line.name = name;
        for (qsizetype p = 1; p < head.size(); ++p) {
            const QByteArray param = head.at(p).trimmed();
            const qsizetype equals = param.indexOf('=');
            if (equals < 0) {
                line.params.append({"TYPE", param}); // vCard 2.1: "TEL;CELL:"
            } else {
                QByteArray value = param.mid(equals + 1);
                if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                    value = value.mid(1, value.size() - 2);
                line.params.append({param.left(equals).trimmed().toUpper(), value});
            }
        }
        line.value = text.mid(colon + 1);
        // QUOTED-PRINTABLE soft line breaks: "=" at the end joins the next raw line.
        if (isQuotedPrintable(line)) {
            while (line.value.endsWith('=') && i + 1 < raw.size()) {
                line.value.chop(1);
                QByteArray next = raw.at(++i);
                if (next.endsWith('\r'))
                    next.chop(1);
                line.value += next;
            }
        }
        lines.append(line);
    }
    return lines;
}

QByteArray decodeQuotedPrintable(const QByteArray& value)
{
    QByteArray out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == '=' && i + 2 < value.size()) {
            const QByteArray hex = value.mid(i + 1, 2);
            bool ok = false;
            const int byte = hex.toInt(&ok, 16);
            if (ok) {
                out.append(static_cast<char>(byte));
                i += 2;
                continue;
            }
        }
        out.append(value.at(i));
    }
    return out;
}

// The value as text: transfer encoding and charset undone (UTF-8 unless CHARSET names
// another that Qt knows), escapes kept for the caller (they depend on the property).
QString text(const ContentLine& line)
{
    QByteArray bytes = line.value;
    if (isQuotedPrintable(line))
        bytes = decodeQuotedPrintable(bytes);
    const QByteArray encoding = line.param("ENCODING").toUpper();
    if (encoding == "BASE64" || encoding == "B")
        bytes = QByteArray::fromBase64(bytes);
    const QByteArray charset = line.param("CHARSET");
    if (!charset.isEmpty() && charset.toUpper() != "UTF-8") {
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    return QString::fromUtf8(bytes);
}

// Splits a structured value on unescaped ';' and undoes the escapes of each part.
QStringList components(const QString& value)
{
    QStringList parts{QString()};
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            parts.last() += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
        } else if (c == u';') {
            parts.append(QString());
        } else {
            parts.last() += c;
        }
    }
    return parts;
}

QString unescaped(const QString& value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            out += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
        } else {
            out += c;
        }
    }
    return out;
}

QStringList typesOf(const ContentLine& line)
{
    QStringList types;
    for (const auto& param : line.params) {
        if (param.first != "TYPE")
            continue;
        for (const QByteArray& type : param.second.split(',')) {
            const QString lower = QString::fromUtf8(type.trimmed()).toLower();
            if (!lower.isEmpty() && !types.contains(lower))
                types.append(lower);
        }
    }
    return types;
}

} // namespace

VCardReader::Result VCardReader::read(const QByteArray& data)
{
    Result result;
    std::optional<Card> card;
    QString structuredName, organisation;
    for (const ContentLine& line : contentLines(data)) {
        if (line.name == "BEGIN" && line.value.trimmed().toUpper() == "VCARD") {
            if (card)
                result.problems.append({card->line, tr("the card has no END:VCARD")});
            card = Card{};
            card->line = line.line;
            structuredName.clear();
            organisation.clear();
            continue;
        }
        if (!card)
            continue;
        if (line.name == "END") {
            if (card->name.isEmpty())
                card->name = !structuredName.isEmpty() ? structuredName : organisation;
            if (card->phones.isEmpty())
                result.problems.append(
                    {card->line, card->name.isEmpty()
                                     ? tr("a card without a name or a telephone number")
                                     : tr("%1 has no telephone number").arg(card->name)});
            else
                result.cards.append(*card);
            card.reset();
        } else if (line.name == "FN") {
            card->name = unescaped(text(line)).simplified();
        } else if (line.name == "N") {
            // Family;Given;Additional;Prefix;Suffix
            const QStringList parts = components(text(line));
            QStringList shown;
            for (const int index : {3, 1, 2, 0, 4}) {
                const QString part = parts.value(index).simplified();
                if (!part.isEmpty())
                    shown.append(part);
            }
            structuredName = shown.join(u' ');
        } else if (line.name == "ORG") {
            organisation = components(text(line)).value(0).simplified();
        } else if (line.name == "NOTE") {
            card->note = unescaped(text(line)).trimmed();
        } else if (line.name == "TEL") {
            QString number = unescaped(text(line)).trimmed();
            if (number.startsWith(QStringLiteral("tel:"), Qt::CaseInsensitive))
                number = number.mid(4); // vCard 4.0: VALUE=uri
            if (!number.isEmpty())
                card->phones.append({number, typesOf(line)});
        }
    }
    if (card)
        result.problems.append({card->line, tr("the card has no END:VCARD")});
    return result;
}

} // namespace smsdesk
