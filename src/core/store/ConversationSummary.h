#pragma once

#include "ConversationReader.h"

#include <QString>

namespace smsdesk {

// One conversation thread as the thread list shows it: a row of `conversations` (kept by the
// store's triggers) with its newest message and its draft, read by ConversationListReader.
struct ConversationSummary
{
    QString did;         // our number, E.164
    QString remote;      // the other party: E.164, or an alphanumeric sender as it came
    qint64 numberId = 0; // the provisioned number; 0: none (an unassigned message)
    qint64 lastMessageId = 0;
    qint64 lastAtMs = 0;   // UTC ms: received_at of the newest message
    QString lastDirection; // "inbound" or "outbound"
    QString lastText;      // the newest message's text, its first 200 characters
    QString lastStatus;
    int lastMediaCount = 0;
    qint64 messageCount = 0;
    qint64 unreadCount = 0; // inbound messages after the read marker
    qint64 failedCount = 0; // outbound messages that failed or are unconfirmed
    QString draftText;      // the compose box's draft; empty: none
    QString draftMediaUrl;
    QString contactName; // the other party's name (contacts); empty: not named

    ConversationReader::Thread thread() const { return {did, remote}; }
    bool isUnread() const { return unreadCount > 0; }
    bool hasFailed() const { return failedCount > 0; }
    bool hasDraft() const { return !draftText.isEmpty() || !draftMediaUrl.isEmpty(); }
    bool lastIsOutbound() const { return lastDirection == QLatin1String("outbound"); }
};

} // namespace smsdesk
