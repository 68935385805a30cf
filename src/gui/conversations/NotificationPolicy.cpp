#include "NotificationPolicy.h"

#include "ConversationText.h"

namespace smsdesk {

QList<NotificationPolicy::Notification>
NotificationPolicy::notifications(const QList<ConversationSummary>& summaries,
                                  const QList<qint64>& newIds)
{
    QList<Notification> found;
    for (const ConversationSummary& summary : summaries) {
        if (summary.lastIsOutbound() || !summary.isUnread() ||
            !newIds.contains(summary.lastMessageId))
            continue;
        Notification notification;
        notification.thread = summary.thread();
        notification.messageId = summary.lastMessageId;
        notification.title = summary.contactName.isEmpty()
                                 ? ConversationText::remote(summary.remote, summary.did)
                                 : summary.contactName;
        QString body = summary.lastText.simplified();
        if (body.size() > MaxBodyLength)
            body = body.left(MaxBodyLength - 1) + QChar(0x2026);
        if (body.isEmpty() && summary.lastMediaCount > 0)
            body = tr("%n picture(s) or file(s)", nullptr, summary.lastMediaCount);
        notification.body = body;
        found.append(notification);
    }
    if (found.size() > MaxSeparate) {
        Notification count;
        count.title = tr("%n conversation(s) with new messages", nullptr, int(found.size()));
        QStringList names;
        for (const Notification& notification : std::as_const(found).mid(0, MaxSeparate))
            names << notification.title;
        count.body = names.join(QStringLiteral(", ")) + QStringLiteral(", \u2026");
        return {count};
    }
    return found;
}

QString NotificationPolicy::trayToolTip(qint64 unread)
{
    return unread > 0 ? tr("SMS Desk: %n unread message(s)", nullptr, int(unread))
                      : tr("SMS Desk: no unread messages");
}

} // namespace smsdesk
