#pragma once

#include "MediaArchiveEntry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads and writes the media_archive table (one row per media URL of an inbound message) on
// one connection: use it from that connection's thread, in the archiver's and the views'
// DatabaseWorker jobs. Rows are made pending for the media of stored messages, then recorded
// once as archived, refused or failed.
class MediaArchiveStore
{
public:
    explicit MediaArchiveStore(QSqlDatabase db);

    // Makes a pending row for each media URL of those of `messageIds` that are inbound and have
    // none yet; returns the pending rows of those messages. None on error.
    std::optional<QList<MediaArchiveEntry>> addMessages(const QList<qint64>& messageIds);
    // The catch-up: rows for up to `limit` inbound messages with media and no rows yet, then up
    // to `limit` rows to fetch, oldest first: the pending ones and, with `retryFailed`, the
    // failed ones tried fewer than `maxAttempts` times. None on error.
    std::optional<QList<MediaArchiveEntry>> toFetch(int limit, bool retryFailed, int maxAttempts);
    // Records the outcome of one attempt at `entry` (its state, type, size, file, reason;
    // fetched at `nowMs`), counting the attempt.
    bool record(const MediaArchiveEntry& entry, qint64 nowMs);
    // The bytes of the files kept (archived rows). None on error.
    std::optional<qint64> archivedBytes() const;
    // Whether another archived row already keeps the file `fileName`.
    bool isFileKept(const QString& fileName, qint64 exceptId) const;
    // Every row of `messageIds`, in each message's media order. None on error.
    std::optional<QList<MediaArchiveEntry>> forMessages(const QList<qint64>& messageIds) const;

    QString lastError() const { return m_lastError; }

private:
    std::optional<QList<MediaArchiveEntry>> select(const QString& where,
                                                   const QVariantList& values) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
