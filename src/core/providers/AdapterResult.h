#pragma once

#include "providers/InboundEvent.h"
#include "providers/Rejection.h"

#include <QList>
#include <optional>

namespace smsdesk {

// What ProviderAdapter::parse() gives: the events of the request, or why it was refused.
class AdapterResult
{
public:
    // Implicit on purpose: an adapter returns an event, a list of them or a rejection.
    AdapterResult(InboundEvent event);
    AdapterResult(QList<InboundEvent> events);
    AdapterResult(Rejection rejection);

    bool ok() const { return !m_rejection.has_value(); }
    const QList<InboundEvent>& events() const { return m_events; } // empty when rejected
    // Only meaningful when !ok().
    const Rejection& rejection() const;

private:
    QList<InboundEvent> m_events;
    std::optional<Rejection> m_rejection;
};

} // namespace smsdesk
