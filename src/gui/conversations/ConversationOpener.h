#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace smsdesk {

class ConversationDialog;
class DatabaseWorker;

// Opens the conversation of a stored message, from wherever a message is shown (the
// Inspector's request): reads the message's thread through the DatabaseWorker, then shows it
// in a ConversationDialog over the parent widget with the message highlighted. One window per
// thread: the one open for it is raised instead.
class ConversationOpener : public QObject
{
    Q_OBJECT

public:
    // The dialogs are children of `parent`; `worker` must outlive the opener.
    ConversationOpener(DatabaseWorker& worker, QWidget* parent);

    // The dialogs opened from now on show what the media archive in `directory` kept
    // (thumbnails, the state of each media); empty: the links only.
    void setMediaArchive(const QString& directory) { m_mediaDirectory = directory; }

    // Opens (or raises) the dialog of the thread of message `messageId`; opened() follows, or
    // failed() says why not. A later call wins over one whose thread is still being read.
    void open(qint64 messageId);

Q_SIGNALS:
    // `dialog` was opened (or raised) for the thread of message `messageId`.
    void opened(smsdesk::ConversationDialog* dialog, qint64 messageId);
    // The conversation could not be opened: `text` says why, in words.
    void failed(const QString& text);

private:
    DatabaseWorker& m_worker;
    QWidget* m_parent;
    quint64 m_generation = 0;
    QString m_mediaDirectory;
};

} // namespace smsdesk
