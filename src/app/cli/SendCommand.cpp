#include "SendCommand.h"

#include "AppContext.h"
#include "OutboundService.h"
#include "outbound/OutboundDraft.h"
#include "phone/PhoneNumber.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <optional>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::SendCommand", text);
}

// "WH-23-3: meaning Resolution" as one sentence run.
QString codeText(const QString& code, const QString& meaning, const QString& resolution)
{
    QStringList parts;
    if (!code.isEmpty())
        parts << code + QLatin1Char(':');
    if (!meaning.isEmpty())
        parts << meaning;
    if (!resolution.isEmpty())
        parts << resolution;
    return parts.join(u' ');
}

} // namespace

int SendCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sends one SMS or MMS through onCloud from one of your numbers, the way the window "
           "does: the message is stored first, checked against the number's plan, and sent with "
           "the number's webhook secret from the keychain; transient failures are tried again. "
           "Prints onCloud's carrier ID when onCloud accepted the message.\n\n"
           "Exit status:\n"
           "  0  onCloud accepted the message (its carrier ID is on stdout)\n"
           "  1  the store or the settings could not be used\n"
           "  2  bad command line\n"
           "  3  refused before sending: the recipient, the number, its plan (WH-23-2, WH-23-3, "
           "WH-23-4), its webhook secret (WH-AUTH), or the recipient opted out of the number's "
           "messages (OPTED-OUT: they texted STOP and not START since)\n"
           "  4  refused by onCloud: an error code (WH-…) or an HTTP error\n"
           "  5  not sent: onCloud could not be reached (network, DNS, TLS, HTTP 429 or 5xx) "
           "until the attempts ran out\n"
           "  6  unconfirmed: the message went out but no answer came; it may have been sent "
           "and is not sent again"));
    addDatabaseOption(parser);
    const QCommandLineOption from(QStringLiteral("from"),
                                  tr("The number to send from: one of your onCloud numbers."),
                                  QStringLiteral("DID"));
    const QCommandLineOption to(
        QStringLiteral("to"),
        tr("The recipient, as you would type it; read in the region of the sending number."),
        QStringLiteral("NUMBER"));
    const QCommandLineOption text(QStringLiteral("text"), tr("The message text."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption media(QStringLiteral("media"),
                                   tr("An http(s) link to a picture or file: sends an MMS."),
                                   QStringLiteral("URL"));
    const QCommandLineOption base(
        QStringLiteral("outbound-base"),
        tr("The base URL of onCloud's outbound API (default: the setting outbound/base, else "
           "https://api.cloudspirevoice.com/)."),
        QStringLiteral("URL"));
    parser.addOptions({from, to, text, media, base});
    if (auto status = parse(parser, arguments, QStringLiteral("send"),
                            QStringLiteral("send --from DID --to NUMBER (--text TEXT | --media "
                                           "URL | both) [--outbound-base URL] [--db …]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    if (!parser.isSet(from))
        return fail(UsageError, tr("send: --from is required (see smsdesk send --help)"));
    if (!parser.isSet(to))
        return fail(UsageError, tr("send: --to is required (see smsdesk send --help)"));
    if (!parser.isSet(text) && !parser.isSet(media))
        return fail(UsageError, tr("send: give --text, --media or both (see smsdesk send --help)"));

    AppContext context;
    OutboundService::Config config;
    QString error;
    if (!OutboundService::configFrom(context.settings(), parser.value(base), &config, &error))
        return fail(parser.isSet(base) ? UsageError : Failure, error);
    if (auto status = openContext(context, parser))
        return *status;

    const PhoneNumber::ParseResult did =
        PhoneNumber::parse(parser.value(from), context.defaultRegion());
    if (!did.ok())
        return fail(RefusedLocally, tr("send: --from: %1").arg(did.error));

    Outbox::Options options;
    options.pollIntervalMs = 500; // another process may have claimed it: look again soon
    options.followSystemReachability = false; // a command fails rather than waits
    OutboundService service(context, config, options);
    Outbox& outbox = service.outbox();

    OutboundDraft draft;
    draft.didE164 = did.number.e164();
    draft.to = parser.value(to);
    draft.text = parser.value(text);
    draft.mediaUrl = parser.value(media);
    const Outbox::QueueOutcome queued = waitFor<Outbox::QueueOutcome>(
        [&outbox, &draft](auto done) { outbox.queue(draft, std::move(done)); });
    if (!queued.ok()) {
        if (!queued.error.isEmpty())
            return fail(Failure, tr("send: the message could not be stored: %1").arg(queued.error));
        return fail(RefusedLocally,
                    tr("send: refused before sending: %1")
                        .arg(codeText(queued.refusal, queued.meaning, queued.resolution)));
    }
    if (!queued.warning.isEmpty())
        printError(tr("smsdesk: send: warning: %1").arg(queued.warning));

    std::optional<OutboxUpdate> outcome;
    QEventLoop loop;
    QObject::connect(&outbox, &Outbox::updated, &loop, [&](const OutboxUpdate& update) {
        if (update.messageId != queued.messageId)
            return;
        if (update.result == OutboxUpdate::Result::Retrying) {
            const qint64 waitMs =
                std::max<qint64>(0, update.nextAttemptAtMs - context.clock().nowMs());
            printError(tr("smsdesk: send: attempt %1 failed (%2); trying again in %3 s")
                           .arg(update.attempt)
                           .arg(update.detail)
                           .arg(QLocale::c().toString(double(waitMs) / 1000.0, 'f', 1)));
            return;
        }
        if (update.isFinal()) {
            outcome = update;
            loop.quit();
        }
    });
    outbox.start(queued.messageId);
    if (!outcome)
        loop.exec();
    outbox.stop();

    switch (outcome->result) {
    case OutboxUpdate::Result::Sent:
        if (outcome->carrierId.isEmpty())
            printError(tr("smsdesk: send: onCloud accepted the message but gave no carrier ID"));
        else
            print(outcome->carrierId);
        return Sent;
    case OutboxUpdate::Result::RefusedLocally:
        return fail(RefusedLocally,
                    tr("send: refused before sending: %1")
                        .arg(codeText(outcome->code, outcome->meaning, outcome->resolution)));
    case OutboxUpdate::Result::RefusedByProvider:
        return fail(RefusedByProvider,
                    tr("send: refused by onCloud: %1 (%2)")
                        .arg(codeText(outcome->code, outcome->meaning, outcome->resolution),
                             outcome->detail));
    case OutboxUpdate::Result::NetworkFailure:
        return fail(NotSent,
                    tr("send: not sent: %1 Last attempt: %2")
                        .arg(codeText(outcome->code, outcome->meaning, outcome->resolution),
                             outcome->detail));
    case OutboxUpdate::Result::Unconfirmed:
        return fail(Unconfirmed, tr("send: unconfirmed (message %1): %2 %3 (%4)")
                                     .arg(queued.messageId)
                                     .arg(outcome->meaning, outcome->resolution, outcome->detail));
    case OutboxUpdate::Result::Sending:
    case OutboxUpdate::Result::Retrying:
        break;
    }
    return Failure;
}

} // namespace smsdesk
