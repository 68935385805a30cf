#pragma once

#include <QString>
#include <QStringList>

namespace smsdesk {

// The carrier keywords that opt a sender out of a number's messages and back in: a message
// that is, as a whole and in any case, STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT opts
// out; START, UNSTOP or YES opts back in. Spaces around the word and a closing '.' or '!' are
// allowed ("Stop." is a STOP); a keyword inside a sentence ("please don't stop") is not one.
// Pure. The store applies the same rule to every inbound message it keeps (migration 11's
// trigger, built from these lists): opt_outs holds each remote's state per number.
class OptOutKeywords
{
public:
    enum class Effect
    {
        None,
        OptOut,
        OptIn,
    };

    static Effect effectOf(const QString& text);
    // The keyword `text` is, upper case ("Stop." -> "STOP"); empty when it is none.
    static QString keywordOf(const QString& text);
    // The keywords, upper case: STOP, STOPALL, …; START, UNSTOP, YES.
    static QStringList optOutWords();
    static QStringList optInWords();
};

} // namespace smsdesk
