#include "HttpBase.h"

namespace smsdesk {

bool HttpBase::parse(const QString& text, QUrl* base)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty() ||
        url.hasQuery() || url.hasFragment())
        return false;
    if (!url.path().endsWith(u'/'))
        url.setPath(url.path() + u'/');
    *base = url;
    return true;
}

} // namespace smsdesk
