#pragma once

#include "providers/ProviderAdapter.h"
#include "providers/Rejection.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace smsdesk {

class HttpRequest;

// Owns one adapter per provider. Adding a provider is one new adapter folder and one
// line in the constructor.
class ProviderRegistry
{
public:
    struct Detection
    {
        const ProviderAdapter* adapter = nullptr; // set when exactly one adapter recognised it
        Rejection rejection;                      // why not, otherwise
        bool ok() const { return adapter != nullptr; }
    };

    ProviderRegistry(); // every built-in provider
    ProviderRegistry(const ProviderRegistry&) = delete;
    ProviderRegistry& operator=(const ProviderRegistry&) = delete;
    ~ProviderRegistry();

    // nullptr for an unknown id.
    const ProviderAdapter* adapterFor(const QString& id) const;
    // For the generic /webhook path: the one adapter that recognises the request's shape;
    // none is "unrecognised payload", more than one is "ambiguous" (both 400).
    Detection detect(const HttpRequest& request) const;
    QStringList ids() const;

private:
    void add(std::unique_ptr<ProviderAdapter> adapter);

    std::vector<std::unique_ptr<ProviderAdapter>> m_adapters;
};

} // namespace smsdesk
