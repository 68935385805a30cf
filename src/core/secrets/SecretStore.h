#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace smsdesk {

// Where webhook secrets, expected Authorization values and provider tokens live: the
// system keychain, and nowhere else. Every call is asynchronous; the callback runs on
// the caller's thread once the job is done and never if `context` was destroyed first.
class SecretStore
{
public:
    enum class Kind
    {
        WebhookSecret,
        AuthorizationHeader,
        PathToken, // the webhook path segment that stands in for a credential
    };

    enum class Status
    {
        Ok,
        NotFound,
        NoKeychain,   // no keychain service is running or reachable
        AccessDenied, // the user refused, or the keychain is locked
        Failed,
    };

    struct Result
    {
        Status status = Status::Ok;
        QString value;   // read(): the secret
        QString message; // a sentence for the user when status is not Ok
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result&)>;

    virtual ~SecretStore();

    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QString& value, QObject* context,
                       Callback done) = 0;
    // Removing a key that does not exist succeeds.
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;

    // Keys are namespaced per number: "number/+14045559999/webhook-secret",
    // ".../authorization", ".../path-token".
    static QString numberKey(const QString& e164, Kind kind);
    // A provider account's API token (Zonitel's Bearer token for webhook registration), per
    // account: "provider/zonitel/<client id>/api-token".
    static QString apiTokenKey(const QString& provider, const QString& account);
};

} // namespace smsdesk
