#pragma once

#include <QStringList>
#include <QVariantList>

namespace smsdesk {

// The pieces of a WHERE clause that the readers of filtered lists (the Inspector's requests, the
// Failures page's failures) build alike: conditions appended to `where` (joined with AND by the
// caller) with their positional values appended to `values` in the same order.
class SqlConditions
{
public:
    // "?, ?, ?": `count` positional placeholders.
    static QString placeholders(qsizetype count);
    // `column` IN (…) the words of `any`; nothing when `any` is empty.
    static void addIn(QStringList* where, QVariantList* values, const QString& column,
                      const QStringList& any);
    // `column` from `fromMs` (inclusive) to `toMs` (exclusive); each bound only when above 0.
    static void addTimeRange(QStringList* where, QVariantList* values, const QString& column,
                             qint64 fromMs, qint64 toMs);
};

} // namespace smsdesk
