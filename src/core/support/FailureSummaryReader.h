#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace smsdesk {

// The unresolved failures by cause, counted for the Dashboard's tile on one connection (use it
// from that connection's thread, e.g. in a DatabaseWorker job).
//
// Until the store tracks failures and their resolution, "unresolved" means "since a moment"
// (the caller's window): inbound requests the listener refused or could not store (by the
// request log's outcome) and outbound messages that failed or are unconfirmed (by their
// provider's error code, or their status when they have none). This is the one place that
// knows how failures are stored: when the Failures page's reader exists, this class asks it.
class FailureSummaryReader
{
public:
    struct Cause
    {
        enum class Kind
        {
            Inbound,  // a refused webhook: `code` is the request log's outcome ("refused-auth")
            Outbound, // a send: `code` is the provider's error code ("WH-2") or the status
                      // ("failed", "unconfirmed") when there is none
        };
        Kind kind = Kind::Inbound;
        QString code;
        qint64 count = 0;
        qint64 newestMs = 0; // UTC ms of the newest failure of this cause
    };

    explicit FailureSummaryReader(QSqlDatabase db);

    // Every cause with failures at or after `sinceMs` (UTC ms), most failures first; empty on
    // error (lastError() is then set).
    QList<Cause> causesSince(qint64 sinceMs) const;
    QString lastError() const { return m_lastError; }

    // The request log outcomes that are not failures: the webhook was stored (or was a
    // duplicate of a stored one), or a fault drill answered it wrongly on purpose.
    static QStringList successOutcomes();

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
