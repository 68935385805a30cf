#include "MediaFetcher.h"

#include "MediaArchive.h"

#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <cmath>

namespace smsdesk {

MediaFetcher::MediaFetcher(QNetworkAccessManager& network, const Limits& limits, QObject* parent)
    : QObject(parent), m_network(network), m_limits(limits)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        end(Result::Outcome::Failed,
            tr("not fetched within %1 s").arg(m_limits.totalTimeoutMs / 1000));
    });
}

MediaFetcher::~MediaFetcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString MediaFetcher::sizeText(qint64 bytes)
{
    // Binary units under their everyday names: 10 MB is 10 × 1024 × 1024 bytes.
    const auto text = [](double value, const QString& unit) {
        const double tenths = std::round(value * 10) / 10; // 48.01 KB reads "48 KB"
        const bool whole = tenths == std::floor(tenths) || value >= 100;
        return tr("%1 %2").arg(
            QLocale().toString(whole ? std::round(value) : tenths, 'f', whole ? 0 : 1), unit);
    };
    if (bytes >= 1024 * 1024)
        return text(double(bytes) / (1024 * 1024), tr("MB"));
    if (bytes >= 1024)
        return text(double(bytes) / 1024, tr("KB"));
    return tr("%1 bytes").arg(bytes);
}

void MediaFetcher::start(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
        QMetaObject::invokeMethod(
            this, [this] { end(Result::Outcome::Refused, tr("not an http or https link")); },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(parsed);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_limits.maxRedirects);
    request.setTransferTimeout(m_limits.timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setRawHeader("Accept", "image/*, application/pdf, audio/*, video/*");
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &MediaFetcher::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &MediaFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &MediaFetcher::onFinished);
    m_deadline.start(m_limits.totalTimeoutMs);
}

bool MediaFetcher::checkType(const QString& contentType)
{
    m_result.contentType = MediaArchive::bareType(contentType);
    if (m_result.contentType.isEmpty()) {
        end(Result::Outcome::Refused, tr("no content type"));
        return false;
    }
    if (!MediaArchive::isKeptType(m_result.contentType)) {
        end(Result::Outcome::Refused, tr("a type not kept (%1)").arg(m_result.contentType));
        return false;
    }
    return true;
}

void MediaFetcher::onMetaData()
{
    if (m_done || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return; // a redirect being followed, or an error that finished() reports
    m_result.httpStatus = status;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_limits.maxBytes) {
        end(Result::Outcome::Refused, tr("larger than %1").arg(sizeText(m_limits.maxBytes)));
        return;
    }
    checkType(m_reply->header(QNetworkRequest::ContentTypeHeader).toString());
}

void MediaFetcher::onReadyRead()
{
    if (m_done || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300) {
        m_reply->readAll(); // an error page: not kept
        return;
    }
    m_result.bytes += m_reply->read(m_limits.maxBytes + 1 - m_result.bytes.size());
    if (m_result.bytes.size() > m_limits.maxBytes) {
        m_result.bytes.clear();
        end(Result::Outcome::Refused, tr("larger than %1").arg(sizeText(m_limits.maxBytes)));
    }
}

void MediaFetcher::onFinished()
{
    if (m_done || !m_reply)
        return;
    onReadyRead();
    if (m_done)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_result.httpStatus = status;
    if (error == QNetworkReply::TooManyRedirectsError) {
        end(Result::Outcome::Failed, tr("too many redirects"));
        return;
    }
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        end(Result::Outcome::Failed, tr("no answer in %1 s").arg(m_limits.timeoutMs / 1000.0));
        return;
    }
    if (status != 0 && (status < 200 || status >= 300)) {
        end(Result::Outcome::Failed, tr("HTTP %1").arg(status));
        return;
    }
    if (error != QNetworkReply::NoError) {
        end(Result::Outcome::Failed, m_reply->errorString());
        return;
    }
    if (!checkType(m_reply->header(QNetworkRequest::ContentTypeHeader).toString()))
        return;
    if (m_result.bytes.isEmpty()) {
        end(Result::Outcome::Failed, tr("an empty file"));
        return;
    }
    if (MediaArchive::isImageType(m_result.contentType)) {
        // What the bytes are, not what the server says: they must agree before any decoder
        // sees them.
        const QMimeType sniffed = QMimeDatabase().mimeTypeForData(m_result.bytes);
        if (!sniffed.inherits(m_result.contentType)) {
            const QString type = m_result.contentType;
            m_result.bytes.clear();
            end(Result::Outcome::Refused,
                tr("not the %1 it claims to be (%2)").arg(type, sniffed.name()));
            return;
        }
    }
    end(Result::Outcome::Fetched, {});
}

void MediaFetcher::end(Result::Outcome outcome, const QString& reason)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    m_result.outcome = outcome;
    m_result.reason = reason;
    if (outcome != Result::Outcome::Fetched)
        m_result.bytes.clear();
    Q_EMIT finished(m_result);
}

} // namespace smsdesk
