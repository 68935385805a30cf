#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <optional>
#include <utility>

namespace smsdesk {

class AppContext;
struct ProvisionedRecords;

// What the `smsdesk numbers …` and `smsdesk plans …` commands share: option parsing with
// --help, bad input as ONE line on stderr starting "smsdesk: ", short results on stdout,
// opening the store and waiting for the asynchronous core.
class CliCommand
{
public:
    enum ExitStatus
    {
        Success = 0,
        Failure = 1,
        UsageError = 2
    };

    virtual ~CliCommand();
    CliCommand(const CliCommand&) = delete;
    CliCommand& operator=(const CliCommand&) = delete;

    // `arguments` follow the group name ("add", "--number", …). Returns the exit status.
    virtual int run(const QStringList& arguments) = 0;

protected:
    CliCommand();

    // `smsdesk GROUP COMMAND …`: runs the command of `commands` named first in `arguments`
    // with the arguments after its name. --help, -h, -? or help prints `usage` (exit status
    // 0); no command says `missing`, another name `unknown` with the name (exit status 2).
    template <typename Group>
    int dispatch(const QStringList& arguments,
                 const QList<std::pair<QString, int (Group::*)(const QStringList&)>>& commands,
                 const QString& usage, const QString& missing, const QString& unknown)
    {
        const QString command = arguments.value(0);
        for (const auto& [name, run] : commands) {
            if (command == name)
                return (static_cast<Group*>(this)->*run)(arguments.mid(1));
        }
        return noCommand(command, usage, missing, unknown);
    }

    // Parses `arguments` (after the sub-command) for `command` ("numbers add"). Returns
    // std::nullopt when the command should go on, else the exit status (0 after --help).
    // `synopsis` is the usage line printed by --help.
    std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                             const QString& command, const QString& synopsis);
    // Refuses positional arguments beyond `allowed`.
    std::optional<int> checkPositional(const QCommandLineParser& parser, qsizetype allowed);

    // --db (every command) and --region (commands that read typed numbers).
    void addDatabaseOption(QCommandLineParser& parser);
    void addRegionOption(QCommandLineParser& parser);
    // Applies --region to the context, when the command has it and it was given.
    void applyRegion(AppContext& context, const QCommandLineParser& parser);
    // Applies --region, if the parser has it, then opens the store given by --db.
    std::optional<int> openContext(AppContext& context, const QCommandLineParser& parser);
    // Checks --region before anything is opened.
    std::optional<int> checkRegion(const QCommandLineParser& parser);
    // --format table|jsonl; std::nullopt with *status set when the value is neither.
    std::optional<bool> jsonlFormat(QCommandLineParser& parser, int* status);
    void addFormatOption(QCommandLineParser& parser);

    // Writes "smsdesk: <command>: message" as one line on stderr and returns status.
    int fail(int status, const QString& message);
    // One line on stderr as it is (for FILE:LINE: reports).
    void printError(const QString& line);
    void print(const QString& line);

    // Runs an event loop until the asynchronous call started by `start` reports; `start`
    // receives the callback to pass on. Works when the callback fires at once, too.
    template <typename Outcome, typename Start> static Outcome waitFor(Start&& start)
    {
        std::optional<Outcome> outcome;
        QEventLoop loop;
        start([&outcome, &loop](const Outcome& reported) {
            outcome = reported;
            loop.quit();
        });
        if (!outcome)
            loop.exec();
        return *outcome;
    }

    // One record of a `list` command: its JSON Lines fields, in order, and its table cells.
    struct ListRow
    {
        QList<std::pair<QString, QJsonValue>> fields;
        QStringList cells;
    };
    // What a `list` command read: its rows, or why the store could not be read.
    struct Listing
    {
        QList<ListRow> rows;
        QString error;
    };
    // `GROUP list [--format table|jsonl]` (`command` is "GROUP list"): parses the arguments,
    // opens the store, reads the numbers and plans, and prints the records `list` makes of them
    // as JSON Lines, or as a table with `header` above the rows.
    int list(const QStringList& arguments, const QString& command, const QString& description,
             const QStringList& header,
             const std::function<Listing(const ProvisionedRecords&)>& list);

    // {"id":1,"name":"x"} with the keys in the order given.
    static QString jsonLine(const QList<std::pair<QString, QJsonValue>>& fields);
    // Aligned columns; rows.first() is the header.
    static QStringList table(const QList<QStringList>& rows);
    // Replaces line breaks, so that a message stays one line.
    static QString oneLine(QString text);

    QString m_command; // "numbers add", for messages

private:
    // dispatch() when `command` names none of the group's commands.
    int noCommand(const QString& command, const QString& usage, const QString& missing,
                  const QString& unknown);

    QTextStream m_out;
    QTextStream m_err;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_regionOption;
    QCommandLineOption m_formatOption;
    bool m_hasRegion = false;
};

} // namespace smsdesk
