#include "PlanUsageReader.h"

#include "BillingCycle.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

PlanUsageReader::PlanUsageReader(QSqlDatabase db, const Clock& clock, QTimeZone zone)
    : m_db(std::move(db)), m_clock(clock), m_zone(std::move(zone))
{}

std::optional<PlanUsage> PlanUsageReader::forNumber(qint64 numberId) const
{
    m_lastError.clear();
    const NumberRepository numbers(m_db, m_clock);
    const std::optional<NumberRecord> number = numbers.find(numberId);
    if (!number) {
        m_lastError = numbers.lastError().isEmpty()
                          ? QCoreApplication::translate("smsdesk::PlanUsageReader",
                                                        "The number no longer exists.")
                          : numbers.lastError();
        return std::nullopt;
    }
    return forNumber(*number, 0);
}

std::optional<PlanUsage> PlanUsageReader::forNumber(const NumberRecord& number,
                                                    qint64 excludeMessageId) const
{
    m_lastError.clear();
    PlanUsage usage;
    usage.numberId = number.id;
    usage.did = number.e164;
    if (number.planId <= 0)
        return usage;
    const PlanRepository plans(m_db, m_clock);
    const std::optional<PlanRecord> plan = plans.find(number.planId);
    if (!plan) {
        if (!plans.lastError().isEmpty()) {
            m_lastError = plans.lastError();
            return std::nullopt;
        }
        return usage; // the plan was deleted meanwhile: no plan
    }
    usage.hasPlan = true;
    usage.planId = plan->id;
    usage.planName = plan->name;
    usage.limit = plan->monthlyLimit;
    usage.active = plan->active;
    usage.outboundIncluded = plan->outboundIncluded;
    usage.cycleDay = plan->cycleDay;

    const BillingCycle cycle = BillingCycle::containing(m_clock.nowUtc(), plan->cycleDay, m_zone);
    usage.cycleStart = cycle.start();
    usage.cycleEnd = cycle.end();
    usage.startDate = cycle.startDate();
    usage.endDate = cycle.endDate();
    usage.daysLeft = cycle.daysLeft();

    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT COUNT(*) FROM messages WHERE did = ? AND direction = "
                           "'outbound' AND received_at >= ? AND received_at < ? AND id <> ? AND "
                           "(status <> 'failed' OR provider_message_id IS NOT NULL)"),
            {number.e164, cycle.startMs(), cycle.endMs(), excludeMessageId},
            [&usage](const QSqlQuery& query) { usage.used = query.value(0).toLongLong(); },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return usage;
}

} // namespace smsdesk
