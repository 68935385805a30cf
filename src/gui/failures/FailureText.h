#pragma once

#include "support/FailureEntry.h"

#include <QString>

namespace smsdesk {

// How the Failures page words a failure: the table's cells, the detail under it and the
// summary of a bulk retry. Pure (no widgets): the model, the page and the tests share it.
class FailureText
{
public:
    // "14:03:07" today, "3 Dec 14:03" this year, else "3 Dec 2025 14:03", local time.
    static QString time(qint64 atMs, qint64 nowMs);
    // The cause column: the title of its cause ("WH-2: A phone number is not in a format …").
    static QString cause(const FailureEntry& entry);
    // The detail of one failure, as HTML: what happened, the provider's words beside the
    // document's meaning, what to do.
    static QString detailHtml(const FailureEntry& entry);
    // "Retried 2; skipped 1 that a retry cannot fix: +17705551234 (invalid number (WH-2))."
    static QString retrySummary(int retried, const QStringList& skipped, int failed);
};

} // namespace smsdesk
