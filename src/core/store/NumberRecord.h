#pragma once

#include <QString>

namespace smsdesk {

// One provisioned number (DID) as stored. Secrets are not here: only whether the
// keychain holds one for this number (and, for the path token, its SHA-256).
struct NumberRecord
{
    qint64 id = 0;
    QString e164;
    QString label;
    QString provider; // ProviderCatalog id
    bool enabled = true;
    qint64 planId = 0; // 0: no plan
    QString webhookUrl;
    QString fallbackEmail;
    QString serviceId; // PBX
    QString clientId;  // Zonitel
    QString deviceId;  // Android gateway
    int sim = -1;      // Android gateway SIM slot 0 or 1; -1: not set
    // IANA id ("Australia/Sydney") of the zone the gateway's times without one are in;
    // empty: the system's zone.
    QString timeZone;
    bool hasSecret = false;
    bool hasAuthHeader = false;
    QString pathTokenHash; // SHA-256 hex of the path token (PathToken::hash); empty: none
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool hasPathToken() const { return !pathTokenHash.isEmpty(); }
};

} // namespace smsdesk
