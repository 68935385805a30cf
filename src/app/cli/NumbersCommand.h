#pragma once

#include "CliCommand.h"

namespace smsdesk {

class AppContext;

// `smsdesk numbers add|list|remove|import`: provisioning numbers (DIDs) from scripts.
// Secrets are never taken on the command line: --secret-env and --auth-header-env name
// environment variables that hold them, and they go to the keychain only.
class NumbersCommand final : public CliCommand
{
public:
    int run(const QStringList& arguments) override;

private:
    int add(const QStringList& arguments);
    int list(const QStringList& arguments);
    int remove(const QStringList& arguments);
    int importFile(const QStringList& arguments);

    // A secret given on the command line (--secret, --auth-header) is refused before anything.
    std::optional<int> refuseSecretArguments(const QStringList& arguments);
    // Waits until earlier keychain jobs (clean-up after a failure) have run.
    static void settleKeychain(AppContext& context);
};

} // namespace smsdesk
