#pragma once

#include "store/NumberRecord.h"
#include "widgets/RecordTablePage.h"

#include <QHash>
#include <QList>

class QGroupBox;
class QListWidget;

namespace smsdesk {

class PlanDialog;
class PlanTableModel;

// The Plans page: the SMS plans with how many numbers each has, and the numbers on the
// selected plan, as read through the DatabaseWorker. Writes go through the PlanProvisioner,
// asynchronously.
class PlansPage : public RecordTablePage
{
    Q_OBJECT

public:
    explicit PlansPage(AppContext& context, QWidget* parent = nullptr);

    PlanTableModel* model() const { return m_model; }
    void selectPlan(qint64 id) { selectRecord(id); }

public Q_SLOTS:
    // Re-reads plans and their numbers from the store.
    void reload() override;
    PlanDialog* addPlan();
    PlanDialog* editPlan();
    void deletePlan();

Q_SIGNALS:
    // A plan was added, edited or deleted here.
    void plansChanged();

private:
    PlansPage(AppContext& context, PlanTableModel* model, QWidget* parent);
    PlanDialog* openDialog(qint64 id);
    void notifyChanged() override { Q_EMIT plansChanged(); }
    void currentChanged() override;
    void updatePlanNumbers();

    PlanTableModel* m_model;
    QHash<qint64, QList<NumberRecord>> m_numbersByPlan; // as of the last read, by plan id
    QGroupBox* m_numbersBox = nullptr;
    QListWidget* m_numbers = nullptr;
};

} // namespace smsdesk
