#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace smsdesk {

// Everything that happened to one message, in one lane, as MessageTimelineReader reads it
// from the store: each webhook request that brought it (the first delivery and every retry),
// what we answered, the outbound message's creation and every status report on it.
//
// A webhook request and our response to it are one event: the response (HTTP status,
// latency) is part of the delivery it answers, because the listener answers every request
// once and within milliseconds, so a separate response event would sit right under its
// delivery and double the lane's length without telling anything new. A request whose
// response was never recorded (the app stopped in between) has responseStatus 0.
//
// A status webhook and the status report it carried are one event too (StatusReport with
// requestLogId set). A report whose webhook request is no longer in the request log (purged,
// or among the omitted ones) has requestLogId 0; a repeated status webhook (the provider's
// retry of a report already stored) is a Duplicate.
struct MessageTimeline
{
    struct Event
    {
        enum class Kind
        {
            Sent,            // the outbound message was created (sent, or first seen in a report)
            Delivery,        // a webhook request stored as new (the message / a status webhook)
            Duplicate,       // a webhook request repeating one stored before (a retry)
            StatusReport,    // a status report on the outbound message
            OmittedRequests, // a gap: `omitted` webhook requests not loaded (see the reader)
            OmittedReports,  // a gap: `omitted` status reports not loaded
            SendAttempt,     // an attempt of the outbox to send the message (outbound_attempts)
        };

        Kind kind = Kind::Delivery;
        // When we received it (request, report) or created the message, UTC ms. A gap: when
        // the last event before it was received; omittedUntilMs: the first one after it.
        qint64 atMs = 0;
        std::optional<qint64> providerTimeMs; // the provider's time of a report / the message
        qint64 requestLogId = 0;              // the webhook request (request_log id); 0: none
        qint64 statusId = 0;                  // StatusReport: its message_status id; 0: none
        // Delivery, Duplicate: the request's outcome; Sent: "outbox" or "status-report" (how
        // the message came to be); StatusReport: the stored status ("delivered"); SendAttempt:
        // what the attempt came to ("accepted", "refused", "http-error", "bad-answer",
        // "not-sent", "no-answer", "refused-locally", "keychain", "interrupted").
        QString label;
        QString outcome; // the request's outcome ("accepted", "duplicate", ...); empty: none
        QString reason;  // the request's reason, when it has one
        // HTTP status we answered (SendAttempt: the provider answered); 0: none recorded (or no
        // request)
        int responseStatus = 0;
        qint64 latencyUs = -1; // how long we (SendAttempt: the provider) took; -1: none
        QString rawStatus;     // StatusReport: the provider's own value ("DELIVRD", "8")
        QString
            errorCode; // StatusReport / Sent / SendAttempt: the provider's error code; empty: none
        // StatusReport: the provider's words or the code's meaning; SendAttempt: what went wrong
        QString detail;
        int attempt = 0; // SendAttempt: its number among the message's attempts (1 = first)
        QString url;     // SendAttempt: the endpoint it was sent to; empty: not sent
        QString answer;  // SendAttempt: the provider's answer as received; empty: none
        // StatusReport: its provider time is earlier than that of a report received before it
        // (the provider sent them out of order); such a report did not change the status.
        bool outOfOrder = false;
        bool current = false;      // StatusReport: the message's current status is this one's
        qint64 omitted = 0;        // a gap: how many were left out
        qint64 omittedUntilMs = 0; // a gap: when the first event after it was received

        bool isGap() const { return kind == Kind::OmittedRequests || kind == Kind::OmittedReports; }
        bool hasRequest() const { return requestLogId > 0; }
    };

    qint64 messageId = 0;
    QString direction; // "inbound" or "outbound"
    QString provider;
    QString did;    // our number
    QString remote; // the other party
    QString text;
    QString currentStatus; // the message's status as stored ("received", "delivered", ...)
    QString errorCode;     // of the current status; empty: none
    QString providerMessageId;
    qint64 receivedAtMs = 0;

    // In order of atMs; ties keep the order the store wrote them in (ids).
    QList<Event> events;

    // Rows of the message that the reader left out (each also a gap event in `events`).
    qint64 totalRequests = 0;
    qint64 totalReports = 0;
    qint64 totalAttempts = 0; // the outbox's send attempts (at most maxRows are read)
    qint64 omittedRequests = 0;
    qint64 omittedReports = 0;

    // A PBX message: every webhook request of its message_id, oldest first, the refused ones
    // too (they carry no link to the message), and where the PBX sends it after its last
    // attempt. Empty for other providers. The n-th of them is the PBX's attempt n.
    QList<qint64> pbxDeliveryIds;
    QString pbxFallbackEmail;

    bool isOutbound() const { return direction == QLatin1String("outbound"); }
    bool isTruncated() const { return omittedRequests > 0 || omittedReports > 0; }
    // The event of the report that set the current status; -1 when none is shown.
    int currentEventIndex() const;
    // The first event of a webhook request; -1 when none is shown.
    int indexOfRequest(qint64 requestLogId) const;
};

} // namespace smsdesk
