#pragma once

#include <QDateTime>

namespace smsdesk {

// The source of "now" for everything that stores or compares times. Pass a Clock in;
// tests derive from it to pin time (billing cycles, retention, timeouts) without sleeping.
class Clock
{
public:
    virtual ~Clock();
    virtual QDateTime nowUtc() const;
    qint64 nowMs() const { return nowUtc().toMSecsSinceEpoch(); }
};

} // namespace smsdesk
