#include "SecretStore.h"

namespace smsdesk {

SecretStore::~SecretStore() = default;

QString SecretStore::numberKey(const QString& e164, Kind kind)
{
    const QLatin1String suffix = kind == Kind::WebhookSecret ? QLatin1String("webhook-secret")
                                                             : QLatin1String("authorization");
    return QStringLiteral("number/%1/%2").arg(e164, suffix);
}

} // namespace smsdesk
