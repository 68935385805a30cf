#include "StoreFixture.h"

#include <QTest>

namespace smsdesk::test {

void StoreFixture::addRows(Rows rows)
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::Sqlite;
    if (rows == Rows::Both)
        QTest::newRow("postgres") << Backend::Postgres;
}

bool StoreFixture::available(Backend backend)
{
    if (backend != Backend::Postgres || TempDatabase::postgresAvailable())
        return true;
    QTest::qSkip(qPrintable(TempDatabase::skipReason()), __FILE__, __LINE__);
    return false;
}

bool StoreFixture::open()
{
    QFETCH_GLOBAL(Backend, backend);
    return open(backend);
}

bool StoreFixture::open(Backend backend)
{
    m_temp.reset();
    m_backend = backend;
    if (!available(backend))
        return false;
    m_temp = std::make_unique<TempDatabase>(backend);
    QString error;
    return QTest::qVerify(m_temp->open(&error), "m_temp->open(&error)", qPrintable(error), __FILE__,
                          __LINE__);
}

} // namespace smsdesk::test
