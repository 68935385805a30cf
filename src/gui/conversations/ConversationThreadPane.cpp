#include "ConversationThreadPane.h"

#include "ConversationMediaFeed.h"
#include "ConversationPalette.h"
#include "ConversationView.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <utility>

namespace smsdesk {

namespace {

// What a worker job read: a page, or none with the error (none without an error: the
// message is not stored).
using PageRead = StoreRead<ConversationReader::Page>;

// What refresh() read: the messages shown that changed, and those after the newest shown.
struct RefreshRead
{
    QList<ConversationMessage> changed;
    std::optional<ConversationReader::Page> newer;
    QString error;
};

} // namespace

ConversationThreadPane::ConversationThreadPane(DatabaseWorker& worker, QWidget* parent,
                                               int pageSize)
    : QWidget(parent), m_worker(worker), m_pageSize(pageSize)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("conversationNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);

    m_view = new ConversationView(this);
    m_view->setObjectName(QStringLiteral("conversationView"));
    layout->addWidget(m_view, 1);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("conversationCount"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText); // muted, in any palette
    layout->addWidget(m_countLabel);

    connect(m_view, &ConversationView::earlierRequested, this,
            &ConversationThreadPane::loadEarlier);
    connect(m_view, &ConversationView::laterRequested, this, &ConversationThreadPane::loadLater);
    setFocusProxy(m_view);
}

ConversationThreadPane::~ConversationThreadPane() = default;

void ConversationThreadPane::setThread(const std::optional<Thread>& thread)
{
    ++m_generation;
    m_thread = thread;
    m_loading = false;
    m_refreshAfterLoad.clear();
    m_refreshPending = false;
    m_view->clear();
    setNote(QString());
    updateCount();
}

QString ConversationThreadPane::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

void ConversationThreadPane::setNote(const QString& text, bool error)
{
    m_note->setText(text);
    if (error) {
        QPalette palette = m_note->palette();
        palette.setColor(QPalette::WindowText, ConversationPalette::errorColor(palette));
        m_note->setPalette(palette);
    } else {
        m_note->setPalette(QPalette()); // the pane's, as it is now and later
    }
    m_note->setVisible(!text.isEmpty());
}

std::optional<ConversationReader::Cursor> ConversationThreadPane::newestCursor() const
{
    if (!m_thread || m_loading || m_view->hasLater() || m_view->messages().isEmpty())
        return std::nullopt;
    return ConversationReader::Cursor::of(m_view->messages().constLast());
}

void ConversationThreadPane::fail(const QString& error)
{
    setNote(tr("Could not read the conversation: %1").arg(error), true);
    Q_EMIT readFailed(error);
}

void ConversationThreadPane::updateCount()
{
    const int shown = int(m_view->messages().size());
    if (!m_thread || (m_loading && shown == 0)) {
        m_countLabel->clear();
        return;
    }
    QString text = tr("Messages shown: %1").arg(QLocale().toString(shown));
    if (m_view->hasEarlier())
        text += QStringLiteral(" \u00b7 ") + tr("earlier ones not loaded");
    if (m_view->hasLater())
        text += QStringLiteral(" \u00b7 ") + tr("newer ones not loaded");
    m_countLabel->setText(text);
}

void ConversationThreadPane::showMessage(qint64 messageId)
{
    if (!m_thread)
        return;
    if (m_view->setHighlightedMessage(messageId)) {
        Q_EMIT messageShown(messageId);
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading = true;
    setNote(tr("Loading…"), false);
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [messageId, pageSize](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, reader.around(messageId));
        },
        this,
        [this, generation, messageId](PageRead read) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!read.value) {
                if (!read.error.isEmpty()) {
                    fail(read.error);
                    return;
                }
                // Deleted meanwhile: the thread's newest messages instead.
                loadNewest(tr("Message #%1 is no longer stored.").arg(messageId));
                return;
            }
            if (read.value->thread != *m_thread) {
                setNote(tr("Message #%1 is not part of this conversation.").arg(messageId), true);
                return;
            }
            setNote(QString(), false);
            m_view->setPage(*read.value);
            updateCount();
            m_view->setHighlightedMessage(messageId);
            Q_EMIT messageShown(messageId);
            loaded();
        });
}

void ConversationThreadPane::showNewest()
{
    loadNewest(QString());
}

