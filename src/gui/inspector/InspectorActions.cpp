#include "InspectorActions.h"

#include "AppContext.h"
#include "FaultDrillDialog.h"
#include "ListenerController.h"
#include "SendTestWebhookDialog.h"
#include "TestWebhookSender.h"
#include "listener/ListenerEvent.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "store/RequestCurlCommand.h"
#include "store/RequestLogReader.h"
#include "widgets/PageAction.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QWidget>
#include <memory>
#include <optional>
#include <utility>

namespace smsdesk {

namespace {

// The whole body: the reader's preview limit above the listener's body limit.
constexpr int kWholeBodyBytes = 64 * 1024 * 1024;

} // namespace

InspectorActions::InspectorActions(AppContext& context, ListenerController& listener, QWidget* page)
    : QObject(page), m_context(context), m_listener(listener), m_page(page),
      m_sender(new TestWebhookSender(context, this))
{
    m_copyCurlAction =
        PageAction::makeWindowAction(page, QStringLiteral("copyCurl"), tr("Copy as &curl"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                     tr("Copy the selected request as a curl command (%1)"));
    m_replayAction = PageAction::makeWindowAction(
        page, QStringLiteral("replayRequest"), tr("&Replay"), QKeySequence(Qt::CTRL | Qt::Key_R),
        tr("Send the selected request again to the running listener, with its number's "
           "credentials from the keychain, and show what it answers (%1)"));
    m_testWebhookAction = PageAction::makeWindowAction(
        page, QStringLiteral("sendTestWebhook"), tr("Send &test webhook…"),
        QKeySequence(Qt::CTRL | Qt::Key_T),
        tr("Send a webhook in a number's provider's format to the running listener (%1)"));
    m_drillAction = PageAction::makeWindowAction(
        page, QStringLiteral("faultDrill"), tr("Fault &drill…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        tr("For administrators: make the listener answer webhooks with 500 or not at all, on "
           "purpose, to watch the provider retry and fall back (%1)"));
    m_copyCurlAction->setIcon(ThemeIcon::icon(ThemeIcon::Copy));
    m_replayAction->setIcon(ThemeIcon::icon(ThemeIcon::Replay));
    m_testWebhookAction->setIcon(ThemeIcon::icon(ThemeIcon::Send));
    m_drillAction->setIcon(ThemeIcon::icon(ThemeIcon::Warning));
    connect(&m_listener, &ListenerController::stateChanged, this, &InspectorActions::updateEnabled);
    connect(&m_listener, &ListenerController::drillChanged, this, [this](const FaultDrill& drill) {
        const QString text = drillText(drill);
        m_drillAction->setText(text.isEmpty() ? tr("Fault &drill…") : tr("Fault &drill (active)…"));
        // "Fault drill started" may still be in the status bar: say it is over.
        const bool drilling = drill.mode != FaultDrill::Mode::Off;
        if (std::exchange(m_drilling, drilling) && !drilling)
            Q_EMIT statusMessage(tr("Fault drill ended: webhooks are answered as usual again"));
        Q_EMIT drillChanged(text);
    });
    m_drilling = listener.drill().mode != FaultDrill::Mode::Off;
    if (m_drilling)
        m_drillAction->setText(tr("Fault &drill (active)…"));
    updateEnabled();
}

InspectorActions::~InspectorActions() = default;

bool InspectorActions::isRunning() const
{
    return m_listener.state() == ListenerController::State::Running;
}

void InspectorActions::setCurrentRequest(qint64 id)
{
    m_currentId = id;
    updateEnabled();
}

void InspectorActions::updateEnabled()
{
    const bool running = isRunning();
    m_copyCurlAction->setEnabled(m_currentId != 0);
    m_replayAction->setEnabled(running && m_currentId > 0);
    m_replayAction->setStatusTip(running ? QString() : tr("The listener is not running"));
    m_testWebhookAction->setEnabled(running);
    m_drillAction->setEnabled(running);
}

void InspectorActions::copyAsCurl(const RequestLogEntry& entry, const QString& baseUrl)
{
    QGuiApplication::clipboard()->setText(RequestCurlCommand::build(entry, baseUrl));
    Q_EMIT statusMessage(tr("Copied the request as a curl command"));
}

// --- fault drill ---

void InspectorActions::startFaultDrill()
{
    if (!isRunning())
        return;
    auto* dialog = new FaultDrillDialog(m_context.clock(), m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_listener.setDrill(dialog->drill());
        Q_EMIT statusMessage(tr("Fault drill started"));
    });
    dialog->open();
}

void InspectorActions::stopFaultDrill()
{
    m_listener.setDrill(FaultDrill());
}

QString InspectorActions::drillText(const FaultDrill& drill)
{
    if (drill.mode == FaultDrill::Mode::Off)
        return {};
    const QString what = drill.mode == FaultDrill::Mode::Error
                             ? tr("webhooks are stored, then answered 500")
                             : tr("webhooks are stored but not answered");
    return tr("<b>Fault drill active</b> \u2014 %1 (%2). The provider will retry them: the "
              "retries show as duplicates.")
        .arg(what.toHtmlEscaped(), FaultDrillDialog::remainingText(drill).toHtmlEscaped());
}

// --- replay and test webhooks ---

void InspectorActions::replay(qint64 id)
{
    if (id <= 0 || !isRunning())
        return;
    const QUrl url(m_listener.url());
    const Clock* clock = &m_context.clock();
    struct Read
    {
        std::optional<RequestLogEntry> entry;
        std::optional<NumberRecord> number;
        QString error;
    };
    Q_EMIT started(tr("Replaying request #%1…").arg(id));
    m_context.worker().post<Read>(
        [id, clock](QSqlDatabase& db) {
            Read read;
            const RequestLogReader reader(db, kWholeBodyBytes);
            read.entry = reader.find(id);
            read.error = reader.lastError();
            if (read.entry && read.entry->numberId > 0) {
                const NumberRepository numbers(db, *clock);
                read.number = numbers.find(read.entry->numberId);
            }
            return read;
        },
        this,
        [this, id, url](Read read) {
            if (!read.entry) {
                showError(
                    tr("Could not replay request #%1: %2")
                        .arg(id)
                        .arg(read.error.isEmpty() ? tr("it is no longer stored") : read.error));
                return;
            }
            const RequestLogEntry entry = *read.entry;
            // A request refused for its credential is sent again without one: the same
            // refusal, not a different answer.
            const bool refusedAuth = entry.outcome == ListenerEvent::refusedAuth();
            const bool token = entry.target.contains(QLatin1String("[token]"));
            const QString e164 = read.number ? read.number->e164 : QString();
            const bool authorization = read.number && read.number->hasAuthHeader && !refusedAuth;
            auto send = [this, entry, url](const RequestReplayer::Secrets& secrets,
                                           const QString& error) {
                if (!error.isEmpty()) {
                    showError(tr("Could not replay request #%1: the keychain did not give its "
                                 "number's credential (%2)")
                                  .arg(entry.id)
                                  .arg(error));
                    return;
                }
                m_sender->replayer().replay(entry, url, secrets,
                                            [this](const RequestReplayer::Result& result) {
                                                showResult(tr("Replayed"), result);
                                            });
            };
            if (e164.isEmpty())
                send({}, QString());
            else
                m_sender->readSecrets(e164, authorization, token && read.number->hasPathToken(),
                                      send);
        });
}

void InspectorActions::sendTestWebhook(const QList<NumberRecord>& numbers, qint64 numberId)
{
    if (!isRunning())
        return;
    auto* dialog = new SendTestWebhookDialog(numbers, m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (numberId > 0)
        dialog->setNumberId(numberId);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<NumberRecord> number = dialog->number())
            sendTestWebhookFor(*number, dialog->kind());
    });
    dialog->open();
}

void InspectorActions::sendTestWebhookFor(const NumberRecord& number, WebhookSample::Kind kind)
{
    if (!isRunning())
        return;
    Q_EMIT started(tr("Sending a test webhook for %1…").arg(number.e164));
    m_sender->send(number, kind, QUrl(m_listener.url()),
                   [this](const RequestReplayer::Result& result, const QString& error) {
                       if (!error.isEmpty())
                           showError(error);
                       else
                           showResult(tr("Test webhook"), result);
                   });
}

void InspectorActions::showResult(const QString& what, const RequestReplayer::Result& result)
{
    Q_EMIT finished(result, TestWebhookSender::resultText(what, result));
}

void InspectorActions::showError(const QString& text)
{
    RequestReplayer::Result result;
    result.error = text;
    Q_EMIT finished(result, text);
}

} // namespace smsdesk
