#include "HttpRequestParser.h"

#include <algorithm>
#include <cstring>
#include <llhttp.h>

namespace smsdesk {

namespace {

bool nameIs(const QByteArray& name, const char* expected, qsizetype expectedSize)
{
    return name.size() == expectedSize && qstrnicmp(name.constData(), expected, expectedSize) == 0;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray trimmedOws(const QByteArray& value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && isOws(value.at(begin)))
        ++begin;
    while (end > begin && isOws(value.at(end - 1)))
        --end;
    return value.mid(begin, end - begin);
}

QByteArray staticBytes(const char* text)
{
    return QByteArray::fromRawData(text, qsizetype(std::strlen(text)));
}

} // namespace

// llhttp state plus the callbacks that write into the owning parser. The settings are
// constant and shared by every parser (llhttp only reads them).
struct HttpRequestParser::Llhttp
{
    llhttp_t parser;

    static HttpRequestParser& owner(llhttp_t* p)
    {
        return *static_cast<HttpRequestParser*>(p->data);
    }

    static int onMessageBegin(llhttp_t* p)
    {
        owner(p).m_phase = Phase::Headers;
        return HPE_OK;
    }

    static int onUrl(llhttp_t* p, const char* at, size_t length)
    {
        owner(p).m_request.target.append(at, qsizetype(length));
        return HPE_OK;
    }

    static int onMethodComplete(llhttp_t* p)
    {
        // The method names are static strings: no allocation per request.
        owner(p).m_request.method =
            staticBytes(llhttp_method_name(static_cast<llhttp_method_t>(p->method)));
        return HPE_OK;
    }

    static int onVersionComplete(llhttp_t* p)
    {
        HttpRequestParser& self = owner(p);
        self.m_request.versionMajor = p->http_major;
        self.m_request.versionMinor = p->http_minor;
        return HPE_OK;
    }

    static bool inTrailers(const HttpRequestParser& self) { return self.m_phase == Phase::Body; }

    static int onHeaderField(llhttp_t* p, const char* at, size_t length)
    {
        // Collected until the name is complete (at its colon): the field limit is then checked
        // at the same point however the input was split.
        owner(p).m_fieldName.append(at, qsizetype(length));
        return HPE_OK;
    }

    static int onHeaderFieldComplete(llhttp_t* p)
    {
        HttpRequestParser& self = owner(p);
        if (inTrailers(self)) {
            // Trailers are counted against the limits and dropped (RFC 9110 6.5.1).
            self.m_fieldName.resize(0);
            if (++self.m_trailerFields > self.m_limits.maxHeaderFields) {
                self.setError(431, QStringLiteral("more than %1 trailer fields")
                                       .arg(self.m_limits.maxHeaderFields));
                return -1;
            }
            return HPE_OK;
        }
        if (self.m_request.headers.size() >= self.m_limits.maxHeaderFields) {
            self.setError(
                431,
                QStringLiteral("more than %1 header fields").arg(self.m_limits.maxHeaderFields));
            return -1;
        }
        self.m_request.headers.append({std::move(self.m_fieldName), QByteArray()});
        self.m_fieldName = QByteArray();
        return HPE_OK;
    }

    static int onHeaderValue(llhttp_t* p, const char* at, size_t length)
    {
        HttpRequestParser& self = owner(p);
        if (inTrailers(self))
            return HPE_OK;
        if (!self.m_request.headers.isEmpty())
            self.m_request.headers.last().second.append(at, qsizetype(length));
        return HPE_OK;
    }

    static int onHeaderValueComplete(llhttp_t* p)
    {
        HttpRequestParser& self = owner(p);
        if (inTrailers(self) || self.m_request.headers.isEmpty())
            return HPE_OK;
        QByteArray& value = self.m_request.headers.last().second;
        if (!value.isEmpty() && (isOws(value.front()) || isOws(value.back())))
            value = trimmedOws(value);
        return HPE_OK;
    }

    static int onHeadersComplete(llhttp_t* p)
    {
        // Stop here so parse() can check the limits and the connection can send
        // "100 Continue" before a single body byte is parsed.
        owner(p).m_pausedAtHeaders = true;
        return HPE_PAUSED;
    }

    static int onChunkHeader(llhttp_t* p)
    {
        // p->content_length is the size of the chunk that follows: refuse it before reading.
        HttpRequestParser& self = owner(p);
        const qsizetype room = self.m_limits.maxBodyBytes - self.m_request.body.size();
        if (p->content_length > quint64(std::max<qsizetype>(room, 0))) {
            self.setError(
                413,
                QStringLiteral("request body exceeds %1 bytes").arg(self.m_limits.maxBodyBytes));
            return -1;
        }
        return HPE_OK;
    }

