// How fast the inspector's request list is over a large request log: the time from opening
// the list (a RequestLogModel reading through its DatabaseWorker, as the Inspector page does)
// to its first rows, and from applying each kind of filter to the filtered rows, with
// 1,000,000 stored requests by default.
//
//   bench_inspector [--rows N] [--db FILE] [--repeat K] [--scroll S]
//
// The store is a SQLite file (--db keeps it between runs: it is filled once, then reused when
// it already holds N requests). Each request links to a stored message, like an accepted
// webhook does; providers, numbers, outcomes and bodies are mixed as in real traffic, over
// the last 30 days. Every figure is the median of K runs, in ms, next to a baseline measured
// in the same run: one page of 200 rows read by primary key range through the same worker,
// the least any page can cost on this machine. Targets (issue "Inspector"): first rows under
// 200 ms, a filter under 300 ms. A text filter shows its first matches (or its first window
// read) in the time given; it then reads older windows in the background until a page is found
// or the whole log was read, and that time is printed too.
//
// Memory while scrolling: a model scrolled down through S rows (200,000 by default) a page at
// a time, as a view fetches them, with the resident memory of the process after each 10 % of
// them, against the idle baseline measured in the same run (after the first page). Once as
// the Inspector does (a window of RequestLogModel::DefaultMaxRows rows), once keeping every
// row (the window unbounded), for comparison.

#include "BenchSql.h"
#include "inspector/RequestLogModel.h"
#include "store/Database.h"
#include "store/DatabaseConfig.h"
#include "store/DatabaseWorker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <climits>
#include <cstdio>
#include <functional>

using namespace smsdesk;

using smsdesk::bench::exec;
using smsdesk::bench::median;

namespace {

const int kNumbers = 20;
const qint64 kDayMs = 24 * 3600 * 1000LL;

qint64 count(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next()
               ? query.value(0).toLongLong()
               : -1;
}

// Fills the store with `rows` messages and as many request log rows, newest at `nowMs`, in
// set-based statements (a few seconds per 100,000 rows).
bool fill(const QSqlDatabase& db, qint64 rows, qint64 nowMs)
{
    QSqlQuery query(db);
    const qint64 spanMs = 30 * kDayMs;
    const qint64 first = nowMs - spanMs;
    if (!exec(query, QStringLiteral("BEGIN")))
        return false;
    for (int n = 1; n <= kNumbers; ++n) {
        static const char* const providers[] = {"oncloud", "pbx", "zonitel", "android-gateway"};
        if (!exec(query, QStringLiteral("INSERT INTO numbers (e164, provider, label, created_at, "
                                        "updated_at) VALUES ('+1404555%1', '%2', 'Number %3', "
                                        "%4, %4)")
                             .arg(1000 + n)
                             .arg(QLatin1String(providers[n % 4]))
                             .arg(n)
                             .arg(first)))
            return false;
    }
    // i: 1..rows; number n = 1 + i % 20, provider by the number; time grows with i.
    const QString series = QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM s WHERE i < %1) ")
                               .arg(rows);
    const QString provider = QStringLiteral(
        "CASE (1 + i % 20) % 4 WHEN 0 THEN 'oncloud' WHEN 1 THEN 'pbx' WHEN 2 THEN 'zonitel' "
        "ELSE 'android-gateway' END");
    const QString time = QStringLiteral("(%1 + i * %2 / %3)").arg(first).arg(spanMs).arg(rows);
    if (!exec(query,
              series + QStringLiteral(
                           "INSERT INTO messages (id, direction, provider, number_id, did, remote, "
                           "text, status, provider_message_id, received_at, dedupe_key) "
                           "SELECT i, 'inbound', %1, 1 + i %% 20, '+1404555' || (1001 + i %% 20), "
                           "'+1770555' || printf('%%04d', i %% 9973), "
                           "'Order ' || i || ' is ready for pickup, reply STOP to opt out', "
                           "'received', 'msg-' || i, %2, 'bench:' || i FROM s")
                           .arg(provider, time)
                           .replace(QLatin1String("%%"), QLatin1String("%"))))
        return false;
    // Outcomes: 1 in 20 duplicate, 1 in 50 refused-auth, 1 in 100 malformed, 1 in 200
    // unassigned, 1 in 1000 store-unavailable; the rest accepted.
    const QString outcome = QStringLiteral(
        "CASE WHEN i % 1000 = 7 THEN 'store-unavailable' WHEN i % 200 = 3 THEN 'unassigned' "
        "WHEN i % 100 = 5 THEN 'malformed' WHEN i % 50 = 1 THEN 'refused-auth' "
        "WHEN i % 20 = 2 THEN 'duplicate' ELSE 'accepted' END");
    const QString status = QStringLiteral(
        "CASE WHEN i % 1000 = 7 THEN 503 WHEN i % 100 = 5 THEN 400 WHEN i % 50 = 1 THEN 401 "
        "ELSE 200 END");
    const QString body = QStringLiteral(
        "'{\"from\":\"+1770555' || printf('%04d', i % 9973) || '\",\"to\":\"+1404555' || "
        "(1001 + i % 20) || '\",\"text\":\"Order ' || i || ' is ready for pickup, reply STOP "
        "to opt out\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"media\":[]}'");
    if (!exec(query,
              series +
                  QStringLiteral(
                      "INSERT INTO request_log (id, received_at, peer, method, target, headers, "
                      "body, body_size, provider, number_id, outcome, reason, response_status, "
                      "response_body, latency_us, message_id) "
                      "SELECT i, %1, '203.0.113.' || (i % 250) || ':' || (40000 + i % 20000), "
                      "'POST', '/webhooks/' || %2, "
                      "'[[\"Host\",\"desk.example.com\"],[\"Content-Type\",\"application/json\"],"
                      "[\"Authorization\",\"[redacted]\"],[\"User-Agent\",\"bench/1.0\"]]', "
                      "CAST(%3 AS BLOB), length(%3), %2, 1 + i % 20, %4, "
                      "CASE WHEN %5 >= 400 THEN 'bench refusal' END, %5, '', "
                      "800 + i % 5000, CASE WHEN %5 = 200 THEN i END FROM s")
                      .arg(time, provider, body, outcome, status)))
        return false;
    return exec(query, QStringLiteral("COMMIT")) && exec(query, QStringLiteral("ANALYZE"));
}

