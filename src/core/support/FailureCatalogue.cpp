#include "FailureCatalogue.h"

#include "PbxFallback.h"
#include "listener/ListenerEvent.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "providers/Rejection.h"
#include "providers/androidgateway/AndroidGatewayAdapter.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::FailureCatalogue", text);
}

const QString kGateway = QStringLiteral("android-gateway");
const QString kZonitel = QStringLiteral("zonitel");

// A refusal or store failure of the listener: its title, meaning and resolution.
struct Refusal
{
    QString outcome;
    const char* title;
    const char* meaning;
    const char* resolution;
};

const QList<Refusal>& refusals()
{
    static const QList<Refusal> all = {
        {ListenerEvent::refusedAuth(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: authorization"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request did not carry the Authorization header or path token "
                           "this number expects."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Make the header (or the webhook URL's token) configured at the "
                           "provider the same as the number's in SMS Desk.")},
        {Rejection::malformedCode(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: malformed"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The payload could not be read as the provider's format."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Open the request in the Inspector to see what arrived; a proxy in "
                           "between may have changed it.")},
        {Rejection::invalidCode(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: invalid value"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "A field of the payload has a value that cannot be a message."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Open the request in the Inspector: the reason names the field.")},
        {Rejection::wrongContentTypeCode(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: wrong content type"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request's Content-Type is not the provider's."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Check that the provider posts to this number's own webhook path.")},
        {Rejection::unrecognisedCode(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: unrecognised payload"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "No provider's format matches the payload."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Use the provider's own webhook path (/webhooks/<provider>).")},
        {Rejection::ambiguousCode(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: ambiguous payload"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "More than one provider's format matches the payload."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Use the provider's own webhook path (/webhooks/<provider>).")},
        {ListenerEvent::unknownNumber(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: unknown number"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The message is for a number that is not provisioned here."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Add the number on the Numbers page, or point the provider elsewhere.")},
        {ListenerEvent::tooLarge(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: too large"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request's body was larger than the listener accepts."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Check what sent it in the Inspector; a real message is far smaller.")},
        {ListenerEvent::headersTooLarge(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: headers too large"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request's headers were larger than the listener accepts."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Check the proxy or tunnel in front of the listener.")},
        {ListenerEvent::timeout(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: timeout"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request did not arrive whole in time."),
         QT_TRANSLATE_NOOP(
             "smsdesk::FailureCatalogue",
             "Check the network path from the provider (tunnel, proxy); the provider retries.")},
        {ListenerEvent::badRequest(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: bad HTTP"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "The request was not valid HTTP."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Check what sends to the listener's port.")},
        {ListenerEvent::unsupported(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Refused: unsupported HTTP"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The request used an HTTP feature the listener does not support."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Check the proxy or tunnel in front of the listener.")},
        {ListenerEvent::storeUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Not stored: store busy"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The database could not take the message in time; it was answered 503."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The provider retries. If it keeps happening, check the disk or the "
                           "PostgreSQL server.")},
        {ListenerEvent::storeFailed(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Not stored: store failed"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "The database refused the message."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "See the reason; check the disk or the PostgreSQL server.")},
        {ListenerEvent::credentialUnavailable(),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue", "Not stored: keychain"),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "The expected credential could not be read from the keychain."),
         QT_TRANSLATE_NOOP("smsdesk::FailureCatalogue",
                           "Unlock the system keychain; the provider retries.")},
    };
    return all;
}

const Refusal* findRefusal(const QString& outcome)
{
    for (const Refusal& refusal : refusals()) {
        if (refusal.outcome == outcome)
            return &refusal;
    }
    return nullptr;
}

QString gatewayResolution(qint64 statusId)
{
    switch (statusId) {
    case 8:
        return tr("The recipient's phone did not confirm it: check the number and that the phone "
                  "is on, then send again later.");
    case 9:
        return tr("The gateway phone could not send it: check its SIM, credit and SMS app, then "
                  "send again.");
    case 10:
        return tr("The gateway phone had no mobile signal: move it or check the SIM, then send "
                  "again.");
    case 11:
        return tr("The phone could not encode the message (often unusual characters or a full "
                  "SIM): shorten or simplify the text and send again.");
    case 12:
        return tr("The gateway phone's radio is off (airplane mode): turn it on, then send "
                  "again.");
    case 100:
    case 101:
        return tr("Grant the gateway app permission to send SMS in the phone's Android settings, "
                  "then send again.");
    default:
        break;
    }
    return {};
}

} // namespace

QStringList FailureCatalogue::inboundFailureOutcomes()
{
    QStringList outcomes;
    for (const Refusal& refusal : refusals())
        outcomes.append(refusal.outcome);
    return outcomes;
}

QList<FailureCatalogue::Status> FailureCatalogue::androidGatewayFailures()
{
    QList<Status> statuses;
    for (const qint64 id : {8, 9, 10, 11, 12, 100, 101}) {
        statuses.append({kGateway, QString::number(id),
                         AndroidGatewayAdapter::statusInfo(id).meaning, gatewayResolution(id)});
    }
    return statuses;
}

std::optional<FailureCatalogue::Status> FailureCatalogue::deliveryStatus(const QString& provider,
                                                                         const QString& rawStatus)
{
    if (provider == kGateway) {
        for (const Status& status : androidGatewayFailures()) {
            if (status.rawStatus == rawStatus.trimmed())
                return status;
        }
        return std::nullopt;
    }
    if (provider == kZonitel) {
        const QString status = rawStatus.trimmed().toLower();
        if (status == u"queued" || status == u"sent" || status == u"delivered" ||
            status == u"received")
            return std::nullopt;
        if (status == u"failed" || status == u"undelivered") {
            return Status{
                kZonitel, rawStatus,
                tr("Zonitel reports that the message was not delivered (\"%1\").").arg(rawStatus),
                tr("Check the recipient's number; send again later, or ask Zonitel "
                   "support with the message id.")};
        }
        return Status{
            kZonitel, rawStatus,
            tr("Zonitel reports a status its document does not describe (\"%1\").").arg(rawStatus),
            tr("Ask Zonitel support what the status means, with the message id.")};
    }
    return std::nullopt;
}

QString FailureCatalogue::kindName(FailureEntry::Kind kind)
{
    switch (kind) {
    case FailureEntry::Kind::Send:
        return tr("Send");
    case FailureEntry::Kind::Delivery:
        return tr("Delivery");
    case FailureEntry::Kind::Inbound:
        return tr("Inbound");
    case FailureEntry::Kind::Fallback:
        return tr("PBX retries");
    }
    return {};
}

QString FailureCatalogue::causeTitle(FailureEntry::Kind kind, const QString& cause)
{
    switch (kind) {
    case FailureEntry::Kind::Send:
        if (const auto entry = OutboundErrorCatalogue::find(cause))
            return QStringLiteral("%1: %2").arg(entry->code, entry->meaning);
        if (cause == u"unconfirmed")
            return tr("Unconfirmed: no answer after sending");
        return tr("Send failed: %1").arg(cause);
    case FailureEntry::Kind::Delivery: {
        const qsizetype colon = cause.indexOf(u':');
        const QString provider = cause.left(colon);
        const QString raw = cause.mid(colon + 1);
        const auto status = deliveryStatus(provider, raw);
        const QString name = provider == kGateway ? tr("Gateway") : QStringLiteral("Zonitel");
        return status ? QStringLiteral("%1 %2: %3").arg(name, raw, status->meaning)
                      : QStringLiteral("%1 %2").arg(name, raw);
    }
    case FailureEntry::Kind::Inbound:
        if (const Refusal* refusal = findRefusal(cause))
            return tr(refusal->title);
        return tr("Refused: %1").arg(cause);
    case FailureEntry::Kind::Fallback:
        return cause == FailureEntry::FallbackEmailed ? tr("PBX: sent to the fallback email")
                                                      : tr("PBX: retrying after failures");
    }
    return cause;
}

FailureCatalogue::Explanation FailureCatalogue::explain(const FailureEntry& entry)
{
    switch (entry.kind) {
    case FailureEntry::Kind::Send: {
        if (const auto known = OutboundErrorCatalogue::find(entry.code))
            return {known->meaning, known->resolution};
        if (entry.status == u"unconfirmed") {
            return {tr("The message went out but no answer came back: it may or may not have "
                       "been sent."),
                    tr("Check with the recipient, then retry it or mark it resolved.")};
        }
        if (!entry.code.isEmpty()) {
            return {OutboundErrorCatalogue::describe(entry.code, entry.detail),
                    tr("Retry; if it fails again, ask onCloud about this code.")};
        }
        return {tr("The message could not be sent: %1").arg(entry.detail),
                tr("Check the network and the outbound address in the settings, then retry.")};
    }
    case FailureEntry::Kind::Delivery:
        if (const auto status = deliveryStatus(entry.provider, entry.code))
            return {status->meaning, status->resolution};
        return {tr("The provider reports status \"%1\".").arg(entry.code),
                tr("Ask the provider what the status means.")};
    case FailureEntry::Kind::Inbound:
        if (const Refusal* refusal = findRefusal(entry.code))
            return {tr(refusal->meaning), tr(refusal->resolution)};
        return {tr("The listener refused the request (%1).").arg(entry.code),
                tr("Open the request in the Inspector to see why.")};
    case FailureEntry::Kind::Fallback:
        return {PbxFallback::describe(entry.failedAttempts, entry.fallbackEmail),
                PbxFallback::emailed(entry.failedAttempts)
                    ? tr("The message is in the fallback mailbox, not in SMS Desk: read it there.")
                    : tr("Fix what made the deliveries fail (see the refused requests and any "
                         "fault drill): the PBX's next attempt is then stored.")};
    }
    return {};
}

QString FailureCatalogue::retryBlocker(const FailureEntry& entry, const OptedOut& optedOut)
{
    if (entry.kind != FailureEntry::Kind::Send)
        return tr("only sends of the outbox can be retried");
    if (entry.isResolved())
        return tr("already resolved");
    if (optedOut && optedOut(entry.did, entry.remote))
        return tr("the recipient opted out (STOP)");
    if (const auto known = OutboundErrorCatalogue::find(entry.code)) {
        if (!known->retryHelps) {
            if (known->code == u"WH-AUTH")
                return tr("wrong webhook secret (WH-AUTH): fix the secret first");
            if (known->code == u"WH-2")
                return tr("invalid number (WH-2)");
            if (known->code.startsWith(QLatin1String("WH-23")))
                return tr("refused by the plan (%1)").arg(known->code);
            return QStringLiteral("%1: %2").arg(known->code, known->meaning);
        }
    }
    return {};
}

} // namespace smsdesk
