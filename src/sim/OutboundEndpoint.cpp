#include "OutboundEndpoint.h"

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "providers/samples/OrderedJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

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
    HttpResponse response = answer(request, record);
    record.httpStatus = response.status;
    m_records.append(record);
    responder.respond(std::move(response));
    Q_EMIT handled(record);
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
            return HttpResponse::json(
                status,
                OrderedJson()
                    .add(QStringLiteral("status"), QStringLiteral("error"))
                    .add(QStringLiteral("message"), QStringLiteral("Simulated HTTP %1").arg(status))
                    .toJson());
        }
    }

    if (!typesOk || record.from.isEmpty() || record.to.isEmpty() ||
        (record.text.isEmpty() && record.mediaUrl.isEmpty()))
        return fail(record, QStringLiteral("WH-1"));

    static const QRegularExpression digits(QStringLiteral("^[0-9]{10,15}$"));
    if (!digits.match(record.from).hasMatch() || !digits.match(record.to).hasMatch())
        return fail(record, QStringLiteral("WH-2"));

    if (secret.isEmpty() || (!m_secret.isEmpty() && secret != m_secret))
        return fail(record, QStringLiteral("WH-AUTH"));

    if (!m_configuredDids.isEmpty() && !m_configuredDids.contains(record.from))
        return fail(record, QStringLiteral("WH-3"));

    int& accepted = m_acceptedPerDid[record.from];
    if (m_monthlyLimit > 0 && accepted >= m_monthlyLimit)
        return fail(record, QStringLiteral("WH-23-3"));

    ++accepted;
    record.outcome = QStringLiteral("accepted");
    record.carrierId = nextCarrierId();
    return HttpResponse::json(200, successBody(record.from, record.to, record.carrierId));
}

} // namespace smsdesk
