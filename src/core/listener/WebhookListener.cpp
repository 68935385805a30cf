#include "WebhookListener.h"

#include "ListenerLog.h"
#include "ReplySource.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "providers/PayloadDecoder.h"
#include "providers/ProviderAdapter.h"
#include "providers/ProviderRegistry.h"
#include "secrets/PathToken.h"
#include "store/MessageWriter.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <climits>
#include <variant>

namespace smsdesk {

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
constexpr int RetentionIntervalMs = 60 * 60 * 1000;
constexpr int FirstRetentionDelayMs = 60 * 1000;
const QByteArray HealthPath("/healthz");
const QByteArray GenericWebhookPath("/webhook");
const QByteArray WebhooksPrefix("/webhooks/");
constexpr char RedactedToken[] = "[token]";

QString peerText(const HttpRequest& request)
{
    const QString address = request.peerAddress.toString();
    const bool v6 = request.peerAddress.protocol() == QAbstractSocket::IPv6Protocol &&
                    !request.peerAddress.toIPv4Address();
    return (v6 ? QLatin1Char('[') + address + QLatin1Char(']') : address) + QLatin1Char(':') +
           QString::number(request.peerPort);
}

// Equal without leaking, through timing, how much of the expected value a guess got right
// (nor its length): both sides are hashed and the digests compared in full.
bool constantTimeEquals(const QByteArray& given, const QByteArray& expected)
{
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

HttpResponse methodNotAllowed(const QByteArray& allow, const QString& message)
{
    HttpResponse response = HttpResponse::error(405, message);
    response.setHeader("Allow", allow);
    return response;
}

HttpResponse retryLater(const QString& message)
{
    HttpResponse response = HttpResponse::error(503, message);
    response.setHeader("Retry-After", "1");
    return response;
}

QString outcomeForHttpStatus(int status)
{
    switch (status) {
    case 408:
        return ListenerEvent::timeout();
    case 413:
        return ListenerEvent::tooLarge();
    case 431:
        return ListenerEvent::headersTooLarge();
    case 417:
    case 501:
    case 505:
        return ListenerEvent::unsupported();
    case 503:
        return ListenerEvent::storeUnavailable();
    default:
        return ListenerEvent::badRequest();
    }
}

// The request target as it may be logged: a path token is a credential, so whatever follows
// /webhooks/<provider>/ is replaced (the query string is kept).
QString loggableTarget(const QByteArray& target)
{
    const qsizetype queryAt = target.indexOf('?');
    const QByteArray path = queryAt < 0 ? target : target.left(queryAt);
    if (path.startsWith(WebhooksPrefix)) {
        const qsizetype slash = path.indexOf('/', WebhooksPrefix.size());
        if (slash >= 0 && slash + 1 < path.size()) {
            return QString::fromLatin1(path.left(slash + 1)) + QLatin1String(RedactedToken) +
                   (queryAt < 0 ? QString() : QString::fromLatin1(target.mid(queryAt)));
        }
    }
    return QString::fromLatin1(target);
}

bool containsNul(const QString& text)
{
    return text.contains(QChar(u'\0'));
}

} // namespace

// One request from arrival to answer.
struct WebhookListener::Exchange
{
    HttpResponder responder;
    QElapsedTimer elapsed;
    RequestLogRow log;
    ListenerEvent event;
    const ProviderAdapter* adapter = nullptr;
    std::optional<InboundMessage> replyTo; // the message a sync reply would answer
    MessageRow replyToRow;                 // ...as it is stored
    qint64 replyToMessageId = 0;
    FaultDrill::Mode drill = FaultDrill::Mode::Off;
    QString replyNote;     // the ReplySource's note, added to the log row's reason
    bool replay = false;   // a replay from the inspector: the answer names its outcome
    bool replying = false; // the reply is being stored: the deadline no longer applies
    bool answered = false;
};

// The number each event belongs to, once credentials are checked.
struct WebhookListener::Resolution
{
    QList<const NumberDirectory::Entry*> entries; // one per event; nullptr: unassigned
};

WebhookListener::WebhookListener(MessageWriter& writer, const ProviderRegistry& providers,
                                 const Clock& clock, const Options& options, QObject* parent)
    : QObject(parent), m_writer(writer), m_providers(providers), m_clock(clock), m_options(options)
{
    if (m_options.requestLogRetentionDays > 0) {
        m_retentionTimer = new QTimer(this);
        m_retentionTimer->setInterval(FirstRetentionDelayMs);
        connect(m_retentionTimer, &QTimer::timeout, this, [this] {
            m_retentionTimer->setInterval(RetentionIntervalMs);
            purgeExpiredRequests();
        });
        m_retentionTimer->start();
    }
}

WebhookListener::~WebhookListener() = default;

void WebhookListener::setDirectory(std::shared_ptr<const NumberDirectory> directory)
{
    QMutexLocker locker(&m_directoryMutex);
    m_directory = std::move(directory);
}

std::shared_ptr<const NumberDirectory> WebhookListener::directory() const
{
    QMutexLocker locker(&m_directoryMutex);
    return m_directory;
}

void WebhookListener::setReplySource(ReplySource* source)
{
    m_replySource = source;
}

void WebhookListener::purgeExpiredRequests()
{
    if (m_options.requestLogRetentionDays <= 0)
        return;
    const qint64 cutoff = m_clock.nowMs() - m_options.requestLogRetentionDays * DayMs;
    m_writer.purgeRequestLog(cutoff, this, [](const WriteOutcome& outcome) {
        if (!outcome.ok())
            qCWarning(lcListener) << "request log retention failed:" << outcome.reason;
        else if (outcome.purgedRows > 0)
            qCInfo(lcListener) << "request log retention removed" << outcome.purgedRows << "rows";
    });
}

WebhookListener::ExchangePtr WebhookListener::beginExchange(const HttpRequest& request,
                                                            HttpResponder responder)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->elapsed.start();
    exchange->responder = std::move(responder);

