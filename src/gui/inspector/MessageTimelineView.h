#pragma once

#include "store/MessageTimeline.h"

#include <QWidget>
#include <memory>

class QAbstractItemModel;
class QListView;
class QModelIndex;

namespace Ui {
class MessageTimelineView;
}

namespace smsdesk {

class MessageTimelineModel;

// The inspector's timeline of one message (ui/MessageTimelineView.ui): a summary of the
// message (direction, parties, text, current status) above one vertical lane with an item per
// event of MessageTimeline, oldest first (MessageTimelineModel; painted by
// MessageTimelineDelegate). Each item has the local time on the left with the time since the
// previous event under it, a marker on the lane, and two lines of text: what happened with its
// outcome tag, then the details (our answer and its latency, the provider's time, the error).
// Outcomes, "out of order" and "current" are told in words and in colour.
//
// Clicking an event that has a webhook request, or pressing Enter on it, emits
// requestActivated() with its request_log id. Up/Down/Home/End/PageUp/PageDown move through
// the events; each item's accessible name says all of its text. Without a timeline the view
// shows a placeholder.
class MessageTimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit MessageTimelineView(QWidget* parent = nullptr);
    ~MessageTimelineView() override;

    void setTimeline(const MessageTimeline& timeline);
    // Back to the placeholder.
    void clear();
    // The timeline shown; nullptr when none.
    const MessageTimeline* timeline() const;

    // Makes the event of `requestLogId` the current item (the request selected elsewhere),
    // without emitting requestActivated(). False when no event shown has that request.
    bool selectRequest(qint64 requestLogId);

    // The lane: one row per event of the timeline, in order (roles: MessageTimelineModel).
    QListView* lane() const;
    QAbstractItemModel* model() const;

Q_SIGNALS:
    // The user clicked an event that has a webhook request, or pressed Enter on it.
    void requestActivated(qint64 requestLogId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showSummary();
    void activate(const QModelIndex& index);

    std::unique_ptr<Ui::MessageTimelineView> m_ui;
    MessageTimelineModel* m_model = nullptr;
};

} // namespace smsdesk
