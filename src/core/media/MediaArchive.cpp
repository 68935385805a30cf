#include "MediaArchive.h"

#include "store/DatabaseConfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <utility>

namespace smsdesk {

namespace {

QString extensionFor(const QString& type)
{
    static const QList<QPair<QLatin1String, QLatin1String>> known = {
        {QLatin1String("image/jpeg"), QLatin1String("jpg")},
        {QLatin1String("image/png"), QLatin1String("png")},
        {QLatin1String("image/gif"), QLatin1String("gif")},
        {QLatin1String("image/webp"), QLatin1String("webp")},
        {QLatin1String("application/pdf"), QLatin1String("pdf")},
        {QLatin1String("audio/mpeg"), QLatin1String("mp3")},
        {QLatin1String("audio/ogg"), QLatin1String("ogg")},
        {QLatin1String("audio/amr"), QLatin1String("amr")},
        {QLatin1String("audio/mp4"), QLatin1String("m4a")},
        {QLatin1String("audio/wav"), QLatin1String("wav")},
        {QLatin1String("video/mp4"), QLatin1String("mp4")},
        {QLatin1String("video/3gpp"), QLatin1String("3gp")},
        {QLatin1String("video/webm"), QLatin1String("webm")},
        {QLatin1String("video/quicktime"), QLatin1String("mov")},
    };
    for (const auto& [name, extension] : known) {
        if (type == name)
            return extension;
    }
    return QStringLiteral("bin");
}

} // namespace

MediaArchive::MediaArchive(QString directory) : m_directory(std::move(directory)) {}

QString MediaArchive::directoryFor(const DatabaseConfig& config)
{
    if (config.backend() == DatabaseConfig::Backend::Sqlite) {
        const QFileInfo file(config.sqlitePath());
        return file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".media"));
    }
    // One folder per database: its identity hashed (a host or name may hold any character).
    const QString identity = QStringLiteral("%1:%2/%3")
                                 .arg(config.host().toLower())
                                 .arg(config.port())
                                 .arg(config.databaseName());
    const QByteArray hash =
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("media/postgresql-") + QString::fromLatin1(hash));
}

QString MediaArchive::filePath(const QString& fileName) const
{
    static const QRegularExpression ours(QStringLiteral("^[0-9a-f]{64}\\.[a-z0-9]{1,5}$"));
    if (m_directory.isEmpty() || !ours.match(fileName).hasMatch())
        return {};
    return QDir(m_directory).filePath(fileName);
}

QString MediaArchive::fileNameFor(const QString& url, const QString& contentType)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex()) +
           u'.' + extensionFor(bareType(contentType));
}

bool MediaArchive::write(const QString& fileName, const QByteArray& bytes, QString* error) const
{
    const QString path = filePath(fileName);
    if (path.isEmpty()) {
        *error = QStringLiteral("not an archive file name: %1").arg(fileName);
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create the folder %1").arg(m_directory);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString MediaArchive::bareType(const QString& contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

bool MediaArchive::isImageType(const QString& contentType)
{
    const QString type = bareType(contentType);
    return type == QLatin1String("image/jpeg") || type == QLatin1String("image/png") ||
           type == QLatin1String("image/gif") || type == QLatin1String("image/webp");
}

bool MediaArchive::isKeptType(const QString& contentType)
{
    const QString type = bareType(contentType);
    static const QRegularExpression token(QStringLiteral("^[a-z0-9][a-z0-9.+-]*$"));
    const auto subtypeOf = [&type](QLatin1String prefix) {
        return type.startsWith(prefix) && token.match(type.mid(prefix.size())).hasMatch();
    };
    return isImageType(type) || type == QLatin1String("application/pdf") ||
           subtypeOf(QLatin1String("audio/")) || subtypeOf(QLatin1String("video/"));
}

} // namespace smsdesk
