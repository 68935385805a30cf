#pragma once

#include "providers/Rejection.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <optional>
#include <variant>

namespace smsdesk {

class HttpRequest;

// The request-level checks every adapter shares: Content-Type, UTF-8, JSON.
class PayloadDecoder
{
public:
    // 415 unless the media type is expectedMediaType and the charset, if given, is UTF-8.
    static std::optional<Rejection> checkContentType(const HttpRequest& request,
                                                     QByteArrayView expectedMediaType);
    // The offset of the first byte that is not part of well-formed UTF-8 (no overlong
    // forms, no surrogates, nothing above U+10FFFF); -1 when all of it is.
    static qsizetype invalidUtf8Offset(QByteArrayView bytes);
    // The offset of a \uXXXX escape inside a JSON string that is a surrogate without its
    // pair (Qt would silently turn it into U+FFFD); -1 when there is none.
    static qsizetype unpairedSurrogateEscapeOffset(QByteArrayView json);
    // Content-Type application/json, UTF-8, JSON syntax, a top-level object: the object,
    // or a rejection saying which of those failed and where.
    static std::variant<QJsonObject, Rejection> jsonObject(const HttpRequest& request);
    // The same for a provider whose document names no Content-Type (Zonitel, the Android
    // gateway): the body is read as JSON when it is labelled application/json, text/plain or
    // not at all; another media type (a form, XML) or a charset other than UTF-8 is a 415.
    // `note` says how a body not labelled application/json was read (empty when it was).
    static std::variant<QJsonObject, Rejection> jsonObjectAnyLabel(const HttpRequest& request,
                                                                   QString* note);
    // For recognizes(): the body as a JSON object when it is one, no questions asked.
    static std::optional<QJsonObject> peekJsonObject(const QByteArray& body);
    // A value for a reason: quoted, control characters escaped, cut after 80 characters.
    static QString quoted(const QString& value);
    // The value of a hexadecimal digit (either case); -1 when `c` is not one. For the
    // escapes of JSON strings and form-encoded bodies.
    static int hexValue(char c);
};

} // namespace smsdesk
