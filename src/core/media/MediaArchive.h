#pragma once

#include <QByteArray>
#include <QString>

namespace smsdesk {

class DatabaseConfig;

// The folder the media archive keeps its files in, and the rules of what it keeps. The folder
// belongs to one store: beside a SQLite file (smsdesk.sqlite → smsdesk.media/), or for a
// PostgreSQL database one folder per database (host, port, name) under the application's data
// folder. A file is named by a hash of its URL with an extension from its checked type, never
// by anything the sender chose, so nothing in a URL reaches the file system.
class MediaArchive
{
public:
    explicit MediaArchive(QString directory = {});

    // The archive folder of the store `config` names.
    static QString directoryFor(const DatabaseConfig& config);

    QString directory() const { return m_directory; }
    // The path of file `fileName` in the archive; empty when the name is not one the archive
    // makes (a row of the store cannot point outside the folder).
    QString filePath(const QString& fileName) const;
    // The name the file of `url`, of (checked) type `contentType`, is kept under.
    static QString fileNameFor(const QString& url, const QString& contentType);
    // Writes `bytes` as file `fileName`, atomically (a partial file never shows). False with
    // `error` otherwise.
    bool write(const QString& fileName, const QByteArray& bytes, QString* error) const;

    // The types kept: image/jpeg, image/png, image/gif, image/webp (decoded for thumbnails),
    // application/pdf, audio/* and video/* (kept, never decoded).
    static bool isKeptType(const QString& contentType);
    // The image types a thumbnail is decoded from.
    static bool isImageType(const QString& contentType);
    // "image/png; charset=x" → "image/png".
    static QString bareType(const QString& contentType);

    static constexpr qint64 DefaultMaxFileBytes = 10 * 1024 * 1024;
    static constexpr qint64 DefaultMaxTotalBytes = 500 * 1024 * 1024;

private:
    QString m_directory;
};

} // namespace smsdesk
