#include "RecordRepository.h"

namespace smsdesk {

RecordRepository::RecordRepository(QSqlDatabase db, const Clock& clock)
    : m_db(std::move(db)), m_clock(clock)
{}

bool RecordRepository::fail(const QString& message) const
{
    m_lastError = message;
    return false;
}

} // namespace smsdesk
