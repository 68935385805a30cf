#include "OutboundFixture.h"

#include "OutboundEndpoint.h"
#include "OutboundService.h"
#include "http/HttpServer.h"

#include <QHostAddress>

namespace smsdesk::test {

OutboundFixture::OutboundFixture()
    : m_endpoint(std::make_unique<OutboundEndpoint>()), m_server(std::make_unique<HttpServer>())
{
    m_endpoint->attach(m_server.get());
}

OutboundFixture::~OutboundFixture() = default;

bool OutboundFixture::listen(const QString& secret, QString* error)
{
    m_endpoint->setSecret(secret);
    return m_server->listen(QHostAddress::LocalHost, 0, error);
}

QString OutboundFixture::base() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort());
}

void OutboundFixture::startService(AppContext& context, int timeoutMs, int maxAttempts,
                                   const QTimeZone& timeZone)
{
    OutboundService::Config config;
    config.base = QUrl(base());
    config.timeoutMs = timeoutMs;
    config.maxAttempts = maxAttempts;
    Outbox::Options options;
    options.followSystemReachability = false;
    options.timeZone = timeZone;
    options.pollIntervalMs = 200;
    m_service = std::make_unique<OutboundService>(context, config, options);
    m_service->outbox().start();
}

} // namespace smsdesk::test