    RequestLogRow& log = exchange->log;
    log.receivedAtMs = request.receivedAtMs > 0 ? request.receivedAtMs : m_clock.nowMs();
    log.peer = peerText(request);
    log.method = QString::fromLatin1(request.method);
    log.target = loggableTarget(request.target);
    log.headers.reserve(request.headers.size());
    for (const HttpRequest::Header& header : request.headers) {
        log.headers.append({header.first, RequestLogRow::isSecretHeader(header.first)
                                              ? QByteArray(RequestLogRow::RedactedValue)
                                              : header.second});
    }
    log.body = request.body;
    log.bodySize = request.body.size();
    exchange->replay = !request.header(WebhookListener::ReplayHeader).isEmpty();

    ListenerEvent& event = exchange->event;
    event.receivedAtMs = log.receivedAtMs;
    event.peer = log.peer;
    event.method = log.method;
    event.target = log.target;
    return exchange;
}

void WebhookListener::handleRequest(const HttpRequest& request, HttpResponder responder)
{
    if (!request.header(ProbeHeader).isEmpty()) {
        // A probe is not a webhook: answered at once, whatever the path, and not logged.
        handleProbe(request, std::move(responder));
        return;
    }
    const ExchangePtr exchange = beginExchange(request, std::move(responder));
    const QByteArray path = request.path();

    if (path == HealthPath) {
        handleHealth(exchange, request);
        return;
    }

    const ProviderAdapter* adapter = nullptr;
    QByteArray pathToken;
    if (path == GenericWebhookPath) {
        // detected below, once the method is known to be right
    } else if (path.startsWith(WebhooksPrefix)) {
        const QByteArray rest = path.mid(WebhooksPrefix.size());
        const qsizetype slash = rest.indexOf('/');
        const QByteArray providerId = slash < 0 ? rest : rest.left(slash);
        pathToken = slash < 0 ? QByteArray() : rest.mid(slash + 1);
        adapter = m_providers.adapterFor(QString::fromLatin1(providerId));
        if (!adapter || (slash >= 0 && (pathToken.isEmpty() || pathToken.contains('/')))) {
            const QString reason =
                tr("no webhook at %1: the paths are /webhooks/<provider>[/<token>] with provider "
                   "one of %2, and /webhook")
                    .arg(QString::fromLatin1(path), m_providers.ids().join(QLatin1String(", ")));
            refuse(exchange, HttpResponse::error(404, reason), ListenerEvent::unknownPath(),
                   reason);
            return;
        }
    } else {
        const QString reason = tr("no webhook at %1: post to /webhooks/<provider> or /webhook")
                                   .arg(QString::fromLatin1(path));
        refuse(exchange, HttpResponse::error(404, reason), ListenerEvent::unknownPath(), reason);
        return;
    }

    if (request.method != "POST") {
        const QString reason = tr("method %1 is not allowed here: webhooks are POSTed")
                                   .arg(QString::fromLatin1(request.method));
        refuse(exchange, methodNotAllowed("POST", reason), ListenerEvent::wrongMethod(), reason);
        return;
    }

    if (!adapter) {
        const ProviderRegistry::Detection detection = m_providers.detect(request);
        if (!detection.ok()) {
            const Rejection& rejection = detection.rejection;
            refuse(exchange, HttpResponse::error(rejection.httpStatus, rejection.reason),
                   rejection.outcomeCode, rejection.reason);
            return;
        }
        adapter = detection.adapter;
    }
    handleWebhook(exchange, request, adapter, pathToken);
}

