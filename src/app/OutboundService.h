#pragma once

#include "outbound/Outbox.h"

#include <QString>
#include <QUrl>
#include <memory>

namespace smsdesk {

class AppContext;
class OnCloudOutboundClient;
class Settings;

// What one process sends with: the onCloud client on the context's network manager and the
// outbox on the context's store worker, set up from the settings outbound/base,
// outbound/timeoutSeconds and outbound/maxAttempts (--outbound-base overrides the first).
// `smsdesk send`, `smsdesk --headless` and the window each build one.
class OutboundService
{
public:
    struct Config
    {
        QUrl base;
        int timeoutMs = 0;
        int maxAttempts = 0;
    };

    // The settings, each checked; `baseOverride` (--outbound-base) wins when given. False with
    // a sentence naming the option or the setting otherwise.
    static bool configFrom(const Settings& settings, const QString& baseOverride, Config* config,
                           QString* error);

    // `options.retry.maxAttempts` is taken from the config.
    OutboundService(AppContext& context, const Config& config, Outbox::Options options = {});
    ~OutboundService();
    OutboundService(const OutboundService&) = delete;
    OutboundService& operator=(const OutboundService&) = delete;

    Outbox& outbox() { return *m_outbox; }
    OnCloudOutboundClient& client() { return *m_client; }

private:
    std::unique_ptr<OnCloudOutboundClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
};

} // namespace smsdesk
