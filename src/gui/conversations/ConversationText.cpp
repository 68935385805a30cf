#include "ConversationText.h"

#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace smsdesk {

namespace {

// Qt's own signature, so that lupdate reads a count in the third argument as a plural text.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("smsdesk::ConversationText", text, disambiguation, n);
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

QString ConversationText::party(const QString& remote, const QString& did,
                                const QString& contactName)
{
    return contactName.isEmpty() ? ConversationText::remote(remote, did) : contactName;
}

QString ConversationText::remote(const QString& remote, const QString& did)
{
    const QString region = PhoneNumber::regionOfE164(did);
    return PhoneNumber::displayE164(remote, region.isEmpty() ? QStringLiteral("US") : region);
}

QString ConversationText::number(const QString& did, const QString& label)
{
    return label.isEmpty() ? remote(did, did) : label;
}

QString ConversationText::listTime(qint64 atMs, const QDateTime& now)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QDate day = local.date();
    const QLocale locale;
    if (day == today)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (day < today && day.daysTo(today) < 7)
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    if (day.year() == today.year())
        return locale.toString(day, QStringLiteral("d MMM"));
    return locale.toString(day, QStringLiteral("d MMM yyyy"));
}

QString ConversationText::fullTime(qint64 atMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime(),
                              QLocale::LongFormat);
}

QString ConversationText::preview(const ConversationSummary& summary)
{
    if (summary.hasDraft()) {
        const QString text =
            summary.draftText.isEmpty() ? summary.draftMediaUrl : summary.draftText.simplified();
        return tr("Draft: %1").arg(text);
    }
    QString text = summary.lastText.section(QLatin1Char('\n'), 0, 0).simplified();
    if (text.isEmpty() && summary.lastMediaCount > 0)
        text = tr("Photo or file");
    else if (text.isEmpty())
        text = tr("(no text)");
    return summary.lastIsOutbound() ? tr("You: %1").arg(text) : text;
}

QString ConversationText::accessible(const ConversationSummary& summary, const QString& party)
{
    QStringList parts{party};
    if (summary.isUnread())
        parts << tr("%n unread", nullptr, int(summary.unreadCount));
    if (summary.hasFailed())
        parts << tr("%n not sent", nullptr, int(summary.failedCount));
    parts << preview(summary) << fullTime(summary.lastAtMs);
    return parts.join(QStringLiteral(", "));
}

QList<QPair<int, int>> ConversationText::matches(const QString& text, const QStringList& words)
{
    QList<QPair<int, int>> ranges;
    for (const QString& word : words) {
        if (word.isEmpty())
            continue;
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = text.indexOf(word, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            if (at == 0 || !isWordCharacter(text.at(at - 1)))
                ranges.append({int(at), int(word.size())});
            from = at + 1;
        }
    }
    std::sort(ranges.begin(), ranges.end());
    // Overlapping ones ("pick" in "pickup" and "pickup") merged.
    QList<QPair<int, int>> merged;
    for (const QPair<int, int>& range : std::as_const(ranges)) {
        if (!merged.isEmpty() && range.first <= merged.last().first + merged.last().second) {
            const int end =
                std::max(merged.last().first + merged.last().second, range.first + range.second);
            merged.last().second = end - merged.last().first;
        } else {
            merged.append(range);
        }
    }
    return merged;
}

QString ConversationText::snippet(const QString& text, const QStringList& words, int maxChars)
{
    const QString line = text.simplified();
    if (line.size() <= maxChars)
        return line;
    const QList<QPair<int, int>> found = matches(line, words);
    qsizetype start = 0;
    if (!found.isEmpty() && found.first().first > maxChars / 3) {
        // A third of the room before the first match, from the start of a word.
        start = found.first().first - maxChars / 3;
        while (start > 0 && !line.at(start - 1).isSpace())
            ++start;
        if (start > found.first().first)
            start = found.first().first;
    }
    QString cut = line.mid(start, maxChars);
    if (start > 0)
        cut.prepend(QChar(0x2026));
    if (start + maxChars < line.size())
        cut.append(QChar(0x2026));
    return cut;
}

} // namespace smsdesk
