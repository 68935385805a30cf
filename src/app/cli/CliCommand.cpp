#include "CliCommand.h"

#include "AppContext.h"
#include "phone/PhoneNumber.h"
#include "store/Database.h"
#include "store/ProvisionedRecords.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cstdio>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::CliCommand", text);
}
} // namespace

CliCommand::CliCommand()
    : m_out(stdout), m_err(stderr),
      m_dbOption(QStringLiteral("db"),
                 tr("The store: a SQLite file or postgresql://USER@HOST[:PORT]/NAME (default: the "
                    "SQLite file in your data folder)."),
                 QStringLiteral("PATH|URL")),
      m_regionOption(QStringLiteral("region"),
                     tr("Region for numbers typed without a country code, such as US or GB "
                        "(default: the setting phone/defaultRegion)."),
                     QStringLiteral("CC")),
      m_formatOption(QStringLiteral("format"), tr("Output format: table (default) or jsonl."),
                     QStringLiteral("table|jsonl"), QStringLiteral("table"))
{}

CliCommand::~CliCommand()
{
    m_out.flush();
    m_err.flush();
}

int CliCommand::noCommand(const QString& command, const QString& usage, const QString& missing,
                          const QString& unknown)
{
    if (command == u"--help" || command == u"-h" || command == u"-?" || command == u"help") {
        print(usage);
        return Success;
    }
    if (command.isEmpty())
        return fail(UsageError, missing);
    return fail(UsageError, unknown.arg(command));
}

std::optional<int> CliCommand::parse(QCommandLineParser& parser, const QStringList& arguments,
                                     const QString& command, const QString& synopsis)
{
    m_command = command;
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("smsdesk")} + arguments)) {
        QString error = parser.errorText();
        if (error.endsWith(u'.'))
            error.chop(1);
        return fail(UsageError, tr("%1: %2 (see smsdesk %1 --help)").arg(command, error));
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        const qsizetype endOfFirstLine = text.indexOf(u'\n');
        text.replace(0, endOfFirstLine, tr("Usage: smsdesk %1").arg(synopsis));
        m_out << text;
        m_out.flush();
        return Success;
    }
    return std::nullopt;
}

std::optional<int> CliCommand::checkPositional(const QCommandLineParser& parser, qsizetype allowed)
{
    const QStringList extra = parser.positionalArguments().mid(allowed);
    if (extra.isEmpty())
        return std::nullopt;
    return fail(
        UsageError,
        tr("%1: unexpected argument \"%2\" (see smsdesk %1 --help)").arg(m_command, extra.first()));
}

void CliCommand::addDatabaseOption(QCommandLineParser& parser)
{
    parser.addOption(m_dbOption);
}

void CliCommand::addRegionOption(QCommandLineParser& parser)
{
    parser.addOption(m_regionOption);
    m_hasRegion = true;
}

void CliCommand::addFormatOption(QCommandLineParser& parser)
{
    parser.addOption(m_formatOption);
}

std::optional<int> CliCommand::checkRegion(const QCommandLineParser& parser)
{
    if (!m_hasRegion || !parser.isSet(m_regionOption))
        return std::nullopt;
    const QString region = parser.value(m_regionOption).trimmed();
    if (PhoneNumber::isKnownRegion(region))
        return std::nullopt;
    return fail(
        UsageError,
        tr("--region \"%1\" is not a known region: give a two-letter code such as US or GB.")
            .arg(region));
}

void CliCommand::applyRegion(AppContext& context, const QCommandLineParser& parser)
{
    if (m_hasRegion && parser.isSet(m_regionOption))
        context.setDefaultRegion(parser.value(m_regionOption).trimmed().toUpper());
}

std::optional<int> CliCommand::openContext(AppContext& context, const QCommandLineParser& parser)
{
    applyRegion(context, parser);
    QString error;
    if (!context.open(parser.value(m_dbOption), &error))
        return fail(Failure, error);
    return std::nullopt;
}

std::optional<bool> CliCommand::jsonlFormat(QCommandLineParser& parser, int* status)
{
    const QString format = parser.value(m_formatOption).trimmed().toLower();
    if (format == u"table")
        return false;
    if (format == u"jsonl")
        return true;
    *status = fail(
        UsageError,
        tr("--format \"%1\" is not known: use table or jsonl.").arg(parser.value(m_formatOption)));
    return std::nullopt;
}

int CliCommand::list(const QStringList& arguments, const QString& command,
                     const QString& description, const QStringList& header,
                     const std::function<Listing(const ProvisionedRecords&)>& list)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    addDatabaseOption(parser);
    addFormatOption(parser);
    if (auto status = parse(parser, arguments, command,
                            command + QStringLiteral(" [--format table|jsonl] [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    int status = Success;
    const std::optional<bool> jsonl = jsonlFormat(parser, &status);
    if (!jsonl)
        return status;

    AppContext context;
    if (auto openStatus = openContext(context, parser))
        return *openStatus;
    const Listing listing =
        list(ProvisionedRecords::read(context.database().connection(), context.clock()));
    if (!listing.error.isEmpty())
        return fail(Failure, listing.error);

    if (*jsonl) {
        for (const ListRow& row : listing.rows)
            print(jsonLine(row.fields));
        return Success;
    }
    QList<QStringList> rows{header};
    for (const ListRow& row : listing.rows)
        rows << row.cells;
    for (const QString& line : table(rows))
        print(line);
    return Success;
}

int CliCommand::fail(int status, const QString& message)
{
    m_err << QLatin1String("smsdesk: ") << oneLine(message) << u'\n';
    m_err.flush();
    return status;
}

void CliCommand::printError(const QString& line)
{
    m_err << oneLine(line) << u'\n';
    m_err.flush();
}

void CliCommand::print(const QString& line)
{
    m_out << line << u'\n';
    m_out.flush();
}

QString CliCommand::jsonLine(const QList<std::pair<QString, QJsonValue>>& fields)
{
    // QJsonObject sorts its keys; this keeps the documented order.
    auto encode = [](const QJsonValue& value) {
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    };
    QString line(u'{');
    for (const auto& [key, value] : fields) {
        if (line.size() > 1)
            line += u',';
        line += encode(key) + u':' + encode(value);
    }
    return line + u'}';
}

QStringList CliCommand::table(const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths << 0;
            widths[column] = std::max(widths.at(column), oneLine(row.at(column)).size());
        }
    }
    QStringList lines;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (column > 0)
                line += QLatin1String("  ");
            line += oneLine(row.at(column)).leftJustified(widths.at(column));
        }
        while (line.endsWith(u' '))
            line.chop(1);
        lines << line;
    }
    return lines;
}

QString CliCommand::oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}

} // namespace smsdesk
