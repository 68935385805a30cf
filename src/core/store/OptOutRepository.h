#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Whether a remote opted out of one of our numbers' messages, as the `opt_outs` table keeps it
// (migration 11: its trigger writes a row in the transaction that stores the inbound STOP or
// START, so nothing here writes). The outbox refuses to send to a remote that is opted out
// (OPTED-OUT); the Conversations page shows the state above the compose box; `smsdesk export
// --opt-outs` and the page's menu export the list. Use it on one connection from that
// connection's thread (a DatabaseWorker job).
class OptOutRepository
{
public:
    struct OptOut
    {
        QString did;    // E.164
        QString remote; // E.164 (or a sender name, as it came)
        bool optedOut = false;
        QString keyword; // STOP, START, … as the store read it
        qint64 changedAtMs = 0;
        qint64 messageId = 0; // the message that said it; 0 when it was deleted since
    };

    explicit OptOutRepository(QSqlDatabase db);

    // The remote's state for number `did`; none when it never sent a keyword (or on error:
    // lastError()).
    std::optional<OptOut> find(const QString& did, const QString& remote) const;
    // Every remote that sent a keyword (only those opted out now when `optedOutOnly`), by number
    // then remote. None on error.
    std::optional<QList<OptOut>> list(bool optedOutOnly = false) const;

    QString lastError() const { return m_lastError; }

    // The list as CSV: did, remote, opted_out (true|false), keyword, changed_at (ISO 8601 UTC),
    // message_id; a header line first.
    static QByteArray csv(const QList<OptOut>& optOuts);

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
