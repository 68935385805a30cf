#pragma once

#include <QString>
#include <QUrl>

namespace smsdesk {

// The base address of a provider's REST API as a setting holds it: an absolute http:// or
// https:// URL with a host and no query or fragment, its path ending in "/" so that endpoint
// paths resolve below it.
class HttpBase
{
public:
    // False when `text` is not such a URL; otherwise `base` is it, with a trailing "/".
    static bool parse(const QString& text, QUrl* base);
};

} // namespace smsdesk
