#include "InspectorPage.h"

#include "AppContext.h"
#include "InspectorActions.h"
#include "InspectorExports.h"
#include "InspectorFilterBar.h"
#include "InspectorListenerBar.h"
#include "ListenerController.h"
#include "MessageTimelineView.h"
#include "RequestDetailPane.h"
#include "RequestLogColumns.h"
#include "RequestLogModel.h"
#include "Settings.h"
#include "conversations/ConversationOpener.h"
#include "media/MediaArchive.h"
#include "providers/ProviderRegistry.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "store/MessageTimelineReader.h"
#include "store/NumberRepository.h"
#include "store/StoreRead.h"
#include "ui_InspectorPage.h"
#include "widgets/PageAction.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <algorithm>
#include <optional>
#include <utility>

namespace smsdesk {

namespace {

const QColor kErrorColor(0xc6, 0x28, 0x28);
const QColor kWarningColor = QColor(0xb2, 0x7b, 0x00).darker(120);
const QColor kDrillBannerColor(0xff, 0xe0, 0xb2);
const QColor kDrillTextColor(0x5d, 0x2e, 0x00);
// Reading the selected request again until its response is logged: 50 ms, then twice as long
// each time, 6 times (3 s in all).
const int kFirstResponseWaitMs = 50;
const int kResponseWaits = 6;

} // namespace

InspectorPage::InspectorPage(AppContext& context, ListenerController& listener, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::InspectorPage>()), m_context(context),
      m_listener(listener), m_providers(std::make_unique<ProviderRegistry>()),
      m_model(new RequestLogModel(context.worker(), this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("inspectorPage"));

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);

    m_detailPane = new RequestDetailPane(*m_providers, m_ui->detailArea);
    m_detailPane->setObjectName(QStringLiteral("requestDetailPane"));
    m_detailPane->setDefaultRegion(context.defaultRegion());
    m_ui->detailLayout->addWidget(m_detailPane);
    connect(m_detailPane, &RequestDetailPane::conversationRequested, this,
            &InspectorPage::openConversation);

    m_timelineView = new MessageTimelineView(m_ui->timelineArea);
    m_timelineView->setObjectName(QStringLiteral("messageTimelineView"));
    m_ui->timelineLayout->addWidget(m_timelineView, 1);
    QFont timelineFont = m_ui->timelineTitle->font();
    timelineFont.setBold(true);
    m_ui->timelineTitle->setFont(timelineFont);
    connect(m_timelineView, &MessageTimelineView::requestActivated, this,
            &InspectorPage::onTimelineActivated);

    m_conversations = new ConversationOpener(m_context.worker(), this);
    m_conversations->setMediaArchive(MediaArchive::directoryFor(m_context.database().config()));
    connect(m_conversations, &ConversationOpener::opened, this, &InspectorPage::conversationOpened);
    connect(m_conversations, &ConversationOpener::failed, this, &InspectorPage::showNote);

    m_actions = new InspectorActions(m_context, m_listener, this);
    connect(m_actions, &InspectorActions::started, this, &InspectorPage::showActionText);
    connect(m_actions, &InspectorActions::finished, this, &InspectorPage::actionDone);
    connect(m_actions, &InspectorActions::statusMessage, this, &InspectorPage::statusMessage);
    connect(m_actions, &InspectorActions::drillChanged, this, &InspectorPage::showDrill);

    QPalette banner = m_ui->drillBanner->palette();
    banner.setColor(QPalette::Window, kDrillBannerColor);
    banner.setColor(QPalette::WindowText, kDrillTextColor);
    m_ui->drillBanner->setPalette(banner);
    connect(m_ui->stopDrillButton, &QPushButton::clicked, this, &InspectorPage::stopFaultDrill);
    // The last action's result takes the room there is (all of it in its tooltip and the
    // status bar): a long one does not widen the page.
    m_ui->actionResultLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    setUpTable();
    setUpActions();

