#include "ListenAddressFields.h"

namespace smsdesk {

ListenAddressFields ListenAddressFields::split(const QString& listen)
{
    const QString text = listen.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    ListenAddressFields fields;
    if (colon < 0) {
        fields.host = text;
        return fields;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    fields.host = host;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    fields.port = ok && port <= 65535 ? static_cast<quint16>(port) : 0;
    return fields;
}

QString ListenAddressFields::join(const QString& host, quint16 port)
{
    const QString trimmed = host.trimmed();
    const QString shown = trimmed.contains(u':') && !trimmed.startsWith(u'[')
                              ? QStringLiteral("[%1]").arg(trimmed)
                              : trimmed;
    return QStringLiteral("%1:%2").arg(shown).arg(port);
}

} // namespace smsdesk
