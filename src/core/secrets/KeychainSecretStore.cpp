#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace smsdesk {

namespace {

SecretStore::Result resultOf(const QKeychain::Job* job)
{
    SecretStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretStore::Status::NoKeychain;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretStore::Status::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = SecretStore::Status::Failed;
        break;
    }
    const QString detail = job->errorString();
    switch (result.status) {
    case SecretStore::Status::NoKeychain:
        result.message =
            QCoreApplication::translate(
                "smsdesk::KeychainSecretStore",
                "No system keychain is available, so the secret was not saved (%1). "
                "Start a keychain service such as GNOME Keyring or KWallet and try again.")
                .arg(detail);
        break;
    case SecretStore::Status::AccessDenied:
        result.message = QCoreApplication::translate(
                             "smsdesk::KeychainSecretStore",
                             "The keychain refused access (%1). Unlock it and try again.")
                             .arg(detail);
        break;
    default:
        result.message =
            QCoreApplication::translate("smsdesk::KeychainSecretStore", "Keychain error: %1")
                .arg(detail);
        break;
    }
    return result;
}

template <typename JobType>
JobType* prepare(const QString& service, const QString& key, QObject* context,
                 const SecretStore::Callback& done)
{
    auto* job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [guard, done](QKeychain::Job* finished) {
                         if (!guard)
                             return;
                         SecretStore::Result result = resultOf(finished);
                         if (result.ok()) {
                             if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
                                 result.value = reader->textData();
                         }
                         done(result);
                     });
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

void KeychainSecretStore::read(const QString& key, QObject* context, Callback done)
{
    prepare<QKeychain::ReadPasswordJob>(m_service, key, context, done)->start();
}

void KeychainSecretStore::write(const QString& key, const QString& value, QObject* context,
                                Callback done)
{
    auto* job = prepare<QKeychain::WritePasswordJob>(m_service, key, context, done);
    job->setTextData(value);
    job->start();
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    prepare<QKeychain::DeletePasswordJob>(m_service, key, context, [done](const Result& result) {
        if (result.status == Status::NotFound)
            done(Result{});
        else
            done(result);
    })->start();
}

} // namespace smsdesk
