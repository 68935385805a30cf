#include "RecordTablePage.h"

#include "AppContext.h"
#include "PageAction.h"
#include "RecordTableModel.h"
#include "ThemeIcon.h"
#include "store/ProvisionedRecords.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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

RecordTablePage::RecordTablePage(AppContext& context, RecordTableModel* model, const QString& name,
                                 int sortColumn, QWidget* parent)
    : QWidget(parent), m_context(context), m_model(model), m_read(context.worker(), this),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_model->setParent(this);
    m_confirm = [this](const QString& title, const QString& question) {
        QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::Cancel, this);
        QPushButton* remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == remove;
    };

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RecordTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    // The table, and what stands in for it while there are no records.
    m_table = new QTableView(this);
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->sortByColumn(sortColumn, Qt::AscendingOrder);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_empty = new QLabel(this);
    m_empty->setObjectName(name + QStringLiteral("Empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_empty->setFont(emptyFont);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    m_message = new QLabel(this);
    m_message->setObjectName(name + QStringLiteral("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette messagePalette = m_message->palette();
    messagePalette.setColor(QPalette::WindowText, kErrorColor);
    m_message->setPalette(messagePalette);
    m_message->hide();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RecordTablePage::currentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RecordTablePage::currentChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordTablePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordTablePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordTablePage::updateEmptyState);
}

RecordTablePage::~RecordTablePage() = default;

void RecordTablePage::setUpActions(const QString& record, const QString& addTip,
                                   const QString& editTip, const QString& deleteTip)
{
    // Page-wide shortcuts only fire while this page is the one shown; Enter and Delete belong
    // to the table so that they keep their meaning in the page's other fields.
    m_addAction = PageAction::make(this, QStringLiteral("add") + record, tr("&Add…"),
                                   {QKeySequence::New}, Qt::WindowShortcut, this);
    m_addAction->setToolTip(addTip);
    m_addAction->setIcon(ThemeIcon::icon(ThemeIcon::Add));
    m_editAction = PageAction::make(this, QStringLiteral("edit") + record, tr("&Edit…"),
                                    {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                                    Qt::WidgetShortcut, m_table);
    m_editAction->setToolTip(editTip);
    m_editAction->setIcon(ThemeIcon::icon(ThemeIcon::Edit));
    m_deleteAction = PageAction::make(this, QStringLiteral("delete") + record, tr("De&lete…"),
                                      {QKeySequence::Delete}, Qt::WidgetShortcut, m_table);
    m_deleteAction->setToolTip(deleteTip);
    m_deleteAction->setIcon(ThemeIcon::icon(ThemeIcon::Delete));
}

void RecordTablePage::finishSetUp(const QString& title, const QString& emptyText,
                                  const QList<QAction*>& actions, QWidget* central, QWidget* barEnd)
{
    m_empty->setText(emptyText);

    auto* titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);

    auto* bar = new QHBoxLayout;
    bar->addWidget(titleLabel);
    bar->addSpacing(16);
    for (QAction* action : actions)
        bar->addWidget(PageAction::button(action, this));
    bar->addStretch(1);
    if (barEnd)
        bar->addWidget(barEnd);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(central, 1);
    layout->addWidget(m_message);

    updateEmptyState();
    reload();
}

void RecordTablePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

qint64 RecordTablePage::currentId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(RecordTableModel::IdRole).toLongLong();
}

void RecordTablePage::loadRecords(QString ProvisionedRecords::*error, const QString& failure,
                                  std::function<void(const ProvisionedRecords&)> show)
{
    const Clock* clock = &m_context.clock();
    m_read.read<ProvisionedRecords>(
        [clock](QSqlDatabase& db) { return ProvisionedRecords::read(db, *clock); },
        [this, error, failure, show = std::move(show)](const ProvisionedRecords& records) {
            if (!(records.*error).isEmpty()) {
                showMessage(failure.arg(records.*error));
                return;
            }
            show(records);
            m_loaded = true;
            updateEmptyState();
        });
}

void RecordTablePage::selectRecord(qint64 id)
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

void RecordTablePage::currentChanged()
{
    const bool has = m_model->rowOf(currentId()) >= 0;
    m_editAction->setEnabled(has);
    m_deleteAction->setEnabled(has);
}

void RecordTablePage::updateEmptyState()
{
    const bool empty = m_loaded && m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_empty) : m_table);
    currentChanged();
}

void RecordTablePage::showMessage(const QString& error)
{
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
}

void RecordTablePage::confirmRemoval(const QString& title, const QString& question,
                                     const QString& failure,
                                     const std::function<void(qint64 id, RemoveDone done)>& remove)
{
    const qint64 id = currentId();
    if (!m_confirm(title, question))
        return;

    const int proxyRow = m_table->currentIndex().row();
    QPointer<RecordTablePage> self(this);
    remove(id, [self, id, proxyRow, failure](bool ok, const QString& message) {
        if (!self)
            return;
        if (!ok) {
            self->showMessage(failure.arg(message));
            self->reload();
            return;
        }
        self->m_model->removeRecord(id);
        self->showMessage(message);
        const int rows = self->m_proxy->rowCount();
        if (rows > 0)
            self->m_table->selectRow(qMin(proxyRow, rows - 1));
        self->notifyChanged();
    });
}

} // namespace smsdesk
