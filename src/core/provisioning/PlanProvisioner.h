#pragma once

#include "PlanValidator.h"
#include "ProvisionOutcome.h"
#include "store/PlanRecord.h"

#include <QObject>
#include <functional>

namespace smsdesk {

class Clock;
class DatabaseWorker;

// Adds, edits and deletes SMS plans off the caller's thread (GUI and CLI alike).
class PlanProvisioner : public QObject
{
    Q_OBJECT

public:
    struct Outcome : ProvisionOutcome<PlanValidator::Field>
    {
        PlanRecord plan; // as stored, when ok
    };
    using Callback = std::function<void(const Outcome&)>;

    PlanProvisioner(DatabaseWorker& worker, const Clock& clock, QObject* parent = nullptr);

    // Inserts when plan.id is 0, updates otherwise.
    void save(PlanRecord plan, Callback done);
    // Numbers on the plan stay, with no plan.
    void remove(qint64 id, Callback done);

private:
    DatabaseWorker& m_worker;
    const Clock& m_clock;
};

} // namespace smsdesk
