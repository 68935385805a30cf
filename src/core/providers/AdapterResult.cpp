#include "AdapterResult.h"

#include <utility>

namespace smsdesk {

AdapterResult::AdapterResult(InboundEvent event) : m_events{std::move(event)} {}

AdapterResult::AdapterResult(QList<InboundEvent> events) : m_events(std::move(events)) {}

AdapterResult::AdapterResult(Rejection rejection) : m_rejection(std::move(rejection)) {}

AdapterResult& AdapterResult::withNotes(const QStringList& notes)
{
    m_notes << notes;
    return *this;
}

const Rejection& AdapterResult::rejection() const
{
    static const Rejection none;
    return m_rejection ? *m_rejection : none;
}

} // namespace smsdesk
