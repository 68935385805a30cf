#include "HttpRequest.h"

namespace smsdesk {

QByteArray HttpRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

QByteArray HttpRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

namespace {
const HttpRequest::Header* findHeader(const QList<HttpRequest::Header>& headers,
                                      const QByteArray& name)
{
    for (const HttpRequest::Header& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return &header;
    }
    return nullptr;
}
} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const
{
    const Header* found = findHeader(headers, name);
    return found ? found->second : QByteArray();
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    return findHeader(headers, name) != nullptr;
}

QByteArray HttpRequest::mediaType() const
{
    QByteArray type = header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

} // namespace smsdesk
