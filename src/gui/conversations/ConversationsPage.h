#pragma once

#include "ConversationDrafts.h"
#include "ConversationExports.h"
#include "listener/ListenerEvent.h"
#include "store/ConversationReadMarker.h"
#include "store/ConversationReader.h"
#include "store/ConversationSummary.h"
#include "store/DraftRepository.h"
#include "store/NumberRecord.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLineEdit;
class QListView;

namespace Ui {
class ConversationsPage;
}

namespace smsdesk {

class AppContext;
class ComposeBox;
class ContactActions;
class ConversationSender;
class ConversationListModel;
class ConversationThreadPane;
class FailedMessageBar;
class ListenerController;
class MessageSearchModel;
class Outbox;
class QuickReplyActions;

// The Conversations page, where small businesses read and answer their texts: the threads,
// one per (our number, other party), newest activity first, with unread counts, drafts and a
// mark for messages not sent (ConversationListModel), filtered by number or to unread ones; a
// search across every message's text (MessageSearchModel) whose results open the thread at the
// message; the selected thread (ConversationThreadPane) with the ComposeBox under it.
//
// Live: every message the listener stores and every status report it takes shows in the list
// and the open thread without a reload: the listener's events are gathered for LiveIntervalMs,
// then the threads they touched are read again through the DatabaseWorker. A thread shown in
// the active window is read (its read marker, stored and shared, moves to the newest message
// shown); "Mark unread" (Ctrl+U) moves it back, and the page leaves it so until another thread
// is shown. Drafts are stored per thread as they are typed (ConversationDrafts). Exports
// (ConversationExports) write the selected thread or all of them as CSV or JSON Lines
// (MessageExportJob). Every read and write goes through the DatabaseWorker; the GUI thread never
// waits on the store.
//
// Sending (setOutbox(); ConversationSender does it and signals back): Send queues through the
// Outbox (its worker job, never the GUI thread); the message shows in the thread at once as queued
// and moves on live with the outbox's updates; a refusal before the wire (the plan guard's WH-…,
// OPTED-OUT) shows in words under the compose box and the text stays; the draft is cleared once the
// message is queued. The FailedMessageBar under the thread (and the thread's context menu) retries
// a failed or unconfirmed message and marks an unconfirmed one failed. The From list carries each
// number's plan usage; a banner above the compose box says when the other party opted out
// (opt_outs), and the opt-out list can be exported as CSV from the export menu.
class ConversationsPage : public QWidget
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;
    // Asks where to save an export; an empty path cancels. Replaceable for tests.
    using SavePathChooser = ConversationExports::SavePathChooser;

    static constexpr int LiveIntervalMs = 50; // listener events are gathered this long
    static constexpr int DraftSaveDelayMs = ConversationDrafts::SaveDelayMs;
    static constexpr int SearchDelayMs = 200; // after the last keystroke

    ConversationsPage(AppContext& context, ListenerController& listener, QWidget* parent = nullptr);
    ~ConversationsPage() override;

    ConversationListModel* model() const { return m_model; }
    MessageSearchModel* searchModel() const { return m_searchModel; }
    QListView* threadList() const;
    QListView* searchList() const;
    QLineEdit* searchEdit() const;
    ConversationThreadPane* threadPane() const { return m_pane; }
    ComposeBox* composeBox() const { return m_compose; }
    // Naming the other party (Ctrl+K), importing names; the quick replies (Ctrl+Shift+R).
    ContactActions* contactActions() const { return m_contacts; }
    QuickReplyActions* quickReplyActions() const { return m_quickReplies; }
    FailedMessageBar* failedBar() const { return m_failedBar; }
    // What Send, Retry and Mark failed go through; null: sending is not available, and
    // `unavailableReason` says why (the window's outbound settings are unusable).
    void setOutbox(Outbox* outbox, const QString& unavailableReason = QString());
    void setSavePathChooser(SavePathChooser chooser)
    {
        m_exports->setSavePathChooser(std::move(chooser));
    }

    // The thread shown next to the list; none for a new conversation or nothing.
    const std::optional<Thread>& currentThread() const { return m_thread; }
    // Whether the list shows search results.
    bool isSearching() const;
    // The title above the thread (the other party, "New conversation").
    QString threadTitle() const;

