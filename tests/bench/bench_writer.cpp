// Inserts per second through MessageWriter with one commit per job (maxBatchSize 1) and
// with group commit (the default batch size), in the same run on the same kind of store.
//
//   bench_writer [--jobs N] [--in-flight K] [--batch B] [--dir PATH | --db postgresql://...]
//
// Each job is what one accepted webhook stores: a message and its request log row. K jobs are
// kept in flight, as K provider connections waiting for their answer would; a new job is
// submitted as soon as one is answered. SQLite files go to a fresh temporary folder in --dir
// (default: the system temporary folder); with --db the PostgreSQL database must be empty or
// already migrated, and the benchmark's rows are left in it.

#include "store/Database.h"
#include "store/MessageWriter.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>
#include <cstdio>

using namespace smsdesk;

namespace {

struct Result
{
    int jobs = 0;
    int failed = 0;
    double seconds = 0;
    quint64 transactions = 0;
    int largestBatch = 0;
    double perSecond() const { return seconds > 0 ? jobs / seconds : 0; }
};

WriteJob makeJob(const QString& run, int index)
{
    const QString id = QStringLiteral("%1-%2").arg(run).arg(index);
    MessageRow message;
    message.provider = QStringLiteral("pbx");
    message.did = QStringLiteral("+14045559999");
    message.remote = QStringLiteral("+17705551234");
    message.text =
        QStringLiteral("Benchmark message number %1, about as long as a real text.").arg(index);
    message.status = QStringLiteral("received");
    message.providerMessageId = id;
    message.dedupeKey = QStringLiteral("pbx:") + id;

    RequestLogRow log;
    log.peer = QStringLiteral("203.0.113.5:53211");
    log.method = QStringLiteral("POST");
    log.target = QStringLiteral("/webhooks/pbx");
    log.headers = {{"Host", "desk.example.com"},
                   {"Content-Type", "application/x-www-form-urlencoded"},
                   {"Authorization", RequestLogRow::RedactedValue}};
    log.body = QByteArray("service_id=1234&from=17705551234&sms_number=14045559999&body=Hello&"
                          "message_id=") +
               id.toLatin1();
    log.bodySize = log.body.size();
    log.provider = QStringLiteral("pbx");
    log.linkedMessage = 0;

    WriteJob job;
    job.messages.append(message);
    job.requestLog = log;
    return job;
}

Result run(const Database& database, const Clock& clock, int batchSize, int jobs, int inFlight)
{
    MessageWriter::Options options;
    options.maxBatchSize = batchSize;
    options.commitDeadlineMs = 600000; // measure throughput, not the busy answer
    MessageWriter writer(database, clock, options);
    const QString tag = QUuid::createUuid().toString(QUuid::Id128);

    QObject context;
    QEventLoop loop;
    Result result;
    int submitted = 0;
    std::function<void()> submitNext;
    const auto done = [&](WriteOutcome outcome) {
        ++result.jobs;
        if (!outcome.ok())
            ++result.failed;
        if (submitted < jobs)
            submitNext();
        else if (result.jobs == jobs)
            loop.quit();
    };
    submitNext = [&]() { writer.submit(makeJob(tag, submitted++), &context, done); };

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < std::min(inFlight, jobs); ++i)
        submitNext();
    loop.exec();
    result.seconds = timer.nsecsElapsed() / 1e9;
    const MessageWriter::Statistics stats = writer.statistics();
    result.transactions = stats.batches;
    result.largestBatch = stats.largestBatch;
    return result;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("MessageWriter throughput: one commit per job vs group commit"));
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Jobs per run."),
                                        QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption inFlightOption(QStringLiteral("in-flight"),
                                            QStringLiteral("Jobs waiting for an answer at once."),
                                            QStringLiteral("K"), QStringLiteral("64"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Batch size of the grouped run."),
                                         QStringLiteral("B"), QStringLiteral("256"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Folder for the SQLite files."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("A postgresql:// URL instead of SQLite."),
                                      QStringLiteral("URL"));
    parser.addOptions({jobsOption, inFlightOption, batchOption, dirOption, dbOption});
    parser.process(app);
    const int jobs = std::max(1, parser.value(jobsOption).toInt());
    const int inFlight = std::max(1, parser.value(inFlightOption).toInt());
    const int batch = std::max(1, parser.value(batchOption).toInt());

    QTextStream out(stdout);
    const Clock clock;
    QTemporaryDir dir(parser.isSet(dirOption)
                          ? parser.value(dirOption) + QStringLiteral("/bench-writer-XXXXXX")
                          : QString());
    if (!parser.isSet(dbOption) && !dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder: %s\n",
                     qPrintable(dir.errorString()));
        return 1;
    }

    Result results[2];
    const int batchSizes[2] = {1, batch};
    for (int i = 0; i < 2; ++i) {
        DatabaseConfig config;
        QString error;
        if (parser.isSet(dbOption)) {
            if (!DatabaseConfig::fromArgument(parser.value(dbOption), &config, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
        } else {
            config = DatabaseConfig::sqlite(dir.filePath(QStringLiteral("run-%1.sqlite").arg(i)));
        }
        Database database(config);
        if (!database.open(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (i == 0) {
            out << "store: " << config.describe()
                << (config.backend() == DatabaseConfig::Backend::Sqlite
                        ? QStringLiteral(" (WAL, synchronous=FULL)")
                        : QString())
                << "\njobs: " << jobs << " per run (a message and its request log row each), "
                << inFlight << " in flight\n";
            out.flush();
        }
        results[i] = run(database, clock, batchSizes[i], jobs, inFlight);
        const Result& r = results[i];
        out << QStringLiteral("batch size %1: %2 jobs in %3 s = %4 inserts/s (%5 transactions, "
                              "largest %6)%7\n")
                   .arg(batchSizes[i], 3)
                   .arg(r.jobs)
                   .arg(r.seconds, 0, 'f', 2)
                   .arg(r.perSecond(), 0, 'f', 0)
                   .arg(r.transactions)
                   .arg(r.largestBatch)
                   .arg(r.failed ? QStringLiteral(", %1 FAILED").arg(r.failed) : QString());
        out.flush();
    }
    out << QStringLiteral("ratio: %1x\n")
               .arg(results[0].perSecond() > 0 ? results[1].perSecond() / results[0].perSecond()
                                               : 0.0,
                    0, 'f', 1);
    return results[0].failed + results[1].failed == 0 ? 0 : 2;
}
