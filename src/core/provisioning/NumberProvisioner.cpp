#include "NumberProvisioner.h"

#include "RecordRemoval.h"
#include "secrets/PathToken.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "util/Clock.h"

namespace smsdesk {

namespace {
struct Lookup
{
    std::optional<NumberRecord> existing; // the stored row being edited
    QString error;
};

using Kind = SecretStore::Kind;
const Kind kKinds[] = {Kind::WebhookSecret, Kind::AuthorizationHeader, Kind::PathToken};

const std::optional<QString>& given(const NumberDraft& draft, Kind kind)
{
    switch (kind) {
    case Kind::WebhookSecret:
        return draft.secret;
    case Kind::AuthorizationHeader:
        return draft.authHeader;
    case Kind::PathToken:
        break;
    }
    return draft.pathToken;
}

bool holds(const NumberRecord& record, Kind kind)
{
    switch (kind) {
    case Kind::WebhookSecret:
        return record.hasSecret;
    case Kind::AuthorizationHeader:
        return record.hasAuthHeader;
    case Kind::PathToken:
        break;
    }
    return record.hasPathToken();
}

// Records in the row that the keychain now holds `value` for this kind (empty: nothing).
// For the path token the row keeps its SHA-256, which is what the listener looks up.
void recordStored(NumberRecord& record, Kind kind, const QString& value)
{
    switch (kind) {
    case Kind::WebhookSecret:
        record.hasSecret = !value.isEmpty();
        return;
    case Kind::AuthorizationHeader:
        record.hasAuthHeader = !value.isEmpty();
        return;
    case Kind::PathToken:
        record.pathTokenHash = value.isEmpty() ? QString() : PathToken::hash(value.toUtf8());
        return;
    }
}

// What the stored row said for this kind, carried into the row being saved.
void keepStored(NumberRecord& record, Kind kind, const std::optional<NumberRecord>& existing)
{
    switch (kind) {
    case Kind::WebhookSecret:
        record.hasSecret = existing && existing->hasSecret;
        return;
    case Kind::AuthorizationHeader:
        record.hasAuthHeader = existing && existing->hasAuthHeader;
        return;
    case Kind::PathToken:
        record.pathTokenHash = existing ? existing->pathTokenHash : QString();
        return;
    }
}
} // namespace

struct NumberProvisioner::SaveState
{
    NumberDraft draft;
    NumberRecord record;
    std::optional<NumberRecord> existing;
    QStringList keysWritten; // for undo when the row cannot be stored
    QStringList staleKeys;   // old keys to remove once the row is stored
};

NumberProvisioner::NumberProvisioner(DatabaseWorker& worker, SecretStore& secrets,
                                     const Clock& clock, QString defaultRegion, QObject* parent)
    : QObject(parent), m_worker(worker), m_secrets(secrets), m_clock(clock),
      m_region(std::move(defaultRegion))
{}

void NumberProvisioner::runSteps(QList<Step> steps, std::function<void(QString)> finished)
{
    if (steps.isEmpty()) {
        finished({});
        return;
    }
    Step first = steps.takeFirst();
    first([this, steps = std::move(steps),
           finished = std::move(finished)](const QString& error) mutable {
        if (!error.isEmpty())
            finished(error);
        else
            runSteps(std::move(steps), std::move(finished));
    });
}

NumberProvisioner::Step NumberProvisioner::secretStep(std::shared_ptr<SaveState> state,
                                                      SecretStore::Kind kind)
{
    return [this, state, kind](std::function<void(QString)> next) {
        const std::optional<QString>& value = given(state->draft, kind);
        const bool hadBefore = state->existing && holds(*state->existing, kind);
        const QString newKey = SecretStore::numberKey(state->record.e164, kind);
        const QString oldKey =
            state->existing ? SecretStore::numberKey(state->existing->e164, kind) : QString();
        const bool renamed = state->existing && oldKey != newKey;
        if (renamed && hadBefore)
            state->staleKeys << oldKey;

        auto write = [this, state, kind, newKey, next](const QString& secret) {
            m_secrets.write(newKey, secret, this,
                            [state, kind, newKey, next, secret](const SecretStore::Result& r) {
                                if (!r.ok())
                                    return next(r.message);
                                state->keysWritten << newKey;
                                recordStored(state->record, kind, secret);
                                next({});
                            });
        };

        if (value && !value->isEmpty()) {
            write(*value);
        } else if (value) { // cleared
            recordStored(state->record, kind, {});
            m_secrets.remove(newKey, this, [next](const SecretStore::Result& r) {
                next(r.ok() ? QString() : r.message);
            });
        } else if (renamed && hadBefore) { // the number changed: carry the secret over
            m_secrets.read(oldKey, this, [write, next](const SecretStore::Result& r) {
                if (!r.ok())
                    return next(r.message);
                write(r.value);
            });
        } else {
            keepStored(state->record, kind, state->existing);
            next({});
        }
    };
}

void NumberProvisioner::save(const NumberDraft& draft, Callback done)
{
    const NumberValidator::Result validation = NumberValidator(m_region).validate(draft);
    if (!validation.ok()) {
        Outcome outcome;
        outcome.fieldErrors = validation.errors;
        outcome.error = validation.firstError();
        // Answer asynchronously, as every other outcome is.
        QMetaObject::invokeMethod(
            this, [outcome, done = std::move(done)]() { done(outcome); }, Qt::QueuedConnection);
        return;
    }

    auto state = std::make_shared<SaveState>();
    state->draft = draft;
    state->record = validation.record;
    const Clock& clock = m_clock;

    QList<Step> steps;
    // 1. Find the row being edited and refuse a number that is already provisioned, or a
    //    path token another number has, before anything is written to the keychain.
    steps << [this, state, &clock](std::function<void(QString)> next) {
        const qint64 id = state->record.id;
        const QString e164 = state->record.e164;
        const QString pathTokenHash = state->draft.pathToken && !state->draft.pathToken->isEmpty()
                                          ? PathToken::hash(state->draft.pathToken->toUtf8())
                                          : QString();
        m_worker.post<Lookup>(
            [id, e164, pathTokenHash, &clock](QSqlDatabase& db) {
                NumberRepository numbers(db, clock);
                Lookup lookup;
                if (id != 0) {
                    lookup.existing = numbers.find(id);
                    if (!lookup.existing)
                        lookup.error = tr("The number no longer exists.");
                }
                const auto clash = numbers.findByE164(e164);
                if (clash && clash->id != id)
                    lookup.error = tr("The number %1 is already provisioned.").arg(e164);
                const auto holder = numbers.findByPathTokenHash(pathTokenHash);
                if (lookup.error.isEmpty() && holder && holder->id != id)
                    lookup.error = tr("This path token is already used by %1: generate a new "
                                      "one.")
                                       .arg(holder->e164);
                return lookup;
            },
            this,
            [state, next](Lookup lookup) {
                state->existing = lookup.existing;
                if (state->existing)
                    state->record.createdAtMs = state->existing->createdAtMs;
                // A draft that leaves a gateway's time zone alone keeps the stored one.
                if (state->existing && !state->draft.timeZone && !state->record.deviceId.isEmpty())
                    state->record.timeZone = state->existing->timeZone;
                next(lookup.error);
            });
    };
    // 2. Secrets into the keychain.
    for (const Kind kind : kKinds)
        steps << secretStep(state, kind);
    // 3. The row.
    steps << [this, state, &clock](std::function<void(QString)> next) {
        NumberRecord record = state->record;
        m_worker.post<std::pair<NumberRecord, QString>>(
            [record, &clock](QSqlDatabase& db) mutable {
                NumberRepository numbers(db, clock);
                const bool ok = record.id == 0 ? numbers.insert(record) : numbers.update(record);
                return std::make_pair(record, ok ? QString() : numbers.lastError());
            },
            this,
            [state, next](std::pair<NumberRecord, QString> stored) {
                if (stored.second.isEmpty())
                    state->record = stored.first;
                next(stored.second);
            });
    };

    runSteps(steps, [this, state, done = std::move(done)](const QString& error) {
        Outcome outcome;
        outcome.ok = error.isEmpty();
        outcome.error = error;
        outcome.record = state->record;
        // A new number that could not be stored leaves nothing behind in the keychain.
        const QStringList cleanup = outcome.ok        ? state->staleKeys
                                    : state->existing ? QStringList()
                                                      : state->keysWritten;
        for (const QString& key : cleanup)
            m_secrets.remove(key, this, [](const SecretStore::Result&) {});
        done(outcome);
    });
}

void NumberProvisioner::setEnabled(qint64 id, bool enabled, Callback done)
{
    const Clock& clock = m_clock;
    m_worker.post<Outcome>(
        [id, enabled, &clock](QSqlDatabase& db) {
            NumberRepository numbers(db, clock);
            Outcome outcome;
            outcome.ok = numbers.setEnabled(id, enabled);
            outcome.error = numbers.lastError();
            if (outcome.ok)
                outcome.record = numbers.find(id).value_or(NumberRecord{});
            return outcome;
        },
        this, std::move(done));
}

void NumberProvisioner::remove(qint64 id, Callback done)
{
    RecordRemoval::post<NumberRepository>(
        m_worker, m_clock, id, tr("The number no longer exists."), &Outcome::record, this,
        [this, done = std::move(done)](Outcome outcome) {
            if (!outcome.ok)
                return done(outcome);
            // The row is gone; its keychain entries go too (removing a missing one succeeds).
            QStringList keys;
            for (const Kind kind : kKinds)
                keys << SecretStore::numberKey(outcome.record.e164, kind);
            removeKeys(keys, {}, [outcome, done](const QString& error) {
                Outcome result = outcome;
                if (!error.isEmpty())
                    result.error = tr("The number was deleted, but its "
                                      "keychain entries could not be removed: %1")
                                       .arg(error);
                done(result);
            });
        });
}

void NumberProvisioner::removeKeys(QStringList keys, QString firstError,
                                   std::function<void(QString)> finished)
{
    if (keys.isEmpty()) {
        finished(firstError);
        return;
    }
    const QString key = keys.takeFirst();
    m_secrets.remove(key, this,
                     [this, keys = std::move(keys), firstError = std::move(firstError),
                      finished = std::move(finished)](const SecretStore::Result& r) mutable {
                         if (!r.ok() && firstError.isEmpty())
                             firstError = r.message;
                         removeKeys(std::move(keys), std::move(firstError), std::move(finished));
                     });
}

} // namespace smsdesk
