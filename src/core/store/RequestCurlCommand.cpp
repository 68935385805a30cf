#include "RequestCurlCommand.h"

#include "RequestLogReader.h"
#include "RequestLogRow.h"

#include <QStringList>
#include <algorithm>

namespace smsdesk {

namespace {

const char Continuation[] = " \\\n  ";
const char RedactedTokenPath[] = "/[token]";

// Explicit and bidirectional formatting characters: harmless to a shell, but they make a
// pasted command read differently from what it does.
bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

// Valid UTF-8 (also no BOM, which a decoder may drop) whose characters are all printable;
// `allowLineBreaks` lets '\n' and '\t' through.
bool isPrintableUtf8(const QByteArray& bytes, bool allowLineBreaks)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes) // invalid sequences became U+FFFD
        return false;
    for (const char32_t c : text.toUcs4()) {
        if (allowLineBreaks && (c == u'\n' || c == u'\t'))
            continue;
        if (QChar::category(c) == QChar::Other_Control || isBidiControl(c) || c == 0xFEFF)
            return false;
    }
    return true;
}

bool isBareWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/' || c == ':' || c == '@' || c == '+' || c == ',' ||
           c == '=' || c == '%';
}

// '...' with every ' as '\'' (which closes the quote, adds an escaped quote and reopens it).
QString singleQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool hasHeader(const RequestLogEntry& entry, const char* name)
{
    for (const RequestLogEntry::Header& header : entry.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool RequestCurlCommand::isOmittedHeader(const QByteArray& name)
{
    return RequestLogRow::isConnectionHeader(name) || RequestLogRow::isSecretHeader(name);
}

QString RequestCurlCommand::printfFormat(const QByteArray& bytes)
{
    QString format;
    format.reserve(bytes.size() + 2);
    format.append(QLatin1Char('\''));
    bool afterOctal = false;
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        // After an octal escape a digit is escaped too: printf reads at most three digits, but
        // zsh's "\0NNN" form would take a fourth.
        const bool digitAfterOctal = afterOctal && c >= '0' && c <= '9';
        afterOctal = false;
        if (c == '\\') {
            format.append(QLatin1String("\\\\"));
        } else if (c == '%') {
            format.append(QLatin1String("%%"));
        } else if (c == '\n') {
            format.append(QLatin1String("\\n"));
        } else if (c == '\t') {
            format.append(QLatin1String("\\t"));
        } else if (c >= 0x20 && c < 0x7F && c != '\'' && !digitAfterOctal) {
            format.append(QLatin1Char(byte));
        } else {
            format.append(QLatin1Char('\\'));
            format.append(QLatin1Char(char('0' + ((c >> 6) & 7))));
            format.append(QLatin1Char(char('0' + ((c >> 3) & 7))));
            format.append(QLatin1Char(char('0' + (c & 7))));
            afterOctal = true;
        }
    }
    format.append(QLatin1Char('\''));
    return format;
}

QString RequestCurlCommand::shellWord(const QByteArray& bytes)
{
    if (!bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), isBareWordByte))
        return QString::fromLatin1(bytes);
    if (isPrintableUtf8(bytes, false))
        return singleQuoted(QString::fromUtf8(bytes));
    return QLatin1String("\"$(printf ") + printfFormat(bytes) + QLatin1String(")\"");
}

QString RequestCurlCommand::build(const RequestLogEntry& entry, const QString& baseUrl)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QByteArray target = entry.target.toLatin1();
    const QByteArray url = base.toUtf8() + (target.startsWith('/') ? target : '/' + target);
    const QByteArray method = entry.method.toLatin1();
    const bool hasBody = !entry.body.isEmpty();
    const bool pipeBody =
        hasBody && (entry.body.size() > MaxQuotedBodyBytes || entry.body.startsWith('@') ||
                    !isPrintableUtf8(entry.body, true));

    QStringList options;
    if (url.contains('[') || url.contains(']') || url.contains('{') || url.contains('}'))
        options.append(QStringLiteral("--globoff"));
    if (method == "HEAD" && !hasBody)
        options.append(QStringLiteral("--head"));
    else if (method != (hasBody ? "POST" : "GET"))
        options.append(QLatin1String("-X ") + shellWord(method));
    QString command =
        QLatin1String("curl ") +
        (options.isEmpty() ? QString() : options.join(QLatin1Char(' ')) + QLatin1Char(' ')) +
        shellWord(url);

    bool secretLeftOut = false;
    for (const RequestLogEntry::Header& header : entry.headers) {
        if (RequestLogRow::isSecretHeader(header.first)) {
            secretLeftOut = true;
            continue;
        }
        if (isOmittedHeader(header.first))
            continue;
        // curl reads "Name:" as "do not send Name" and "Name;" as "send Name empty".
        const QByteArray line =
            header.second.isEmpty() ? header.first + ';' : header.first + ": " + header.second;
        command += QLatin1String(Continuation) + QLatin1String("-H ") + shellWord(line);
    }
    // What curl sends on its own unless told not to.
    if (!hasHeader(entry, "accept"))
        command += QLatin1String(Continuation) + QLatin1String("-H 'Accept:'");
    if (!hasHeader(entry, "user-agent"))
        command += QLatin1String(Continuation) + QLatin1String("-H 'User-Agent:'");
    if (hasBody && !hasHeader(entry, "content-type"))
        command += QLatin1String(Continuation) + QLatin1String("-H 'Content-Type:'");

    if (pipeBody) {
        command = QLatin1String("printf ") + printfFormat(entry.body) + QLatin1String(" | ") +
                  command + QLatin1String(Continuation) + QLatin1String("--data-binary @-");
    } else if (hasBody) {
        command += QLatin1String(Continuation) + QLatin1String("--data-binary ") +
                   singleQuoted(QString::fromUtf8(entry.body));
    }

    QStringList notes;
    if (secretLeftOut) {
        notes.append(QStringLiteral("Authorization was redacted in the request log: add "
                                    "-H 'Authorization: <value>'"));
    }
    if (target.contains(RedactedTokenPath) && target.startsWith("/webhooks/")) {
        notes.append(QStringLiteral("the path token was redacted in the request log: put it "
                                    "in place of [token]"));
    }
    if (!notes.isEmpty())
        command += QLatin1String("  # ") + notes.join(QLatin1String("; "));
    return command;
}

} // namespace smsdesk
