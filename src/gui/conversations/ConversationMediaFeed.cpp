#include "ConversationMediaFeed.h"

#include "ConversationModel.h"
#include "MediaThumbnailLoader.h"
#include "media/MediaArchiveStore.h"
#include "store/DatabaseWorker.h"

#include <QFile>

namespace smsdesk {

ConversationMediaFeed::ConversationMediaFeed(DatabaseWorker& worker, ConversationModel& model,
                                             const MediaArchive& archive, QObject* parent)
    : QObject(parent), m_worker(worker), m_model(&model), m_archive(archive),
      m_loader(new MediaThumbnailLoader(
          QSize(MediaThumbnailLoader::DefaultEdge, MediaThumbnailLoader::DefaultEdge), this))
{
    model.setMediaArchive(archive, m_loader);
    connect(&model, &QAbstractItemModel::modelReset, this,
            [this] { read(m_model->messagesWithMedia(0, m_model->rowCount() - 1)); });
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                read(m_model->messagesWithMedia(first, last));
            });
    read(model.messagesWithMedia(0, model.rowCount() - 1));
}

ConversationMediaFeed::~ConversationMediaFeed()
{
    if (m_model)
        m_model->setMediaArchive(MediaArchive(), nullptr);
}

void ConversationMediaFeed::mediaUpdated(const MediaArchiveEntry& entry)
{
    if (m_model && m_model->rowOf(entry.messageId) >= 0)
        m_model->setMediaEntries({entry});
}

void ConversationMediaFeed::read(const QList<qint64>& messageIds)
{
    if (messageIds.isEmpty())
        return;
    struct Rows
    {
        QList<MediaArchiveEntry> entries;
        bool ok = false;
    };
    m_worker.post<Rows>(
        [messageIds, archive = m_archive](QSqlDatabase& db) {
            Rows rows;
            const auto entries = MediaArchiveStore(db).forMessages(messageIds);
            rows.ok = entries.has_value();
            if (entries)
                rows.entries = *entries;
            // A copy another computer kept (a shared PostgreSQL store) is not here: no file.
            for (MediaArchiveEntry& entry : rows.entries) {
                if (entry.isArchived() && !QFile::exists(archive.filePath(entry.fileName)))
                    entry.fileName.clear();
            }
            return rows;
        },
        this,
        [this, messageIds](Rows rows) {
            // A read that failed shows the links as they are, without the archive's lines.
            if (rows.ok && m_model)
                m_model->setMediaEntries(rows.entries);
            Q_EMIT entriesRead(messageIds);
        });
}

} // namespace smsdesk
