#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStyledItemDelegate>

namespace smsdesk {

class Clock;

// The time column of the Inspector's request table: the time of day to the millisecond for
// today's requests, with the date in front for older ones (the year too when it is not this
// one), so the column leaves room for the others while every row is as precise
// (RequestLogModel's tooltip has the full UTC time). "Today" is the clock's, in local time.
class RequestTimeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `clock` must outlive the delegate.
    RequestTimeDelegate(const Clock& clock, QObject* parent = nullptr);

    // What the column shows for a request received at `utc` when it is `today` (local).
    static QString text(const QDateTime& utc, const QDate& today);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    const Clock& m_clock;
};

} // namespace smsdesk
