#pragma once

#include "TempDatabase.h"

#include <QSqlDatabase>
#include <memory>

namespace smsdesk::test {

// The store of a test that runs on both backends: a fresh TempDatabase per test function, of
// the backend its data row names (column "backend", rows "sqlite" and "postgres"). Used like a
// pointer to that TempDatabase:
//
//   void initTestCase_data() { test::StoreFixture::addRows(); }
//   void init() { if (!m_temp.open()) return; ... }
//   void cleanup() { m_temp.close(); }
//   ... m_temp->count(QStringLiteral("messages")), m_temp.backend()
//
// A case that does not apply to PostgreSQL (WAL checkpoints) gets no "postgres" row, rather
// than a row that is skipped: Rows::SqliteOnly.
class StoreFixture
{
public:
    using Backend = DatabaseConfig::Backend;

    enum class Rows
    {
        Both,
        SqliteOnly
    };

    // Adds the column "backend" and its rows to the current test data (global in
    // initTestCase_data(), local in a FUNCTION_data()).
    static void addRows(Rows rows = Rows::Both);

    // PostgreSQL needs the server named by SMSDESK_TEST_PG (an admin URL such as
    // postgresql://smsdesk@127.0.0.1:55432/postgres), which tests/run-tests.sh starts and sets.
    // False when `backend` is PostgreSQL and it is not set: the current test is then skipped
    // (and tests/run-tests.sh fails the run, for a skip is not a pass).
    static bool available(Backend backend);

    // For init(): a fresh store of the backend of the current global row, opened with
    // migrations. False when the test must not go on: it was skipped (available()) or failed
    // (the store did not open); init() returns at once then.
    bool open();
    bool open(Backend backend);
    // For cleanup(): closes and removes the store.
    void close() { m_temp.reset(); }

    Backend backend() const { return m_backend; }
    // This thread's connection to the store.
    QSqlDatabase connection() const { return m_temp->database().connection(); }
    TempDatabase* operator->() const { return m_temp.get(); }
    TempDatabase& operator*() const { return *m_temp; }

private:
    std::unique_ptr<TempDatabase> m_temp;
    Backend m_backend = Backend::Sqlite;
};

} // namespace smsdesk::test
