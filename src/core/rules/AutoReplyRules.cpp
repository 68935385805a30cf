#include "AutoReplyRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::AutoReplyRules", text);
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}

QJsonArray toArray(const QStringList& list)
{
    QJsonArray array;
    for (const QString& item : list)
        array.append(item);
    return array;
}

QStringList toStringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

bool AutoReplyRules::containsWord(const QString& text, const QString& keyword)
{
    const QString needle = keyword.simplified();
    if (needle.isEmpty())
        return false;
    const QString haystack = text.simplified();
    for (qsizetype at = haystack.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = haystack.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + needle.size();
        const bool startsWord = at == 0 || !isWordCharacter(haystack.at(at - 1));
        const bool endsWord = end == haystack.size() || !isWordCharacter(haystack.at(end));
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

std::optional<AutoReplyRules::Reply> AutoReplyRules::replyFor(const QString& text,
                                                              const QDateTime& at) const
{
    for (const KeywordRule& rule : keywordRules) {
        if (containsWord(text, rule.keyword))
            return Reply{rule.reply, rule.media, tr("keyword \"%1\"").arg(rule.keyword)};
    }
    if (outOfHoursEnabled && !outOfHoursReply.isEmpty() && !businessHours.isOpen(at))
        return Reply{outOfHoursReply, {}, tr("out of hours")};
    return std::nullopt;
}

QString AutoReplyRules::problem() const
{
    for (int i = 0; i < keywordRules.size(); ++i) {
        const KeywordRule& rule = keywordRules.at(i);
        if (rule.keyword.simplified().isEmpty())
            return tr("rule %1 has no keyword").arg(i + 1);
        if (rule.reply.trimmed().isEmpty())
            return tr("the rule for \"%1\" has no reply (onCloud sends no empty reply)")
                .arg(rule.keyword);
        for (const QString& link : rule.media) {
            const QUrl url(link, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
                url.host().isEmpty())
                return tr("the rule for \"%1\": \"%2\" is not an http(s) link")
                    .arg(rule.keyword, link);
        }
    }
    if (outOfHoursEnabled) {
        if (outOfHoursReply.trimmed().isEmpty())
            return tr("the out-of-hours reply is empty");
        if (businessHours.isEmpty())
            return tr("out-of-hours replies need the business hours");
    }
    return {};
}

QByteArray AutoReplyRules::toJson() const
{
    QJsonArray rules;
    for (const KeywordRule& rule : keywordRules) {
        QJsonObject object{{QStringLiteral("keyword"), rule.keyword},
                           {QStringLiteral("reply"), rule.reply}};
        if (!rule.media.isEmpty())
            object.insert(QStringLiteral("media"), toArray(rule.media));
        rules.append(object);
    }
    const QJsonObject outOfHours{
        {QStringLiteral("enabled"), outOfHoursEnabled},
        {QStringLiteral("hours"), businessHours.toString()},
        {QStringLiteral("timeZone"), QString::fromLatin1(businessHours.timeZone().id())},
        {QStringLiteral("reply"), outOfHoursReply}};
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("keywords"), rules},
                           {QStringLiteral("outOfHours"), outOfHours}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<AutoReplyRules> AutoReplyRules::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = tr("the stored rules are not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("version")).toInt() != 1) {
        *error = tr("the stored rules have a version this program does not know");
        return std::nullopt;
    }
    AutoReplyRules rules;
    for (const QJsonValue& value : root.value(QStringLiteral("keywords")).toArray()) {
        const QJsonObject object = value.toObject();
        rules.keywordRules.append({object.value(QStringLiteral("keyword")).toString(),
                                   object.value(QStringLiteral("reply")).toString(),
                                   toStringList(object.value(QStringLiteral("media")))});
    }
    const QJsonObject outOfHours = root.value(QStringLiteral("outOfHours")).toObject();
    rules.outOfHoursEnabled = outOfHours.value(QStringLiteral("enabled")).toBool();
    rules.outOfHoursReply = outOfHours.value(QStringLiteral("reply")).toString();
    const QByteArray zoneId = outOfHours.value(QStringLiteral("timeZone")).toString().toLatin1();
    WeeklySchedule hours;
    if (!zoneId.isEmpty()) {
        const QTimeZone zone(zoneId);
        if (!zone.isValid()) {
            *error = tr("the stored time zone \"%1\" is not known here")
                         .arg(QString::fromLatin1(zoneId));
            return std::nullopt;
        }
        hours.setTimeZone(zone);
    }
    if (!WeeklySchedule::parse(outOfHours.value(QStringLiteral("hours")).toString(), &hours, error))
        return std::nullopt;
    rules.businessHours = hours;
    return rules;
}

bool AutoReplyRules::operator==(const AutoReplyRules& other) const
{
    return keywordRules == other.keywordRules && outOfHoursEnabled == other.outOfHoursEnabled &&
           businessHours == other.businessHours && outOfHoursReply == other.outOfHoursReply;
}

} // namespace smsdesk
