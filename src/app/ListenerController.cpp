#include "ListenerController.h"

#include "AppContext.h"
#include "Settings.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"

#include <QThread>
#include <algorithm>
#include <utility>

namespace smsdesk {

bool ListenerController::optionsFromSettings(const Settings& settings, const Overrides& overrides,
                                             Config* config, QString* error)
{
    Config result;

    // Each value names where it came from, so that an error can say what to fix.
    const bool listenGiven = !overrides.listen.isNull();
    result.listen = listenGiven ? overrides.listen : settings.listen();
    QString reason;
    if (!ListenerService::parseAddress(result.listen, &result.address, &result.port, &reason)) {
        *error = (listenGiven ? QStringLiteral("--listen: ")
                              : tr("setting %1: ").arg(Settings::ListenKey)) +
                 reason;
        return false;
    }

    const bool unassignedGiven = !overrides.unassigned.isNull();
    const QString policy = unassignedGiven ? overrides.unassigned : settings.unassigned();
    if (policy != u"keep" && policy != u"refuse") {
        *error = (unassignedGiven ? QStringLiteral("--unassigned")
                                  : tr("setting %1").arg(Settings::UnassignedKey)) +
                 tr(" takes keep or refuse, not \"%1\"").arg(policy);
        return false;
    }
    result.options.listener.unassigned = policy == u"refuse"
                                             ? WebhookListener::UnassignedPolicy::Refuse
                                             : WebhookListener::UnassignedPolicy::Keep;

    const bool retentionGiven = !overrides.retentionDays.isNull();
    bool ok = true;
    const int days =
        (retentionGiven ? overrides.retentionDays : settings.retentionDays()).toInt(&ok);
    if (!ok || days < 0) {
        *error = (retentionGiven ? QStringLiteral("--retention-days")
                                 : tr("setting %1").arg(Settings::RetentionDaysKey)) +
                 tr(" takes a number of days (0: keep forever)");
        return false;
    }
    result.options.listener.requestLogRetentionDays = days;

    *config = result;
    return true;
}

ListenerController::ListenerController(AppContext& context, QObject* parent)
    : QObject(parent), m_context(context)
{
    init();
}

ListenerController::ListenerController(AppContext& context, const Config& config, QObject* parent)
    : QObject(parent), m_context(context), m_fixedConfig(config)
{
    init();
}

void ListenerController::init()
{
    qRegisterMetaType<ListenerEvent>();
    qRegisterMetaType<FaultDrill>();
    m_writer = std::make_unique<MessageWriter>(m_context.database(), m_context.clock());
    m_rateClock.start();
    m_rateTimer.setInterval(RateIntervalMs);
    connect(&m_rateTimer, &QTimer::timeout, this, &ListenerController::updateRate);
}

ListenerController::~ListenerController()
{
    if (m_thread) {
        QMetaObject::invokeMethod(
            m_threadContext,
            [this] {
                destroyService();
                delete m_listenerWorker;
                m_listenerWorker = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    m_writer->drainAndStop();
}

QString ListenerController::listenAddress() const
{
    if (!m_listen.isEmpty())
        return m_listen;
    if (m_fixedConfig)
        return m_fixedConfig->listen;
    Config config;
    QString error;
    if (optionsFromSettings(m_context.settings(), m_overrides, &config, &error))
        return config.listen;
    return m_overrides.listen.isNull() ? m_context.settings().listen() : m_overrides.listen;
}

void ListenerController::setRateWindowMs(int ms)
{
    m_rateWindowMs = std::max(ms, 1000);
}

QString ListenerController::stateText(State state)
{
    switch (state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting…");
    case State::Running:
        return tr("Running");
    case State::Stopping:
        return tr("Stopping…");
    case State::Failed:
        return tr("Not running");
    }
    return {};
}

void ListenerController::onListenerThread(std::function<void()> job)
{
    if (!m_thread) {
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("smsdesk-listener"));
        m_threadContext = new QObject;
        m_threadContext->moveToThread(m_thread.get());
        connect(m_thread.get(), &QThread::finished, m_threadContext, &QObject::deleteLater);
        m_thread->start();
    }
    QMetaObject::invokeMethod(m_threadContext, std::move(job), Qt::QueuedConnection);
}

void ListenerController::start()
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping)
        return;
    Config config;
    if (m_fixedConfig) {
        config = *m_fixedConfig;
    } else {
        QString error;
        if (!optionsFromSettings(m_context.settings(), m_overrides, &config, &error)) {
            m_listen =
                m_overrides.listen.isNull() ? m_context.settings().listen() : m_overrides.listen;
            fail(error);
            return;
        }
    }
    if (!m_context.defaultRegion().isEmpty())
        config.options.listener.defaultRegion = m_context.defaultRegion();
    m_listen = config.listen;
    m_url.clear();
    m_failureReason.clear();
    const quint64 generation = ++m_generation;
    setState(State::Starting);
    onListenerThread([this, config, generation] { createService(config, generation); });
}

void ListenerController::stop()
{
    m_restartWhenStopped = false;
    if (m_state != State::Starting && m_state != State::Running)
        return;
    setState(State::Stopping);
    onListenerThread([this] { stopService(); });
}

void ListenerController::restart()
{
    switch (m_state) {
    case State::Stopped:
    case State::Failed:
        start();
        return;
    case State::Starting:
    case State::Running:
        stop();
        break;
    case State::Stopping:
        break;
    }
    m_restartWhenStopped = true;
}

void ListenerController::reloadNumbers()
{
    if (m_state != State::Starting && m_state != State::Running)
        return;
    onListenerThread([this] {
        if (m_service)
            m_service->reloadNumbers();
    });
}

void ListenerController::setDrill(const FaultDrill& drill)
{
    if (m_state != State::Starting && m_state != State::Running)
        return;
    onListenerThread([this, drill] {
        if (m_service)
            m_service->listener().setDrill(drill);
    });
}

void ListenerController::createService(const Config& config, quint64 generation)
{
    destroyService(); // none is left by a stop; a failed start leaves none either
    auto report = [this, generation](const QString& error) {
        QMetaObject::invokeMethod(
            this, [this, generation, error] { onStartFailed(generation, error); },
            Qt::QueuedConnection);
    };
    if (!m_listenerWorker)
        m_listenerWorker = new DatabaseWorker(m_context.database());
    if (!m_listenerWorker->isReady()) {
        report(tr("the store cannot be read: %1").arg(m_listenerWorker->openError()));
        delete m_listenerWorker;
        m_listenerWorker = nullptr;
        return;
    }

    auto* service = new ListenerService(*m_writer, *m_listenerWorker, m_context.secrets(),
                                        m_context.clock(), config.options);
    // Signals to this (GUI thread) object are queued.
    connect(service, &ListenerService::requestHandled, this, &ListenerController::onRequestHandled);
    connect(service, &ListenerService::warning, this, &ListenerController::warning);
    connect(service, &ListenerService::probeReceived, this, &ListenerController::probeReceived);
    connect(service, &ListenerService::numbersLoaded, this, &ListenerController::numbersLoaded);
    connect(&service->listener(), &WebhookListener::drillChanged, this,
            [this, generation](const FaultDrill& drill) { onDrillChanged(generation, drill); });
    connect(service, &ListenerService::ready, this, [this, generation] { onReady(generation); });
    connect(service, &ListenerService::stopped, m_threadContext, [this, service, generation] {
        if (m_service == service)
            m_service = nullptr;
        service->deleteLater();
        QMetaObject::invokeMethod(
            this, [this, generation] { onStopped(generation); }, Qt::QueuedConnection);
    });

    QString error;
    if (!service->start(config.address, config.port, &error)) {
        delete service;
        report(error);
        return;
    }
    m_service = service;
    const QString url = service->url();
    QMetaObject::invokeMethod(
        this, [this, generation, url] { onListening(generation, url); }, Qt::QueuedConnection);
}

void ListenerController::stopService()
{
    if (m_service) {
        m_service->stop(); // stopped() follows once every request in flight is answered
        return;
    }
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { onStopped(generation); }, Qt::QueuedConnection);
}

