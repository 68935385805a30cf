#pragma once

#include "PlanUsage.h"
#include "store/NumberRecord.h"

#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace smsdesk {

class Clock;

// Reads a number's plan usage in its current billing cycle (PlanUsage) on one connection; use
// it from that connection's thread, e.g. in a DatabaseWorker job (the GUI asks for it that
// way). "Now" comes from the Clock and the cycle follows the user's time zone, so cycle
// boundaries can be tested with a fake clock.
//
// It counts the number's outbound messages (by DID) received in the cycle, automatic replies
// included, except those that failed without the provider ever taking them (status failed and
// no provider message id): a refusal or a network failure used nothing of the plan.
class PlanUsageReader
{
public:
    PlanUsageReader(QSqlDatabase db, const Clock& clock, QTimeZone zone);

    // None when the number does not exist or on error (lastError() is then set).
    std::optional<PlanUsage> forNumber(qint64 numberId) const;
    // `excludeMessageId`: a message not to count (the one being sent, when it is checked
    // again before the wire).
    std::optional<PlanUsage> forNumber(const NumberRecord& number,
                                       qint64 excludeMessageId = 0) const;

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
    QTimeZone m_zone;
    mutable QString m_lastError;
};

} // namespace smsdesk
