#include "FakeClock.h"

namespace smsdesk::test {

FakeClock::FakeClock(QDateTime start) : m_now(std::move(start)) {}

} // namespace smsdesk::test
