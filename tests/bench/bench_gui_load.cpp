// The window under webhook load: SMS Desk's main window with the Inspector open and its
// listener running, while wrk posts distinct onCloud webhooks at it as fast as it answers (every
// one stored, every one a live row). A timer on the GUI thread ticks every 5 ms; a gap between
// ticks is an event-loop stall. Prints the load's rate, the longest stall and the 99th
// percentile gap under load next to the same figures measured idle in the same run (the
// baseline), how many live rows reached the list, and the process's peak resident memory.
//
//   bench_gui_load [--seconds S] [--connections C] [--inject N] [--script tests/bench/webhook.lua]
//
// Targets (issue "Inspector"): at 5,000 requests per second the GUI thread never stalls over
// 50 ms and the process stays under 300 MB. Where the listener cannot take 5,000 per second on
// the machine, the load is the most it takes (wrk waits for each answer) and the rate says so;
// a third phase then gives the window what 5,000 requests per second would give it (--inject
// N: N listener events per second, posted from another thread to the controller's
// requestHandled(), the way the listener's queued signals arrive), without the network, and a
// fourth phase both at once: wrk again, plus the events that make up the rest of N per second.
// Needs wrk; runs offscreen unless QT_QPA_PLATFORM says otherwise.

#include "AppContext.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "StallProbe.h"
#include "inspector/InspectorPage.h"
#include "inspector/RequestLogModel.h"
#include "listener/ListenerEvent.h"
#include "store/Database.h"
#include "store/NumberRecord.h"
#include "store/NumberRepository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace smsdesk;
using bench::StallProbe;

namespace {

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double peakResidentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression peak(QStringLiteral("^VmHWM:\\s+(\\d+) kB"),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = peak.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : 0;
}

// Posts `rate` listener events per second to the controller's requestHandled() from a thread
// of its own, the way the listener's queued signals arrive. With `realEvents`, that many events
// count as posted already: the injector only makes up the rest of the rate.
class EventInjector
{
public:
    explicit EventInjector(ListenerController& listener) : m_listener(listener)
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(10);
        m_ticker.moveToThread(&m_thread);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { postDue(); });
        QObject::connect(&m_thread, &QThread::started, &m_ticker, [this] {
            m_since.start();
            m_ticker.start();
        });
    }
    ~EventInjector() { stop(); }

    void start(int rate, const std::atomic<int>* realEvents = nullptr)
    {
        m_rate = rate;
        m_realEvents = realEvents;
        m_posted = 0;
        m_thread.start();
    }
    void stop()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(&m_ticker, &QTimer::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    int posted() const { return m_posted; }

private:
    // As many events as are due by now: a steady rate.
    void postDue()
    {
        const qint64 due =
            m_since.elapsed() * m_rate / 1000 - (m_realEvents ? m_realEvents->load() : 0);
        for (; m_posted < due; ++m_posted) {
            ListenerEvent event;
            event.requestLogId = m_nextId++;
            event.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
            event.peer = QStringLiteral("203.0.113.9:40000");
            event.method = QStringLiteral("POST");
            event.target = QStringLiteral("/webhooks/oncloud");
            event.provider = QStringLiteral("oncloud");
            event.did = QStringLiteral("+14045559999");
            event.remote = QStringLiteral("+17705551234");
            event.outcome = ListenerEvent::accepted();
            event.status = 200;
            event.latencyUs = 1500;
            ListenerController* listener = &m_listener;
            QMetaObject::invokeMethod(
                listener, [listener, event] { Q_EMIT listener->requestHandled(event); },
                Qt::QueuedConnection);
        }
    }

    ListenerController& m_listener;
    QThread m_thread;
    QTimer m_ticker;
    QElapsedTimer m_since;
    int m_rate = 0;
    const std::atomic<int>* m_realEvents = nullptr;
    int m_posted = 0;
    qint64 m_nextId = 1'000'000'000;
};

// wrk against the listener for `seconds`, the event loop running meanwhile.
struct WrkRun
{
    double rate = 0;
    QString non2xx = QStringLiteral("0");
    bool started = false;
};

WrkRun runWrk(const QString& url, int seconds, const QString& connections, const QString& script,
              const QString& tag)
{
    WrkRun run;
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c") + connections,
               QStringLiteral("-d%1s").arg(seconds), QStringLiteral("-s"), script,
               url + QStringLiteral("/webhooks/oncloud"), QStringLiteral("--"), tag});
    if (!wrk.waitForStarted(5000))
        return run;
    run.started = true;
    while (wrk.state() != QProcess::NotRunning)
        spin(50);
    const QString output = QString::fromLocal8Bit(wrk.readAll());
    const QRegularExpressionMatch rate =
        QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(output);
    const QRegularExpressionMatch non2xx =
        QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(output);
    run.rate = rate.hasMatch() ? rate.captured(1).toDouble() : 0;
    if (non2xx.hasMatch())
        run.non2xx = non2xx.captured(1);
    return run;
}

