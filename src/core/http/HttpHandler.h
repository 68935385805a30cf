#pragma once

#include "HttpResponder.h"

#include <QString>

namespace smsdesk {

class HttpRequest;
class HttpResponse;

// What the HTTP layer hands complete requests to. It knows nothing of SMS: the
// WebhookListener implements it. Both calls are made in the thread the HttpServer lives in.
class HttpHandler
{
public:
    virtual ~HttpHandler();

    // A complete request. Answer it through `responder`, now or later, from any thread,
    // exactly once. Requests of one connection are handed over one at a time: the next
    // pipelined request arrives only after this one was answered (never from inside
    // respond() itself).
    virtual void handleRequest(const HttpRequest& request, HttpResponder responder) = 0;

    // The HTTP layer refused a request itself (400, 408, 413, 417, 431, 501, 505, or 503
    // when the handler did not answer in time) and answered `response`. `partialRequest`
    // holds what was parsed so far (method, target, headers, body up to the limit, peer);
    // `reason` says what was wrong, in English (the same text as the JSON error body).
    virtual void requestRejected(const HttpRequest& partialRequest, const HttpResponse& response,
                                 const QString& reason) = 0;
};

} // namespace smsdesk
