#pragma once

#include "store/NumberRecord.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace smsdesk {

class AppContext;
class NumberDialog;
class NumberTableModel;

// The Numbers page: a sortable, filterable table of the provisioned numbers with add, edit,
// enable/disable and delete. Reads the small numbers table on the GUI thread; every write
// goes through the NumberProvisioner, asynchronously.
class NumbersPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm; returns true to go ahead. Replaceable for tests.
    using Confirmer = std::function<bool(const QString& title, const QString& question)>;

    explicit NumbersPage(AppContext& context, QWidget* parent = nullptr);
    ~NumbersPage() override;

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    NumberTableModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    // The id of the number under the cursor; 0 when none.
    qint64 currentId() const;
    void selectNumber(qint64 id);

public Q_SLOTS:
    // Re-reads numbers and plan names from the store.
    void reload();
    // Open the number dialog (non-modal to the caller: it returns at once).
    NumberDialog* addNumber();
    NumberDialog* editNumber();
    void toggleEnabled();
    void deleteNumber();

Q_SIGNALS:
    // A number was added, edited, enabled/disabled or deleted here.
    void numbersChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    NumberDialog* openDialog(const NumberRecord* existing);
    void updateActions();
    void updateEmptyState();
    void showMessage(const QString& error);

    AppContext& m_context;
    Confirmer m_confirm;
    NumberTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_toggleAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_filterAction = nullptr;
    QToolButton* m_addButton = nullptr;
    QToolButton* m_editButton = nullptr;
    QToolButton* m_toggleButton = nullptr;
    QToolButton* m_deleteButton = nullptr;
};

} // namespace smsdesk
