#pragma once

#include "NumberDraft.h"
#include "NumberValidator.h"
#include "ProvisionOutcome.h"
#include "secrets/SecretStore.h"
#include "store/NumberRecord.h"

#include <QObject>
#include <functional>

namespace smsdesk {

class Clock;
class DatabaseWorker;

// Adds, edits, disables and deletes numbers: validation, the keychain and the store in
// one asynchronous operation, shared by the GUI and the CLI. Secrets (webhook secret,
// Authorization value, path token) are written to the keychain before the row that says
// they exist (for the path token: its SHA-256); when the keychain cannot take them the
// number is not saved and the outcome says why.
class NumberProvisioner : public QObject
{
    Q_OBJECT

public:
    struct Outcome : ProvisionOutcome<NumberValidator::Field>
    {
        NumberRecord record; // as stored, when ok
    };
    using Callback = std::function<void(const Outcome&)>;

    NumberProvisioner(DatabaseWorker& worker, SecretStore& secrets, const Clock& clock,
                      QString defaultRegion, QObject* parent = nullptr);

    // The region for numbers typed without a country code.
    void setDefaultRegion(const QString& region) { m_region = region; }

    void save(const NumberDraft& draft, Callback done);
    void setEnabled(qint64 id, bool enabled, Callback done);
    // Deletes the number and its keychain entries. Its messages stay, without the number.
    void remove(qint64 id, Callback done);

private:
    struct SaveState;
    using Step = std::function<void(std::function<void(QString)>)>;
    void runSteps(QList<Step> steps, std::function<void(QString)> finished);
    Step secretStep(std::shared_ptr<SaveState> state, SecretStore::Kind kind);
    // Removes every key, even after a failure; `finished` gets the first failure's message.
    void removeKeys(QStringList keys, QString firstError, std::function<void(QString)> finished);

    DatabaseWorker& m_worker;
    SecretStore& m_secrets;
    const Clock& m_clock;
    QString m_region;
};

} // namespace smsdesk
