#include "TempDatabase.h"

namespace smsdesk::test {

TempDatabase::TempDatabase() : m_database(std::make_unique<Database>(DatabaseConfig::sqlite(path()))) {}

bool TempDatabase::open(QString* error)
{
    return m_dir.isValid() && m_database->open(error);
}

} // namespace smsdesk::test
