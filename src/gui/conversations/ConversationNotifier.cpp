#include "ConversationNotifier.h"

#include "AppContext.h"
#include "ListenerController.h"
#include "Settings.h"
#include "store/ConversationListReader.h"
#include "store/DatabaseWorker.h"

#include <QApplication>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>
#include <utility>

namespace smsdesk {

namespace {

// What a gathered batch read: the threads of the new messages and the unread count.
struct BatchRead
{
    QList<ConversationSummary> summaries;
    qint64 unread = -1;
};

constexpr int kIconSize = 64;

// The application's icon with a red badge holding `unread` (none for 0).
QIcon badgedIcon(const QIcon& base, qint64 unread)
{
    QPixmap pixmap = base.pixmap(kIconSize, kIconSize);
    if (pixmap.isNull()) {
        pixmap = QPixmap(kIconSize, kIconSize);
        pixmap.fill(QColor(0x1e, 0x88, 0xe5));
    }
    if (unread <= 0)
        return QIcon(pixmap);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(kIconSize * 0.42, 0, kIconSize * 0.58, kIconSize * 0.58);
    painter.setBrush(QColor(0xe5, 0x39, 0x35));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(badge);
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(int(kIconSize * (unread > 99 ? 0.22 : 0.34)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter,
                     unread > 99 ? QStringLiteral("99+") : QString::number(unread));
    return QIcon(pixmap);
}

} // namespace

ConversationNotifier::ConversationNotifier(AppContext& context, ListenerController& listener,
                                           QWidget* window)
    : QObject(window), m_context(context), m_window(window)
{
    m_isWindowActive = [this] { return m_window && m_window->isActiveWindow(); };
    m_gather.setSingleShot(true);
    m_gather.setInterval(GatherMs);
    connect(&m_gather, &QTimer::timeout, this, &ConversationNotifier::flush);
    connect(&listener, &ListenerController::requestHandled, this, &ConversationNotifier::addEvent);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = std::make_unique<QSystemTrayIcon>(badgedIcon(QApplication::windowIcon(), 0));
        m_tray->setToolTip(NotificationPolicy::trayToolTip(0));
        connect(m_tray.get(), &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason != QSystemTrayIcon::Trigger || !m_window)
                        return;
                    m_window->showNormal();
                    m_window->raise();
                    m_window->activateWindow();
                });
        connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
            if (!m_lastThread.did.isEmpty())
                Q_EMIT openThreadRequested(m_lastThread);
        });
        m_tray->show();
    }
    refreshUnread();
}

ConversationNotifier::~ConversationNotifier() = default;

void ConversationNotifier::addEvent(const ListenerEvent& event)
{
    if (event.messageIds.isEmpty() || (event.outcome != ListenerEvent::accepted() &&
                                       event.outcome != ListenerEvent::unassigned()))
        return;
    m_newIds += event.messageIds;
    if (!m_gather.isActive())
        m_gather.start();
}

void ConversationNotifier::flush()
{
    const QList<qint64> ids = std::exchange(m_newIds, {});
    const bool notify =
        NotificationPolicy::wanted(m_context.settings().notifyNewMessages(), m_isWindowActive());
    m_context.worker().post<BatchRead>(
        [ids, notify](QSqlDatabase& db) {
            const ConversationListReader reader(db);
            BatchRead read;
            if (notify)
                read.summaries = reader.threadsOf(ids);
            read.unread = reader.unreadTotal();
            return read;
        },
        this,
        [this, ids](BatchRead read) {
            if (read.unread >= 0)
                setUnread(read.unread);
            for (const NotificationPolicy::Notification& notification :
                 NotificationPolicy::notifications(read.summaries, ids)) {
                if (!notification.thread.did.isEmpty())
                    m_lastThread = notification.thread;
                if (m_tray)
                    m_tray->showMessage(notification.title, notification.body,
                                        QSystemTrayIcon::Information);
                Q_EMIT notified(notification.title, notification.body);
            }
        });
}

void ConversationNotifier::refreshUnread()
{
    m_context.worker().post<qint64>(
        [](QSqlDatabase& db) { return ConversationListReader(db).unreadTotal(); }, this,
        [this](qint64 unread) {
            if (unread >= 0)
                setUnread(unread);
        });
}

void ConversationNotifier::setUnread(qint64 unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    if (m_tray) {
        m_tray->setIcon(badgedIcon(QApplication::windowIcon(), unread));
        m_tray->setToolTip(NotificationPolicy::trayToolTip(unread));
    }
    Q_EMIT unreadChanged(unread);
}

} // namespace smsdesk
