#pragma once

#include "store/ConversationReader.h"
#include "store/ConversationSummary.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace smsdesk {

// Which new messages get a desktop notification, and what it says: a message from them that
// is the newest of its thread, still unread, just stored (one of the ids the listener reported),
// while notifications are on and the window is not the active one. One notification per
// thread; beyond MaxSeparate threads at once, one that counts them. The title is the contact's
// name, else the number as the thread list shows it; the text is the message's start. Pure
// logic, no widgets: ConversationNotifier feeds it and shows what it decides.
class NotificationPolicy
{
    Q_DECLARE_TR_FUNCTIONS(smsdesk::NotificationPolicy)

public:
    static constexpr int MaxSeparate = 3;
    static constexpr int MaxBodyLength = 160;

    struct Notification
    {
        ConversationReader::Thread thread; // opened by a click; empty for a count
        qint64 messageId = 0;
        QString title;
        QString body;
    };

    // Whether to notify at all.
    static bool wanted(bool enabled, bool windowActive) { return enabled && !windowActive; }
    // The notifications for `summaries` (the threads of the messages `newIds`, read after they
    // were stored).
    static QList<Notification> notifications(const QList<ConversationSummary>& summaries,
                                             const QList<qint64>& newIds);
    // The tray's tooltip for `unread` unread messages.
    static QString trayToolTip(qint64 unread);
};

} // namespace smsdesk
