#pragma once

#include "InspectorActions.h"
#include "InspectorExports.h"
#include "conversations/ConversationDialog.h"
#include "listener/RequestReplayer.h"
#include "providers/samples/WebhookSample.h"
#include "store/NumberRecord.h"
#include "store/RequestLogReader.h"

#include <QList>
#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QMenu;
class QTableView;
class QToolButton;

namespace Ui {
class InspectorPage;
}

namespace smsdesk {

class AppContext;
class ConversationOpener;
class InspectorFilterBar;
class ListenerController;
class MessageTimelineView;
class ProviderRegistry;
class RequestDetailPane;
class RequestLogModel;

// The Inspector: every webhook request, live. The listener's bar (InspectorListenerBar),
// the filters (InspectorFilterBar, remembered in the Settings), the request table newest
// first with a pause, and the selected request in full in the detail pane below, with its
// message's timeline next to it. The page wires them: it keeps the rows in view in place while
// live rows come in, loads the detail and the timeline of the selected request, and hands the
// actions on a request to InspectorActions and exports to InspectorExports. Every read goes
// through the DatabaseWorker; the GUI thread never waits on the store.
class InspectorPage : public QWidget
{
    Q_OBJECT

public:
    // Asks where to save an export; an empty path cancels. Replaceable for tests.
    using SavePathChooser = InspectorExports::SavePathChooser;

    InspectorPage(AppContext& context, ListenerController& listener, QWidget* parent = nullptr);
    ~InspectorPage() override;

    RequestLogModel* model() const { return m_model; }
    QTableView* view() const;
    // The pane that shows the selected request in full.
    RequestDetailPane* detailPane() const { return m_detailPane; }
    // The filters above the table.
    InspectorFilterBar* filterBar() const;
    void setSavePathChooser(SavePathChooser chooser)
    {
        m_exports->setSavePathChooser(std::move(chooser));
    }

    // What the filter widgets say now (a relative time range counted back from now).
    RequestLogFilter currentFilter() const;
    // The id of the request under the cursor; 0 when none.
    qint64 currentId() const;
    // The message the request under the cursor stored; 0 when none.
    qint64 currentMessageId() const;
    void selectRequest(qint64 id);
    // Selects request `id` when it is listed, and shows it in the detail pane either way (the
    // Failures page's "Open request": it may be filtered out or not read yet).
    void openRequest(qint64 id);
    // The id of the entry the detail pane shows; 0 when none.
    qint64 shownId() const { return m_shownId; }

