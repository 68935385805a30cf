#pragma once

#include <QList>
#include <QPair>
#include <QVector>

namespace smsdesk {

// Requests per second over the last minutes, for the Dashboard's live chart: counts per whole
// second (by the caller's clock, in ms), the newest seconds kept, older ones dropped. Pure (the
// times are passed in), so tests need no waiting.
class RequestRateHistory
{
public:
    static constexpr int DefaultSeconds = 10 * 60;

    explicit RequestRateHistory(int seconds = DefaultSeconds);

    int seconds() const { return m_seconds; }
    // One request at `ms` (UTC ms). A time older than the window is ignored.
    void add(qint64 ms, int count = 1);
    // Requests in each of the `seconds()` whole seconds up to and including the one of `nowMs`,
    // oldest first.
    QVector<int> perSecond(qint64 nowMs) const;
    // The most requests in one second of the window that ends with `nowMs`.
    int peak(qint64 nowMs) const;
    // The mean rate over the last `lastSeconds` seconds up to `nowMs` (requests per second).
    double mean(qint64 nowMs, int lastSeconds) const;
    void clear() { m_counts.clear(); }

private:
    void dropBefore(qint64 second);

    int m_seconds;
    // (second since the epoch, requests), oldest first; only seconds with requests.
    QList<QPair<qint64, int>> m_counts;
};

} // namespace smsdesk
