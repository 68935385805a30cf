#include "ProvisionedRecords.h"

#include "NumberRepository.h"
#include "PlanRepository.h"

namespace smsdesk {

ProvisionedRecords ProvisionedRecords::read(const QSqlDatabase& db, const Clock& clock)
{
    ProvisionedRecords records;
    const NumberRepository numbers(db, clock);
    records.numbers = numbers.list();
    records.numbersError = numbers.lastError();
    const PlanRepository plans(db, clock);
    records.plans = plans.list();
    records.plansError = plans.lastError();
    return records;
}

QHash<qint64, QString> ProvisionedRecords::planNames() const
{
    QHash<qint64, QString> names;
    for (const PlanRecord& plan : plans)
        names.insert(plan.id, plan.name);
    return names;
}

QHash<qint64, int> ProvisionedRecords::numberCounts() const
{
    QHash<qint64, int> counts;
    for (const NumberRecord& number : numbers) {
        if (number.planId != 0)
            ++counts[number.planId];
    }
    return counts;
}

} // namespace smsdesk