void ListenerController::destroyService()
{
    if (m_service)
        m_service->disconnect(); // its stopped() must not come back from its destructor
    delete m_service;
    m_service = nullptr;
}

void ListenerController::onListening(quint64 generation, const QString& url)
{
    if (generation != m_generation)
        return;
    m_url = url;
    m_runningSinceMs = m_rateClock.elapsed();
    m_rateSlots.clear();
    if (!m_rateTimer.isActive())
        m_rateTimer.start();
    Q_EMIT stateChanged(m_state); // the address is known now
}

void ListenerController::onReady(quint64 generation)
{
    if (generation != m_generation || m_state != State::Starting)
        return;
    setState(State::Running);
}

void ListenerController::onStartFailed(quint64 generation, const QString& reason)
{
    if (generation != m_generation)
        return;
    fail(reason);
}

void ListenerController::onStopped(quint64 generation)
{
    if (generation != m_generation || m_state != State::Stopping)
        return;
    m_url.clear();
    clearDrill();
    setState(State::Stopped);
    Q_EMIT stopped();
    if (std::exchange(m_restartWhenStopped, false))
        start();
}

void ListenerController::fail(const QString& reason)
{
    m_url.clear();
    clearDrill();
    m_failureReason = reason;
    setState(State::Failed);
}

