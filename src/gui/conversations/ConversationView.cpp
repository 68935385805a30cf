#include "ConversationView.h"

#include <QAbstractListModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QListView>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>

namespace smsdesk {

namespace {

constexpr int kSide = 10;   // between a bubble and the side of the view
constexpr int kGap = 3;     // above and below each row
constexpr int kPadX = 10;   // inside a bubble
constexpr int kPadY = 6;    // inside a bubble
constexpr int kRadius = 10; // of a bubble's corners
constexpr int kFooterGap = 2;
constexpr int kMinBubbleWidth = 48;

QColor blend(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// The error colour, readable on the palette's base.
QColor errorColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
}

QDateTime localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}

QFont smallFont(const QFont& base)
{
    QFont small(base);
    if (base.pointSizeF() > 0)
        small.setPointSizeF(base.pointSizeF() * 0.85);
    else
        small.setPixelSize(std::max(8, base.pixelSize() * 85 / 100));
    return small;
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

} // namespace

// The rows: an optional "Load earlier" row, the messages oldest first, an optional "Load
// later" row. The data lives in the view.
class ConversationView::Model : public QAbstractListModel
{
public:
    explicit Model(ConversationView* view) : QAbstractListModel(view), m_view(view) {}

    int earlierRows() const { return m_view->m_hasEarlier ? 1 : 0; }
    int laterRows() const { return m_view->m_hasLater ? 1 : 0; }
    int firstMessageRow() const { return earlierRows(); }

    RowKind kindAt(int row) const
    {
        if (row < earlierRows())
            return RowKind::LoadEarlier;
        if (row >= earlierRows() + m_view->m_messages.size())
            return RowKind::LoadLater;
        return RowKind::Message;
    }
    const ConversationMessage* messageAt(int row) const
    {
        const int index = row - earlierRows();
        if (index < 0 || index >= m_view->m_messages.size())
            return nullptr;
        return &m_view->m_messages.at(index);
    }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override
    {
        if (parent.isValid())
            return 0;
        return earlierRows() + int(m_view->m_messages.size()) + laterRows();
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        const RowKind kind = kindAt(index.row());
        if (role == RowKindRole)
            return int(kind);
        if (kind != RowKind::Message) {
            const bool earlier = kind == RowKind::LoadEarlier;
            const bool loading = earlier ? m_view->m_loadingEarlier : m_view->m_loadingLater;
            switch (role) {
            case Qt::DisplayRole:
            case Qt::AccessibleTextRole:
                return loading   ? ConversationView::tr("Loading…")
                       : earlier ? ConversationView::tr("Load earlier messages")
                                 : ConversationView::tr("Load newer messages");
            case Qt::ToolTipRole:
                return earlier ? ConversationView::tr(
                                     "Show the messages before these (click, Enter or Space)")
                               : ConversationView::tr(
                                     "Show the messages after these (click, Enter or Space)");
            case MessageIdRole:
                return qint64(0);
            default:
                return {};
            }
        }
        const ConversationMessage& message = *messageAt(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return message.text;
        case MessageIdRole:
            return message.id;
        case OutboundRole:
            return message.isOutbound();
        case StatusTextRole:
            return footerText(message);
        case MediaRole:
            return message.media;
        case Qt::AccessibleTextRole:
            return accessibleText(message);
        case Qt::ToolTipRole:
            return toolTip(message);
        default:
            return {};
        }
    }

    Qt::ItemFlags flags(const QModelIndex& index) const override
    {
        return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
    }

    // The rows' words change (a load row says "Loading…", the language changed).
    void rowsChanged(int first, int last)
    {
        if (first <= last)
            Q_EMIT dataChanged(index(first), index(last));
    }

    using QAbstractListModel::beginInsertRows;
    using QAbstractListModel::beginRemoveRows;
    using QAbstractListModel::beginResetModel;
    using QAbstractListModel::endInsertRows;
    using QAbstractListModel::endRemoveRows;
    using QAbstractListModel::endResetModel;

private:
    static QString accessibleText(const ConversationMessage& message)
    {
        const QString time =
            QLocale().toString(localTime(message.receivedAtMs), QLocale::LongFormat);
        QString text =
            message.isOutbound()
                ? ConversationView::tr("Our message, %1, %2").arg(time, stateText(message))
                : ConversationView::tr("Their message, %1").arg(time);
        text += QStringLiteral(": ") + (message.text.isEmpty() ? ConversationView::tr("no text")
                                                               : message.text.simplified());
        if (!message.media.isEmpty())
            text += QStringLiteral(" ") +
                    ConversationView::tr("Media: %1").arg(message.media.join(QStringLiteral(", ")));
        return text;
    }

