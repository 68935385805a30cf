#pragma once

#include "providers/InboundMessage.h"
#include "providers/StatusUpdate.h"

#include <variant>

namespace smsdesk {

// What one webhook request carries: a message to one of our numbers, or a status
// report on a message we sent.
using InboundEvent = std::variant<InboundMessage, StatusUpdate>;

inline const QString& dedupeKeyOf(const InboundEvent& event)
{
    return std::visit([](const auto& e) -> const QString& { return e.dedupeKey; }, event);
}

inline const QString& providerOf(const InboundEvent& event)
{
    return std::visit([](const auto& e) -> const QString& { return e.provider; }, event);
}

} // namespace smsdesk
