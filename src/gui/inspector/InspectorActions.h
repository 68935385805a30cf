#pragma once

#include "listener/FaultDrill.h"
#include "listener/RequestReplayer.h"
#include "providers/samples/WebhookSample.h"
#include "store/NumberRecord.h"

#include <QList>
#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace smsdesk {

class AppContext;
class ListenerController;
class TestWebhookSender;
struct RequestLogEntry;

// What the Inspector does to a logged request and to its listener: copy a request as a curl
// command, replay a request to the running listener (with its number's credentials read from
// the keychain), send a test webhook in a number's provider's format, and start or stop a
// fault drill. It makes their actions (shortcuts, tooltips; enabled while they can act) and
// does what they do; the page triggers them on what it shows (the selected request, the
// numbers). How it went is signalled: started() while an answer is awaited, finished() with
// the answer or why there is none, drillChanged() for the banner. Its dialogs open over the
// page.
class InspectorActions : public QObject
{
    Q_OBJECT

public:
    // `page` parents this object and the dialogs; `context` and `listener` must outlive it.
    InspectorActions(AppContext& context, ListenerController& listener, QWidget* page);
    ~InspectorActions() override;

    // The actions, owned by the page (found there by object name too); their shortcuts fire
    // anywhere in its window. The page connects what they act on.
    QAction* copyCurlAction() const { return m_copyCurlAction; }
    QAction* replayAction() const { return m_replayAction; }
    QAction* testWebhookAction() const { return m_testWebhookAction; }
    QAction* faultDrillAction() const { return m_drillAction; }
    // The request under the cursor (0: none; below 0: a live row without a log row), which
    // copy as curl and replay act on: enables them.
    void setCurrentRequest(qint64 id);

    // Copies `entry` as a curl command that sends it to `baseUrl` (the listener's).
    void copyAsCurl(const RequestLogEntry& entry, const QString& baseUrl);
    // Sends the stored request `id` again to the running listener; finished() follows.
    void replay(qint64 id);
    // Opens the dialog that sends a test webhook for one of `numbers` (`numberId` chosen first
    // when it is one of them).
    void sendTestWebhook(const QList<NumberRecord>& numbers, qint64 numberId);
    // Sends a test webhook of `kind` for `number` to the running listener; finished() follows.
    void sendTestWebhookFor(const NumberRecord& number, WebhookSample::Kind kind);
    // Opens the fault drill dialog (the listener must be running).
    void startFaultDrill();
    // Ends the fault drill in force.
    void stopFaultDrill();

    // What the banner says about an active drill (rich text); empty when none is active.
    static QString drillText(const FaultDrill& drill);

Q_SIGNALS:
    // A replay or test webhook is on its way: `text` says so.
    void started(const QString& text);
    // A replay or test webhook was answered, or could not be sent (result.error, status 0);
    // `text` says which, in words.
    void finished(const smsdesk::RequestReplayer::Result& result, const QString& text);
    // Something to tell the user in passing.
    void statusMessage(const QString& text);
    // A fault drill started, counted down or ended: `text` for the banner, empty when none
    // is active.
    void drillChanged(const QString& text);

private:
    void showResult(const QString& what, const RequestReplayer::Result& result);
    void showError(const QString& text);
    bool isRunning() const;
    void updateEnabled();

    AppContext& m_context;
    ListenerController& m_listener;
    QWidget* m_page;
    TestWebhookSender* m_sender = nullptr;
    QAction* m_copyCurlAction = nullptr;
    QAction* m_replayAction = nullptr;
    QAction* m_testWebhookAction = nullptr;
    QAction* m_drillAction = nullptr;
    bool m_drilling = false; // a fault drill was active when last told
    qint64 m_currentId = 0;
};

} // namespace smsdesk