void WebhookListener::handleProbe(const HttpRequest& request, HttpResponder responder)
{
    static const QRegularExpression tokenPattern(QStringLiteral("^[A-Za-z0-9_-]{8,128}$"));
    const QString token = QString::fromLatin1(request.header(ProbeHeader));
    if (!tokenPattern.match(token).hasMatch()) {
        responder.respond(
            HttpResponse::error(400, tr("a probe token is 8 to 128 letters, digits, '-' or '_'")));
        return;
    }
    const QByteArray path = request.path();
    QString route;
    if (path == GenericWebhookPath) {
        route = QStringLiteral("*");
    } else if (path.startsWith(WebhooksPrefix)) {
        const QByteArray rest = path.mid(WebhooksPrefix.size());
        const qsizetype slash = rest.indexOf('/');
        const QString providerId = QString::fromLatin1(slash < 0 ? rest : rest.left(slash));
        const QByteArray pathToken = slash < 0 ? QByteArray() : rest.mid(slash + 1);
        if (m_providers.adapterFor(providerId) &&
            (slash < 0 || (!pathToken.isEmpty() && !pathToken.contains('/'))))
            route = providerId;
    }
    HttpResponse response = HttpResponse::json(
        200, QJsonDocument(QJsonObject{{QStringLiteral("probe"), QStringLiteral("ok")},
                                       {QStringLiteral("route"), route}})
                 .toJson(QJsonDocument::Compact));
    response.setHeader(ProbeHeader, token.toLatin1());
    response.setHeader(ProbeRouteHeader, route.toLatin1());
    Q_EMIT probeReceived(token, route);
    responder.respond(std::move(response));
}

void WebhookListener::handleHealth(const ExchangePtr& exchange, const HttpRequest& request)
{
    // Health checks are not webhooks: they are answered, not logged (a monitor polling every
    // few seconds would bury the requests that matter).
    if (request.method != "GET" && request.method != "HEAD") {
        exchange->responder.respond(methodNotAllowed(
            "GET, HEAD",
            tr("method %1 is not allowed here: use GET").arg(QString::fromLatin1(request.method))));
        return;
    }
    m_writer.probe(this, [exchange](const WriteOutcome& outcome) {
        if (outcome.ok()) {
            exchange->responder.respond(HttpResponse::json(200, QByteArray(R"({"status":"ok"})")));
        } else {
            exchange->responder.respond(
                retryLater(tr("the store does not accept writes: %1").arg(outcome.reason)));
        }
    });
}

