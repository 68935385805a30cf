#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <algorithm>
#include <cstdio>

namespace smsdesk::bench {

// What the benchmarks that fill a store of their own share: one statement run with its error
// printed, one number read, the median of a figure's runs.

// Runs `sql` on `query`; false, with the error and the statement's start on stderr, when it
// failed.
inline bool exec(QSqlQuery& query, const QString& sql)
{
    if (query.exec(sql))
        return true;
    std::fprintf(stderr, "bench: %s\n  %s\n", qPrintable(query.lastError().text()),
                 qPrintable(sql.left(300)));
    return false;
}

// The first column of the first row of `sql`; -1 when it failed or had no row.
inline qint64 scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace smsdesk::bench
