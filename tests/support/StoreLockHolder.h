#pragma once

#include "store/Database.h"

#include <QSqlDatabase>

namespace smsdesk::test {

// Holds the store's write lock from a connection of its own until release() (or
// destruction): SQLite BEGIN IMMEDIATE, PostgreSQL an exclusive lock on the webhook tables.
// For tests of what happens when the writer cannot get it.
class StoreLockHolder
{
public:
    StoreLockHolder(const Database& database, DatabaseConfig::Backend backend);
    ~StoreLockHolder();
    StoreLockHolder(const StoreLockHolder&) = delete;
    StoreLockHolder& operator=(const StoreLockHolder&) = delete;

    bool locked() const { return m_locked; }
    void release();

private:
    QSqlDatabase m_db;
    bool m_locked = false;
};

} // namespace smsdesk::test
