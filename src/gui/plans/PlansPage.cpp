#include "PlansPage.h"

#include "AppContext.h"
#include "PlanDialog.h"
#include "PlanTableModel.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "provisioning/PlanProvisioner.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace smsdesk {

namespace {
const QColor kErrorColor(0xc0, 0x1c, 0x28);
} // namespace

PlansPage::PlansPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_model(new PlanTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_confirm = [this](const QString& title, const QString& question) {
        QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::Cancel, this);
        QPushButton* remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == remove;
    };

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PlanTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("plansTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->sortByColumn(PlanTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlanTableModel::NameColumn, QHeaderView::Stretch);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("plansEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_empty->setFont(emptyFont);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No plans yet. Press %1 to add one.")
                         .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

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
    splitter->addWidget(m_stack);
    splitter->addWidget(m_numbersBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({700, 260});

    m_addAction = PageAction::make(this, QStringLiteral("addPlan"), tr("&Add…"),
                                   {QKeySequence::New}, Qt::WindowShortcut, this);
    m_addAction->setToolTip(
        tr("Add a plan (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_editAction = PageAction::make(this, QStringLiteral("editPlan"), tr("&Edit…"),
                                    {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                                    Qt::WidgetShortcut, m_table);
    m_editAction->setToolTip(tr("Edit the selected plan (Enter)"));
    m_deleteAction = PageAction::make(this, QStringLiteral("deletePlan"), tr("De&lete…"),
                                      {QKeySequence::Delete}, Qt::WidgetShortcut, m_table);
    m_deleteAction->setToolTip(tr("Delete the selected plan (Del)"));
    connect(m_addAction, &QAction::triggered, this, &PlansPage::addPlan);
    connect(m_editAction, &QAction::triggered, this, &PlansPage::editPlan);
    connect(m_deleteAction, &QAction::triggered, this, &PlansPage::deletePlan);
    connect(m_table, &QTableView::doubleClicked, this, &PlansPage::editPlan);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("plansMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette messagePalette = m_message->palette();
    messagePalette.setColor(QPalette::WindowText, kErrorColor);
    m_message->setPalette(messagePalette);
    m_message->hide();

    auto* title = new QLabel(tr("Plans"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(16);
    bar->addWidget(PageAction::button(m_addAction, this));
    bar->addWidget(PageAction::button(m_editAction, this));
    bar->addWidget(PageAction::button(m_deleteAction, this));
    bar->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updatePlanNumbers();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PlansPage::updatePlanNumbers);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PlansPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PlansPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PlansPage::updateEmptyState);

    reload();
    updateEmptyState();
}

PlansPage::~PlansPage() = default;

void PlansPage::reload()
{
    const QSqlDatabase db = m_context.database().connection();
    const PlanRepository plans(db, m_context.clock());
    const QList<PlanRecord> rows = plans.list();
    if (!plans.lastError().isEmpty()) {
        showMessage(tr("Could not read the plans: %1").arg(plans.lastError()));
        return;
    }
    QHash<qint64, int> counts;
    const NumberRepository numbers(db, m_context.clock());
    for (const NumberRecord& number : numbers.list()) {
        if (number.planId != 0)
            ++counts[number.planId];
    }
    m_model->setPlans(rows, counts);
    // Something is always shown in "Numbers on this plan" when there are plans.
    if (currentId() == 0 && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updatePlanNumbers();
}

void PlansPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

qint64 PlansPage::currentId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(PlanTableModel::IdRole).toLongLong();
}

void PlansPage::selectPlan(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void PlansPage::updateActions()
{
    const bool has = m_model->rowOf(currentId()) >= 0;
    m_editAction->setEnabled(has);
    m_deleteAction->setEnabled(has);
}

void PlansPage::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget*>(m_empty) : m_table);
    updateActions();
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
    const NumberRepository numbers(m_context.database().connection(), m_context.clock());
    const QList<NumberRecord> onPlan = numbers.listByPlan(plan.id);
    for (const NumberRecord& number : onPlan) {
        const QString display = PhoneNumber::displayE164(number.e164, m_context.defaultRegion());
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

void PlansPage::showMessage(const QString& error)
{
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
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
    auto* dialog = new PlanDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const int row = m_model->rowOf(id); id != 0 && row >= 0)
        dialog->setPlan(m_model->planAt(row));
    connect(dialog, &PlanDialog::saved, this, [this](const PlanRecord& plan) {
        m_model->upsert(plan);
        selectPlan(plan.id);
        showMessage({});
        Q_EMIT plansChanged();
    });
    dialog->open();
    return dialog;
}

void PlansPage::deletePlan()
{
    const qint64 id = currentId();
    const int row = m_model->rowOf(id);
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
    if (!m_confirm(tr("Delete plan"), question))
        return;

    const int proxyRow = m_table->currentIndex().row();
    QPointer<PlansPage> self(this);
    m_context.plans().remove(id, [self, id, proxyRow](const PlanProvisioner::Outcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok) {
            self->showMessage(tr("Could not delete the plan: %1").arg(outcome.error));
            self->reload();
            return;
        }
        self->showMessage({});
        self->m_model->removePlan(id);
        const int rows = self->m_proxy->rowCount();
        if (rows > 0)
            self->m_table->selectRow(qMin(proxyRow, rows - 1));
        Q_EMIT self->plansChanged();
    });
}

} // namespace smsdesk
