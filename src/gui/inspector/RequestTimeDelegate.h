#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStyledItemDelegate>

namespace smsdesk {

class Clock;

// The time column of the Inspector's request table: the time of day for today's requests, the
// date too for older ones (RequestLogModel's tooltip has the full UTC time), so the column
// leaves room for the others. "Today" is the clock's, in local time.
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
