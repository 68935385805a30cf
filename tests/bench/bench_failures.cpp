// How fast the support desk reads its failures over a large store: the Failures page's first
// page (newest first, all kinds), its counts by cause, the unresolved count (the navigation's
// badge and the Dashboard's tile) and the Dashboard's whole snapshot, each next to a baseline
// measured in the same run: 200 request log rows read by primary key range.
//
//   bench_failures [--requests N] [--db FILE] [--repeat K]
//
// The store is a SQLite file (--db keeps it between runs: filled once, reused when it already
// holds N requests), filled through the app's schema over the last 30 days: N webhook requests
// (1 in 20 refused for authorization, 1 in 50 malformed, 1 in 100 unknown path; the rest stored
// as messages, a quarter from the PBX; one in ten PBX deliveries failed into a fault drill, ten
// in a row under one message_id as the PBX retries), N/10 messages sent through the outbox (1 in 50
// failed, 1 in 100 unconfirmed) with their status reports (1 in 30 failed), and half the
// authorization refusals marked resolved. Every figure is the median of K runs, in ms.

#include "BenchSql.h"
#include "store/Database.h"
#include "store/DatabaseConfig.h"
#include "support/DashboardReader.h"
#include "support/FailureReader.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace smsdesk;

using smsdesk::bench::exec;
using smsdesk::bench::median;
using smsdesk::bench::scalar;

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr int kNumbers = 20;

// `sql` with %N placeholders filled and "%%" made "%" (SQLite's modulo).
QString sqlOf(QString sql)
{
    return sql.replace(QLatin1String("%%"), QLatin1String("%"));
}

