#pragma once

#include "ListenerEvent.h"

#include <QString>
#include <limits>

namespace smsdesk {

// The one line `smsdesk --headless` prints per request:
//   2026-02-13T19:30:00.123Z 127.0.0.1:50000 POST /webhooks/oncloud 200 accepted 1.25 ms
//   +17705551234 -> +14045559999 (reason, when refused)
// Formatting a date is most of the cost of a line, so the text up to the second is kept and
// reused while requests arrive within the same second. Not thread-safe: one per thread.
class RequestLogLine
{
public:
    QString format(const ListenerEvent& event);

private:
    qint64 m_second = std::numeric_limits<qint64>::min();
    QString m_secondText; // "2026-02-13T19:30:00."
};

} // namespace smsdesk
