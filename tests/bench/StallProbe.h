#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <algorithm>

namespace smsdesk::bench {

// Gaps between the ticks of a 5 ms timer on the GUI thread: a gap well over the interval is an
// event-loop stall (the benchmarks of the window under load).
class StallProbe
{
public:
    static constexpr int IntervalMs = 5;

    void start()
    {
        m_gaps.clear();
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(IntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_gaps.append(static_cast<double>(m_clock.nsecsElapsed()) / 1e6);
            m_clock.start();
        });
        m_clock.start();
        m_timer.start();
    }
    void stop()
    {
        m_timer.stop();
        QObject::disconnect(&m_timer, nullptr, nullptr, nullptr);
    }
    double max() const
    {
        return m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end());
    }
    double percentile(double p) const
    {
        if (m_gaps.isEmpty())
            return 0;
        QList<double> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(
            std::min<qsizetype>(sorted.size() - 1, static_cast<qsizetype>(p * sorted.size())));
    }
    int over(double ms) const
    {
        return static_cast<int>(
            std::count_if(m_gaps.begin(), m_gaps.end(), [ms](double gap) { return gap > ms; }));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_gaps;
};

} // namespace smsdesk::bench
