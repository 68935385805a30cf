#include "FailureCsv.h"

#include "FailureCatalogue.h"
#include "FailureReader.h"
#include "store/MessageExporter.h"

#include <QDateTime>
#include <QSaveFile>

namespace smsdesk {

namespace {

constexpr int kPageRows = 500;

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
                  : QString();
}

} // namespace

QByteArray FailureCsv::header()
{
    return QByteArrayLiteral("time,kind,number,remote,provider,cause,code,http_status,attempts,"
                             "meaning,resolution,detail,message_id,request_id,resolved_by,"
                             "resolved_at\r\n");
}

QByteArray FailureCsv::line(const FailureEntry& entry)
{
    const FailureCatalogue::Explanation explanation = FailureCatalogue::explain(entry);
    const QStringList fields{
        isoTime(entry.atMs),
        FailureCatalogue::kindName(entry.kind),
        entry.did,
        entry.remote,
        entry.provider,
        entry.cause,
        entry.kind == FailureEntry::Kind::Fallback ? entry.pbxMessageId : entry.code,
        entry.httpStatus > 0 ? QString::number(entry.httpStatus) : QString(),
        entry.attempts > 0 ? QString::number(entry.attempts) : QString(),
        explanation.meaning,
        explanation.resolution,
        entry.detail,
        entry.messageId > 0 ? QString::number(entry.messageId) : QString(),
        entry.requestId > 0 ? QString::number(entry.requestId) : QString(),
        entry.resolvedBy,
        isoTime(entry.resolvedAtMs),
    };
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += MessageExporter::csvField(fields.at(i));
    }
    return line + "\r\n";
}

FailureCsv::Result FailureCsv::write(QSqlDatabase db, const FailureFilter& filter,
                                     const QString& path)
{
    Result result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = file.errorString();
        return result;
    }
    file.write(header());
    const FailureReader reader(std::move(db));
    std::optional<FailureReader::Cursor> after;
    for (;;) {
        const QList<FailureEntry> page = reader.page(filter, after, kPageRows);
        if (!reader.lastError().isEmpty()) {
            result.error = reader.lastError();
            file.cancelWriting();
            return result;
        }
        for (const FailureEntry& entry : page)
            file.write(line(entry));
        result.rows += page.size();
        if (page.size() < kPageRows)
            break;
        after = FailureReader::cursorOf(page.constLast());
    }
    if (!file.commit())
        result.error = file.errorString();
    return result;
}

} // namespace smsdesk
