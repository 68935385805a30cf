#include "MediaArchiveEntry.h"

namespace smsdesk {

QString MediaArchiveEntry::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Archived:
        return QStringLiteral("archived");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<MediaArchiveEntry::State> MediaArchiveEntry::stateFromName(const QString& name)
{
    for (State state : {State::Pending, State::Archived, State::Refused, State::Failed}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace smsdesk
