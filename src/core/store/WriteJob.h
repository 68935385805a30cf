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
    // The response that answered the webhook of a message stored before (the synchronous
    // reply of onCloud), kept with that message so that a retry of the webhook gets the same
    // bytes (WriteOutcome::MessageResult::response).
    struct Response
    {
        qint64 messageId = 0;
        QString body;
    };

    QList<MessageRow> messages;
    QList<StatusRow> statuses;
    std::optional<RequestLogRow> requestLog;
    std::optional<Response> response;
};

} // namespace smsdesk
