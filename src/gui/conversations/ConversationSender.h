#pragma once

#include "outbound/Outbox.h"
#include "store/ConversationReader.h"
#include "store/DraftRepository.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace smsdesk {

class AppContext;
class ComposeBox;
class FailedMessageBar;

// The Conversations page's sending: what Send (the ComposeBox), Retry and Mark failed (the
// FailedMessageBar) go through (setOutbox()), what the compose box says while a message is
// stored, queued, sent or refused before the wire (the plan guard's WH-…, OPTED-OUT), and the
// banner above it when the other party of the thread shown opted out (read from opt_outs
// through the DatabaseWorker, again whenever the thread may have changed). Split from the page
// so that the page wires lists and threads; this object signals back what the page must show
// again: the messages that changed, the numbers' plan usage, the thread a new conversation
// became. Nothing here waits on the store: the outbox answers by callback.
class ConversationSender : public QObject
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;

    // `compose` and `failedBar` are the page's and must outlive this object (the page parents
    // all three).
    ConversationSender(AppContext& context, ComposeBox& compose, FailedMessageBar& failedBar,
                       QObject* parent);

    // What Send, Retry and Mark failed go through; null: sending is not available, and
    // `unavailableReason` says why.
    void setOutbox(Outbox* outbox, const QString& unavailableReason = QString());
    // The thread shown (none: a new conversation): its opt-out state is read for the banner.
    void setThread(const std::optional<Thread>& thread);
    // Reads the opt-out state of the thread shown again (a STOP or START may have come in).
    void readOptOut();
    // Queues what the compose box asked to send (ComposeBox::sendRequested).
    void send(qint64 fromNumberId, const QString& toE164, const QString& text,
              const QString& mediaUrl);

Q_SIGNALS:
    // Retry was used on a failed or unconfirmed message of ours.
    void retryRequested(qint64 messageId);
    // The compose box's message was stored as queued (message `messageId`), or refused before
    // anything was stored (the words are under the compose box).
    void messageQueued(qint64 messageId);
    void sendRefused(const QString& reason);
    // The compose box's message to `thread` was queued while that thread (or the new
    // conversation it starts) is shown: the page shows the thread and, when the compose box
    // still holds `typed`, clears it. Emitted before the compose box says it was queued.
    void queuedShown(const smsdesk::ConversationReader::Thread& thread,
                     const smsdesk::Draft& typed);
    // Messages `messageIds` were queued or changed: the list and the thread show them anew.
    void messagesChanged(const QList<qint64>& messageIds);
    // A message was queued, refused or finished: the numbers' plan usage may have moved.
    void usageChanged();
    // The opt-out state of `thread` was read and the banner shows it.
    void optOutRead(const smsdesk::ConversationReader::Thread& thread);
    // Something to tell the user in passing.
    void statusMessage(const QString& text);

private:
    void showQueued(const Thread& thread, const Draft& typed, const Outbox::QueueOutcome& outcome);
    void showOutboxUpdate(const OutboxUpdate& update);

    AppContext& m_context;
    ComposeBox& m_compose;
    FailedMessageBar& m_failedBar;
    QPointer<Outbox> m_outbox;
    std::optional<Thread> m_thread; // shown on the page
    qint64 m_composedMessageId = 0; // the compose box's last queued message
    quint64 m_optOutGeneration = 0;
};

} // namespace smsdesk
