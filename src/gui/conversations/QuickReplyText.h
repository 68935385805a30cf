#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace smsdesk {

// A quick reply's placeholders, filled when it is inserted in the compose box: {number} (the
// other party as the thread shows it), {name} (their contact name; the number when they have
// none) and {date} (today, in the user's short format). Unknown braces stay as they are. Pure
// logic, no widgets.
class QuickReplyText
{
public:
    struct Values
    {
        QString number;
        QString name;
        QDate date;
    };

    static QString expand(const QString& text, const Values& values);
    // The placeholders, as typed: "{number}", "{name}", "{date}".
    static QStringList placeholders();
    // One line of a reply for a list: line breaks shown as spaces.
    static QString oneLine(const QString& text);
};

} // namespace smsdesk
