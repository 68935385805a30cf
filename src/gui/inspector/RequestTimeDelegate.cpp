#include "RequestTimeDelegate.h"

#include "RequestLogModel.h"
#include "util/Clock.h"

#include <QLocale>

namespace smsdesk {

RequestTimeDelegate::RequestTimeDelegate(const Clock& clock, QObject* parent)
    : QStyledItemDelegate(parent), m_clock(clock)
{}

QString RequestTimeDelegate::text(const QDateTime& utc, const QDate& today)
{
    const QDateTime local = utc.toLocalTime();
    return local.date() == today ? local.toString(QStringLiteral("HH:mm:ss.zzz"))
                                 : QLocale().toString(local, QStringLiteral("d MMM HH:mm"));
}

void RequestTimeDelegate::initStyleOption(QStyleOptionViewItem* option,
                                          const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QDateTime utc = index.data(RequestLogModel::UtcTimeRole).toDateTime();
    if (utc.isValid()) {
        const QDate today =
            QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).toLocalTime().date();
        option->text = text(utc, today);
    }
}

} // namespace smsdesk
