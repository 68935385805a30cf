#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace smsdesk {

// Reads the contacts in a vCard file as phones and address books export them: vCard 2.1
// (Android: bare TYPE parameters, QUOTED-PRINTABLE with soft line breaks, CHARSET), 3.0 (iOS,
// Google Contacts) and 4.0 (RFC 6350): folded lines, escapes (\, \; \n), property groups
// ("item1.TEL"), CRLF or LF. What SMS Desk needs of a card is its name, its telephone numbers
// and a note; everything else is skipped. Lenient: a card without a name or a number is
// reported, not fatal, and the other cards are read. (Debian's libbelcard refuses vCard 2.1
// and 3.0 outright, which is most of what phones export, so this small reader exists.)
// Pure logic: bytes in, cards out.
class VCardReader
{
public:
    struct Phone
    {
        QString number;    // as written: "+1 (404) 555-1234"
        QStringList types; // lower case: "cell", "work", "voice" …
    };

    struct Card
    {
        int line = 0; // where BEGIN:VCARD is, 1-based
        QString name; // FN, else N as "Given Family", else ORG
        QString note; // NOTE, line breaks kept
        QList<Phone> phones;
    };

    struct Problem
    {
        int line = 0;
        QString reason;
    };

    struct Result
    {
        QList<Card> cards;
        QList<Problem> problems;
    };

    static Result read(const QByteArray& data);
};

} // namespace smsdesk
