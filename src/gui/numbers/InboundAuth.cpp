#include "InboundAuth.h"

namespace smsdesk {

InboundAuth::Method InboundAuth::of(bool authorization, bool pathToken)
{
    if (authorization && pathToken)
        return Method::Both;
    if (authorization)
        return Method::Authorization;
    return pathToken ? Method::PathToken : Method::None;
}

QString InboundAuth::name(Method method)
{
    switch (method) {
    case Method::None:
        return tr("None");
    case Method::Authorization:
        return tr("Authorization");
    case Method::PathToken:
        return tr("Path token");
    case Method::Both:
        return tr("Authorization + path token");
    }
    return {};
}

QString InboundAuth::explanation(Method method, const QString& providerName)
{
    switch (method) {
    case Method::None:
        return tr("Not checked: anyone who can reach the listener can post messages for this "
                  "number. Set the Authorization value %1 sends, or generate a path token if it "
                  "sends none.")
            .arg(providerName);
    case Method::Authorization:
        return tr("Webhooks must carry the Authorization value stored for this number.");
    case Method::PathToken:
        return tr("Webhooks must be posted to the path that ends in this number's token.");
    case Method::Both:
        return tr("Webhooks must carry the Authorization value and be posted to the path that "
                  "ends in this number's token.");
    }
    return {};
}

} // namespace smsdesk
