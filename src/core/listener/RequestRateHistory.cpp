#include "RequestRateHistory.h"

#include <algorithm>
#include <iterator>

namespace smsdesk {

namespace {

qint64 secondOf(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

} // namespace

RequestRateHistory::RequestRateHistory(int seconds) : m_seconds(std::max(1, seconds)) {}

void RequestRateHistory::add(qint64 ms, int count)
{
    const qint64 second = secondOf(ms);
    if (!m_counts.isEmpty() && second < m_counts.last().first - m_seconds)
        return; // older than anything the window can show
    // Requests arrive in time order, nearly always: look from the newest end.
    auto it = m_counts.end();
    while (it != m_counts.begin() && std::prev(it)->first > second)
        --it;
    if (it != m_counts.begin() && std::prev(it)->first == second)
        std::prev(it)->second += count;
    else
        m_counts.insert(it, {second, count});
    dropBefore(m_counts.last().first - m_seconds);
}

void RequestRateHistory::dropBefore(qint64 second)
{
    while (!m_counts.isEmpty() && m_counts.first().first <= second)
        m_counts.removeFirst();
}

QVector<int> RequestRateHistory::perSecond(qint64 nowMs) const
{
    QVector<int> values(m_seconds, 0);
    const qint64 last = secondOf(nowMs);
    const qint64 first = last - m_seconds + 1;
    for (const auto& [second, count] : m_counts) {
        if (second >= first && second <= last)
            values[int(second - first)] += count;
    }
    return values;
}

int RequestRateHistory::peak(qint64 nowMs) const
{
    const QVector<int> values = perSecond(nowMs);
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

double RequestRateHistory::mean(qint64 nowMs, int lastSeconds) const
{
    lastSeconds = std::clamp(lastSeconds, 1, m_seconds);
    const QVector<int> values = perSecond(nowMs);
    qint64 sum = 0;
    for (int i = values.size() - lastSeconds; i < values.size(); ++i)
        sum += values.at(i);
    return double(sum) / lastSeconds;
}

} // namespace smsdesk
