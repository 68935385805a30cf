#include "AppContext.h"

#include "phone/PhoneNumber.h"
#include "provisioning/NumberProvisioner.h"
#include "provisioning/PlanProvisioner.h"
#include "secrets/KeychainSecretStore.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <QNetworkAccessManager>

namespace smsdesk {

AppContext::AppContext(std::unique_ptr<SecretStore> secrets, std::unique_ptr<Clock> clock,
                       std::unique_ptr<Settings> settings)
    : m_secrets(secrets ? std::move(secrets) : std::make_unique<KeychainSecretStore>()),
      m_clock(clock ? std::move(clock) : std::make_unique<Clock>()),
      m_settings(settings ? std::move(settings) : std::make_unique<Settings>())
{
    const QString configured = m_settings->defaultRegion();
    m_region =
        PhoneNumber::isKnownRegion(configured) ? configured.toUpper() : PhoneNumber::systemRegion();
}

AppContext::~AppContext()
{
    m_network.reset();
    m_plans.reset();
    m_numbers.reset();
    m_worker.reset();
    m_database.reset();
}

QNetworkAccessManager& AppContext::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}

void AppContext::setDefaultRegion(const QString& region)
{
    m_region = region;
    if (m_numbers)
        m_numbers->setDefaultRegion(region);
}

bool AppContext::open(const QString& databaseArgument, QString* error)
{
    DatabaseConfig config;
    if (!DatabaseConfig::fromArgument(databaseArgument, &config, error))
        return false;
    auto database = std::make_unique<Database>(config);
    if (!database->open(error))
        return false;
    auto worker = std::make_unique<DatabaseWorker>(*database);
    if (!worker->isReady()) {
        *error = worker->openError();
        return false;
    }
    m_plans.reset();
    m_numbers.reset();
    m_worker = std::move(worker);
    m_database = std::move(database);
    m_numbers = std::make_unique<NumberProvisioner>(*m_worker, *m_secrets, *m_clock, m_region);
    m_plans = std::make_unique<PlanProvisioner>(*m_worker, *m_clock);
    return true;
}

} // namespace smsdesk
