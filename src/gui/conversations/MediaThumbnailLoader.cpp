#include "MediaThumbnailLoader.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QPointer>

namespace smsdesk {

namespace {

constexpr int kAllocationLimitMb = 128;
constexpr int kCacheKilobytes = 32 * 1024;

} // namespace

MediaThumbnailLoader::MediaThumbnailLoader(QSize box, QObject* parent)
    : QObject(parent), m_box(box), m_cache(kCacheKilobytes)
{
    m_pool.setMaxThreadCount(2);
    // Process-wide: no decoder of this process allocates more for one image.
    QImageReader::setAllocationLimit(kAllocationLimitMb);
}

MediaThumbnailLoader::~MediaThumbnailLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QImage MediaThumbnailLoader::decode(const QString& path, QSize box, QString* error)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format != "png" && format != "jpeg" && format != "jpg" && format != "gif" &&
        format != "webp") {
        *error = QStringLiteral("not an image SMS Desk shows (%1)")
                     .arg(QString::fromLatin1(format.isEmpty() ? "unknown" : format));
        return {};
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        *error = QStringLiteral("the image's size cannot be read");
        return {};
    }
    if (qint64(size.width()) * size.height() > MaxPixels) {
        *error =
            QStringLiteral("the image is too large (%1 × %2)").arg(size.width()).arg(size.height());
        return {};
    }
    const QSize scaled = size.width() <= box.width() && size.height() <= box.height()
                             ? size
                             : size.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    reader.setScaledSize(scaled);
    QImage image = reader.read();
    if (image.isNull())
        *error = reader.errorString();
    return image;
}

QImage MediaThumbnailLoader::thumbnail(const QString& path)
{
    if (path.isEmpty())
        return {};
    if (const QImage* image = m_cache.object(path))
        return *image;
    if (m_pending.contains(path) || m_failed.contains(path))
        return {};
    m_pending.insert(path);
    const QSize box = m_box;
    QPointer<MediaThumbnailLoader> self(this);
    m_pool.start([self, path, box] {
        QString error;
        const QImage image = decode(path, box, &error);
        // Back on the GUI thread; dropped when the loader is gone.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, path, image] {
            if (self)
                self->deliver(path, image);
        });
    });
    return {};
}

void MediaThumbnailLoader::deliver(const QString& path, const QImage& image)
{
    m_pending.remove(path);
    if (image.isNull()) {
        m_failed.insert(path);
        return;
    }
    m_cache.insert(path, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    Q_EMIT loaded(path);
}

} // namespace smsdesk