    static QString toolTip(const ConversationMessage& message)
    {
        QStringList lines;
        const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss t");
        lines.append((message.isOutbound() ? ConversationView::tr("Sent %1")
                                           : ConversationView::tr("Received %1"))
                         .arg(localTime(message.receivedAtMs).toString(format)));
        if (message.providerTimeMs && *message.providerTimeMs != message.receivedAtMs)
            lines.append(ConversationView::tr("Provider's time %1")
                             .arg(localTime(*message.providerTimeMs).toString(format)));
        if (message.isOutbound())
            lines.append(stateText(message));
        lines.append(
            ConversationView::tr("Message #%1 via %2").arg(message.id).arg(message.provider));
        return lines.join(QLatin1Char('\n'));
    }

    ConversationView* m_view;
};

// Paints a row: a bubble on its side with the text and the media links, the time and state
// under it, the date above the first message of a day; or a load row.
class ConversationView::Delegate : public QStyledItemDelegate
{
public:
    explicit Delegate(ConversationView* view) : QStyledItemDelegate(view), m_view(view) {}

    struct MediaLine
    {
        QRect rect;
        QString url;
        bool link = false;
    };
    struct Layout
    {
        QString day; // the date header; empty: none
        QRect dayRect;
        QRect bubble;
        QPoint textTopLeft;
        std::optional<QSize> textSize; // none: no text (a placeholder is shown)
        QList<MediaLine> media;
        QRect footer;
        int height = 0;
    };

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const int width = viewWidth();
        if (static_cast<RowKind>(index.data(RowKindRole).toInt()) != RowKind::Message)
            return {width, loadRowHeight(option.font)};
        return {width, layoutFor(option.font, QRect(0, 0, width, 0), index).height};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (!index.isValid())
            return;
        const QPalette::ColorGroup group =
            !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (option.state & QStyle::State_Active) ? QPalette::Active
                                                    : QPalette::Inactive;
        const QPalette& palette = option.palette;
        const QColor text = palette.color(group, QPalette::Text);
        const QColor base = palette.color(group, QPalette::Base);
        const QColor highlight = palette.color(group, QPalette::Highlight);
        const QColor dim = blend(text, base, 0.62);
        const bool selected = option.state & QStyle::State_Selected;

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        const auto kind = static_cast<RowKind>(index.data(RowKindRole).toInt());
        if (kind != RowKind::Message) {
            const bool loading =
                kind == RowKind::LoadEarlier ? m_view->m_loadingEarlier : m_view->m_loadingLater;
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

        const int row = index.row() - m_view->m_model->firstMessageRow();
        if (row < 0 || row >= m_view->m_messages.size()) {
            painter->restore();
            return;
        }
        const ConversationMessage& message = m_view->m_messages.at(row);
        const Layout layout = layoutFor(option.font, option.rect, index);
        const bool outbound = message.isOutbound();
        const QColor error = errorColor(palette);

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
        const QColor fill = outbound ? blend(highlight, base, 0.22) : blend(text, base, 0.08);
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

        // The media, one per line: links underlined in the link colour.
        for (const MediaLine& line : layout.media) {
            QFont font = option.font;
            font.setUnderline(line.link);
            painter->setFont(font);
            painter->setPen(line.link ? palette.color(group, QPalette::Link) : dim);
            painter->drawText(
                line.rect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(font).elidedText(line.url, Qt::ElideMiddle, line.rect.width()));
        }

        // Time and state under the bubble, on its side.
        painter->setFont(small);
        painter->setPen(message.isFailed() ? error : dim);
        painter->drawText(layout.footer,
                          (outbound ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                          index.data(StatusTextRole).toString());
        painter->restore();
    }

    // The layout of message row `index` in `rect` (its height is not used).
    Layout layoutFor(const QFont& font, const QRect& rect, const QModelIndex& index) const
    {
        Layout layout;
        const int row = index.row() - m_view->m_model->firstMessageRow();
        if (row < 0 || row >= m_view->m_messages.size())
            return layout;
        const ConversationMessage& message = m_view->m_messages.at(row);
        const QFontMetrics metrics(font);
        const QFont small = smallFont(font);
        const QFontMetrics smallMetrics(small);
        int y = rect.top();

        // A new day: its date first.
        const QDate date = localTime(message.receivedAtMs).date();
        const bool newDay =
            row == 0 || localTime(m_view->m_messages.at(row - 1).receivedAtMs).date() != date;
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
        QList<int> mediaTops;
        for (const QString& url : message.media) {
            if (contentHeight > 0)
                contentHeight += 2;
            mediaTops.append(contentHeight);
            contentWidth =
                std::max(contentWidth, std::min(maxText, metrics.horizontalAdvance(url)));
            contentHeight += metrics.height();
        }

        const int bubbleWidth = std::max(kMinBubbleWidth, contentWidth + 2 * kPadX);
        const bool outbound = message.isOutbound();
        const int bubbleLeft =
            outbound ? rect.right() + 1 - kSide - bubbleWidth : rect.left() + kSide;
        layout.bubble = QRect(bubbleLeft, y + kGap, bubbleWidth, contentHeight + 2 * kPadY);
        layout.textTopLeft = QPoint(bubbleLeft + kPadX, layout.bubble.top() + kPadY);
        for (int i = 0; i < message.media.size(); ++i) {
            const QString& url = message.media.at(i);
            layout.media.append(
                {QRect(bubbleLeft + kPadX, layout.textTopLeft.y() + mediaTops.at(i),
                       std::min(maxText, metrics.horizontalAdvance(url)), metrics.height()),
                 url, isLink(url)});
        }
        const int footerWidth = std::max(bubbleWidth, rect.width() / 2);
        layout.footer =
            QRect(outbound ? rect.right() + 1 - kSide - footerWidth : bubbleLeft,
                  layout.bubble.bottom() + 1 + kFooterGap, footerWidth, smallMetrics.height());
        layout.height = layout.footer.bottom() + 1 + kGap - rect.top();
        return layout;
    }

    // The link under `pos` in message row `index` painted in `rect`; empty when none.
    QString linkAt(const QFont& font, const QRect& rect, const QModelIndex& index,
                   const QPoint& pos) const
    {
        if (static_cast<RowKind>(index.data(RowKindRole).toInt()) != RowKind::Message)
            return {};
        const Layout layout = layoutFor(font, rect, index);
        for (const MediaLine& line : layout.media) {
            if (line.link && line.rect.contains(pos))
                return line.url;
        }
        return {};
    }

private:
    static QString noText() { return ConversationView::tr("(no text)"); }

    int viewWidth() const { return std::max(200, m_view->m_list->viewport()->width()); }

    static int textWidthFor(int rowWidth)
    {
        // A bubble takes at most three quarters of the row.
        return std::max(kMinBubbleWidth, (rowWidth - 2 * kSide) * 3 / 4 - 2 * kPadX);
    }

    static int loadRowHeight(const QFont& font)
    {
        return QFontMetrics(font).height() + 2 * kPadY + 2 * kGap;
    }

    const ConversationView* m_view;
};

ConversationView::ConversationView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Messages"));
    m_model = new Model(this);
    m_delegate = new Delegate(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setMouseTracking(true);
    m_list->verticalScrollBar()->setSingleStep(16);
    // No row background (the delegate paints none): the bubbles are the rows.
    m_list->setAlternatingRowColors(false);
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    layout->addWidget(m_list);
    setFocusProxy(m_list);

    m_copyAction = new QAction(tr("&Copy message"), this);
    m_copyAction->setObjectName(QStringLiteral("copyMessageAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyAction, &QAction::triggered, this, &ConversationView::copySelected);
    m_list->addAction(m_copyAction);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_list, &QAbstractItemView::clicked, this, &ConversationView::activate);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copyAction->setEnabled(selectedMessageId() > 0); });
    m_copyAction->setEnabled(false);
}

ConversationView::~ConversationView() = default;

QAbstractItemModel* ConversationView::model() const
{
    return m_model;
}

bool ConversationView::isLink(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

QString ConversationView::stateText(const ConversationMessage& message)
{
    if (!message.isOutbound())
        return {};
    const QString& status = message.status;
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("failed")) {
        return message.errorCode.isEmpty() ? tr("Failed")
                                           : tr("Failed, error %1").arg(message.errorCode);
    }
    if (status == QLatin1String("unknown") || status.isEmpty())
        return tr("State unknown");
    return status;
}

QString ConversationView::footerText(const ConversationMessage& message)
{
    const QString time = localTime(message.receivedAtMs).toString(QStringLiteral("HH:mm"));
    if (!message.isOutbound())
        return time;
    return tr("%1 \u00b7 %2").arg(time, stateText(message));
}

void ConversationView::clear()
{
    m_model->beginResetModel();
    m_thread = {};
    m_messages.clear();
    m_hasEarlier = m_hasLater = false;
    m_loadingEarlier = m_loadingLater = false;
    m_model->endResetModel();
}

void ConversationView::setPage(const ConversationReader::Page& page)
{
    m_model->beginResetModel();
    m_thread = page.thread;
    m_messages = page.messages;
    m_hasEarlier = page.hasEarlier && !page.messages.isEmpty();
    m_hasLater = page.hasLater && !page.messages.isEmpty();
    m_loadingEarlier = m_loadingLater = false;
    m_model->endResetModel();
    m_list->scrollToBottom();
}

QList<ConversationMessage>
ConversationView::unseen(const QList<ConversationMessage>& messages) const
{
    QSet<qint64> shown;
    for (const ConversationMessage& message : std::as_const(m_messages))
        shown.insert(message.id);
    QList<ConversationMessage> fresh;
    for (const ConversationMessage& message : messages) {
        if (!shown.contains(message.id))
            fresh.append(message);
    }
    return fresh;
}

void ConversationView::prependPage(const ConversationReader::Page& page)
{
    const QList<ConversationMessage> added = unseen(page.messages);
    // The message at the top of the view (or the first one) stays where it is on screen.
    qint64 anchorId = 0;
    int anchorTop = 0;
    if (!m_messages.isEmpty()) {
        QModelIndex anchor = m_list->indexAt(QPoint(1, 1));
        if (!anchor.isValid() || anchor.data(MessageIdRole).toLongLong() == 0)
            anchor = m_model->index(m_model->firstMessageRow());
        anchorId = anchor.data(MessageIdRole).toLongLong();
        anchorTop = m_list->visualRect(anchor).top();
    }
    m_loadingEarlier = false;
    if (!added.isEmpty()) {
        const int first = m_model->firstMessageRow();
        m_model->beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_messages = added + m_messages;
        m_model->endInsertRows();
        // The message that was first may lose its date header.
        const int next = first + int(added.size());
        m_model->rowsChanged(next, next);
    }
    if (m_hasEarlier && !page.hasEarlier) {
        m_model->beginRemoveRows(QModelIndex(), 0, 0);
        m_hasEarlier = false;
        m_model->endRemoveRows();
    } else if (m_hasEarlier) {
        m_model->rowsChanged(0, 0); // "Loading…" again "Load earlier messages"
    }
    // What came in above moved the rows in view down: back to where they were.
    if (const int row = rowOf(anchorId); row >= 0) {
        m_list->doItemsLayout();
        QScrollBar* bar = m_list->verticalScrollBar();
        bar->setValue(bar->value() + m_list->visualRect(m_model->index(row)).top() - anchorTop);
    }
}

void ConversationView::appendPage(const ConversationReader::Page& page)
{
    const QList<ConversationMessage> added = unseen(page.messages);
    m_loadingLater = false;
    if (!added.isEmpty()) {
        const int first = m_model->firstMessageRow() + int(m_messages.size());
        m_model->beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_messages += added;
        m_model->endInsertRows();
    }
    const int laterRow = m_model->rowCount() - 1;
    if (m_hasLater && !page.hasLater) {
        m_model->beginRemoveRows(QModelIndex(), laterRow, laterRow);
        m_hasLater = false;
        m_model->endRemoveRows();
    } else if (m_hasLater) {
        m_model->rowsChanged(laterRow, laterRow);
    }
}

void ConversationView::loadFailed()
{
    m_loadingEarlier = m_loadingLater = false;
    m_model->rowsChanged(0, m_model->rowCount() - 1);
}

int ConversationView::rowOf(qint64 id) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return m_model->firstMessageRow() + i;
    }
    return -1;
}

