#include "CommandLine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::CommandLine", text);
}

// The options of the window and --headless, and the parser that knows them.
struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            tr("Show this help, then exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               tr("Show the version, then exit.")};
    QCommandLineOption headless{QStringLiteral("headless"),
                                tr("Run the webhook listener and the outbox without a window; "
                                   "one line per request on stdout; SIGTERM stops it "
                                   "gracefully, SIGHUP reloads the numbers.")};
    QCommandLineOption db{QStringLiteral("db"),
                          tr("The store: an SQLite file, or postgresql://USER@HOST[:PORT]/NAME "
                             "(default: smsdesk.sqlite in your data folder)."),
                          QStringLiteral("PATH|URL")};
    QCommandLineOption listen{QStringLiteral("listen"),
                              tr("Where the webhook listener listens (default: the setting "
                                 "listener/listen, else 127.0.0.1:8080; :PORT for every "
                                 "interface)."),
                              QStringLiteral("HOST:PORT")};
    QCommandLineOption unassigned{QStringLiteral("unassigned"),
                                  tr("Messages for numbers that are not provisioned: keep them "
                                     "in the Unassigned inbox (default) or refuse them (404)."),
                                  QStringLiteral("keep|refuse")};
    QCommandLineOption retention{QStringLiteral("retention-days"),
                                 tr("Days the request log is kept (default 30; 0: forever)."),
                                 QStringLiteral("N")};
    QCommandLineOption outboundBase{QStringLiteral("outbound-base"),
                                    tr("Base URL of onCloud's outbound API (default: the "
                                       "setting outbound/base, else "
                                       "https://api.cloudspirevoice.com/)."),
                                    QStringLiteral("URL")};

    Parser()
    {
        parser.setApplicationDescription(
            tr("SMS Desk: read, answer and administer SMS numbers on webhook providers.\n"
               "\n"
               "Without a command, opens the window (or, with --headless, runs without one).\n"
               "\n"
               "Commands (each has its own --help):\n"
               "  numbers add|list|remove|import   provision numbers (DIDs)\n"
               "  plans add|list                   SMS plans\n"
               "  export                           every message, oldest first (JSON Lines or "
               "CSV)\n"
               "  send                             send a message through onCloud and wait for "
               "the answer"));
        parser.addOptions(all());
    }

    QList<QCommandLineOption> all() const
    {
        return {help, version, headless, db, listen, unassigned, retention, outboundBase};
    }
};

} // namespace

CommandLine CommandLine::parse(const QStringList& arguments)
{
    Parser p;
    CommandLine result;
    if (!p.parser.parse(arguments)) {
        result.m_mode = Mode::Error;
        result.m_error = p.parser.errorText();
        return result;
    }
    if (!p.parser.positionalArguments().isEmpty()) {
        result.m_mode = Mode::Error;
        result.m_error = tr("unknown command \"%1\": use numbers, plans, export or send (see "
                            "--help)")
                             .arg(p.parser.positionalArguments().constFirst());
        return result;
    }
    if (p.parser.isSet(p.help)) {
        result.m_mode = Mode::Help;
        return result;
    }
    if (p.parser.isSet(p.version)) {
        result.m_mode = Mode::Version;
        return result;
    }
    result.m_mode = p.parser.isSet(p.headless) ? Mode::Headless : Mode::Window;
    Options& options = result.m_options;
    options.database = p.parser.value(p.db);
    if (p.parser.isSet(p.listen))
        options.listener.listen = p.parser.value(p.listen);
    if (p.parser.isSet(p.unassigned))
        options.listener.unassigned = p.parser.value(p.unassigned);
    if (p.parser.isSet(p.retention))
        options.listener.retentionDays = p.parser.value(p.retention);
    options.outboundBase = p.parser.value(p.outboundBase);
    return result;
}

QStringList CommandLine::valuedOptions()
{
    QStringList names;
    for (const QCommandLineOption& option : Parser().all()) {
        if (option.valueName().isEmpty())
            continue;
        for (const QString& name : option.names())
            names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
    }
    return names;
}

QString CommandLine::helpText()
{
    Parser p;
    // QCommandLineParser starts the text with the running program's name; scripts and
    // people read "smsdesk" wherever it is installed.
    QString text = p.parser.helpText();
    const qsizetype usageEnd = text.indexOf(u'\n');
    return QStringLiteral("Usage: smsdesk [options]\n       smsdesk COMMAND --help") +
           text.mid(usageEnd);
}

QString CommandLine::versionText()
{
    return QStringLiteral("smsdesk %1").arg(QCoreApplication::applicationVersion());
}

} // namespace smsdesk
