#pragma once

#include "MessageRow.h"
#include "RequestLogRow.h"
#include "StatusRow.h"

#include <QList>
#include <optional>

namespace smsdesk {

// What one request stores, written all or nothing in one transaction (a savepoint inside
// the writer's batch). A job with only a request log row records a refused request.
struct WriteJob
{
    QList<MessageRow> messages;
    QList<StatusRow> statuses;
    std::optional<RequestLogRow> requestLog;
};

} // namespace smsdesk
