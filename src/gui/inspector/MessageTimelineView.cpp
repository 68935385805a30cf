#include "MessageTimelineView.h"

#include "MessageTimelineDelegate.h"
#include "MessageTimelineModel.h"
#include "ui_MessageTimelineView.h"

#include <QKeyEvent>
#include <QListView>
#include <algorithm>

namespace smsdesk {

MessageTimelineView::MessageTimelineView(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::MessageTimelineView>())
{
    m_ui->setupUi(this);
    m_model = new MessageTimelineModel(this);
    m_ui->laneView->setModel(m_model);
    m_ui->laneView->setItemDelegate(new MessageTimelineDelegate(this));
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

const MessageTimeline* MessageTimelineView::timeline() const
{
    return m_model->timeline();
}

void MessageTimelineView::setTimeline(const MessageTimeline& timeline)
{
    m_model->setTimeline(timeline);
    showSummary();
    m_ui->stack->setCurrentWidget(m_ui->timelinePage);
}

void MessageTimelineView::clear()
{
    m_model->clear();
    m_ui->summaryLabel->clear();
    m_ui->stack->setCurrentWidget(m_ui->placeholderPage);
}

bool MessageTimelineView::selectRequest(qint64 requestLogId)
{
    const int row = timeline() ? timeline()->indexOfRequest(requestLogId) : -1;
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
    const qint64 requestLogId = index.data(MessageTimelineModel::RequestLogIdRole).toLongLong();
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
        m_model->retranslate();
        if (timeline())
            showSummary();
    }
    QWidget::changeEvent(event);
}

void MessageTimelineView::showSummary()
{
    const MessageTimeline& timeline = *m_model->timeline();
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

    QString status = tr("Status: <b><span style=\"color:%1\">%2</span></b>")
                         .arg(MessageTimelineModel::statusColor(timeline.currentStatus).name(),
                              escaped(MessageTimelineModel::statusWord(timeline.currentStatus)));
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
