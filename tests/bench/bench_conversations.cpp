// How fast the Conversations page is over a large store: the time from opening the thread list
// (a ConversationListModel reading through its DatabaseWorker, as the page does) to its first
// rows, with each filter; from opening the thread with the most messages (a
// ConversationThreadPane, as the page shows it: read, laid out, painted) to its newest
// messages; from a search to its first results; and the process's peak resident memory. By
// default 1,000,000 messages in 20,000 threads, one of them 50,000 messages long.
//
//   bench_conversations [--messages N] [--threads T] [--big B] [--db FILE] [--repeat K]
//                       [--writer-jobs J] [--webhooks-per-second R] [--webhook-seconds S]
//
// The store is a SQLite file (--db keeps it between runs: filled once, reused when it already
// holds N messages). It is filled through the app's schema with its triggers (the thread rows
// and the full-text index are kept as the listener's writes keep them), over the last 30 days,
// texts drawn from a vocabulary of 240 words, a quarter of the other parties named (contacts).
// Every figure is the median of K runs, in ms, next to a baseline measured in the same run: 200
// messages read by primary key range through the same worker. Targets (issue "Conversations"):
// thread list under 150 ms, the 50,000-message thread under 100 ms, a search under 200 ms, peak
// resident memory under 250 MB.
//
// With --writer-jobs J, the cost of the triggers on the listener's path: J jobs (a message and
// its request log row each, 64 in flight, group commit) through MessageWriter into a fresh store
// as the app creates it, and into one whose conversation and search triggers were dropped.
//
// Then (--webhooks-per-second R, default 500; 0: none) the page live: the main window on the
// same store, its Conversations page shown and its listener running, while onCloud webhooks
// arrive at R per second for --webhook-seconds S (from a thread of their own, over HTTP
// keep-alive, each a new message in one of the stored threads: every one is stored, read again
// and moves its thread to the top of the list). A 5 ms timer on the GUI thread measures the
// longest event-loop gap, next to the same window idle (the baseline); target: no gap over
// 50 ms.

#include "AppContext.h"
#include "BenchSql.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "StallProbe.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationView.h"
#include "conversations/ConversationsPage.h"
#include "conversations/MessageSearchModel.h"
#include "store/Database.h"
#include "store/DatabaseConfig.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"
#include "util/Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

using namespace smsdesk;

using smsdesk::bench::exec;
using smsdesk::bench::median;
using smsdesk::bench::scalar;

