#include "ConversationModel.h"

#include "MediaThumbnailLoader.h"
#include "media/MediaFetcher.h"

#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace smsdesk {

namespace {

QDateTime localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}

// Whether `loader` can make a thumbnail of `entry`, archived at `path` (empty: not archived).
bool thumbnailable(const MediaThumbnailLoader* loader, const MediaArchiveEntry* entry,
                   const QString& path)
{
    return loader && !path.isEmpty() && MediaArchive::isImageType(entry->contentType);
}

} // namespace

ConversationModel::ConversationModel(QObject* parent) : QAbstractListModel(parent) {}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setPage(const ConversationReader::Page& page)
{
    beginResetModel();
    if (m_thread.did != page.thread.did || m_thread.remote != page.thread.remote)
        m_media.clear();
    m_thread = page.thread;
    m_messages = page.messages;
    m_hasEarlier = page.hasEarlier && !page.messages.isEmpty();
    m_hasLater = page.hasLater && !page.messages.isEmpty();
    m_loadingEarlier = m_loadingLater = false;
    endResetModel();
}

void ConversationModel::clear()
{
    beginResetModel();
    m_thread = {};
    m_messages.clear();
    m_media.clear();
    m_hasEarlier = m_hasLater = false;
    m_loadingEarlier = m_loadingLater = false;
    endResetModel();
}

QList<ConversationMessage>
ConversationModel::unseen(const QList<ConversationMessage>& messages) const
{
    QSet<qint64> shown;
    for (const ConversationMessage& message : std::as_const(m_messages))
        shown.insert(message.id);
    QList<ConversationMessage> fresh;
    for (const ConversationMessage& message : messages) {
        if (!shown.contains(message.id))
            fresh.append(message);
    }
    return fresh;
}

void ConversationModel::prependPage(const ConversationReader::Page& page)
{
    const QList<ConversationMessage> added = unseen(page.messages);
    m_loadingEarlier = false;
    if (!added.isEmpty()) {
        const int first = firstMessageRow();
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_messages = added + m_messages;
        endInsertRows();
        // The message that was first may lose its date header.
        const int next = first + int(added.size());
        rowsChanged(next, next);
    }
    if (m_hasEarlier && !page.hasEarlier) {
        beginRemoveRows(QModelIndex(), 0, 0);
        m_hasEarlier = false;
        endRemoveRows();
    } else if (m_hasEarlier) {
        rowsChanged(0, 0); // "Loading…" again "Load earlier messages"
    }
}

void ConversationModel::appendPage(const ConversationReader::Page& page)
{
    const QList<ConversationMessage> added = unseen(page.messages);
    m_loadingLater = false;
    if (!added.isEmpty()) {
        const int first = firstMessageRow() + int(m_messages.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_messages += added;
        endInsertRows();
    }
    const int laterRow = rowCount() - 1;
    if (m_hasLater && !page.hasLater) {
        beginRemoveRows(QModelIndex(), laterRow, laterRow);
        m_hasLater = false;
        endRemoveRows();
    } else if (m_hasLater) {
        rowsChanged(laterRow, laterRow);
    }
}

void ConversationModel::updateMessages(const QList<ConversationMessage>& messages)
{
    for (const ConversationMessage& message : messages) {
        const int row = rowOf(message.id);
        if (row < 0)
            continue;
        m_messages[row - firstMessageRow()] = message;
        rowsChanged(row, row);
    }
}

void ConversationModel::setLoadingEarlier()
{
    m_loadingEarlier = true;
    rowsChanged(0, 0);
}

void ConversationModel::setLoadingLater()
{
    m_loadingLater = true;
    const int row = rowCount() - 1;
    rowsChanged(row, row);
}

void ConversationModel::loadFailed()
{
    m_loadingEarlier = m_loadingLater = false;
    rowsChanged(0, rowCount() - 1);
}

void ConversationModel::retranslate()
{
    rowsChanged(0, rowCount() - 1);
}

void ConversationModel::rowsChanged(int first, int last)
{
    if (first <= last)
        Q_EMIT dataChanged(index(first), index(last));
}

ConversationModel::RowKind ConversationModel::kindAt(int row) const
{
    if (row < earlierRows())
        return RowKind::LoadEarlier;
    if (row >= earlierRows() + m_messages.size())
        return RowKind::LoadLater;
    return RowKind::Message;
}

const ConversationMessage* ConversationModel::messageAt(int row) const
{
    const int index = row - earlierRows();
    if (index < 0 || index >= m_messages.size())
        return nullptr;
    return &m_messages.at(index);
}

int ConversationModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return firstMessageRow() + i;
    }
    return -1;
}

int ConversationModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return earlierRows() + int(m_messages.size()) + laterRows();
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RowKind kind = kindAt(index.row());
    if (role == RowKindRole)
        return int(kind);
    if (kind != RowKind::Message) {
        const bool earlier = kind == RowKind::LoadEarlier;
        const bool loading = earlier ? m_loadingEarlier : m_loadingLater;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return loading   ? tr("Loading…")
                   : earlier ? tr("Load earlier messages")
                             : tr("Load newer messages");
        case Qt::ToolTipRole:
            return earlier ? tr("Show the messages before these (click, Enter or Space)")
                           : tr("Show the messages after these (click, Enter or Space)");
        case MessageIdRole:
            return qint64(0);
        default:
            return {};
        }
    }
    const ConversationMessage& message = *messageAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return message.text;
    case MessageIdRole:
        return message.id;
    case OutboundRole:
        return message.isOutbound();
    case StatusTextRole:
        return footerText(message);
    case MediaRole:
        return message.media;
    case MediaFilesRole: {
        QStringList files;
        for (const QString& url : message.media)
            files.append(archivedPath(mediaEntry(message.id, url)));
        return files;
    }
    case ThumbnailsRole: {
        QVariantList thumbnails;
        for (const QString& url : message.media) {
            const MediaArchiveEntry* entry = mediaEntry(message.id, url);
            const QString path = archivedPath(entry);
            QImage thumbnail;
            if (thumbnailable(m_loader, entry, path))
                thumbnail = m_loader->thumbnail(path);
            thumbnails.append(thumbnail);
        }
        return thumbnails;
    }
    case MediaNotesRole: {
        QStringList notes;
        for (const QString& url : message.media) {
            const MediaArchiveEntry* entry = mediaEntry(message.id, url);
            const QString path = archivedPath(entry);
            const bool thumbnail = thumbnailable(m_loader, entry, path) && !m_loader->failed(path);
            notes.append(mediaNote(entry, thumbnail));
        }
        return notes;
    }
    case Qt::AccessibleTextRole:
        return accessibleText(message);
    case Qt::ToolTipRole:
        return toolTip(message);
    default:
        return {};
    }
}

