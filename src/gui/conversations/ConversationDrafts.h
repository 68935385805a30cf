#pragma once

#include "store/ConversationReader.h"
#include "store/ConversationSummary.h"
#include "store/DraftRepository.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <optional>

namespace smsdesk {

class AppContext;
class ComposeBox;

// The drafts of the Conversations page: what is typed in the ComposeBox is kept per thread
// (DraftRepository), SaveDelayMs after the last keystroke and whenever the page leaves the
// thread, and put back in the box when the thread is shown again, unless typing began before
// it was read (what is typed wins, and is saved). Reads and writes go through the
// DatabaseWorker; the page is told what was stored so its list shows the draft mark.
class ConversationDrafts : public QObject
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;

    static constexpr int SaveDelayMs = 400; // after the last keystroke

    // `compose` is the page's and must outlive this object (the page parents both).
    ConversationDrafts(AppContext& context, ComposeBox& compose, QObject* parent);

    // The box is for `thread` now (none: a new conversation, no draft kept): its draft is read
    // and put in the box. Save what was typed for the thread before first (save()).
    void setThread(const std::optional<Thread>& thread);
    // Stores what the box holds for the thread now, when it changed since last stored or read.
    void save();

Q_SIGNALS:
    // The draft of `thread` was stored; `summaries` is the thread as listed now.
    void saved(const smsdesk::ConversationReader::Thread& thread,
               const QList<smsdesk::ConversationSummary>& summaries);
    // The draft of `thread` was read and put in the compose box (or left, when typing began).
    void loaded(const smsdesk::ConversationReader::Thread& thread);
    // Something to tell the user in passing (a draft that could not be kept).
    void statusMessage(const QString& text);

private:
    AppContext& m_context;
    ComposeBox& m_compose;
    std::optional<Thread> m_thread; // the box's draft belongs to it
    QTimer m_timer;
    Draft m_saved;         // as stored for m_thread
    bool m_edited = false; // typed since m_thread was shown
    quint64 m_generation = 0;
};

} // namespace smsdesk
