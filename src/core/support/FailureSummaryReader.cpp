#include "FailureSummaryReader.h"

#include "listener/ListenerEvent.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace smsdesk {

FailureSummaryReader::FailureSummaryReader(QSqlDatabase db) : m_db(std::move(db)) {}

QStringList FailureSummaryReader::successOutcomes()
{
    return {ListenerEvent::accepted(), ListenerEvent::duplicate(), ListenerEvent::unassigned(),
            ListenerEvent::drillError(), ListenerEvent::drillNoAnswer()};
}

QList<FailureSummaryReader::Cause> FailureSummaryReader::causesSince(qint64 sinceMs) const
{
    m_lastError.clear();
    QList<Cause> causes;
    const QStringList ok = successOutcomes();
    QString placeholders;
    QVariantList values{sinceMs};
    for (const QString& outcome : ok) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(outcome);
    }
    QString error;
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT outcome, COUNT(*), MAX(received_at) FROM request_log WHERE "
                           "received_at >= ? AND outcome NOT IN (%1) GROUP BY outcome")
                .arg(placeholders),
            values,
            [&causes](const QSqlQuery& query) {
                causes.append({Cause::Kind::Inbound, query.value(0).toString(),
                               query.value(1).toLongLong(), query.value(2).toLongLong()});
            },
            &error)) {
        m_lastError = error;
        return {};
    }
    if (!Database::select(
            m_db,
            QStringLiteral("SELECT COALESCE(NULLIF(error_code, ''), status), COUNT(*), "
                           "MAX(received_at) FROM messages WHERE direction = 'outbound' AND "
                           "status IN ('failed', 'unconfirmed') AND received_at >= ? GROUP BY "
                           "COALESCE(NULLIF(error_code, ''), status)"),
            {sinceMs},
            [&causes](const QSqlQuery& query) {
                causes.append({Cause::Kind::Outbound, query.value(0).toString(),
                               query.value(1).toLongLong(), query.value(2).toLongLong()});
            },
            &error)) {
        m_lastError = error;
        return {};
    }
    std::stable_sort(causes.begin(), causes.end(), [](const Cause& a, const Cause& b) {
        return a.count != b.count ? a.count > b.count : a.newestMs > b.newestMs;
    });
    return causes;
}

} // namespace smsdesk
