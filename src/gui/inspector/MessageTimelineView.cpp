#include "MessageTimelineView.h"

#include "RequestDetailPane.h"
#include "RequestLogModel.h"
#include "listener/ListenerEvent.h"
#include "ui_MessageTimelineView.h"

#include <QApplication>
#include <QDateTime>
#include <QKeyEvent>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <algorithm>
#include <limits>

namespace smsdesk {

using Event = MessageTimeline::Event;
using Kind = MessageTimeline::Event::Kind;

namespace {

const QColor kBlue(0x15, 0x65, 0xc0);
const QColor kGreen(0x2e, 0x7d, 0x32);
const QColor kRed(0xc6, 0x28, 0x28);
const QColor kAmber(0xb2, 0x7b, 0x00);
const QColor kSlate(0x45, 0x5a, 0x64);

constexpr int kPad = 4;
constexpr int kLaneWidth = 22;
constexpr int kMarkerRadius = 5;

} // namespace

// What one lane item shows, worked out once per timeline.
struct MessageTimelineView::Row
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
};

// Paints a Row: time | lane with marker | title with tags over the detail line.
class MessageTimelineView::Delegate : public QStyledItemDelegate
{
public:
    explicit Delegate(MessageTimelineView* view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        const Fonts fonts(option.font);
        return {timeWidth(option.font) + kLaneWidth + 200,
                kPad + fonts.titleHeight() + 2 + fonts.smallHeight() + kPad};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (!index.isValid() || index.row() >= static_cast<int>(m_view->m_rows.size()))
            return;
        const Row& row = m_view->m_rows.at(static_cast<std::size_t>(index.row()));
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        // The background: selection, hover and focus as the style draws them.
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : (opt.state & QStyle::State_Active)
                                               ? QPalette::Active
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
        painter->drawText(
            QRect(textX, line2Top, textWidth, fonts.smallHeight()),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(fonts.small).elidedText(row.detail, Qt::ElideRight, textWidth));
        painter->restore();
    }

private:
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

    static int timeWidth(const QFont& font)
    {
        return QFontMetrics(font).horizontalAdvance(QStringLiteral("88:88:88.888")) + 3 * kPad;
    }

    static QColor blend(const QColor& a, const QColor& b, double share)
    {
        return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                                float(a.greenF() * share + b.greenF() * (1 - share)),
                                float(a.blueF() * share + b.blueF() * (1 - share)));
    }

    static void drawMarker(QPainter* painter, const Row& row, QPoint center,
                           const QColor& background)
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

    const MessageTimelineView* m_view;
};

MessageTimelineView::MessageTimelineView(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::MessageTimelineView>())
{
    m_ui->setupUi(this);
    m_model = new QStandardItemModel(this);
    m_delegate = new Delegate(this);
    m_ui->laneView->setModel(m_model);
    m_ui->laneView->setItemDelegate(m_delegate);
    m_ui->laneView->installEventFilter(this);
    connect(m_ui->laneView, &QAbstractItemView::clicked, this, &MessageTimelineView::activate);
    setFocusProxy(m_ui->laneView);
    clear();
}

MessageTimelineView::~MessageTimelineView() = default;

QListView* MessageTimelineView::lane() const
{
    return m_ui->laneView;
}

QAbstractItemModel* MessageTimelineView::model() const
{
    return m_model;
}

void MessageTimelineView::setTimeline(const MessageTimeline& timeline)
{
    m_timeline = timeline;
    rebuild();
    m_ui->stack->setCurrentWidget(m_ui->timelinePage);
}

void MessageTimelineView::clear()
{
    m_timeline.reset();
    rebuild();
    m_ui->stack->setCurrentWidget(m_ui->placeholderPage);
}

bool MessageTimelineView::selectRequest(qint64 requestLogId)
{
    const int row = m_timeline ? m_timeline->indexOfRequest(requestLogId) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_ui->laneView->setCurrentIndex(index);
    m_ui->laneView->scrollTo(index);
    return true;
}

void MessageTimelineView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const qint64 requestLogId = index.data(RequestLogIdRole).toLongLong();
    if (requestLogId > 0)
        Q_EMIT requestActivated(requestLogId);
}

bool MessageTimelineView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->laneView && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activate(m_ui->laneView->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MessageTimelineView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rebuild();
    }
    QWidget::changeEvent(event);
}

