#include "SendResult.h"

namespace smsdesk {

QString SendResult::outcomeName() const
{
    switch (outcome) {
    case Outcome::Accepted:
        return QStringLiteral("accepted");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::HttpError:
        return QStringLiteral("http-error");
    case Outcome::BadAnswer:
        return QStringLiteral("bad-answer");
    case Outcome::NotSent:
        return QStringLiteral("not-sent");
    case Outcome::NoAnswer:
        return QStringLiteral("no-answer");
    }
    return {};
}

QString SendResult::describe() const
{
    QString text = QStringLiteral("POST %1 from %2 to %3").arg(url, from, to);
    if (httpStatus > 0) {
        text += QStringLiteral(": HTTP %1").arg(httpStatus);
        QString body = QString::fromUtf8(answer).simplified();
        if (body.size() > 300)
            body = body.left(300) + QStringLiteral("…");
        text += body.isEmpty() ? QStringLiteral(" (empty answer)") : QStringLiteral(": ") + body;
    }
    if (!error.isEmpty())
        text += QStringLiteral(": ") + error;
    return text;
}

} // namespace smsdesk