    // The listener's bar, and what the page does when the listener changes.
    InspectorListenerBar* listenerBar = m_ui->listenerBar;
    connect(listenerBar, &InspectorListenerBar::statusMessage, this, &InspectorPage::statusMessage);
    connect(listenerBar, &InspectorListenerBar::messageChanged, this,
            &InspectorPage::showListenerMessage);
    listenerBar->attach(m_listener);
    connect(&m_listener, &ListenerController::requestHandled, m_model, &RequestLogModel::addLive);
    connect(&m_listener, &ListenerController::numbersLoaded, this, [this] {
        // The listener read the numbers again: so do the filter and the URL menu.
        reloadNumbers();
    });
    showDrill(InspectorActions::drillText(m_listener.drill()));

    setUpSplitters();

    // The width the action bar needs with its buttons' words (and some for the count).
    const QMargins margins = layout()->contentsMargins();
    m_wordsWidth = m_ui->actionBar->sizeHint().width() + margins.left() + margins.right() +
                   fontMetrics().horizontalAdvance(QStringLiteral("0000 requests"));
    // Each button may shrink to its icon: the page's minimum width is the narrow one, whichever
    // style the buttons have (a page hidden behind another keeps the words and would otherwise
    // hold the window at their width).
    for (QToolButton* button : actionButtons()) {
        const Qt::ToolButtonStyle style = button->toolButtonStyle();
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setMinimumWidth(button->sizeHint().width());
        button->setToolButtonStyle(style);
    }
    m_ui->actionBar->invalidate(); // measured above; a hidden page's layouts are not activated

    m_ui->filterBar->attach(m_context.settings(), m_context.clock());
    connect(m_ui->filterBar, &InspectorFilterBar::filterChanged, this,
            &InspectorPage::showFiltered);
    applyFilter();
    reloadNumbers();
    updatePauseText();
    updateActions();
}

InspectorPage::~InspectorPage()
{
    Settings& settings = m_context.settings();
    settings.setInspectorHeader(m_ui->requestTable->horizontalHeader()->saveState());
    settings.setInspectorSplitter(m_ui->inspectorSplitter->saveState());
    settings.setInspectorDetailSplitter(m_ui->detailSplitter->saveState());
}

void InspectorPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The buttons' icons and words while there is room for both, their icons alone in a narrow
    // window (their tooltips have the words).
    const Qt::ToolButtonStyle style =
        width() >= m_wordsWidth ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    for (QToolButton* button : actionButtons())
        button->setToolButtonStyle(style);
}

QList<QToolButton*> InspectorPage::actionButtons() const
{
    return {m_ui->pauseButton,          m_ui->copyCurlButton, m_ui->exportSelectionButton,
            m_ui->exportFilteredButton, m_ui->replayButton,   m_ui->testWebhookButton,
            m_ui->detailsButton};
}

QTableView* InspectorPage::view() const
{
    return m_ui->requestTable;
}

InspectorFilterBar* InspectorPage::filterBar() const
{
    return m_ui->filterBar;
}

QMenu* InspectorPage::copyUrlMenu() const
{
    return m_ui->listenerBar->copyUrlMenu();
}

void InspectorPage::setUpSplitters()
{
    // The sizes the user gave them (else these), remembered as they change.
    using Save = void (Settings::*)(const QByteArray&);
    auto setUp = [this](QSplitter* splitter, const QByteArray& state, const QList<int>& sizes,
                        Save save) {
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 2);
        if (!splitter->restoreState(state))
            splitter->setSizes(sizes);
        connect(splitter, &QSplitter::splitterMoved, this,
                [this, splitter, save] { (m_context.settings().*save)(splitter->saveState()); });
    };
    const Settings& settings = m_context.settings();
    setUp(m_ui->inspectorSplitter, settings.inspectorSplitter(), {380, 260},
          &Settings::setInspectorSplitter);
    setUp(m_ui->detailSplitter, settings.inspectorDetailSplitter(), {640, 420},
          &Settings::setInspectorDetailSplitter);

    // The detail pane folds away (dragged to the bottom, or the Details button) and leaves the
    // list the whole height; the list itself never folds.
    QSplitter* splitter = m_ui->inspectorSplitter;
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, true);
    m_detailsAction->setChecked(splitter->sizes().value(1) > 0);
    connect(splitter, &QSplitter::splitterMoved, this, [this, splitter] {
        const QSignalBlocker blocker(m_detailsAction);
        m_detailsAction->setChecked(splitter->sizes().value(1) > 0);
    });
    connect(m_detailsAction, &QAction::toggled, this, &InspectorPage::setDetailsShown);
}

