#pragma once

#include "media/MediaArchive.h"
#include "media/MediaArchiveEntry.h"
#include "store/ConversationReader.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

namespace smsdesk {

class MediaThumbnailLoader;

// The rows of ConversationView: an optional "Load earlier messages" row, the messages of one
// thread oldest first, an optional "Load newer messages" row. Holds what it was given (a page,
// then pages before and after it); reads nothing itself. A load row says "Loading…" while its
// page is being read. Each row's display, accessible and tooltip texts say all of it in words.
// With a media archive (setMediaArchive()), each media URL also has what the archive recorded
// for it (setMediaEntries()): its kept file, a thumbnail of an image (decoded by the loader when
// first asked for; the rows change when it arrives), a line saying why there is no copy.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        MessageIdRole = Qt::UserRole + 1, // qint64; 0 for a load row
        RowKindRole,                      // int (RowKind)
        OutboundRole,                     // bool
        StatusTextRole,                   // QString: what the line under the bubble says
        MediaRole,                        // QStringList
        // Per media URL, in MediaRole's order: the archived copy's path (empty: none) …
        MediaFilesRole, // QStringList
        // … the small line under it: "not kept: larger than 10 MB", "PDF · 12 KB" (empty: none) …
        MediaNotesRole, // QStringList
        // … and its thumbnail (a null QImage: none, or not decoded yet).
        ThumbnailsRole, // QVariantList of QImage
    };
    enum class RowKind
    {
        Message,
        LoadEarlier,
        LoadLater,
    };

    explicit ConversationModel(QObject* parent = nullptr);
    ~ConversationModel() override;

    // Shows `page` in place of what was shown.
    void setPage(const ConversationReader::Page& page);
    // Adds those messages of `page` that are not shown yet above the first one; the "Load
    // earlier" row stays while its hasEarlier says more are left.
    void prependPage(const ConversationReader::Page& page);
    // Adds those messages of `page` that are not shown yet below the last one; the "Load newer"
    // row stays while its hasLater says more are left.
    void appendPage(const ConversationReader::Page& page);
    void clear();
    // Shows those of `messages` that are shown as they are now (a status that changed).
    void updateMessages(const QList<ConversationMessage>& messages);

    // The "Load earlier" ("Load newer") row says "Loading…" until the next page arrives.
    void setLoadingEarlier();
    void setLoadingLater();
    // An earlier or later page could not be read: its row can be used again.
    void loadFailed();
    // The rows' words changed (the language).
    void retranslate();

    // Shows the media archive's copies: files of `archive`, thumbnails decoded by `loader`
    // (which must outlive the model or be destroyed with it).
    void setMediaArchive(const MediaArchive& archive, MediaThumbnailLoader* loader);
    bool hasMediaArchive() const { return !m_archive.directory().isEmpty(); }
    // What the archive recorded for these media (each replaces what was known of its message
    // and URL); the rows of their messages change.
    void setMediaEntries(const QList<MediaArchiveEntry>& entries);
    // The messages of rows `first` to `last` that have media.
    QList<qint64> messagesWithMedia(int first, int last) const;
    // What the archive recorded for media `url` of message `messageId`; nullptr: nothing.
    const MediaArchiveEntry* mediaEntry(qint64 messageId, const QString& url) const;
    // The line under a media URL for `entry` (nullptr: nothing recorded); `thumbnail` when a
    // thumbnail is shown for it.
    static QString mediaNote(const MediaArchiveEntry* entry, bool thumbnail);

    const ConversationReader::Thread& thread() const { return m_thread; }
    const QList<ConversationMessage>& messages() const { return m_messages; }
    bool hasEarlier() const { return m_hasEarlier; }
    bool hasLater() const { return m_hasLater; }
    bool isLoadingEarlier() const { return m_loadingEarlier; }
    bool isLoadingLater() const { return m_loadingLater; }

    // The row of the first message (after the "Load earlier" row, when there is one).
    int firstMessageRow() const { return earlierRows(); }
    RowKind kindAt(int row) const;
    // The message of `row`; nullptr for a load row or a row out of range.
    const ConversationMessage* messageAt(int row) const;
    // The row of message `id`; -1 when not shown.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // What the line under a bubble says: the local time, and for an outbound message its
    // delivery state ("14:05 · Delivered", "14:05 · Failed, error 30008").
    static QString footerText(const ConversationMessage& message);
    // The delivery state of an outbound message in words; empty for inbound ones.
    static QString stateText(const ConversationMessage& message);

private:
    int earlierRows() const { return m_hasEarlier ? 1 : 0; }
    int laterRows() const { return m_hasLater ? 1 : 0; }
    // The rows' words change (a load row says "Loading…", the language changed).
    void rowsChanged(int first, int last);
    // Those of `messages` that are not shown yet.
    QList<ConversationMessage> unseen(const QList<ConversationMessage>& messages) const;

    static QString accessibleText(const ConversationMessage& message);
    static QString toolTip(const ConversationMessage& message);

    void thumbnailLoaded(const QString& path);
    QString archivedPath(const MediaArchiveEntry* entry) const;

    ConversationReader::Thread m_thread;
    QList<ConversationMessage> m_messages; // oldest first
    bool m_hasEarlier = false;
    bool m_hasLater = false;
    bool m_loadingEarlier = false;
    bool m_loadingLater = false;
    MediaArchive m_archive;
    QPointer<MediaThumbnailLoader> m_loader;
    QHash<qint64, QList<MediaArchiveEntry>> m_media; // by message id
};

} // namespace smsdesk
