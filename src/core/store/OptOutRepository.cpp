#include "OptOutRepository.h"

#include "Database.h"
#include "MessageExporter.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace smsdesk {

namespace {

const QString kColumns =
    QStringLiteral("SELECT did, remote, opted_out, keyword, changed_at, message_id FROM opt_outs");

OptOutRepository::OptOut optOutAt(const QSqlQuery& query)
{
    OptOutRepository::OptOut optOut;
    optOut.did = query.value(0).toString();
    optOut.remote = query.value(1).toString();
    optOut.optedOut = query.value(2).toInt() != 0;
    optOut.keyword = query.value(3).toString();
    optOut.changedAtMs = query.value(4).toLongLong();
    optOut.messageId = query.value(5).isNull() ? 0 : query.value(5).toLongLong();
    return optOut;
}

} // namespace

OptOutRepository::OptOutRepository(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<OptOutRepository::OptOut> OptOutRepository::find(const QString& did,
                                                               const QString& remote) const
{
    m_lastError.clear();
    std::optional<OptOut> found;
    Database::select(
        m_db, kColumns + QStringLiteral(" WHERE did = ? AND remote = ?"), {did, remote},
        [&found](const QSqlQuery& query) { found = optOutAt(query); }, &m_lastError);
    return found;
}

std::optional<QList<OptOutRepository::OptOut>> OptOutRepository::list(bool optedOutOnly) const
{
    m_lastError.clear();
    QList<OptOut> optOuts;
    const QString sql = kColumns +
                        (optedOutOnly ? QStringLiteral(" WHERE opted_out = 1") : QString()) +
                        QStringLiteral(" ORDER BY did, remote");
    if (!Database::select(
            m_db, sql, {}, [&optOuts](const QSqlQuery& query) { optOuts << optOutAt(query); },
            &m_lastError))
        return std::nullopt;
    return optOuts;
}

QByteArray OptOutRepository::csv(const QList<OptOut>& optOuts)
{
    QByteArray out = "did,remote,opted_out,keyword,changed_at,message_id\r\n";
    for (const OptOut& optOut : optOuts) {
        const QList<QByteArray> fields = {
            MessageExporter::csvField(optOut.did),
            MessageExporter::csvField(optOut.remote),
            optOut.optedOut ? QByteArray("true") : QByteArray("false"),
            MessageExporter::csvField(optOut.keyword),
            QDateTime::fromMSecsSinceEpoch(optOut.changedAtMs, Qt::UTC)
                .toString(Qt::ISODateWithMs)
                .toUtf8(),
            optOut.messageId > 0 ? QByteArray::number(optOut.messageId) : QByteArray()};
        out += fields.join(',') + "\r\n";
    }
    return out;
}

} // namespace smsdesk
