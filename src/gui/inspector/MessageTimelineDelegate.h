#pragma once

#include <QStyledItemDelegate>

namespace smsdesk {

// Paints a row of MessageTimelineModel in MessageTimelineView's lane: the local time with the
// time since the previous event under it | the lane with the event's marker (a square: the
// message was sent; a filled circle: a webhook delivery; a ring: a retry stored before; a
// diamond: a status report, hollow when out of order; a dotted stretch: events left out) | the
// title with its outcome tags, over the detail line. The background (selection, hover, focus)
// is the style's.
class MessageTimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageTimelineDelegate(QObject* parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace smsdesk
