#pragma once

#include "store/NumberRecord.h"
#include "widgets/RecordTablePage.h"

class QLineEdit;

namespace smsdesk {

class ListenerController;
class NumberAdminDialog;
class NumberDialog;
class NumberTableModel;
class TestWebhookSender;

// The Numbers page: a sortable, filterable table of the provisioned numbers with add, edit,
// enable/disable and delete. Reads the numbers and plan names through the DatabaseWorker;
// every write goes through the NumberProvisioner, asynchronously. With the window's listener
// (setListener) it also sends a test webhook for the selected number (Ctrl+T, the outcome in
// the page's message line) and opens its webhook setup (NumberAdminDialog: the public URL
// check, Zonitel registration).
class NumbersPage : public RecordTablePage
{
    Q_OBJECT

public:
    explicit NumbersPage(AppContext& context, QWidget* parent = nullptr);

    NumberTableModel* model() const { return m_model; }
    QAction* sendMessageAction() const { return m_sendAction; }
    QAction* testWebhookAction() const { return m_testWebhookAction; }
    QAction* webhookSetupAction() const { return m_setupAction; }
    // The listener test webhooks go to and public URLs are checked against; until it is set
    // those actions are disabled. Must outlive the page.
    void setListener(ListenerController* listener);
    void selectNumber(qint64 id) { selectRecord(id); }

public Q_SLOTS:
    // Re-reads numbers and plan names from the store.
    void reload() override;
    // Open the number dialog (non-modal to the caller: it returns at once).
    NumberDialog* addNumber();
    NumberDialog* editNumber();
    void toggleEnabled();
    void deleteNumber();
    // Sends a test webhook (an inbound message) for the selected number to the listener; the
    // outcome shows in the page's message line.
    void sendTestWebhook();
    NumberAdminDialog* openWebhookSetup();

Q_SIGNALS:
    // A number was added, edited, enabled/disabled or deleted here.
    void numbersChanged();
    // "Send message…" (Ctrl+M): from the selected number (0 when none is selected).
    void sendMessageRequested(qint64 numberId);
    // A test webhook was answered or could not be sent: `text` says how (also shown).
    void testWebhookFinished(bool accepted, const QString& text);

private:
    NumbersPage(AppContext& context, NumberTableModel* model, QWidget* parent);
    NumberDialog* openDialog(const NumberRecord* existing);
    void notifyChanged() override { Q_EMIT numbersChanged(); }
    void currentChanged() override;
    void updateEmptyState() override;

    NumberTableModel* m_model;
    QLineEdit* m_filter = nullptr;
    QAction* m_toggleAction = nullptr;
    QAction* m_sendAction = nullptr;
    QAction* m_filterAction = nullptr;
    QAction* m_testWebhookAction = nullptr;
    QAction* m_setupAction = nullptr;
    ListenerController* m_listener = nullptr;
    TestWebhookSender* m_sender = nullptr;
    void updateListenerActions();
};

} // namespace smsdesk
