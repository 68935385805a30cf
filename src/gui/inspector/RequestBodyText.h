#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace smsdesk {

// The text the Inspector shows for the bytes of a logged request: what kind of body it is, the
// body as text (JSON re-indented, form fields decoded), header bytes as text, and a hex dump.
// Pure functions of their arguments, no widgets: RequestDetailPane shows what they return.
class RequestBodyText
{
public:
    // How a body is shown.
    enum class Kind
    {
        Empty,
        FormFields, // application/x-www-form-urlencoded and valid UTF-8: a field table
        Json,       // valid JSON in UTF-8: re-indented
        Text,       // other valid UTF-8
        Latin1,     // not UTF-8: read as Latin-1
    };
    using Field = QPair<QString, QString>;

    // The kind of `body` sent with Content-Type `contentType` (parameters and case ignored).
    static Kind kindOf(const QByteArray& body, const QByteArray& contentType);
    // The media type of a Content-Type value: lower case, without parameters or spaces
    // ("Application/JSON; charset=utf-8" -> "application/json").
    static QByteArray mediaType(const QByteArray& contentType);

    // True when `bytes` are valid UTF-8 (the empty array is).
    static bool isValidUtf8(const QByteArray& bytes);
    // True when `bytes` are one valid JSON document in valid UTF-8.
    static bool isJson(const QByteArray& bytes);
    // Header bytes as text: UTF-8 when they are, else Latin-1 (what request_log stores).
    static QString headerText(const QByteArray& bytes);
    // The fields of a form body, in order, fully decoded; '+' is a space ("%2B" is a plus).
    static QList<Field> formFields(const QByteArray& body);

    // JSON text re-indented by four spaces per level without reparsing its values: keys keep
    // their order and numbers their digits. `json` must be valid JSON.
    static QString indentJson(const QString& json);
    // `bytes` as "offset  hex bytes (8 + 8)  |ASCII|" lines, like `hexdump -C`.
    static QString hexDump(const QByteArray& bytes);
};

} // namespace smsdesk
