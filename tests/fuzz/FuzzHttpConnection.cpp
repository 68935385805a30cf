// libFuzzer target: arbitrary bytes through HttpRequestParser, driven the way HttpConnection
// drives it (parse up to an event, act, go on with the rest; stop after an error or after a
// request that does not keep the connection alive). Checked on every input:
// - no crash, no sanitizer report, progress on every call;
// - the limits hold: header block, header fields, body, error statuses from the known set;
// - splitting the input differently never changes the result (incremental parsing);
// each with the production limits and with tiny limits that the fuzzer reaches easily.
// See CMakeLists.txt in this directory for how to build and run it.

#include "http/HttpLimits.h"
#include "http/HttpRequestParser.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace smsdesk;

namespace {

void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

struct Outcome
{
    QList<HttpRequest> requests;
    int continues = 0; // "100 Continue" the connection would have sent
    int errorStatus = 0;
    QString errorMessage;
    HttpRequest partial;

    bool operator==(const Outcome& other) const
    {
        if (requests.size() != other.requests.size() || continues != other.continues ||
            errorStatus != other.errorStatus || errorMessage != other.errorMessage) {
            return false;
        }
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const HttpRequest& a = requests.at(i);
            const HttpRequest& b = other.requests.at(i);
            if (a.method != b.method || a.target != b.target || a.headers != b.headers ||
                a.body != b.body || a.versionMajor != b.versionMajor ||
                a.versionMinor != b.versionMinor) {
                return false;
            }
        }
        // Of a refused request only the method is stable: llhttp hands over the bytes of a
        // field at the end of each input piece, so what a partial header or target holds when
        // the error strikes depends on where the input was split.
        return partial.method == other.partial.method;
    }
};

void checkRequest(const HttpRequest& request, const HttpLimits& limits, bool complete)
{
    check(request.body.size() <= limits.maxBodyBytes, "body within the limit");
    check(request.headers.size() <= limits.maxHeaderFields, "header fields within the limit");
    check(request.target.size() <= limits.maxHeaderBytes, "target within the header limit");
    qsizetype headerBytes = 0;
    for (const HttpRequest::Header& header : request.headers)
        headerBytes += header.first.size() + header.second.size();
    check(headerBytes <= limits.maxHeaderBytes, "header bytes within the limit");
    if (complete) {
        check(!request.method.isEmpty(), "a complete request has a method");
        check(!request.target.isEmpty(), "a complete request has a target");
        check(request.versionMajor == 1, "only HTTP/1.x gets through");
    }
}

// Feeds `input` in segments whose sizes come from `splitSeed` (0: all at once).
Outcome run(const QByteArray& input, const HttpLimits& limits, quint32 splitSeed)
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    QByteArray buffer; // what the connection has read but not yet parsed
    qsizetype delivered = 0;
    quint32 random = splitSeed;
    bool open = true;
    while (open) {
        // "Read" the next segment from the socket.
        if (delivered < input.size()) {
            qsizetype segment = input.size() - delivered;
            if (splitSeed != 0) {
                random = random * 1664525u + 1013904223u;
                segment = std::min<qsizetype>(segment, 1 + (random >> 24) % 64);
            }
            buffer.append(input.constData() + delivered, segment);
            delivered += segment;
        }
        const bool lastSegment = delivered >= input.size();

        // Parse what is there, event by event, as HttpConnection::processInput does.
        qsizetype offset = 0;
        for (;;) {
            const qsizetype available = buffer.size() - offset;
            if (available == 0 && !parser.needsCallWithoutData())
                break;
            qsizetype used = -1;
            const HttpRequestParser::Status status =
                parser.parse(buffer.constData() + offset, available, &used);
            check(used >= 0 && used <= available, "consumed within what was given");
            offset += used;
            check(parser.headerBytes() <= limits.maxHeaderBytes, "header block within limit");
            if (status == HttpRequestParser::Status::NeedMoreData) {
                check(used == available, "NeedMoreData consumes everything");
                break;
            }
            if (status == HttpRequestParser::Status::HeadersComplete) {
                checkRequest(parser.request(), limits, false);
                if (parser.expectsContinue())
                    ++outcome.continues;
                continue;
            }
            if (status == HttpRequestParser::Status::MessageComplete) {
                const bool keepAlive = parser.keepAlive();
                HttpRequest request = parser.takeRequest();
                checkRequest(request, limits, true);
                outcome.requests.append(request);
                if (!keepAlive) {
                    open = false;
                    break;
                }
                continue;
            }
            // Error: the connection answers and closes.
            const int code = parser.errorStatus();
            check(code == 400 || code == 413 || code == 417 || code == 431 || code == 501 ||
                      code == 505,
                  "error status from the known set");
            check(!parser.errorMessage().isEmpty(), "an error says why");
            checkRequest(parser.request(), limits, false);
            const QByteArray answer = HttpResponse::error(code, parser.errorMessage()).serialize();
            check(answer.startsWith("HTTP/1.1 "), "error response serialises");
            outcome.errorStatus = code;
            outcome.errorMessage = parser.errorMessage();
            outcome.partial = parser.request();
            open = false;
            break;
        }
        buffer.remove(0, offset);
        if (lastSegment)
            break;
    }
    return outcome;
}

void describe(const char* name, const Outcome& outcome)
{
    std::fprintf(stderr, "%s: %d requests, %d continues, error %d \"%s\", partial %s %s\n", name,
                 int(outcome.requests.size()), outcome.continues, outcome.errorStatus,
                 qPrintable(outcome.errorMessage), outcome.partial.method.constData(),
                 outcome.partial.target.constData());
    for (const HttpRequest& request : outcome.requests) {
        std::fprintf(stderr, "  %s %s, %d headers, body %d\n", request.method.constData(),
                     request.target.constData(), int(request.headers.size()),
                     int(request.body.size()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));

    HttpLimits tiny;
    tiny.maxHeaderBytes = 200;
    tiny.maxHeaderFields = 4;
    tiny.maxBodyBytes = 32;

    quint32 seed = 2166136261u; // FNV-1a of the input picks the split pattern
    for (size_t i = 0; i < size; ++i)
        seed = (seed ^ data[i]) * 16777619u;
    seed |= 1u;

    for (const HttpLimits& limits : {HttpLimits(), tiny}) {
        const Outcome whole = run(input, limits, 0);
        const Outcome split = run(input, limits, seed);
        if (!(whole == split)) {
            describe("whole", whole);
            describe("split", split);
        }
        check(whole == split, "the split of the input does not change the outcome");
    }
    return 0;
}
