#include "RequestRateChart.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace smsdesk {

namespace {

constexpr int kMinutesMarked = 10;

} // namespace

RequestRateChart::RequestRateChart(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void RequestRateChart::setValues(const QVector<int>& values)
{
    if (values == m_values)
        return;
    m_values = values;
    const int peak = m_values.isEmpty() ? 0 : *std::max_element(m_values.cbegin(), m_values.cend());
    setAccessibleDescription(tr("Requests per second over the last %n minute(s), at most %1",
                                nullptr, int((m_values.size() + 59) / 60))
                                 .arg(peak));
    update();
}

int RequestRateChart::scaleFor(int peak)
{
    int scale = 1;
    while (true) {
        for (const int step : {1, 2, 5}) {
            if (peak <= scale * step)
                return scale * step;
        }
        if (scale > 100000000)
            return peak;
        scale *= 10;
    }
}

QSize RequestRateChart::sizeHint() const
{
    return {600, fontMetrics().height() * 8};
}

QSize RequestRateChart::minimumSizeHint() const
{
    return {200, fontMetrics().height() * 5};
}

void RequestRateChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int peak = m_values.isEmpty() ? 0 : *std::max_element(m_values.cbegin(), m_values.cend());
    const int scale = scaleFor(peak);
    const QString topLabel = QString::number(scale);
    const int leftMargin = metrics.horizontalAdvance(topLabel) + 6;
    const QRect plot =
        rect().adjusted(leftMargin, metrics.height() / 2, -4, -(metrics.height() + 4));
    if (plot.width() < 10 || plot.height() < 10)
        return;

    QColor grid = palette().color(QPalette::WindowText);
    grid.setAlphaF(0.15);
    const QColor text = palette().color(QPalette::PlaceholderText);
    painter.setPen(grid);
    for (int i = 0; i <= 2; ++i) {
        const int y = plot.top() + plot.height() * i / 2;
        painter.drawLine(plot.left(), y, plot.right(), y);
    }
    for (int minute = 0; minute <= kMinutesMarked; ++minute) {
        const int x = plot.left() + plot.width() * minute / kMinutesMarked;
        painter.drawLine(x, plot.top(), x, plot.bottom());
    }
    painter.setPen(text);
    painter.drawText(QRect(0, plot.top() - metrics.height() / 2, leftMargin - 4, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, topLabel);
    painter.drawText(
        QRect(0, plot.bottom() - metrics.height() / 2, leftMargin - 4, metrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const int minutes = std::max(1, int((m_values.size() + 59) / 60));
    const QRect axis(plot.left(), plot.bottom() + 2, plot.width(), metrics.height());
    painter.drawText(axis, Qt::AlignLeft | Qt::AlignTop, tr("%n min ago", nullptr, minutes));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignTop, tr("now"));

    if (m_values.size() < 2)
        return;
    const QColor line = palette().color(QPalette::Highlight);
    QColor fill = line;
    fill.setAlphaF(0.3);
    QPainterPath path;
    const double step = double(plot.width()) / double(m_values.size() - 1);
    path.moveTo(plot.left(), plot.bottom());
    for (int i = 0; i < m_values.size(); ++i) {
        const double x = plot.left() + step * i;
        const double y = plot.bottom() - double(plot.height()) * m_values.at(i) / scale;
        path.lineTo(x, y);
    }
    path.lineTo(plot.right(), plot.bottom());
    path.closeSubpath();
    painter.setPen(QPen(line, 1.5));
    painter.setBrush(fill);
    painter.drawPath(path);
}

} // namespace smsdesk
