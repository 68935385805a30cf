#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// A provider's status report on an outbound message, for MessageWriter. The writer finds the
// outbound message with (provider, providerMessageId, deviceId), creates it when the app never
// saw it, adds a row to its status history (`message_status`) and moves its current status,
// never backwards (see rank()). A report on an inbound message (the gateway's "Incoming SMS")
// only joins the history of that message, when there is one: it never creates or touches an
// outbound one.
struct StatusRow
{
    enum class Concerns
    {
        Outbound, // a message we sent
        Inbound,  // a message we received: its history only
    };

    // Where a status stands: a report moves a message's status only to one of the same rank
    // or higher. "queued" < "sent" < "delivered" = "failed"; any other status ("unknown",
    // the outbox's own) ranks below them all.
    static int rank(const QString& status)
    {
        if (status == u"queued")
            return 1;
        if (status == u"sent")
            return 2;
        if (status == u"delivered" || status == u"failed")
            return 3;
        return 0;
    }

    Concerns concerns = Concerns::Outbound;
    QString provider;          // required: ProviderCatalog id
    QString providerMessageId; // required: the id the provider gave the message
    qint64 numberId = 0;       // 0: unknown (NULL); used when the message is created
    QString did;               // our number, when known; used when the message is created
    QString remote;            // the recipient, when known; used when the message is created
    QString status;            // required: the stored name ("sent", "delivered", "failed", ...)
    QString rawStatus;         // the provider's own value ("delivered", "8")
    QString errorCode;         // empty: NULL
    QString detail;            // the provider's words / the document's meaning; empty: NULL
    std::optional<qint64> providerTimeMs; // UTC ms; none: NULL
    qint64 receivedAtMs = 0;              // UTC ms; 0: the writer's clock at submit()
    // The gateway device that sent or received the message: part of what names it, as its
    // ids are the device's own. Empty: none (matches a message stored without one).
    QString deviceId;
    int sim = -1; // its SIM slot; -1: not known. Used when the message is created.
    // What the report says of the message itself (Zonitel), for a message it creates.
    QString text;
    QStringList media;
    std::optional<int> segments;
    // Equal for retries of the same report: a repeated report adds no history row. Empty: the
    // writer derives one from provider, provider id, raw status (or status), error code,
    // provider time and device.
    QString dedupeKey;
};

} // namespace smsdesk