namespace {

const qint64 kDayMs = 24 * 3600 * 1000LL;
const int kNumbers = 20;

// 240 words: common ones (in many texts) and rarer ones.
const char* const kWords[] = {
    "order",      "ready",      "pickup",    "thanks",     "today",        "tomorrow",
    "please",     "call",       "back",      "when",       "open",         "closed",
    "hours",      "monday",     "tuesday",   "wednesday",  "thursday",     "friday",
    "saturday",   "sunday",     "morning",   "afternoon",  "evening",      "appointment",
    "confirmed",  "cancelled",  "delay",     "shipped",    "delivered",    "invoice",
    "payment",    "receipt",    "refund",    "price",      "quote",        "estimate",
    "repair",     "bike",       "tyre",      "chain",      "brake",        "wheel",
    "service",    "parts",      "stock",     "available",  "booking",      "table",
    "dinner",     "lunch",      "breakfast", "menu",       "special",      "offer",
    "discount",   "coupon",     "member",    "loyalty",    "points",       "reward",
    "address",    "parking",    "street",    "corner",     "door",         "bell",
    "floor",      "office",     "reception", "desk",       "manager",      "staff",
    "team",       "driver",     "courier",   "package",    "parcel",       "box",
    "label",      "tracking",   "number",    "code",       "password",     "account",
    "login",      "email",      "phone",     "message",    "reply",        "question",
    "answer",     "help",       "support",   "problem",    "issue",        "fixed",
    "working",    "broken",     "replace",   "return",     "exchange",     "size",
    "colour",     "model",      "version",   "update",     "install",      "visit",
    "arrive",     "leave",      "wait",      "minutes",    "hour",         "week",
    "month",      "year",       "soon",      "later",      "early",        "late",
    "sorry",      "great",      "perfect",   "okay",       "sure",         "maybe",
    "definitely", "tonight",    "weekend",   "holiday",    "christmas",    "birthday",
    "gift",       "voucher",    "card",      "cash",       "transfer",     "deposit",
    "balance",    "contract",   "signature", "document",   "photo",        "picture",
    "file",       "attachment", "link",      "website",    "online",       "store",
    "shop",       "market",     "warehouse", "garage",     "studio",       "salon",
    "haircut",    "colouring",  "massage",   "therapy",    "clinic",       "doctor",
    "dentist",    "vet",        "dog",       "cat",        "walk",         "grooming",
    "lesson",     "class",      "course",    "teacher",    "student",      "exam",
    "result",     "report",     "meeting",   "agenda",     "schedule",     "calendar",
    "reminder",   "note",       "list",      "groceries",  "milk",         "bread",
    "coffee",     "tea",        "cake",      "pizza",      "pasta",        "salad",
    "soup",       "wine",       "beer",      "water",      "juice",        "ticket",
    "seat",       "row",        "gate",      "flight",     "train",        "bus",
    "taxi",       "station",    "airport",   "hotel",      "room",         "key",
    "checkin",    "checkout",   "luggage",   "umbrella",   "weather",      "rain",
    "snow",       "sunny",      "windy",     "cold",       "warm",         "zeppelin",
    "quixotic",   "xylophone",  "marmalade", "periwinkle", "kaleidoscope", "archipelago"};
const int kWordCount = int(std::size(kWords));

// Fills the store: `messages` messages, `big` of them in thread 0 (our first number and one
// party), the rest spread over `threads - 1` threads; a third outbound (1 in 50 of those
// failed); set-based statements through the triggers, in one transaction.
bool fill(const QSqlDatabase& db, qint64 messages, int threads, qint64 big, qint64 nowMs)
{
    QSqlQuery query(db);
    const qint64 spanMs = 30 * kDayMs;
    const qint64 first = nowMs - spanMs;
    if (!exec(query, QStringLiteral("BEGIN")))
        return false;
    for (int n = 1; n <= kNumbers; ++n) {
        if (!exec(query, QStringLiteral("INSERT INTO numbers (e164, provider, label, created_at, "
                                        "updated_at) VALUES ('+1404555%1', 'oncloud', 'Number "
                                        "%2', %3, %3)")
                             .arg(1000 + n)
                             .arg(n)
                             .arg(first)))
            return false;
    }
    if (!exec(query, QStringLiteral("CREATE TEMP TABLE words (n INTEGER PRIMARY KEY, w TEXT)")))
        return false;
    for (int i = 0; i < kWordCount; ++i) {
        if (!exec(query, QStringLiteral("INSERT INTO words VALUES (%1, '%2')")
                             .arg(i)
                             .arg(QLatin1String(kWords[i]))))
            return false;
    }
    // Message i: thread t (0 for the first `big`), number 1 + t % 20, party by t; time grows
    // with i, so every thread has messages spread over the whole span.
    const QString thread =
        QStringLiteral("(CASE WHEN i <= %1 THEN 0 ELSE 1 + (i * 7919) %% %2 END)")
            .arg(big)
            .arg(threads - 1);
    const QString sql =
        QStringLiteral(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %1), "
            "m(i, t) AS (SELECT i, %2 FROM s) "
            "INSERT INTO messages (direction, provider, number_id, did, remote, text, status, "
            "error_code, received_at) "
            "SELECT CASE WHEN i %% 3 = 0 THEN 'outbound' ELSE 'inbound' END, 'oncloud', "
            "1 + t %% 20, '+1404555' || (1001 + t %% 20), '+1770' || printf('%%07d', t), "
            "(SELECT w FROM words WHERE n = (i * 7) %% %3) || ' ' || "
            "(SELECT w FROM words WHERE n = (i * 13 + 5) %% %3) || ' ' || "
            "(SELECT w FROM words WHERE n = (i * 31 + 11) %% %3) || ' #' || i || ' ' || "
            "(SELECT w FROM words WHERE n = (i * 17 + 3) %% %3) || ' ' || "
            "(SELECT w FROM words WHERE n = (i * 29 + 7) %% 200) || ', see you soon', "
            "CASE WHEN i %% 3 <> 0 THEN 'received' WHEN i %% 150 = 0 THEN 'failed' "
            "ELSE 'delivered' END, CASE WHEN i %% 150 = 0 THEN '30008' END, "
            "%4 + i * %5 / %1 FROM m")
            .arg(messages)
            .arg(thread)
            .arg(kWordCount)
            .arg(first)
            .arg(spanMs)
            .replace(QLatin1String("%%"), QLatin1String("%"));
    if (!exec(query, sql))
        return false;
    // A tenth of the threads read up to the end of the first week: unread messages after.
    if (!exec(query, QStringLiteral("UPDATE conversations SET read_at = %1, read_id = 0, "
                                    "unread_count = 0 WHERE id %% 10 <> 0")
                         .arg(first + 7 * kDayMs)
                         .replace(QLatin1String("%%"), QLatin1String("%"))))
        return false;
    // A quarter of the parties are named (contacts: the list, the search and the exports join
    // them).
    if (!exec(query, QStringLiteral("INSERT INTO contacts (remote, name, note, updated_at) SELECT "
                                    "DISTINCT remote, 'Customer ' || substr(remote, 6), '', %1 "
                                    "FROM conversations WHERE id %% 4 = 0")
                         .arg(first)
                         .replace(QLatin1String("%%"), QLatin1String("%"))))
        return false;
    return exec(query, QStringLiteral("COMMIT")) && exec(query, QStringLiteral("ANALYZE")) &&
           exec(query, QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES "
                                      "('optimize')"));
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
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    QObject::disconnect(connection);
    return ms;
}

