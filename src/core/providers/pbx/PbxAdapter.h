#pragma once

#include "providers/ProviderAdapter.h"

namespace smsdesk {

// The PBX carrier's form webhook (specs/001): application/x-www-form-urlencoded POST with
// service_id, from, sms_number, body, message_id (UUID), timestamp (epoch seconds),
// webhook_url, webhook_url_fallback. Retried until a 200: duplicates share message_id.
class PbxAdapter final : public ProviderAdapter
{
public:
    static QString providerId() { return QStringLiteral("pbx"); }

    QString id() const override { return providerId(); }
    bool recognizes(const HttpRequest& request) const override;
    AdapterResult parse(const HttpRequest& request, const AdapterContext& context) const override;
};

} // namespace smsdesk
