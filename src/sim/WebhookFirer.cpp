#include "WebhookFirer.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace smsdesk {

QString WebhookFirer::Summary::line() const
{
    QStringList counts;
    for (auto it = byStatus.constBegin(); it != byStatus.constEnd(); ++it)
        counts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    if (networkErrors > 0)
        counts << QStringLiteral("no answer: %1").arg(networkErrors);
    const QString detail = counts.isEmpty()
                               ? QString()
                               : QStringLiteral(" (%1)").arg(counts.join(QStringLiteral(", ")));
    return QStringLiteral("sent %1 request%2: %3 answered 2xx, %4 failed%5")
        .arg(requests)
        .arg(requests == 1 ? QString() : QStringLiteral("s"))
        .arg(ok)
        .arg(requests - ok)
        .arg(detail);
}

WebhookFirer::WebhookFirer(QObject* parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WebhookFirer::~WebhookFirer() = default;

QUrl WebhookFirer::targetUrl(const QUrl& url, const QByteArray& samplePath)
{
    if (!url.path().isEmpty() && url.path() != u"/")
        return url;
    QUrl target = url;
    target.setPath(QString::fromUtf8(samplePath));
    return target;
}

void WebhookFirer::start(int count, std::function<WebhookSample(int)> sample)
{
    Q_ASSERT(!m_running);
    m_sample = std::move(sample);
    m_count = qMax(0, count);
    m_next = 0;
    m_copies.clear();
    m_inFlight = 0;
    m_summary = Summary();
    m_running = true;
    pump();
}

WebhookFirer::Summary WebhookFirer::run(int count, std::function<WebhookSample(int)> sample)
{
    QEventLoop loop;
    const auto connection = connect(this, &WebhookFirer::finished, &loop, &QEventLoop::quit);
    start(count, std::move(sample));
    if (m_running)
        loop.exec();
    disconnect(connection);
    return m_summary;
}

void WebhookFirer::pump()
{
    while (m_inFlight < m_concurrency) {
        if (!m_copies.isEmpty()) {
            send(m_copies.takeFirst());
        } else if (m_next < m_count) {
            send(Pending{m_sample(m_next), 0});
            ++m_next;
        } else {
            break;
        }
    }
    if (m_running && m_inFlight == 0) {
        m_running = false;
        Q_EMIT finished(m_summary);
    }
}

void WebhookFirer::send(Pending pending)
{
    QNetworkRequest request(targetUrl(m_url, pending.sample.path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, pending.sample.contentType);
    if (!pending.sample.authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), pending.sample.authorization);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_network->post(request, pending.sample.body);
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, pending = std::move(pending), timer]() mutable {
                onReplyFinished(reply, std::move(pending), timer);
            });
}

void WebhookFirer::onReplyFinished(QNetworkReply* reply, Pending pending, QElapsedTimer timer)
{
    reply->deleteLater();
    --m_inFlight;

    Report report;
    report.label = pending.sample.label();
    report.attempt = pending.attempt;
    report.url = reply->request().url();
    report.elapsedMs = timer.elapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    report.status = status.isValid() ? status.toInt() : 0;
    if (report.status == 0)
        report.error = reply->errorString();
    report.response = reply->readAll().left(512);

    ++m_summary.requests;
    if (report.status == 0)
        ++m_summary.networkErrors;
    else
        ++m_summary.byStatus[report.status];
    if (report.ok())
        ++m_summary.ok;
    else
        m_summary.failures.append(report);

    if (pending.attempt < m_retries)
        m_copies.append(Pending{pending.sample, pending.attempt + 1});
    Q_EMIT requestFinished(report);
    pump();
}

} // namespace smsdesk
