#include "OptOutKeywords.h"

#include <QStringList>

namespace smsdesk {

QStringList OptOutKeywords::optOutWords()
{
    return {QStringLiteral("STOP"),   QStringLiteral("STOPALL"), QStringLiteral("UNSUBSCRIBE"),
            QStringLiteral("CANCEL"), QStringLiteral("END"),     QStringLiteral("QUIT")};
}

QStringList OptOutKeywords::optInWords()
{
    return {QStringLiteral("START"), QStringLiteral("UNSTOP"), QStringLiteral("YES")};
}

QString OptOutKeywords::keywordOf(const QString& text)
{
    static const QStringList words = optOutWords() + optInWords();
    QString word = text.trimmed();
    while (word.endsWith(u'.') || word.endsWith(u'!'))
        word.chop(1);
    word = word.trimmed().toUpper();
    return words.contains(word) ? word : QString();
}

OptOutKeywords::Effect OptOutKeywords::effectOf(const QString& text)
{
    static const QStringList optOut = optOutWords();
    const QString word = keywordOf(text);
    if (word.isEmpty())
        return Effect::None;
    return optOut.contains(word) ? Effect::OptOut : Effect::OptIn;
}

} // namespace smsdesk