QRect ConversationView::mediaRect(qint64 id, int mediaIndex) const
{
    const int row = rowOf(id);
    if (row < 0)
        return {};
    const QModelIndex index = m_model->index(row);
    const Delegate::Layout layout =
        m_delegate->layoutFor(m_list->font(), m_list->visualRect(index), index);
    return mediaIndex >= 0 && mediaIndex < layout.media.size() ? layout.media.at(mediaIndex).rect
                                                               : QRect();
}

bool ConversationView::setHighlightedMessage(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    // Once the view has its size (a dialog being shown lays it out again), still in view.
    QTimer::singleShot(0, m_list, [this, id] {
        const int now = rowOf(id);
        if (now >= 0 && selectedMessageId() == id) {
            m_list->doItemsLayout();
            m_list->scrollTo(m_model->index(now), QAbstractItemView::PositionAtCenter);
        }
    });
    return true;
}

qint64 ConversationView::selectedMessageId() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return 0;
    return selected.constFirst().data(MessageIdRole).toLongLong();
}

void ConversationView::copySelected() const
{
    const int row = rowOf(selectedMessageId());
    const ConversationMessage* message = row >= 0 ? m_model->messageAt(row) : nullptr;
    if (!message)
        return;
    QStringList parts;
    if (!message->text.isEmpty())
        parts.append(message->text);
    parts += message->media;
    QGuiApplication::clipboard()->setText(parts.join(QLatin1Char('\n')));
}

