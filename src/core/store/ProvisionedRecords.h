#pragma once

#include "NumberRecord.h"
#include "PlanRecord.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace smsdesk {

class Clock;

// The provisioned numbers and the plans, read together on one connection: what the Numbers
// and Plans pages and the `numbers list` and `plans list` commands show. Each read that fails
// leaves its list empty and says why; a reader decides which of them it cannot do without.
struct ProvisionedRecords
{
    QList<NumberRecord> numbers; // by E.164
    QList<PlanRecord> plans;     // by name
    QString numbersError;
    QString plansError;

    static ProvisionedRecords read(const QSqlDatabase& db, const Clock& clock);

    QHash<qint64, QString> planNames() const; // by plan id
    QHash<qint64, int> numberCounts() const;  // numbers on each plan, by plan id
};

} // namespace smsdesk
