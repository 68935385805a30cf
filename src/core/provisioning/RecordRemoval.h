#pragma once

#include "store/DatabaseWorker.h"

#include <QObject>
#include <QSqlDatabase>
#include <functional>
#include <utility>

namespace smsdesk {

class Clock;

// The removal the provisioners share, off the caller's thread: on the worker's connection the
// record is found (gone: the outcome's error is `missing`), kept in the outcome as it was, and
// deleted (the repository's error when that fails). `Repository` is NumberRepository or
// PlanRepository; `record` names the member of the provisioner's Outcome that gets the record.
class RecordRemoval
{
public:
    // `done` gets the Outcome on the caller's thread while `context` is alive.
    template <typename Repository, typename Outcome, typename Record, typename Done>
    static void post(DatabaseWorker& worker, const Clock& clock, qint64 id, const QString& missing,
                     Record Outcome::*record, QObject* context, Done done)
    {
        worker.post<Outcome>(
            [id, &clock, missing, record](QSqlDatabase& db) {
                Repository repository(db, clock);
                Outcome outcome;
                const auto existing = repository.find(id);
                if (!existing) {
                    outcome.error = missing;
                    return outcome;
                }
                outcome.*record = *existing;
                outcome.ok = repository.remove(id);
                if (!outcome.ok)
                    outcome.error = repository.lastError();
                return outcome;
            },
            context, std::function<void(Outcome)>(std::move(done)));
    }
};

} // namespace smsdesk
