#pragma once

#include "store/ConversationReader.h"

#include <QDialog>
#include <QString>

class QLabel;

namespace smsdesk {

class ConversationView;
class DatabaseWorker;

// One conversation thread, read-only, in a window of its own (non-modal; Esc or Close closes
// it): a ConversationView titled "Conversation: <did> ↔ <remote>". Every read goes through
// the DatabaseWorker (the GUI thread never waits on the store); while the first page is read
// the dialog says "Loading…", and a read error is said in words above the messages. Earlier
// and newer pages are read when the view asks for them.
class ConversationDialog : public QDialog
{
    Q_OBJECT

public:
    ConversationDialog(DatabaseWorker& worker, const ConversationReader::Thread& thread,
                       QWidget* parent = nullptr,
                       int pageSize = ConversationReader::DefaultPageSize);
    ~ConversationDialog() override;

    const ConversationReader::Thread& thread() const { return m_thread; }
    ConversationView* view() const { return m_view; }
    // What the note above the messages says ("Loading…", an error); empty when hidden.
    QString noteText() const;
    bool isLoading() const { return m_loading; }

public Q_SLOTS:
    // Shows message `messageId` of this thread highlighted: at once when it is shown, else
    // with the page around it (read first). messageShown() follows, or the note says why not.
    void showMessage(qint64 messageId);
    // Shows the newest messages of the thread; newestShown() follows.
    void showNewest();

Q_SIGNALS:
    // Message `messageId` is shown highlighted.
    void messageShown(qint64 messageId);
    // The newest page is shown.
    void newestShown();
    // A read failed (the note says it).
    void readFailed(const QString& error);

private:
    // Shows the newest page; the note says `note` then (an error), if any.
    void loadNewest(const QString& note);
    void loadEarlier(const ConversationReader::Cursor& cursor);
    void loadLater(const ConversationReader::Cursor& cursor);
    // The page before (earlier) or after `cursor`, added to the view.
    void loadNext(const ConversationReader::Cursor& cursor, bool earlier);
    void setNote(const QString& text, bool error);
    // The count under the messages.
    void updateCount();
    void fail(const QString& error);

    DatabaseWorker& m_worker;
    ConversationReader::Thread m_thread;
    int m_pageSize;
    ConversationView* m_view = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_countLabel = nullptr;
    quint64 m_generation = 0; // of the page shown; pages read for an older one are dropped
    bool m_loading = false;
};

} // namespace smsdesk
