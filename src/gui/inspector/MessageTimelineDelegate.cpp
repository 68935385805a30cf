#include "MessageTimelineDelegate.h"

#include "MessageTimelineModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace smsdesk {

namespace {

using Row = MessageTimelineModel::Row;

constexpr int kPad = 4;
constexpr int kLaneWidth = 22;
constexpr int kMarkerRadius = 5;

struct Fonts
{
    explicit Fonts(const QFont& base) : title(base), small(base), tag(base)
    {
        title.setBold(true);
        if (base.pointSizeF() > 0)
            small.setPointSizeF(base.pointSizeF() * 0.9);
        else
            small.setPixelSize(std::max(8, base.pixelSize() * 9 / 10));
        tag = small;
        tag.setBold(true);
    }
    int titleHeight() const { return QFontMetrics(title).height() + 2; }
    int smallHeight() const { return QFontMetrics(small).height(); }

    QFont title;
    QFont small;
    QFont tag;
};

int timeWidth(const QFont& font)
{
    return QFontMetrics(font).horizontalAdvance(QStringLiteral("88:88:88.888")) + 3 * kPad;
}

QColor blend(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

void drawMarker(QPainter* painter, const Row& row, QPoint center, const QColor& background)
{
    const int m = kMarkerRadius;
    const QRectF box(center.x() - m, center.y() - m, 2 * m + 1, 2 * m + 1);
    QPainterPath diamond;
    diamond.moveTo(center.x(), center.y() - m - 1);
    diamond.lineTo(center.x() + m + 1, center.y());
    diamond.lineTo(center.x(), center.y() + m + 1);
    diamond.lineTo(center.x() - m - 1, center.y());
    diamond.closeSubpath();
    switch (row.marker) {
    case Row::Marker::Square:
        painter->setPen(Qt::NoPen);
        painter->setBrush(row.color);
        painter->drawRoundedRect(box, 2, 2);
        break;
    case Row::Marker::Dot:
        painter->setPen(Qt::NoPen);
        painter->setBrush(row.color);
        painter->drawEllipse(box);
        break;
    case Row::Marker::Ring:
        painter->setPen(QPen(row.color, 2));
        painter->setBrush(background);
        painter->drawEllipse(box.adjusted(1, 1, -1, -1));
        break;
    case Row::Marker::Diamond:
        painter->setPen(Qt::NoPen);
        painter->setBrush(row.color);
        painter->drawPath(diamond);
        break;
    case Row::Marker::Hollow:
        painter->setPen(QPen(row.color, 2));
        painter->setBrush(background);
        painter->drawPath(diamond);
        break;
    case Row::Marker::None:
        break;
    }
}

} // namespace

MessageTimelineDelegate::MessageTimelineDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize MessageTimelineDelegate::sizeHint(const QStyleOptionViewItem& option,
                                        const QModelIndex&) const
{
    const Fonts fonts(option.font);
    return {timeWidth(option.font) + kLaneWidth + 200,
            kPad + fonts.titleHeight() + 2 + fonts.smallHeight() + kPad};
}

void MessageTimelineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const
{
    const auto* model = qobject_cast<const MessageTimelineModel*>(index.model());
    if (!model || !index.isValid() || index.row() >= model->rowCount())
        return;
    const Row& row = model->row(index.row());
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The background: selection, hover and focus as the style draws them.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background =
        opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
    const QColor dim = blend(text, background, 0.68);

    const Fonts fonts(opt.font);
    const QRect r = opt.rect;
    const int timeW = timeWidth(opt.font);
    const int line1Top = r.top() + kPad;
    const int line2Top = line1Top + fonts.titleHeight() + 2;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    // Time, and the time since the previous event under it.
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(QRect(r.left() + kPad, line1Top, timeW - kPad, fonts.titleHeight()),
                      Qt::AlignLeft | Qt::AlignVCenter, row.time);
    painter->setFont(fonts.small);
    painter->setPen(dim);
    painter->drawText(QRect(r.left() + kPad, line2Top, timeW - kPad, fonts.smallHeight()),
                      Qt::AlignLeft | Qt::AlignVCenter, row.delta);

    // The lane, joining the markers: from the first marker to the last.
    const int laneX = r.left() + timeW + kLaneWidth / 2;
    const int markerY = line1Top + fonts.titleHeight() / 2;
    const bool first = index.row() == 0;
    const bool last = index.row() == index.model()->rowCount() - 1;
    QPen lanePen(blend(text, background, 0.45), 2);
    if (row.gap)
        lanePen.setStyle(Qt::DotLine);
    painter->setPen(lanePen);
    painter->drawLine(QPoint(laneX, first ? markerY : r.top()),
                      QPoint(laneX, last ? markerY : r.bottom() + 1));
    // Hollow markers are filled with the base colour, also on a selected row: an outline
    // on the selection colour would be hard to see.
    drawMarker(painter, row, QPoint(laneX, markerY), opt.palette.color(group, QPalette::Base));

    // Title and tags, then the detail line.
    const int textX = laneX + kLaneWidth / 2 + 2;
    const int textWidth = std::max(0, r.right() - kPad - textX);
    int tagsWidth = 0;
    const QFontMetrics tagMetrics(fonts.tag);
    for (const Row::Tag& tag : row.tags)
        tagsWidth += tagMetrics.horizontalAdvance(tag.text) + 2 * kPad + kPad;
    const QFontMetrics titleMetrics(fonts.title);
    const int titleRoom = std::max(textWidth / 2, textWidth - tagsWidth);
    const QString title = titleMetrics.elidedText(row.title, Qt::ElideRight, titleRoom);
    painter->setFont(fonts.title);
    painter->setPen(text);
    painter->drawText(QRect(textX, line1Top, titleRoom, fonts.titleHeight()),
                      Qt::AlignLeft | Qt::AlignVCenter, title);
    int tagX = textX + titleMetrics.horizontalAdvance(title) + kPad + 2;
    painter->setFont(fonts.tag);
    for (const Row::Tag& tag : row.tags) {
        const int width = tagMetrics.horizontalAdvance(tag.text) + 2 * kPad;
        if (tagX + width > r.right() - kPad)
            break;
        const QRectF box(tagX, line1Top + 1, width, fonts.titleHeight() - 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tag.color);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, tag.text);
        tagX += width + kPad;
    }
    painter->setFont(fonts.small);
    painter->setPen(dim);
    painter->drawText(QRect(textX, line2Top, textWidth, fonts.smallHeight()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(fonts.small).elidedText(row.detail, Qt::ElideRight, textWidth));
    painter->restore();
}

} // namespace smsdesk
