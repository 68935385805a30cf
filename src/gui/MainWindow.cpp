#include "MainWindow.h"

#include "AppContext.h"
#include "ListenerController.h"
#include "MediaArchiveService.h"
#include "OutboundService.h"
#include "Settings.h"
#include "conversations/ConversationNotifier.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationsPage.h"
#include "dashboard/DashboardPage.h"
#include "failures/FailuresPage.h"
#include "inspector/FaultDrillDialog.h"
#include "inspector/InspectorPage.h"
#include "numbers/NumbersPage.h"
#include "plans/PlansPage.h"
#include "send/SendMessageDialog.h"
#include "settings/SettingsDialog.h"
#include "store/Database.h"
#include "widgets/ThemeIcon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>

namespace smsdesk {

MainWindow::MainWindow(AppContext& context, const CommandLine::Options& options, QWidget* parent)
    : QMainWindow(parent), m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SMS Desk"));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setMinimumWidth(120);
    m_navigation->setSpacing(2);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.1);
    m_navigation->setFont(navigationFont);
    const int iconSize = m_navigation->fontMetrics().height() + 4;
    m_navigation->setIconSize(QSize(iconSize, iconSize));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

    createMenus();

    m_listener = new ListenerController(m_context, this);
    m_listener->setOverrides(options.listener);

    // The outbox worker runs while the window is open: what was queued while SMS Desk was
    // closed goes out now.
    OutboundService::Config outboundConfig;
    if (OutboundService::configFrom(m_context.settings(), options.outboundBase, &outboundConfig,
                                    &m_outboundError)) {
        m_outbound = std::make_unique<OutboundService>(m_context, outboundConfig);
        m_outbound->outbox().start();
    }

    m_conversationsPage = new ConversationsPage(m_context, *m_listener, this);
    m_dashboardPage = new DashboardPage(m_context, *m_listener, this);
    if (m_outbound)
        m_dashboardPage->setOutbox(&m_outbound->outbox());
    m_conversationsPage->setOutbox(m_outbound ? &m_outbound->outbox() : nullptr, m_outboundError);
    m_numbersPage = new NumbersPage(m_context, this);
    m_numbersPage->setListener(m_listener);
    m_plansPage = new PlansPage(m_context, this);
    m_inspectorPage = new InspectorPage(m_context, *m_listener, this);
    addPage(tr("Conversations"), m_conversationsPage, QKeySequence(Qt::CTRL | Qt::Key_1),
            ThemeIcon::icon(ThemeIcon::Conversations));
    addPage(tr("Dashboard"), m_dashboardPage, QKeySequence(Qt::CTRL | Qt::Key_2),
            ThemeIcon::icon(ThemeIcon::Details));
    addPage(tr("Numbers"), m_numbersPage, QKeySequence(Qt::CTRL | Qt::Key_3),
            ThemeIcon::icon(ThemeIcon::Numbers));
    addPage(tr("Plans"), m_plansPage, QKeySequence(Qt::CTRL | Qt::Key_4),
            ThemeIcon::icon(ThemeIcon::Plans));
    addPage(tr("Inspector"), m_inspectorPage, QKeySequence(Qt::CTRL | Qt::Key_5),
            ThemeIcon::icon(ThemeIcon::Inspector));
    m_failuresPage = new FailuresPage(m_context, *m_listener,
                                      m_outbound ? &m_outbound->outbox() : nullptr, this);
    addPage(tr("Failures"), m_failuresPage, QKeySequence(Qt::CTRL | Qt::Key_6),
            ThemeIcon::icon(ThemeIcon::Failures));
    // The unresolved failures as a badge on the page's entry: "Failures (3)".
    connect(m_failuresPage, &FailuresPage::unresolvedCountChanged, this, [this](qint64 count) {
        QListWidgetItem* item = m_navigation->item(m_pages->indexOf(m_failuresPage));
        item->setText(count > 0 ? tr("Failures (%1)").arg(count) : tr("Failures"));
    });
    connect(m_failuresPage, &FailuresPage::requestOpenRequested, this, [this](qint64 id) {
        showPage(m_inspectorPage);
        m_inspectorPage->openRequest(id);
    });
    connect(m_failuresPage, &FailuresPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_failuresPage,
            &FailuresPage::reloadNumbers);
    // The navigation as wide as its longest entry (a remembered width wins, see restoreState):
    // measured from the words, for the view's own size hints are not ready before it is shown.
    int longest = 0;
    for (int row = 0; row < m_navigation->count(); ++row)
        longest = std::max(longest, m_navigation->fontMetrics().horizontalAdvance(
                                        m_navigation->item(row)->text()));
    const int navigationWidth = longest + m_navigation->iconSize().width() +
                                2 * (m_navigation->frameWidth() + m_navigation->spacing()) + 32;
    m_splitter->setSizes({std::max(navigationWidth, m_navigation->minimumWidth()), 1000});

    // The media archive keeps a copy of what the listener's messages carry, and the thread
    // shows the copies (thumbnails; the state of each media) as they are kept.
    m_media = std::make_unique<MediaArchiveService>(m_context);
    connect(m_listener, &ListenerController::requestHandled, &m_media->archiver(),
            [media = m_media.get()](const ListenerEvent& event) { media->requestHandled(event); });
    m_conversationsPage->threadPane()->setMediaArchive(m_media->directory());
    connect(&m_media->archiver(), &MediaArchiver::entryUpdated, m_conversationsPage->threadPane(),
            &ConversationThreadPane::mediaUpdated);
    m_media->start();

    // A change on one page shows on the other.
    connect(m_plansPage, &PlansPage::plansChanged, m_numbersPage, &NumbersPage::reload);
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_plansPage, &PlansPage::reload);
    // Edited numbers take effect in the listener at once, not at its next periodic reload.
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_listener,
            &ListenerController::reloadNumbers);
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_inspectorPage,
            &InspectorPage::reloadNumbers);
    connect(m_numbersPage, &NumbersPage::sendMessageRequested, this, &MainWindow::openSendMessage);
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_conversationsPage,
            &ConversationsPage::reloadNumbers);
    connect(m_numbersPage, &NumbersPage::numbersChanged, m_dashboardPage,
            &DashboardPage::markDirty);
    connect(m_plansPage, &PlansPage::plansChanged, m_dashboardPage, &DashboardPage::markDirty);
    connect(m_dashboardPage, &DashboardPage::pageRequested, this,
            [this](DashboardPage::Target target) {
                switch (target) {
                case DashboardPage::Target::Conversations:
                    showPage(m_conversationsPage);
                    return;
                case DashboardPage::Target::Plans:
                    showPage(m_plansPage);
                    return;
                case DashboardPage::Target::Inspector:
                case DashboardPage::Target::Failures: // the Inspector lists the refusals
                    showPage(m_inspectorPage);
                    return;
                }
            });
    connect(m_conversationsPage, &ConversationsPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    // The tray's unread count follows what is read; a notification opens its thread.
    m_notifier = new ConversationNotifier(m_context, *m_listener, this);
    connect(m_conversationsPage, &ConversationsPage::markedRead, m_notifier,
            &ConversationNotifier::refreshUnread);
    connect(m_conversationsPage, &ConversationsPage::markedUnread, m_notifier,
            &ConversationNotifier::refreshUnread);
    connect(m_notifier, &ConversationNotifier::openThreadRequested, this,
            [this](const ConversationReader::Thread& thread) {
                showPage(m_conversationsPage);
                m_conversationsPage->showThread(thread);
            });
    connect(m_inspectorPage, &InspectorPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto* database =
        new QLabel(tr("Database: %1").arg(m_context.database().config().describe()), this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_listenerStatus = new QLabel(this);
    m_listenerStatus->setObjectName(QStringLiteral("listenerStatusLabel"));
    m_listenerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_listenerStatus);
    statusBar()->addPermanentWidget(database);
    connect(m_listener, &ListenerController::stateChanged, this, &MainWindow::updateListenerStatus);
    // A fault drill shows in the status bar and the title, whatever page is open.
    connect(m_listener, &ListenerController::drillChanged, this, &MainWindow::updateListenerStatus);
    updateListenerStatus();

    resize(1100, 680);
    restoreSettings();
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // Once, when the window first opens: the listener starts with it unless told not to.
    if (!m_autostartChecked) {
        m_autostartChecked = true;
        if (m_context.settings().autostart())
            m_listener->start();
    }
}

void MainWindow::updateListenerStatus()
{
    using State = ListenerController::State;
    const State state = m_listener->state();
    QString text;
    switch (state) {
    case State::Running:
        text = tr("Listener: running on %1").arg(m_listener->url());
        break;
    case State::Starting:
        text = tr("Listener: starting on %1").arg(m_listener->listenAddress());
        break;
    case State::Stopping:
        text = tr("Listener: stopping");
        break;
    case State::Stopped:
        text = tr("Listener: stopped");
        break;
    case State::Failed:
        text = tr("Listener: not running \u2014 %1").arg(m_listener->failureReason());
        break;
    }
    const FaultDrill drill = m_listener->drill();
    const bool drilling = drill.mode != FaultDrill::Mode::Off;
    if (drilling) {
        text += QStringLiteral(" — ") + (drill.mode == FaultDrill::Mode::Error
                                             ? tr("fault drill: answering 500, %1")
                                             : tr("fault drill: not answering, %1"))
                                            .arg(FaultDrillDialog::remainingText(drill));
    }
    m_listenerStatus->setText(text);
    m_listenerStatus->setToolTip(state == State::Failed ? m_listener->failureReason() : QString());
    QPalette palette = m_listenerStatus->palette();
    palette.setColor(QPalette::WindowText,
                     drilling ? QColor(0xb2, 0x4a, 0x00) : QPalette().color(QPalette::WindowText));
    m_listenerStatus->setPalette(palette);
    // "Fault drill active - SMS Desk" first, so that a short taskbar entry still says it.
    setWindowTitle(drilling ? tr("Fault drill active \u2014 SMS Desk") : tr("SMS Desk"));
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settings = file->addAction(tr("&Settings\u2026"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About SMS Desk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::addPage(const QString& title, QWidget* page, const QKeySequence& shortcut,
                         const QIcon& icon)
{
    const int index = m_pages->addWidget(page);
    auto* item = new QListWidgetItem(icon, title, m_navigation);
    item->setToolTip(tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText)));
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() * 2));

    QAction* action = m_viewMenu->addAction(icon, title);
    action->setObjectName(QStringLiteral("show%1Action").arg(index));
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this,
            [this, index] { m_navigation->setCurrentRow(index); });
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_context, *m_listener, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { m_media->reloadSettings(); });
    dialog->open();
}

