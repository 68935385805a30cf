#pragma once

#include "secrets/SecretStore.h"

#include <QMap>

namespace smsdesk::test {

// An in-memory SecretStore for tests of code above the keychain. Answers asynchronously,
// as the real one does; `failWith` makes every call fail with that status (e.g. NoKeychain).
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

    QMap<QString, QString> entries;
    Status failWith = Status::Ok;

private:
    void answer(QObject* context, Callback done, Result result);
};

} // namespace smsdesk::test
