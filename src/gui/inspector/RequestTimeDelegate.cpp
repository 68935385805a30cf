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
    // The same precision on every row: the date goes in front when it is not today's.
    const QDateTime local = utc.toLocalTime();
    const QString time = local.toString(QStringLiteral("HH:mm:ss.zzz"));
    if (local.date() == today)
        return time;
    const QString date = QLocale().toString(local.date(), local.date().year() == today.year()
                                                              ? QStringLiteral("d MMM")
                                                              : QStringLiteral("d MMM yyyy"));
    return date + QLatin1Char(' ') + time;
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
