#pragma once

#include "WeeklySchedule.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// One number's automatic replies (onCloud's synchronous reply): keyword rules, checked in
// order, the first whose keyword stands in the message as a whole word (any case) answering;
// then, when no keyword matched and the message came outside the business hours, the
// out-of-hours message. Stored as JSON (toJson/fromJson). A pure value: which reply a message
// gets is decided here; whether it may be sent (the plan guard), storing it and answering the
// webhook are the caller's.
class AutoReplyRules
{
public:
    struct KeywordRule
    {
        QString keyword; // a word or a phrase ("hours", "opening times")
        QString reply;
        QStringList media; // http(s) URLs sent with the reply
        bool operator==(const KeywordRule& other) const
        {
            return keyword == other.keyword && reply == other.reply && media == other.media;
        }
    };

    struct Reply
    {
        QString text;
        QStringList media;
        QString reason; // "keyword \"hours\"", "out of hours": for the request log
    };

    QList<KeywordRule> keywordRules;
    bool outOfHoursEnabled = false;
    WeeklySchedule businessHours;
    QString outOfHoursReply;

    bool isEmpty() const { return keywordRules.isEmpty() && !outOfHoursEnabled; }

    // The reply `text`, received at `at`, gets; std::nullopt for none.
    std::optional<Reply> replyFor(const QString& text, const QDateTime& at) const;

    // Whether `keyword` stands in `text` as a whole word or phrase, in any case ("Hours?"
    // matches "hours"; "hoursly" does not).
    static bool containsWord(const QString& text, const QString& keyword);

    // What makes the rules unusable (an empty keyword or reply, a media link that is not
    // http(s), out of hours on with no message or no hours); empty when they are fine.
    QString problem() const;

    QByteArray toJson() const;
    // std::nullopt with *error set when `json` is not rules this version wrote.
    static std::optional<AutoReplyRules> fromJson(const QByteArray& json, QString* error);

    bool operator==(const AutoReplyRules& other) const;
};

} // namespace smsdesk
