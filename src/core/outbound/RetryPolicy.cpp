#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <algorithm>

namespace smsdesk {

qint64 RetryPolicy::delayMs(int attempt, qint64 retryAfterMs, QRandomGenerator& random) const
{
    const int doublings = std::clamp(attempt - 1, 0, 30);
    const qint64 ceiling = std::min(maxDelayMs, baseDelayMs << doublings);
    const qint64 half = ceiling / 2;
    const qint64 jittered = half + qint64(random.bounded(quint64(ceiling - half) + 1));
    return std::clamp(std::max(jittered, retryAfterMs), qint64(0), std::max(maxDelayMs, ceiling));
}

} // namespace smsdesk
