#pragma once

#include "providers/AdapterContext.h"
#include "providers/AdapterResult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace smsdesk {

class HttpRequest;

// Reads one provider's webhook requests. Pure: a request value in, events or a precise
// rejection out; no sockets, no database, no keychain, no globals. A provider's quirks
// stay inside its adapter.
class ProviderAdapter
{
public:
    virtual ~ProviderAdapter();

    // The ProviderCatalog id: "oncloud", "pbx", "zonitel", "android-gateway".
    virtual QString id() const = 0;
    // A cheap shape check for the generic /webhook path: does the body look like this
    // provider's? Content-Type is not looked at, so that parse() can say precisely
    // what is wrong with it.
    virtual bool recognizes(const HttpRequest& request) const = 0;
    // The events of the request, or why it must be refused (4xx + reason).
    virtual AdapterResult parse(const HttpRequest& request,
                                const AdapterContext& context) const = 0;

    // Whether the webhook response may carry a reply SMS (onCloud).
    virtual bool supportsSyncReply() const;
    // The response body that sends text (+ media URLs) back as a reply; empty when this
    // provider has no synchronous reply or when there is nothing to send.
    virtual QByteArray encodeSyncReply(const QString& text, const QStringList& media) const;
    // The Content-Type of a non-empty encodeSyncReply() body.
    virtual QByteArray syncReplyContentType() const;

protected:
    ProviderAdapter() = default;
    ProviderAdapter(const ProviderAdapter&) = default;
    ProviderAdapter& operator=(const ProviderAdapter&) = default;
};

} // namespace smsdesk
