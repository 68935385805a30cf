#include "ProviderRegistry.h"

#include "providers/androidgateway/AndroidGatewayAdapter.h"
#include "providers/oncloud/OnCloudAdapter.h"
#include "providers/pbx/PbxAdapter.h"
#include "providers/zonitel/ZonitelAdapter.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::ProviderRegistry", text);
}

} // namespace

ProviderRegistry::ProviderRegistry()
{
    add(std::make_unique<OnCloudAdapter>());
    add(std::make_unique<PbxAdapter>());
    add(std::make_unique<ZonitelAdapter>());
    add(std::make_unique<AndroidGatewayAdapter>());
}

ProviderRegistry::~ProviderRegistry() = default;

void ProviderRegistry::add(std::unique_ptr<ProviderAdapter> adapter)
{
    Q_ASSERT(adapter && !adapterFor(adapter->id()));
    m_adapters.push_back(std::move(adapter));
}

const ProviderAdapter* ProviderRegistry::adapterFor(const QString& id) const
{
    for (const auto& adapter : m_adapters) {
        if (adapter->id() == id)
            return adapter.get();
    }
    return nullptr;
}

ProviderRegistry::Detection ProviderRegistry::detect(const HttpRequest& request) const
{
    QStringList recognising;
    const ProviderAdapter* found = nullptr;
    for (const auto& adapter : m_adapters) {
        if (adapter->recognizes(request)) {
            found = adapter.get();
            recognising << adapter->id();
        }
    }
    if (recognising.size() == 1)
        return {found, {}};
    if (recognising.isEmpty()) {
        return {nullptr, Rejection::unrecognised(
                             tr("unrecognised payload: the body matches none of the providers' "
                                "webhook formats (%1); post to /webhooks/<provider> to be told "
                                "what is wrong with it")
                                 .arg(ids().join(QLatin1String(", "))))};
    }
    return {nullptr,
            Rejection::ambiguous(tr("ambiguous payload: it matches the webhook formats of %1; "
                                    "post to /webhooks/<provider> instead")
                                     .arg(recognising.join(QLatin1String(", "))))};
}

QStringList ProviderRegistry::ids() const
{
    QStringList result;
    for (const auto& adapter : m_adapters)
        result << adapter->id();
    return result;
}

} // namespace smsdesk
