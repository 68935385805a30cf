#pragma once

#include "providers/samples/WebhookSample.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace smsdesk {

// Posts webhook samples to a listener with QNetworkAccessManager (keep-alive connections,
// at most `concurrency` requests in flight), the way a provider would: each message once,
// then `retries` more times with the same bytes (each copy after the previous one was
// answered, so the receiver sees a provider's redelivery, not a race). Counts the answers by
// HTTP status. Secrets: the Authorization value is sent, never reported.
class WebhookFirer : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultConcurrency = 4;
    static constexpr int DefaultTimeoutMs = 30000; // onCloud's timeout

    // One answered (or failed) request.
    struct Report
    {
        QString label;   // WebhookSample::label()
        int attempt = 0; // 0: first delivery, 1..retries: the copies
        QUrl url;
        int status = 0;      // HTTP status; 0 when there was no HTTP answer
        QString error;       // the network error when status is 0
        QByteArray response; // the answer's body (first 512 bytes)
        qint64 elapsedMs = 0;
        bool ok() const { return status >= 200 && status < 300; }
    };

    struct Summary
    {
        int requests = 0;
        int ok = 0;              // 2xx answers
        QMap<int, int> byStatus; // HTTP status -> count
        int networkErrors = 0;   // no HTTP answer (refused, reset, timeout)
        QList<Report> failures;  // every request that did not get a 2xx
        bool allOk() const { return requests > 0 && ok == requests; }
        // "sent 12 requests: 10 answered 2xx, 2 failed (200: 10, 503: 1, no answer: 1)"
        QString line() const;
    };

    explicit WebhookFirer(QObject* parent = nullptr);
    ~WebhookFirer() override;

    // Where a sample goes. A URL with an empty path (or "/") is the listener's base URL: the
    // sample's own path (/webhooks/<provider>) is appended. A URL with any other path is the
    // full endpoint and is used as it is for every sample (/webhook, a proxy's path, …).
    static QUrl targetUrl(const QUrl& url, const QByteArray& samplePath);

    void setUrl(const QUrl& url) { m_url = url; }
    void setConcurrency(int concurrency) { m_concurrency = qMax(1, concurrency); }
    void setRetries(int retries) { m_retries = qMax(0, retries); }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Starts sending `count` samples, sample(i) for i in [0, count); emits finished() once
    // every request (copies included) was answered or failed. One run at a time.
    void start(int count, std::function<WebhookSample(int)> sample);
    // start() and a local event loop until finished().
    Summary run(int count, std::function<WebhookSample(int)> sample);
    bool isRunning() const { return m_running; }
    const Summary& summary() const { return m_summary; }

Q_SIGNALS:
    void requestFinished(const smsdesk::WebhookFirer::Report& report);
    void finished(const smsdesk::WebhookFirer::Summary& summary);

private:
    struct Pending
    {
        WebhookSample sample;
        int attempt = 0;
    };

    void pump();
    void send(Pending pending);
    void onReplyFinished(QNetworkReply* reply, Pending pending, QElapsedTimer timer);

    QNetworkAccessManager* m_network = nullptr;
    QUrl m_url;
    int m_concurrency = DefaultConcurrency;
    int m_retries = 0;
    int m_timeoutMs = DefaultTimeoutMs;

    std::function<WebhookSample(int)> m_sample;
    int m_count = 0;
    int m_next = 0;          // next sample index to start
    QList<Pending> m_copies; // retries waiting for a free slot
    int m_inFlight = 0;
    bool m_running = false;
    Summary m_summary;
};

} // namespace smsdesk