void WebhookListener::handleWebhook(const ExchangePtr& exchange, const HttpRequest& request,
                                    const ProviderAdapter* adapter, const QByteArray& pathToken)
{
    exchange->adapter = adapter;
    exchange->log.provider = adapter->id();
    exchange->event.provider = adapter->id();

    const std::shared_ptr<const NumberDirectory> directory = this->directory();
    if (!directory) {
        const QString reason = tr("the listener is still loading its numbers; retry");
        refuse(exchange, retryLater(reason), ListenerEvent::storeUnavailable(), reason);
        return;
    }
    AdapterContext context;
    context.defaultRegion = m_options.defaultRegion;
    const auto entryFor = [&directory](const QString& did, const DeviceRef* device) {
        const NumberDirectory::Entry* entry = nullptr;
        if (!did.isEmpty())
            entry = directory->byE164(did);
        if (!entry && device)
            entry = directory->byDevice(*device);
        return entry;
    };
    context.regionForDid = [&entryFor](const QString& did, const DeviceRef* device) {
        const NumberDirectory::Entry* entry = entryFor(did, device);
        return entry ? entry->region : QString();
    };
    context.defaultTimeZone = m_options.defaultTimeZone;
    context.timeZoneForDid = [&entryFor](const QString& did, const DeviceRef* device) {
        const NumberDirectory::Entry* entry = entryFor(did, device);
        return entry ? entry->timeZone : QTimeZone();
    };

    const AdapterResult result = adapter->parse(request, context);
    if (!result.ok()) {
        const Rejection& rejection = result.rejection();
        refuse(exchange, HttpResponse::error(rejection.httpStatus, rejection.reason),
               rejection.outcomeCode, rejection.reason);
        return;
    }
    if (result.events().isEmpty()) {
        const QString reason = tr("the request holds no message and no status report");
        refuse(exchange, HttpResponse::error(422, reason), Rejection::invalidCode(), reason);
        return;
    }
    // What the adapter read leniently goes into the log row's reason, for the inspector.
    exchange->log.reason = result.notes().join(QLatin1String("; "));

    for (const InboundEvent& inbound : result.events()) {
        const auto* message = std::get_if<InboundMessage>(&inbound);
        if (message && containsNul(message->text)) {
            const QString reason = tr("the text holds a NUL character, which cannot be stored");
            refuse(exchange, HttpResponse::error(422, reason), Rejection::invalidCode(), reason);
            return;
        }
    }

    Resolution resolution;
    if (!resolve(exchange, request, adapter->id(), result.events(), pathToken, *directory,
                 &resolution))
        return;

    WriteJob job;
    QString outcome;
    for (int i = 0; i < result.events().size(); ++i) {
        const InboundEvent& inbound = result.events().at(i);
        const NumberDirectory::Entry* entry = resolution.entries.at(i);
        if (!entry)
            outcome = ListenerEvent::unassigned();
        const qint64 numberId = entry ? entry->number.id : 0;
        if (const auto* message = std::get_if<InboundMessage>(&inbound)) {
            MessageRow row;
            row.direction = MessageRow::Direction::Inbound;
            row.provider = message->provider;
            row.numberId = numberId;
            // A gateway message for a device no number is provisioned for has no DID yet: its
            // device and SIM say where it belongs once one is.
            row.did = entry ? entry->number.e164 : message->did;
            if (row.did.isNull())
                row.did = QStringLiteral("");
            row.remote = message->remote;
            row.text = message->text.isNull() ? QStringLiteral("") : message->text;
            row.media = message->media;
            row.status = QStringLiteral("received");
            row.providerMessageId = message->providerMessageId;
            if (message->providerTime.isValid())
                row.providerTimeMs = message->providerTime.toMSecsSinceEpoch();
            row.receivedAtMs = exchange->log.receivedAtMs;
            row.dedupeKey = message->dedupeKey;
            if (message->device) {
                row.deviceId = message->device->deviceIdText();
                row.sim = message->device->sim;
            }
            if (message->pbx)
                row.serviceId = message->pbx->serviceId;
            row.segments = message->segments;
            job.messages.append(row);
            if (!exchange->replyTo) {
                exchange->replyTo = *message;
                exchange->replyToRow = row;
                exchange->log.linkedMessage = int(job.messages.size()) - 1;
            }
            exchange->event.did = row.did;
            exchange->event.remote = row.remote;
        } else {
            const auto& update = std::get<StatusUpdate>(inbound);
            StatusRow row;
            // The gateway's "Incoming SMS" report is about a message we received.
            row.concerns = update.status == DeliveryStatus::Received
                               ? StatusRow::Concerns::Inbound
                               : StatusRow::Concerns::Outbound;
            row.provider = update.provider;
            row.providerMessageId = update.providerMessageId;
            row.numberId = numberId;
            row.did = entry ? entry->number.e164 : update.did;
            row.remote = update.remote;
            row.status = deliveryStatusName(update.status);
            row.rawStatus = update.rawStatus;
            row.errorCode = update.errorCode;
            row.detail = update.statusText.isEmpty() ? update.statusMeaning : update.statusText;
            if (update.providerTime.isValid())
                row.providerTimeMs = update.providerTime.toMSecsSinceEpoch();
            row.receivedAtMs = exchange->log.receivedAtMs;
            row.dedupeKey = update.dedupeKey;
            if (update.device) {
                row.deviceId = update.device->deviceIdText();
                row.sim = update.device->sim;
            }
            row.text = update.messageText.value_or(QStringLiteral(""));
            row.media = update.media;
            row.segments = update.segments;
            job.statuses.append(row);
            if (exchange->log.linkedMessage < 0 && exchange->log.linkedStatus < 0)
                exchange->log.linkedStatus = int(job.statuses.size()) - 1;
            if (exchange->event.did.isEmpty()) {
                exchange->event.did = row.did;
                exchange->event.remote = row.remote;
            }
        }
        if (entry && exchange->log.numberId == 0) {
            exchange->log.numberId = entry->number.id;
            exchange->event.numberId = entry->number.id;
        }
    }
    // The writer logs it as accepted (or unassigned) when new, else as a duplicate.
    exchange->log.outcomeIfNew = outcome;
    store(exchange, std::move(job));
}