QString MessageTimelineView::statusWord(const QString& status)
{
    if (status == QLatin1String("queued"))
        return tr("queued");
    if (status == QLatin1String("sent"))
        return tr("sent");
    if (status == QLatin1String("delivered"))
        return tr("delivered");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("received"))
        return tr("received");
    if (status == QLatin1String("unknown"))
        return tr("unknown");
    return status;
}

QString MessageTimelineView::outcomeWord(const QString& outcome)
{
    if (outcome == ListenerEvent::accepted())
        return tr("accepted");
    if (outcome == ListenerEvent::duplicate())
        return tr("duplicate");
    if (outcome == ListenerEvent::unassigned())
        return tr("unassigned");
    return RequestDetailPane::outcomeText(outcome);
}

QString MessageTimelineView::timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("HH:mm:ss.zzz"));
}

QString MessageTimelineView::deltaText(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("+%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("+%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    if (ms < 3'600'000 && (ms / 1000) % 60 == 0)
        return tr("+%1 min").arg(ms / 60'000);
    if (ms < 3'600'000)
        return tr("+%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60);
    if (ms < 86'400'000)
        return tr("+%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60);
    return tr("+%1 d %2 h").arg(ms / 86'400'000).arg((ms / 3'600'000) % 24);
}

QString MessageTimelineView::responseText(const Event& event)
{
    if (!event.hasRequest())
        return {};
    if (event.responseStatus <= 0)
        return tr("no response recorded");
    if (event.latencyUs < 0)
        return tr("answered %1").arg(event.responseStatus);
    const QLocale locale;
    if (event.latencyUs < 1'000'000) {
        return tr("answered %1 in %2 ms")
            .arg(event.responseStatus)
            .arg(locale.toString(double(event.latencyUs) / 1000.0, 'f', 1));
    }
    return tr("answered %1 in %2 s")
        .arg(event.responseStatus)
        .arg(locale.toString(double(event.latencyUs) / 1'000'000.0, 'f', 1));
}

QString MessageTimelineView::titleText(const MessageTimeline& timeline, const Event& event,
                                       int deliveryNumber)
{
    switch (event.kind) {
    case Kind::Sent:
        return event.label == QLatin1String("status-report") ? tr("First seen in a status report")
                                                             : tr("Sent");
    case Kind::Delivery:
        if (timeline.isOutbound())
            return tr("Status webhook");
        if (!event.hasRequest())
            return tr("Received");
        return tr("Delivery %1").arg(deliveryNumber);
    case Kind::Duplicate:
        if (timeline.isOutbound())
            return tr("Status webhook again (a retry)");
        return tr("Delivery %1 (a retry)").arg(deliveryNumber);
    case Kind::StatusReport:
        if (!event.rawStatus.isEmpty() &&
            event.rawStatus.compare(event.label, Qt::CaseInsensitive) != 0)
            return tr("Status: %1 (%2)").arg(statusWord(event.label), event.rawStatus);
        return tr("Status: %1").arg(statusWord(event.label));
    case Kind::OmittedRequests:
        return tr("%Ln more webhook request(s) not shown", nullptr,
                  int(std::min<qint64>(event.omitted, std::numeric_limits<int>::max())));
    case Kind::OmittedReports:
        return tr("%Ln more status report(s) not shown", nullptr,
                  int(std::min<qint64>(event.omitted, std::numeric_limits<int>::max())));
    case Kind::SendAttempt: // shown plainly until the view renders send attempts
        return tr("Send attempt %1: %2").arg(event.attempt).arg(event.label);
    }
    return {};
}

QString MessageTimelineView::detailText(const MessageTimeline& timeline, const Event& event)
{
    QStringList parts;
    switch (event.kind) {
    case Kind::Sent:
        if (event.label == QLatin1String("status-report"))
            parts.append(tr("not sent from this app"));
        if (!timeline.providerMessageId.isEmpty())
            parts.append(tr("provider id %1").arg(timeline.providerMessageId));
        if (event.providerTimeMs)
            parts.append(tr("provider time %1").arg(timeText(*event.providerTimeMs)));
        break;
    case Kind::Delivery:
    case Kind::Duplicate:
        if (!event.hasRequest()) {
            parts.append(tr("its webhook request is no longer in the request log"));
            break;
        }
        parts.append(responseText(event));
        if (event.kind == Kind::Duplicate && !timeline.isOutbound())
            parts.append(tr("already stored"));
        if (!event.reason.isEmpty())
            parts.append(event.reason);
        break;
    case Kind::StatusReport:
        if (event.providerTimeMs) {
            parts.append(tr("provider time %1").arg(timeText(*event.providerTimeMs)));
            if (event.outOfOrder)
                parts.append(tr("did not change the status"));
        }
        if (!event.errorCode.isEmpty() && !event.detail.isEmpty())
            parts.append(tr("error %1: %2").arg(event.errorCode, event.detail));
        else if (!event.errorCode.isEmpty())
            parts.append(tr("error %1").arg(event.errorCode));
        else if (!event.detail.isEmpty())
            parts.append(event.detail);
        if (event.hasRequest())
            parts.append(responseText(event));
        else
            parts.append(tr("its webhook request is not shown"));
        break;
    case Kind::OmittedRequests:
    case Kind::OmittedReports:
        parts.append(tr("received between %1 and %2")
                         .arg(timeText(event.atMs), timeText(event.omittedUntilMs)));
        break;
    case Kind::SendAttempt:
        parts.append(event.errorCode.isEmpty() ? event.detail
                                               : tr("error %1").arg(event.errorCode));
        break;
    }
    QString text = parts.join(QStringLiteral(" \u00b7 "));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

void MessageTimelineView::rebuild()
{
    m_rows.clear();
    m_model->clear();
    if (!m_timeline) {
        m_ui->summaryLabel->clear();
        return;
    }
    const MessageTimeline& timeline = *m_timeline;
    QList<QStandardItem*> items;
    int deliveryNumber = 0;
    std::optional<qint64> previousAt;
    for (const Event& event : timeline.events) {
        if (!timeline.isOutbound()) {
            if (event.kind == Kind::Delivery || event.kind == Kind::Duplicate)
                ++deliveryNumber;
            else if (event.kind == Kind::OmittedRequests)
                deliveryNumber += int(std::min<qint64>(event.omitted, 1'000'000'000));
        }
        Row row;
        row.gap = event.isGap();
        row.time = row.gap ? QStringLiteral("\u22ee") : timeText(event.atMs); // vertical ellipsis
        if (!previousAt) {
            row.delta = QDateTime::fromMSecsSinceEpoch(event.atMs)
                            .toLocalTime()
                            .toString(QStringLiteral("yyyy-MM-dd"));
        } else if (!row.gap) {
            row.delta = deltaText(std::max<qint64>(0, event.atMs - *previousAt));
        }
        if (!row.gap) // after a gap: the time since the last event shown
            previousAt = event.atMs;
        row.title = titleText(timeline, event, deliveryNumber);
        row.detail = detailText(timeline, event);

        const QColor outcomeColor =
            event.outcome.isEmpty() ? kBlue
                                    : RequestLogModel::outcomeColor(RequestLogModel::outcomeClass(
                                          event.outcome, event.responseStatus));
        switch (event.kind) {
        case Kind::Sent:
            row.marker = Row::Marker::Square;
            row.color = kBlue;
            break;
        case Kind::Delivery:
            row.marker = Row::Marker::Dot;
            row.color = outcomeColor;
            break;
        case Kind::Duplicate:
            row.marker = Row::Marker::Ring;
            row.color = outcomeColor;
            break;
        case Kind::StatusReport:
            row.marker = event.outOfOrder ? Row::Marker::Hollow : Row::Marker::Diamond;
            row.color = event.outOfOrder                            ? kAmber
                        : event.label == QLatin1String("delivered") ? kGreen
                        : event.label == QLatin1String("failed")    ? kRed
                                                                    : kBlue;
            break;
        case Kind::OmittedRequests:
        case Kind::OmittedReports:
        case Kind::SendAttempt:
            row.marker = Row::Marker::None;
            row.color = kSlate;
            break;
        }
        // Outcomes, "out of order" and "current" in words, on their colour.
        if (event.kind == Kind::StatusReport) {
            if (event.outOfOrder)
                row.tags.append({tr("out of order"), kAmber});
            if (event.current)
                row.tags.append({tr("current"), kSlate});
            // Every report stored is "accepted": only another outcome is worth a tag.
            if (!event.outcome.isEmpty() && event.outcome != ListenerEvent::accepted())
                row.tags.append({outcomeWord(event.outcome), outcomeColor});
        } else if ((event.kind == Kind::Delivery || event.kind == Kind::Duplicate) &&
                   !event.outcome.isEmpty()) {
            row.tags.append({outcomeWord(event.outcome), outcomeColor});
        }
        QStringList tags;
        for (const Row::Tag& tag : std::as_const(row.tags))
            tags.append(tag.text);

        const QString oneLine = tags.isEmpty()
                                    ? row.title
                                    : tr("%1 [%2]").arg(row.title, tags.join(QStringLiteral(", ")));
        auto* item = new QStandardItem;
        item->setData(row.detail.isEmpty() ? oneLine : tr("%1 \u2014 %2").arg(oneLine, row.detail),
                      Qt::DisplayRole);
        const QString when = row.gap ? QString() : row.time + QStringLiteral(", ");
        item->setData(when +
                          (tags.isEmpty()
                               ? row.title
                               : tr("%1, %2").arg(row.title, tags.join(QStringLiteral(", ")))) +
                          (row.detail.isEmpty() ? QString() : QStringLiteral(". ") + row.detail),
                      Qt::AccessibleTextRole);
        QString tip = row.gap ? QString()
                              : QDateTime::fromMSecsSinceEpoch(event.atMs)
                                    .toLocalTime()
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
        if (event.hasRequest())
            tip += QLatin1Char('\n') + tr("Request %1: click or press Enter to show it in the "
                                          "request list")
                                           .arg(event.requestLogId);
        if (event.outOfOrder) {
            tip += QLatin1Char('\n') +
                   tr("Out of order: the provider's time of this report is earlier than that of a "
                      "report received before it. The provider sent them out of order; the "
                      "message's status stayed as it was.");
        }
        if (event.current)
            tip += QLatin1Char('\n') + tr("The message's current status comes from this report.");
        item->setData(tip.trimmed(), Qt::ToolTipRole);
        item->setData(event.requestLogId, RequestLogIdRole);
        item->setData(int(event.kind), KindRole);
        item->setData(event.outOfOrder, OutOfOrderRole);
        item->setData(event.current, CurrentRole);
        item->setEditable(false);
        items.append(item);
        m_rows.push_back(std::move(row));
    }
    m_model->invisibleRootItem()->appendRows(items);
    showSummary();
}

void MessageTimelineView::showSummary()
{
    const MessageTimeline& timeline = *m_timeline;
    const auto escaped = [](const QString& text) { return text.toHtmlEscaped(); };
    QStringList lines;
    const QString provider = timeline.provider.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" \u00b7 ") + escaped(timeline.provider);
    if (timeline.isOutbound()) {
        lines.append(tr("<b>Outbound message</b> from %1 to %2")
                         .arg(escaped(timeline.did), escaped(timeline.remote)) +
                     provider);
    } else {
        lines.append(tr("<b>Inbound message</b> from %1 to %2")
                         .arg(escaped(timeline.remote), escaped(timeline.did)) +
                     provider);
    }
    QString text = timeline.text.simplified();
    if (text.size() > 160)
        text = text.left(159) + QChar(0x2026);
    lines.append(text.isEmpty() ? tr("<i>no text</i>") : tr("\u201c%1\u201d").arg(escaped(text)));

    const QColor statusColor = timeline.currentStatus == QLatin1String("delivered") ? kGreen
                               : timeline.currentStatus == QLatin1String("failed")  ? kRed
                                                                                    : kBlue;
    QString status = tr("Status: <b><span style=\"color:%1\">%2</span></b>")
                         .arg(statusColor.name(), escaped(statusWord(timeline.currentStatus)));
    if (!timeline.errorCode.isEmpty())
        status += QLatin1Char(' ') + tr("(error %1)").arg(escaped(timeline.errorCode));
    QStringList counts;
    counts.append(tr("%Ln webhook request(s)", nullptr,
                     int(std::min<qint64>(timeline.totalRequests, 1'000'000'000))));
    if (timeline.isOutbound()) {
        counts.append(tr("%Ln status report(s)", nullptr,
                         int(std::min<qint64>(timeline.totalReports, 1'000'000'000))));
    }
    status += QStringLiteral(" \u00b7 ") + counts.join(QStringLiteral(" \u00b7 "));
    if (timeline.isTruncated())
        status += QStringLiteral(" \u00b7 ") + tr("the first and the last are shown");
    lines.append(status);
    m_ui->summaryLabel->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace smsdesk
