#pragma once

#include "FailureEntry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads the support desk's failures (see FailureEntry) on one connection, SQLite or
// PostgreSQL; use it from that connection's thread (a DatabaseWorker job). Newest first, keyset
// pages on (time DESC, key DESC). The four kinds are read from where they are kept:
//   Send      messages (outbound, failed or unconfirmed) with an outbox row, their attempts
//   Delivery  message_status rows that report a failure (status failed; Zonitel: unknown too)
//   Inbound   request_log rows whose outcome is a refusal or a store failure
//             (FailureCatalogue::inboundFailureOutcomes())
//   Fallback  the PBX's webhook requests grouped by the message_id in their bodies: those with
//             failed deliveries and none stored (a message the PBX is still retrying, or has
//             sent to its fallback email after PbxFallback::MaxAttempts)
// A resolution (FailureResolutions) hides a failure unless the filter includes resolved ones.
// Every statement is finished before a call returns.
class FailureReader
{
public:
    struct Cursor
    {
        qint64 atMs = 0;
        QString key;
    };
    struct CauseCount
    {
        FailureEntry::Kind kind = FailureEntry::Kind::Send;
        QString cause;
        qint64 count = 0;
    };
    // What the PBX's deliveries of one message_id came to, as the request log has them.
    struct PbxDeliveries
    {
        int attempts = 0; // webhook requests seen with this message_id
        int failed = 0;   // of them, not answered as stored
        bool stored = false;
        QString fallbackEmail;    // the number's, else the one the PBX sent; empty: none
        QList<qint64> requestIds; // the deliveries' request_log ids, oldest first
    };

    explicit FailureReader(QSqlDatabase db);

    // Up to `limit` failures matching `filter`, newest first, strictly after `after`.
    QList<FailureEntry> page(const FailureFilter& filter, const std::optional<Cursor>& after,
                             int limit) const;
    // How many failures match `filter` (its causes ignored), by kind and cause, most first.
    QList<CauseCount> causes(const FailureFilter& filter) const;
    // How many failures are unresolved (the page's badge); -1 on error.
    qint64 unresolvedCount() const;
    // The deliveries of the PBX message `pbxMessageId` (its message_id); none on error.
    std::optional<PbxDeliveries> pbxDeliveries(const QString& pbxMessageId) const;

    static Cursor cursorOf(const FailureEntry& entry) { return {entry.atMs, entry.key}; }
    QString lastError() const { return m_lastError; }

private:
    // The union of the four kinds, with the resolution joined, as SQL; `where` applied.
    QString failures(const QString& columns, const FailureFilter& filter, bool withCauses,
                     QVariantList* values, QStringList* where) const;
    bool isPostgres() const;
    // Fills the fallback email of PBX entries whose number has none from their last request.
    void completeFallbacks(QList<FailureEntry>* entries) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