bool WebhookListener::resolve(const ExchangePtr& exchange, const HttpRequest& request,
                              const QString& provider, const QList<InboundEvent>& events,
                              const QByteArray& pathToken, const NumberDirectory& directory,
                              Resolution* resolution)
{
    const NumberDirectory::Entry* tokenEntry = nullptr;
    if (!pathToken.isEmpty()) {
        tokenEntry = directory.byPathTokenHash(PathToken::hash(pathToken));
        if (!tokenEntry || tokenEntry->number.provider != provider) {
            const QString reason =
                tr("the path token is not the one of any enabled %1 number").arg(provider);
            refuse(exchange, HttpResponse::error(401, reason), ListenerEvent::refusedAuth(),
                   reason);
            return false;
        }
    }

    for (const InboundEvent& inbound : events) {
        QString did;
        const DeviceRef* device = nullptr;
        if (const auto* message = std::get_if<InboundMessage>(&inbound)) {
            did = message->did;
            device = message->device ? &*message->device : nullptr;
        } else {
            const auto& update = std::get<StatusUpdate>(inbound);
            did = update.did;
            device = update.device ? &*update.device : nullptr;
        }
        const NumberDirectory::Entry* entry = nullptr;
        if (!did.isEmpty())
            entry = directory.byE164(did);
        else if (device)
            entry = directory.byDevice(*device);
        if (entry && entry->number.provider != provider)
            entry = nullptr; // provisioned for another provider: not this request's number
        const QString named =
            !did.isEmpty() ? did
            : device != nullptr
                ? tr("device %1 SIM %2").arg(device->deviceIdText()).arg(device->sim)
                : tr("(no number)");

        if (tokenEntry && entry != tokenEntry) {
            // A path token vouches for its own number only.
            if (entry || !did.isEmpty() || device) {
                const QString reason = tr("the path token belongs to %1, but the request is for %2")
                                           .arg(tokenEntry->number.e164, named);
                refuse(exchange, HttpResponse::error(401, reason), ListenerEvent::refusedAuth(),
                       reason);
                return false;
            }
            entry = tokenEntry;
        }

        if (!entry) {
            if (m_options.unassigned == UnassignedPolicy::Refuse) {
                const QString reason =
                    tr("%1 is not an enabled %2 number here").arg(named, provider);
                refuse(exchange, HttpResponse::error(404, reason), ListenerEvent::unknownNumber(),
                       reason);
                return false;
            }
            resolution->entries.append(nullptr);
            continue;
        }

        if (entry->number.hasPathToken() && !tokenEntry) {
            const QString reason =
                tr("%1 takes webhooks only at its path with token (/webhooks/%2/<token>)")
                    .arg(entry->number.e164, provider);
            refuse(exchange, HttpResponse::error(401, reason), ListenerEvent::refusedAuth(),
                   reason);
            return false;
        }
        switch (entry->credential) {
        case NumberDirectory::Credential::None:
            break;
        case NumberDirectory::Credential::Unavailable: {
            const QString reason =
                tr("the expected Authorization value of %1 cannot be read from the keychain "
                   "right now (%2); try again later")
                    .arg(entry->number.e164, entry->credentialProblem);
            refuse(exchange, retryLater(reason), ListenerEvent::credentialUnavailable(), reason);
            return false;
        }
        case NumberDirectory::Credential::Required: {
            const bool given = request.hasHeader("authorization");
            if (!given || !constantTimeEquals(request.header("authorization"),
                                              entry->expectedAuthorization)) {
                const QString reason =
                    given ? tr("the Authorization header is not the one configured for %1")
                                .arg(entry->number.e164)
                          : tr("%1 requires an Authorization header").arg(entry->number.e164);
                HttpResponse response = HttpResponse::error(401, reason);
                const qsizetype space = entry->expectedAuthorization.indexOf(' ');
                if (space > 0)
                    response.setHeader("WWW-Authenticate",
                                       entry->expectedAuthorization.left(space));
                refuse(exchange, response, ListenerEvent::refusedAuth(), reason);
                return false;
            }
            break;
        }
        }
        // A number provisioned for one service of the provider (PBX service_id) takes no
        // webhook another service sends for it.
        const auto* message = std::get_if<InboundMessage>(&inbound);
        const QString serviceId = message && message->pbx ? message->pbx->serviceId : QString();
        if (!entry->number.serviceId.isEmpty() && !serviceId.isEmpty() &&
            serviceId != entry->number.serviceId) {
            const QString reason =
                tr("the webhook is from service %1, but %2 is provisioned for service %3")
                    .arg(PayloadDecoder::quoted(serviceId), entry->number.e164,
                         PayloadDecoder::quoted(entry->number.serviceId));
            refuse(exchange, HttpResponse::error(403, reason), ListenerEvent::refusedAuth(),
                   reason);
            return false;
        }
        resolution->entries.append(entry);
    }
    return true;
}

FaultDrill WebhookListener::drill() const
{
    return m_drill.isActive(m_clock.nowMs()) ? m_drill : FaultDrill();
}

