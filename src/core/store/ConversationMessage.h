#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// One message of a conversation thread as ConversationReader reads it from `messages`: what
// a bubble shows.
struct ConversationMessage
{
    qint64 id = 0;
    QString direction; // "inbound" or "outbound"
    QString text;
    QStringList
        media;      // URLs, from the stored JSON array; entries that are not strings are left out
    QString status; // "received" for inbound; a delivery status for outbound ("delivered", ...)
    QString errorCode; // of the current status; empty: none
    // The provider's words on the newest status report (why it failed); empty: none.
    QString statusDetail;
    QString provider;
    qint64 receivedAtMs = 0;              // UTC ms: when we received or created it
    std::optional<qint64> providerTimeMs; // UTC ms: the provider's time; none: not given

    bool isOutbound() const { return direction == QLatin1String("outbound"); }
    // Failed, or unconfirmed (the outbox cannot tell whether it went out): either needs a
    // person.
    bool isFailed() const
    {
        return status == QLatin1String("failed") || status == QLatin1String("unconfirmed");
    }
};

} // namespace smsdesk