void ConversationThreadPane::loadNewest(const QString& note)
{
    if (!m_thread)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    setNote(tr("Loading…"), false);
    const Thread thread = *m_thread;
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [thread, pageSize](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, reader.newest(thread));
        },
        this,
        [this, generation, note](PageRead read) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!read.value) {
                fail(read.error);
                return;
            }
            if (!note.isEmpty())
                setNote(note, true);
            else if (read.value->messages.isEmpty())
                setNote(tr("No messages in this conversation."), false);
            else
                setNote(QString(), false);
            m_view->setPage(*read.value);
            updateCount();
            Q_EMIT newestShown();
            loaded();
        });
}

void ConversationThreadPane::loaded()
{
    if (std::exchange(m_refreshPending, false))
        refresh(std::exchange(m_refreshAfterLoad, {}));
}

void ConversationThreadPane::loadEarlier(const ConversationReader::Cursor& cursor)
{
    loadNext(cursor, true);
}

void ConversationThreadPane::loadLater(const ConversationReader::Cursor& cursor)
{
    loadNext(cursor, false);
}

void ConversationThreadPane::loadNext(const ConversationReader::Cursor& cursor, bool earlier)
{
    if (!m_thread)
        return;
    const quint64 generation = m_generation;
    const Thread thread = *m_thread;
    const int pageSize = m_pageSize;
    m_worker.post<PageRead>(
        [thread, cursor, pageSize, earlier](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            return PageRead::of(reader, earlier ? reader.before(thread, cursor)
                                                : reader.after(thread, cursor));
        },
        this,
        [this, generation, earlier](PageRead read) {
            if (generation != m_generation)
                return;
            if (!read.value) {
                m_view->loadFailed();
                fail(read.error);
                return;
            }
            setNote(QString(), false);
            if (earlier)
                m_view->prependPage(*read.value);
            else
                m_view->appendPage(*read.value);
            updateCount();
            Q_EMIT messagesChanged();
        });
}

void ConversationThreadPane::refresh(const QList<qint64>& messageIds)
{
    if (!m_thread)
        return;
    if (m_loading) {
        // The page on its way may have been read before these were stored.
        m_refreshAfterLoad += messageIds;
        m_refreshPending = true;
        return;
    }
    QList<qint64> shown;
    for (const qint64 id : messageIds) {
        if (m_view->rowOf(id) >= 0)
            shown.append(id);
    }
    const bool readNewer = !m_view->hasLater();
    if (shown.isEmpty() && !readNewer)
        return;
    const std::optional<ConversationReader::Cursor> last =
        m_view->messages().isEmpty()
            ? std::nullopt
            : std::optional(ConversationReader::Cursor::of(m_view->messages().constLast()));
    const quint64 generation = m_generation;
    const Thread thread = *m_thread;
    const int pageSize = m_pageSize;
    m_worker.post<RefreshRead>(
        [thread, shown, readNewer, last, pageSize](QSqlDatabase& db) {
            const ConversationReader reader(db, pageSize);
            RefreshRead read;
            if (!shown.isEmpty()) {
                const std::optional<QList<ConversationMessage>> changed = reader.messages(shown);
                if (!changed) {
                    read.error = reader.lastError();
                    return read;
                }
                read.changed = *changed;
            }
            if (readNewer) {
                read.newer = last ? reader.after(thread, *last) : reader.newest(thread);
                if (!read.newer)
                    read.error = reader.lastError();
            }
            return read;
        },
        this,
        [this, generation](RefreshRead read) {
            if (generation != m_generation)
                return;
            if (!read.error.isEmpty()) {
                fail(read.error);
                return;
            }
            m_view->updateMessages(read.changed);
            bool changed = !read.changed.isEmpty();
            if (read.newer && read.newer->hasLater) {
                // More came in than a page holds: the newest page instead.
                showNewest();
                return;
            }
            if (read.newer && !read.newer->messages.isEmpty()) {
                if (m_view->messages().isEmpty()) {
                    setNote(QString(), false);
                    m_view->setPage(*read.newer);
                } else {
                    m_view->appendLive(*read.newer);
                }
                changed = true;
            }
            if (changed) {
                updateCount();
                Q_EMIT messagesChanged();
            }
        });
}

void ConversationThreadPane::setMediaArchive(const QString& directory)
{
    delete m_mediaFeed;
    m_mediaFeed = nullptr;
    if (!directory.isEmpty())
        m_mediaFeed = new ConversationMediaFeed(m_worker, *m_view->conversationModel(),
                                                MediaArchive(directory), this);
}

void ConversationThreadPane::mediaUpdated(const MediaArchiveEntry& entry)
{
    if (m_mediaFeed)
        m_mediaFeed->mediaUpdated(entry);
}

} // namespace smsdesk
