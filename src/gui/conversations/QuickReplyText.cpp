#include "QuickReplyText.h"

#include <QLocale>
#include <QRegularExpression>

namespace smsdesk {

QString QuickReplyText::expand(const QString& text, const Values& values)
{
    // One pass: a name holding "{date}" stays as it is.
    static const QRegularExpression placeholder(QStringLiteral("\\{(number|name|date)\\}"));
    QString out;
    qsizetype done = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(done, match.capturedStart() - done);
        const QString key = match.captured(1);
        if (key == QLatin1String("number"))
            out += values.number;
        else if (key == QLatin1String("name"))
            out += values.name.isEmpty() ? values.number : values.name;
        else if (values.date.isValid())
            out += QLocale().toString(values.date, QLocale::ShortFormat);
        done = match.capturedEnd();
    }
    out += text.mid(done);
    return out;
}

QStringList QuickReplyText::placeholders()
{
    return {QStringLiteral("{number}"), QStringLiteral("{name}"), QStringLiteral("{date}")};
}

QString QuickReplyText::oneLine(const QString& text)
{
    return text.simplified();
}

} // namespace smsdesk
