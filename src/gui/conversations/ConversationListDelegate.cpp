#include "ConversationListDelegate.h"

#include "ConversationListModel.h"
#include "ConversationPalette.h"
#include "ConversationText.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>

namespace smsdesk {

namespace {

using Role = ConversationListModel::Role;

constexpr int kPadX = 10;
constexpr int kPadY = 7;
constexpr int kBadge = 36; // the round badge's diameter
constexpr int kLineGap = 2;

using Palette = ConversationPalette;

QFont smallFont(const QFont& base)
{
    return Palette::smallFont(base, 0.88);
}

// `text` on one line in `rect`, elided, with the `matches` ranges in bold.
void drawMarked(QPainter* painter, const QRect& rect, const QString& text, const QFont& font,
                const QList<QPair<int, int>>& matches)
{
    const QString shown =
        QFontMetrics(font).elidedText(text, Qt::ElideRight, rect.width(), Qt::TextSingleLine);
    QTextLayout layout(shown, font);
    QList<QTextLayout::FormatRange> formats;
    for (const QPair<int, int>& match : matches) {
        if (match.first >= shown.size())
            break;
        QTextLayout::FormatRange range;
        range.start = match.first;
        range.length = std::min(match.second, int(shown.size()) - match.first);
        range.format.setFontWeight(QFont::Bold);
        formats.append(range);
    }
    layout.setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(rect.width());
    layout.endLayout();
    layout.draw(painter,
                QPointF(rect.left(),
                        rect.top() + (rect.height() - (line.isValid() ? line.height() : 0)) / 2));
}

} // namespace

ConversationListDelegate::ConversationListDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QColor ConversationListDelegate::badgeColor(const QString& party)
{
    // Mid-light hues that carry white text; the same party, the same colour.
    static const QColor colors[] = {
        QColor(0x1e, 0x88, 0xe5), QColor(0x43, 0xa0, 0x47), QColor(0xe5, 0x39, 0x35),
        QColor(0x8e, 0x24, 0xaa), QColor(0xfb, 0x8c, 0x00), QColor(0x00, 0x89, 0x7b),
        QColor(0x3f, 0x51, 0xb5), QColor(0x6d, 0x4c, 0x41),
    };
    return colors[qHash(party) % std::size(colors)];
}

QString ConversationListDelegate::badgeText(const QString& party)
{
    for (const QChar c : party) {
        if (c.isLetter())
            return QString(c).toUpper();
        if (c.isDigit() || c == QLatin1Char('+') || c == QLatin1Char('('))
            return QStringLiteral("#");
    }
    return QStringLiteral("?");
}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const
{
    const QFontMetrics metrics(option.font);
    const QFontMetrics small(smallFont(option.font));
    const bool numberLine = !index.data(Role::NumberRole).toString().isEmpty();
    const int text = metrics.height() + kLineGap + metrics.height() +
                     (numberLine ? kLineGap + small.height() : 0);
    return {200, std::max(kBadge, text) + 2 * kPadY};
}

void ConversationListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // The row's background: selection and hover as the style draws them.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette::ColorGroup group = Palette::groupOf(option.state);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette& palette = option.palette;
    const QColor text = palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = Palette::blend(
        text, palette.color(group, selected ? QPalette::Highlight : QPalette::Base), 0.68);

    const QString party = index.data(Role::PartyRole).toString();
    const QString number = index.data(Role::NumberRole).toString();
    const QString preview = index.data(Role::PreviewRole).toString();
    const QString time = index.data(Role::TimeTextRole).toString();
    const qint64 unread = index.data(Role::UnreadCountRole).toLongLong();
    const qint64 failed = index.data(Role::FailedCountRole).toLongLong();
    const bool draft = index.data(Role::HasDraftRole).toBool();
    const QStringList words = index.data(Role::MatchWordsRole).toStringList();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect rect = option.rect.adjusted(kPadX, kPadY, -kPadX, -kPadY);

    // The badge.
    const QRect badge(rect.left(), rect.top() + (rect.height() - kBadge) / 2, kBadge, kBadge);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(party));
    painter->drawEllipse(badge);
    QFont badgeFont = option.font;
    badgeFont.setBold(true);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, badgeText(party));

    const QFontMetrics metrics(option.font);
    const QFont small = smallFont(option.font);
    const int left = badge.right() + 1 + kPadX;
    const int lineHeight = metrics.height();
    int y = rect.top();
    if (number.isEmpty())
        y += (rect.height() - (2 * lineHeight + kLineGap)) / 2;

    // First line: the party, and the time on the right.
    QFont partyFont = option.font;
    partyFont.setBold(unread > 0);
    QFont timeFont = small;
    timeFont.setBold(unread > 0);
    const int timeWidth = QFontMetrics(timeFont).horizontalAdvance(time);
    painter->setFont(timeFont);
    painter->setPen(unread > 0 && !selected ? palette.color(group, QPalette::Highlight) : dim);
    const QRect timeRect(rect.right() + 1 - timeWidth, y, timeWidth, lineHeight);
    painter->drawText(timeRect, Qt::AlignRight | Qt::AlignVCenter, time);
    painter->setFont(partyFont);
    painter->setPen(text);
    const QRect partyRect(left, y, timeRect.left() - 8 - left, lineHeight);
    painter->drawText(partyRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(partyFont).elidedText(party, Qt::ElideRight, partyRect.width()));
    y += lineHeight + kLineGap;

    // Second line: the preview, and the unread pill or the not-sent mark on the right.
    int right = rect.right() + 1;
    if (unread > 0 || failed > 0) {
        const QString mark = unread > 0
                                 ? (unread > 99 ? QStringLiteral("99+") : QString::number(unread))
                                 : QStringLiteral("!");
        QFont markFont = small;
        markFont.setBold(true);
        const QFontMetrics markMetrics(markFont);
        const int height = markMetrics.height() + 2;
        const int width = std::max(height, markMetrics.horizontalAdvance(mark) + 10);
        const QRect pill(right - width, y + (lineHeight - height) / 2, width, height);
        painter->setPen(Qt::NoPen);
        // The not-sent mark: white on a red that reads on light and dark palettes alike.
        painter->setBrush(unread > 0 ? palette.color(QPalette::Active, QPalette::Highlight)
                                     : QColor(0xd3, 0x2f, 0x2f));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setFont(markFont);
        painter->setPen(unread > 0 ? palette.color(QPalette::Active, QPalette::HighlightedText)
                                   : QColor(Qt::white));
        painter->drawText(pill, Qt::AlignCenter, mark);
        right = pill.left() - 6;
    }
    QFont previewFont = option.font;
    previewFont.setItalic(draft);
    painter->setPen(draft && !selected ? Palette::errorColor(palette) : (unread > 0 ? text : dim));
    drawMarked(painter, QRect(left, y, right - left, lineHeight), preview, previewFont,
               ConversationText::matches(preview, words));
    y += lineHeight + kLineGap;

    // Third line: our number, when the list shows several.
    if (!number.isEmpty()) {
        painter->setFont(small);
        painter->setPen(dim);
        const QRect numberRect(left, y, rect.right() + 1 - left, QFontMetrics(small).height());
        painter->drawText(
            numberRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(number, Qt::ElideRight, numberRect.width()));
    }
    painter->restore();
}

} // namespace smsdesk
