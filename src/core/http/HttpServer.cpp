#include "HttpServer.h"

#include "HttpConnection.h"
#include "HttpLog.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QVarLengthArray>
#include <new>

namespace smsdesk {

namespace {

QString listenError(const QTcpServer& server, const QHostAddress& address, quint16 port)
{
    const QString where = address.protocol() == QAbstractSocket::IPv6Protocol
                              ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
                              : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return QCoreApplication::translate("smsdesk::HttpServer",
                                           "Cannot listen on %1: the port is already in use "
                                           "by another program.")
            .arg(where);
    case QAbstractSocket::SocketAccessError:
        return QCoreApplication::translate("smsdesk::HttpServer",
                                           "Cannot listen on %1: permission denied (ports "
                                           "below 1024 need administrator rights).")
            .arg(where);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QCoreApplication::translate("smsdesk::HttpServer",
                                           "Cannot listen on %1: the address does not belong "
                                           "to this computer.")
            .arg(where);
    default:
        return QCoreApplication::translate("smsdesk::HttpServer", "Cannot listen on %1: %2")
            .arg(where, server.errorString());
    }
}

} // namespace

HttpServer::HttpServer(QObject* parent)
    : QObject(parent), m_tcpServer(new QTcpServer(this)), m_sweepTimer(new QTimer(this))
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
    // One periodic sweep over the deadlines instead of a timer per connection: a request
    // then only stores a number, it never registers or restarts a timer.
    m_sweepTimer->setTimerType(Qt::CoarseTimer);
    m_sweepTimer->setInterval(m_limits.sweepIntervalMs());
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpServer::sweep);
}

HttpServer::~HttpServer()
{
    close();
}

void HttpServer::setHandler(HttpHandler* handler)
{
    m_handler = handler;
}

void HttpServer::setLimits(const HttpLimits& limits)
{
    m_limits = limits;
    m_sweepTimer->setInterval(m_limits.sweepIntervalMs());
}

bool HttpServer::listen(const QHostAddress& address, quint16 port, QString* errorMessage)
{
    if (m_tcpServer->isListening())
        stopListening();
    m_stopping = false;
    m_errorString.clear();
    if (!m_tcpServer->listen(address, port)) {
        m_errorString = listenError(*m_tcpServer, address, port);
        if (errorMessage != nullptr)
            *errorMessage = m_errorString;
        qCWarning(lcHttp).noquote() << m_errorString;
        return false;
    }
    qCDebug(lcHttp).noquote() << "HTTP server on" << m_tcpServer->serverAddress().toString()
                              << "port" << m_tcpServer->serverPort();
    Q_EMIT started(m_tcpServer->serverAddress(), m_tcpServer->serverPort());
    return true;
}

bool HttpServer::isListening() const
{
    return m_tcpServer->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_tcpServer->serverAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_tcpServer->serverPort();
}

void HttpServer::stopListening()
{
    if (!m_tcpServer->isListening())
        return;
    m_tcpServer->close();
    Q_EMIT stopped();
}

void HttpServer::close()
{
    stopListening();
    // abort() emits closed(), which removes the connection from the set.
    const QSet<HttpConnection*> connections = m_connections;
    for (HttpConnection* connection : connections)
        connection->abort();
    m_connections.clear();
    m_sweepTimer->stop();
}

void HttpServer::stopAccepting()
{
    m_stopping = true;
    stopListening();
    const QSet<HttpConnection*> connections = m_connections;
    for (HttpConnection* connection : connections)
        connection->closeWhenIdle();
    if (m_connections.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_stopping && m_connections.isEmpty())
                    Q_EMIT drained();
            },
            Qt::QueuedConnection);
    }
}

int HttpServer::inFlightCount() const
{
    int count = 0;
    for (const HttpConnection* connection : m_connections) {
        if (connection->hasRequestInFlight())
            ++count;
    }
    return count;
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_tcpServer->nextPendingConnection()) {
        try {
            if (m_stopping || m_connections.size() >= m_limits.maxConnections) {
                const QHostAddress peer = socket->peerAddress();
                qCDebug(lcHttp) << "refusing connection from" << peer << "-" << m_connections.size()
                                << "connections open";
                socket->abort();
                socket->deleteLater();
                Q_EMIT connectionRefused(peer);
                continue;
            }
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            auto* connection = new HttpConnection(socket, m_handler, m_limits, this);
            connect(connection, &HttpConnection::closed, this, &HttpServer::onConnectionClosed);
            m_connections.insert(connection);
            if (!m_sweepTimer->isActive())
                m_sweepTimer->start();
        } catch (const std::bad_alloc&) {
            qCWarning(lcHttp) << "out of memory accepting a connection";
            socket->abort();
            socket->deleteLater();
        }
    }
}

void HttpServer::onConnectionClosed(HttpConnection* connection)
{
    if (!m_connections.remove(connection))
        return;
    if (m_connections.isEmpty()) {
        m_sweepTimer->stop();
        if (m_stopping)
            Q_EMIT drained();
    }
}

void HttpServer::sweep()
{
    const qint64 now = HttpConnection::monotonicNowMs();
    // Act after the scan: acting may close connections and change the set.
    QVarLengthArray<HttpConnection*, 32> expired;
    for (HttpConnection* connection : std::as_const(m_connections)) {
        const qint64 deadline = connection->deadline();
        if (deadline != 0 && deadline <= now)
            expired.append(connection);
    }
    for (HttpConnection* connection : expired) {
        if (m_connections.contains(connection))
            connection->checkTimeouts(now);
    }
}

} // namespace smsdesk
