#include "ListenerService.h"

#include "ListenerLog.h"
#include "NumberDirectoryLoader.h"
#include "http/HttpServer.h"
#include "providers/ProviderRegistry.h"
#include "rules/RulesReplySource.h"

#include <QStringList>
#include <QTimer>

namespace smsdesk {

bool ListenerService::parseAddress(const QString& text, QHostAddress* address, quint16* port,
                                   QString* error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    QString host = colon < 0 ? QString() : text.left(colon);
    const QString portText = colon < 0 ? text : text.mid(colon + 1);
    bool ok = false;
    const uint number = portText.toUInt(&ok);
    if (colon < 0 || !ok || number > 65535) {
        *error =
            tr("\"%1\" is not HOST:PORT with a port from 0 (any free port) to 65535 (for example "
               "127.0.0.1:8080)")
                .arg(text);
        return false;
    }
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress parsed;
    if (host.isEmpty())
        parsed = QHostAddress(QHostAddress::AnyIPv4);
    else if (host == u"localhost")
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host)) {
        *error = tr("\"%1\" is not an IP address (or localhost)").arg(host);
        return false;
    }
    *address = parsed;
    *port = quint16(number);
    return true;
}

QString ListenerService::urlFor(const QHostAddress& address, quint16 port)
{
    QString host = address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

ListenerService::ListenerService(MessageWriter& writer, DatabaseWorker& worker,
                                 SecretStore& secrets, const Clock& clock, const Options& options,
                                 QObject* parent)
    : QObject(parent), m_providers(std::make_unique<ProviderRegistry>()),
      m_listener(std::make_unique<WebhookListener>(writer, *m_providers, clock, options.listener)),
      m_replies(std::make_unique<RulesReplySource>(
          worker, clock, options.listener.defaultTimeZone,
          [listener = m_listener.get()] { return listener->directory(); })),
      m_server(std::make_unique<HttpServer>()),
      m_loader(std::make_unique<NumberDirectoryLoader>(worker, secrets, clock))
{
    m_server->setHandler(m_listener.get());
    m_listener->setReplySource(m_replies.get());
    connect(m_listener.get(), &WebhookListener::requestHandled, this,
            &ListenerService::requestHandled);
    connect(m_listener.get(), &WebhookListener::probeReceived, this,
            &ListenerService::probeReceived);
    connect(m_server.get(), &HttpServer::drained, this, &ListenerService::stopped);
    connect(m_loader.get(), &NumberDirectoryLoader::loaded, this,
            [this](std::shared_ptr<const NumberDirectory> directory) {
                const int count = directory->size();
                m_listener->setDirectory(std::move(directory));
                Q_EMIT numbersLoaded(count);
                checkExposure();
                if (!m_ready) {
                    m_ready = true;
                    Q_EMIT ready();
                }
            });
    connect(m_loader.get(), &NumberDirectoryLoader::failed, this, [this](const QString& reason) {
        Q_EMIT warning(tr("the numbers could not be read from the store: %1").arg(reason));
    });
    if (options.reloadIntervalMs > 0) {
        m_reloadTimer = new QTimer(this);
        m_reloadTimer->setInterval(options.reloadIntervalMs);
        connect(m_reloadTimer, &QTimer::timeout, this, &ListenerService::reloadNumbers);
    }
}

ListenerService::~ListenerService()
{
    m_server->close(); // before the handler goes
}

bool ListenerService::start(const QHostAddress& address, quint16 port, QString* error)
{
    // Bind first, so a taken port is reported at once; webhooks are answered 503 until the
    // numbers are loaded (moments later).
    if (!m_server->listen(address, port, error))
        return false;
    reloadNumbers();
    if (m_reloadTimer)
        m_reloadTimer->start();
    return true;
}

bool ListenerService::isListening() const
{
    return m_server->isListening();
}

QString ListenerService::url() const
{
    return isListening() ? urlFor(m_server->serverAddress(), m_server->serverPort()) : QString();
}

quint16 ListenerService::port() const
{
    return m_server->serverPort();
}

void ListenerService::stop()
{
    if (m_reloadTimer)
        m_reloadTimer->stop();
    m_server->stopAccepting();
}

void ListenerService::reloadNumbers()
{
    m_loader->load();
}

void ListenerService::checkExposure()
{
    const QHostAddress address = m_server->serverAddress();
    const std::shared_ptr<const NumberDirectory> directory = m_listener->directory();
    if (!isListening() || !directory)
        return;
    QStringList open;
    for (const NumberRecord& number : directory->unauthenticatedNumbers())
        open << number.e164;
    QString message;
    if (!open.isEmpty() && address.isLoopback()) {
        // Only this machine reaches the port, but a tunnel or a reverse proxy in front of it
        // (how a provider reaches a desktop) lets the whole internet in.
        message = tr("%n number(s) have neither an expected Authorization header nor a path "
                     "token, so anything that can reach %1 (this machine, or a tunnel or "
                     "reverse proxy in front of it) can post messages for them: %2",
                     nullptr, int(open.size()))
                      .arg(url(), open.join(QLatin1String(", ")));
    } else if (!open.isEmpty()) {
        message = tr("listening on %1, beyond this machine, and %n number(s) have neither an "
                     "expected Authorization header nor a path token, so anybody who can reach "
                     "this address can post messages for them: %2",
                     nullptr, int(open.size()))
                      .arg(url(), open.join(QLatin1String(", ")));
    }
    if (m_listener->options().unassigned == WebhookListener::UnassignedPolicy::Keep &&
        message.isEmpty()) {
        // Not a warning of its own: the unassigned inbox is how a new number's first messages
        // are kept. Said once at info level.
        qCInfo(lcListener) << "messages for numbers that are not provisioned are kept in the "
                              "unassigned inbox";
    }
    if (!message.isEmpty() && message != m_lastExposureWarning)
        Q_EMIT warning(message);
    m_lastExposureWarning = message;
}

} // namespace smsdesk
