#pragma once

#include "ConversationThreadPane.h"
#include "store/ConversationReader.h"

#include <QDialog>
#include <QString>

namespace smsdesk {

class ConversationView;
class DatabaseWorker;

// One conversation thread, read-only, in a window of its own (non-modal; Esc or Close closes
// it): a ConversationThreadPane titled "Conversation: <did> ↔ <remote>", which reads through
// the DatabaseWorker (the GUI thread never waits on the store), says "Loading…" while the first
// page is read and a read error in words above the messages, and reads earlier and newer pages
// when the view asks for them.
class ConversationDialog : public QDialog
{
    Q_OBJECT

public:
    ConversationDialog(DatabaseWorker& worker, const ConversationReader::Thread& thread,
                       QWidget* parent = nullptr,
                       int pageSize = ConversationReader::DefaultPageSize);
    ~ConversationDialog() override;

    const ConversationReader::Thread& thread() const { return m_thread; }
    ConversationThreadPane* pane() const { return m_pane; }
    ConversationView* view() const { return m_pane->view(); }
    // What the note above the messages says ("Loading…", an error); empty when hidden.
    QString noteText() const { return m_pane->noteText(); }
    bool isLoading() const { return m_pane->isLoading(); }

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
    ConversationReader::Thread m_thread;
    ConversationThreadPane* m_pane = nullptr;
};

} // namespace smsdesk
