#pragma once

#include "ConversationModel.h"
#include "store/ConversationReader.h"

#include <QList>
#include <QRect>
#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QListView;
class QModelIndex;
class QTimer;

namespace smsdesk {

class ConversationDelegate;

// One conversation thread, read-only, as bubbles (a QListView of ConversationModel's rows,
// painted by ConversationDelegate): the other party's messages on the left, ours on the right,
// oldest at the top; the time under each bubble (the date above the first message of each day),
// media URLs as links (http and https only; a click opens them; an image the media archive kept
// as its thumbnail, a click opening the kept file), and for outbound messages the
// delivery state (with the error code when it failed, in the error colour). Colours come from the
// palette, so dark themes work.
//
// The view holds what it was given (setPage(), prependPage(), appendPage()); it reads
// nothing itself. When the thread has older (newer) messages, a "Load earlier messages"
// ("Load newer messages") row is the first (last) row: clicking it, or Enter or Space on it,
// emits earlierRequested() (laterRequested()) once until the next page arrives, and the row
// says "Loading…" meanwhile. Up/Down/Home/End/PageUp/PageDown move through the rows; Ctrl+C
// (and the context menu) copies the selected message's text, and its media URLs, each on a
// line of its own; a double-click (or F2) on a bubble opens its text to select a part of it
// from. Each row's accessible text says all of it.
class ConversationView : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationView(QWidget* parent = nullptr);
    ~ConversationView() override;

    // Shows `page` in place of what was shown, scrolled to the newest message.
    void setPage(const ConversationReader::Page& page);
    // Adds the page read by ConversationReader::before() above the first message (the rows
    // in view stay where they are); its hasEarlier says whether more are left.
    void prependPage(const ConversationReader::Page& page);
    // Adds the page read by ConversationReader::after() below the last message; its hasLater
    // says whether more are left.
    void appendPage(const ConversationReader::Page& page);
    // Adds messages that just came in (read by ConversationReader::after() from the last one)
    // below the last message; when the view was scrolled to the bottom, it stays there.
    void appendLive(const ConversationReader::Page& page);
    // Shows those of `messages` that are shown as they are now (a status that changed).
    void updateMessages(const QList<ConversationMessage>& messages);
    // An earlier or later page could not be read: its row can be used again.
    void loadFailed();
    void clear();

    // Selects message `id` and scrolls it into the middle of the view. False when it is not
    // shown.
    bool setHighlightedMessage(qint64 id);
    // The selected message's id; 0 when none (or a load row) is selected.
    qint64 selectedMessageId() const;
    // Copies the selected message as Ctrl+C does.
    void copySelected() const;

    const ConversationReader::Thread& thread() const { return m_model->thread(); }
    const QList<ConversationMessage>& messages() const { return m_model->messages(); }
    bool hasEarlier() const { return m_model->hasEarlier(); }
    bool hasLater() const { return m_model->hasLater(); }
    bool isLoadingEarlier() const { return m_model->isLoadingEarlier(); }
    bool isLoadingLater() const { return m_model->isLoadingLater(); }
    // The model row of message `id`; -1 when not shown.
    int rowOf(qint64 id) const;
    // Where media URL `mediaIndex` of message `id` is drawn, in the list's viewport; empty
    // when it is not shown.
    QRect mediaRect(qint64 id, int mediaIndex) const;

    QListView* list() const { return m_list; }
    // The rows (roles: ConversationModel).
    QAbstractItemModel* model() const;
    ConversationModel* conversationModel() const { return m_model; }
    QAction* copyAction() const { return m_copyAction; }

Q_SIGNALS:
    // The user asked for the messages before `cursor` (the first message shown).
    void earlierRequested(const smsdesk::ConversationReader::Cursor& cursor);
    // The user asked for the messages after `cursor` (the last message shown).
    void laterRequested(const smsdesk::ConversationReader::Cursor& cursor);
    // A media link was clicked; it is also opened with QDesktopServices.
    void linkActivated(const QUrl& url);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void requestEarlier();
    void requestLater();
    QString linkAt(const QPoint& viewportPos) const;

    QListView* m_list = nullptr;
    ConversationModel* m_model = nullptr;
    ConversationDelegate* m_delegate = nullptr;
    QAction* m_copyAction = nullptr;
    QTimer* m_relayout = nullptr;
    bool m_atBottom = true; // the list shows its last row (kept there as rows grow)
};

} // namespace smsdesk