void printGaps(const char* what, const StallProbe& probe, double idleMax)
{
    std::printf("GUI thread, %s: longest gap %.1f ms (%.1fx baseline), p99 %.1f ms, %d gaps over "
                "50 ms  %s\n",
                what, probe.max(), idleMax > 0 ? probe.max() / idleMax : 0, probe.percentile(0.99),
                probe.over(50), probe.max() <= 50 ? "ok" : "STALL");
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("smsdesk-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk-bench"));
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The window under webhook load"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds of load (and half idle)."),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
                                               QStringLiteral("wrk connections."),
                                               QStringLiteral("C"), QStringLiteral("32"));
    const QCommandLineOption scriptOption(
        QStringLiteral("script"), QStringLiteral("The wrk script (webhook.lua)."),
        QStringLiteral("FILE"), QStringLiteral("tests/bench/webhook.lua"));
    const QCommandLineOption injectOption(QStringLiteral("inject"),
                                          QStringLiteral("Listener events per second in the "
                                                         "third phase (0: no third phase)."),
                                          QStringLiteral("N"), QStringLiteral("5000"));
    parser.addOptions({secondsOption, connectionsOption, scriptOption, injectOption});
    parser.process(app);
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    if (!QFile::exists(parser.value(scriptOption))) {
        std::fprintf(stderr, "bench: no wrk script at %s (run from the source tree)\n",
                     qPrintable(parser.value(scriptOption)));
        return 1;
    }

    AppContext context;
    context.settings().setListen(QStringLiteral("127.0.0.1:0"));
    context.settings().setAutostart(true);
    QString error;
    if (!context.open(home.filePath(QStringLiteral("bench.sqlite")), &error)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return 1;
    }
    {
        NumberRecord number;
        number.e164 = QStringLiteral("+14045559999");
        number.provider = QStringLiteral("oncloud");
        number.label = QStringLiteral("Bench");
        NumberRepository repository(context.database().connection(), context.clock());
        if (!repository.insert(number)) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(repository.lastError()));
            return 1;
        }
    }

    MainWindow window(context);
    window.resize(1280, 860);
    window.show();
    window.showPage(window.inspectorPage());
    ListenerController& listener = *window.listener();
    QElapsedTimer wait;
    wait.start();
    while (listener.state() != ListenerController::State::Running && wait.elapsed() < 10'000)
        spin(20);
    if (listener.state() != ListenerController::State::Running) {
        std::fprintf(stderr, "bench: the listener did not start: %s\n",
                     qPrintable(listener.failureReason()));
        return 1;
    }
    RequestLogModel& model = *window.inspectorPage()->model();

    StallProbe probe;
    probe.start();
    spin(seconds * 500);
    probe.stop();
    const double idleMax = probe.max();
    const double idleP99 = probe.percentile(0.99);

    int liveRows = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted,
                     [&liveRows](const QModelIndex&, int first, int last) {
                         if (first == 0)
                             liveRows += last - first + 1;
                     });
    const QString connections = parser.value(connectionsOption);
    const QString script = parser.value(scriptOption);
    probe.start();
    const WrkRun load = runWrk(listener.url(), seconds, connections, script, QStringLiteral("gui"));
    if (!load.started) {
        std::fprintf(stderr, "bench: wrk did not start (apt-get install wrk)\n");
        return 1;
    }
    spin(500); // the last live rows
    probe.stop();
    std::printf("load: %.0f webhooks/s for %d s over %s connections, %s non-2xx\n", load.rate,
                seconds, qPrintable(connections), qPrintable(load.non2xx));
    std::printf("GUI thread, idle (baseline): longest gap %.1f ms, p99 %.1f ms\n", idleMax,
                idleP99);
    printGaps("under load", probe, idleMax);
    std::printf("live rows inserted: %d (the list holds %d)\n", liveRows, model.rowCount());

    const int inject = parser.value(injectOption).toInt();
    if (inject > 0) {
        // Third phase: the events of N requests per second, without the network.
        liveRows = 0;
        EventInjector injector(listener);
        probe.start();
        injector.start(inject);
        spin(seconds * 1000);
        injector.stop();
        spin(500);
        probe.stop();
        printGaps(qPrintable(QStringLiteral("%1 events/s posted (%2 in %3 s)")
                                 .arg(inject)
                                 .arg(injector.posted())
                                 .arg(seconds)),
                  probe, idleMax);
        std::printf("live rows inserted: %d (the list holds %d)\n", liveRows, model.rowCount());

        // Fourth phase: real webhooks as fast as they are answered, and events for the rest.
        std::atomic<int> realEvents{0};
        const QMetaObject::Connection counting = QObject::connect(
            &listener, &ListenerController::requestHandled, [&realEvents](const ListenerEvent& e) {
                if (e.requestLogId < 1'000'000'000)
                    ++realEvents;
            });
        liveRows = 0;
        EventInjector rest(listener);
        probe.start();
        rest.start(inject, &realEvents);
        const WrkRun mixed =
            runWrk(listener.url(), seconds, connections, script, QStringLiteral("mixed"));
        rest.stop();
        QObject::disconnect(counting);
        spin(500);
        probe.stop();
        printGaps(qPrintable(QStringLiteral("%1 webhooks/s (%2 non-2xx) + %3 events/s posted = "
                                            "%4/s")
                                 .arg(mixed.rate, 0, 'f', 0)
                                 .arg(mixed.non2xx)
                                 .arg(rest.posted() / seconds)
                                 .arg(mixed.rate + rest.posted() / seconds, 0, 'f', 0)),
                  probe, idleMax);
        std::printf("live rows inserted: %d (the list holds %d)\n", liveRows, model.rowCount());
    }
    const double peak = peakResidentMb();
    std::printf("peak resident memory: %.0f MB  %s (target 300 MB)\n", peak,
                peak < 300 ? "ok" : "OVER");
    return 0;
}
