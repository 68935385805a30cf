#pragma once

#include <QWidget>
#include <functional>

class QAction;
class QGroupBox;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace smsdesk {

class AppContext;
class PlanDialog;
class PlanTableModel;

// The Plans page: the SMS plans with how many numbers each has, and the numbers on the
// selected plan. Writes go through the PlanProvisioner, asynchronously.
class PlansPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm; returns true to go ahead. Replaceable for tests.
    using Confirmer = std::function<bool(const QString& title, const QString& question)>;

    explicit PlansPage(AppContext& context, QWidget* parent = nullptr);
    ~PlansPage() override;

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    PlanTableModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    qint64 currentId() const; // 0 when none
    void selectPlan(qint64 id);

public Q_SLOTS:
    // Re-reads plans and number counts from the store.
    void reload();
    PlanDialog* addPlan();
    PlanDialog* editPlan();
    void deletePlan();

Q_SIGNALS:
    // A plan was added, edited or deleted here.
    void plansChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    PlanDialog* openDialog(qint64 id);
    void updateActions();
    void updateEmptyState();
    void updatePlanNumbers();
    void showMessage(const QString& error);

    AppContext& m_context;
    Confirmer m_confirm;
    PlanTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QGroupBox* m_numbersBox = nullptr;
    QListWidget* m_numbers = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_deleteAction = nullptr;
};

} // namespace smsdesk