void ListenerController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Failed)
        m_failureReason.clear();
    Q_EMIT stateChanged(state);
}

void ListenerController::onRequestHandled(const ListenerEvent& event)
{
    countRequest();
    Q_EMIT requestHandled(event);
}

void ListenerController::onDrillChanged(quint64 generation, const FaultDrill& drill)
{
    // A drill of a listener since stopped is over.
    if (generation != m_generation || drill == m_drill)
        return;
    m_drill = drill;
    Q_EMIT drillChanged(drill);
}

void ListenerController::clearDrill()
{
    if (m_drill.mode == FaultDrill::Mode::Off)
        return;
    m_drill = FaultDrill();
    Q_EMIT drillChanged(m_drill);
}

void ListenerController::countRequest()
{
    const qint64 slot = m_rateClock.elapsed() / RateIntervalMs;
    if (!m_rateSlots.isEmpty() && m_rateSlots.last().first == slot)
        ++m_rateSlots.last().second;
    else
        m_rateSlots.append({slot, 1});
    if (!m_rateTimer.isActive())
        m_rateTimer.start();
}

void ListenerController::updateRate()
{
    const qint64 now = m_rateClock.elapsed();
    // Slots that ended before the window began are dropped.
    const qint64 windowStart = now - m_rateWindowMs;
    while (!m_rateSlots.isEmpty() &&
           (m_rateSlots.first().first + 1) * RateIntervalMs <= windowStart)
        m_rateSlots.removeFirst();
    int count = 0;
    for (const QPair<qint64, int>& slot : std::as_const(m_rateSlots))
        count += slot.second;
    // Just after a start the window is as long as the listener has run (at least a second).
    const qint64 span =
        std::clamp<qint64>(now - m_runningSinceMs, 1000, static_cast<qint64>(m_rateWindowMs));
    const double rate = count == 0 ? 0.0 : double(count) * 1000.0 / double(span);
    if (!qFuzzyCompare(rate + 1.0, m_rate + 1.0)) {
        m_rate = rate;
        Q_EMIT requestsPerSecondChanged(rate);
    }
    const bool active =
        m_state == State::Starting || m_state == State::Running || m_state == State::Stopping;
    if (!active && m_rate == 0.0)
        m_rateTimer.stop();
}

} // namespace smsdesk
