#pragma once

#include "store/Database.h"

#include <QTemporaryDir>
#include <memory>

namespace smsdesk::test {

// A real SQLite file in a fresh temporary folder, opened and migrated.
class TempDatabase
{
public:
    TempDatabase();
    bool open(QString* error);
    QString path() const { return m_dir.filePath(QStringLiteral("smsdesk.sqlite")); }
    QString dirPath() const { return m_dir.path(); }
    Database& database() { return *m_database; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

} // namespace smsdesk::test