qint64 statusKb(const char* field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// J jobs through MessageWriter (64 in flight): seconds.
double writerRun(const Database& database, int jobs)
{
    const Clock clock;
    MessageWriter writer(database, clock);
    const QString tag = QUuid::createUuid().toString(QUuid::Id128);
    QObject context;
    QEventLoop loop;
    int submitted = 0;
    int answered = 0;
    std::function<void()> submitNext = [&] {
        const int n = submitted++;
        MessageRow message;
        message.provider = QStringLiteral("pbx");
        message.did = QStringLiteral("+14045559999");
        message.remote = QStringLiteral("+1770555%1").arg(1000 + n % 500);
        message.text = QStringLiteral("Your order %1 is ready for pickup at the front desk").arg(n);
        message.status = QStringLiteral("received");
        message.dedupeKey = QStringLiteral("pbx:%1-%2").arg(tag).arg(n);
        RequestLogRow log;
        log.peer = QStringLiteral("203.0.113.5:53211");
        log.method = QStringLiteral("POST");
        log.target = QStringLiteral("/webhooks/pbx");
        log.body = QByteArrayLiteral("body=Your+order+is+ready");
        log.bodySize = log.body.size();
        log.provider = QStringLiteral("pbx");
        log.linkedMessage = 0;
        WriteJob job;
        job.messages.append(message);
        job.requestLog = log;
        writer.submit(job, &context, [&](WriteOutcome) {
            ++answered;
            if (submitted < jobs)
                submitNext();
            else if (answered == jobs)
                loop.quit();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < std::min(64, jobs); ++i)
        submitNext();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1e9;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// onCloud webhooks at a steady rate from a thread of its own (its own QNetworkAccessManager:
// keep-alive connections, as many as the manager opens per host): each one a new message in one
// of the bench store's threads, so every one is stored and shown.
class WebhookPacer
{
public:
    WebhookPacer(QUrl url, int rate, int threads) : m_url(std::move(url)), m_rate(rate)
    {
        m_threads = std::max(1, threads);
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(2);
        m_ticker.moveToThread(&m_thread);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { postDue(); });
        QObject::connect(&m_thread, &QThread::started, &m_ticker, [this] {
            m_network = std::make_unique<QNetworkAccessManager>();
            m_since.start();
            m_ticker.start();
        });
        QObject::connect(
            &m_thread, &QThread::finished, &m_ticker, [this] { m_network.reset(); },
            Qt::DirectConnection);
    }
    ~WebhookPacer() { stop(); }

    void start() { m_thread.start(); }
    void stop()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(&m_ticker, &QTimer::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    int posted() const { return m_posted; }
    int answered() const { return m_answered.load(); }
    int failed() const { return m_failed.load(); }

private:
    void postDue()
    {
        const qint64 due = m_since.elapsed() * m_rate / 1000;
        for (; m_posted < due; ++m_posted) {
            // Thread t of the fill: our number 1 + t % 20, their number +1770 and t.
            const int t =
                1 + int((qint64(m_posted) * 7919) % (m_threads - 1 > 0 ? m_threads - 1 : 1));
            const QByteArray body =
                QStringLiteral("{\"event\":\"sms.inbound\",\"from\":\"+1770%1\","
                               "\"to\":\"+1404555%2\",\"text\":\"Live message %3 %4, is the "
                               "order ready?\",\"media\":[],\"timestamp\":\"%5\"}")
                    .arg(t, 7, 10, QLatin1Char('0'))
                    .arg(1001 + t % kNumbers)
                    .arg(m_tag)
                    .arg(m_posted)
                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                    .toUtf8();
            QNetworkRequest request(m_url);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
            QNetworkReply* reply = m_network->post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status < 200 || status > 299)
                    ++m_failed;
                ++m_answered;
                reply->deleteLater();
            });
        }
    }

    QUrl m_url;
    int m_rate = 0;
    int m_threads = 2;
    QThread m_thread;
    QTimer m_ticker;
    QElapsedTimer m_since;
    std::unique_ptr<QNetworkAccessManager> m_network;
    const QString m_tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    int m_posted = 0;
    std::atomic<int> m_answered{0};
    std::atomic<int> m_failed{0};
};

void printGaps(const char* what, const bench::StallProbe& probe, double idleMax)
{
    std::printf("GUI thread, %s: longest gap %.1f ms (%.1fx baseline), p99 %.1f ms, %d gaps over "
                "50 ms  %s\n",
                what, probe.max(), idleMax > 0 ? probe.max() / idleMax : 0, probe.percentile(0.99),
                probe.over(50), probe.max() <= 50 ? "ok" : "STALL");
}

// The main window on the bench store, the Conversations page shown, while webhooks arrive at
// `rate` per second for `seconds` at its listener. False when the window's listener did not
// start.
bool livePhase(const QString& path, int rate, int seconds, int threads)
{
    AppContext context;
    context.settings().setListen(QStringLiteral("127.0.0.1:0"));
    context.settings().setAutostart(true);
    QString error;
    if (!context.open(path, &error)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return false;
    }
    MainWindow window(context);
    window.resize(1280, 860);
    window.show();
    window.showPage(window.conversationsPage());
    ListenerController& listener = *window.listener();
    QElapsedTimer wait;
    wait.start();
    while (listener.state() != ListenerController::State::Running && wait.elapsed() < 10'000)
        spin(20);
    if (listener.state() != ListenerController::State::Running) {
        std::fprintf(stderr, "bench: the listener did not start: %s\n",
                     qPrintable(listener.failureReason()));
        return false;
    }
    ConversationsPage& page = *window.conversationsPage();
    spin(1000); // the list's first page, the numbers

    bench::StallProbe probe;
    probe.start();
    spin(seconds * 500);
    probe.stop();
    const double idleMax = probe.max();
    std::printf("GUI thread, idle (baseline): longest gap %.1f ms, p99 %.1f ms\n", idleMax,
                probe.percentile(0.99));

    int liveUpdates = 0;
    QObject::connect(&page, &ConversationsPage::liveUpdated, [&liveUpdates] { ++liveUpdates; });
    WebhookPacer pacer(QUrl(listener.url() + QStringLiteral("/webhooks/oncloud")), rate, threads);
    probe.start();
    pacer.start();
    spin(seconds * 1000);
    pacer.stop();
    spin(500); // the last live updates
    probe.stop();
    std::printf("load: %d webhooks posted in %d s (%d/s), %d answered, %d not 2xx\n",
                pacer.posted(), seconds, pacer.posted() / seconds, pacer.answered(),
                pacer.failed());
    printGaps(qPrintable(QStringLiteral("%1 webhooks/s").arg(rate)), probe, idleMax);
    std::printf(
        "live updates of the page: %d; top thread now %s\n", liveUpdates,
        qPrintable(page.model()->rowCount() > 0
                       ? page.model()->index(0).data(ConversationListModel::RemoteRole).toString()
                       : QStringLiteral("none")));
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    // The live phase's window reads and writes settings: a home of its own.
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("smsdesk-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk-bench"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Conversations page: thread list, a long thread, search, memory"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Stored messages."), QStringLiteral("N"),
                                            QStringLiteral("1000000"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Threads."),
                                           QStringLiteral("T"), QStringLiteral("20000"));
    const QCommandLineOption bigOption(QStringLiteral("big"),
                                       QStringLiteral("Messages of the longest thread."),
                                       QStringLiteral("B"), QStringLiteral("50000"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite file, kept and reused."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Runs per figure (median)."),
                                          QStringLiteral("K"), QStringLiteral("7"));
    const QCommandLineOption writerOption(
        QStringLiteral("writer-jobs"), QStringLiteral("Jobs of the writer comparison (0: none)."),
        QStringLiteral("J"), QStringLiteral("0"));
    const QCommandLineOption rateOption(
        QStringLiteral("webhooks-per-second"),
        QStringLiteral("Webhooks per second at the window's listener (0: no live phase)."),
        QStringLiteral("R"), QStringLiteral("500"));
    const QCommandLineOption liveSecondsOption(QStringLiteral("webhook-seconds"),
                                               QStringLiteral("Seconds of the live phase."),
                                               QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({messagesOption, threadsOption, bigOption, dbOption, repeatOption,
                       writerOption, rateOption, liveSecondsOption});
    parser.process(app);
    const qint64 messages = parser.value(messagesOption).toLongLong();
    const int threads = std::max(2, parser.value(threadsOption).toInt());
    const qint64 big = std::min(messages, parser.value(bigOption).toLongLong());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const int writerJobs = std::max(0, parser.value(writerOption).toInt());
    const int rate = std::max(0, parser.value(rateOption).toInt());
    const int liveSeconds = std::max(1, parser.value(liveSecondsOption).toInt());

    QTemporaryDir dir;
    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("c.sqlite"));
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
        const qint64 stored = scalar(db, QStringLiteral("SELECT count(*) FROM messages"));
        if (stored != messages) {
            if (stored != 0) {
                std::fprintf(stderr, "bench: %s holds %lld messages, not %lld\n", qPrintable(path),
                             static_cast<long long>(stored), static_cast<long long>(messages));
                return 1;
            }
            std::printf("filling %lld messages in %d threads (through the triggers)...\n",
                        static_cast<long long>(messages), threads);
            std::fflush(stdout);
            QElapsedTimer fillTimer;
            fillTimer.start();
            if (!fill(db, messages, threads, big, nowMs))
                return 1;
            std::printf("filled in %.1f s\n", fillTimer.elapsed() / 1000.0);
        }
        std::printf("store: %lld messages, %lld threads (%lld unread), the longest %lld "
                    "messages, %.0f MB file\n",
                    scalar(db, QStringLiteral("SELECT count(*) FROM messages")),
                    scalar(db, QStringLiteral("SELECT count(*) FROM conversations")),
                    scalar(db, QStringLiteral("SELECT count(*) FROM conversations WHERE "
                                              "unread_count > 0")),
                    scalar(db, QStringLiteral("SELECT max(message_count) FROM conversations")),
                    QFile(path).size() / 1e6);
        db = QSqlDatabase();
        Database::closeConnection(QStringLiteral("bench-fill"));
    }
    const qint64 rssBefore = statusKb("VmRSS:");

    DatabaseWorker worker(database);
    if (!worker.isReady()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(worker.openError()));
        return 1;
    }
    const Clock clock;

    // Baseline: 200 messages by primary key range, through the same worker.
    QList<double> baseline;
    for (int run = 0; run < repeat; ++run) {
        QObject done;
        QEventLoop loop;
        QElapsedTimer timer;
        timer.start();
        worker.post<int>(
            [messages](QSqlDatabase& db) {
                QSqlQuery query(db);
                query.prepare(QStringLiteral("SELECT id, direction, text, media, status, "
                                             "error_code, provider, received_at, provider_time "
                                             "FROM messages WHERE id > ? ORDER BY id LIMIT 200"));
                query.addBindValue(messages / 2);
                int n = 0;
                if (query.exec())
                    while (query.next())
                        ++n;
                return n;
            },
            &done, [&loop](int) { loop.quit(); });
        loop.exec();
        baseline.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const double base = median(baseline);
    std::printf("%-46s %8.1f ms\n", "baseline: 200 messages by primary key", base);
    const auto report = [base](const char* what, const QList<double>& times, double target,
                               int rows) {
        const double ms = median(times);
        std::printf("%-46s %8.1f ms  %6.1fx baseline  %s (target %.0f ms)  rows %d\n", what, ms,
                    base > 0 ? ms / base : 0, ms < target ? "ok  " : "SLOW", target, rows);
    };

    // The thread list: a new model, as when the page opens; then each filter.
    struct ListCase
    {
        const char* name;
        ConversationListReader::Filter filter;
    };
    const ListCase lists[] = {
        {"thread list: first rows", {}},
        {"thread list: one number", {QStringLiteral("+14045551007"), false}},
        {"thread list: unread only", {QString(), true}},
        {"thread list: one number, unread only", {QStringLiteral("+14045551007"), true}},
    };
    for (const ListCase& c : lists) {
        QList<double> times;
        int rows = 0;
        for (int run = 0; run < repeat; ++run) {
            ConversationListModel model(worker, clock);
            QListView view; // painted as the page paints it
            view.resize(320, 600);
            view.setModel(&model);
            view.show();
            times.append(timed([&model, &c] { model.setFilter(c.filter); }, &model,
                               SIGNAL(pageLoaded(int))));
            rows = model.rowCount();
        }
        report(c.name, times, 150, rows);
    }
    // Scrolling the list: the next pages.
    {
        QList<double> times;
        ConversationListModel model(worker, clock);
        timed([&model] { model.reload(); }, &model, SIGNAL(pageLoaded(int)));
        for (int run = 0; run < repeat; ++run)
            times.append(timed([&model] { model.fetchMore(QModelIndex()); }, &model,
                               SIGNAL(pageLoaded(int))));
        report("thread list: next page (scrolling)", times, 150, model.rowCount());
    }

    // The longest thread: read, laid out and painted in the pane, as the page shows it.
    {
        const ConversationReader::Thread longest{QStringLiteral("+14045551001"),
                                                 QStringLiteral("+17700000000")};
        QList<double> times;
        int shown = 0;
        for (int run = 0; run < repeat; ++run) {
            ConversationThreadPane pane(worker);
            pane.resize(640, 560);
            pane.show();
            pane.setThread(longest);
            times.append(timed([&pane] { pane.showNewest(); }, &pane, SIGNAL(newestShown())));
            pane.view()->list()->viewport()->repaint();
            shown = int(pane.view()->messages().size());
        }
        report("thread of 50,000 messages: opened", times, 100, shown);
        QList<double> earlier;
        ConversationThreadPane pane(worker);
        pane.resize(640, 560);
        pane.show();
        pane.setThread(longest);
        timed([&pane] { pane.showNewest(); }, &pane, SIGNAL(newestShown()));
        for (int run = 0; run < repeat; ++run) {
            earlier.append(timed(
                [&pane] {
                    // As a click on "Load earlier messages" asks.
                    Q_EMIT pane.view()->earlierRequested(
                        ConversationReader::Cursor::of(pane.view()->messages().constFirst()));
                },
                &pane, SIGNAL(messagesChanged())));
        }
        report("thread of 50,000 messages: earlier page", earlier, 100,
               int(pane.view()->messages().size()));
    }

    // Search: a common word, a rare one, two words, a prefix, nothing.
    struct SearchCase
    {
        const char* name;
        QString query;
    };
    const SearchCase searches[] = {
        {"search: a common word", QStringLiteral("pickup")},
        {"search: a rare word", QStringLiteral("zeppelin")},
        {"search: two words", QStringLiteral("invoice friday")},
        {"search: a prefix as typed", QStringLiteral("deliv")},
        {"search: one message (its number)", QStringLiteral("#%1").arg(messages / 3 + 1)},
        {"search: no such word", QStringLiteral("supercalifragilistic")},
    };
    for (const SearchCase& c : searches) {
        QList<double> times;
        int rows = 0;
        for (int run = 0; run < repeat; ++run) {
            MessageSearchModel model(worker, clock);
            times.append(
                timed([&model, &c] { model.setQuery(c.query); }, &model, SIGNAL(pageLoaded(int))));
            rows = model.rowCount();
        }
        report(c.name, times, 200, rows);
    }

    const qint64 peak = statusKb("VmHWM:");
    std::printf("%-46s %8.1f MB  (%s, target 250 MB; %.1f MB before the worker and the views)\n",
                "peak resident memory", peak / 1024.0, peak / 1024.0 < 250 ? "ok" : "HIGH",
                rssBefore / 1024.0);

    if (rate > 0) {
        const bool ran = livePhase(path, rate, liveSeconds, threads);
        // The live messages go again (the triggers undo their threads and index rows): the
        // store is reused only while it holds the N messages of the fill.
        QSqlQuery query(database.connection());
        if (!exec(query, QStringLiteral("DELETE FROM messages WHERE id > %1").arg(messages)))
            return 1;
        query.finish();
        if (!ran)
            return 1;
        const qint64 livePeak = statusKb("VmHWM:");
        std::printf("%-46s %8.1f MB  (with the window open and under load)\n",
                    "peak resident memory", livePeak / 1024.0);
    }

    if (writerJobs > 0) {
        // The triggers' cost on the listener's path, same run, same kind of store.
        double seconds[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            QTemporaryDir writerDir;
            Database store(
                DatabaseConfig::sqlite(writerDir.filePath(QStringLiteral("writer.sqlite"))));
            if (!store.open(&error)) {
                std::fprintf(stderr, "bench: %s\n", qPrintable(error));
                return 1;
            }
            if (i == 1) {
                QSqlQuery query(store.connection());
                for (const char* trigger :
                     {"messages_conversation_insert", "messages_conversation_status",
                      "messages_conversation_delete", "messages_fts_insert", "messages_fts_delete",
                      "messages_fts_update"}) {
                    if (!exec(query, QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))))
                        return 1;
                }
            }
            seconds[i] = writerRun(store, writerJobs);
        }
        std::printf("writer: %d jobs with the triggers %.2f s (%.0f/s), without %.2f s (%.0f/s): "
                    "%+.0f%% time\n",
                    writerJobs, seconds[0], writerJobs / seconds[0], seconds[1],
                    writerJobs / seconds[1], (seconds[0] / seconds[1] - 1) * 100);
    }
    return 0;
}
