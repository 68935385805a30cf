#include "PlansPage.h"

#include "AppContext.h"
#include "PlanDialog.h"
#include "PlanTableModel.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "provisioning/PlanProvisioner.h"
#include "store/ProvisionedRecords.h"

#include <QAction>
#include <QGroupBox>
#include <QHeaderView>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace smsdesk {

PlansPage::PlansPage(AppContext& context, QWidget* parent)
    : PlansPage(context, new PlanTableModel, parent)
{}

PlansPage::PlansPage(AppContext& context, PlanTableModel* model, QWidget* parent)
    : RecordTablePage(context, model, QStringLiteral("plans"), PlanTableModel::NameColumn, parent),
      m_model(model)
{
    // Every column as wide as what it shows; the numbers on the plan, last, take the room left.
    view()->horizontalHeader()->setSectionResizeMode(PlanTableModel::NumbersColumn,
                                                     QHeaderView::Stretch);

    m_numbers = new QListWidget(this);
    m_numbers->setObjectName(QStringLiteral("planNumbers"));
    m_numbers->setSelectionMode(QAbstractItemView::NoSelection);
    m_numbers->setSpacing(2);
    m_numbers->setTextElideMode(Qt::ElideRight);
    m_numbers->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_numbersBox = new QGroupBox(tr("Numbers on this plan"), this);
    m_numbersBox->setObjectName(QStringLiteral("planNumbersBox"));
    m_numbersBox->setMinimumWidth(240);
    auto* boxLayout = new QVBoxLayout(m_numbersBox);
    boxLayout->addWidget(m_numbers);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("plansSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(stack());
    splitter->addWidget(m_numbersBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({700, 260});

    const QString newKeys = QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText);
    setUpActions(QStringLiteral("Plan"), tr("Add a plan (%1)").arg(newKeys),
                 tr("Edit the selected plan (Enter)"), tr("Delete the selected plan (Del)"));
    connect(addRecordAction(), &QAction::triggered, this, &PlansPage::addPlan);
    connect(editRecordAction(), &QAction::triggered, this, &PlansPage::editPlan);
    connect(deleteRecordAction(), &QAction::triggered, this, &PlansPage::deletePlan);
    connect(view(), &QTableView::doubleClicked, this, &PlansPage::editPlan);

    finishSetUp(tr("Plans"), tr("No plans yet. Press %1 to add one.").arg(newKeys),
                {addRecordAction(), editRecordAction(), deleteRecordAction()}, splitter);
}

void PlansPage::reload()
{
    loadRecords(&ProvisionedRecords::plansError, tr("Could not read the plans: %1"),
                [this](const ProvisionedRecords& records) {
                    m_numbersByPlan.clear();
                    for (const NumberRecord& number : records.numbers) {
                        if (number.planId != 0)
                            m_numbersByPlan[number.planId] << number;
                    }
                    m_model->setPlans(records.plans, records.numberCounts());
                    // Something is always shown in "Numbers on this plan" when there are plans.
                    if (currentId() == 0 && proxy()->rowCount() > 0)
                        view()->selectRow(0);
                    updatePlanNumbers();
                });
}

void PlansPage::currentChanged()
{
    RecordTablePage::currentChanged();
    updatePlanNumbers();
}

void PlansPage::updatePlanNumbers()
{
    m_numbers->clear();
    const int row = m_model->rowOf(currentId());
    if (row < 0) {
        m_numbersBox->setTitle(tr("Numbers on this plan"));
        auto* item = new QListWidgetItem(tr("Select a plan to see its numbers."), m_numbers);
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    const PlanRecord& plan = m_model->planAt(row);
    m_numbersBox->setTitle(tr("Numbers on %1").arg(plan.name));
    const QList<NumberRecord> onPlan = m_numbersByPlan.value(plan.id);
    for (const NumberRecord& number : onPlan) {
        const QString display = PhoneNumber::displayE164(number.e164, context().defaultRegion());
        auto* item = new QListWidgetItem(
            number.label.isEmpty() ? display : tr("%1 — %2").arg(display, number.label), m_numbers);
        const auto* info = ProviderCatalog::find(number.provider);
        item->setToolTip(
            tr("%1 on %2").arg(number.e164, info ? info->displayName : number.provider));
        item->setData(Qt::UserRole, number.id);
        if (!number.enabled)
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    }
    if (onPlan.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No numbers on this plan."), m_numbers);
        item->setFlags(Qt::NoItemFlags);
    }
}

PlanDialog* PlansPage::addPlan()
{
    return openDialog(0);
}

PlanDialog* PlansPage::editPlan()
{
    const qint64 id = currentId();
    return id == 0 ? nullptr : openDialog(id);
}

PlanDialog* PlansPage::openDialog(qint64 id)
{
    auto* dialog = new PlanDialog(context(), this);
    if (const int row = m_model->rowOf(id); id != 0 && row >= 0)
        dialog->setPlan(m_model->planAt(row));
    return openRecordDialog(dialog, &PlanDialog::saved, m_model);
}

void PlansPage::deletePlan()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return;
    const PlanRecord plan = m_model->planAt(row);
    const int count = m_model->numberCountAt(row);
    QString question = tr("Delete the plan \"%1\"?").arg(plan.name) + u' ';
    if (count == 0)
        question += tr("No numbers are on it.");
    else if (count == 1)
        question += tr("The number on it will have no plan.");
    else
        question += tr("The %1 numbers on it will have no plan.").arg(count);
    removeCurrent(tr("Delete plan"), question, tr("Could not delete the plan: %1"),
                  context().plans());
}

} // namespace smsdesk
