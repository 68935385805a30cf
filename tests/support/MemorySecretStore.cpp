#include "MemorySecretStore.h"

#include <QMetaObject>
#include <QTimer>

namespace smsdesk::test {

void MemorySecretStore::answer(QObject* context, Callback done, Result result)
{
    if (failWith != Status::Ok) {
        result = {failWith, {}, QStringLiteral("test keychain failure")};
    }
    QTimer::singleShot(0, context, [done = std::move(done), result]() { done(result); });
}

void MemorySecretStore::read(const QString& key, QObject* context, Callback done)
{
    Result result;
    if (failWith == Status::Ok) {
        if (entries.contains(key))
            result.value = entries.value(key);
        else
            result.status = Status::NotFound;
    }
    answer(context, std::move(done), result);
}

void MemorySecretStore::write(const QString& key, const QString& value, QObject* context,
                              Callback done)
{
    if (failWith == Status::Ok)
        entries.insert(key, value);
    answer(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString& key, QObject* context, Callback done)
{
    if (failWith == Status::Ok)
        entries.remove(key);
    answer(context, std::move(done), {});
}

} // namespace smsdesk::test