    // The menu actions, by purpose (also found by object name).
    QAction* pauseAction() const { return m_pauseAction; }
    // Shows or folds away the detail pane and the timeline (checked: shown).
    QAction* detailsAction() const { return m_detailsAction; }
    QAction* copyCurlAction() const { return m_actions->copyCurlAction(); }
    QAction* exportSelectionAction() const { return m_exports->exportSelectionAction(); }
    QAction* exportFilteredAction() const { return m_exports->exportFilteredAction(); }
    QMenu* copyUrlMenu() const;
    QAction* faultDrillAction() const { return m_actions->faultDrillAction(); }
    QAction* replayAction() const { return m_actions->replayAction(); }
    QAction* testWebhookAction() const { return m_actions->testWebhookAction(); }
    // Opens the conversation of the selected request's message (Ctrl+O).
    QAction* conversationAction() const { return m_conversationAction; }
    // The timeline of the selected request's message, next to the detail pane.
    MessageTimelineView* timelineView() const { return m_timelineView; }
    // What the last replay or test webhook did, as the page says it.
    QString actionResultText() const;

public Q_SLOTS:
    // Re-reads the numbers (for the number filter and the webhook URLs).
    void reloadNumbers();
    // Applies the filter widgets now (the text is otherwise applied
    // InspectorFilterBar::TextDebounceMs after the last keystroke).
    void applyFilter();
    void copyAsCurl();
    void exportSelection() { m_exports->exportSelection(); }
    void exportFiltered() { m_exports->exportFiltered(); }
    // Opens the fault drill dialog (the listener must be running).
    void startFaultDrill();
    // Ends the fault drill in force.
    void stopFaultDrill();
    // Sends the selected request again to the running listener, with its number's secrets
    // read from the keychain; actionFinished() follows.
    void replaySelected();
    // Opens the dialog that sends a test webhook for a chosen number.
    void sendTestWebhook();
    // Sends a test webhook of `kind` for `number` to the running listener; actionFinished()
    // follows.
    void sendTestWebhookFor(const smsdesk::NumberRecord& number, smsdesk::WebhookSample::Kind kind);
    // Opens the conversation of the selected request's message (its stored message), with the
    // message highlighted.
    void openSelectedConversation();
    // Opens a ConversationDialog for the thread of message `messageId`, or raises the one
    // open for that thread, and shows the message highlighted in it; conversationOpened()
    // follows, or the page says why not.
    void openConversation(qint64 messageId);

Q_SIGNALS:
    // The detail pane shows the whole entry `id` (read from the store).
    void entryShown(qint64 id);
    // The numbers were read (the number filter and the URL menu are up to date).
    void numbersReloaded();
    // Something to tell the user in passing (the window's status bar).
    void statusMessage(const QString& text);
    // An export finished: `rows` written to `path`, or `error`.
    void exportFinished(const QString& path, int rows, const QString& error);
    // A replay or a test webhook was answered (or failed: result.error, or a keychain or
    // sample error in result.error with status 0).
    void actionFinished(const smsdesk::RequestReplayer::Result& result);
    // The timeline pane shows the message of request `id` (or nothing: it has none).
    void timelineShown(qint64 id);
    // The panes were read again for request `id` once its response was logged (the listener
    // answered, and the list showed it, before the store had it).
    void responseShown(qint64 id);
    // `dialog` was opened (or raised) for the thread of message `messageId`.
    void conversationOpened(smsdesk::ConversationDialog* dialog, qint64 messageId);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void setUpTable();
    void setUpActions();
    void setUpSplitters();
    void setDetailsShown(bool shown);
    // The action bar's buttons: words beside their icons while there is room, else icons alone.
    QList<QToolButton*> actionButtons() const;
    // Lists what the filters let through (the selected request stays selected when listed).
    void showFiltered();
    void setNumbers(const QList<NumberRecord>& numbers);
    void showListenerMessage(const QString& text, bool error);
    void showDrill(const QString& text);
    void updatePauseText();
    void updateCountLabel();
    void updateActions();
    void currentRowChanged();
    // Shows request `id` in the detail pane and its message's timeline next to it; 0: none.
    void showRequest(qint64 id);
    void waitForResponse(qint64 id);
    void loadDetail(qint64 id);
    void beforeRowsInserted(int first);
    void afterRowsInserted(int first, int last);
    void loadTimeline(qint64 id);
    // `text` in place of the timeline; empty: the timeline (or its placeholder).
    void showTimelineNote(const QString& text);
    void fetchNewerIfNear();
    // Sizes the columns to the first rows listed, once, unless the user's were restored.
    void fitColumnsOnce();
    void onTimelineActivated(qint64 id);
    // Selects the row m_selectWhenListed once the list has it.
    void selectPendingRow();
    void showActionText(const QString& text);
    // Says `text` in the action bar (all of it in its tooltip) and the status bar.
    void showNote(const QString& text);
    void actionDone(const RequestReplayer::Result& result, const QString& text);

    std::unique_ptr<Ui::InspectorPage> m_ui;
    AppContext& m_context;
    ListenerController& m_listener;
    std::unique_ptr<ProviderRegistry> m_providers;
    RequestLogModel* m_model = nullptr;
    RequestDetailPane* m_detailPane = nullptr;
    InspectorActions* m_actions = nullptr;
    ConversationOpener* m_conversations = nullptr;
    InspectorExports* m_exports = nullptr; // the two export actions

    QAction* m_pauseAction = nullptr;
    QAction* m_conversationAction = nullptr;
    QAction* m_detailsAction = nullptr;
    int m_foldedDetailHeight = 0; // the detail pane's height before it was folded away
    MessageTimelineView* m_timelineView = nullptr;
    qint64 m_selectWhenListed = 0; // a replayed or test request: selected once it is listed
    quint64 m_timelineGeneration = 0;

    QList<NumberRecord> m_numbers;

    // Keeping the rows in view in place while live rows are inserted above them.
    struct Anchor
    {
        bool active = false;
        int scrollValue = 0;
    } m_anchor;
    qint64 m_reselectId = 0;  // to select again once a reloaded list has it
    int m_removalScroll = -1; // the scroll position before rows at the top were let go
    bool m_fitColumns = false;
    int m_wordsWidth = 0;    // the page's width from which the action buttons show their words
    int m_responseWaits = 0; // reads of the shown request while its response was not logged

    quint64 m_detailGeneration = 0;
    qint64 m_shownId = 0;
    std::unique_ptr<RequestLogEntry> m_shownEntry; // the whole entry in the detail pane
};

} // namespace smsdesk
