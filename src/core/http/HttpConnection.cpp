#include "HttpConnection.h"

#include "HttpHandler.h"
#include "HttpLog.h"
#include "HttpResponse.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QTcpSocket>
#include <ctime>
#include <new>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace smsdesk {

namespace {

// Read at most this much from the kernel per socket while a request is being handled, so a
// client that pipelines without reading answers cannot make us buffer without bound.
constexpr qint64 SocketReadBufferBytes = 64 * 1024;

// The Date header changes once a second: format it once a second per thread.
const QByteArray& currentHttpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cachedText;
    const qint64 now = qint64(std::time(nullptr));
    if (now != cachedSecond) {
        cachedSecond = now;
        cachedText = HttpResponse::httpDate(now);
    }
    return cachedText;
}

bool isHead(const HttpRequest& request)
{
    return request.method.size() == 4 && request.method == "HEAD";
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                               QObject* parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_limits(limits), m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferBytes);
    m_parser.setPeer(m_socket->peerAddress(), m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    // A new connection gets the header timeout to send its first byte, not the (longer)
    // keep-alive timeout: idle sockets must not hold connection slots.
    if (m_limits.headerTimeoutMs > 0)
        m_deadline = monotonicNowMs() + m_limits.headerTimeoutMs;
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    detachResponder();
}

qint64 HttpConnection::monotonicNowMs()
{
    return QDeadlineTimer::current().deadline();
}

bool HttpConnection::hasRequestInFlight() const
{
    return m_state == State::Receiving || m_state == State::Handling;
}

void HttpConnection::closeWhenIdle()
{
    m_closeRequested = true;
    if (m_state == State::Idle && m_inputOffset >= m_input.size() &&
        m_socket->bytesAvailable() == 0) {
        m_socket->disconnectFromHost();
        finish();
    }
}

void HttpConnection::abort()
{
    if (m_state == State::Closed)
        return;
    m_socket->abort();
    finish();
}

void HttpConnection::checkTimeouts(qint64 nowMs)
{
    if (m_deadline == 0 || nowMs < m_deadline || m_state == State::Closed)
        return;
    try {
        switch (m_state) {
        case State::Idle:
            qCDebug(lcHttp) << "closing idle connection from" << m_socket->peerAddress();
            m_socket->disconnectFromHost();
            finish();
            break;
        case State::Receiving:
            if (m_parser.isReadingBody()) {
                reject(408,
                       QStringLiteral("request body not received within %1 ms")
                           .arg(m_limits.bodyTimeoutMs),
                       m_parser.request());
            } else {
                reject(408,
                       QStringLiteral("request headers not received within %1 ms")
                           .arg(m_limits.headerTimeoutMs),
                       m_parser.request());
            }
            break;
        case State::Handling: {
            // The handler's late answer is ignored: detach before answering ourselves.
            detachResponder();
            const HttpRequest request = m_current;
            reject(503, QStringLiteral("no response within %1 ms").arg(m_limits.responseTimeoutMs),
                   request);
            break;
        }
        case State::Lingering:
            m_socket->abort();
            finish();
            break;
        case State::Closed:
            break;
        }
    } catch (const std::bad_alloc&) {
        handleOutOfMemory();
    }
}

void HttpConnection::onReadyRead()
{
    try {
        switch (m_state) {
        case State::Idle:
        case State::Receiving:
            processInput();
            break;
        case State::Lingering:
            m_socket->skip(m_socket->bytesAvailable()); // drain, answer nothing more
            break;
        case State::Handling: // the bytes wait in the socket until the answer is written
        case State::Closed:
            break;
        }
    } catch (const std::bad_alloc&) {
        handleOutOfMemory();
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_state == State::Lingering) {
        shutdownWriteWhenFlushed();
        return;
    }
    if (m_outputBlocked && m_socket->bytesToWrite() <= m_limits.maxPendingOutputBytes / 2) {
        m_outputBlocked = false;
        onReadyRead();
    }
}