bool fill(const QSqlDatabase& db, qint64 requests, qint64 nowMs)
{
    QSqlQuery query(db);
    const qint64 spanMs = 30 * kDayMs;
    const qint64 first = nowMs - spanMs;
    const qint64 sends = std::max<qint64>(1, requests / 10);
    if (!exec(query, QStringLiteral("BEGIN")))
        return false;
    for (int n = 1; n <= kNumbers; ++n) {
        if (!exec(query, QStringLiteral("INSERT INTO numbers (e164, provider, label, created_at, "
                                        "updated_at) VALUES ('+1404555%1', '%2', 'Number %3', "
                                        "%4, %4)")
                             .arg(1000 + n)
                             .arg(n % 4 == 0 ? QStringLiteral("pbx") : QStringLiteral("oncloud"))
                             .arg(n)
                             .arg(first)))
            return false;
    }
    // Request i: PBX when i % 4 = 0, its message_id pbx-<i>; one in ten PBX deliveries fails
    // into a fault drill, ten in a row under one message_id (pbx-f<i / 400>: the PBX's retries,
    // the last of them sent to the fallback email).
    const QString outcome = QStringLiteral(
        "CASE WHEN i %% 20 = 1 THEN 'refused-auth' WHEN i %% 50 = 3 THEN 'malformed' "
        "WHEN i %% 100 = 7 THEN 'unknown-path' WHEN i %% 40 = 0 THEN 'drill-error' "
        "ELSE 'accepted' END");
    if (!exec(query,
              sqlOf(QStringLiteral(
                        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < "
                        "%1) INSERT INTO request_log (received_at, peer, method, target, body, "
                        "body_size, provider, number_id, outcome, reason, response_status) "
                        "SELECT %2 + i * %3 / %1, '203.0.113.9', 'POST', CASE WHEN i %% 4 = 0 "
                        "THEN '/webhooks/pbx' ELSE '/webhooks/oncloud' END, CASE WHEN i %% 4 = 0 "
                        "THEN CAST('from=17705550100&to=14045551004&text=hello&message_id=' || "
                        "CASE WHEN i %% 40 = 0 THEN 'pbx-f' || (i / 400) ELSE 'pbx-' || i END "
                        "AS BLOB) ELSE CAST('{\"from\":\"+17705550100\"}' AS BLOB) END, 40, "
                        "CASE WHEN i %% 4 = 0 THEN 'pbx' ELSE 'oncloud' END, 1 + i %% %4, %5, "
                        "CASE WHEN %5 = 'accepted' THEN NULL ELSE 'bench' END, CASE %5 WHEN "
                        "'accepted' THEN 200 WHEN 'refused-auth' THEN 401 WHEN 'unknown-path' "
                        "THEN 404 WHEN 'drill-error' THEN 500 ELSE 400 END FROM s")
                        .arg(requests)
                        .arg(first)
                        .arg(spanMs)
                        .arg(kNumbers)
                        .arg(outcome))))
        return false;
    // The accepted requests' messages, each linked from its request as the listener links it.
    if (!exec(query,
              QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, remote, "
                             "text, status, provider_message_id, received_at, dedupe_key) SELECT "
                             "'inbound', provider, number_id, '+1404555' || (1000 + number_id), "
                             "'+17705550100', 'hello', 'received', CASE provider WHEN 'pbx' THEN "
                             "'pbx-' || id END, received_at, 'in-' || id FROM request_log WHERE "
                             "outcome = 'accepted'")) ||
        !exec(query, QStringLiteral("UPDATE request_log SET message_id = (SELECT m.id FROM "
                                    "messages m WHERE m.dedupe_key = 'in-' || request_log.id) "
                                    "WHERE outcome = 'accepted'")))
        return false;
    // Sends: message j with its outbox row, one attempt, a status report.
    if (!exec(query,
              sqlOf(QStringLiteral(
                        "WITH RECURSIVE s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < "
                        "%1) INSERT INTO messages (direction, provider, number_id, did, remote, "
                        "text, status, error_code, provider_message_id, received_at, dedupe_key) "
                        "SELECT 'outbound', 'oncloud', 1 + j %% %4, '+1404555' || (1001 + j %% "
                        "%4), '+1770555' || printf('%%04d', j %% 5000), 'Your order is ready', "
                        "CASE WHEN j %% 50 = 0 THEN 'failed' WHEN j %% 100 = 1 THEN "
                        "'unconfirmed' ELSE 'delivered' END, CASE WHEN j %% 50 = 0 THEN 'WH-2' "
                        "END, 'out-' || j, %2 + j * %3 / %1, 'send-' || j FROM s")
                        .arg(sends)
                        .arg(first)
                        .arg(spanMs)
                        .arg(kNumbers))))
        return false;
    if (!exec(query, QStringLiteral("INSERT INTO outbox (message_id, pending, attempts, "
                                    "next_attempt_at, created_at) SELECT id, 0, 1, received_at, "
                                    "received_at FROM messages WHERE direction = 'outbound'")) ||
        !exec(query, QStringLiteral("INSERT INTO outbound_attempts (message_id, attempt, "
                                    "started_at, http_status, outcome) SELECT id, 1, received_at, "
                                    "CASE status WHEN 'failed' THEN 400 ELSE 200 END, status FROM "
                                    "messages WHERE direction = 'outbound'")) ||
        !exec(query, sqlOf(QStringLiteral(
                         "INSERT INTO message_status (message_id, status, raw_status, "
                         "received_at, dedupe_key) SELECT id, CASE WHEN id %% 30 = 0 THEN "
                         "'failed' ELSE 'delivered' END, CASE WHEN id %% 30 = 0 THEN "
                         "'undelivered' ELSE 'delivered' END, received_at + 5000, 'st-' || id "
                         "FROM messages WHERE direction = 'outbound' AND status = 'delivered'"))))
        return false;
    // Half the authorization refusals marked resolved.
    if (!exec(query,
              sqlOf(QStringLiteral("INSERT INTO failure_resolutions (failure_key, resolved_by, "
                                   "resolved_at) SELECT 'request:' || id, 'bench', %1 FROM "
                                   "request_log WHERE outcome = 'refused-auth' AND id %% 40 = 1")
                        .arg(nowMs))))
        return false;
    return exec(query, QStringLiteral("COMMIT")) && exec(query, QStringLiteral("ANALYZE"));
}

