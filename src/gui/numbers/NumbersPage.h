#pragma once

#include "store/NumberRecord.h"
#include "widgets/RecordTablePage.h"

class QLineEdit;

namespace smsdesk {

class NumberDialog;
class NumberTableModel;

// The Numbers page: a sortable, filterable table of the provisioned numbers with add, edit,
// enable/disable and delete. Reads the numbers and plan names through the DatabaseWorker;
// every write goes through the NumberProvisioner, asynchronously.
class NumbersPage : public RecordTablePage
{
    Q_OBJECT

public:
    explicit NumbersPage(AppContext& context, QWidget* parent = nullptr);

    NumberTableModel* model() const { return m_model; }
    QAction* sendMessageAction() const { return m_sendAction; }
    void selectNumber(qint64 id) { selectRecord(id); }

public Q_SLOTS:
    // Re-reads numbers and plan names from the store.
    void reload() override;
    // Open the number dialog (non-modal to the caller: it returns at once).
    NumberDialog* addNumber();
    NumberDialog* editNumber();
    void toggleEnabled();
    void deleteNumber();

Q_SIGNALS:
    // A number was added, edited, enabled/disabled or deleted here.
    void numbersChanged();
    // "Send message…" (Ctrl+M): from the selected number (0 when none is selected).
    void sendMessageRequested(qint64 numberId);

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
};

} // namespace smsdesk
