#pragma once

#include "outbound/OutboxUpdate.h"
#include "outbound/PlanUsage.h"
#include "store/NumberRecord.h"

#include <QDialog>
#include <QList>
#include <memory>
#include <optional>

class QPushButton;

namespace Ui {
class SendMessageDialog;
}

namespace smsdesk {

class AppContext;
class Outbox;

// "Send message": from one of the onCloud numbers that can send (enabled), to a number typed
// freely and checked as it is typed (in the sending number's region), text and an optional
// media link. Shows the number's plan usage for the current billing cycle, and what the plan
// guard would refuse before anything is typed. Ctrl+Enter sends. The message goes through the
// Outbox (stored, then sent by its worker); the dialog shows the result in words: the carrier
// ID, or the code, its meaning and what to do. Nothing here waits on the network or the store:
// numbers and usage are read through the DatabaseWorker, the outcome arrives by signal.
class SendMessageDialog : public QDialog
{
    Q_OBJECT

public:
    SendMessageDialog(AppContext& context, Outbox& outbox, QWidget* parent = nullptr);
    ~SendMessageDialog() override;

    // Chooses the sending number (once the numbers are loaded, or when they are).
    void setFromNumberId(qint64 numberId);
    // The message being sent or last sent; 0: none.
    qint64 messageId() const { return m_messageId; }
    bool isSending() const { return m_sending; }
    // The numbers listed, once loaded.
    const QList<NumberRecord>& numbers() const { return m_numbers; }
    std::optional<PlanUsage> usage() const { return m_usage; }

    // Sends what the form holds (Ctrl+Enter, the Send button).
    void send();

Q_SIGNALS:
    void numbersLoaded();
    void usageLoaded();
    // The send ended: sent, refused (before the wire or by onCloud), not sent or unconfirmed.
    void finished(const smsdesk::OutboxUpdate& update);
    void refused();

private:
    std::optional<NumberRecord> currentNumber() const;
    void loadNumbers();
    void loadUsage();
    void checkForm();
    void showResult(const QString& html);
    void onUpdated(const OutboxUpdate& update);

    std::unique_ptr<Ui::SendMessageDialog> m_ui;
    AppContext& m_context;
    Outbox& m_outbox;
    QPushButton* m_sendButton = nullptr;
    QList<NumberRecord> m_numbers;
    std::optional<PlanUsage> m_usage;
    qint64 m_pendingNumberId = 0;
    qint64 m_messageId = 0;
    bool m_sending = false;
};

} // namespace smsdesk
