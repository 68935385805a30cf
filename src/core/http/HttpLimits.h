#pragma once

#include <QtGlobal>
#include <algorithm>

namespace smsdesk {

// What the HTTP layer accepts from a client, and for how long it waits. The defaults are
// the production values; tests set short timeouts instead of sleeping. A zero timeout
// disables that timeout. HttpServer::setLimits applies to connections accepted afterwards
// (maxConnections applies at once).
struct HttpLimits
{
    static constexpr qsizetype DefaultMaxHeaderBytes = 16 * 1024; // request line + headers
    static constexpr int DefaultMaxHeaderFields = 100;
    static constexpr qsizetype DefaultMaxBodyBytes = 1024 * 1024; // decoded body
    static constexpr int DefaultHeaderTimeoutMs = 10'000;
    static constexpr int DefaultBodyTimeoutMs = 30'000;
    static constexpr int DefaultKeepAliveTimeoutMs = 60'000;
    static constexpr int DefaultResponseTimeoutMs = 60'000;
    static constexpr int DefaultLingerTimeoutMs = 2'000;
    static constexpr int DefaultMaxConnections = 1024;
    static constexpr qsizetype DefaultMaxPendingOutputBytes = 1024 * 1024;

    // Request line plus header block, CRLFs included, counted from the first byte after the
    // previous request: beyond it the answer is 431. A chunked body may add this much again
    // (plus maxBodyBytes) in chunk framing and trailers before it is refused with 413.
    qsizetype maxHeaderBytes = DefaultMaxHeaderBytes;
    // Header fields per request (and trailer fields, which are dropped): beyond it, 431.
    int maxHeaderFields = DefaultMaxHeaderFields;
    // Decoded body bytes: a larger Content-Length is refused (413) before the body is read,
    // a chunked body as soon as a chunk would cross the limit.
    qsizetype maxBodyBytes = DefaultMaxBodyBytes;
    // From the first byte of a request to the end of its header block (not reset by
    // further bytes); a new connection that sends nothing is closed silently after it.
    int headerTimeoutMs = DefaultHeaderTimeoutMs;
    // From the end of the header block to the end of the body. 408 and close either way.
    int bodyTimeoutMs = DefaultBodyTimeoutMs;
    // An idle keep-alive connection (between requests) is closed silently after it.
    int keepAliveTimeoutMs = DefaultKeepAliveTimeoutMs;
    // How long the handler may take to answer; then 503 and close (0 = wait forever).
    int responseTimeoutMs = DefaultResponseTimeoutMs;
    // After an answer that closes the connection, unread client bytes are drained (so the
    // kernel does not reset the connection before the client read the answer) for at most
    // this long.
    int lingerTimeoutMs = DefaultLingerTimeoutMs;
    // Beyond it, new connections are accepted and closed at once; existing ones keep working.
    int maxConnections = DefaultMaxConnections;
    // Unsent response bytes above which a connection stops reading further pipelined
    // requests until the client has read what is queued.
    qsizetype maxPendingOutputBytes = DefaultMaxPendingOutputBytes;

    // How often the server checks the connections' deadlines: a quarter of the shortest
    // timeout, between 10 ms and 1 s (so a 10 s timeout fires within 10-11 s).
    int sweepIntervalMs() const
    {
        int shortest = 1000 * 4;
        for (const int timeout : {headerTimeoutMs, bodyTimeoutMs, keepAliveTimeoutMs,
                                  responseTimeoutMs, lingerTimeoutMs}) {
            if (timeout > 0)
                shortest = std::min(shortest, timeout);
        }
        return std::clamp(shortest / 4, 10, 1000);
    }
};

} // namespace smsdesk
