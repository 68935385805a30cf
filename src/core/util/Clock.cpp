#include "Clock.h"

namespace smsdesk {

Clock::~Clock() = default;

QDateTime Clock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace smsdesk
