#pragma once

#include <QStringList>
#include <optional>

namespace smsdesk {

// The sub-commands of the smsdesk executable (`numbers add|list|remove|import`,
// `plans add|list`, `export`, `send`), for scripts. Runs under a QCoreApplication, without a
// display. Exit status: 0 success, 1 failure (keychain, store), 2 bad command line or input.
class Cli
{
public:
    static bool isCommand(const QString& firstArgument);
    // The command's arguments when `arguments` (without the program name) name a command,
    // also after global options ("--db FILE numbers list" is "numbers list --db FILE": the
    // command's own parser then reads or refuses those options); none otherwise.
    static std::optional<QStringList> commandArguments(const QStringList& arguments);
    // Runs the command in arguments (without the program name); returns the exit status.
    static int run(const QStringList& arguments);
};

} // namespace smsdesk
