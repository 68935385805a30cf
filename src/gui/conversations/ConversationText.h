#pragma once

#include "store/ConversationSummary.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace smsdesk {

// The words of the Conversations page, without widgets: how a thread's other party, the time
// of its newest message and its preview read in the thread list, and where a search's words
// are in a text. Pure functions of their arguments.
class ConversationText
{
public:
    // The other party as a person reads it: national format when it is in the country of our
    // number `did` ("(770) 555-1234"), international otherwise ("+44 20 7946 0018"); an
    // alphanumeric sender ("ACME") as it came.
    static QString remote(const QString& remote, const QString& did);
    // The other party as the lists and the thread's title show it: their contact name, else
    // remote().
    static QString party(const QString& remote, const QString& did, const QString& contactName);
    // Our number as the thread list names it: its label when it has one, else its national
    // format.
    static QString number(const QString& did, const QString& label);

    // When the newest message came, short, in the local time zone of `now`: the time today
    // ("14:05"), the weekday within the last six days ("Mon"), the day this year ("12 Feb"),
    // else the date ("12 Feb 2024").
    static QString listTime(qint64 atMs, const QDateTime& now);
    // The whole local date and time, for a tooltip.
    static QString fullTime(qint64 atMs);

    // What the list says under the party: the draft ("Draft: …") when there is one, else the
    // newest message's first line ("You: …" for ours), or its media ("Photo or file") when it
    // has no text.
    static QString preview(const ConversationSummary& summary);
    // The whole row in words, for screen readers and tooltips.
    static QString accessible(const ConversationSummary& summary, const QString& party);

    // Where `words` (a search's words) begin a word of `text`, as [start, length) ranges in
    // text order, case-insensitively.
    static QList<QPair<int, int>> matches(const QString& text, const QStringList& words);
    // About `maxChars` characters of `text` on one line around its first match: an ellipsis
    // where the text was cut.
    static QString snippet(const QString& text, const QStringList& words, int maxChars = 120);
};

} // namespace smsdesk
