#include "ConversationSender.h"

#include "AppContext.h"
#include "ComposeBox.h"
#include "ComposeText.h"
#include "FailedMessageBar.h"
#include "outbound/OutboundDraft.h"
#include "send/SendMessageText.h"
#include "store/DatabaseWorker.h"
#include "store/OptOutRepository.h"
#include "store/StoreRead.h"

namespace smsdesk {

ConversationSender::ConversationSender(AppContext& context, ComposeBox& compose,
                                       FailedMessageBar& failedBar, QObject* parent)
    : QObject(parent), m_context(context), m_compose(compose), m_failedBar(failedBar)
{
    connect(&failedBar, &FailedMessageBar::retried, this, &ConversationSender::retryRequested);
    connect(&failedBar, &FailedMessageBar::messageChanged, this,
            [this](qint64 id) { Q_EMIT messagesChanged({id}); });
    connect(&failedBar, &FailedMessageBar::statusMessage, this, &ConversationSender::statusMessage);
    connect(&compose, &ComposeBox::sendRequested, this, &ConversationSender::send);
    // A new conversation: the banner follows the number typed and the From chosen.
    connect(&compose, &ComposeBox::partiesChanged, this, &ConversationSender::readOptOut);
}

void ConversationSender::setOutbox(Outbox* outbox, const QString& unavailableReason)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    m_outbox = outbox;
    m_compose.setSendingAvailable(outbox != nullptr, unavailableReason);
    m_failedBar.setOutbox(outbox);
    if (outbox)
        connect(outbox, &Outbox::updated, this, &ConversationSender::showOutboxUpdate);
}

void ConversationSender::send(qint64 fromNumberId, const QString& toE164, const QString& text,
                              const QString& mediaUrl)
{
    Q_UNUSED(fromNumberId) // the outbox finds the number by its E.164, as it was chosen
    if (!m_outbox)
        return;
    OutboundDraft draft;
    draft.didE164 = m_compose.fromDid();
    draft.to = toE164;
    draft.text = text;
    draft.mediaUrl = mediaUrl;
    const Thread thread{draft.didE164, toE164};
    const Draft typed = m_compose.draft();
    m_compose.setBusy(true);
    m_compose.showOutcome(tr("Storing the message\u2026").toHtmlEscaped(), false);
    QPointer<ConversationSender> self(this);
    m_outbox->queue(draft, [self, thread, typed](const Outbox::QueueOutcome& outcome) {
        if (self)
            self->showQueued(thread, typed, outcome);
    });
}

void ConversationSender::showQueued(const Thread& thread, const Draft& typed,
                                    const Outbox::QueueOutcome& outcome)
{
    m_compose.setBusy(false);
    const bool shown = m_thread ? *m_thread == thread : !m_compose.thread().has_value();
    if (!outcome.ok()) {
        // Nothing was stored: the text stays, the words say why.
        if (shown) {
            m_compose.showOutcome(
                outcome.error.isEmpty()
                    ? SendMessageText::queueRefusal(outcome)
                    : tr("Could not store the message: %1").arg(outcome.error).toHtmlEscaped(),
                true);
        }
        Q_EMIT usageChanged(); // the usage the refusal was decided on
        Q_EMIT sendRefused(outcome.refusal.isEmpty()
                               ? outcome.meaning
                               : outcome.refusal + QStringLiteral(": ") + outcome.meaning);
        return;
    }
    m_composedMessageId = outcome.messageId;
    if (shown) {
        Q_EMIT queuedShown(thread, typed);
        QString html = tr("Queued; sending\u2026").toHtmlEscaped();
        if (!outcome.warning.isEmpty())
            html += QStringLiteral("<br>") + outcome.warning.toHtmlEscaped();
        m_compose.showOutcome(html, false);
    }
    Q_EMIT messagesChanged({outcome.messageId});
    Q_EMIT usageChanged(); // the usage counts it now
    Q_EMIT messageQueued(outcome.messageId);
}

void ConversationSender::showOutboxUpdate(const OutboxUpdate& update)
{
    Q_EMIT messagesChanged({update.messageId});
    if (update.messageId == m_composedMessageId) {
        const bool failed = update.isFinal() && update.result != OutboxUpdate::Result::Sent;
        m_compose.showOutcome(SendMessageText::update(update), failed);
    }
    if (update.isFinal())
        Q_EMIT usageChanged();
}

void ConversationSender::setThread(const std::optional<Thread>& thread)
{
    m_thread = thread;
    m_compose.setOptOut(QString());
    readOptOut();
}

void ConversationSender::readOptOut()
{
    const quint64 generation = ++m_optOutGeneration;
    // The thread's parties, or those of the new conversation being typed.
    Thread thread;
    if (m_thread) {
        thread = *m_thread;
    } else {
        thread.did = m_compose.fromDid();
        thread.remote = m_compose.recipientE164();
    }
    if (thread.did.isEmpty() || thread.remote.isEmpty()) {
        m_compose.setOptOut(QString());
        return;
    }
    using Read = StoreRead<OptOutRepository::OptOut>;
    m_context.worker().post<Read>(
        [thread](QSqlDatabase& db) {
            const OptOutRepository optOuts(db);
            return Read::of(optOuts, optOuts.find(thread.did, thread.remote));
        },
        this,
        [this, generation, thread](Read read) {
            if (generation != m_optOutGeneration)
                return;
            if (!read.error.isEmpty())
                Q_EMIT statusMessage(tr("Could not read the opt-out state: %1").arg(read.error));
            m_compose.setOptOut(
                read.value && read.value->optedOut
                    ? ComposeText::optedOut(read.value->keyword, read.value->changedAtMs)
                    : QString());
            Q_EMIT optOutRead(thread);
        });
}

} // namespace smsdesk