bool HttpConnection::readIntoBuffer()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return false;
    if (m_inputOffset >= m_input.size()) {
        m_input.resize(0); // keeps the capacity
        m_inputOffset = 0;
    }
    const qsizetype oldSize = m_input.size();
    m_input.resize(oldSize + qsizetype(available));
    const qint64 got = m_socket->read(m_input.data() + oldSize, available);
    m_input.resize(oldSize + qsizetype(std::max<qint64>(got, 0)));
    return got > 0;
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    bool parsing = true;
    while (parsing && (m_state == State::Idle || m_state == State::Receiving) && !m_outputBlocked) {
        if (m_inputOffset >= m_input.size())
            readIntoBuffer();
        const qsizetype available = m_input.size() - m_inputOffset;
        if (available == 0 && !m_parser.needsCallWithoutData())
            break;

        qsizetype used = 0;
        const HttpRequestParser::Status status =
            m_parser.parse(m_input.constData() + m_inputOffset, available, &used);
        m_inputOffset += used;

        if (m_state == State::Idle && m_parser.hasPartialRequest()) {
            // The header deadline starts with the first byte and is not moved by later ones:
            // a client trickling bytes is cut off all the same.
            m_state = State::Receiving;
            m_requestStartMs = monotonicNowMs();
            m_deadline =
                m_limits.headerTimeoutMs > 0 ? m_requestStartMs + m_limits.headerTimeoutMs : 0;
            m_parser.request().receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        }

        switch (status) {
        case HttpRequestParser::Status::NeedMoreData:
            break;
        case HttpRequestParser::Status::HeadersComplete:
            m_deadline = m_limits.bodyTimeoutMs > 0 ? monotonicNowMs() + m_limits.bodyTimeoutMs : 0;
            if (m_parser.expectsContinue()) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_socket->flush();
            }
            break;
        case HttpRequestParser::Status::MessageComplete:
            dispatchRequest();
            break;
        case HttpRequestParser::Status::Error:
            reject(m_parser.errorStatus(), m_parser.errorMessage(), m_parser.request());
            parsing = false;
            break;
        }
    }
    m_processing = false;
}

void HttpConnection::dispatchRequest()
{
    m_state = State::Handling;
    m_deadline = m_limits.responseTimeoutMs > 0 ? monotonicNowMs() + m_limits.responseTimeoutMs : 0;
    m_keepAlive = m_parser.keepAlive() && !m_closeRequested;
    m_current = m_parser.takeRequest();

    // One shared state per request; reused when no responder copy outlived the last one.
    if (m_responder && m_responder.use_count() == 1) {
        m_responder->responded = false;
    } else {
        m_responder = std::make_shared<HttpResponder::State>();
    }
    {
        QMutexLocker locker(&m_responder->mutex);
        m_responder->connection = this;
    }

    if (m_handler == nullptr) {
        HttpResponder(m_responder)
            .respond(HttpResponse::error(503, QStringLiteral("no handler is installed")));
        return;
    }
    m_handler->handleRequest(m_current, HttpResponder(m_responder));
}

void HttpConnection::deliverResponse(const std::shared_ptr<HttpResponder::State>& state,
                                     HttpResponse response)
{
    if (state != m_responder || m_state != State::Handling || state->connection != this)
        return;
    try {
        detachResponder();
        if (response.status < 200 || response.status > 999) {
            qCWarning(lcHttp) << "handler answered with status" << response.status
                              << "- sending 500 instead";
            response = HttpResponse::error(
                500, QStringLiteral("invalid response status %1").arg(response.status));
        }
        finishResponse(response, !m_keepAlive || m_closeRequested);
        ++m_requestsServed;
        m_current = HttpRequest();
        // The next pipelined request, if any, from the event loop: respond() never calls
        // back into the handler. (Inside processInput() its loop goes on by itself.)
        if (m_state == State::Idle && !m_processing &&
            (m_inputOffset < m_input.size() || m_socket->bytesAvailable() > 0)) {
            QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
        }
    } catch (const std::bad_alloc&) {
        handleOutOfMemory();
    }
}