    QAction* markUnreadAction() const { return m_markUnreadAction; }
    QAction* newConversationAction() const { return m_newAction; }
    QAction* exportConversationAction() const { return m_exports->exportConversationAction(); }
    QAction* exportAllAction() const { return m_exports->exportAllAction(); }
    QAction* exportOptOutsAction() const { return m_exports->exportOptOutsAction(); }

public Q_SLOTS:
    // Reads our numbers again (the From list, the number filter, the list's number names).
    void reloadNumbers();
    // Shows only the threads of number `did` (empty: of every number).
    void setNumberFilter(const QString& did);
    void setUnreadOnly(bool unreadOnly);
    // Shows `thread` next to the list (its newest messages, or message `messageId`
    // highlighted) and selects it in the list when it is listed.
    void showThread(const smsdesk::ConversationReader::Thread& thread, qint64 messageId = 0);
    // Searches every message's text for the words of `text` now (typing waits SearchDelayMs);
    // an empty text goes back to the threads.
    void search(const QString& text);
    // The selected thread's newest message from them is unread again (Ctrl+U).
    void markCurrentUnread();
    // An empty thread pane and a compose box to type a recipient in (Ctrl+N).
    void startNewConversation();
    void exportCurrent() { m_exports->exportCurrent(); }
    void exportAll() { m_exports->exportAll(); }
    // Saves every remote that sent STOP or START, with its state now, as CSV.
    void exportOptOuts() { m_exports->exportOptOuts(); }
    // Messages `messageIds` were stored or changed elsewhere (the outbox after the merge): the
    // list and the open thread show them as they are now.
    void refreshMessages(const QList<qint64>& messageIds);

Q_SIGNALS:
    // The compose box asked to send (see ComposeBox::sendRequested): the outbox's job.
    void sendRequested(qint64 fromNumberId, const QString& toE164, const QString& text,
                       const QString& mediaUrl);
    // Retry was used on a failed or unconfirmed message of ours (the page resends it through
    // the outbox itself).
    void retryRequested(qint64 messageId);
    // The compose box's message was stored as queued (message `messageId`), or refused before
    // anything was stored (the words are under the compose box).
    void messageQueued(qint64 messageId);
    void sendRefused(const QString& reason);
    // The opt-out state of `thread` was read and the banner shows it.
    void optOutRead(const smsdesk::ConversationReader::Thread& thread);
    // The opt-out export finished: `rows` remotes written to `path`, or `error`.
    void optOutsExported(const QString& path, qint64 rows, const QString& error);
    // The threads touched by listener events (or refreshMessages()) were read again and shown.
    void liveUpdated();
    // The read marker of `thread` was stored (moved or not); `result` says how it went.
    void markedRead(const smsdesk::ConversationReader::Thread& thread,
                    smsdesk::ConversationReadMarker::Result result);
    // "Mark unread" was stored for `thread`.
    void markedUnread(const smsdesk::ConversationReader::Thread& thread,
                      smsdesk::ConversationReadMarker::Result result);
    // The draft of `thread` was stored.
    void draftSaved(const smsdesk::ConversationReader::Thread& thread);
    // The draft of `thread` was read and put in the compose box (or left, when typing began).
    void draftLoaded(const smsdesk::ConversationReader::Thread& thread);
    // The numbers were read.
    void numbersReloaded();
    // An export finished: `rows` messages written to `path`, or `error`.
    void exportFinished(const QString& path, qint64 rows, const QString& error);
    // Something to tell the user in passing (the window's status bar).
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUpLists();
    void setUpActions();
    void setUpContactsAndQuickReplies();
    void setNumbers(const QList<NumberRecord>& numbers);
    void applyFilter();
    void applySearch();
    void threadRowChanged(const QModelIndex& current);
    void searchRowChanged(const QModelIndex& current);
    void selectListed(const Thread& thread);
    void updateHeader();
    void updateListStatus();
    void updateActions();
    // The listener's events, gathered.
    void addLive(const ListenerEvent& event);
    void flushLive();
    // Reads the threads again and shows them in the list (and `messageIds` in the pane).
    void rereadThreads(const QList<Thread>& threads, const QList<qint64>& messageIds = {});
    // Marks the thread shown read up to its newest message shown, when the page is in the
    // active window.
    void maybeMarkRead();
    void setUpSending();

    std::unique_ptr<Ui::ConversationsPage> m_ui;
    AppContext& m_context;
    ConversationListModel* m_model = nullptr;
    MessageSearchModel* m_searchModel = nullptr;
    ConversationThreadPane* m_pane = nullptr;
    ComposeBox* m_compose = nullptr;
    ContactActions* m_contacts = nullptr;
    QuickReplyActions* m_quickReplies = nullptr;
    QString m_threadName;                     // the contact name of m_thread's other party
    ConversationSender* m_sender = nullptr;   // Send, Retry, Mark failed, the opt-out banner
    ConversationExports* m_exports = nullptr; // the export actions
    ConversationDrafts* m_drafts = nullptr;   // what is typed, kept per thread
    QAction* m_markUnreadAction = nullptr;
    QAction* m_newAction = nullptr;
    FailedMessageBar* m_failedBar = nullptr;

    QList<NumberRecord> m_numbers;
    std::optional<Thread> m_thread; // shown in the pane
    // The marker last stored for m_thread; a thread marked unread is not marked read again
    // until another one is shown.
    std::optional<ConversationReader::Cursor> m_markedUpTo;
    bool m_readSuppressed = false;
    QPointer<QWidget> m_watchedWindow;

    // Live events gathered until m_liveTimer fires.
    QList<qint64> m_liveIds;
    QList<Thread> m_liveThreads;
    QTimer m_liveTimer;

    QTimer m_searchTimer;
    bool m_selectFirstResult = false; // Down in the search field before the results came
};

} // namespace smsdesk
