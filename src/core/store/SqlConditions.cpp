#include "SqlConditions.h"

namespace smsdesk {

QString SqlConditions::placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1String(", "));
}

void SqlConditions::addIn(QStringList* where, QVariantList* values, const QString& column,
                          const QStringList& any)
{
    if (any.isEmpty())
        return;
    where->append(QStringLiteral("%1 IN (%2)").arg(column, placeholders(any.size())));
    for (const QString& value : any)
        values->append(value);
}

void SqlConditions::addTimeRange(QStringList* where, QVariantList* values, const QString& column,
                                 qint64 fromMs, qint64 toMs)
{
    if (fromMs > 0) {
        where->append(QStringLiteral("%1 >= ?").arg(column));
        values->append(fromMs);
    }
    if (toMs > 0) {
        where->append(QStringLiteral("%1 < ?").arg(column));
        values->append(toMs);
    }
}

} // namespace smsdesk
