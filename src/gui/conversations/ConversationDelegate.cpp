#include "ConversationDelegate.h"

#include "ConversationModel.h"
#include "ConversationPalette.h"

#include <QDateTime>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QTextLayout>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace smsdesk {

namespace {

using RowKind = ConversationModel::RowKind;

constexpr int kSide = 10;   // between a bubble and the side of the view
constexpr int kGap = 3;     // above and below each row
constexpr int kPadX = 10;   // inside a bubble
constexpr int kPadY = 6;    // inside a bubble
constexpr int kRadius = 10; // of a bubble's corners
constexpr int kFooterGap = 2;
constexpr int kMinBubbleWidth = 48;

using Palette = ConversationPalette;

QDateTime localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}

QFont smallFont(const QFont& base)
{
    return Palette::smallFont(base, 0.85);
}

// Plain text as a QTextLayout wants it: line breaks as line separators.
QString layoutText(QString text)
{
    text.replace(QLatin1String("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

// Lays `layout` out in lines at most `width` wide; its natural size.
QSize layOut(QTextLayout& layout, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    qreal height = 0;
    qreal natural = 0;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
        natural = std::max(natural, line.naturalTextWidth());
    }
    layout.endLayout();
    return {int(std::ceil(natural)), int(std::ceil(height))};
}

int textWidthFor(int rowWidth)
{
    // A bubble takes at most three quarters of the row.
    return std::max(kMinBubbleWidth, (rowWidth - 2 * kSide) * 3 / 4 - 2 * kPadX);
}

int loadRowHeight(const QFont& font)
{
    return QFontMetrics(font).height() + 2 * kPadY + 2 * kGap;
}

QString noText()
{
    return ConversationDelegate::tr("(no text)");
}

} // namespace

ConversationDelegate::ConversationDelegate(const QListView* list, QObject* parent)
    : QStyledItemDelegate(parent), m_list(list)
{}

bool ConversationDelegate::isLink(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

int ConversationDelegate::viewWidth() const
{
    return std::max(200, m_list->viewport()->width());
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    const int width = viewWidth();
    if (static_cast<RowKind>(index.data(ConversationModel::RowKindRole).toInt()) !=
        RowKind::Message)
        return {width, loadRowHeight(option.font)};
    return {width, layoutFor(option.font, QRect(0, 0, width, 0), index).height};
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    const auto* model = qobject_cast<const ConversationModel*>(index.model());
    if (!model || !index.isValid())
        return;
    const QPalette::ColorGroup group = Palette::groupOf(option.state);
    const QPalette& palette = option.palette;
    const QColor text = palette.color(group, QPalette::Text);
    const QColor base = palette.color(group, QPalette::Base);
    const QColor highlight = palette.color(group, QPalette::Highlight);
    const QColor dim = Palette::blend(text, base, 0.62);
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const auto kind = static_cast<RowKind>(index.data(ConversationModel::RowKindRole).toInt());
    if (kind != RowKind::Message) {
        const bool loading =
            kind == RowKind::LoadEarlier ? model->isLoadingEarlier() : model->isLoadingLater();
        const QRect box = option.rect.adjusted(kSide, kGap, -kSide, -kGap);
        if (selected) {
            painter->setPen(QPen(highlight, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(box).adjusted(1, 1, -1, -1), kRadius, kRadius);
        }
        QFont font = option.font;
        font.setUnderline(!loading);
        painter->setFont(font);
        painter->setPen(loading ? dim : palette.color(group, QPalette::Link));
        painter->drawText(box, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
        painter->restore();
        return;
    }

    const ConversationMessage* shown = model->messageAt(index.row());
    if (!shown) {
        painter->restore();
        return;
    }
    const ConversationMessage& message = *shown;
    const Layout layout = layoutFor(option.font, option.rect, index);
    const bool outbound = message.isOutbound();
    const QColor error = Palette::errorColor(palette);

    // The date above the first message of a day.
    const QFont small = smallFont(option.font);
    if (!layout.day.isEmpty()) {
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(dim);
        painter->drawText(layout.dayRect, Qt::AlignCenter, layout.day);
    }

    // The bubble: ours tinted with the highlight colour, theirs with the text colour.
    const QColor fill =
        outbound ? Palette::blend(highlight, base, 0.22) : Palette::blend(text, base, 0.08);
    painter->setPen(message.isFailed() ? QPen(error, 1.2) : QPen(Qt::NoPen));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(layout.bubble).adjusted(0.5, 0.5, -0.5, -0.5), kRadius,
                             kRadius);
    if (selected) {
        painter->setPen(QPen(highlight, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(layout.bubble).adjusted(-2, -2, 2, 2), kRadius + 2,
                                 kRadius + 2);
    }

    // The text, or a placeholder.
    painter->setFont(option.font);
    if (layout.textSize) {
        QTextLayout textLayout(layoutText(message.text), option.font);
        layOut(textLayout, textWidthFor(option.rect.width()));
        painter->setPen(text);
        textLayout.draw(painter, layout.textTopLeft);
    } else if (layout.media.isEmpty()) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(QRect(layout.textTopLeft, layout.bubble.bottomRight()),
                          Qt::AlignLeft | Qt::AlignTop, noText());
    }

    // The media, one per line: a thumbnail, or the URL (links underlined in the link colour);
    // under it, what the archive did with it.
    for (const MediaLine& line : layout.media) {
        if (!line.thumbnail.isNull()) {
            painter->save();
            QPainterPath clip;
            clip.addRoundedRect(QRectF(line.rect), 6, 6);
            painter->setClipPath(clip);
            painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
            painter->drawImage(line.rect, line.thumbnail);
            painter->restore();
        } else {
            QFont font = option.font;
            font.setUnderline(line.link);
            painter->setFont(font);
            painter->setPen(line.link ? palette.color(group, QPalette::Link) : dim);
            painter->drawText(
                line.rect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(font).elidedText(line.url, Qt::ElideMiddle, line.rect.width()));
        }
        if (!line.note.isEmpty()) {
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(
                line.noteRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(line.note, Qt::ElideRight, line.noteRect.width()));
        }
    }

    // Time and state under the bubble, on its side.
    painter->setFont(small);
    painter->setPen(message.isFailed() ? error : dim);
    painter->drawText(layout.footer, (outbound ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                      index.data(ConversationModel::StatusTextRole).toString());
    painter->restore();
}

QWidget* ConversationDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const
{
    if (static_cast<RowKind>(index.data(ConversationModel::RowKindRole).toInt()) !=
            RowKind::Message ||
        index.data(Qt::DisplayRole).toString().isEmpty())
        return nullptr;
    auto* editor = new QPlainTextEdit(parent);
    editor->setObjectName(QStringLiteral("messageTextSelection"));
    editor->setAccessibleName(tr("Message text"));
    editor->setReadOnly(true);
    editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    editor->setFrameShape(QFrame::NoFrame);
    editor->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    editor->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    editor->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    editor->document()->setDocumentMargin(0);
    editor->setFont(option.font);
    // The bubble shows through: only the selection is painted.
    QPalette palette = editor->palette();
    palette.setColor(QPalette::Base, Qt::transparent);
    editor->setPalette(palette);
    editor->viewport()->setAutoFillBackground(false);
    return editor;
}

void ConversationDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* text = qobject_cast<QPlainTextEdit*>(editor);
    if (!text)
        return;
    text->setPlainText(index.data(Qt::DisplayRole).toString());
    text->selectAll();
}

void ConversationDelegate::setModelData(QWidget*, QAbstractItemModel*, const QModelIndex&) const
{
    // Read-only: a message's text is never edited.
}

void ConversationDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                                const QModelIndex& index) const
{
    const Layout layout = layoutFor(option.font, option.rect, index);
    if (!layout.textSize)
        return;
    // As wide as the bubble's text may be (so it wraps where the bubble does), a little
    // higher than the text (so the last line is not cut).
    editor->setGeometry(QRect(layout.textTopLeft, QSize(textWidthFor(option.rect.width()) + 2,
                                                        layout.textSize->height() + 2)));
}

ConversationDelegate::Layout ConversationDelegate::layoutFor(const QFont& font, const QRect& rect,
                                                             const QModelIndex& index) const
{
    Layout layout;
    const auto* model = qobject_cast<const ConversationModel*>(index.model());
    const ConversationMessage* shown = model ? model->messageAt(index.row()) : nullptr;
    if (!shown)
        return layout;
    const ConversationMessage& message = *shown;
    const ConversationMessage* previous = model->messageAt(index.row() - 1);
    const QFontMetrics metrics(font);
    const QFont small = smallFont(font);
    const QFontMetrics smallMetrics(small);
    int y = rect.top();

    // A new day: its date first.
    const QDate date = localTime(message.receivedAtMs).date();
    const bool newDay = !previous || localTime(previous->receivedAtMs).date() != date;
    if (newDay) {
        layout.day = QLocale().toString(date, QLocale::LongFormat);
        layout.dayRect = QRect(rect.left(), y + kGap, rect.width(), smallMetrics.height() + 8);
        y = layout.dayRect.bottom() + 1;
    }

    const int maxText = textWidthFor(rect.width());
    int contentWidth = 0;
    int contentHeight = 0;
    if (!message.text.isEmpty()) {
        QTextLayout textLayout(layoutText(message.text), font);
        const QSize size = layOut(textLayout, maxText);
        layout.textSize = size;
        contentWidth = size.width();
        contentHeight = size.height();
    } else if (message.media.isEmpty()) {
        QFont italic = font;
        italic.setItalic(true);
        contentWidth = QFontMetrics(italic).horizontalAdvance(noText());
        contentHeight = metrics.height();
    }
    // Each media: its thumbnail (no wider than the text may be) or its URL, then its note.
    const QStringList files = index.data(ConversationModel::MediaFilesRole).toStringList();
    const QStringList notes = index.data(ConversationModel::MediaNotesRole).toStringList();
    const QVariantList thumbnails = index.data(ConversationModel::ThumbnailsRole).toList();
    struct Placed
    {
        int top = 0;
        QSize size;
        int noteTop = -1;
        int noteWidth = 0;
    };
    QList<Placed> placed;
    for (int i = 0; i < message.media.size(); ++i) {
        const QString& url = message.media.at(i);
        const QImage thumbnail = thumbnails.value(i).value<QImage>();
        const QString note = notes.value(i);
        if (contentHeight > 0)
            contentHeight += 2;
        Placed place;
        place.top = contentHeight;
        if (!thumbnail.isNull()) {
            place.size =
                thumbnail.size().width() > maxText
                    ? thumbnail.size().scaled(maxText, thumbnail.height(), Qt::KeepAspectRatio)
                    : thumbnail.size();
        } else {
            place.size = QSize(std::min(maxText, metrics.horizontalAdvance(url)), metrics.height());
        }
        contentWidth = std::max(contentWidth, place.size.width());
        contentHeight += place.size.height();
        if (!note.isEmpty()) {
            place.noteTop = contentHeight + 1;
            place.noteWidth = std::min(maxText, smallMetrics.horizontalAdvance(note) + 2);
            contentWidth = std::max(contentWidth, place.noteWidth);
            contentHeight += 1 + smallMetrics.height();
        }
        placed.append(place);
    }

    const int bubbleWidth = std::max(kMinBubbleWidth, contentWidth + 2 * kPadX);
    const bool outbound = message.isOutbound();
    const int bubbleLeft = outbound ? rect.right() + 1 - kSide - bubbleWidth : rect.left() + kSide;
    layout.bubble = QRect(bubbleLeft, y + kGap, bubbleWidth, contentHeight + 2 * kPadY);
    layout.textTopLeft = QPoint(bubbleLeft + kPadX, layout.bubble.top() + kPadY);
    for (int i = 0; i < message.media.size(); ++i) {
        const Placed& place = placed.at(i);
        MediaLine line;
        line.url = message.media.at(i);
        line.rect =
            QRect(QPoint(bubbleLeft + kPadX, layout.textTopLeft.y() + place.top), place.size);
        line.thumbnail = thumbnails.value(i).value<QImage>();
        const QString file = files.value(i);
        if (!file.isEmpty()) {
            line.link = true;
            line.target = QUrl::fromLocalFile(file).toString();
        } else {
            line.link = isLink(line.url);
            line.target = line.link ? line.url : QString();
        }
        line.note = notes.value(i);
        if (place.noteTop >= 0)
            line.noteRect = QRect(bubbleLeft + kPadX, layout.textTopLeft.y() + place.noteTop,
                                  place.noteWidth, smallMetrics.height());
        layout.media.append(line);
    }
    const int footerWidth = std::max(bubbleWidth, rect.width() / 2);
    layout.footer =
        QRect(outbound ? rect.right() + 1 - kSide - footerWidth : bubbleLeft,
              layout.bubble.bottom() + 1 + kFooterGap, footerWidth, smallMetrics.height());
    layout.height = layout.footer.bottom() + 1 + kGap - rect.top();
    return layout;
}

QString ConversationDelegate::linkAt(const QFont& font, const QRect& rect, const QModelIndex& index,
                                     const QPoint& pos) const
{
    const std::optional<MediaLine> line = mediaAt(font, rect, index, pos);
    return line && line->link ? line->target : QString();
}

std::optional<ConversationDelegate::MediaLine>
ConversationDelegate::mediaAt(const QFont& font, const QRect& rect, const QModelIndex& index,
                              const QPoint& pos) const
{
    if (static_cast<RowKind>(index.data(ConversationModel::RowKindRole).toInt()) !=
        RowKind::Message)
        return std::nullopt;
    const Layout layout = layoutFor(font, rect, index);
    for (const MediaLine& line : layout.media) {
        if (line.rect.contains(pos))
            return line;
    }
    return std::nullopt;
}

} // namespace smsdesk
