#include "OutboundEndpoint.h"

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"
#include "outbound/BillingCycle.h"
#include "providers/samples/OrderedJson.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace smsdesk {

namespace {

// The document's "Meaning" of each code; the WH-AUTH text is its example response verbatim.
QString errorText(const QString& code)
{
    if (code == u"WH-AUTH")
        return QStringLiteral("Authentication failed: invalid secret");
    if (code == u"WH-1")
        return QStringLiteral("Missing required fields or invalid JSON");
    if (code == u"WH-2")
        return QStringLiteral("Phone number format invalid");
    if (code == u"WH-3")
        return QStringLiteral("DID not configured for webhook");
    if (code == u"WH-23-2")
        return QStringLiteral("No active SMS plan for this DID");
    if (code == u"WH-23-3")
        return QStringLiteral("Monthly SMS limit exceeded");
    return QStringLiteral("Plan does not include outbound");
}

bool isHttpUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

HttpResponse simulatedStatus(int status)
{
    return HttpResponse::json(
        status, OrderedJson()
                    .add(QStringLiteral("status"), QStringLiteral("error"))
                    .add(QStringLiteral("message"), QStringLiteral("Simulated HTTP %1").arg(status))
                    .toJson());
}

QString bracketPrefixOf(const QString& text)
{
    static const QRegularExpression prefix(QStringLiteral("^\\[([A-Z0-9-]+)\\]"));
    const auto match = prefix.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QByteArray OutboundEndpoint::Record::toJsonLine() const
{
    return OrderedJson()
        .add(QStringLiteral("time"), time.toString(Qt::ISODateWithMs))
        .add(QStringLiteral("outcome"), outcome)
        .add(QStringLiteral("http_status"), httpStatus)
        .add(QStringLiteral("code"), code)
        .add(QStringLiteral("carrier_id"), carrierId)
        .add(QStringLiteral("from"), from)
        .add(QStringLiteral("to"), to)
        .add(QStringLiteral("text"), text)
        .add(QStringLiteral("media_url"), mediaUrl)
        .add(QStringLiteral("target"), target)
        .add(QStringLiteral("peer"), peer)
        .toJson();
}

const QStringList& OutboundEndpoint::errorCodes()
{
    static const QStringList codes = {QStringLiteral("WH-AUTH"), QStringLiteral("WH-1"),
                                      QStringLiteral("WH-2"),    QStringLiteral("WH-3"),
                                      QStringLiteral("WH-23-2"), QStringLiteral("WH-23-3"),
                                      QStringLiteral("WH-23-4")};
    return codes;
}

QByteArray OutboundEndpoint::errorBody(const QString& code)
{
    return OrderedJson()
        .add(QStringLiteral("status"), QStringLiteral("error"))
        .add(QStringLiteral("message"),
             QStringLiteral("%1. Error: [%2]").arg(errorText(code), code))
        .toJson();
}

QByteArray OutboundEndpoint::successBody(const QString& from, const QString& to,
                                         const QString& carrierId)
{
    return OrderedJson()
        .add(QStringLiteral("status"), QStringLiteral("success"))
        .add(QStringLiteral("message"),
             QStringLiteral("SMS Queued | FROM: %1 | TO: %2 | ID: %3").arg(from, to, carrierId))
        .toJson();
}

OutboundEndpoint::OutboundEndpoint(QObject* parent) : QObject(parent)
{
    // Carrier ids look like the document's "bw-msg-abc123": a random run prefix + a counter,
    // so ids stay unique across restarts of the simulator.
    m_carrierPrefix = QString::number(QRandomGenerator::global()->bounded(0x100000, 0xFFFFFF), 16);
}

OutboundEndpoint::~OutboundEndpoint() = default;

void OutboundEndpoint::attach(HttpServer* server)
{
    m_server = server;
    server->setHandler(this);
    m_serverMaxConnections = server->limits().maxConnections;
    connect(server, &HttpServer::connectionRefused, this, &OutboundEndpoint::connectionDropped);
    applyFaultToServer();
}

void OutboundEndpoint::setFault(Fault fault, int count)
{
    m_fault = count == 0 ? Fault::None : fault;
    m_faultCount = count;
    applyFaultToServer();
}

// A server refuses every new connection while its connection limit is 0: that is how the
// endpoint drops connections before reading anything.
void OutboundEndpoint::applyFaultToServer()
{
    if (!m_server)
        return;
    HttpLimits limits = m_server->limits();
    limits.maxConnections = m_fault == Fault::DropBeforeRead ? 0 : m_serverMaxConnections;
    m_server->setLimits(limits);
}

OutboundEndpoint::Fault OutboundEndpoint::takeFault()
{
    const Fault fault = m_fault;
    if (fault != Fault::None && m_faultCount > 0 && --m_faultCount == 0) {
        m_fault = Fault::None;
        applyFaultToServer();
    }
    return fault;
}

void OutboundEndpoint::connectionDropped(const QHostAddress& peer)
{
    Record record;
    record.time = QDateTime::currentDateTimeUtc();
    record.peer = peer.toString();
    if (m_fault == Fault::DropBeforeRead) {
        takeFault();
        record.outcome = QStringLiteral("dropped");
        record.text = QStringLiteral("connection closed before reading the request");
    } else {
        record.outcome = QStringLiteral("refused");
        record.text = QStringLiteral("too many connections");
    }
    finishRecord(record);
}

void OutboundEndpoint::finishRecord(Record record)
{
    m_records.append(record);
    Q_EMIT handled(record);
}

QString OutboundEndpoint::cycleKey(const QString& did) const
{
    const QDateTime now = m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
    const BillingCycle cycle = BillingCycle::containing(now, m_cycleDay, m_zone);
    return did + u'|' + QString::number(cycle.startMs());
}

int OutboundEndpoint::acceptedThisCycle(const QString& did) const
{
    return m_acceptedPerCycle.value(cycleKey(did));
}

void OutboundEndpoint::setConfiguredDids(const QStringList& dids)
{
    m_configuredDids = QSet<QString>(dids.begin(), dids.end());
}

int OutboundEndpoint::acceptedCount() const
{
    int count = 0;
    for (const Record& record : m_records)
        count += record.outcome == u"accepted" ? 1 : 0;
    return count;
}

QString OutboundEndpoint::nextCarrierId()
{
    return QStringLiteral("bw-msg-%1%2")
        .arg(m_carrierPrefix)
        .arg(++m_carrierSequence, 6, 10, QLatin1Char('0'));
}

void OutboundEndpoint::handleRequest(const HttpRequest& request, HttpResponder responder)
{
    Record record;
    record.time = QDateTime::currentDateTimeUtc();
    record.peer = request.peerAddress.toString();
    record.target = QString::fromUtf8(request.method + ' ' + request.target);
    if (request.path() == ZonitelApi::path()) {
        HttpResponse zonitel = m_zonitel.answer(request);
        record.outcome = QStringLiteral("zonitel-api");
        record.httpStatus = zonitel.status;
        responder.respond(std::move(zonitel));
        finishRecord(record);
        return;
    }
    HttpResponse response;
    switch (takeFault()) {
    case Fault::DropAfterRead: {
        const QJsonObject fields = QJsonDocument::fromJson(request.body).object();
        record.from = fields.value(QLatin1String("from")).toString();
        record.to = fields.value(QLatin1String("to")).toString();
        record.text = fields.value(QLatin1String("text")).toString();
        record.mediaUrl = fields.value(QLatin1String("media_url")).toString();
        record.outcome = QStringLiteral("dropped");
        responder.abort();
        finishRecord(record);
        return;
    }
    case Fault::Http500:
        record.outcome = QStringLiteral("http-error");
        record.code = QStringLiteral("HTTP-500");
        response = simulatedStatus(500);
        break;
    case Fault::Http429:
        record.outcome = QStringLiteral("http-error");
        record.code = QStringLiteral("HTTP-429");
        response = simulatedStatus(429);
        response.setHeader("Retry-After", QByteArray::number(m_retryAfterSeconds));
        break;
    case Fault::DropBeforeRead: // the server refused the connection; a request got through
    case Fault::None:
        response = answer(request, record);
        break;
    }
    record.httpStatus = response.status;
    if (m_delayMs > 0) {
        QTimer::singleShot(m_delayMs, this, [responder, response] { responder.respond(response); });
    } else {
        responder.respond(std::move(response));
    }
    finishRecord(record);
}

void OutboundEndpoint::requestRejected(const HttpRequest& partialRequest,
                                       const HttpResponse& response, const QString& reason)
{
    Record record;
    record.time = QDateTime::currentDateTimeUtc();
    record.peer = partialRequest.peerAddress.toString();
    record.target = QString::fromUtf8(partialRequest.method + ' ' + partialRequest.target);
    record.outcome = QStringLiteral("refused");
    record.httpStatus = response.status;
    record.text = reason;
    m_records.append(record);
    Q_EMIT handled(record);
}

HttpResponse OutboundEndpoint::fail(Record& record, const QString& code)
{
    record.outcome = QStringLiteral("error");
    record.code = code;
    return HttpResponse::json(400, errorBody(code));
}

HttpResponse OutboundEndpoint::answer(const HttpRequest& request, Record& record)
{
    if (request.path() != path()) {
        record.outcome = QStringLiteral("refused");
        return HttpResponse::error(404, QStringLiteral("no such endpoint: POST %1 is the only one")
                                            .arg(QString::fromLatin1(path())));
    }
    if (request.method != "POST") {
        record.outcome = QStringLiteral("refused");
        HttpResponse response = HttpResponse::error(405, QStringLiteral("use POST"));
        response.setHeader("Allow", "POST");
        return response;
    }
    if (!m_forcedError.isEmpty())
        return fail(record, m_forcedError);
    // The document's one header: Content-Type: application/json.
    if (request.mediaType() != "application/json")
        return fail(record, QStringLiteral("WH-1"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(record, QStringLiteral("WH-1"));
    const QJsonObject object = document.object();

    // Every field given must be a string; keep what was sent for the record.
    bool typesOk = true;
    const auto field = [&](const char* name) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (!value.isUndefined() && !value.isString())
            typesOk = false;
        return value.toString();
    };
    record.from = field("from");
    record.to = field("to");
    record.text = field("text");
    record.mediaUrl = field("media_url");
    const QString secret = field("secret");

    const QString selected = bracketPrefixOf(record.text);
    if (errorCodes().contains(selected))
        return fail(record, selected);
    if (selected.startsWith(u"HTTP-")) {
        bool ok = false;
        const int status = selected.mid(5).toInt(&ok);
        if (ok && status >= 400 && status <= 599) {
            record.outcome = QStringLiteral("http-error");
            record.code = selected;
            return simulatedStatus(status);
        }
    }

    if (!typesOk || record.from.isEmpty() || record.to.isEmpty() ||
        (record.text.isEmpty() && record.mediaUrl.isEmpty()) ||
        (!record.mediaUrl.isEmpty() && !isHttpUrl(record.mediaUrl)))
        return fail(record, QStringLiteral("WH-1"));

    static const QRegularExpression digits(QStringLiteral("^[0-9]{10,15}$"));
    if (!digits.match(record.from).hasMatch() || !digits.match(record.to).hasMatch())
        return fail(record, QStringLiteral("WH-2"));

    if (secret.isEmpty() || (!m_secret.isEmpty() && secret != m_secret))
        return fail(record, QStringLiteral("WH-AUTH"));

    if (!m_configuredDids.isEmpty() && !m_configuredDids.contains(record.from))
        return fail(record, QStringLiteral("WH-3"));

    if (m_planState == PlanState::Inactive)
        return fail(record, QStringLiteral("WH-23-2"));
    if (m_planState == PlanState::NoOutbound)
        return fail(record, QStringLiteral("WH-23-4"));

    int& accepted = m_acceptedPerCycle[cycleKey(record.from)];
    if (m_monthlyLimit > 0 && accepted >= m_monthlyLimit)
        return fail(record, QStringLiteral("WH-23-3"));

    ++accepted;
    record.outcome = QStringLiteral("accepted");
    record.carrierId = nextCarrierId();
    return HttpResponse::json(200, successBody(record.from, record.to, record.carrierId));
}

} // namespace smsdesk
