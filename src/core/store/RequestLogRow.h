#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace smsdesk {

// One webhook request as the inspector shows it (a row of `request_log`), for MessageWriter.
// Every request is logged, accepted or not: a refused request has a log row and no message.
struct RequestLogRow
{
    using Header = QPair<QByteArray, QByteArray>; // as HttpRequest::Header

    // What the value of a secret-bearing header (Authorization, Proxy-Authorization) must be
    // replaced with before the row reaches the writer. Redacting is the caller's job; the
    // writer checks it: any other value asserts in a debug build and is replaced by this
    // marker in a release build, so a secret never reaches the store.
    static constexpr const char RedactedValue[] = "[redacted]";

    // The outcomes the writer itself fills in. The listener has its own for refusals
    // ("rejected-auth", "malformed", ...): `outcome` is free text for the store.
    static constexpr const char OutcomeAccepted[] = "accepted";   // message stored / status new
    static constexpr const char OutcomeDuplicate[] = "duplicate"; // already stored before
    static constexpr const char OutcomeStoreFailed[] = "store-failed"; // could not be stored

    qint64 receivedAtMs = 0; // UTC ms; 0: the writer's clock at submit()
    QString peer;            // "203.0.113.5:53211"
    QString method;          // "POST"
    QString target;          // the request target as received
    QList<Header> headers;   // stored as a JSON array of [name, value] (bytes read as Latin-1)
    QByteArray body;         // up to the body limit
    qint64 bodySize = 0;     // the full size, also when `body` was truncated
    QString provider;        // empty: unknown (NULL)
    qint64 numberId = 0;     // 0: unknown (NULL)
    // Empty: the writer sets OutcomeAccepted / OutcomeDuplicate from the linked message.
    QString outcome;
    // With `outcome` empty: what a new linked message is logged as instead of OutcomeAccepted
    // (the listener's "unassigned"). A duplicate is OutcomeDuplicate all the same.
    QString outcomeIfNew;
    QString reason; // empty: NULL
    // The response, when already known (refusals). For accepted requests it is known only
    // after the commit: leave it empty and call MessageWriter::completeRequestLog() once the
    // response is written.
    int responseStatus = 0; // 0: NULL
    QString responseBody;   // null: NULL
    qint64 latencyUs = -1;  // -1: NULL

    // Links the row to a message of the same WriteJob: the index of a MessageRow (its stored
    // or duplicate id) or, when that is -1, of a StatusRow (the message it updated).
    int linkedMessage = -1;
    int linkedStatus = -1;
    qint64 messageId = 0; // an explicit link when neither index is set; 0: none

    static bool isSecretHeader(const QByteArray& name)
    {
        return name.compare("authorization", Qt::CaseInsensitive) == 0 ||
               name.compare("proxy-authorization", Qt::CaseInsensitive) == 0;
    }

    // Headers about the one connection or the framing of the message (the hop-by-hop ones of
    // RFC 9110 section 7.6.1, plus Host, Content-Length and Expect): a client that sends the
    // logged request again (replay, curl) sets its own.
    static bool isConnectionHeader(const QByteArray& name)
    {
        static const char* const connection[] = {
            "host", "content-length", "connection", "transfer-encoding", "expect", "keep-alive",
            "te",   "trailer",        "upgrade",    "proxy-connection"};
        for (const char* candidate : connection) {
            if (name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    // Replaces the value of every secret-bearing header that is not RedactedValue by it.
    // Returns how many values were replaced (0 when the caller redacted correctly).
    int stripUnredactedSecrets()
    {
        int stripped = 0;
        for (Header& header : headers) {
            if (isSecretHeader(header.first) && header.second != RedactedValue) {
                header.second = QByteArray(RedactedValue);
                ++stripped;
            }
        }
        return stripped;
    }
};

} // namespace smsdesk
