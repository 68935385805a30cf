#pragma once

#include "SecretStore.h"

namespace smsdesk {

// SecretStore over QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Store on Windows). Never falls back to a plain-text file: without a keychain every
// call fails with Status::NoKeychain and a message saying so.
class KeychainSecretStore final : public SecretStore
{
public:
    // `service` names the application in the keychain; tests pass their own.
    explicit KeychainSecretStore(QString service = QStringLiteral("smsdesk"));

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

private:
    QString m_service;
};

} // namespace smsdesk
