#include "ProviderCatalog.h"

#include <QCoreApplication>

namespace smsdesk {

const QList<ProviderCatalog::Info>& ProviderCatalog::all()
{
    static const QList<Info> providers = {
        {QStringLiteral("oncloud"),
         QStringLiteral("onCloud Webhook SMS"),
         QStringLiteral("onCloud"),
         false,
         false,
         false,
         false,
         {}},
        {QStringLiteral("pbx"),
         QStringLiteral("PBX carrier (form webhooks)"),
         QStringLiteral("PBX carrier"),
         false,
         true,
         false,
         false,
         {}},
        {QStringLiteral("zonitel"), QStringLiteral("Zonitel"), QStringLiteral("Zonitel"), true,
         false, true, false, QStringLiteral("Bearer ")},
        {QStringLiteral("android-gateway"),
         QStringLiteral("Android SMS gateway"),
         QStringLiteral("Android gateway"),
         false,
         false,
         false,
         true,
         {}},
    };
    return providers;
}

const ProviderCatalog::Info* ProviderCatalog::find(const QString& id)
{
    for (const Info& info : all()) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

QStringList ProviderCatalog::ids()
{
    QStringList result;
    for (const Info& info : all())
        result << info.id;
    return result;
}

} // namespace smsdesk
