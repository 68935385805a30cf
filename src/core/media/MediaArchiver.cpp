#include "MediaArchiver.h"

#include "MediaArchiveStore.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <optional>

namespace smsdesk {

namespace {

// What a read of rows to fetch answers.
struct Rows
{
    QList<MediaArchiveEntry> entries;
    QString error;
};

} // namespace

MediaArchiver::MediaArchiver(DatabaseWorker& worker, QNetworkAccessManager& network,
                             const Clock& clock, const MediaArchive& archive,
                             const Options& options, QObject* parent)
    : QObject(parent), m_worker(worker), m_network(network), m_clock(clock), m_archive(archive),
      m_options(options)
{
    qRegisterMetaType<MediaArchiveEntry>();
}

MediaArchiver::~MediaArchiver() = default;

void MediaArchiver::setOptions(const Options& options)
{
    const bool enabling = options.enabled && !m_options.enabled;
    m_options = options;
    if (!m_options.enabled) {
        // The fetches in flight finish; nothing more starts (the rows stay pending).
        for (const MediaArchiveEntry& entry : std::as_const(m_queue))
            m_known.remove(entry.id);
        m_queue.clear();
    }
    if (enabling)
        start();
}

bool MediaArchiver::isIdle() const
{
    return m_queue.isEmpty() && m_running == 0 && m_jobs == 0;
}

void MediaArchiver::start()
{
    if (!m_options.enabled)
        return;
    m_done.clear();
    catchUp(true);
}

void MediaArchiver::catchUp(bool retryFailed)
{
    if (m_catchingUp)
        return;
    m_catchingUp = true;
    ++m_jobs;
    const int batch = m_options.batch;
    const int maxAttempts = m_options.maxAttempts;
    m_worker.post<Rows>(
        [batch, retryFailed, maxAttempts](QSqlDatabase& db) {
            MediaArchiveStore store(db);
            Rows rows;
            if (const auto entries = store.toFetch(batch, retryFailed, maxAttempts))
                rows.entries = *entries;
            else
                rows.error = store.lastError();
            return rows;
        },
        this,
        [this, batch](Rows rows) {
            --m_jobs;
            m_catchingUp = false;
            if (!rows.error.isEmpty())
                Q_EMIT storeError(rows.error);
            int fresh = 0;
            for (const MediaArchiveEntry& entry : std::as_const(rows.entries))
                fresh += m_done.contains(entry.id) ? 0 : 1;
            // A full batch of rows not handled yet: more may be left after them.
            m_moreToCatchUp = rows.entries.size() >= batch && fresh > 0;
            enqueue(rows.entries);
            checkIdle();
        });
}

void MediaArchiver::messagesStored(const QList<qint64>& messageIds)
{
    if (!m_options.enabled || messageIds.isEmpty())
        return;
    ++m_jobs;
    m_worker.post<Rows>(
        [messageIds](QSqlDatabase& db) {
            MediaArchiveStore store(db);
            Rows rows;
            if (const auto entries = store.addMessages(messageIds))
                rows.entries = *entries;
            else
                rows.error = store.lastError();
            return rows;
        },
        this,
        [this](Rows rows) {
            --m_jobs;
            if (!rows.error.isEmpty())
                Q_EMIT storeError(rows.error);
            enqueue(rows.entries);
            checkIdle();
        });
}

void MediaArchiver::enqueue(const QList<MediaArchiveEntry>& entries)
{
    if (!m_options.enabled)
        return;
    for (const MediaArchiveEntry& entry : entries) {
        if (m_known.contains(entry.id) || m_done.contains(entry.id))
            continue;
        m_known.insert(entry.id);
        m_queue.append(entry);
    }
    pump();
}

void MediaArchiver::pump()
{
    while (m_options.enabled && m_running < m_options.concurrency && !m_queue.isEmpty()) {
        const MediaArchiveEntry entry = m_queue.takeFirst();
        MediaFetcher::Limits limits;
        limits.maxBytes = m_options.maxFileBytes;
        limits.timeoutMs = m_options.timeoutMs;
        limits.totalTimeoutMs = m_options.totalTimeoutMs;
        limits.maxRedirects = m_options.maxRedirects;
        auto* fetcher = new MediaFetcher(m_network, limits, this);
        ++m_running;
        connect(fetcher, &MediaFetcher::finished, this,
                [this, fetcher, entry](const MediaFetcher::Result& result) {
                    fetcher->deleteLater();
                    fetched(entry, result);
                });
        fetcher->start(entry.url);
    }
}

void MediaArchiver::fetched(const MediaArchiveEntry& fetchedEntry,
                            const MediaFetcher::Result& result)
{
    MediaArchiveEntry entry = fetchedEntry;
    entry.contentType = result.contentType;
    entry.reason = result.reason;
    switch (result.outcome) {
    case MediaFetcher::Result::Outcome::Fetched:
        entry.state = MediaArchiveEntry::State::Archived;
        entry.size = result.bytes.size();
        entry.fileName = MediaArchive::fileNameFor(entry.url, entry.contentType);
        break;
    case MediaFetcher::Result::Outcome::Refused:
        entry.state = MediaArchiveEntry::State::Refused;
        break;
    case MediaFetcher::Result::Outcome::Failed:
        entry.state = MediaArchiveEntry::State::Failed;
        break;
    }
    const QByteArray bytes = result.bytes;
    const MediaArchive archive = m_archive;
    const qint64 maxTotal = m_options.maxTotalBytes;
    const qint64 now = m_clock.nowMs();
    struct Recorded
    {
        MediaArchiveEntry entry;
        QString error;
    };
    m_worker.post<Recorded>(
        [entry, bytes, archive, maxTotal, now](QSqlDatabase& db) mutable {
            MediaArchiveStore store(db);
            Recorded recorded;
            if (entry.state == MediaArchiveEntry::State::Archived) {
                const std::optional<qint64> used = store.archivedBytes();
                QString error;
                if (!used) {
                    recorded.error = store.lastError();
                    return recorded; // left pending: tried again at the next start
                }
                if (*used + entry.size > maxTotal) {
                    entry.state = MediaArchiveEntry::State::Refused;
                    entry.reason = tr("archive full");
                    entry.size = 0;
                    entry.fileName.clear();
                } else if (!store.isFileKept(entry.fileName, entry.id) &&
                           !archive.write(entry.fileName, bytes, &error)) {
                    entry.state = MediaArchiveEntry::State::Failed;
                    entry.reason = tr("could not be written: %1").arg(error);
                    entry.size = 0;
                    entry.fileName.clear();
                }
            }
            if (!store.record(entry, now))
                recorded.error = store.lastError();
            entry.attempts += 1;
            entry.fetchedAtMs = now;
            recorded.entry = entry;
            return recorded;
        },
        this,
        [this, id = entry.id](Recorded recorded) {
            --m_running;
            m_known.remove(id);
            m_done.insert(id);
            if (recorded.error.isEmpty())
                Q_EMIT entryUpdated(recorded.entry);
            else
                Q_EMIT storeError(recorded.error);
            pump();
            checkIdle();
        });
}

void MediaArchiver::checkIdle()
{
    if (m_queue.isEmpty() && m_running == 0 && m_jobs == 0 && m_moreToCatchUp &&
        m_options.enabled) {
        m_moreToCatchUp = false;
        catchUp(false);
        return;
    }
    if (isIdle())
        Q_EMIT idle();
}

} // namespace smsdesk
