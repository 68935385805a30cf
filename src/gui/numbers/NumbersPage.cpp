#include "NumbersPage.h"

#include "AppContext.h"
#include "NumberDialog.h"
#include "NumberTableModel.h"
#include "phone/PhoneNumber.h"
#include "provisioning/NumberProvisioner.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace smsdesk {

namespace {
const QColor kErrorColor(0xc0, 0x1c, 0x28);
} // namespace

NumbersPage::NumbersPage(AppContext& context, QWidget* parent)
    : QWidget(parent), m_context(context),
      m_model(new NumberTableModel(context.defaultRegion(), this)),
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
    m_proxy->setSortRole(NumberTableModel::SortRole);
    m_proxy->setFilterRole(NumberTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    // The table, and what stands in for it while there are no numbers.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("numbersTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->sortByColumn(NumberTableModel::NumberColumn, Qt::AscendingOrder);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NumberTableModel::LabelColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(NumberTableModel::WebhookUrlColumn, QHeaderView::Stretch);
    header->resizeSection(NumberTableModel::LabelColumn, 130);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("numbersEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_empty->setFont(emptyFont);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    // Actions. Page-wide shortcuts only fire while this page is the one shown; Enter and
    // Delete belong to the table so that they keep their meaning in the filter field.
    m_addAction = PageAction::make(this, QStringLiteral("addNumber"), tr("&Add…"),
                                   {QKeySequence::New}, Qt::WindowShortcut, this);
    m_addAction->setToolTip(
        tr("Add a number (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_editAction = PageAction::make(this, QStringLiteral("editNumber"), tr("&Edit…"),
                                    {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                                    Qt::WidgetShortcut, m_table);
    m_editAction->setToolTip(tr("Edit the selected number (Enter)"));
    m_toggleAction =
        PageAction::make(this, QStringLiteral("toggleNumber"), tr("&Disable"),
                         {QKeySequence(Qt::CTRL | Qt::Key_D)}, Qt::WindowShortcut, this);
    m_table->addAction(m_toggleAction);
    m_deleteAction = PageAction::make(this, QStringLiteral("deleteNumber"), tr("De&lete…"),
                                      {QKeySequence::Delete}, Qt::WidgetShortcut, m_table);
    m_deleteAction->setToolTip(tr("Delete the selected number (Del)"));
    m_filterAction = PageAction::make(this, QStringLiteral("filterNumbers"), tr("&Filter"),
                                      {QKeySequence::Find}, Qt::WindowShortcut, this);

    connect(m_addAction, &QAction::triggered, this, &NumbersPage::addNumber);
    connect(m_editAction, &QAction::triggered, this, &NumbersPage::editNumber);
    connect(m_toggleAction, &QAction::triggered, this, &NumbersPage::toggleEnabled);
    connect(m_deleteAction, &QAction::triggered, this, &NumbersPage::deleteNumber);
    connect(m_table, &QTableView::doubleClicked, this, &NumbersPage::editNumber);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("numberFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(
        tr("Filter numbers (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_filter->setMinimumWidth(260);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    // Down from the filter moves into the results.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            m_table->setFocus();
            if (!m_table->currentIndex().isValid())
                m_table->selectRow(0);
        }
    });

    m_addButton = PageAction::button(m_addAction, this);
    m_editButton = PageAction::button(m_editAction, this);
    m_toggleButton = PageAction::button(m_toggleAction, this);
    m_deleteButton = PageAction::button(m_deleteAction, this);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("numbersMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette messagePalette = m_message->palette();
    messagePalette.setColor(QPalette::WindowText, kErrorColor);
    m_message->setPalette(messagePalette);
    m_message->hide();

    auto* title = new QLabel(tr("Numbers"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(16);
    bar->addWidget(m_addButton);
    bar->addWidget(m_editButton);
    bar->addWidget(m_toggleButton);
    bar->addWidget(m_deleteButton);
    bar->addStretch(1);
    bar->addWidget(m_filter);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_message);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NumbersPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NumbersPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &NumbersPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NumbersPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NumbersPage::updateEmptyState);

    m_empty->setText(tr("No numbers yet. Press %1 to add one.")
                         .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    reload();
    updateEmptyState();
    updateActions();
}

NumbersPage::~NumbersPage() = default;

void NumbersPage::reload()
{
    const QSqlDatabase db = m_context.database().connection();
    const PlanRepository plans(db, m_context.clock());
    QHash<qint64, QString> names;
    for (const PlanRecord& plan : plans.list())
        names.insert(plan.id, plan.name);
    const NumberRepository numbers(db, m_context.clock());
    const QList<NumberRecord> rows = numbers.list();
    if (!numbers.lastError().isEmpty()) {
        showMessage(tr("Could not read the numbers: %1").arg(numbers.lastError()));
        return;
    }
    m_model->setPlanNames(names);
    m_model->setNumbers(rows);
}

void NumbersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

qint64 NumbersPage::currentId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(NumberTableModel::IdRole).toLongLong();
}

void NumbersPage::selectNumber(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void NumbersPage::updateActions()
{
    const qint64 id = currentId();
    const int row = id == 0 ? -1 : m_model->rowOf(id);
    const bool has = row >= 0;
    m_editAction->setEnabled(has);
    m_deleteAction->setEnabled(has);
    m_toggleAction->setEnabled(has);
    const bool enabled = has && m_model->numberAt(row).enabled;
    m_toggleAction->setText(has && !enabled ? tr("E&nable") : tr("&Disable"));
    m_toggleAction->setToolTip(has && !enabled ? tr("Enable the selected number (Ctrl+D)")
                                               : tr("Disable the selected number (Ctrl+D)"));
}

void NumbersPage::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget*>(m_empty) : m_table);
    m_filter->setEnabled(m_model->rowCount() > 0);
    updateActions();
}

void NumbersPage::showMessage(const QString& error)
{
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
}

NumberDialog* NumbersPage::addNumber()
{
    return openDialog(nullptr);
}

NumberDialog* NumbersPage::editNumber()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return nullptr;
    const NumberRecord number = m_model->numberAt(row);
    return openDialog(&number);
}

NumberDialog* NumbersPage::openDialog(const NumberRecord* existing)
{
    auto* dialog = new NumberDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setNumber(*existing);
    connect(dialog, &NumberDialog::saved, this, [this](const NumberRecord& number) {
        m_model->upsert(number);
        selectNumber(number.id);
        showMessage({});
        Q_EMIT numbersChanged();
    });
    dialog->open();
    return dialog;
}

void NumbersPage::toggleEnabled()
{
    const qint64 id = currentId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const bool enable = !m_model->numberAt(row).enabled;
    QPointer<NumbersPage> self(this);
    m_context.numbers().setEnabled(id, enable, [self](const NumberProvisioner::Outcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok || outcome.record.id == 0) {
            self->showMessage(
                tr("Could not change the number: %1")
                    .arg(outcome.error.isEmpty() ? tr("it no longer exists.") : outcome.error));
            self->reload();
            return;
        }
        self->showMessage({});
        self->m_model->upsert(outcome.record);
        Q_EMIT self->numbersChanged();
    });
}

void NumbersPage::deleteNumber()
{
    const qint64 id = currentId();
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const NumberRecord number = m_model->numberAt(row);
    const QString display = PhoneNumber::displayE164(number.e164, m_context.defaultRegion());
    const QString name =
        number.label.isEmpty() ? display : tr("%1 (%2)").arg(display, number.label);
    const QString question =
        tr("Delete the number %1?\n\nIts webhook secret and Authorization value are removed from "
           "the keychain. Its messages are kept.")
            .arg(name);
    if (!m_confirm(tr("Delete number"), question))
        return;

    const int proxyRow = m_table->currentIndex().row();
    QPointer<NumbersPage> self(this);
    m_context.numbers().remove(id, [self, id, proxyRow](const NumberProvisioner::Outcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok) {
            self->showMessage(tr("Could not delete the number: %1").arg(outcome.error));
            self->reload();
            return;
        }
        self->m_model->removeNumber(id);
        self->showMessage(outcome.error); // the keychain entries could not be removed
        const int rows = self->m_proxy->rowCount();
        if (rows > 0)
            self->m_table->selectRow(qMin(proxyRow, rows - 1));
        Q_EMIT self->numbersChanged();
    });
}

} // namespace smsdesk