void InspectorPage::setDetailsShown(bool shown)
{
    QSplitter* splitter = m_ui->inspectorSplitter;
    const QList<int> sizes = splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (shown == (sizes.value(1) > 0))
        return;
    if (shown) {
        // Back to the height it had, else two fifths.
        const int detail = m_foldedDetailHeight > 0 ? m_foldedDetailHeight : total * 2 / 5;
        splitter->setSizes({std::max(0, total - detail), detail});
    } else {
        m_foldedDetailHeight = sizes.value(1);
        splitter->setSizes({total, 0});
    }
    const QSignalBlocker blocker(m_detailsAction);
    m_detailsAction->setChecked(shown);
    m_context.settings().setInspectorSplitter(splitter->saveState());
}

void InspectorPage::setUpTable()
{
    QTableView* table = m_ui->requestTable;
    table->setModel(m_model);
    table->verticalHeader()->hide();
    // One height for every row: inserting rows above moves the view by a known amount.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setTextElideMode(Qt::ElideRight);
    RequestLogColumns::setUp(*table, m_context.clock());
    // The columns the user sized are kept; else they are sized to the first rows listed.
    m_fitColumns = !table->horizontalHeader()->restoreState(m_context.settings().inspectorHeader());

    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex& parent, int first, int) {
                if (!parent.isValid())
                    beforeRowsInserted(first);
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (!parent.isValid())
                    afterRowsInserted(first, last);
                updateCountLabel();
                selectPendingRow();
                fitColumnsOnce();
            });
    // Rows let go at the top (scrolled far down): the rows in view stay where they are.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex& parent, int first, int) {
                m_removalScroll = !parent.isValid() && first == 0
                                      ? m_ui->requestTable->verticalScrollBar()->value()
                                      : -1;
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (parent.isValid() || first != 0 || m_removalScroll < 0)
                    return;
                QTableView* view = m_ui->requestTable;
                view->doItemsLayout();
                const int rowHeight = view->verticalHeader()->defaultSectionSize();
                view->verticalScrollBar()->setValue(
                    std::max(0, m_removalScroll - (last - first + 1) * rowHeight));
                m_removalScroll = -1;
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &InspectorPage::updateCountLabel);
    connect(m_model, &RequestLogModel::pageLoaded, this, [this] {
        if (m_reselectId != 0) {
            const qint64 id = std::exchange(m_reselectId, 0);
            if (m_model->rowOf(id) >= 0)
                selectRequest(id);
            else if (m_shownId == id || currentId() == 0)
                showRequest(0); // the filters took it away: nothing is selected
        }
        updateCountLabel();
        selectPendingRow();
        fetchNewerIfNear();
    });
    connect(m_model, &RequestLogModel::loadFailed, this, [this] {
        if (std::exchange(m_reselectId, 0) != 0)
            showRequest(0);
        updateCountLabel();
    });
    // Scrolled back up to rows the list let go of: they are read again.
    connect(table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &InspectorPage::fetchNewerIfNear);
    connect(m_model, &RequestLogModel::pendingCountChanged, this, &InspectorPage::updatePauseText);
    // A click makes the row current before it selects it: both changes count.
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InspectorPage::currentRowChanged);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InspectorPage::currentRowChanged);
}

