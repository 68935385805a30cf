#pragma once

#include "CommandLine.h"

#include <QIcon>
#include <QMainWindow>
#include <memory>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QSplitter;

namespace smsdesk {

class AppContext;
class ConversationNotifier;
class ConversationsPage;
class DashboardPage;
class FailuresPage;
class InspectorPage;
class ListenerController;
class NumbersPage;
class MediaArchiveService;
class OutboundService;
class PlansPage;

// The main window: a navigation list on the left, the pages on the right (Conversations first,
// then the Dashboard, Numbers, Plans, the Inspector and Failures: Ctrl+1 … Ctrl+6, Failures
// with the count of unresolved failures as a badge), the database in use and the
// listener's state in the status bar. Geometry, layout and the last page are
// remembered in the Settings. It runs the webhook listener (ListenerController) and starts it
// when it opens unless the setting listener/autostart is false.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Closing the window while the listener runs stops it first, as gracefully as
    // `--headless` does on SIGTERM, and waits for that at most this long.
    static constexpr int CloseTimeoutMs = 5000;

    // `options`: the command line's --listen … (over the settings) and --outbound-base.
    explicit MainWindow(AppContext& context, const CommandLine::Options& options = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    ConversationsPage* conversationsPage() const { return m_conversationsPage; }
    DashboardPage* dashboardPage() const { return m_dashboardPage; }
    NumbersPage* numbersPage() const { return m_numbersPage; }
    PlansPage* plansPage() const { return m_plansPage; }
    InspectorPage* inspectorPage() const { return m_inspectorPage; }
    FailuresPage* failuresPage() const { return m_failuresPage; }
    ListenerController* listener() const { return m_listener; }
    // The tray icon (unread count) and the new-message notifications.
    ConversationNotifier* notifier() const { return m_notifier; }
    // What sends: the outbox and its worker (nullptr when the outbound settings are unusable;
    // the status bar says why).
    OutboundService* outbound() const { return m_outbound.get(); }
    // The media archive of inbound messages' media.
    MediaArchiveService* media() const { return m_media.get(); }
    void showPage(QWidget* page);
    QWidget* currentPage() const;

public Q_SLOTS:
    // Opens the Settings dialog (Ctrl+,).
    void openSettings();
    // Opens "Send message", from number `numberId` when it can send (0: the first that can).
    void openSendMessage(qint64 numberId = 0);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // Adds a page to the navigation list, the stack and the View menu, with its icon
    // (ThemeIcon).
    void addPage(const QString& title, QWidget* page, const QKeySequence& shortcut,
                 const QIcon& icon = QIcon());
    void createMenus();
    void showAbout();
    void saveSettings() const;
    void restoreSettings();
    void updateListenerStatus();
    void closeNow();
    // Listening, or a send in flight.
    bool isBusy() const;
    void closeWhenDone();

    AppContext& m_context;
    QSplitter* m_splitter = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QMenu* m_viewMenu = nullptr;
    ConversationsPage* m_conversationsPage = nullptr;
    DashboardPage* m_dashboardPage = nullptr;
    NumbersPage* m_numbersPage = nullptr;
    PlansPage* m_plansPage = nullptr;
    ListenerController* m_listener = nullptr;
    ConversationNotifier* m_notifier = nullptr;
    std::unique_ptr<OutboundService> m_outbound;
    QString m_outboundError; // why m_outbound is missing
    std::unique_ptr<MediaArchiveService> m_media;
    InspectorPage* m_inspectorPage = nullptr;
    FailuresPage* m_failuresPage = nullptr;
    QLabel* m_listenerStatus = nullptr;
    bool m_autostartChecked = false;
    bool m_closing = false;  // the listener is stopping so the window can close
    bool m_closeNow = false; // stopped, or waited long enough
};

} // namespace smsdesk
