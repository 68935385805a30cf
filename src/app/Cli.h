#pragma once

#include <QStringList>

namespace smsdesk {

// The sub-commands of the smsdesk executable (numbers, plans). Runs without a display.
class Cli
{
public:
    static bool isCommand(const QString& firstArgument);
    // Runs the command in arguments (without the program name); returns the exit status.
    static int run(const QStringList& arguments);
};

} // namespace smsdesk
