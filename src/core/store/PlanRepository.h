#pragma once

#include "PlanRecord.h"
#include "RecordRepository.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace smsdesk {

// Reads and writes the plans table on one connection (use it from that connection's thread).
class PlanRepository : public RecordRepository
{
public:
    PlanRepository(QSqlDatabase db, const Clock& clock);

    QList<PlanRecord> list() const;
    std::optional<PlanRecord> find(qint64 id) const;
    std::optional<PlanRecord> findByName(const QString& name) const;
    // Sets plan.id on success.
    bool insert(PlanRecord& plan);
    bool update(const PlanRecord& plan);
    // Numbers on the plan keep existing with no plan.
    bool remove(qint64 id);
};

} // namespace smsdesk
