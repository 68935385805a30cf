#pragma once

#include "ListenerEvent.h"
#include "WebhookListener.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace smsdesk {

class Clock;
class DatabaseWorker;
class HttpServer;
class MessageWriter;
class NumberDirectoryLoader;
class ProviderRegistry;
class RulesReplySource;
class SecretStore;

// The running webhook endpoint: an HttpServer whose requests the WebhookListener answers,
// with the provisioned numbers (re)loaded into it, and the numbers' auto-reply rules answering
// onCloud webhooks (RulesReplySource). The GUI and `smsdesk --headless` both run one. Lives in the
// thread it is created in, like its server.
class ListenerService : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 DefaultPort = 8080;
    static constexpr int DefaultReloadIntervalMs = 30'000;

    struct Options
    {
        WebhookListener::Options listener;
        // How often the numbers are read again (other processes may provision them); 0: only
        // on reloadNumbers().
        int reloadIntervalMs = DefaultReloadIntervalMs;
    };

    // "127.0.0.1:8080", "0.0.0.0:8080", "[::1]:9000", "localhost:8080", ":8080" (all IPv4
    // interfaces); false with a reason otherwise.
    static bool parseAddress(const QString& text, QHostAddress* address, quint16* port,
                             QString* error);
    // "http://127.0.0.1:8080" ("[::1]" for IPv6).
    static QString urlFor(const QHostAddress& address, quint16 port);

    // Everything passed in must outlive the service.
    ListenerService(MessageWriter& writer, DatabaseWorker& worker, SecretStore& secrets,
                    const Clock& clock, const Options& options, QObject* parent = nullptr);
    ~ListenerService() override;

    // Listens and loads the numbers; ready() follows once they are loaded (webhooks that
    // arrive before are answered 503). False with a reason (port in use, permission, address
    // not on this machine) when the address cannot be bound.
    bool start(const QHostAddress& address, quint16 port, QString* error);
    bool isListening() const;
    QString url() const; // empty when not listening
    quint16 port() const;

    // Graceful stop: no new connections, requests in flight answered; emits stopped() once
    // no connection is left. The writer is not stopped (it is the caller's).
    void stop();
    void reloadNumbers();

    WebhookListener& listener() { return *m_listener; }
    HttpServer& server() { return *m_server; }

Q_SIGNALS:
    // The first load of the numbers is done: webhooks are being accepted.
    void ready();
    void requestHandled(const smsdesk::ListenerEvent& event);
    // A "Check my public URL" probe arrived (WebhookListener::ProbeHeader).
    void probeReceived(const QString& token, const QString& route);
    // Something an administrator must know: numbers anybody can post for while listening
    // beyond loopback, numbers that could not be loaded.
    void warning(const QString& message);
    void numbersLoaded(int count);
    void stopped();

private:
    void checkExposure();

    std::unique_ptr<ProviderRegistry> m_providers;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<RulesReplySource> m_replies; // the listener's ReplySource
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<NumberDirectoryLoader> m_loader;
    QTimer* m_reloadTimer = nullptr;
    QString m_lastExposureWarning;
    bool m_ready = false;
};

} // namespace smsdesk