void WebhookListener::setDrill(const FaultDrill& drill)
{
    m_drill = drill.isActive(m_clock.nowMs()) ? drill : FaultDrill();
    if (m_drill.untilMs > 0 && m_drill.mode != FaultDrill::Mode::Off) {
        if (!m_drillTimer) {
            m_drillTimer = new QTimer(this);
            m_drillTimer->setSingleShot(true);
            connect(m_drillTimer, &QTimer::timeout, this, [this] {
                if (m_drill.mode != FaultDrill::Mode::Off && !m_drill.isActive(m_clock.nowMs()))
                    endDrill();
                else if (m_drill.untilMs > 0) // the clock said not yet: look again then
                    m_drillTimer->start(
                        static_cast<int>(std::max<qint64>(1, m_drill.untilMs - m_clock.nowMs())));
            });
        }
        m_drillTimer->start(
            static_cast<int>(std::clamp<qint64>(m_drill.untilMs - m_clock.nowMs(), 1, INT_MAX)));
    } else if (m_drillTimer) {
        m_drillTimer->stop();
    }
    qCInfo(lcListener) << "fault drill" << (m_drill.mode == FaultDrill::Mode::Off ? "off" : "on");
    Q_EMIT drillChanged(m_drill);
}

void WebhookListener::endDrill()
{
    m_drill = FaultDrill();
    if (m_drillTimer)
        m_drillTimer->stop();
    qCInfo(lcListener) << "fault drill ended";
    Q_EMIT drillChanged(m_drill);
}

FaultDrill::Mode WebhookListener::takeDrill()
{
    if (m_drill.mode == FaultDrill::Mode::Off)
        return FaultDrill::Mode::Off;
    if (!m_drill.isActive(m_clock.nowMs())) {
        endDrill();
        return FaultDrill::Mode::Off;
    }
    const FaultDrill::Mode mode = m_drill.mode;
    if (m_drill.remaining > 0) {
        --m_drill.remaining;
        if (m_drill.remaining == 0)
            endDrill();
        else
            Q_EMIT drillChanged(m_drill);
    }
    return mode;
}

void WebhookListener::store(const ExchangePtr& exchange, WriteJob job)
{
    // A drilled webhook is stored as usual and logged as drilled in the same transaction.
    exchange->drill = takeDrill();
    if (exchange->drill != FaultDrill::Mode::Off) {
        const bool error = exchange->drill == FaultDrill::Mode::Error;
        const QString stored = exchange->log.outcomeIfNew == ListenerEvent::unassigned()
                                   ? tr("stored in the unassigned inbox")
                                   : tr("stored");
        exchange->log.outcome =
            error ? ListenerEvent::drillError() : ListenerEvent::drillNoAnswer();
        exchange->log.reason =
            error ? tr("fault drill: answered 500 on purpose; the webhook was %1").arg(stored)
                  : tr("fault drill: not answered on purpose; the webhook was %1").arg(stored);
    }
    job.requestLog = exchange->log;
    exchange->event.withMedia =
        std::any_of(job.messages.cbegin(), job.messages.cend(), [](const MessageRow& message) {
            return message.direction == MessageRow::Direction::Inbound && !message.media.isEmpty();
        });
    m_writer.submit(std::move(job), this,
                    [this, exchange](const WriteOutcome& outcome) { stored(exchange, outcome); });
}

