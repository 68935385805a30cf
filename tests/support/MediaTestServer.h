#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

namespace smsdesk::test {

// A small HTTP/1.1 server on loopback for the media archive's tests: each path answers as
// its Route says (a status, a Content-Type, a body with or without Content-Length, a
// redirect, or nothing at all for a while). Counts the requests per path.
class MediaTestServer : public QObject
{
public:
    struct Route
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        bool contentLength = true; // false: the body ends with the connection
        QByteArray location;       // a redirect's Location
        bool silent = false;       // reads the request and never answers
    };

    explicit MediaTestServer(QObject* parent = nullptr);
    ~MediaTestServer() override;

    bool listen();
    void close();
    // http://127.0.0.1:PORT/path
    QUrl url(const QString& path) const;
    void setRoute(const QString& path, const Route& route) { m_routes.insert(path, route); }
    int hits(const QString& path) const { return m_hits.value(path); }

    // A real PNG image of `width` × `height`.
    static QByteArray png(int width, int height);

private:
    void onConnection();

    QTcpServer m_server;
    QHash<QString, Route> m_routes;
    QHash<QString, int> m_hits;
};

} // namespace smsdesk::test
