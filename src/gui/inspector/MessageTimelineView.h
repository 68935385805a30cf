#pragma once

#include "store/MessageTimeline.h"

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QAbstractItemModel;
class QListView;
class QModelIndex;
class QStandardItemModel;

namespace Ui {
class MessageTimelineView;
}

namespace smsdesk {

// The inspector's timeline of one message (ui/MessageTimelineView.ui): a summary of the
// message (direction, parties, text, current status) above one vertical lane with an item per
// event of MessageTimeline, oldest first. Each item has the local time on the left with the
// time since the previous event under it, a marker on the lane (a square: the message was
// sent; a filled circle: a webhook delivery; a ring: a retry stored before; a diamond: a
// status report; a dotted stretch: events left out), and two lines of text: what happened
// with its outcome tag, then the details (our answer and its latency, the provider's time,
// the error). Outcomes, "out of order" and "current" are told in words and in colour.
//
// Clicking an event that has a webhook request, or pressing Enter on it, emits
// requestActivated() with its request_log id. Up/Down/Home/End/PageUp/PageDown move through
// the events; each item's accessible name says all of its text. Without a timeline the view
// shows a placeholder.
class MessageTimelineView : public QWidget
{
    Q_OBJECT

public:
    enum Role
    {
        RequestLogIdRole = Qt::UserRole + 1, // qint64; 0: the event has no webhook request
        KindRole,                            // int (MessageTimeline::Event::Kind)
        OutOfOrderRole,                      // bool
        CurrentRole,                         // bool
    };

    explicit MessageTimelineView(QWidget* parent = nullptr);
    ~MessageTimelineView() override;

    void setTimeline(const MessageTimeline& timeline);
    // Back to the placeholder.
    void clear();
    // The timeline shown; nullptr when none.
    const MessageTimeline* timeline() const { return m_timeline ? &*m_timeline : nullptr; }

    // Makes the event of `requestLogId` the current item (the request selected elsewhere),
    // without emitting requestActivated(). False when no event shown has that request.
    bool selectRequest(qint64 requestLogId);

    // The lane: one row per event of the timeline, in order.
    QListView* lane() const;
    QAbstractItemModel* model() const;

    // The words of an event's two lines, as the lane shows them.
    static QString titleText(const MessageTimeline& timeline, const MessageTimeline::Event& event,
                             int deliveryNumber);
    static QString detailText(const MessageTimeline& timeline, const MessageTimeline::Event& event);

Q_SIGNALS:
    // The user clicked an event that has a webhook request, or pressed Enter on it.
    void requestActivated(qint64 requestLogId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Row;
    class Delegate;

    void rebuild();
    void showSummary();
    void activate(const QModelIndex& index);

    static QString statusWord(const QString& status);
    static QString outcomeWord(const QString& outcome);
    static QString responseText(const MessageTimeline::Event& event);
    static QString timeText(qint64 ms);
    static QString deltaText(qint64 ms);

    std::unique_ptr<Ui::MessageTimelineView> m_ui;
    QStandardItemModel* m_model = nullptr;
    Delegate* m_delegate = nullptr;
    std::optional<MessageTimeline> m_timeline;
    std::vector<Row> m_rows; // one per event, what the delegate paints
};

} // namespace smsdesk
