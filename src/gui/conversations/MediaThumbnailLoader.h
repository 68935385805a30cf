#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>

namespace smsdesk {

// Decodes thumbnails of the media archive's image files off the GUI thread (a thread pool of
// its own), at most box() in size, and keeps the recent ones in memory, keyed by file. The
// decoder is bounded before it reads a pixel: QImageReader's allocation limit, the image's
// declared size checked first, and a scaled read. Only files of the archive are read, never the
// network: a thumbnail shows after its link died.
class MediaThumbnailLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultEdge = 220;
    // Images with more pixels than this are not decoded.
    static constexpr qint64 MaxPixels = 40LL * 1000 * 1000;

    explicit MediaThumbnailLoader(QSize box = QSize(DefaultEdge, DefaultEdge),
                                  QObject* parent = nullptr);
    // Waits for the decodes in flight (their results are dropped).
    ~MediaThumbnailLoader() override;

    QSize box() const { return m_box; }
    // The thumbnail of `path` when it was decoded; a null image otherwise, and then it is
    // decoded (once: loaded() follows, or nothing when the file cannot be decoded).
    QImage thumbnail(const QString& path);
    // Whether `path` could not be decoded.
    bool failed(const QString& path) const { return m_failed.contains(path); }

    // The decode a job runs: the image of `path` scaled into `box`; a null image with `error`
    // when it is not an image, is too large, or cannot be read.
    static QImage decode(const QString& path, QSize box, QString* error);

Q_SIGNALS:
    // The thumbnail of `path` is ready (thumbnail() returns it).
    void loaded(const QString& path);

private:
    void deliver(const QString& path, const QImage& image);

    QSize m_box;
    QCache<QString, QImage> m_cache;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
    QThreadPool m_pool;
};

} // namespace smsdesk
