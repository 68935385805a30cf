#include "DashboardReader.h"

#include "outbound/BillingCycle.h"
#include "outbound/PlanUsageReader.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "util/Clock.h"

#include <QMap>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

constexpr qint64 kHourMs = 60 * 60 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

qint64 DashboardReader::Snapshot::failureCount() const
{
    qint64 total = 0;
    for (const FailureReader::CauseCount& cause : failures)
        total += cause.count;
    return total;
}

DashboardReader::DashboardReader(QSqlDatabase db, const Clock& clock, QTimeZone zone)
    : m_db(std::move(db)), m_clock(clock), m_zone(std::move(zone))
{}

qint64 DashboardReader::forecast(qint64 used, qint64 startMs, qint64 endMs, qint64 nowMs)
{
    const qint64 total = endMs - startMs;
    const qint64 elapsed = std::max(nowMs - startMs, kHourMs);
    if (used <= 0 || total <= 0 || elapsed >= total)
        return std::max<qint64>(used, 0);
    // Rounded up: a forecast at the limit is one more message than the rate says.
    const double projected = double(used) * double(total) / double(elapsed);
    return std::max(used, qint64(projected + 0.999));
}

bool DashboardReader::countMessages(qint64 startMs, qint64 endMs, Counts* counts) const
{
    counts->clear();
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT did, direction, COUNT(*) FROM messages WHERE received_at >= ? "
                           "AND received_at < ? GROUP BY did, direction"),
            {startMs, endMs},
            [counts](const QSqlQuery& query) {
                const qint64 count = query.value(2).toLongLong();
                InOut& did = (*counts)[query.value(0).toString()];
                if (query.value(1).toString() == QLatin1String("inbound"))
                    did.inbound += count;
                else
                    did.outbound += count;
            },
            &error)) {
        m_lastError = error;
        return false;
    }
    return true;
}

std::optional<DashboardReader::Snapshot> DashboardReader::read() const
{
    m_lastError.clear();
    Snapshot snapshot;
    const QDateTime now = m_clock.nowUtc();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    snapshot.readAt = now;

    const QDateTime localMidnight(now.toTimeZone(m_zone).date(), QTime(0, 0), m_zone);
    Counts today;
    if (!countMessages(localMidnight.toMSecsSinceEpoch(), nowMs + kDayMs, &today))
        return std::nullopt;
    for (const InOut& did : std::as_const(today)) {
        snapshot.inboundToday += did.inbound;
        snapshot.outboundToday += did.outbound;
    }

    const NumberRepository repository(m_db, m_clock);
    QList<NumberRecord> numbers = repository.list();
    if (!repository.lastError().isEmpty()) {
        m_lastError = repository.lastError();
        return std::nullopt;
    }
    std::sort(numbers.begin(), numbers.end(),
              [](const NumberRecord& a, const NumberRecord& b) { return a.e164 < b.e164; });
    const PlanUsageReader plans(m_db, m_clock, m_zone);
    // Numbers whose cycles are the same window are counted in one pass over it (most share
    // one: the calendar month, or their plans' common cycle day).
    QMap<QPair<qint64, qint64>, Counts> windows;
    for (const NumberRecord& number : std::as_const(numbers)) {
        if (!number.enabled)
            continue;
        NumberUsage row;
        row.number = number;
        const std::optional<PlanUsage> usage = plans.forNumber(number);
        if (!usage) {
            m_lastError = plans.lastError();
            return std::nullopt;
        }
        row.usage = *usage;
        qint64 startMs = usage->cycleStart.toMSecsSinceEpoch();
        qint64 endMs = usage->cycleEnd.toMSecsSinceEpoch();
        if (!usage->hasPlan) {
            const BillingCycle month = BillingCycle::containing(now, 1, m_zone);
            startMs = month.startMs();
            endMs = month.endMs();
        }
        const QPair<qint64, qint64> window(startMs, endMs);
        if (!windows.contains(window) && !countMessages(startMs, endMs, &windows[window]))
            return std::nullopt;
        const InOut counts = windows.value(window).value(number.e164);
        row.inboundInCycle = counts.inbound;
        row.outboundInCycle = counts.outbound;
        row.forecast =
            forecast(usage->hasPlan ? usage->used : row.outboundInCycle, startMs, endMs, nowMs);
        snapshot.inboundInCycle += row.inboundInCycle;
        snapshot.outboundInCycle += row.outboundInCycle;
        snapshot.numbers.append(row);
    }

    const FailureReader failures(m_db);
    snapshot.failures = failures.causes(FailureFilter());
    if (!failures.lastError().isEmpty()) {
        m_lastError = failures.lastError();
        return std::nullopt;
    }
    return snapshot;
}

} // namespace smsdesk
