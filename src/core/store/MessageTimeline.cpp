#include "MessageTimeline.h"

namespace smsdesk {

int MessageTimeline::currentEventIndex() const
{
    for (int i = 0; i < events.size(); ++i) {
        if (events.at(i).current)
            return i;
    }
    return -1;
}

int MessageTimeline::indexOfRequest(qint64 requestLogId) const
{
    if (requestLogId <= 0)
        return -1;
    for (int i = 0; i < events.size(); ++i) {
        if (events.at(i).requestLogId == requestLogId)
            return i;
    }
    return -1;
}

} // namespace smsdesk
