#include "InspectorPage.h"

#include "AppContext.h"
#include "InspectorActions.h"
#include "MessageTimelineView.h"
#include "RequestDetailPane.h"
#include "RequestLogColumns.h"
#include "RequestLogModel.h"
#include "Settings.h"
#include "conversations/ConversationOpener.h"
#include "listener/ListenerEvent.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/Rejection.h"
#include "store/DatabaseWorker.h"
#include "store/MessageTimelineReader.h"
#include "store/NumberRepository.h"
#include "store/RequestLogExportJob.h"
#include "store/StoreRead.h"
#include "ui_InspectorPage.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <algorithm>
#include <optional>

namespace smsdesk {

namespace {

// Provider combo values besides the provider ids.
const QString kAllProviders = QStringLiteral("*");
const QString kNoProvider = QStringLiteral("-");

const QColor kRunningColor(0x2e, 0x7d, 0x32);
const QColor kBusyColor(0xb2, 0x7b, 0x00);
const QColor kStoppedColor(0x75, 0x75, 0x75);
const QColor kFailedColor(0xc6, 0x28, 0x28);
const QColor kDrillBannerColor(0xff, 0xe0, 0xb2);
const QColor kDrillTextColor(0x5d, 0x2e, 0x00);

struct OutcomeChoice
{
    QString code;
    const char* text;
};

// The outcome filter's menu, grouped by what happened to the request.
const QList<OutcomeChoice>& storedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::accepted(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "accepted")},
        {ListenerEvent::duplicate(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "duplicate")},
        {ListenerEvent::unassigned(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "unassigned (no such number)")},
    };
    return choices;
}

const QList<OutcomeChoice>& refusedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::refusedAuth(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "refused: authorization")},
        {Rejection::malformedCode(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "malformed")},
        {Rejection::invalidCode(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "invalid value")},
        {Rejection::wrongContentTypeCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "wrong content type")},
        {Rejection::unrecognisedCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "unrecognised payload")},
        {Rejection::ambiguousCode(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "ambiguous payload")},
        {ListenerEvent::unknownNumber(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "unknown number")},
        {ListenerEvent::unknownPath(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "unknown path")},
        {ListenerEvent::wrongMethod(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "wrong method")},
        {ListenerEvent::tooLarge(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "too large")},
        {ListenerEvent::headersTooLarge(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "headers too large")},
        {ListenerEvent::timeout(), QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "timeout")},
        {ListenerEvent::badRequest(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "bad HTTP request")},
        {ListenerEvent::unsupported(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "unsupported HTTP")},
    };
    return choices;
}

const QList<OutcomeChoice>& failedOutcomes()
{
    static const QList<OutcomeChoice> choices = {
        {ListenerEvent::storeUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "store unavailable (503)")},
        {ListenerEvent::storeFailed(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "store failed (500)")},
        {ListenerEvent::credentialUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::InspectorPage", "keychain unavailable")},
    };
    return choices;
}

QString timeRangeKey(InspectorPage::TimeRange range)
{
    switch (range) {
    case InspectorPage::TimeRange::All:
        return QStringLiteral("all");
    case InspectorPage::TimeRange::Last15Minutes:
        return QStringLiteral("15m");
    case InspectorPage::TimeRange::LastHour:
        return QStringLiteral("1h");
    case InspectorPage::TimeRange::Last24Hours:
        return QStringLiteral("24h");
    case InspectorPage::TimeRange::Last7Days:
        return QStringLiteral("7d");
    case InspectorPage::TimeRange::Custom:
        return QStringLiteral("custom");
    }
    return QStringLiteral("all");
}