void InspectorPage::setUpActions()
{
    QTableView* table = m_ui->requestTable;

    m_pauseAction = PageAction::makeWindowAction(this, QStringLiteral("pauseRequests"), tr("Pause"),
                                                 QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setIcon(ThemeIcon::icon(ThemeIcon::Pause));
    m_ui->pauseButton->setDefaultAction(m_pauseAction);
    // Space pauses too, but only from the table: elsewhere it types or presses a button.
    auto* space =
        new QShortcut(QKeySequence(Qt::Key_Space), table, nullptr, nullptr, Qt::WidgetShortcut);
    space->setObjectName(QStringLiteral("pauseShortcut"));
    connect(space, &QShortcut::activated, m_pauseAction, &QAction::toggle);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        updatePauseText();
    });

    m_exports = new InspectorExports(m_context, *m_model, *table, this);
    connect(m_exports, &InspectorExports::exportFinished, this, &InspectorPage::exportFinished);
    connect(m_exports, &InspectorExports::statusMessage, this, &InspectorPage::statusMessage);
    m_ui->exportSelectionButton->setDefaultAction(exportSelectionAction());
    m_ui->exportFilteredButton->setDefaultAction(exportFilteredAction());

    m_detailsAction = PageAction::makeWindowAction(
        this, QStringLiteral("toggleDetails"), tr("De&tails"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
        tr("Show or fold away the selected request's details and timeline below the list "
           "(%1)"));
    m_detailsAction->setCheckable(true);
    m_detailsAction->setIcon(ThemeIcon::icon(ThemeIcon::Details));
    m_detailsAction->setChecked(true);
    m_ui->detailsButton->setDefaultAction(m_detailsAction);

    QAction* find = PageAction::makeWindowAction(this, QStringLiteral("findRequests"),
                                                 tr("&Search"), QKeySequence(QKeySequence::Find));
    connect(find, &QAction::triggered, m_ui->filterBar, &InspectorFilterBar::focusSearch);

    m_conversationAction = PageAction::makeWindowAction(
        this, QStringLiteral("openConversation"), tr("Open &conversation"),
        QKeySequence(Qt::CTRL | Qt::Key_O),
        tr("Show the conversation of the selected request's message, with the message "
           "highlighted (%1)"));
    connect(m_conversationAction, &QAction::triggered, this,
            &InspectorPage::openSelectedConversation);
    // No button: the action bar has no room left in a 900-pixel window. The table's context
    // menu has it, and the detail pane's Parsed tab a link.

    // What InspectorActions does, on what the page shows.
    connect(copyCurlAction(), &QAction::triggered, this, &InspectorPage::copyAsCurl);
    m_ui->copyCurlButton->setDefaultAction(copyCurlAction());
    connect(replayAction(), &QAction::triggered, this, &InspectorPage::replaySelected);
    m_ui->replayButton->setDefaultAction(replayAction());
    connect(testWebhookAction(), &QAction::triggered, this, &InspectorPage::sendTestWebhook);
    m_ui->testWebhookButton->setDefaultAction(testWebhookAction());
    connect(faultDrillAction(), &QAction::triggered, this, &InspectorPage::startFaultDrill);
    m_ui->listenerBar->setDrillAction(faultDrillAction());

    // The table's context menu.
    table->addAction(m_conversationAction);
    table->addAction(replayAction());
    table->addAction(copyCurlAction());
    table->addAction(exportSelectionAction());
    table->addAction(exportFilteredAction());
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    table->addAction(separator);
    table->addAction(m_pauseAction);
    table->addAction(testWebhookAction());
    table->addAction(faultDrillAction());
}

// --- filters and numbers ---

RequestLogFilter InspectorPage::currentFilter() const
{
    return m_ui->filterBar->filter();
}

void InspectorPage::applyFilter()
{
    m_ui->filterBar->apply();
}

void InspectorPage::showFiltered()
{
    const RequestLogFilter filter = currentFilter();
    if (filter == m_model->filter() && m_model->rowCount() > 0)
        return;
    if (const qint64 id = currentId(); id != 0)
        m_reselectId = id;
    m_model->setFilter(filter);
    updateCountLabel();
}

void InspectorPage::reloadNumbers()
{
    const Clock* clock = &m_context.clock();
    using Read = StoreRead<QList<NumberRecord>>;
    m_context.worker().post<Read>(
        [clock](QSqlDatabase& db) {
            const NumberRepository repository(db, *clock);
            return Read::of(repository, repository.list());
        },
        this,
        [this](Read read) {
            if (read.error.isEmpty())
                setNumbers(*read.value);
        });
}

void InspectorPage::setNumbers(const QList<NumberRecord>& numbers)
{
    m_numbers = numbers;
    m_ui->filterBar->setNumbers(numbers);
    m_ui->listenerBar->setNumbers(numbers);
    Q_EMIT numbersReloaded();
}

// --- the listener ---

