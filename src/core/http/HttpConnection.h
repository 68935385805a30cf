#pragma once

#include "HttpLimits.h"
#include "HttpRequest.h"
#include "HttpRequestParser.h"
#include "HttpResponder.h"

#include <QObject>
#include <memory>

class QTcpSocket;

namespace smsdesk {

class HttpHandler;

// One client socket: feeds its bytes to an HttpRequestParser, hands each complete request to
// the handler, writes the answers strictly in order (the next pipelined request is parsed
// only after the current one was answered), keeps the connection alive or closes it, and
// enforces the limits and timeouts. Lives in the server's thread; deletes itself after
// emitting closed(). Deadlines are checked by HttpServer's sweep through checkTimeouts().
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Takes the socket over (reparents it). `handler` may be null: every request gets 503.
    HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    // Milliseconds on the monotonic clock checkTimeouts() compares against.
    static qint64 monotonicNowMs();
    // When the current phase times out (0: no deadline).
    qint64 deadline() const { return m_deadline; }
    // Acts on an expired deadline: 408 while a request is arriving, 503 when the handler
    // did not answer, silent close when idle, hard close when lingering.
    void checkTimeouts(qint64 nowMs);

    // A request is being received or waits for its answer.
    bool hasRequestInFlight() const;
    // Takes no further request: closes now when idle, else after the current answer.
    void closeWhenIdle();
    // Closes at once, answering nothing.
    void abort();

Q_SIGNALS:
    // The socket is gone (emitted once). The object deletes itself afterwards.
    void closed(smsdesk::HttpConnection* connection);

private:
    enum class State
    {
        Idle,      // between requests (or new): waiting for the first byte
        Receiving, // request line, headers or body arriving
        Handling,  // complete request handed over, waiting for the answer
        Lingering, // last answer written; draining the client's bytes before closing
        Closed,
    };

    friend class HttpResponder;
    void deliverResponse(const std::shared_ptr<HttpResponder::State>& state, HttpResponse response);

    void onReadyRead();
    void onBytesWritten();
    void processInput();
    bool readIntoBuffer();
    void dispatchRequest();
    void finishResponse(const HttpResponse& response, bool close);
    void reject(int status, const QString& message, const HttpRequest& partialRequest);
    void writeResponse(const HttpResponse& response, bool close, bool headRequest);
    void startLingeringClose();
    void shutdownWriteWhenFlushed();
    void enterIdle();
    void detachResponder();
    void finish();
    void handleOutOfMemory();
    void logRequest(const HttpRequest& request, int status, const QString& refusal) const;

    QTcpSocket* m_socket = nullptr;
    HttpHandler* m_handler = nullptr;
    HttpLimits m_limits;
    HttpRequestParser m_parser;
    State m_state = State::Idle;
    qint64 m_deadline = 0;
    qint64 m_requestStartMs = 0; // monotonic, for the log line
    QByteArray m_input;          // bytes read from the socket; m_inputOffset.. not parsed yet
    qsizetype m_inputOffset = 0;
    QByteArray m_output;   // reused serialisation buffer
    HttpRequest m_current; // the request being answered
    std::shared_ptr<HttpResponder::State> m_responder;
    quint64 m_requestsServed = 0;
    bool m_processing = false; // inside processInput(): do not re-enter
    bool m_keepAlive = false;  // the current request allows another one after it
    bool m_closeRequested = false;
    bool m_outputBlocked = false; // too many unsent bytes: not parsing further requests
    bool m_writeShutdown = false;
};

} // namespace smsdesk
