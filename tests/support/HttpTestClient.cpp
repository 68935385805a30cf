#include "HttpTestClient.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace smsdesk::test {

namespace {

struct TcpQueues
{
    bool found = false;
    qint64 unacknowledged = 0; // sent, not yet acknowledged by the peer
    qint64 unread = 0;         // received, not yet read by the process
};

// The kernel's queues of the IPv4 TCP socket from localPort to remotePort, as /proc/net/tcp
// lists them ("sl local_address rem_address st tx_queue:rx_queue ...", addresses and queues in
// hex). Every test socket is on 127.0.0.1, so the ports tell them apart.
TcpQueues tcpQueues(quint16 localPort, quint16 remotePort)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto port = [](const QByteArray& address) {
        return address.mid(address.indexOf(':') + 1).toUShort(nullptr, 16);
    };
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() < 5 || port(fields.at(1)) != localPort ||
            port(fields.at(2)) != remotePort)
            continue;
        const QList<QByteArray> queues = fields.at(4).split(':');
        if (queues.size() != 2)
            return {};
        return {true, queues.at(0).toLongLong(nullptr, 16), queues.at(1).toLongLong(nullptr, 16)};
    }
    return {};
}

} // namespace

QByteArray HttpTestResponse::header(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool HttpTestResponse::hasHeader(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpTestResponse::error() const
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
}

bool HttpTestResponse::take(QByteArray& buffer, HttpTestResponse* response, bool headRequest)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    HttpTestResponse parsed;
    const QByteArray statusLine = lines.first().trimmed();
    if (!statusLine.startsWith("HTTP/1.1 "))
        return false;
    parsed.status = statusLine.mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        parsed.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    qsizetype length = parsed.header("Content-Length").toLongLong();
    if (parsed.status < 200 || headRequest)
        length = 0;
    if (buffer.size() < end + 4 + length)
        return false;
    parsed.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *response = parsed;
    return true;
}

HttpTestClient::HttpTestClient(quint16 port)
{
    QObject::connect(&m_socket, &QTcpSocket::readyRead,
                     [this] { m_received += m_socket.readAll(); });
    QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_closed = true; });
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

bool HttpTestClient::waitConnected()
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                           WaitMs);
}

void HttpTestClient::send(const QByteArray& bytes)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        waitConnected();
    m_socket.write(bytes);
    m_socket.flush();
}

bool HttpTestClient::waitReadByServer(int timeoutMs)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState && !waitConnected())
        return false;
    const quint16 client = m_socket.localPort();
    const quint16 server = m_socket.peerPort();
    return QTest::qWaitFor(
        [&] {
            m_socket.flush();
            if (m_socket.bytesToWrite() > 0)
                return false;
            const TcpQueues sent = tcpQueues(client, server);
            const TcpQueues received = tcpQueues(server, client);
            return sent.found && sent.unacknowledged == 0 && received.found && received.unread == 0;
        },
        timeoutMs);
}

std::optional<HttpTestResponse> HttpTestClient::response(bool headRequest, int timeoutMs)
{
    HttpTestResponse response;
    if (QTest::qWaitFor([&] { return HttpTestResponse::take(m_received, &response, headRequest); },
                        timeoutMs)) {
        return response;
    }
    return std::nullopt;
}

bool HttpTestClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
}

QByteArray HttpTestClient::post(const QByteArray& target, const QByteArray& body,
                                const QByteArray& contentType, const QByteArray& extraHeaders)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType +
           "\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

QByteArray HttpTestClient::get(const QByteArray& target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace smsdesk::test
