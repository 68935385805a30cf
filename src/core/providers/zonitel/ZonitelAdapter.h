#pragma once

#include "providers/ProviderAdapter.h"
#include "providers/StatusUpdate.h"

namespace smsdesk {

// Zonitel SMS webhooks (specs/002): one JSON shape for inbound messages and for the
// status of outbound ones: {"status", "data": {"id", "segments", "direction",
// "messageText", "from", "to", "medias"}, "message"}.
class ZonitelAdapter final : public ProviderAdapter
{
public:
    static QString providerId() { return QStringLiteral("zonitel"); }
    // The status of an outbound message: the document's "sent", "delivered", "failed"
    // (plus "queued" and "undelivered"); anything else is Unknown and kept raw.
    static DeliveryStatus statusFor(const QString& rawStatus);

    QString id() const override { return providerId(); }
    bool recognizes(const HttpRequest& request) const override;
    AdapterResult parse(const HttpRequest& request, const AdapterContext& context) const override;
};

} // namespace smsdesk
