#pragma once

#include "Settings.h"
#include "secrets/SecretStore.h"
#include "util/Clock.h"

#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace smsdesk {

class Database;
class DatabaseWorker;
class NumberProvisioner;
class PlanProvisioner;

// What one running SMS Desk (window, headless listener or CLI command) works with: the
// store, its worker thread, the keychain, the clock, the settings and the one network access
// manager of the process. Built once in main() and passed down; nothing here is a global.
class AppContext
{
public:
    // `secrets` defaults to the system keychain, `settings` to the user's settings file;
    // tests pass their own.
    explicit AppContext(std::unique_ptr<SecretStore> secrets = nullptr,
                        std::unique_ptr<Clock> clock = nullptr,
                        std::unique_ptr<Settings> settings = nullptr);
    ~AppContext();

    // Opens the store given by a --db argument (empty: the default SQLite file).
    bool open(const QString& databaseArgument, QString* error);

    Database& database() { return *m_database; }
    DatabaseWorker& worker() { return *m_worker; }
    NumberProvisioner& numbers() { return *m_numbers; }
    PlanProvisioner& plans() { return *m_plans; }
    SecretStore& secrets() { return *m_secrets; }
    const Clock& clock() const { return *m_clock; }
    Settings& settings() { return *m_settings; }
    const Settings& settings() const { return *m_settings; }
    // Shared by everything that talks HTTP (the outbound client, replays); created on first
    // use, in the calling thread (the main thread).
    QNetworkAccessManager& network();
    // The region for numbers typed without a country code (Settings::defaultRegion(), else
    // the system's).
    QString defaultRegion() const { return m_region; }
    void setDefaultRegion(const QString& region);

private:
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<NumberProvisioner> m_numbers;
    std::unique_ptr<PlanProvisioner> m_plans;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_region;
};

} // namespace smsdesk
