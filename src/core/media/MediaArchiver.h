#pragma once

#include "MediaArchive.h"
#include "MediaArchiveEntry.h"
#include "MediaFetcher.h"

#include <QList>
#include <QObject>
#include <QSet>

class QNetworkAccessManager;

namespace smsdesk {

class Clock;
class DatabaseWorker;

// Keeps a copy of the media of inbound messages (onCloud deletes its own after 30 days): for
// each media URL of a stored message, a row of media_archive (MediaArchiveStore) and, when the
// file passes MediaFetcher's checks and the archive has room, the file in the MediaArchive
// folder. The downloads run on the network manager it is given (asynchronous, nothing waits);
// the rows and the files are written by DatabaseWorker jobs, off the caller's thread. When the
// archive is full, new files are refused ("archive full"); nothing kept is ever deleted.
//
// Fed by messagesStored() (the listener's events); start() catches up with what was left:
// pending rows, failed ones tried fewer than maxAttempts times, messages with media and no row
// yet, a batch at a time. Disabled, it does nothing at all.
class MediaArchiver : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool enabled = true;
        qint64 maxFileBytes = MediaArchive::DefaultMaxFileBytes;
        qint64 maxTotalBytes = MediaArchive::DefaultMaxTotalBytes;
        int timeoutMs = 30000;
        int totalTimeoutMs = 120000;
        int maxRedirects = 3;
        int concurrency = 2; // downloads at once
        int batch = 50;      // rows per catch-up pass
        int maxAttempts = 3; // a failed file is tried again at later starts until then
    };

    // `worker`, `network` and `clock` must outlive the archiver.
    MediaArchiver(DatabaseWorker& worker, QNetworkAccessManager& network, const Clock& clock,
                  const MediaArchive& archive, const Options& options, QObject* parent = nullptr);
    ~MediaArchiver() override;

    const MediaArchive& archive() const { return m_archive; }
    const Options& options() const { return m_options; }
    // New options from now on (the settings changed); enabling it catches up.
    void setOptions(const Options& options);

    // Catches up with what is left in the store (once enabled).
    void start();
    // Messages `messageIds` were stored: their media are archived (inbound ones only).
    void messagesStored(const QList<qint64>& messageIds);

    // Nothing queued, fetched or being recorded.
    bool isIdle() const;

Q_SIGNALS:
    // The row of `entry` was written (archived, refused or failed).
    void entryUpdated(const smsdesk::MediaArchiveEntry& entry);
    // The store could not be read or written.
    void storeError(const QString& error);
    // Everything queued is done (isIdle() became true).
    void idle();

private:
    void catchUp(bool retryFailed);
    void enqueue(const QList<MediaArchiveEntry>& entries);
    void pump();
    void fetched(const MediaArchiveEntry& entry, const MediaFetcher::Result& result);
    void checkIdle();

    DatabaseWorker& m_worker;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    MediaArchive m_archive;
    Options m_options;

    QList<MediaArchiveEntry> m_queue;
    QSet<qint64> m_known; // rows queued or being fetched or recorded
    QSet<qint64> m_done;  // rows handled in this run (a catch-up pass does not take them again)
    int m_running = 0;    // fetches and record jobs in flight
    int m_jobs = 0;       // store reads in flight
    bool m_moreToCatchUp = false;
    bool m_catchingUp = false;
};

} // namespace smsdesk
