#pragma once

#include "FailureReader.h"
#include "outbound/PlanUsage.h"
#include "store/NumberRecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace smsdesk {

class Clock;

// What the Dashboard shows from the store, read at once: messages in and out today and in the
// billing cycle, every enabled number's plan usage with a forecast of its cycle's total, and
// the unresolved failures by cause (FailureReader: the Failures page's own counts, so the tile
// and the page's badge agree). One connection, used from its
// thread (a DatabaseWorker job); "now" comes from the Clock and days and cycles follow the
// user's time zone.
class DashboardReader
{
public:
    struct NumberUsage
    {
        NumberRecord number;
        // The plan's usage (hasPlan false without a plan: the cycle is then the calendar
        // month, for the counts below).
        PlanUsage usage;
        qint64 inboundInCycle = 0;
        qint64 outboundInCycle = 0;
        // The outbound messages the cycle will have counted at its end, at the rate so far.
        qint64 forecast = 0;
    };

    struct Snapshot
    {
        QDateTime readAt; // UTC
        qint64 inboundToday = 0;
        qint64 outboundToday = 0;
        // Summed over the enabled numbers, each in its own billing cycle.
        qint64 inboundInCycle = 0;
        qint64 outboundInCycle = 0;
        QList<NumberUsage> numbers; // enabled numbers, in E.164 order
        // Unresolved failures by kind and cause, most first.
        QList<FailureReader::CauseCount> failures;
        qint64 failureCount() const;
    };

    DashboardReader(QSqlDatabase db, const Clock& clock, QTimeZone zone);

    // None on error (lastError() is then set).
    std::optional<Snapshot> read() const;
    QString lastError() const { return m_lastError; }

    // The cycle's total at the rate so far: `used` messages from `startMs` to `nowMs`,
    // extrapolated to `endMs` (UTC ms). The rate is taken over at least an hour, so that the
    // first message of a cycle does not forecast thousands; never less than `used`.
    static qint64 forecast(qint64 used, qint64 startMs, qint64 endMs, qint64 nowMs);

private:
    struct InOut
    {
        qint64 inbound = 0;
        qint64 outbound = 0;
    };
    using Counts = QHash<QString, InOut>; // by DID

    // Inbound and outbound messages received in [startMs, endMs), by DID, in one pass.
    bool countMessages(qint64 startMs, qint64 endMs, Counts* counts) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
    QTimeZone m_zone;
    mutable QString m_lastError;
};

} // namespace smsdesk
