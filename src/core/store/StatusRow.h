#pragma once

#include <QString>
#include <optional>

namespace smsdesk {

// A provider's status report on an outbound message, for MessageWriter. The writer finds the
// outbound message with (provider, providerMessageId), creates it when the app never saw it,
// adds a row to its status history (`message_status`) and moves its current status.
struct StatusRow
{
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
    // Equal for retries of the same report: a repeated report adds no history row. Empty: the
    // writer derives one from provider, provider id, raw status (or status), error code and
    // provider time.
    QString dedupeKey;
};

} // namespace smsdesk
