#pragma once

#include "store/ConversationMessage.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QPushButton;

namespace smsdesk {

class ConversationView;
class Outbox;

// The bar under a conversation thread for a message of ours that needs a person: failed, or
// unconfirmed (the outbox cannot tell whether it went out). It names the message (the selected
// one when that is failed or unconfirmed, else the newest such one shown) with its state and
// code, and offers Retry (Outbox::resend: queued again, a new round of attempts) and, for an
// unconfirmed one, Mark failed (Outbox::markFailed). The same two actions are in the thread's
// context menu (retryAction(), markFailedAction(): the page adds them to the view). Hidden
// while the thread has no such message. The outbox's answers arrive by callback; nothing here
// waits on the store.
class FailedMessageBar : public QWidget
{
    Q_OBJECT

public:
    explicit FailedMessageBar(ConversationView* view, QWidget* parent = nullptr);
    ~FailedMessageBar() override;

    // What Retry and Mark failed go through; null: sending is not available (they are off).
    void setOutbox(Outbox* outbox);
    // The message the bar is for; none while it is hidden.
    std::optional<ConversationMessage> message() const { return m_message; }
    QAction* retryAction() const { return m_retryAction; }
    QAction* markFailedAction() const { return m_markFailedAction; }

public Q_SLOTS:
    void retry();
    void markFailed();
    // Looks at the view's messages and selection again.
    void updateBar();

Q_SIGNALS:
    // Retry was used on message `messageId` (before the outbox answered).
    void retried(qint64 messageId);
    // Message `messageId` was queued again or marked failed: the thread shows it as it is now.
    void messageChanged(qint64 messageId);
    // Something to tell the user in passing (a retry that could not be stored).
    void statusMessage(const QString& text);

private:
    std::optional<ConversationMessage> target() const;

    ConversationView* m_view = nullptr;
    QPointer<Outbox> m_outbox;
    QLabel* m_label = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_markFailedButton = nullptr;
    QAction* m_retryAction = nullptr;
    QAction* m_markFailedAction = nullptr;
    std::optional<ConversationMessage> m_message;
};

} // namespace smsdesk