qint64 timeRangeMs(InspectorPage::TimeRange range)
{
    constexpr qint64 Minute = 60'000;
    switch (range) {
    case InspectorPage::TimeRange::Last15Minutes:
        return 15 * Minute;
    case InspectorPage::TimeRange::LastHour:
        return 60 * Minute;
    case InspectorPage::TimeRange::Last24Hours:
        return 24 * 60 * Minute;
    case InspectorPage::TimeRange::Last7Days:
        return 7 * 24 * 60 * Minute;
    default:
        return 0;
    }
}

QPixmap dot(const QColor& color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    return pixmap;
}

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

    m_chooseSavePath = [this](const QString& title, const QString& suggested) {
        return QFileDialog::getSaveFileName(this, title, suggested,
                                            tr("JSON Lines (*.jsonl);;All files (*)"));
    };

    setUpTable();
    setUpFilters();
    setUpActions();

    // The listener bar.
    m_copyUrlMenu = new QMenu(this);
    m_copyUrlMenu->setObjectName(QStringLiteral("copyUrlMenu"));
    m_copyUrlMenu->setToolTipsVisible(true);
    m_ui->copyUrlButton->setMenu(m_copyUrlMenu);
    connect(m_copyUrlMenu, &QMenu::aboutToShow, this, &InspectorPage::buildCopyUrlMenu);
    connect(m_ui->copyUrlButton, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(baseUrl());
        Q_EMIT statusMessage(tr("Copied %1").arg(baseUrl()));
    });
    buildCopyUrlMenu();
    connect(m_ui->startStopButton, &QPushButton::clicked, this, [this] {
        const ListenerController::State state = m_listener.state();
        if (state == ListenerController::State::Running ||
            state == ListenerController::State::Starting)
            m_listener.stop();
        else
            m_listener.start();
    });
    connect(&m_listener, &ListenerController::stateChanged, this,
            &InspectorPage::updateListenerState);
    connect(&m_listener, &ListenerController::requestsPerSecondChanged, this,
            &InspectorPage::updateRate);
    connect(&m_listener, &ListenerController::requestHandled, m_model, &RequestLogModel::addLive);
    connect(&m_listener, &ListenerController::warning, this,
            [this](const QString& message) { showListenerMessage(message, false); });
    connect(&m_listener, &ListenerController::numbersLoaded, this, [this] {
        // The listener read the numbers again: so do the filter and the URL menu.
        reloadNumbers();
    });
    updateListenerState();
    updateRate(m_listener.requestsPerSecond());
    showDrill(InspectorActions::drillText(m_listener.drill()));

    setUpSplitters();

    restoreFilter();
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

QTableView* InspectorPage::view() const
{
    return m_ui->requestTable;
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
    table->horizontalHeader()->restoreState(m_context.settings().inspectorHeader());

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
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &InspectorPage::updateCountLabel);
    connect(m_model, &RequestLogModel::pageLoaded, this, [this] {
        if (m_reselectId != 0) {
            const qint64 id = std::exchange(m_reselectId, 0);
            if (m_model->rowOf(id) >= 0)
                selectRequest(id);
            else if (m_shownId == id)
                loadDetail(0);
        }
        updateCountLabel();
        selectPendingRow();
    });
    connect(m_model, &RequestLogModel::loadFailed, this, &InspectorPage::updateCountLabel);
    connect(m_model, &RequestLogModel::pendingCountChanged, this, &InspectorPage::updatePauseText);
    // A click makes the row current before it selects it: both changes count.
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InspectorPage::currentRowChanged);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InspectorPage::currentRowChanged);
}

