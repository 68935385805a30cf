#pragma once

#include "DatabaseConfig.h"

#include <QSqlDatabase>
#include <QString>

namespace smsdesk {

// Versioned schema migrations. The version lives in the schema_version table; each
// migration is one function run inside its own transaction together with its version row.
class Migrations
{
public:
    // Brings the schema to latestVersion(). Refuses, touching nothing, a schema newer
    // than this build knows.
    static bool migrate(QSqlDatabase& db, DatabaseConfig::Backend backend, QString* error);
    // Stops at targetVersion: for tests of upgrades from an older schema.
    static bool migrateTo(QSqlDatabase& db, DatabaseConfig::Backend backend, int targetVersion,
                          QString* error);

    static int latestVersion();
    // How many migrations there are (one schema_version row each once applied). Versions are
    // ascending but need not be consecutive: branches append theirs in parallel.
    static int count();
    // 0 for an empty database, -1 when the version cannot be read.
    static int currentVersion(QSqlDatabase& db);
};

} // namespace smsdesk
