#include "ProviderAdapter.h"

namespace smsdesk {

ProviderAdapter::~ProviderAdapter() = default;

bool ProviderAdapter::supportsSyncReply() const
{
    return false;
}

QByteArray ProviderAdapter::encodeSyncReply(const QString& text, const QStringList& media) const
{
    Q_UNUSED(text)
    Q_UNUSED(media)
    return {};
}

QByteArray ProviderAdapter::syncReplyContentType() const
{
    return QByteArrayLiteral("application/json");
}

} // namespace smsdesk
