#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <memory>
#include <qt6keychain/keychain.h>

#ifdef SMSDESK_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#endif

namespace smsdesk {

namespace {

// QtKeychain's Secret Service backend (libsecret) reports "no session bus" and "no keychain
// service on the bus" as a plain OtherError. Ask the bus whether any keychain service is there.
bool keychainServiceReachable()
{
#ifdef SMSDESK_HAVE_QTDBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    const QDBusConnectionInterface* busInterface = bus.interface();
    if (!busInterface)
        return false;
    const QStringList services{QStringLiteral("org.freedesktop.secrets"),
                               QStringLiteral("org.kde.kwalletd5"),
                               QStringLiteral("org.kde.kwalletd6")};
    const QDBusReply<QStringList> activatable = busInterface->activatableServiceNames();
    for (const QString& service : services) {
        if (busInterface->isServiceRegistered(service).value() ||
            (activatable.isValid() && activatable.value().contains(service)))
            return true;
    }
    return false;
#else
    return true;
#endif
}

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
    case QKeychain::OtherError:
        result.status = keychainServiceReachable() ? SecretStore::Status::Failed
                                                   : SecretStore::Status::NoKeychain;
        break;
    case QKeychain::CouldNotDeleteEntry:
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
    // The outcome is taken from the job on its own thread as it finishes (it deletes itself
    // afterwards); `done` then runs on the context's thread, and never once the context is gone.
    auto result = std::make_shared<SecretStore::Result>();
    QObject::connect(job, &QKeychain::Job::finished, job, [result](QKeychain::Job* finished) {
        *result = resultOf(finished);
        if (result->ok()) {
            if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
                result->value = reader->textData();
        }
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [result, done]() { done(*result); });
    // QtKeychain runs every job through one process-wide queue that is not thread-safe: all jobs
    // live on the application thread, whichever thread asked.
    if (auto* app = QCoreApplication::instance(); app && app->thread() != job->thread())
        job->moveToThread(app->thread());
    return job;
}

// Starts the job in its own (the application's) thread: QtKeychain enqueues it there.
void start(QKeychain::Job* job)
{
    QMetaObject::invokeMethod(job, [job]() { job->start(); });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

void KeychainSecretStore::read(const QString& key, QObject* context, Callback done)
{
    start(prepare<QKeychain::ReadPasswordJob>(m_service, key, context, done));
}

void KeychainSecretStore::write(const QString& key, const QString& value, QObject* context,
                                Callback done)
{
    auto* job = prepare<QKeychain::WritePasswordJob>(m_service, key, context, done);
    job->setTextData(value);
    start(job);
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    start(prepare<QKeychain::DeletePasswordJob>(m_service, key, context,
                                                [done](const Result& result) {
                                                    if (result.status == Status::NotFound)
                                                        done(Result{});
                                                    else
                                                        done(result);
                                                }));
}

} // namespace smsdesk
