#pragma once

#include <QString>

namespace smsdesk {

// The carrier keywords that opt a sender out of a number's messages and back in: a message
// that is, as a whole and in any case, STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT opts
// out; START, UNSTOP or YES opts back in. Spaces around the word and a closing '.' or '!' are
// allowed ("Stop." is a STOP); a keyword inside a sentence ("please don't stop") is not one.
// Pure.
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
};

} // namespace smsdesk
