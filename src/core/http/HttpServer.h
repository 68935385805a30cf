#pragma once

#include "HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>

class QTcpServer;
class QTimer;

namespace smsdesk {

class HttpConnection;
class HttpHandler;

// An HTTP/1.1 server on QTcpServer: one HttpConnection per socket, every complete request
// handed to the HttpHandler. It knows nothing of webhooks. Works in the thread it lives in
// (the app moves it to a listener thread); call its methods from that thread.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    // Not owned; must outlive the server's connections. Set it before listen().
    void setHandler(HttpHandler* handler);
    void setLimits(const HttpLimits& limits);
    HttpLimits limits() const { return m_limits; }

    // False with a human reason (errorString(), and *errorMessage when given) when the
    // address cannot be bound: port in use, permission denied, address not on this machine.
    bool listen(const QHostAddress& address, quint16 port, QString* errorMessage = nullptr);
    QString errorString() const { return m_errorString; }
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // Stops listening and drops every connection at once, answering nothing more.
    void close();
    // Graceful stop (SIGTERM): stops listening, closes idle connections, lets the requests
    // in flight finish (their answers carry "Connection: close") and emits drained() once
    // no connection is left (queued, also when there was none).
    void stopAccepting();

    int connectionCount() const { return int(m_connections.size()); }
    // Connections receiving a request or waiting for the handler's answer.
    int inFlightCount() const;

Q_SIGNALS:
    void started(const QHostAddress& address, quint16 port);
    void stopped();
    void drained();
    // A connection beyond HttpLimits::maxConnections was accepted and closed at once.
    void connectionRefused(const QHostAddress& peer);

private:
    void onNewConnection();
    void onConnectionClosed(HttpConnection* connection);
    void sweep();
    void stopListening();

    QTcpServer* m_tcpServer = nullptr;
    QTimer* m_sweepTimer = nullptr;
    HttpHandler* m_handler = nullptr;
    HttpLimits m_limits;
    QSet<HttpConnection*> m_connections;
    QString m_errorString;
    bool m_stopping = false;
};

} // namespace smsdesk
