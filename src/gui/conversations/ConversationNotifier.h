#pragma once

#include "NotificationPolicy.h"
#include "listener/ListenerEvent.h"
#include "store/ConversationReader.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

class QSystemTrayIcon;
class QWidget;

namespace smsdesk {

class AppContext;
class ListenerController;

// The window's tray icon and desktop notifications. The icon (shown only where a system tray
// is available) carries the number of unread messages (a badge and its tooltip); a click on
// it brings the window back. Each message from them that the listener stores while the window
// is not active gets a notification (NotificationPolicy decides; the setting
// conversations/notifyNewMessages turns them off), and a click on it opens its thread
// (openThreadRequested()). The listener's events are gathered for GatherMs, then their threads
// and the unread count are read through the DatabaseWorker: the GUI thread never waits.
class ConversationNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int GatherMs = 250;

    ConversationNotifier(AppContext& context, ListenerController& listener, QWidget* window);
    ~ConversationNotifier() override;

    // Null where no system tray is available.
    QSystemTrayIcon* trayIcon() const { return m_tray.get(); }
    qint64 unread() const { return m_unread; }
    // Whether the window counts as active (replaceable for tests: offscreen nothing is).
    void setWindowActiveCheck(std::function<bool()> check) { m_isWindowActive = std::move(check); }

public Q_SLOTS:
    // Reads the unread count again (after a thread was read or marked unread).
    void refreshUnread();

Q_SIGNALS:
    // A notification was decided on (and shown, where there is a tray).
    void notified(const QString& title, const QString& body);
    // The unread count was read.
    void unreadChanged(qint64 unread);
    // The user clicked a notification of `thread`: the window shows it.
    void openThreadRequested(const smsdesk::ConversationReader::Thread& thread);

private:
    void addEvent(const ListenerEvent& event);
    void flush();
    void setUnread(qint64 unread);

    AppContext& m_context;
    QPointer<QWidget> m_window;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    std::function<bool()> m_isWindowActive;
    QTimer m_gather;
    QList<qint64> m_newIds;
    qint64 m_unread = -1;
    ConversationReader::Thread m_lastThread; // of the last notification shown
};

} // namespace smsdesk
