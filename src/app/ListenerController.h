#pragma once

#include "listener/FaultDrill.h"
#include "listener/ListenerEvent.h"
#include "listener/ListenerService.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace smsdesk {

class AppContext;
class DatabaseWorker;
class MessageWriter;
class Settings;

// The webhook listener of the GUI process: a MessageWriter and a ListenerService, the service
// (its HttpServer, WebhookListener and number loader, with a DatabaseWorker of its own) on a
// thread of its own so that neither parsing requests nor a burst of traffic ever stalls the
// window. Everything here is called on the GUI thread and answers asynchronously: start()
// goes Starting, then Running once the numbers are loaded (or Failed with the reason: the
// port is in use, permission denied …); stop() goes Stopping, answers what is in flight and
// then Stopped. Live requests come back as requestHandled() on the GUI thread.
class ListenerController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Starting, // bound, loading the numbers (webhooks are answered 503 meanwhile)
        Running,
        Stopping, // not accepting; answering the requests in flight
        Failed,   // failureReason() says why
    };
    Q_ENUM(State)

    // How to run the listener: where, and the service's options.
    struct Config
    {
        QString listen = QStringLiteral("127.0.0.1:8080"); // as typed: HOST:PORT
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = ListenerService::DefaultPort;
        ListenerService::Options options;
    };

    // Values given on the command line (`smsdesk --headless`); a null string takes the
    // setting instead.
    struct Overrides
    {
        QString listen;        // --listen
        QString unassigned;    // --unassigned
        QString retentionDays; // --retention-days
    };

    static constexpr int DefaultRateWindowMs = 5000;
    static constexpr int RateIntervalMs = 500; // requestsPerSecondChanged() at most 2× a second

    // The listener's configuration from the settings listener/listen (default
    // 127.0.0.1:8080), listener/unassigned (keep|refuse, default keep) and
    // listener/retentionDays (default 30; 0 keeps the request log forever), each overridden by
    // its command-line value when given. False with a sentence naming the option or setting
    // when a value is not usable. defaultRegion is left to the caller (AppContext).
    static bool optionsFromSettings(const Settings& settings, const Overrides& overrides,
                                    Config* config, QString* error);

    // `context` must outlive the controller. Without a config, every start() reads the
    // settings again (and the region from `context`).
    explicit ListenerController(AppContext& context, QObject* parent = nullptr);
    ListenerController(AppContext& context, const Config& config, QObject* parent = nullptr);
    // Closes the listener at once (connections dropped, nothing more answered), ends its
    // thread and drains the writer: blocks, for shutdown.
    ~ListenerController() override;

    // Values from the command line (the window's --listen …) that win over the settings at
    // every start(); none by default.
    void setOverrides(const Overrides& overrides) { m_overrides = overrides; }
    const Overrides& overrides() const { return m_overrides; }

    State state() const { return m_state; }
    // Why the last start failed; empty unless state() is Failed.
    QString failureReason() const { return m_failureReason; }
    // "http://127.0.0.1:8080" while bound (Starting, Running, Stopping); empty otherwise.
    QString url() const { return m_url; }
    // The address it listens on, or will listen on at the next start(), as configured.
    QString listenAddress() const;
    // Requests handled per second over the last rateWindowMs() (shorter just after a start).
    double requestsPerSecond() const { return m_rate; }
    int rateWindowMs() const { return m_rateWindowMs; }
    void setRateWindowMs(int ms);

    // The fault drill in force in the listener, as it last said (Mode::Off when none; a
    // stopped listener has none). drillChanged() follows every change the listener makes.
    FaultDrill drill() const { return m_drill; }

    // The store writer every webhook goes through (alive as long as the controller).
    MessageWriter& writer() { return *m_writer; }

    static QString stateText(State state);

public Q_SLOTS:
    void start();
    void stop();
    // Stops (answering what is in flight) and starts again with the settings as they are
    // now; starts at once when stopped or failed.
    void restart();
    // Reads the numbers again (after they were edited), when running.
    void reloadNumbers();
    // Starts (or, with Mode::Off, ends) a fault drill in the running listener; drillChanged()
    // follows once the listener took it. Ignored unless the listener is Starting or Running.
    void setDrill(const smsdesk::FaultDrill& drill);

Q_SIGNALS:
    void stateChanged(smsdesk::ListenerController::State state);
    void requestHandled(const smsdesk::ListenerEvent& event);
    // A "Check my public URL" probe reached this listener (WebhookListener::ProbeHeader): its
    // one-time token and the route it answered.
    void probeReceived(const QString& token, const QString& route);
    void warning(const QString& message);
    void numbersLoaded(int count);
    void requestsPerSecondChanged(double rate);
    // A stop() finished: every request in flight was answered.
    void stopped();
    // The listener started, counted or ended a fault drill (drill.mode Off: none is active).
    void drillChanged(const smsdesk::FaultDrill& drill);

private:
    void init();
    void setState(State state);
    void fail(const QString& reason);
    void onListening(quint64 generation, const QString& url);
    void onReady(quint64 generation);
    void onStartFailed(quint64 generation, const QString& reason);
    void onStopped(quint64 generation);
    void onRequestHandled(const ListenerEvent& event);
    void onDrillChanged(quint64 generation, const FaultDrill& drill);
    void clearDrill();
    void countRequest();
    void updateRate();
    // Runs `job` on the listener thread (queued).
    void onListenerThread(std::function<void()> job);
    // Listener thread only.
    void createService(const Config& config, quint64 generation);
    void stopService();
    void destroyService();

    AppContext& m_context;
    std::optional<Config> m_fixedConfig;
    Overrides m_overrides;
    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<QThread> m_thread;
    QObject* m_threadContext = nullptr; // lives in m_thread

    // GUI thread.
    State m_state = State::Stopped;
    QString m_failureReason;
    QString m_url;
    QString m_listen; // the address of the last start, as configured
    FaultDrill m_drill;
    quint64 m_generation = 0;
    bool m_restartWhenStopped = false;

    // Requests per second: counts per RateIntervalMs slot over the window.
    QElapsedTimer m_rateClock;
    qint64 m_runningSinceMs = 0;
    QList<QPair<qint64, int>> m_rateSlots; // (slot number, requests), oldest first
    QTimer m_rateTimer;
    int m_rateWindowMs = DefaultRateWindowMs;
    double m_rate = 0;

    // Listener thread.
    DatabaseWorker* m_listenerWorker = nullptr;
    ListenerService* m_service = nullptr;
};

} // namespace smsdesk
