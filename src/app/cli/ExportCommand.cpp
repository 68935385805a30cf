#include "ExportCommand.h"

#include "AppContext.h"
#include "store/Database.h"
#include "store/MessageExporter.h"
#include "store/OptOutRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <cstdio>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::ExportCommand", text);
}
} // namespace

int ExportCommand::exportOptOuts(AppContext& context, const QString& path)
{
    const OptOutRepository repository(context.database().connection());
    const std::optional<QList<OptOutRepository::OptOut>> list = repository.list();
    if (!list)
        return fail(Failure, repository.lastError());
    const QByteArray csv = OptOutRepository::csv(*list);
    if (path.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(csv) != csv.size())
            return fail(Failure, out.errorString());
        return Success;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return fail(Failure, tr("cannot write %1: %2").arg(path, file.errorString()));
    print(QCoreApplication::translate("smsdesk::ExportCommand", "exported %n opt-out(s) to %1",
                                      nullptr, int(list->size()))
              .arg(path));
    return Success;
}

int ExportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes every message, oldest first, one per line: JSON Lines or CSV. With "
           "--opt-outs: every remote that texted STOP or START to one of your numbers, with its "
           "state now, as CSV (did, remote, opted_out, keyword, changed_at, message_id)."));
    addDatabaseOption(parser);
    const QCommandLineOption format(QStringLiteral("format"), tr("jsonl (default) or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    tr("Write to FILE (replaced only when the export is complete) "
                                       "instead of standard output."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption optOuts(QStringLiteral("opt-outs"),
                                     tr("Export the opt-out list (CSV) instead of the messages."));
    parser.addOptions({format, output, optOuts});
    if (auto status = parse(parser, arguments, QStringLiteral("export"),
                            QStringLiteral("export [--db …] [--format jsonl|csv | --opt-outs] "
                                           "[--output FILE]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;

    MessageExporter::Format chosen;
    if (!MessageExporter::parseFormat(parser.value(format).trimmed().toLower(), &chosen))
        return fail(UsageError,
                    tr("--format \"%1\" is neither jsonl nor csv.").arg(parser.value(format)));

    if (parser.isSet(optOuts) && parser.isSet(format) && chosen != MessageExporter::Format::Csv)
        return fail(UsageError, tr("--opt-outs is written as CSV only."));

    AppContext context;
    if (auto status = openContext(context, parser))
        return *status;
    if (parser.isSet(optOuts))
        return exportOptOuts(context, parser.value(output));
    MessageExporter exporter(context.database().connection());

    if (!parser.isSet(output)) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(Failure, out.errorString());
        if (exporter.write(out, chosen) < 0)
            return fail(Failure, exporter.lastError());
        return Success;
    }

    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly))
        return fail(Failure, tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    const qint64 written = exporter.write(file, chosen);
    if (written < 0) {
        file.cancelWriting();
        return fail(Failure, exporter.lastError());
    }
    if (!file.commit())
        return fail(Failure, tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    print(QCoreApplication::translate("smsdesk::ExportCommand", "exported %n message(s) to %1",
                                      nullptr, int(written))
              .arg(file.fileName()));
    return Success;
}

} // namespace smsdesk
