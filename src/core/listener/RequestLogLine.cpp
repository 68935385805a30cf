#include "RequestLogLine.h"

#include <QDateTime>

namespace smsdesk {

namespace {

void appendPadded(QString* text, qint64 value, int width)
{
    const QString digits = QString::number(value);
    for (auto i = digits.size(); i < width; ++i)
        text->append(QLatin1Char('0'));
    text->append(digits);
}

} // namespace

QString RequestLogLine::format(const ListenerEvent& event)
{
    // Floor division: times before 1970 still take their own second.
    const qint64 ms = event.receivedAtMs;
    const qint64 second = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    if (second != m_second) {
        m_second = second;
        m_secondText = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
        m_secondText.chop(1); // "Z"
        m_secondText.append(QLatin1Char('.'));
    }
    QString line;
    line.reserve(m_secondText.size() + event.peer.size() + event.target.size() + event.did.size() +
                 event.remote.size() + event.reason.size() + 64);
    line.append(m_secondText);
    appendPadded(&line, ms - second * 1000, 3);
    line.append(QLatin1String("Z "));
    line.append(event.peer);
    line.append(QLatin1Char(' '));
    line.append(event.method);
    line.append(QLatin1Char(' '));
    line.append(event.target);
    line.append(QLatin1Char(' '));
    line.append(QString::number(event.status));
    line.append(QLatin1Char(' '));
    line.append(event.outcome);
    line.append(QLatin1Char(' '));
    const qint64 hundredths = (std::max<qint64>(0, event.latencyUs) + 5) / 10; // rounded
    line.append(QString::number(hundredths / 100));
    line.append(QLatin1Char('.'));
    appendPadded(&line, hundredths % 100, 2);
    line.append(QLatin1String(" ms"));
    if (!event.did.isEmpty()) {
        line.append(QLatin1Char(' '));
        line.append(event.remote);
        line.append(QLatin1String(" -> "));
        line.append(event.did);
    }
    if (!event.reason.isEmpty()) {
        line.append(QLatin1String(" ("));
        line.append(event.reason);
        line.append(QLatin1Char(')'));
    }
    return line;
}

} // namespace smsdesk
