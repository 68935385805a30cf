#pragma once

#include "store/ConversationReader.h"

#include <QList>
#include <QString>
#include <QWidget>
#include <optional>

class QLabel;

namespace smsdesk {

class ConversationMediaFeed;
class ConversationView;
class DatabaseWorker;
struct MediaArchiveEntry;

// One conversation thread read through the DatabaseWorker (the GUI thread never waits on the
// store) and shown in a ConversationView: a note above the messages ("Loading…", a read error
// in words), the count under them, earlier and newer pages read when the view asks for them.
// Live: refresh() reads again the messages that changed and adds the new ones below (the view
// stays at the bottom when it was there). ConversationDialog shows one in a window of its own;
// the Conversations page next to its thread list.
class ConversationThreadPane : public QWidget
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;

    explicit ConversationThreadPane(DatabaseWorker& worker, QWidget* parent = nullptr,
                                    int pageSize = ConversationReader::DefaultPageSize);
    ~ConversationThreadPane() override;

    // The thread shown from now on (none: nothing); showNewest() or showMessage() reads it.
    void setThread(const std::optional<Thread>& thread);
    const std::optional<Thread>& thread() const { return m_thread; }
    ConversationView* view() const { return m_view; }
    // What the note above the messages says ("Loading…", an error); empty when hidden.
    QString noteText() const;
    // Says `text` above the messages (an empty text hides the note).
    void setNote(const QString& text, bool error = false);
    bool isLoading() const { return m_loading; }
    // The newest message shown, while the thread's newest messages are shown (no newer page
    // is left to read); none otherwise.
    std::optional<ConversationReader::Cursor> newestCursor() const;
    // Shows what the media archive in `directory` kept (thumbnails, the state of each media);
    // an empty directory shows the links only (the default).
    void setMediaArchive(const QString& directory);
    // The feed of the media archive's rows; nullptr without an archive.
    ConversationMediaFeed* mediaFeed() const { return m_mediaFeed; }

public Q_SLOTS:
    // Shows message `messageId` of the thread highlighted: at once when it is shown, else with
    // the page around it (read first). messageShown() follows, or the note says why not.
    void showMessage(qint64 messageId);
    // Shows the newest messages of the thread; newestShown() follows.
    void showNewest();
    // Messages `messageIds` (of any thread) were stored or changed: those shown are read
    // again, and the thread's messages after the newest shown are added below it (unless a
    // newer page is left to read anyway). messagesChanged() follows when something changed.
    void refresh(const QList<qint64>& messageIds);
    // The media archive recorded `entry` (MediaArchiver::entryUpdated).
    void mediaUpdated(const smsdesk::MediaArchiveEntry& entry);

Q_SIGNALS:
    void messageShown(qint64 messageId);
    void newestShown();
    // A read failed (the note says it).
    void readFailed(const QString& error);
    // Messages came in or changed (refresh(), a page): what is shown is different.
    void messagesChanged();

private:
    void loadNewest(const QString& note);
    void loadEarlier(const ConversationReader::Cursor& cursor);
    void loadLater(const ConversationReader::Cursor& cursor);
    void loadNext(const ConversationReader::Cursor& cursor, bool earlier);
    void updateCount();
    void fail(const QString& error);
    // The first page arrived: a refresh asked for meanwhile runs now.
    void loaded();

    DatabaseWorker& m_worker;
    std::optional<Thread> m_thread;
    int m_pageSize;
    ConversationView* m_view = nullptr;
    QLabel* m_note = nullptr;
    ConversationMediaFeed* m_mediaFeed = nullptr;
    QLabel* m_countLabel = nullptr;
    quint64 m_generation = 0; // of the page shown; pages read for an older one are dropped
    bool m_loading = false;
    QList<qint64> m_refreshAfterLoad; // refresh() while the first page was being read
    bool m_refreshPending = false;
};

} // namespace smsdesk