// Runs `start` and spins the event loop until `finished` fires; the elapsed ms.
double timed(const std::function<void()>& start, QObject* sender, const char* finished)
{
    QEventLoop loop;
    const auto connection = QObject::connect(sender, finished, &loop, SLOT(quit()));
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    start();
    loop.exec();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    QObject::disconnect(connection);
    return ms;
}

// The resident memory of this process, in kB (Linux: /proc/self/status).
qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Scrolls `model` down through `rows` rows a page at a time, printing the resident memory
// after each tenth of them next to the baseline.
void scrollThrough(RequestLogModel& model, qint64 rows, const char* label)
{
    qint64 scrolled = 0;
    QObject::connect(
        &model, &QAbstractItemModel::rowsInserted, &model,
        [&scrolled](const QModelIndex&, int first, int last) { scrolled += last - first + 1; });
    timed([&model]() { model.fetchMore(QModelIndex()); }, &model, SIGNAL(pageLoaded(int)));
    const qint64 baseline = residentKb();
    std::printf("%s: baseline %.1f MB after the first page\n", label, baseline / 1024.0);
    qint64 next = rows / 10;
    QElapsedTimer timer;
    timer.start();
    while (scrolled < rows && model.canFetchMore(QModelIndex())) {
        timed([&model]() { model.fetchMore(QModelIndex()); }, &model, SIGNAL(pageLoaded(int)));
        if (scrolled >= next || scrolled >= rows || !model.canFetchMore(QModelIndex())) {
            const qint64 now = residentKb();
            std::printf("  %9lld rows scrolled, %6d held: %7.1f MB (%+.1f MB, %+.2f kB a row)\n",
                        static_cast<long long>(scrolled), model.rowCount(), now / 1024.0,
                        (now - baseline) / 1024.0,
                        scrolled > 0 ? double(now - baseline) / double(scrolled) : 0.0);
            next += rows / 10;
        }
    }
    std::printf("  %.1f s\n", timer.elapsed() / 1000.0);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Inspector list: first rows and filters over a large request log"));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Stored requests."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite file, kept and reused."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Runs per figure (median)."),
                                          QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption scrollOption(QStringLiteral("scroll"),
                                          QStringLiteral("Rows to scroll through (memory)."),
                                          QStringLiteral("S"), QStringLiteral("200000"));
    parser.addOptions({rowsOption, dbOption, repeatOption, scrollOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    QTemporaryDir dir;
    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("b.sqlite"));
    Database database(DatabaseConfig::sqlite(path));
    QString error;
    if (!database.open(&error)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    {
        QString connectionError;
        QSqlDatabase db = database.openConnection(QStringLiteral("bench-fill"), &connectionError);
        const qint64 stored = count(db, QStringLiteral("request_log"));
        if (stored != rows) {
            if (stored != 0) {
                std::fprintf(stderr, "bench: %s holds %lld requests, not %lld\n", qPrintable(path),
                             static_cast<long long>(stored), static_cast<long long>(rows));
                return 1;
            }
            std::printf("filling %lld requests...\n", static_cast<long long>(rows));
            std::fflush(stdout);
            QElapsedTimer fillTimer;
            fillTimer.start();
            if (!fill(db, rows, nowMs))
                return 1;
            std::printf("filled in %.1f s\n", fillTimer.elapsed() / 1000.0);
        }
        db = QSqlDatabase();
        Database::closeConnection(QStringLiteral("bench-fill"));
    }
    std::printf("request log: %lld rows, %.0f MB file\n", static_cast<long long>(rows),
                QFile(path).size() / 1e6);

    DatabaseWorker worker(database);
    if (!worker.isReady()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(worker.openError()));
        return 1;
    }

    // Memory first, while the process is fresh: the window, then every row kept.
    const qint64 scroll = std::min(parser.value(scrollOption).toLongLong(), rows);
    if (scroll > 0) {
        {
            RequestLogModel model(worker);
            scrollThrough(model, scroll, "scrolling, a window of rows (as the Inspector)");
        }
        {
            RequestLogModel model(worker);
            model.setMaxRows(INT_MAX);
            scrollThrough(model, scroll, "scrolling, every row kept (unbounded)");
        }
    }

    // Baseline: 200 rows by primary key range, through the same worker and reader.
    QList<double> baseline;
    for (int run = 0; run < repeat; ++run) {
        QObject done;
        QEventLoop loop;
        QElapsedTimer timer;
        timer.start();
        worker.post<int>(
            [rows](QSqlDatabase& db) {
                QSqlQuery query(db);
                query.prepare(QStringLiteral("SELECT id, received_at, peer, method, target, "
                                             "headers, substr(body, 1, 4096), outcome FROM "
                                             "request_log WHERE id > ? ORDER BY id LIMIT 200"));
                query.addBindValue(rows - 200);
                int n = 0;
                if (query.exec())
                    while (query.next())
                        ++n;
                return n;
            },
            &done, [&loop](int) { loop.quit(); });
        loop.exec();
        baseline.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const double base = median(baseline);
    std::printf("%-44s %8.1f ms\n", "baseline: 200 rows by primary key", base);

    const auto report = [base](const char* what, const QList<double>& times, double target,
                               int shown) {
        const double ms = median(times);
        std::printf("%-44s %8.1f ms  %6.1fx baseline  %s (target %.0f ms)  rows %d\n", what, ms,
                    base > 0 ? ms / base : 0, ms < target ? "ok  " : "SLOW", target, shown);
    };

    // First rows: a new model, as when the Inspector opens.
    QList<double> open;
    int shown = 0;
    for (int run = 0; run < repeat; ++run) {
        RequestLogModel model(worker);
        open.append(
            timed([&model]() { model.fetchMore(QModelIndex()); }, &model, SIGNAL(pageLoaded(int))));
        shown = model.rowCount();
    }
    report("open: first rows", open, 200, shown);

    struct Case
    {
        const char* name;
        RequestLogFilter filter;
    };
    RequestLogFilter outcome;
    outcome.outcomes = {QStringLiteral("refused-auth"), QStringLiteral("malformed")};
    RequestLogFilter rare;
    rare.outcomes = {QStringLiteral("store-unavailable")};
    RequestLogFilter provider;
    provider.providers = {QStringLiteral("zonitel")};
    RequestLogFilter number;
    number.numberId = 7;
    RequestLogFilter lastHour;
    lastHour.fromMs = nowMs - 3600 * 1000;
    RequestLogFilter oldDay;
    oldDay.fromMs = nowMs - 20 * kDayMs;
    oldDay.toMs = oldDay.fromMs + kDayMs;
    RequestLogFilter combined;
    combined.outcomes = {QStringLiteral("accepted")};
    combined.providers = {QStringLiteral("pbx")};
    combined.numberId = 5;
    combined.fromMs = oldDay.fromMs;
    RequestLogFilter commonText;
    commonText.text = QStringLiteral("pickup");
    RequestLogFilter oneText;
    oneText.text = QStringLiteral("Order %1 is").arg(rows / 10); // one old request
    RequestLogFilter noText;
    noText.text = QStringLiteral("no such text anywhere");
    const Case cases[] = {
        {"filter: outcome refused-auth|malformed", outcome},
        {"filter: outcome store-unavailable (0.1%)", rare},
        {"filter: provider zonitel", provider},
        {"filter: number 7", number},
        {"filter: last hour", lastHour},
        {"filter: one day, 20 days ago", oldDay},
        {"filter: accepted+pbx+number+since", combined},
        {"filter: text in every body", commonText},
        {"filter: text in one old request", oneText},
        {"filter: text in none", noText},
    };
    RequestLogModel model(worker);
    timed([&model]() { model.fetchMore(QModelIndex()); }, &model, SIGNAL(pageLoaded(int)));
    for (const Case& c : cases) {
        QList<double> first;
        QList<double> whole;
        for (int run = 0; run < repeat; ++run) {
            model.setFilter(RequestLogFilter());
            timed([]() {}, &model, SIGNAL(pageLoaded(int)));
            QElapsedTimer timer;
            timer.start();
            first.append(timed([&model, &c]() { model.setFilter(c.filter); }, &model,
                               SIGNAL(pageLoaded(int))));
            // A text search goes on reading older windows until it has a page or read all.
            while (model.isSearching())
                timed([]() {}, &model, SIGNAL(pageLoaded(int)));
            whole.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        report(c.name, first, 300, model.rowCount());
        if (median(whole) > median(first) * 1.5)
            std::printf("%-44s %8.1f ms  (the search read on in the background)\n",
                        "  ... until the search ended", median(whole));
    }
    return 0;
}
