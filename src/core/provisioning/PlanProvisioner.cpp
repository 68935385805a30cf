#include "PlanProvisioner.h"

#include "RecordRemoval.h"
#include "store/DatabaseWorker.h"
#include "store/PlanRepository.h"

namespace smsdesk {

PlanProvisioner::PlanProvisioner(DatabaseWorker& worker, const Clock& clock, QObject* parent)
    : QObject(parent), m_worker(worker), m_clock(clock)
{}

void PlanProvisioner::save(PlanRecord plan, Callback done)
{
    Outcome invalid;
    invalid.fieldErrors = PlanValidator::validate(plan);
    if (!invalid.fieldErrors.isEmpty()) {
        invalid.error = invalid.fieldErrors.first();
        // Answer asynchronously, as every other outcome is.
        QMetaObject::invokeMethod(
            this, [invalid, done = std::move(done)]() { done(invalid); }, Qt::QueuedConnection);
        return;
    }
    const Clock& clock = m_clock;
    m_worker.post<Outcome>(
        [plan, &clock](QSqlDatabase& db) mutable {
            PlanRepository plans(db, clock);
            Outcome outcome;
            outcome.ok = plan.id == 0 ? plans.insert(plan) : plans.update(plan);
            outcome.plan = plan;
            if (!outcome.ok)
                outcome.error = plans.lastError();
            return outcome;
        },
        this, std::move(done));
}

void PlanProvisioner::remove(qint64 id, Callback done)
{
    RecordRemoval::post<PlanRepository>(m_worker, m_clock, id, tr("The plan no longer exists."),
                                        &Outcome::plan, this, std::move(done));
}

} // namespace smsdesk
