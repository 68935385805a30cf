#include "MediaTestServer.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QTcpSocket>

namespace smsdesk::test {

MediaTestServer::MediaTestServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] { onConnection(); });
}

MediaTestServer::~MediaTestServer() = default;

bool MediaTestServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

void MediaTestServer::close()
{
    m_server.close();
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->abort();
}

QUrl MediaTestServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

QByteArray MediaTestServer::png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    for (int y = 0; y < height / 2; ++y) {
        for (int x = 0; x < width / 2; ++x)
            image.setPixelColor(x, y, QColor(240, 180, 40));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void MediaTestServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(&m_server);
        auto* request = new QByteArray;
        connect(socket, &QObject::destroyed, socket, [request] { delete request; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
            request->append(socket->readAll());
            const qsizetype end = request->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> line = request->left(request->indexOf("\r\n")).split(' ');
            request->remove(0, end + 4);
            const QString path = line.size() > 1 ? QString::fromLatin1(line.at(1)) : QString();
            m_hits[path] += 1;
            if (!m_routes.contains(path)) {
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n"
                              "Content-Length: 9\r\nConnection: close\r\n\r\nnot found");
                socket->disconnectFromHost();
                return;
            }
            const Route route = m_routes.value(path);
            if (route.silent)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(route.status) + " X\r\n";
            if (!route.contentType.isEmpty())
                head += "Content-Type: " + route.contentType + "\r\n";
            if (!route.location.isEmpty())
                head += "Location: " + route.location + "\r\n";
            if (route.contentLength)
                head += "Content-Length: " + QByteArray::number(route.body.size()) + "\r\n";
            head += "Connection: close\r\n\r\n";
            socket->write(head);
            socket->write(route.body);
            socket->disconnectFromHost();
        });
    }
}

} // namespace smsdesk::test
