#pragma once

#include "NumberDirectory.h"

#include <QObject>
#include <QString>
#include <memory>

namespace smsdesk {

class Clock;
class DatabaseWorker;
class SecretStore;

// Builds NumberDirectory snapshots: the numbers from the store (on the DatabaseWorker's
// thread), then the expected Authorization value of each number that has one from the
// keychain. Everything is asynchronous; use it from the thread that owns the worker.
// When loads overlap, only the newest one is delivered.
class NumberDirectoryLoader : public QObject
{
    Q_OBJECT

public:
    // `worker`, `secrets` and `clock` must outlive the loader.
    NumberDirectoryLoader(DatabaseWorker& worker, SecretStore& secrets, const Clock& clock,
                          QObject* parent = nullptr);

    void load();

Q_SIGNALS:
    void loaded(std::shared_ptr<const smsdesk::NumberDirectory> directory);
    // The numbers could not be read; the previous snapshot stays in use.
    void failed(const QString& reason);

private:
    DatabaseWorker& m_worker;
    SecretStore& m_secrets;
    const Clock& m_clock;
    quint64 m_generation = 0;
};

} // namespace smsdesk

Q_DECLARE_METATYPE(std::shared_ptr<const smsdesk::NumberDirectory>)