void WebhookListener::stored(const ExchangePtr& exchange, const WriteOutcome& outcome)
{
    ListenerEvent& event = exchange->event;
    if (!outcome.ok()) {
        const bool permanent = outcome.failure == WriteOutcome::Failure::JobRejected;
        const QString reason =
            permanent ? tr("the store refused the data: %1").arg(outcome.reason)
                      : tr("the store cannot take it now: %1; retry later").arg(outcome.reason);
        const HttpResponse response =
            permanent ? HttpResponse::error(500, reason) : retryLater(reason);
        if (outcome.requestLogId == 0) { // nothing was written: log the refusal on its own
            refuse(exchange, response, ListenerEvent::storeUnavailable(), reason);
            return;
        }
        event.requestLogId = outcome.requestLogId; // the writer logged it as store-failed
        event.outcome = ListenerEvent::storeFailed();
        event.reason = reason;
        finish(exchange, response);
        return;
    }

    event.requestLogId = outcome.requestLogId;
    bool anythingNew = false;
    for (const WriteOutcome::MessageResult& message : outcome.messages) {
        event.messageIds.append(message.id);
        anythingNew = anythingNew || message.kind == WriteOutcome::MessageResult::Kind::Stored;
    }
    for (const WriteOutcome::StatusResult& status : outcome.statuses) {
        if (status.messageId > 0)
            event.messageIds.append(status.messageId);
        // A report on an inbound message that is not (yet) there cannot be a repeat.
        anythingNew = anythingNew || status.historyAdded || status.messageId == 0;
    }
    if (exchange->drill != FaultDrill::Mode::Off) {
        event.outcome = exchange->log.outcome;
        event.reason = exchange->log.reason;
        if (exchange->drill == FaultDrill::Mode::Error) {
            finish(exchange, HttpResponse::error(500, event.reason));
        } else {
            // No answer: the response stays unrecorded, as it is. The exchange (and with it
            // the responder) goes; the connection waits until the client or its response
            // timeout gives up.
            exchange->answered = true;
            event.status = 0;
            event.latencyUs = exchange->elapsed.nsecsElapsed() / 1000;
            announce(exchange);
        }
        return;
    }
    if (!anythingNew)
        event.outcome = ListenerEvent::duplicate();
    else if (!exchange->log.outcomeIfNew.isEmpty())
        event.outcome = exchange->log.outcomeIfNew; // unassigned
    else
        event.outcome = ListenerEvent::accepted();

    if (exchange->replyTo && !outcome.messages.isEmpty() &&
        exchange->adapter->supportsSyncReply()) {
        const WriteOutcome::MessageResult& message = outcome.messages.first();
        if (message.kind == WriteOutcome::MessageResult::Kind::Duplicate) {
            // A retry gets the answer the original got, byte for byte, and the reply source is
            // not asked again (it would answer anew, and the provider would send it twice).
            finish(exchange, syncReplyResponse(exchange, message.response.toUtf8()));
            return;
        }
        if (m_replySource) {
            exchange->replyToMessageId = message.id;
            askForReply(exchange);
            return;
        }
    }
    finish(exchange, HttpResponse(200));
}

HttpResponse WebhookListener::syncReplyResponse(const ExchangePtr& exchange,
                                                const QByteArray& body) const
{
    return body.isEmpty() ? HttpResponse(200)
                          : HttpResponse(200, body, exchange->adapter->syncReplyContentType());
}

void WebhookListener::askForReply(const ExchangePtr& exchange)
{
    // Most sources answer at once (no rule applies): then the answer is given here, with no
    // timer and no trip through the event loop. Otherwise the source answers later, from any
    // thread, within a deadline. The deadline timer is a child of the listener (no reference
    // cycle through the lambdas) and goes once the request is answered, by either.
    struct Wait
    {
        bool asking = true; // replyFor() has not returned yet
        std::optional<std::optional<ReplySource::Reply>> atOnce;
        QPointer<QTimer> deadline;
    };
    const auto wait = std::make_shared<Wait>();
    auto answer = [this, exchange, wait](std::optional<ReplySource::Reply> reply) {
        if (exchange->answered || exchange->replying)
            return;
        if (wait->deadline)
            wait->deadline->deleteLater();
        if (reply && !reply->note.isEmpty())
            exchange->replyNote = reply->note;
        const QByteArray body =
            reply ? exchange->adapter->encodeSyncReply(reply->text, reply->media) : QByteArray();
        if (body.isEmpty()) {
            finish(exchange, HttpResponse(200));
            return;
        }
        storeReply(exchange, *reply, body);
    };
    const QPointer<WebhookListener> self(this);
    QThread* const listenerThread = QThread::currentThread();
    m_replySource->replyFor(
        *exchange->replyTo, exchange->replyToMessageId, exchange->event.numberId,
        [self, answer, wait, listenerThread](std::optional<ReplySource::Reply> reply) {
            // Any thread: the answer is given on the listener's, while it exists. Only the
            // listener's own thread can be inside replyFor() (the test comes first).
            if (QThread::currentThread() == listenerThread && wait->asking) {
                wait->atOnce = std::move(reply);
                return;
            }
            if (self)
                QMetaObject::invokeMethod(self.data(), [answer, reply] { answer(reply); });
        });
    wait->asking = false;
    if (wait->atOnce) {
        answer(*wait->atOnce);
        return;
    }
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    wait->deadline = timer;
    connect(timer, &QTimer::timeout, this, [answer] { answer(std::nullopt); });
    timer->start(m_options.replyDeadlineMs);
}

