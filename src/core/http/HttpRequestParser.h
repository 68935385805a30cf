#pragma once

#include "HttpLimits.h"
#include "HttpRequest.h"

#include <QString>
#include <memory>

namespace smsdesk {

// Drives llhttp over the bytes of one connection, without a socket: HttpConnection feeds it
// what it reads, the fuzzer feeds it arbitrary bytes. Parsing is incremental (every byte is
// parsed once, however the input is split) and stops at each event, so the caller can act
// (send "100 Continue", hand the request over) before more bytes are parsed. The limits are
// enforced here: header block size and field count (431), body size (413, for a
// Content-Length before any body byte is read), versions (505), transfer codings (501),
// expectations (417) and anything llhttp refuses (400). llhttp runs strict: no lenient flag.
class HttpRequestParser
{
public:
    enum class Status
    {
        NeedMoreData,    // everything given was consumed
        HeadersComplete, // request line and headers are in request(); the body follows
        MessageComplete, // request() is complete; parse() starts the next one when called
        Error,           // errorStatus()/errorMessage() say why; the connection must close
    };

    explicit HttpRequestParser(const HttpLimits& limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser&) = delete;
    HttpRequestParser& operator=(const HttpRequestParser&) = delete;

    // Copied into every request parsed from now on.
    void setPeer(const QHostAddress& address, quint16 port);

    // Parses from `data` up to the next event; `*consumed` receives how many bytes were used
    // (the rest must be passed again). After HeadersComplete call it again even with no new
    // bytes: a request without a body completes then. After MessageComplete the next call
    // starts the next request; do not call it again when keepAlive() is false.
    Status parse(const char* data, qsizetype size, qsizetype* consumed);

    // A bodyless request still owes a MessageComplete for a call without new bytes.
    bool needsCallWithoutData() const;
    // At least one byte of the next (or current) request has been consumed.
    bool hasPartialRequest() const;
    // Between HeadersComplete and MessageComplete.
    bool isReadingBody() const;

    // The request being parsed: complete after MessageComplete, partial otherwise.
    HttpRequest& request() { return m_request; }
    const HttpRequest& request() const { return m_request; }
    // Moves the completed request out (the parser keeps an empty one).
    HttpRequest takeRequest();

    // After HeadersComplete: the client waits for "100 Continue" before sending the body.
    bool expectsContinue() const { return m_expectsContinue; }
    // After MessageComplete: the connection may carry another request (HTTP/1.1 without
    // "Connection: close", HTTP/1.0 with "Connection: keep-alive", no Upgrade/CONNECT).
    bool keepAlive() const { return m_keepAlive; }
    // After Error: 400, 413, 417, 431, 501 or 505, and a one-line English reason.
    int errorStatus() const { return m_errorStatus; }
    const QString& errorMessage() const { return m_errorMessage; }
    // Bytes of the current request's line and header block consumed so far.
    qsizetype headerBytes() const { return m_headerBytes; }

private:
    enum class Phase
    {
        Idle,
        Headers,
        HeadersDone,
        Body,
        Complete,
        Error
    };
    struct Llhttp;
    friend struct Llhttp;

    void startNextMessage();
    Status afterHeaders();
    Status fail(int status, const QString& message);
    Status failOverBudget(bool inHead);
    qsizetype bodyWireBudget() const;
    bool setError(int status, const QString& message);

    std::unique_ptr<Llhttp> m_llhttp;
    HttpLimits m_limits;
    HttpRequest m_request;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    Phase m_phase = Phase::Idle;
    bool m_pausedAtHeaders = false; // which pause llhttp reported: headers or message end
    bool m_expectsContinue = false;
    bool m_keepAlive = false;
    qsizetype m_headerBytes = 0;
    qsizetype m_bodyWireBytes = 0; // body bytes as sent: data plus chunk framing
    int m_trailerFields = 0;
    QByteArray m_fieldName; // the header name being received
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace smsdesk
