#include "SecretStore.h"

namespace smsdesk {

SecretStore::~SecretStore() = default;

QString SecretStore::numberKey(const QString& e164, Kind kind)
{
    QLatin1String suffix;
    switch (kind) {
    case Kind::WebhookSecret:
        suffix = QLatin1String("webhook-secret");
        break;
    case Kind::AuthorizationHeader:
        suffix = QLatin1String("authorization");
        break;
    case Kind::PathToken:
        suffix = QLatin1String("path-token");
        break;
    }
    return QStringLiteral("number/%1/%2").arg(e164, suffix);
}

QString SecretStore::apiTokenKey(const QString& provider, const QString& account)
{
    return QStringLiteral("provider/%1/%2/api-token").arg(provider, account);
}

} // namespace smsdesk
