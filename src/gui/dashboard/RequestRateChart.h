#pragma once

#include <QVector>
#include <QWidget>

namespace smsdesk {

// The Dashboard's live chart of requests per second: one value per second, oldest first,
// painted as a filled line over a grid, its scale a round number at or above the peak, the
// time axis marked in minutes back from now. Qt Charts has no Qt 6 package in Debian 12, so
// it paints itself.
class RequestRateChart : public QWidget
{
    Q_OBJECT

public:
    explicit RequestRateChart(QWidget* parent = nullptr);

    // Requests in each second, oldest first (the last one is now).
    void setValues(const QVector<int>& values);
    const QVector<int>& values() const { return m_values; }
    // The top of the scale for `peak` requests per second: 1, 2, 5, 10, 20, 50 …
    static int scaleFor(int peak);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<int> m_values;
};

} // namespace smsdesk
