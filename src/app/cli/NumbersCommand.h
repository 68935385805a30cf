#pragma once

#include "CliCommand.h"
#include "store/NumberRecord.h"

#include <optional>

namespace smsdesk {

class AppContext;

// `smsdesk numbers add|list|remove|import|rules`: provisioning numbers (DIDs) from scripts;
// `rules` sets, shows or clears a number's auto-replies (AutoReplyRules as JSON).
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
    int rules(const QStringList& arguments);

    // Opens the store (--db) and finds the provisioned number `typed` names (--number);
    // the exit status of the failure otherwise.
    std::optional<int> openNumber(AppContext& context, const QCommandLineParser& parser,
                                  const QString& typed, NumberRecord* number);

    // A secret given on the command line (--secret, --auth-header) is refused before anything.
    std::optional<int> refuseSecretArguments(const QStringList& arguments);
    // Waits until earlier keychain jobs (clean-up after a failure) have run.
    static void settleKeychain(AppContext& context);
};

} // namespace smsdesk
