#include "OutboundService.h"

#include "AppContext.h"
#include "Settings.h"
#include "outbound/OnCloudOutboundClient.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::OutboundService", text);
}

bool wholeNumber(const QString& text, int min, int max, int* value)
{
    bool ok = false;
    *value = text.trimmed().toInt(&ok);
    return ok && *value >= min && *value <= max;
}

} // namespace

bool OutboundService::configFrom(const Settings& settings, const QString& baseOverride,
                                 Config* config, QString* error)
{
    QString problem;
    if (!baseOverride.isEmpty()) {
        if (!OnCloudOutboundClient::parseBase(baseOverride, &config->base, &problem)) {
            *error = tr("--outbound-base: %1").arg(problem);
            return false;
        }
    } else if (!OnCloudOutboundClient::parseBase(settings.outboundBase(), &config->base,
                                                 &problem)) {
        *error = tr("the setting %1: %2").arg(QString(Settings::OutboundBaseKey), problem);
        return false;
    }
    int seconds = 0;
    if (!wholeNumber(settings.outboundTimeoutSeconds(), 1, 600, &seconds)) {
        *error = tr("the setting %1 is \"%2\": give a whole number of seconds from 1 to 600.")
                     .arg(QString(Settings::OutboundTimeoutSecondsKey),
                          settings.outboundTimeoutSeconds());
        return false;
    }
    config->timeoutMs = seconds * 1000;
    if (!wholeNumber(settings.outboundMaxAttempts(), 1, 20, &config->maxAttempts)) {
        *error =
            tr("the setting %1 is \"%2\": give a whole number from 1 to 20.")
                .arg(QString(Settings::OutboundMaxAttemptsKey), settings.outboundMaxAttempts());
        return false;
    }
    return true;
}

OutboundService::OutboundService(AppContext& context, const Config& config, Outbox::Options options)
    : m_client(std::make_unique<OnCloudOutboundClient>(context.network(), context.clock()))
{
    m_client->setBase(config.base);
    m_client->setTimeoutMs(config.timeoutMs);
    options.retry.maxAttempts = config.maxAttempts;
    m_outbox = std::make_unique<Outbox>(context.worker(), context.secrets(), *m_client,
                                        context.clock(), options);
}

OutboundService::~OutboundService()
{
    m_outbox.reset();
    m_client.reset();
}

} // namespace smsdesk