void HttpConnection::finishResponse(const HttpResponse& response, bool close)
{
    writeResponse(response, close, isHead(m_current));
    logRequest(m_current, response.status, {});
    if (m_state == State::Closed)
        return;
    if (close)
        startLingeringClose();
    else
        enterIdle();
}

void HttpConnection::reject(int status, const QString& message, const HttpRequest& partialRequest)
{
    const HttpResponse response = HttpResponse::error(status, message);
    writeResponse(response, true, isHead(partialRequest));
    logRequest(partialRequest, status, message);
    detachResponder();
    startLingeringClose();
    if (m_handler != nullptr)
        m_handler->requestRejected(partialRequest, response, message);
}

void HttpConnection::writeResponse(const HttpResponse& response, bool close, bool headRequest)
{
    if (m_state == State::Closed)
        return;
    HttpResponse::Framing framing;
    framing.headRequest = headRequest;
    framing.date = currentHttpDate();
    const bool http10 = m_current.versionMajor == 1 && m_current.versionMinor == 0;
    framing.connection = close    ? HttpResponse::ConnectionHeader::Close
                         : http10 ? HttpResponse::ConnectionHeader::KeepAlive
                                  : HttpResponse::ConnectionHeader::None;
    m_output.resize(0);
    response.serializeTo(m_output, framing);
    // One write, sent at once (LowDelay is set on the socket).
    m_socket->write(m_output);
    m_socket->flush();
}

void HttpConnection::enterIdle()
{
    m_state = State::Idle;
    m_deadline =
        m_limits.keepAliveTimeoutMs > 0 ? monotonicNowMs() + m_limits.keepAliveTimeoutMs : 0;
    if (m_socket->bytesToWrite() > m_limits.maxPendingOutputBytes)
        m_outputBlocked = true; // resumed from onBytesWritten()
}

void HttpConnection::startLingeringClose()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Lingering;
    m_input.clear();
    m_inputOffset = 0;
    if (m_limits.lingerTimeoutMs <= 0) {
        m_socket->disconnectFromHost();
        finish();
        return;
    }
    m_deadline = monotonicNowMs() + m_limits.lingerTimeoutMs;
    m_socket->skip(m_socket->bytesAvailable());
    shutdownWriteWhenFlushed();
}

void HttpConnection::shutdownWriteWhenFlushed()
{
    // Half-close once the answer is out: the client reads it and sees end-of-stream, while
    // the bytes it is still sending are drained instead of making the kernel reset the
    // connection (which could destroy the answer before the client read it).
    if (m_writeShutdown || m_socket->bytesToWrite() > 0 || m_socket->socketDescriptor() < 0)
        return;
    m_writeShutdown = true;
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(m_socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

void HttpConnection::detachResponder()
{
    if (!m_responder)
        return;
    QMutexLocker locker(&m_responder->mutex);
    m_responder->connection = nullptr;
}

void HttpConnection::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_deadline = 0;
    detachResponder();
    if (m_socket->state() != QAbstractSocket::UnconnectedState &&
        m_socket->state() != QAbstractSocket::ClosingState) {
        m_socket->abort();
    }
    Q_EMIT closed(this);
    deleteLater();
}

void HttpConnection::handleOutOfMemory()
{
    qCWarning(lcHttp) << "out of memory while serving" << m_socket->peerAddress()
                      << "- closing the connection";
    m_input = QByteArray();
    m_output = QByteArray();
    m_current = HttpRequest();
    abort();
}

void HttpConnection::logRequest(const HttpRequest& request, int status,
                                const QString& refusal) const
{
    // One line per request, debug only: no query string, body or header values.
    qCDebug(lcHttp).nospace().noquote()
        << m_socket->peerAddress().toString() << ' '
        << (request.method.isEmpty() ? QByteArrayLiteral("-") : request.method) << ' '
        << (request.target.isEmpty() ? QByteArrayLiteral("-") : request.path()) << ' ' << status
        << ' ' << request.body.size() << "B "
        << (m_requestStartMs > 0 ? monotonicNowMs() - m_requestStartMs : 0) << "ms"
        << (refusal.isEmpty() ? QString() : QStringLiteral(" refused: ") + refusal);
}

} // namespace smsdesk