    static int onBody(llhttp_t* p, const char* at, size_t length)
    {
        HttpRequestParser& self = owner(p);
        QByteArray& body = self.m_request.body;
        const qsizetype room = self.m_limits.maxBodyBytes - body.size();
        if (qsizetype(length) > room) {
            // Not reached with Content-Length or chunk sizes checked up front; kept as the
            // last line of defence. The partial request keeps the body up to the limit.
            body.append(at, std::max<qsizetype>(room, 0));
            self.setError(
                413,
                QStringLiteral("request body exceeds %1 bytes").arg(self.m_limits.maxBodyBytes));
            return -1;
        }
        body.append(at, qsizetype(length));
        return HPE_OK;
    }

    static int onMessageComplete(llhttp_t* p)
    {
        HttpRequestParser& self = owner(p);
        self.m_keepAlive = llhttp_should_keep_alive(p) != 0 && p->upgrade == 0;
        self.m_pausedAtHeaders = false;
        return HPE_PAUSED;
    }

    static const llhttp_settings_t& settings()
    {
        static const llhttp_settings_t instance = [] {
            llhttp_settings_t s;
            llhttp_settings_init(&s);
            s.on_message_begin = &onMessageBegin;
            s.on_url = &onUrl;
            s.on_method_complete = &onMethodComplete;
            s.on_version_complete = &onVersionComplete;
            s.on_header_field = &onHeaderField;
            s.on_header_field_complete = &onHeaderFieldComplete;
            s.on_header_value = &onHeaderValue;
            s.on_header_value_complete = &onHeaderValueComplete;
            s.on_headers_complete = &onHeadersComplete;
            s.on_chunk_header = &onChunkHeader;
            s.on_body = &onBody;
            s.on_message_complete = &onMessageComplete;
            return s;
        }();
        return instance;
    }
};

HttpRequestParser::HttpRequestParser(const HttpLimits& limits)
    : m_llhttp(std::make_unique<Llhttp>()), m_limits(limits)
{
    llhttp_init(&m_llhttp->parser, HTTP_REQUEST, &Llhttp::settings());
    m_llhttp->parser.data = this;
    startNextMessage();
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::setPeer(const QHostAddress& address, quint16 port)
{
    m_peerAddress = address;
    m_peerPort = port;
    m_request.peerAddress = address;
    m_request.peerPort = port;
}

void HttpRequestParser::startNextMessage()
{
    m_request = HttpRequest();
    m_request.peerAddress = m_peerAddress;
    m_request.peerPort = m_peerPort;
    m_phase = Phase::Idle;
    m_pausedAtHeaders = false;
    m_fieldName.resize(0);
    m_expectsContinue = false;
    m_keepAlive = false;
    m_headerBytes = 0;
    m_bodyWireBytes = 0;
    m_trailerFields = 0;
}

bool HttpRequestParser::needsCallWithoutData() const
{
    return m_phase == Phase::HeadersDone;
}

bool HttpRequestParser::hasPartialRequest() const
{
    switch (m_phase) {
    case Phase::Idle:
        return m_headerBytes > 0; // blank lines before a request line count as a start
    case Phase::Complete:
        return false;
    default:
        return true;
    }
}

bool HttpRequestParser::isReadingBody() const
{
    return m_phase == Phase::HeadersDone || m_phase == Phase::Body;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_request.peerAddress = m_peerAddress;
    m_request.peerPort = m_peerPort;
    return request;
}

bool HttpRequestParser::setError(int status, const QString& message)
{
    if (m_errorStatus == 0) {
        m_errorStatus = status;
        m_errorMessage = message;
    }
    return false;
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString& message)
{
    setError(status, message);
    m_phase = Phase::Error;
    return Status::Error;
}

HttpRequestParser::Status HttpRequestParser::parse(const char* data, qsizetype size,
                                                   qsizetype* consumed)
{
    *consumed = 0;
    llhttp_t* const p = &m_llhttp->parser;
    switch (m_phase) {
    case Phase::Error:
        return Status::Error;
    case Phase::Complete:
        if (!m_keepAlive)
            return fail(400, QStringLiteral("data after the last request of the connection"));
        startNextMessage();
        llhttp_resume(p);
        break;
    case Phase::HeadersDone:
        llhttp_resume(p);
        m_phase = Phase::Body;
        break;
    default:
        break;
    }
    if (size < 0 || (size == 0 && m_phase != Phase::Body))
        return Status::NeedMoreData;
    if (data == nullptr)
        data = "";

    // llhttp never gets more than the budget of the current part: the request line and
    // headers, or the body with its chunk framing (sizes, extensions, trailers). So an
    // oversized part is refused exactly at the limit, however the input is split, and
    // nothing beyond it is ever parsed.
    const bool inHead = m_phase == Phase::Idle || m_phase == Phase::Headers;
    const qsizetype room =
        inHead ? m_limits.maxHeaderBytes - m_headerBytes : bodyWireBudget() - m_bodyWireBytes;
    if (room <= 0 && size > 0)
        return failOverBudget(inHead);
    const qsizetype feed = std::min(size, std::max<qsizetype>(room, 0));

    const llhttp_errno_t error = llhttp_execute(p, data, size_t(feed));
    qsizetype used = feed;
    if (error != HPE_OK) {
        const char* position = llhttp_get_error_pos(p);
        if (position >= data && position <= data + feed)
            used = qsizetype(position - data);
    }
    *consumed = used;
    if (inHead)
        m_headerBytes += used;
    else
        m_bodyWireBytes += used;

    if (m_errorStatus != 0) // one of our callbacks refused the request
        return fail(m_errorStatus, m_errorMessage);

    switch (error) {
    case HPE_OK:
        if (feed < size)
            return failOverBudget(inHead);
        return Status::NeedMoreData;
    case HPE_PAUSED:
        if (m_pausedAtHeaders) {
            m_pausedAtHeaders = false;
            m_phase = Phase::HeadersDone;
            return afterHeaders();
        }
        m_phase = Phase::Complete;
        return Status::MessageComplete;
    case HPE_PAUSED_UPGRADE:
        // Only after the message of an Upgrade/CONNECT request, which ends the connection.
        return fail(400, QStringLiteral("protocol upgrade is not supported"));
    default: {
        const char* reason = llhttp_get_error_reason(p);
        return fail(400,
                    QStringLiteral("malformed request: %1")
                        .arg(QLatin1String(reason != nullptr ? reason : llhttp_errno_name(error))));
    }
    }
}

qsizetype HttpRequestParser::bodyWireBudget() const
{
    // The body itself plus as much again for chunk framing, and the header budget for
    // trailers: generous for any real client (even 1-byte chunks of a 200 KiB body), but
    // a bound on the time a client can keep the parser busy without making progress.
    return 2 * m_limits.maxBodyBytes + m_limits.maxHeaderBytes;
}

HttpRequestParser::Status HttpRequestParser::failOverBudget(bool inHead)
{
    if (inHead)
        return fail(431,
                    QStringLiteral("request headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
    return fail(413, QStringLiteral("chunked body framing exceeds %1 bytes").arg(bodyWireBudget()));
}

HttpRequestParser::Status HttpRequestParser::afterHeaders()
{
    const llhttp_t* const p = &m_llhttp->parser;
    m_request.versionMajor = p->http_major;
    m_request.versionMinor = p->http_minor;
    if (p->http_major != 1) {
        return fail(505, QStringLiteral("HTTP version %1.%2 is not supported")
                             .arg(p->http_major)
                             .arg(p->http_minor));
    }

    // llhttp has already refused Transfer-Encoding with Content-Length, duplicate or invalid
    // Content-Length, and a request Transfer-Encoding that does not end in chunked.
    const bool chunked = (p->flags & F_CHUNKED) != 0;
    bool expectContinue = false;
    for (const HttpRequest::Header& header : std::as_const(m_request.headers)) {
        if (nameIs(header.first, "transfer-encoding", 17)) {
            // Only "chunked" itself: a body in gzip or another coding would reach the
            // handler undecoded (RFC 9112 6.1: 501 for an unknown coding).
            if (header.second.compare("chunked", Qt::CaseInsensitive) != 0) {
                return fail(501, QStringLiteral("transfer coding \"%1\" is not supported")
                                     .arg(QString::fromLatin1(header.second.left(64))));
            }
        } else if (nameIs(header.first, "expect", 6) && p->http_minor >= 1) {
            // HTTP/1.0 clients cannot expect anything (RFC 9110 10.1.1): ignored for them.
            if (header.second.compare("100-continue", Qt::CaseInsensitive) != 0) {
                return fail(417, QStringLiteral("unsupported expectation \"%1\"")
                                     .arg(QString::fromLatin1(header.second.left(64))));
            }
            expectContinue = true;
        }
    }

    const bool hasLength = (p->flags & F_CONTENT_LENGTH) != 0 && !chunked;
    if (hasLength) {
        if (p->content_length > quint64(m_limits.maxBodyBytes)) {
            return fail(413, QStringLiteral("request body of %1 bytes exceeds %2 bytes")
                                 .arg(p->content_length)
                                 .arg(m_limits.maxBodyBytes));
        }
        // Reserve what is announced, up to 64 KiB: a client must send a body, not merely
        // announce one, to make the server hold its memory.
        m_request.body.reserve(std::min<qsizetype>(qsizetype(p->content_length), 64 * 1024));
    }
    m_expectsContinue = expectContinue && (chunked || (hasLength && p->content_length > 0));
    return Status::HeadersComplete;
}

} // namespace smsdesk