void InspectorPage::showListenerMessage(const QString& text, bool error)
{
    QLabel* label = m_ui->listenerMessageLabel;
    label->setText(text);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, error ? kErrorColor : kWarningColor);
    label->setPalette(palette);
    label->setVisible(!text.isEmpty());
}

void InspectorPage::showDrill(const QString& text)
{
    const bool active = !text.isEmpty();
    if (active)
        m_ui->drillBannerLabel->setText(text);
    m_ui->drillBanner->setVisible(active);
}

// --- the table ---

void InspectorPage::updatePauseText()
{
    const bool paused = m_pauseAction->isChecked();
    const int pending = m_model->pendingCount();
    m_pauseAction->setIcon(ThemeIcon::icon(paused ? ThemeIcon::Start : ThemeIcon::Pause));
    m_pauseAction->setText(paused ? tr("Paused \u2014 %n new", nullptr, pending) : tr("Pause"));
    m_pauseAction->setToolTip(
        paused ? tr("New requests are stored but not listed; click or press %1 to list them")
                     .arg(m_pauseAction->shortcut().toString(QKeySequence::NativeText))
               : tr("Stop listing new requests for a while (%1 or Space)")
                     .arg(m_pauseAction->shortcut().toString(QKeySequence::NativeText)));
}

void InspectorPage::updateCountLabel()
{
    QString text;
    if (!m_model->lastError().isEmpty())
        text = tr("Could not read the requests: %1").arg(m_model->lastError());
    else if (m_model->rowCount() == 0 && m_model->isLoading())
        text = tr("Loading…");
    else if (m_model->rowCount() == 0)
        text = m_model->filter().isEmpty() ? tr("No requests yet")
                                           : tr("No requests match the filters");
    else if (m_model->atEnd() && m_model->atTop())
        text = tr("%n request(s)", nullptr, m_model->rowCount());
    else if (m_model->atTop())
        text = tr("%n request(s) listed, more below", nullptr, m_model->rowCount());
    else if (m_model->atEnd())
        text = tr("%n request(s) listed, newer ones above", nullptr, m_model->rowCount());
    else
        text = tr("%n request(s) listed, more above and below", nullptr, m_model->rowCount());
    m_ui->countLabel->setText(text);
}

void InspectorPage::updateActions()
{
    m_actions->setCurrentRequest(currentId());
    m_exports->updateEnabled();
    m_conversationAction->setEnabled(currentMessageId() > 0);
}

qint64 InspectorPage::currentId() const
{
    const QModelIndex current = m_ui->requestTable->selectionModel()->currentIndex();
    if (!current.isValid() ||
        !m_ui->requestTable->selectionModel()->isRowSelected(current.row(), QModelIndex()))
        return 0;
    return current.data(RequestLogModel::IdRole).toLongLong();
}

qint64 InspectorPage::currentMessageId() const
{
    const qint64 id = currentId();
    if (id == 0)
        return 0;
    if (m_shownId == id && m_shownEntry && m_shownEntry->messageId > 0)
        return m_shownEntry->messageId;
    const int row = m_model->rowOf(id);
    return row >= 0 ? m_model->entryAt(row).messageId : 0;
}

void InspectorPage::selectRequest(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->requestTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->requestTable->scrollTo(index);
}

void InspectorPage::openRequest(qint64 id)
{
    if (m_model->rowOf(id) >= 0)
        selectRequest(id);
    if (m_shownId != id)
        showRequest(id);
}

void InspectorPage::beforeRowsInserted(int first)
{
    m_anchor.active = false;
    if (first != 0 || m_model->rowCount() == 0)
        return;
    // Scrolled down, a row selected, or rows read back while scrolling up: the rows in view
    // stay where they are. At the top with nothing selected, the newest rows come into view.
    const int value = m_ui->requestTable->verticalScrollBar()->value();
    if (value > 0 || m_ui->requestTable->selectionModel()->hasSelection() ||
        m_model->isLoadingNewer())
        m_anchor = {true, value};
}

void InspectorPage::fetchNewerIfNear()
{
    if (!m_model->canFetchNewer())
        return;
    // Within a page of the top of what the list holds: read the rows above.
    QTableView* table = m_ui->requestTable;
    const int near = RequestLogModel::PageSize / 2 * table->verticalHeader()->defaultSectionSize();
    if (table->verticalScrollBar()->value() <= near)
        m_model->fetchNewer();
}

void InspectorPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Once laid out at its size: the columns are sized to the room there is.
    QTimer::singleShot(0, this, &InspectorPage::fitColumnsOnce);
}

void InspectorPage::fitColumnsOnce()
{
    if (!m_fitColumns || m_model->rowCount() == 0 || !m_ui->requestTable->isVisible())
        return;
    m_fitColumns = false;
    RequestLogColumns::fitToRows(*m_ui->requestTable);
}

void InspectorPage::afterRowsInserted(int first, int last)
{
    if (!m_anchor.active || first != 0)
        return;
    m_anchor.active = false;
    QTableView* table = m_ui->requestTable;
    table->doItemsLayout(); // the scroll range takes in the new rows now, not later
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    table->verticalScrollBar()->setValue(m_anchor.scrollValue + (last - first + 1) * rowHeight);
}

void InspectorPage::currentRowChanged()
{
    updateActions();
    const qint64 id = currentId();
    if (id == m_shownId)
        return;
    showRequest(id);
}

void InspectorPage::showRequest(qint64 id)
{
    m_responseWaits = 0;
    loadDetail(id);
    loadTimeline(id);
}

void InspectorPage::waitForResponse(qint64 id)
{
    // The listener answered before its response was logged (the list has it, the store not
    // yet): both panes are read again until it is, a few times, at growing intervals.
    if (m_responseWaits >= kResponseWaits)
        return;
    const int delay = kFirstResponseWaitMs << m_responseWaits++;
    QTimer::singleShot(delay, this, [this, id] {
        if (m_shownId != id || currentId() != id)
            return;
        loadDetail(id);
        loadTimeline(id);
    });
}

void InspectorPage::loadDetail(qint64 id)
{
    const quint64 generation = ++m_detailGeneration;
    if (id == 0) {
        m_shownId = 0;
        m_shownEntry.reset();
        m_detailPane->clear();
        return;
    }
    const int row = m_model->rowOf(id);
    const std::optional<RequestLogEntry> listed =
        row >= 0 ? std::optional<RequestLogEntry>(m_model->entryAt(row)) : std::nullopt;
    auto show = [this, id](const RequestLogEntry& entry) {
        m_shownId = id;
        m_shownEntry = std::make_unique<RequestLogEntry>(entry);
        m_detailPane->setEntry(entry);
        updateActions();
        Q_EMIT entryShown(id);
    };
    if (id < 0) { // a live request whose log row could not be written: all there is
        if (listed)
            show(*listed);
        return;
    }
    using Read = StoreRead<RequestLogEntry>;
    m_context.worker().post<Read>(
        [id](QSqlDatabase& db) {
            const RequestLogReader reader(db);
            return Read::of(reader, reader.find(id));
        },
        this,
        [this, generation, id, listed, show](Read result) {
            if (generation != m_detailGeneration)
                return;
            if (!result.value) {
                if (listed)
                    show(*listed); // at least what the list has
                return;
            }
            RequestLogEntry& entry = *result.value;
            // The response of a request this moment old may not be recorded yet: the
            // listener told the list already, and the panes are read again once it is.
            const bool waiting = listed && entry.responseStatus == 0 && listed->responseStatus > 0;
            if (waiting) {
                entry.responseStatus = listed->responseStatus;
                entry.latencyUs = listed->latencyUs;
            }
            show(entry);
            if (waiting)
                waitForResponse(id);
            else if (std::exchange(m_responseWaits, 0) > 0)
                Q_EMIT responseShown(id);
        });
}

// --- actions ---

void InspectorPage::copyAsCurl()
{
    const qint64 id = currentId();
    if (id == 0)
        return;
    auto copy = [this] {
        if (m_shownEntry)
            m_actions->copyAsCurl(*m_shownEntry, m_ui->listenerBar->baseUrl());
    };
    if (m_shownId == id && m_shownEntry) {
        copy();
        return;
    }
    // The whole entry is not there yet: copy once it is.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(this, &InspectorPage::entryShown, this, [id, copy, connection](qint64 shown) {
            QObject::disconnect(*connection);
            if (shown == id)
                copy();
        });
    loadDetail(id);
}