void InspectorPage::setUpFilters()
{
    // Outcome: a menu of checkable outcomes, grouped; a group's title checks its whole group.
    m_outcomeMenu = new QMenu(this);
    m_outcomeMenu->setObjectName(QStringLiteral("outcomeMenu"));
    m_outcomeMenu->installEventFilter(this); // checking an outcome keeps the menu open
    QAction* all = m_outcomeMenu->addAction(tr("Show all outcomes"));
    all->setObjectName(QStringLiteral("allOutcomesAction"));
    connect(all, &QAction::triggered, this, [this] {
        for (QAction* action : std::as_const(m_outcomeActions))
            action->setChecked(false);
        updateOutcomeButton();
        applyFilter();
    });
    auto addGroup = [this](const QString& title, const QString& name,
                           const QList<OutcomeChoice>& choices) {
        m_outcomeMenu->addSeparator();
        QAction* group = m_outcomeMenu->addAction(title);
        group->setObjectName(name);
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        QList<QAction*> members;
        for (const OutcomeChoice& choice : choices) {
            QAction* action = m_outcomeMenu->addAction(
                QStringLiteral("    ") +
                QCoreApplication::translate("smsdesk::InspectorPage", choice.text));
            action->setCheckable(true);
            action->setData(choice.code);
            action->setObjectName(QStringLiteral("outcome_%1").arg(choice.code));
            connect(action, &QAction::toggled, this, [this] {
                updateOutcomeButton();
                applyFilter();
            });
            m_outcomeActions.append(action);
            members.append(action);
        }
        connect(group, &QAction::triggered, this, [this, members] {
            const bool check = std::any_of(members.begin(), members.end(),
                                           [](QAction* action) { return !action->isChecked(); });
            m_restoring = true; // one reload for the group, not one per outcome
            for (QAction* action : members)
                action->setChecked(check);
            m_restoring = false;
            updateOutcomeButton();
            applyFilter();
        });
    };
    addGroup(tr("Stored"), QStringLiteral("storedOutcomesAction"), storedOutcomes());
    addGroup(tr("Refused"), QStringLiteral("refusedOutcomesAction"), refusedOutcomes());
    addGroup(tr("Failed"), QStringLiteral("failedOutcomesAction"), failedOutcomes());
    m_ui->outcomeButton->setMenu(m_outcomeMenu);
    connect(m_ui->outcomeButton, &QToolButton::clicked, m_ui->outcomeButton,
            &QToolButton::showMenu);

    // Provider.
    QComboBox* providers = m_ui->providerCombo;
    providers->addItem(tr("All providers"), kAllProviders);
    for (const ProviderCatalog::Info& info : ProviderCatalog::all())
        providers->addItem(info.displayName, info.id);
    providers->addItem(tr("No provider (unknown path)"), kNoProvider);
    connect(providers, &QComboBox::currentIndexChanged, this, &InspectorPage::applyFilter);

    // Number: filled once the numbers are read.
    QComboBox* numbers = m_ui->numberCombo;
    numbers->addItem(tr("All numbers"), qint64(0));
    connect(numbers, &QComboBox::currentIndexChanged, this, &InspectorPage::applyFilter);

    // Time range.
    QComboBox* time = m_ui->timeCombo;
    time->addItem(tr("Last 15 minutes"), int(TimeRange::Last15Minutes));
    time->addItem(tr("Last hour"), int(TimeRange::LastHour));
    time->addItem(tr("Last 24 hours"), int(TimeRange::Last24Hours));
    time->addItem(tr("Last 7 days"), int(TimeRange::Last7Days));
    time->addItem(tr("All time"), int(TimeRange::All));
    time->addItem(tr("Custom…"), int(TimeRange::Custom));
    time->setCurrentIndex(time->findData(int(TimeRange::All)));
    connect(time, &QComboBox::currentIndexChanged, this, [this] {
        updateCustomRange();
        applyFilter();
    });
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_context.clock().nowMs()).toLocalTime();
    m_ui->fromEdit->setDateTime(now.addDays(-1));
    m_ui->toEdit->setDateTime(now.addSecs(3600));
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this, &InspectorPage::applyFilter);
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, &InspectorPage::applyFilter);
    updateCustomRange();

    // Text, applied once typing pauses.
    m_ui->textFilter->setPlaceholderText(
        tr("Search path, headers and body (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_textDebounce.setSingleShot(true);
    m_textDebounce.setInterval(TextDebounceMs);
    connect(&m_textDebounce, &QTimer::timeout, this, &InspectorPage::applyFilter);
    connect(m_ui->textFilter, &QLineEdit::textChanged, this, [this] {
        if (!m_restoring)
            m_textDebounce.start();
    });
    connect(m_ui->textFilter, &QLineEdit::returnPressed, this, [this] {
        m_textDebounce.stop();
        applyFilter();
    });
}

void InspectorPage::setUpActions()
{
    QTableView* table = m_ui->requestTable;

    m_pauseAction = PageAction::makeWindowAction(this, QStringLiteral("pauseRequests"), tr("Pause"),
                                                 QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setCheckable(true);
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

    m_exportSelectionAction = PageAction::makeWindowAction(
        this, QStringLiteral("exportSelection"), tr("Export &selection…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        tr("Export the selected requests as JSON Lines (%1)"));
    connect(m_exportSelectionAction, &QAction::triggered, this, &InspectorPage::exportSelection);
    m_ui->exportSelectionButton->setDefaultAction(m_exportSelectionAction);

    m_exportFilteredAction = PageAction::makeWindowAction(
        this, QStringLiteral("exportFiltered"), tr("&Export list…"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Export every request the filters let through as JSON Lines (%1)"));
    connect(m_exportFilteredAction, &QAction::triggered, this, &InspectorPage::exportFiltered);
    m_ui->exportFilteredButton->setDefaultAction(m_exportFilteredAction);

    QAction* find = PageAction::makeWindowAction(this, QStringLiteral("findRequests"),
                                                 tr("&Search"), QKeySequence(QKeySequence::Find));
    connect(find, &QAction::triggered, this, [this] {
        m_ui->textFilter->setFocus(Qt::ShortcutFocusReason);
        m_ui->textFilter->selectAll();
    });

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
    m_ui->drillButton->setDefaultAction(faultDrillAction());

    // The table's context menu.
    table->addAction(m_conversationAction);
    table->addAction(replayAction());
    table->addAction(copyCurlAction());
    table->addAction(m_exportSelectionAction);
    table->addAction(m_exportFilteredAction);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    table->addAction(separator);
    table->addAction(m_pauseAction);
    table->addAction(testWebhookAction());
    table->addAction(faultDrillAction());
}

// --- filters ---

RequestLogFilter InspectorPage::currentFilter() const
{
    RequestLogFilter filter;
    for (const QAction* action : m_outcomeActions) {
        if (action->isChecked())
            filter.outcomes.append(action->data().toString());
    }
    const QString provider = m_ui->providerCombo->currentData().toString();
    if (provider == kNoProvider)
        filter.providers = QStringList{QString()};
    else if (provider != kAllProviders && !provider.isEmpty())
        filter.providers = QStringList{provider};
    filter.numberId = m_ui->numberCombo->currentData().toLongLong();
    const auto range = static_cast<TimeRange>(m_ui->timeCombo->currentData().toInt());
    if (range == TimeRange::Custom) {
        filter.fromMs = m_ui->fromEdit->dateTime().toMSecsSinceEpoch();
        filter.toMs = m_ui->toEdit->dateTime().toMSecsSinceEpoch();
    } else if (const qint64 span = timeRangeMs(range); span > 0) {
        filter.fromMs = m_context.clock().nowMs() - span;
    }
    filter.text = m_ui->textFilter->text().trimmed();
    return filter;
}

void InspectorPage::applyFilter()
{
    if (m_restoring)
        return;
    m_textDebounce.stop();
    saveFilter();
    const RequestLogFilter filter = currentFilter();
    if (filter == m_model->filter() && m_model->rowCount() > 0)
        return;
    if (const qint64 id = currentId(); id != 0)
        m_reselectId = id;
    m_model->setFilter(filter);
    updateCountLabel();
}

void InspectorPage::saveFilter() const
{
    Settings::InspectorFilter filter;
    for (const QAction* action : m_outcomeActions) {
        if (action->isChecked())
            filter.outcomes.append(action->data().toString());
    }
    filter.provider = m_ui->providerCombo->currentData().toString();
    filter.numberId = m_ui->numberCombo->currentData().toLongLong();
    filter.timeRange = timeRangeKey(static_cast<TimeRange>(m_ui->timeCombo->currentData().toInt()));
    filter.from = m_ui->fromEdit->dateTime().toUTC();
    filter.to = m_ui->toEdit->dateTime().toUTC();
    filter.text = m_ui->textFilter->text();
    m_context.settings().setInspectorFilter(filter);
}

void InspectorPage::restoreFilter()
{
    const Settings::InspectorFilter filter = m_context.settings().inspectorFilter();
    m_restoring = true;
    for (QAction* action : std::as_const(m_outcomeActions))
        action->setChecked(filter.outcomes.contains(action->data().toString()));
    const int provider = m_ui->providerCombo->findData(filter.provider);
    m_ui->providerCombo->setCurrentIndex(std::max(provider, 0));
    const qint64 number = filter.numberId;
    if (number > 0) {
        // A placeholder until the numbers are read (setNumbers() names it).
        m_ui->numberCombo->addItem(tr("Number #%1").arg(number), number);
        m_ui->numberCombo->setCurrentIndex(m_ui->numberCombo->count() - 1);
    }
    for (int i = 0; i < m_ui->timeCombo->count(); ++i) {
        if (timeRangeKey(static_cast<TimeRange>(m_ui->timeCombo->itemData(i).toInt())) ==
            filter.timeRange)
            m_ui->timeCombo->setCurrentIndex(i);
    }
    if (filter.from.isValid())
        m_ui->fromEdit->setDateTime(filter.from.toLocalTime());
    if (filter.to.isValid())
        m_ui->toEdit->setDateTime(filter.to.toLocalTime());
    m_ui->textFilter->setText(filter.text);
    m_restoring = false; // set since construction
    updateOutcomeButton();
    updateCustomRange();
}

void InspectorPage::updateOutcomeButton()
{
    QStringList checked;
    for (const QAction* action : std::as_const(m_outcomeActions)) {
        if (action->isChecked())
            checked.append(action->data().toString());
    }
    QString text;
    if (checked.isEmpty())
        text = tr("Outcome: all");
    else if (checked.size() == 1)
        text = tr("Outcome: %1").arg(checked.first());
    else
        text = tr("Outcome: %n chosen", nullptr, int(checked.size()));
    m_ui->outcomeButton->setText(text);
    m_ui->outcomeButton->setToolTip(checked.isEmpty() ? tr("Show only requests with these outcomes")
                                                      : checked.join(QStringLiteral(", ")));
}

void InspectorPage::updateCustomRange()
{
    const bool custom =
        static_cast<TimeRange>(m_ui->timeCombo->currentData().toInt()) == TimeRange::Custom;
    m_ui->fromEdit->setVisible(custom);
    m_ui->toEdit->setVisible(custom);
}

bool InspectorPage::eventFilter(QObject* watched, QEvent* event)
{
    // Checking an outcome keeps the menu open, so that several can be chosen at once.
    if (watched == m_outcomeMenu && event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        QAction* action = m_outcomeMenu->actionAt(mouse->position().toPoint());
        if (action && action->isCheckable() && action->isEnabled()) {
            action->trigger();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// --- numbers ---

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
    QComboBox* combo = m_ui->numberCombo;
    const qint64 selected = combo->currentData().toLongLong();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("All numbers"), qint64(0));
    for (const NumberRecord& number : numbers) {
        QString text = number.e164;
        if (!number.label.isEmpty())
            text += QStringLiteral(" \u2014 ") + number.label;
        if (!number.enabled)
            text += tr(" (disabled)");
        combo->addItem(text, number.id);
    }
    int index = combo->findData(selected);
    if (index < 0 && selected > 0) {
        // The number was deleted; its requests are still there.
        combo->addItem(tr("Number #%1 (deleted)").arg(selected), selected);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(index, 0));
    Q_EMIT numbersReloaded();
}

QString InspectorPage::baseUrl() const
{
    if (!m_listener.url().isEmpty())
        return m_listener.url();
    QHostAddress address;
    quint16 port = 0;
    QString error;
    if (ListenerService::parseAddress(m_listener.listenAddress(), &address, &port, &error))
        return ListenerService::urlFor(address, port);
    return ListenerService::urlFor(QHostAddress(QHostAddress::LocalHost),
                                   ListenerService::DefaultPort);
}

void InspectorPage::buildCopyUrlMenu()
{
    m_copyUrlMenu->clear();
    const QString base = baseUrl();
    auto copy = [this](const QString& text) {
        QGuiApplication::clipboard()->setText(text);
        Q_EMIT statusMessage(tr("Copied %1").arg(text));
    };

    QAction* address = m_copyUrlMenu->addAction(tr("Listener address: %1").arg(base));
    address->setObjectName(QStringLiteral("copyListenerUrlAction"));
    connect(address, &QAction::triggered, this, [copy, base] { copy(base); });
    QAction* any = m_copyUrlMenu->addAction(
        tr("Any provider (recognised from the payload): %1/webhook").arg(base));
    any->setObjectName(QStringLiteral("copyGenericUrlAction"));
    connect(any, &QAction::triggered, this,
            [copy, base] { copy(base + QStringLiteral("/webhook")); });

    m_copyUrlMenu->addSection(tr("Numbers"));
    int shown = 0;
    for (const NumberRecord& number : std::as_const(m_numbers)) {
        if (!number.enabled)
            continue;
        ++shown;
        const QString url = base + QStringLiteral("/webhooks/") + number.provider;
        QString name = number.e164;
        if (!number.label.isEmpty())
            name += QStringLiteral(" (") + number.label + QLatin1Char(')');
        QAction* action = nullptr;
        if (number.hasPathToken()) {
            // The token is only in the keychain: the path is copied up to where it goes.
            action =
                m_copyUrlMenu->addAction(tr("%1: %2").arg(name, url + QStringLiteral("/[token]")));
            action->setToolTip(tr("The path token is kept in the keychain only, so it is not "
                                  "copied: the URL ends with '/' and the token goes after it."));
            connect(action, &QAction::triggered, this,
                    [copy, url] { copy(url + QLatin1Char('/')); });
        } else {
            action = m_copyUrlMenu->addAction(tr("%1: %2").arg(name, url));
            action->setToolTip(tr("Where the provider of %1 posts its webhooks").arg(number.e164));
            connect(action, &QAction::triggered, this, [copy, url] { copy(url); });
        }
        action->setObjectName(QStringLiteral("copyUrl_%1").arg(number.id));
        action->setData(number.id);
    }
    if (shown == 0) {
        QAction* none = m_copyUrlMenu->addAction(tr("No enabled numbers"));
        none->setEnabled(false);
    }
}

// --- the listener ---

void InspectorPage::updateListenerState()
{
    using State = ListenerController::State;
    const State state = m_listener.state();
    QColor color = kStoppedColor;
    switch (state) {
    case State::Running:
        color = kRunningColor;
        break;
    case State::Starting:
    case State::Stopping:
        color = kBusyColor;
        break;
    case State::Failed:
        color = kFailedColor;
        break;
    case State::Stopped:
        break;
    }
    const int size = m_ui->listenerStateLabel->fontMetrics().height() * 3 / 4;
    m_ui->listenerStateIcon->setPixmap(dot(color, std::max(size, 8)));
    m_ui->listenerStateLabel->setText(ListenerController::stateText(state));
    QPalette palette = m_ui->listenerStateLabel->palette();
    palette.setColor(QPalette::WindowText, state == State::Stopped
                                               ? QPalette().color(QPalette::WindowText)
                                               : color.darker(110));
    m_ui->listenerStateLabel->setPalette(palette);

    const QString url = m_listener.url();
    m_ui->listenerAddressLabel->setText(url.isEmpty() ? tr("(%1)").arg(m_listener.listenAddress())
                                                      : url);
    m_ui->listenerAddressLabel->setToolTip(
        url.isEmpty() ? tr("Listens on %1 once started").arg(m_listener.listenAddress())
                      : tr("Webhooks are received at %1").arg(url));

    QPushButton* button = m_ui->startStopButton;
    const bool running = state == State::Running || state == State::Starting;
    button->setText(running ? tr("S&top") : tr("&Start"));
    button->setEnabled(state != State::Stopping);
    button->setToolTip(running ? tr("Stop listening (requests in flight are answered first)")
                               : tr("Start listening on %1").arg(m_listener.listenAddress()));

    updateActions();
    if (state == State::Failed)
        showListenerMessage(m_listener.failureReason(), true);
    else if (state == State::Starting || state == State::Stopped)
        showListenerMessage(QString(), false);
    updateRate(m_listener.requestsPerSecond());
}

void InspectorPage::updateRate(double rate)
{
    m_ui->rateLabel->setText(
        tr("%1 requests/s").arg(QLocale().toString(rate, 'f', rate >= 100 ? 0 : 1)));
}

void InspectorPage::showListenerMessage(const QString& text, bool error)
{
    QLabel* label = m_ui->listenerMessageLabel;
    label->setText(text);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, error ? kFailedColor : kBusyColor.darker(120));
    label->setPalette(palette);
    label->setVisible(!text.isEmpty());
}

// --- the table ---

void InspectorPage::updatePauseText()
{
    const bool paused = m_pauseAction->isChecked();
    const int pending = m_model->pendingCount();
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
    else if (m_model->atEnd())
        text = tr("%n request(s)", nullptr, m_model->rowCount());
    else
        text = tr("%n request(s) listed, more below", nullptr, m_model->rowCount());
    m_ui->countLabel->setText(text);
}

void InspectorPage::updateActions()
{
    m_actions->setCurrentRequest(currentId());
    m_exportSelectionAction->setEnabled(m_ui->requestTable->selectionModel()->hasSelection());
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

void InspectorPage::beforeRowsInserted(int first)
{
    m_anchor.active = false;
    if (first != 0 || m_model->rowCount() == 0)
        return;
    // Scrolled down, or a row selected: the rows in view stay where they are. At the top with
    // nothing selected, the newest rows come into view.
    const int value = m_ui->requestTable->verticalScrollBar()->value();
    if (value > 0 || m_ui->requestTable->selectionModel()->hasSelection())
        m_anchor = {true, value};
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
    loadDetail(id);
    loadTimeline(id);
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
        [this, generation, listed, show](Read result) {
            if (generation != m_detailGeneration)
                return;
            if (!result.value) {
                if (listed)
                    show(*listed); // at least what the list has
                return;
            }
            RequestLogEntry& entry = *result.value;
            // The response of a request this moment old may not be recorded yet: the
            // listener told the list already.
            if (listed && entry.responseStatus == 0) {
                entry.responseStatus = listed->responseStatus;
                entry.latencyUs = listed->latencyUs;
            }
            show(entry);
        });
}

// --- copy and export ---

void InspectorPage::copyAsCurl()
{
    const qint64 id = currentId();
    if (id == 0)
        return;
    auto copy = [this] {
        if (m_shownEntry)
            m_actions->copyAsCurl(*m_shownEntry, baseUrl());
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

void InspectorPage::exportSelection()
{
    const QModelIndexList rows = m_ui->requestTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QList<int> order;
    for (const QModelIndex& index : rows)
        order.append(index.row());
    std::sort(order.begin(), order.end()); // newest first, like the list
    QList<qint64> ids;
    QList<RequestLogEntry> unstored;
    for (const int row : std::as_const(order)) {
        const RequestLogEntry& entry = m_model->entryAt(row);
        if (entry.id > 0)
            ids.append(entry.id);
        else
            unstored.append(entry);
    }
    startExport(tr("Export selected requests"),
                [ids, unstored](RequestLogExportJob& job, const QString& path) {
                    job.startSelection(path, ids, unstored);
                });
}

void InspectorPage::exportFiltered()
{
    const RequestLogFilter filter = m_model->filter();
    startExport(tr("Export the listed requests"),
                [filter](RequestLogExportJob& job, const QString& path) {
                    job.startFiltered(path, filter);
                });
}

void InspectorPage::startExport(const QString& title, const ExportStart& start)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        folder + QStringLiteral("/smsdesk-requests-%1.jsonl")
                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = m_chooseSavePath(title, suggested);
    if (path.isEmpty())
        return;
    m_exportSelectionAction->setEnabled(false);
    m_exportFilteredAction->setEnabled(false);

    auto* job = new RequestLogExportJob(m_context.worker(), this);
    QPointer<QProgressDialog> progress =
        new QProgressDialog(tr("Exporting requests…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, job, &RequestLogExportJob::cancel);
    connect(job, &RequestLogExportJob::progressed, progress, [progress](int written) {
        progress->setLabelText(tr("Exporting requests… %n written", nullptr, written));
    });
    auto done = [this, job, progress](int rows, const QString& error) {
        if (progress)
            progress->deleteLater();
        job->deleteLater();
        m_exportFilteredAction->setEnabled(true);
        updateActions();
        if (error.isEmpty())
            Q_EMIT statusMessage(tr("Exported %n request(s) to %1", nullptr, rows)
                                     .arg(QDir::toNativeSeparators(job->path())));
        else
            Q_EMIT statusMessage(tr("Export failed: %1").arg(error));
        Q_EMIT exportFinished(job->path(), rows, error);
    };
    connect(job, &RequestLogExportJob::finished, this,
            [done](int written) { done(written, QString()); });
    connect(job, &RequestLogExportJob::failed, this,
            [done](const QString& error) { done(0, error); });
    start(*job, path);
}

// --- actions ---

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
    m_actions->sendTestWebhook(m_numbers, m_ui->numberCombo->currentData().toLongLong());
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

void InspectorPage::showDrill(const QString& text)
{
    const bool active = !text.isEmpty();
    if (active)
        m_ui->drillBannerLabel->setText(text);
    m_ui->drillBanner->setVisible(active);
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
    m_ui->timelineNote->hide();
    if (id <= 0) {
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
                m_timelineView->setTimeline(*read.value);
                m_timelineView->selectRequest(id);
            } else {
                m_timelineView->clear();
                m_ui->timelineNote->setText(
                    read.error.isEmpty()
                        ? tr("Request #%1 stored no message: it has no timeline.").arg(id)
                        : tr("Could not read the timeline: %1").arg(read.error));
                m_ui->timelineNote->show();
            }
            Q_EMIT timelineShown(id);
        });
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
        clearFilters();
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

void InspectorPage::clearFilters()
{
    m_restoring = true;
    for (QAction* action : std::as_const(m_outcomeActions))
        action->setChecked(false);
    m_ui->providerCombo->setCurrentIndex(0);
    m_ui->numberCombo->setCurrentIndex(0);
    m_ui->timeCombo->setCurrentIndex(m_ui->timeCombo->findData(int(TimeRange::All)));
    m_ui->textFilter->clear();
    m_restoring = false;
    updateOutcomeButton();
    updateCustomRange();
    applyFilter();
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
