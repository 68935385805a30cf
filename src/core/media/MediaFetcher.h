#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace smsdesk {

// Fetches one media file for the archive, checking it before anything is decoded: only http
// and https, a few redirects, a timeout; the reply is aborted as soon as its Content-Length or
// the bytes read pass the size cap, or its declared type is not one the archive keeps; an
// image's bytes must be of the type the server declared (sniffed, so HTML served as image/png
// is refused). One fetch per object; finished() once, then it is done.
class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBytes = 10 * 1024 * 1024;
        int timeoutMs = 30000;       // without a byte (QNetworkRequest::setTransferTimeout)
        int totalTimeoutMs = 120000; // for the whole file
        int maxRedirects = 3;
    };

    struct Result
    {
        enum class Outcome
        {
            Fetched, // bytes and contentType are set
            Refused, // not kept on purpose (reason)
            Failed,  // could not be fetched (reason)
        };
        Outcome outcome = Outcome::Failed;
        QByteArray bytes;
        QString contentType; // bare, lower case
        QString reason;
        int httpStatus = 0;
    };

    MediaFetcher(QNetworkAccessManager& network, const Limits& limits, QObject* parent = nullptr);
    ~MediaFetcher() override;

    // Starts fetching `url`; finished() follows (at once, queued, for a URL that is refused).
    void start(const QString& url);

    // "10 MB".
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    void finished(const smsdesk::MediaFetcher::Result& result);

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    // Ends the fetch with `outcome` and `reason` (aborting the reply when it runs).
    void end(Result::Outcome outcome, const QString& reason);
    bool checkType(const QString& contentType);

    QNetworkAccessManager& m_network;
    Limits m_limits;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    Result m_result;
    bool m_done = false;
};

} // namespace smsdesk
