#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace smsdesk {

struct RequestLogEntry;

// Writes request log entries as JSON Lines: one compact JSON object per line, '\n'-terminated,
// UTF-8. Every object has every key, always in this order (absent values are null, never left
// out, so that the keys of every line are the same):
//
//   id               number
//   received_at      string, ISO 8601 UTC with milliseconds: "2026-02-02T08:15:30.250Z"
//   peer             string, "203.0.113.5:53211"
//   method, target   string (the target as logged: a path token reads "[token]")
//   headers          array of [name, value] string pairs, in order (the bytes read as Latin-1,
//                    as request_log stores them); Authorization and Proxy-Authorization values
//                    are always "[redacted]", whatever the entry holds
//   body             string when the body bytes are valid UTF-8, else null
//   body_base64      string (standard base64 of the body bytes) when they are not, else null
//   body_size        number: the size as received
//   body_truncated   bool: `body` holds fewer bytes than body_size (cut at the body limit when
//                    it was stored, or an entry read with RequestLogReader::page(): write
//                    entries read with find() to get whole bodies)
//   provider         string or null (unknown)
//   number_id        number or null (unknown)
//   did, remote      string or null (not known)
//   outcome          string (ListenerEvent / Rejection codes)
//   reason           string or null (accepted requests)
//   response_status  number or null (no response recorded)
//   response_body    string or null (none recorded)
//   latency_us       number or null (none recorded)
//   message_id       number or null (no message)
class RequestLogJsonWriter
{
public:
    // `device` must be open for writing and outlive the writer; it is not owned.
    explicit RequestLogJsonWriter(QIODevice* device);

    // Writes one line; false when the device refused it (errorString()).
    bool write(const RequestLogEntry& entry);
    // How many lines were written.
    qint64 count() const { return m_count; }
    QString errorString() const { return m_error; }

    // The line of one entry, with its '\n'.
    static QByteArray toLine(const RequestLogEntry& entry);

private:
    QIODevice* m_device;
    qint64 m_count = 0;
    QString m_error;
};

} // namespace smsdesk