void WebhookListener::storeReply(const ExchangePtr& exchange, const ReplySource::Reply& reply,
                                 const QByteArray& body)
{
    // The reply is an SMS from our number: it joins the thread as an outbound message, and the
    // response that carries it is kept with the inbound one (a retry gets these bytes), both
    // before the response goes out.
    exchange->replying = true;
    const MessageRow& inbound = exchange->replyToRow;
    MessageRow row;
    row.direction = MessageRow::Direction::Outbound;
    row.provider = inbound.provider;
    row.numberId = inbound.numberId;
    row.did = inbound.did;
    row.remote = inbound.remote;
    row.text = reply.text;
    row.media = reply.media;
    row.status = QStringLiteral("sent"); // the provider sends what the response carries
    row.receivedAtMs = m_clock.nowMs();
    row.dedupeKey = QStringLiteral("reply:") + inbound.dedupeKey;
    WriteJob job;
    job.messages.append(row);
    job.response = WriteJob::Response{exchange->replyToMessageId, QString::fromUtf8(body)};
    m_writer.submit(std::move(job), this, [this, exchange, body](const WriteOutcome& outcome) {
        if (!outcome.ok()) {
            // The message is stored: still a 200, without the reply that could not be kept.
            qCWarning(lcListener) << "a synchronous reply was not sent: it could not be stored:"
                                  << outcome.reason;
            exchange->event.reason =
                tr("the reply was not sent: it could not be stored (%1)").arg(outcome.reason);
            finish(exchange, HttpResponse(200));
            return;
        }
        for (const WriteOutcome::MessageResult& message : outcome.messages)
            exchange->event.messageIds.append(message.id);
        finish(exchange, syncReplyResponse(exchange, body));
    });
}

void WebhookListener::respond(const ExchangePtr& exchange, HttpResponse response)
{
    if (exchange->replay) {
        response.setHeader(OutcomeHeader, exchange->event.outcome.toLatin1());
        if (exchange->event.requestLogId > 0)
            response.setHeader(RequestLogIdHeader,
                               QByteArray::number(exchange->event.requestLogId));
    }
    exchange->responder.respond(std::move(response));
}

void WebhookListener::refuse(const ExchangePtr& exchange, const HttpResponse& response,
                             const QString& outcome, const QString& reason)
{
    exchange->event.outcome = outcome;
    respond(exchange, response);
    exchange->answered = true;
    RequestLogRow& log = exchange->log;
    log.outcome = outcome;
    log.reason = reason;
    log.responseStatus = response.status;
    log.responseBody = QString::fromUtf8(response.body);
    log.latencyUs = exchange->elapsed.nsecsElapsed() / 1000;
    ListenerEvent& event = exchange->event;
    event.outcome = outcome;
    event.reason = reason;
    event.status = response.status;
    event.latencyUs = log.latencyUs;
    logRefusal(exchange);
}

void WebhookListener::finish(const ExchangePtr& exchange, const HttpResponse& response)
{
    respond(exchange, response);
    exchange->answered = true;
    ListenerEvent& event = exchange->event;
    event.status = response.status;
    event.latencyUs = exchange->elapsed.nsecsElapsed() / 1000;
    QString reason; // null: the row keeps the reason it was written with
    if (!exchange->replyNote.isEmpty()) {
        const QString& before = exchange->log.reason;
        reason = before.isEmpty() ? exchange->replyNote
                                  : before + QLatin1String("; ") + exchange->replyNote;
        if (event.reason.isEmpty())
            event.reason = reason;
    }
    if (event.requestLogId > 0) {
        m_writer.completeRequestLog(event.requestLogId, response.status,
                                    QString::fromUtf8(response.body), event.latencyUs, reason);
    }
    announce(exchange);
}

void WebhookListener::logRefusal(const ExchangePtr& exchange)
{
    WriteJob job;
    job.requestLog = exchange->log;
    job.requestLog->linkedMessage = -1;
    job.requestLog->linkedStatus = -1;
    m_writer.submit(std::move(job), this, [this, exchange](const WriteOutcome& outcome) {
        if (outcome.ok())
            exchange->event.requestLogId = outcome.requestLogId;
        else
            qCWarning(lcListener) << "could not log a refused request:" << outcome.reason;
        announce(exchange);
    });
}

void WebhookListener::announce(const ExchangePtr& exchange)
{
    Q_EMIT requestHandled(exchange->event);
}

void WebhookListener::requestRejected(const HttpRequest& partialRequest,
                                      const HttpResponse& response, const QString& reason)
{
    const ExchangePtr exchange = beginExchange(partialRequest, HttpResponder());
    exchange->answered = true;
    RequestLogRow& log = exchange->log;
    log.outcome = outcomeForHttpStatus(response.status);
    log.reason = reason;
    log.responseStatus = response.status;
    log.responseBody = QString::fromUtf8(response.body);
    log.latencyUs = 0;
    ListenerEvent& event = exchange->event;
    event.outcome = log.outcome;
    event.reason = reason;
    event.status = response.status;
    logRefusal(exchange);
}

} // namespace smsdesk