void MainWindow::openSendMessage(qint64 numberId)
{
    if (!m_outbound) {
        QMessageBox::warning(this, tr("Send message"),
                             tr("Sending is not available: %1").arg(m_outboundError));
        return;
    }
    auto* dialog = new SendMessageDialog(m_context, m_outbound->outbox(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (numberId > 0)
        dialog->setFromNumberId(numberId);
    dialog->open();
}

void MainWindow::showPage(QWidget* page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SMS Desk"),
                       tr("<h3>SMS Desk %1</h3>"
                          "<p>Read, answer and administer SMS numbers on webhook providers.</p>"
                          "<p>Database: %2</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                m_context.database().config().describe().toHtmlEscaped()));
}

bool MainWindow::isBusy() const
{
    using State = ListenerController::State;
    const State state = m_listener->state();
    const bool listening =
        state == State::Starting || state == State::Running || state == State::Stopping;
    return listening || (m_outbound && !m_outbound->outbox().isIdle());
}

void MainWindow::closeWhenDone()
{
    if (!isBusy())
        closeNow();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (isBusy() && !m_closeNow) {
        // Like `--headless` on SIGTERM: take no new connection, answer every request in
        // flight, record the sends in flight, then close. The window goes at once; the
        // process follows within CloseTimeoutMs at most (a provider waits no longer than that
        // and then retries; a send still unanswered then is left unconfirmed, never resent by
        // itself).
        event->ignore();
        if (m_closing)
            return;
        m_closing = true;
        saveSettings();
        hide();
        connect(m_listener, &ListenerController::stopped, this, &MainWindow::closeWhenDone);
        if (m_outbound) {
            connect(&m_outbound->outbox(), &Outbox::idle, this, &MainWindow::closeWhenDone);
            m_outbound->outbox().stop();
        }
        QTimer::singleShot(CloseTimeoutMs, this, &MainWindow::closeNow);
        m_listener->stop();
        closeWhenDone(); // nothing was in flight after all
        return;
    }
    if (!m_closing)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::closeNow()
{
    if (m_closeNow) // stopped, then the timer (or the other way round)
        return;
    m_closeNow = true;
    // The window is hidden already, so closing it no longer counts as closing the last
    // window: quit as that would have.
    if (close() && QApplication::quitOnLastWindowClosed())
        QCoreApplication::quit();
}

void MainWindow::saveSettings() const
{
    Settings& settings = m_context.settings();
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setWindowSplitter(m_splitter->saveState());
    settings.setWindowPage(m_navigation->currentRow());
}

void MainWindow::restoreSettings()
{
    const Settings& settings = m_context.settings();
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    m_splitter->restoreState(settings.windowSplitter());
    const int page = settings.windowPage();
    m_navigation->setCurrentRow(page >= 0 && page < m_navigation->count() ? page : 0);
}

} // namespace smsdesk
