#pragma once

#include <QString>
#include <QStringList>

namespace smsdesk {

// The providers SMS Desk speaks to, by their stable ids ("oncloud", "pbx", "zonitel",
// "android-gateway") as used in the database, the CLI, webhook paths and exports.
class ProviderCatalog
{
public:
    struct Info
    {
        QString id;
        QString displayName;
        QString shortName;       // for narrow places: table cells, the provider filter
        bool webhookMustBeHttps; // the provider refuses plain-http webhook URLs
        bool usesServiceId;      // PBX service id
        bool usesClientId;       // Zonitel X-Client-Id
        bool usesDevice;         // Android gateway device id and SIM
        QString authScheme;      // required prefix of the Authorization value, if any
    };

    static const QList<Info>& all();
    static const Info* find(const QString& id);
    static QStringList ids();
};

} // namespace smsdesk
