#pragma once

#include "ListenerController.h"

#include <QString>
#include <QStringList>

namespace smsdesk {

// The smsdesk command line above the sub-commands: parsed before any application object exists,
// so that --help, --version, an error and --headless work without a display (over SSH). The
// window and --headless take the same options: --db, --listen, --unassigned, --retention-days
// (the listener's, over its settings) and --outbound-base (the outbox's). --help lists them and
// every command (numbers, plans, export, send: Cli), each of which has a --help of its own.
class CommandLine
{
public:
    enum class Mode
    {
        Window,
        Headless,
        Help,
        Version,
        Error, // error() says why
    };

    struct Options
    {
        QString database;                       // --db; empty: the default SQLite file
        ListenerController::Overrides listener; // --listen, --unassigned, --retention-days
        QString outboundBase;                   // --outbound-base; empty: the setting
    };

    // `arguments` as the program received them (the program name first), without a command:
    // Cli::isCommand(arguments.value(1)) goes to Cli::run instead.
    static CommandLine parse(const QStringList& arguments);

    Mode mode() const { return m_mode; }
    const Options& options() const { return m_options; }
    QString error() const { return m_error; }
    // The text --help prints.
    static QString helpText();
    // The options that take a value, as typed ("--db"): what follows one is not a command.
    static QStringList valuedOptions();
    // "smsdesk 0.1.0", as --version prints it.
    static QString versionText();

private:
    Mode m_mode = Mode::Window;
    Options m_options;
    QString m_error;
};

} // namespace smsdesk
