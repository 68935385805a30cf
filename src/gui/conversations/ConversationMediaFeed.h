#pragma once

#include "media/MediaArchive.h"
#include "media/MediaArchiveEntry.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace smsdesk {

class ConversationModel;
class DatabaseWorker;
class MediaThumbnailLoader;

// Feeds a ConversationModel what the media archive recorded for the messages it shows: each
// time rows come in, their media_archive rows are read through the DatabaseWorker (never on
// the GUI thread) and handed to the model, with a MediaThumbnailLoader that decodes the kept
// images off the GUI thread. mediaUpdated() passes on what the archiver just recorded. A row
// archived whose file is not in this computer's archive (another desk of a shared PostgreSQL
// store kept it) is given without its file name: the link shows, with a line saying so.
class ConversationMediaFeed : public QObject
{
    Q_OBJECT

public:
    // `worker` must outlive the feed.
    ConversationMediaFeed(DatabaseWorker& worker, ConversationModel& model,
                          const MediaArchive& archive, QObject* parent = nullptr);
    ~ConversationMediaFeed() override;

    MediaThumbnailLoader& loader() { return *m_loader; }

public Q_SLOTS:
    // The archiver recorded `entry`: shown at once when its message is.
    void mediaUpdated(const smsdesk::MediaArchiveEntry& entry);

Q_SIGNALS:
    // The rows of these messages were read and given to the model.
    void entriesRead(const QList<qint64>& messageIds);

private:
    void read(const QList<qint64>& messageIds);

    DatabaseWorker& m_worker;
    QPointer<ConversationModel> m_model; // may go first (a sibling in the pane)
    MediaArchive m_archive;
    MediaThumbnailLoader* m_loader = nullptr;
};

} // namespace smsdesk