struct Timing
{
    double wallMs = 0;
    double cpuMs = 0; // this thread's CPU time: what the reads cost on a busy machine
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

Timing timed(const std::function<void()>& work)
{
    QElapsedTimer timer;
    const double cpu = threadCpuMs();
    timer.start();
    work();
    return {double(timer.nsecsElapsed()) / 1e6, threadCpuMs() - cpu};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Failures page and Dashboard reads over a large store"));
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Webhook requests in the log."),
                                            QStringLiteral("N"), QStringLiteral("300000"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite file, kept and reused."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Runs per figure (median)."),
                                          QStringLiteral("K"), QStringLiteral("5"));
    parser.addOptions({requestsOption, dbOption, repeatOption});
    parser.process(app);
    const qint64 requests = std::max<qint64>(100, parser.value(requestsOption).toLongLong());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    QTemporaryDir dir;
    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("f.sqlite"));
    Database database(DatabaseConfig::sqlite(path));
    QString error;
    if (!database.open(&error)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return 1;
    }
    QSqlDatabase db = database.openConnection(QStringLiteral("bench"), &error);
    if (!db.isOpen()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 stored = scalar(db, QStringLiteral("SELECT count(*) FROM request_log"));
    if (stored != requests) {
        if (stored != 0) {
            std::fprintf(stderr, "bench: %s holds %lld requests, not %lld\n", qPrintable(path),
                         static_cast<long long>(stored), static_cast<long long>(requests));
            return 1;
        }
        QElapsedTimer filling;
        filling.start();
        if (!fill(db, requests, nowMs))
            return 1;
        std::printf("filled %lld requests in %.1f s\n", static_cast<long long>(requests),
                    double(filling.elapsed()) / 1000);
    }

    const FailureReader reader(db);
    const Clock clock;
    const DashboardReader dashboard(db, clock, QTimeZone::systemTimeZone());
    QList<Timing> baseline, page, causes, unresolved, snapshot;
    qint64 rows = 0, unresolvedCount = 0, causeCount = 0, pageRows = 0;
    for (int run = 0; run < repeat; ++run) {
        baseline.append(timed([&] {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT * FROM request_log WHERE id > %1 ORDER BY id LIMIT "
                                      "200")
                           .arg(requests / 2));
            rows = 0;
            while (query.next())
                ++rows;
        }));
        page.append(
            timed([&] { pageRows = reader.page(FailureFilter(), std::nullopt, 100).size(); }));
        causes.append(timed([&] { causeCount = reader.causes(FailureFilter()).size(); }));
        unresolved.append(timed([&] { unresolvedCount = reader.unresolvedCount(); }));
        snapshot.append(timed([&] { (void)dashboard.read(); }));
        if (!reader.lastError().isEmpty()) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(reader.lastError()));
            return 1;
        }
    }
    const auto medianOf = [](const QList<Timing>& timings, double Timing::*field) {
        QList<double> values;
        for (const Timing& timing : timings)
            values.append(timing.*field);
        return median(values);
    };
    const double baseCpu = medianOf(baseline, &Timing::cpuMs);
    std::printf("store: %lld requests, %lld unresolved failures in %lld causes (median of %d)\n",
                static_cast<long long>(requests), static_cast<long long>(unresolvedCount),
                static_cast<long long>(causeCount), repeat);
    std::printf("%-44s %10s %10s %12s\n", "", "wall ms", "CPU ms", "CPU ratio");
    const auto line = [&](const char* what, const QList<Timing>& timings) {
        const double cpu = medianOf(timings, &Timing::cpuMs);
        std::printf("%-44s %10.1f %10.1f %10.1f x\n", what, medianOf(timings, &Timing::wallMs), cpu,
                    baseCpu > 0 ? cpu / baseCpu : 0);
    };
    line("baseline: 200 request rows by primary key", baseline);
    line("Failures page: first 100 rows", page);
    line("Failures page: counts by cause", causes);
    line("badge: unresolved count", unresolved);
    line("Dashboard: whole snapshot", snapshot);
    return rows == 200 && pageRows > 0 ? 0 : 1;
}
