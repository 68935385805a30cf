#include "Cli.h"

#include "CommandLine.h"
#include "ExportCommand.h"
#include "NumbersCommand.h"
#include "PlansCommand.h"
#include "SendCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <memory>

namespace smsdesk {

bool Cli::isCommand(const QString& firstArgument)
{
    return firstArgument == u"numbers" || firstArgument == u"plans" || firstArgument == u"export" ||
           firstArgument == u"send";
}

std::optional<QStringList> Cli::commandArguments(const QStringList& arguments)
{
    // The window's options that take a value: their value is not a command.
    const QStringList valued = CommandLine::valuedOptions();
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--")
            return std::nullopt;
        if (argument.startsWith(u'-')) {
            if (valued.contains(argument))
                ++i; // its value
            continue;
        }
        if (!isCommand(argument))
            return std::nullopt;
        return QStringList{argument} + arguments.mid(i + 1) + arguments.mid(0, i);
    }
    return std::nullopt;
}

int Cli::run(const QStringList& arguments)
{
    // Scripts read stdout and, on failure, one line of stderr: keep the store's progress
    // messages out of it. QT_LOGGING_RULES still turns them back on.
    QLoggingCategory::setFilterRules(QStringLiteral("smsdesk.*.debug=false\nsmsdesk.*.info=false"));

    const QString group = arguments.value(0);
    std::unique_ptr<CliCommand> command;
    if (group == u"numbers")
        command = std::make_unique<NumbersCommand>();
    else if (group == u"plans")
        command = std::make_unique<PlansCommand>();
    else if (group == u"export")
        command = std::make_unique<ExportCommand>();
    else if (group == u"send")
        command = std::make_unique<SendCommand>();
    if (!command) {
        QTextStream(stderr)
            << QCoreApplication::translate(
                   "smsdesk::Cli",
                   "smsdesk: unknown command \"%1\": use numbers, plans, export or send")
                   .arg(group)
            << u'\n';
        return CliCommand::UsageError;
    }
    return command->run(arguments.mid(1));
}

} // namespace smsdesk