void InspectorPage::startFaultDrill()
{
    m_actions->startFaultDrill();
}

void InspectorPage::stopFaultDrill()
{
    m_actions->stopFaultDrill();
}

void InspectorPage::replaySelected()
{
    m_actions->replay(currentId());
}

void InspectorPage::sendTestWebhook()
{
    m_actions->sendTestWebhook(m_numbers, m_ui->filterBar->numberId());
}

void InspectorPage::sendTestWebhookFor(const NumberRecord& number, WebhookSample::Kind kind)
{
    m_actions->sendTestWebhookFor(number, kind);
}

QString InspectorPage::actionResultText() const
{
    return m_ui->actionResultLabel->text();
}

void InspectorPage::showActionText(const QString& text)
{
    m_ui->actionResultLabel->setText(text);
}

void InspectorPage::showNote(const QString& text)
{
    m_ui->actionResultLabel->setText(text);
    m_ui->actionResultLabel->setToolTip(text);
    Q_EMIT statusMessage(text);
}

void InspectorPage::actionDone(const RequestReplayer::Result& result, const QString& text)
{
    showNote(text);
    if (result.requestLogId > 0) {
        m_selectWhenListed = result.requestLogId;
        selectPendingRow();
    }
    Q_EMIT actionFinished(result);
}

void InspectorPage::selectPendingRow()
{
    if (m_selectWhenListed == 0 || m_model->rowOf(m_selectWhenListed) < 0)
        return;
    selectRequest(std::exchange(m_selectWhenListed, 0));
}

// --- the timeline ---

void InspectorPage::loadTimeline(qint64 id)
{
    const quint64 generation = ++m_timelineGeneration;
    if (id <= 0) {
        showTimelineNote({});
        m_timelineView->clear();
        return;
    }
    using Read = StoreRead<MessageTimeline>;
    m_context.worker().post<Read>(
        [id](QSqlDatabase& db) {
            const MessageTimelineReader reader(db);
            return Read::of(reader, reader.forRequest(id));
        },
        this,
        [this, generation, id](Read read) {
            if (generation != m_timelineGeneration)
                return;
            if (read.value) {
                showTimelineNote({});
                m_timelineView->setTimeline(*read.value);
                m_timelineView->selectRequest(id);
            } else {
                m_timelineView->clear();
                showTimelineNote(
                    read.error.isEmpty()
                        ? tr("Request #%1 stored no message: it has no timeline.").arg(id)
                        : tr("Could not read the timeline: %1").arg(read.error));
            }
            Q_EMIT timelineShown(id);
        });
}

void InspectorPage::showTimelineNote(const QString& text)
{
    // The note stands in for the timeline (and its "select a request" placeholder).
    m_ui->timelineNote->setText(text);
    m_ui->timelineNote->setVisible(!text.isEmpty());
    m_timelineView->setVisible(text.isEmpty());
}

void InspectorPage::onTimelineActivated(qint64 id)
{
    if (id <= 0)
        return;
    if (m_model->rowOf(id) >= 0) {
        selectRequest(id);
        return;
    }
    if (!m_model->filter().isEmpty()) {
        // The filters hide it: they go, so that it can be shown in its place.
        m_ui->filterBar->clear();
        m_reselectId = id;
        m_selectWhenListed = id;
        const QString text =
            tr("The filters hid request #%1: they were cleared to show it.").arg(id);
        m_ui->actionResultLabel->setText(text);
        Q_EMIT statusMessage(text);
        return;
    }
    // Further down than the list has read: shown in the detail pane, selected once listed.
    m_selectWhenListed = id;
    loadDetail(id);
    const QString text = tr("Request #%1 is further down the list; it is shown below.").arg(id);
    m_ui->actionResultLabel->setText(text);
    Q_EMIT statusMessage(text);
}

// --- the conversation ---

void InspectorPage::openSelectedConversation()
{
    if (const qint64 messageId = currentMessageId(); messageId > 0)
        openConversation(messageId);
}

void InspectorPage::openConversation(qint64 messageId)
{
    m_conversations->open(messageId);
}

} // namespace smsdesk
