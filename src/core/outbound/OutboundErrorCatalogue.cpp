#include "OutboundErrorCatalogue.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::OutboundErrorCatalogue", text);
}

} // namespace

QList<OutboundErrorCatalogue::Entry> OutboundErrorCatalogue::entries()
{
    // Built on each call, so the texts follow the translator installed at the time.
    return {
        {QStringLiteral("WH-AUTH"),
         tr("The webhook secret for this number is missing or does not match the one onCloud "
            "has."),
         tr("Check that the webhook secret saved for this number is exactly the one your onCloud "
            "administrator gave you, then send again."),
         false},
        {QStringLiteral("WH-1"),
         tr("The message was incomplete: a sender, a recipient and either text or a media link "
            "are needed."),
         tr("Make sure the message has a recipient and either text or a media link. If it has, "
            "please report this to whoever supports SMS Desk for you."),
         false},
        {QStringLiteral("WH-2"), tr("A phone number is not in a format onCloud accepts."),
         tr("Type the recipient's number with its country code: 10 to 15 digits (for example "
            "14045559999, not +1-404-555-9999)."),
         false},
        {QStringLiteral("WH-3"), tr("This number is not set up for sending text messages."),
         tr("Ask your onCloud administrator to provision the number for webhook SMS."), false},
        {QStringLiteral("WH-23-2"), tr("This number has no active SMS plan."),
         tr("Ask your onCloud administrator to check that the number has an active SMS plan."),
         false},
        {QStringLiteral("WH-23-3"),
         tr("This number has used every message its plan allows in this billing cycle."),
         tr("Ask your administrator to raise the plan's monthly limit, or wait for the next "
            "billing cycle."),
         false},
        {QStringLiteral("WH-23-4"), tr("This number's SMS plan does not include sending messages."),
         tr("Ask your administrator to add outbound messages to the number's plan."), false},
    };
}

QList<OutboundErrorCatalogue::Entry> OutboundErrorCatalogue::localEntries()
{
    return {
        {QString(OptedOut),
         tr("The recipient has opted out of messages from this number: they texted STOP (or "
            "another opt-out keyword) and have not texted START since."),
         tr("Do not send to them from this number. They can text START to it to receive "
            "messages again."),
         false},
    };
}

QStringList OutboundErrorCatalogue::codes()
{
    QStringList codes;
    for (const Entry& entry : entries())
        codes.append(entry.code);
    return codes;
}

std::optional<OutboundErrorCatalogue::Entry> OutboundErrorCatalogue::find(const QString& code)
{
    QString bare = code.trimmed().toUpper();
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    for (const Entry& entry : entries() + localEntries()) {
        if (entry.code == bare)
            return entry;
    }
    return std::nullopt;
}

QString OutboundErrorCatalogue::codeIn(const QString& message)
{
    // "[WH-23-3]", "[WH-AUTH]", and codes of the same shape the document does not list yet.
    static const QRegularExpression bracketed(
        QStringLiteral("\\[([A-Za-z]+(?:-[A-Za-z0-9]+)+)\\]"));
    QString found;
    auto it = bracketed.globalMatch(message);
    while (it.hasNext())
        found = it.next().captured(1).toUpper(); // the last one: "Error: [..]" ends the message
    return found;
}

QString OutboundErrorCatalogue::describe(const QString& code, const QString& providerMessage)
{
    if (const auto entry = find(code))
        return QStringLiteral("%1: %2").arg(entry->code, entry->meaning);
    if (providerMessage.isEmpty())
        return tr("%1: a code SMS Desk does not know").arg(code);
    return tr("%1: a code SMS Desk does not know; onCloud said: %2").arg(code, providerMessage);
}

} // namespace smsdesk
