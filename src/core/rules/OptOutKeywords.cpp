#include "OptOutKeywords.h"

#include <QStringList>

namespace smsdesk {

OptOutKeywords::Effect OptOutKeywords::effectOf(const QString& text)
{
    static const QStringList optOut = {QStringLiteral("STOP"),        QStringLiteral("STOPALL"),
                                       QStringLiteral("UNSUBSCRIBE"), QStringLiteral("CANCEL"),
                                       QStringLiteral("END"),         QStringLiteral("QUIT")};
    static const QStringList optIn = {QStringLiteral("START"), QStringLiteral("UNSTOP"),
                                      QStringLiteral("YES")};
    QString word = text.trimmed();
    while (word.endsWith(u'.') || word.endsWith(u'!'))
        word.chop(1);
    word = word.trimmed().toUpper();
    if (optOut.contains(word))
        return Effect::OptOut;
    if (optIn.contains(word))
        return Effect::OptIn;
    return Effect::None;
}

} // namespace smsdesk
