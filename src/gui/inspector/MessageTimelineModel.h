#pragma once

#include "store/MessageTimeline.h"

#include <QAbstractListModel>
#include <QColor>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace smsdesk {

// The rows of MessageTimelineView's lane: one per event of a MessageTimeline, oldest first.
// Each row's words and look (time, time since the previous event, marker, colour, title with
// its outcome tags, detail line) are worked out once per timeline, for
// MessageTimelineDelegate to paint (row()); the display, accessible and tooltip texts say all
// of them in words. Holds the timeline it was given; reads nothing itself.
class MessageTimelineModel : public QAbstractListModel
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

    // What one lane item shows.
    struct Row
    {
        enum class Marker
        {
            Square,  // the message was sent / created
            Dot,     // a webhook delivery
            Ring,    // a retry of something stored before
            Diamond, // a status report
            Hollow,  // a status report out of order
            None,    // a gap
        };
        struct Tag
        {
            QString text;
            QColor color;
        };

        QString time;
        QString delta; // since the previous event; the date for the first one
        QString title;
        QList<Tag> tags;
        QString detail;
        Marker marker = Marker::Dot;
        QColor color;
        bool gap = false;
        // Everything in words, for the model's roles.
        QString display;
        QString accessible;
        QString toolTip;
    };

    explicit MessageTimelineModel(QObject* parent = nullptr);
    ~MessageTimelineModel() override;

    // Shows the events of `timeline` in place of what was shown.
    void setTimeline(const MessageTimeline& timeline);
    // No rows.
    void clear();
    // The timeline shown; nullptr when none.
    const MessageTimeline* timeline() const { return m_timeline ? &*m_timeline : nullptr; }
    // Works the rows out again (the language changed).
    void retranslate();

    // The row of `row`, as the delegate paints it; `row` must be valid.
    const Row& row(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The words of an event's two lines, as the lane shows them.
    static QString titleText(const MessageTimeline& timeline, const MessageTimeline::Event& event,
                             int deliveryNumber);
    static QString detailText(const MessageTimeline& timeline, const MessageTimeline::Event& event);
    // A message status in words ("delivered"), and its colour.
    static QString statusWord(const QString& status);
    static QColor statusColor(const QString& status);
    // What an outbox send attempt came to, in words ("refused by the provider").
    static QString attemptWord(const QString& label);

private:
    void rebuild();

    static QString outcomeWord(const QString& outcome);
    static QString responseText(const MessageTimeline::Event& event);
    static QString timeText(qint64 ms);
    static QString deltaText(qint64 ms);

    std::optional<MessageTimeline> m_timeline;
    std::vector<Row> m_rows; // one per event
};

} // namespace smsdesk
