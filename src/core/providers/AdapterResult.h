#pragma once

#include "providers/InboundEvent.h"
#include "providers/Rejection.h"

#include <QList>
#include <QStringList>
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

    // What the adapter read leniently, where the request departs from the provider's document
    // in a way it could still read ("no Content-Type: read as JSON"), for the request log.
    const QStringList& notes() const { return m_notes; }
    AdapterResult& withNotes(const QStringList& notes);

private:
    QList<InboundEvent> m_events;
    QStringList m_notes;
    std::optional<Rejection> m_rejection;
};

} // namespace smsdesk
