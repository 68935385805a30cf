#pragma once

#include "providers/ProviderAdapter.h"

namespace smsdesk {

// onCloud Webhook SMS API (specs/000): a JSON POST per inbound SMS/MMS,
// {"event":"sms.inbound","from","to","text","media"?,"timestamp"}, and an optional
// synchronous reply {"reply","media"?} in the response.
class OnCloudAdapter final : public ProviderAdapter
{
public:
    static QString providerId() { return QStringLiteral("oncloud"); }

    QString id() const override { return providerId(); }
    bool recognizes(const HttpRequest& request) const override;
    AdapterResult parse(const HttpRequest& request, const AdapterContext& context) const override;
    bool supportsSyncReply() const override { return true; }
    QByteArray encodeSyncReply(const QString& text, const QStringList& media) const override;
};

} // namespace smsdesk
