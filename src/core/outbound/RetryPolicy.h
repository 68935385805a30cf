#pragma once

#include <QtGlobal>

class QRandomGenerator;

namespace smsdesk {

// When the outbox tries a transient failure (not sent at all, 429, a 5xx) again: exponential
// backoff with jitter, a bounded number of times. Attempt n (1 = the first) that failed waits
// base * 2^(n-1), at most maxDelayMs, and of that a random half to all of it ("equal jitter"),
// so desks that failed together do not come back together; a Retry-After longer than that wins.
struct RetryPolicy
{
    int maxAttempts = 5; // attempts per round, the first one included
    qint64 baseDelayMs = 1000;
    qint64 maxDelayMs = 5 * 60 * 1000;

    // The wait after failed attempt `attempt`; `retryAfterMs` (-1: none) from the answer.
    qint64 delayMs(int attempt, qint64 retryAfterMs, QRandomGenerator& random) const;
    bool mayRetry(int attempt) const { return attempt < maxAttempts; }
};

} // namespace smsdesk
