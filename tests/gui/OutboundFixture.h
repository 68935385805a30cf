#pragma once

#include <QString>
#include <QTimeZone>
#include <memory>

namespace smsdesk {
class AppContext;
class HttpServer;
class OutboundEndpoint;
class OutboundService;
} // namespace smsdesk

namespace smsdesk::test {

// What the GUI tests that send share: the simulator's onCloud outbound endpoint on 127.0.0.1
// (a free port) in this process, and, for those that do not start a MainWindow (which makes its
// own from --outbound-base), an OutboundService that sends there with its Outbox started (not
// following the system's reachability, looking for due messages every 200 ms). Destroyed in
// that order backwards: the service, the server, the endpoint.
class OutboundFixture
{
public:
    OutboundFixture();
    ~OutboundFixture();

    // Listens; the endpoint accepts the webhook secret `secret`.
    bool listen(const QString& secret, QString* error);
    // The endpoint's base URL, "http://127.0.0.1:PORT/".
    QString base() const;
    // Starts the service over `context`, sending to base() with these limits; billing cycles in
    // `timeZone`.
    void startService(AppContext& context, int timeoutMs, int maxAttempts,
                      const QTimeZone& timeZone = QTimeZone::systemTimeZone());

    OutboundEndpoint& endpoint() { return *m_endpoint; }
    OutboundService& service() { return *m_service; }

private:
    std::unique_ptr<OutboundEndpoint> m_endpoint;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<OutboundService> m_service;
};

} // namespace smsdesk::test
