#include "ExportCommand.h"

#include "AppContext.h"
#include "store/Database.h"
#include "store/MessageExporter.h"

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

int ExportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes every message, oldest first, one per line: JSON Lines or CSV."));
    addDatabaseOption(parser);
    const QCommandLineOption format(QStringLiteral("format"), tr("jsonl (default) or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    tr("Write to FILE (replaced only when the export is complete) "
                                       "instead of standard output."),
                                    QStringLiteral("FILE"));
    parser.addOptions({format, output});
    if (auto status = parse(parser, arguments, QStringLiteral("export"),
                            QStringLiteral("export [--db …] [--format jsonl|csv] [--output FILE]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;

    MessageExporter::Format chosen;
    if (!MessageExporter::parseFormat(parser.value(format).trimmed().toLower(), &chosen))
        return fail(UsageError,
                    tr("--format \"%1\" is neither jsonl nor csv.").arg(parser.value(format)));

    AppContext context;
    if (auto status = openContext(context, parser))
        return *status;
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