void ConversationView::requestEarlier()
{
    if (!m_hasEarlier || m_loadingEarlier || m_messages.isEmpty())
        return;
    m_loadingEarlier = true;
    m_model->rowsChanged(0, 0);
    Q_EMIT earlierRequested(ConversationReader::Cursor::of(m_messages.constFirst()));
}

void ConversationView::requestLater()
{
    if (!m_hasLater || m_loadingLater || m_messages.isEmpty())
        return;
    m_loadingLater = true;
    const int row = m_model->rowCount() - 1;
    m_model->rowsChanged(row, row);
    Q_EMIT laterRequested(ConversationReader::Cursor::of(m_messages.constLast()));
}

void ConversationView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    switch (static_cast<RowKind>(index.data(RowKindRole).toInt())) {
    case RowKind::LoadEarlier:
        requestEarlier();
        break;
    case RowKind::LoadLater:
        requestLater();
        break;
    case RowKind::Message:
        break;
    }
}

QString ConversationView::linkAt(const QPoint& viewportPos) const
{
    const QModelIndex index = m_list->indexAt(viewportPos);
    if (!index.isValid())
        return {};
    return m_delegate->linkAt(m_list->font(), m_list->visualRect(index), index, viewportPos);
}

bool ConversationView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
            key->key() == Qt::Key_Space) {
            const QModelIndex current = m_list->currentIndex();
            if (current.isValid() &&
                static_cast<RowKind>(current.data(RowKindRole).toInt()) != RowKind::Message) {
                activate(current);
                return true;
            }
        }
    } else if (watched == m_list->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            const QPoint pos = mouse->position().toPoint();
            const QModelIndex index = m_list->indexAt(pos);
            const bool loadRow =
                index.isValid() &&
                static_cast<RowKind>(index.data(RowKindRole).toInt()) != RowKind::Message;
            const QString link = linkAt(pos);
            if (loadRow || !link.isEmpty())
                m_list->viewport()->setCursor(Qt::PointingHandCursor);
            else
                m_list->viewport()->unsetCursor();
        } else if (event->type() == QEvent::ToolTip) {
            // Over a link: the whole URL (the row's tooltip elsewhere).
            const auto* help = static_cast<QHelpEvent*>(event);
            const QString link = linkAt(help->pos());
            if (!link.isEmpty()) {
                QToolTip::showText(help->globalPos(), link, m_list->viewport());
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() == Qt::LeftButton) {
                const QString link = linkAt(mouse->position().toPoint());
                if (!link.isEmpty()) {
                    const QUrl url(link, QUrl::StrictMode);
                    Q_EMIT linkActivated(url);
                    QDesktopServices::openUrl(url);
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_copyAction->setText(tr("&Copy message"));
        m_list->setAccessibleName(tr("Messages"));
        m_model->rowsChanged(0, m_model->rowCount() - 1);
    }
    QWidget::changeEvent(event);
}

} // namespace smsdesk