Qt::ItemFlags ConversationModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // "Editable": a message's text opens in a box to select from (the delegate's editor).
    const ConversationMessage* message = messageAt(index.row());
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable |
           (message && !message->text.isEmpty() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

void ConversationModel::setMediaArchive(const MediaArchive& archive, MediaThumbnailLoader* loader)
{
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_archive = archive;
    m_loader = loader;
    if (m_loader)
        connect(m_loader, &MediaThumbnailLoader::loaded, this, &ConversationModel::thumbnailLoaded);
    rowsChanged(0, rowCount() - 1);
}

void ConversationModel::setMediaEntries(const QList<MediaArchiveEntry>& entries)
{
    QSet<qint64> changed;
    for (const MediaArchiveEntry& entry : entries) {
        QList<MediaArchiveEntry>& known = m_media[entry.messageId];
        auto same = std::find_if(known.begin(), known.end(), [&entry](const MediaArchiveEntry& e) {
            return e.url == entry.url;
        });
        if (same != known.end())
            *same = entry;
        else
            known.append(entry);
        changed.insert(entry.messageId);
    }
    for (qint64 id : std::as_const(changed)) {
        const int row = rowOf(id);
        if (row >= 0)
            rowsChanged(row, row);
    }
}

QList<qint64> ConversationModel::messagesWithMedia(int first, int last) const
{
    QList<qint64> ids;
    for (int row = std::max(first, 0); row <= last; ++row) {
        const ConversationMessage* message = messageAt(row);
        if (message && !message->media.isEmpty() && !message->isOutbound())
            ids.append(message->id);
    }
    return ids;
}

const MediaArchiveEntry* ConversationModel::mediaEntry(qint64 messageId, const QString& url) const
{
    const auto known = m_media.constFind(messageId);
    if (known == m_media.constEnd())
        return nullptr;
    for (const MediaArchiveEntry& entry : *known) {
        if (entry.url == url)
            return &entry;
    }
    return nullptr;
}

QString ConversationModel::archivedPath(const MediaArchiveEntry* entry) const
{
    if (!entry || !entry->isArchived())
        return {};
    return m_archive.filePath(entry->fileName);
}

void ConversationModel::thumbnailLoaded(const QString& path)
{
    for (int i = 0; i < m_messages.size(); ++i) {
        const ConversationMessage& message = m_messages.at(i);
        for (const QString& url : message.media) {
            if (archivedPath(mediaEntry(message.id, url)) == path) {
                const int row = firstMessageRow() + i;
                Q_EMIT dataChanged(index(row), index(row), {ThumbnailsRole, MediaNotesRole});
                break;
            }
        }
    }
}

QString ConversationModel::mediaNote(const MediaArchiveEntry* entry, bool thumbnail)
{
    if (!entry)
        return {};
    switch (entry->state) {
    case MediaArchiveEntry::State::Pending:
        return tr("keeping a copy…");
    case MediaArchiveEntry::State::Refused:
        return tr("not kept: %1").arg(entry->reason);
    case MediaArchiveEntry::State::Failed:
        return tr("no copy: %1").arg(entry->reason);
    case MediaArchiveEntry::State::Archived:
        break;
    }
    if (thumbnail)
        return {};
    if (entry->fileName.isEmpty())
        return tr("kept on another computer, not on this one");
    const QString type =
        entry->contentType == QLatin1String("application/pdf") ? tr("PDF") : entry->contentType;
    return tr("%1 \u00b7 %2").arg(type, MediaFetcher::sizeText(entry->size));
}

QString ConversationModel::stateText(const ConversationMessage& message)
{
    if (!message.isOutbound())
        return {};
    const QString& status = message.status;
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("sending"))
        return tr("Sending…");
    if (status == QLatin1String("unconfirmed"))
        return tr("Not confirmed");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("failed")) {
        return message.errorCode.isEmpty() ? tr("Failed")
                                           : tr("Failed, error %1").arg(message.errorCode);
    }
    if (status == QLatin1String("unknown") || status.isEmpty())
        return tr("State unknown");
    return status;
}

QString ConversationModel::footerText(const ConversationMessage& message)
{
    const QString time = localTime(message.receivedAtMs).toString(QStringLiteral("HH:mm"));
    if (!message.isOutbound())
        return time;
    return tr("%1 \u00b7 %2").arg(time, stateText(message));
}

QString ConversationModel::accessibleText(const ConversationMessage& message)
{
    const QString time = QLocale().toString(localTime(message.receivedAtMs), QLocale::LongFormat);
    QString text = message.isOutbound() ? tr("Our message, %1, %2").arg(time, stateText(message))
                                        : tr("Their message, %1").arg(time);
    text +=
        QStringLiteral(": ") + (message.text.isEmpty() ? tr("no text") : message.text.simplified());
    if (!message.media.isEmpty())
        text += QStringLiteral(" ") + tr("Media: %1").arg(message.media.join(QStringLiteral(", ")));
    return text;
}

QString ConversationModel::toolTip(const ConversationMessage& message)
{
    QStringList lines;
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss t");
    lines.append((message.isOutbound() ? tr("Sent %1") : tr("Received %1"))
                     .arg(localTime(message.receivedAtMs).toString(format)));
    if (message.providerTimeMs && *message.providerTimeMs != message.receivedAtMs)
        lines.append(
            tr("Provider's time %1").arg(localTime(*message.providerTimeMs).toString(format)));
    if (message.isOutbound())
        lines.append(stateText(message));
    if (message.isOutbound() && !message.statusDetail.isEmpty())
        lines.append(tr("Reason: %1").arg(message.statusDetail));
    else if (message.status == QLatin1String("unconfirmed"))
        lines.append(tr("No answer came from the provider: it may or may not have been sent."));
    lines.append(tr("Message #%1 via %2").arg(message.id).arg(message.provider));
    return lines.join(QLatin1Char('\n'));
}

} // namespace smsdesk
