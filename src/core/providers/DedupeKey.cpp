#include "DedupeKey.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace smsdesk {

QString DedupeKey::join(const QString& provider, const QStringList& parts)
{
    QString key = provider;
    for (const QString& part : parts) {
        key += u':';
        for (const QChar c : part) {
            if (c == u'%')
                key += QLatin1String("%25");
            else if (c == u':')
                key += QLatin1String("%3A");
            else
                key += c;
        }
    }
    return key;
}

QString DedupeKey::hashed(const QString& provider, const QList<QByteArray>& fields)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray& field : fields) {
        uchar length[8];
        qToBigEndian(static_cast<quint64>(field.size()), length);
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(length), sizeof length));
        hash.addData(field);
    }
    return provider + u':' + QString::fromLatin1(hash.result().toHex());
}

} // namespace smsdesk
