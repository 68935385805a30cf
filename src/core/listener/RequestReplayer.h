#pragma once

#include "store/RequestLogReader.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace smsdesk {

// Sends a logged webhook request again to a running listener (the inspector's "replay") and
// reports what the listener made of it. The request goes out as it was logged: method, target,
// headers (but those of its connection: Host, Content-Length, Connection, Transfer-Encoding,
// Expect, Keep-Alive, TE, Trailer, Upgrade) and the whole body, plus
// WebhookListener::ReplayHeader, so the answer names its outcome. The log holds no secrets:
// the caller gives them back (the number's Authorization value, its path token in place of
// the logged "[token]"), read from the keychain; they are sent, never logged or kept.
class RequestReplayer : public QObject
{
    Q_OBJECT

public:
    struct Secrets
    {
        std::optional<QByteArray> authorization; // replaces the redacted value when given
        QByteArray pathToken;                    // replaces "[token]" in the target
    };

    struct Result
    {
        int status = 0;          // 0: no HTTP answer (see error)
        QString outcome;         // the listener's outcome code; empty when it did not say
        qint64 requestLogId = 0; // the new log row, when the listener said
        QByteArray body;
        qint64 latencyMs = 0;
        QString error; // the network error, when there was no answer

        bool answered() const { return status > 0; }
    };
    using Done = std::function<void(const Result&)>;

    static constexpr int DefaultTimeoutMs = 15'000;

    // `network` must outlive the replayer; requests run on its thread (the caller's).
    explicit RequestReplayer(QNetworkAccessManager& network, QObject* parent = nullptr);

    // `entry` with its whole body (RequestLogReader::find()); `listenerUrl` like
    // "http://127.0.0.1:8080". `done` runs once, on this object's thread, unless the replayer
    // is destroyed first.
    void replay(const RequestLogEntry& entry, const QUrl& listenerUrl, const Secrets& secrets,
                Done done);

private:
    QNetworkAccessManager& m_network;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace smsdesk
