#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>
#include <optional>

namespace smsdesk::test {

// One HTTP response as a test reads it off the wire.
struct HttpTestResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // The "error" member of a JSON error body.
    QString error() const;

    // Takes one complete response off the front of `buffer` (a minimal reader for tests:
    // status line, headers, Content-Length body); false until one is there.
    static bool take(QByteArray& buffer, HttpTestResponse* response, bool headRequest);
};

// A raw HTTP client for tests: writes exactly the bytes it is given to 127.0.0.1:port and
// collects what comes back. Waits spin the test's event loop.
class HttpTestClient
{
public:
    static constexpr int WaitMs = 5000;

    explicit HttpTestClient(quint16 port);

    bool waitConnected();
    void send(const QByteArray& bytes);
    // Waits until the server has read every byte sent so far: it has accepted the connection
    // and taken the bytes out of the kernel's receive queue (Linux, /proc/net/tcp), so they are
    // a request in flight in the server, in this process or another. For a test that acts while
    // a request is half sent.
    bool waitReadByServer(int timeoutMs = WaitMs);
    std::optional<HttpTestResponse> response(bool headRequest = false, int timeoutMs = WaitMs);
    bool waitClosed(int timeoutMs = WaitMs);
    bool isClosed() const { return m_closed; }
    QByteArray& received() { return m_received; }
    QTcpSocket& socket() { return m_socket; }

    // A complete request in one piece.
    static QByteArray post(const QByteArray& target, const QByteArray& body,
                           const QByteArray& contentType = "application/json",
                           const QByteArray& extraHeaders = {});
    static QByteArray get(const QByteArray& target);

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

} // namespace smsdesk::test
