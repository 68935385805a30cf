#include "WebhookSampleFactory.h"

#include "OrderedJson.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>
#include <cmath>

namespace smsdesk {

namespace {

const QString onCloudId = QStringLiteral("oncloud");
const QString pbxId = QStringLiteral("pbx");
const QString zonitelId = QStringLiteral("zonitel");
const QString gatewayId = QStringLiteral("android-gateway");

constexpr qint64 maxJsonInteger = 9007199254740991; // 2^53 - 1

// The ids of one run live in this namespace (a fixed, random UUID).
const QUuid idNamespace(QStringLiteral("{6f1c0d3a-58d4-4a57-9a3e-2b1f6c7de901}"));

QString unicodeText()
{
    return QStringLiteral(
        "Olá! Ça va? 🙂👍🏽 — ταυτότητα, 你好, Привет ✓");
}

QString multiLineText()
{
    return QStringLiteral("First line\nSecond line\r\nThird line after CRLF\n\n  indented, after a "
                          "blank line\n");
}

QString longText(int n)
{
    QString text = QStringLiteral("Long message %1: ").arg(n);
    while (text.size() < 400)
        text += QStringLiteral("the quick brown fox jumps over the lazy dog; ");
    return text;
}

// GSM 03.38: the basic set (one septet each) and the extension table (two septets each).
bool gsmSeptets(const QString& text, int* septets)
{
    static const QString basic =
        QStringLiteral("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ "
                       "!\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    static const QString extension = QStringLiteral("^{}\\[~]|€\f");
    int count = 0;
    for (const QChar c : text) {
        if (basic.contains(c))
            count += 1;
        else if (extension.contains(c))
            count += 2;
        else
            return false;
    }
    *septets = count;
    return true;
}

// How many SMS parts the text needs: GSM-7 160/153, otherwise UCS-2 70/67 code units.
int segmentsOf(const QString& text)
{
    int septets = 0;
    if (gsmSeptets(text, &septets))
        return septets <= 160 ? 1 : int(std::ceil(septets / 153.0));
    const auto units = text.size();
    return units <= 70 ? 1 : int(std::ceil(double(units) / 67.0));
}

QString digitsOnly(const QString& e164)
{
    return e164.startsWith(u'+') ? e164.mid(1) : e164;
}

// The first of `forms` that a receiver reads back as `e164` (in the DID's region).
QString readableForm(const QStringList& forms, const QString& e164, const QString& region)
{
    for (const QString& form : forms) {
        const auto result = PhoneNumber::normalizeFromProvider(form, region);
        if (result.ok() && !result.alphanumeric && result.value == e164)
            return form;
    }
    return e164;
}

// A number near the DID, in its country (so it has a national format): the DID with its
// last digits replaced. Empty national when no such valid number exists (documents' own
// example DIDs such as +10000000020 are not valid numbers).
struct LocalSender
{
    QString e164;
    QString national;
};

LocalSender localSender(const QString& did)
{
    const QString region = PhoneNumber::regionOfE164(did);
    if (!region.isEmpty() && did.size() > 6) {
        for (const QLatin1String tail : {QLatin1String("1234"), QLatin1String("5678")}) {
            const QString candidate = did.left(did.size() - 4) + tail;
            if (candidate == did)
                continue;
            const auto parsed = PhoneNumber::parse(candidate, region);
            if (!parsed.ok() || parsed.number.e164() != candidate)
                continue;
            const QString national = parsed.number.national();
            const auto back = PhoneNumber::normalizeFromProvider(national, region);
            if (back.ok() && back.value == candidate)
                return {candidate, national};
        }
    }
    return {QStringLiteral("+17705551234"), {}};
}

QByteArray formEncode(const QList<std::pair<const char*, QString>>& fields)
{
    QByteArray out;
    for (const auto& [name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += name;
        out += '=';
        out += QUrl::toPercentEncoding(value);
    }
    return out;
}

QString gatewayStatusMessage(int statusId)
{
    // The document's own words for each status_id.
    switch (statusId) {
    case 1:
        return QStringLiteral("Pending SMS");
    case 2:
        return QStringLiteral("SMS taken by phone");
    case 3:
        return QStringLiteral("Queued for sending");
    case 5:
        return QStringLiteral("Incoming SMS");
    case 6:
        return QStringLiteral("SMS Sent by Phone");
    case 7:
        return QStringLiteral("SMS has been Delivered");
    case 8:
        return QStringLiteral("SMS was NOT Delivered");
    case 9:
        return QStringLiteral("SMS didn't SENT at all - Generic failure");
    case 10:
        return QStringLiteral("SMS Not Sent - No Service");
    case 11:
        return QStringLiteral("SMS Not Sent - Null PDU");
    case 12:
        return QStringLiteral("SMS Not Sent - Radio Off");
    default:
        return QStringLiteral("SMS Not Sent - NOT ALLOWED");
    }
}

// The document's status table, in its order.
constexpr int gatewayStatuses[] = {1, 3, 2, 5, 6, 7, 8, 9, 10, 11, 12, 100, 101};
constexpr int gatewayStatusCount = int(sizeof(gatewayStatuses) / sizeof(gatewayStatuses[0]));

QString gatewayTime(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

QString WebhookSampleFactory::defaultNumber(const QString& provider)
{
    if (provider == onCloudId)
        return QStringLiteral("+14045559999");
    if (provider == pbxId)
        return QStringLiteral("+61299999999");
    if (provider == zonitelId)
        return QStringLiteral("+10000000020");
    return {};
}

bool WebhookSampleFactory::supportsStatus(const QString& provider)
{
    return provider == zonitelId || provider == gatewayId;
}

QString WebhookSampleFactory::check(const Options& options)
{
    if (!ProviderCatalog::find(options.provider)) {
        return QStringLiteral("unknown provider \"%1\": use one of %2")
            .arg(options.provider, ProviderCatalog::ids().join(QStringLiteral(", ")));
    }
    if (options.kind == WebhookSample::Kind::Status && !supportsStatus(options.provider)) {
        return QStringLiteral("%1 sends no status webhooks (only zonitel and android-gateway do)")
            .arg(options.provider);
    }
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{1,14}$"));
    if (!options.number.isEmpty() && !e164.match(options.number).hasMatch()) {
        return QStringLiteral("the number \"%1\" is not in E.164 format (+ and up to 15 digits, "
                              "like +14045559999)")
            .arg(options.number);
    }
    if (options.deviceId < 0 || options.deviceId > maxJsonInteger)
        return QStringLiteral("the device id must be a whole number from 0 to 2^53-1");
    if (options.sim != 0 && options.sim != 1)
        return QStringLiteral("the SIM slot must be 0 or 1");
    if (!options.webhookUrl.isEmpty() && !QUrl(options.webhookUrl).isValid())
        return QStringLiteral("the webhook URL \"%1\" is not a URL").arg(options.webhookUrl);
    return {};
}

WebhookSampleFactory::WebhookSampleFactory(Options options) : m_options(std::move(options))
{
    m_number = m_options.number.isEmpty() ? defaultNumber(m_options.provider) : m_options.number;
    m_seed = m_options.seed ? *m_options.seed : QRandomGenerator::global()->generate64();
    // Whole seconds: every provider's time has that resolution. onCloud's ISO 8601 may have
    // a fraction: the clock's milliseconds, then microseconds from the seed, below 500 so that
    // a receiver that keeps milliseconds reads exactly the clock's.
    const QDateTime now =
        m_options.baseTime.isValid() ? m_options.baseTime : QDateTime::currentDateTimeUtc();
    m_baseTime = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    if (!m_options.baseTime.isValid())
        m_runMicroseconds = int(now.time().msec()) * 1000 + int(m_seed % 500);
}

int WebhookSampleFactory::variationCount() const
{
    const bool status = m_options.kind == WebhookSample::Kind::Status;
    if (m_options.provider == onCloudId)
        return 6;
    if (m_options.provider == pbxId)
        return 6;
    if (m_options.provider == zonitelId)
        return status ? 3 : 5;
    return status ? gatewayStatusCount : 5;
}

WebhookSample WebhookSampleFactory::sample(int n) const
{
    const bool status = m_options.kind == WebhookSample::Kind::Status;
    if (m_options.provider == onCloudId)
        return onCloud(n);
    if (m_options.provider == pbxId)
        return pbx(n);
    if (m_options.provider == zonitelId)
        return status ? zonitelStatus(n) : zonitelInbound(n);
    return status ? gatewayStatus(n) : gatewayInbound(n);
}

WebhookSample WebhookSampleFactory::base(int n) const
{
    WebhookSample sample;
    sample.provider = m_options.provider;
    sample.kind = m_options.kind;
    sample.sequence = n;
    sample.path = "/webhooks/" + m_options.provider.toUtf8();
    sample.authorization = m_options.authorization;
    return sample;
}

QString WebhookSampleFactory::uuid(int n) const
{
    const QByteArray name = QByteArray::number(m_seed) + ':' + m_options.provider.toUtf8() + ':' +
                            QByteArray::number(int(m_options.kind)) + ':' + QByteArray::number(n);
    return QUuid::createUuidV5(idNamespace, name).toString(QUuid::WithoutBraces);
}

QDateTime WebhookSampleFactory::timeOf(int n) const
{
    return m_baseTime.addSecs(n);
}

WebhookSample WebhookSampleFactory::onCloud(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/json");
    sample.did = m_number;
    sample.remote = QStringLiteral("+17705551234");
    const QString mediaBase = QStringLiteral("https://api.cloudspirevoice.com/uploads/wh_");
    const QString mediaId = uuid(n).remove(u'-').left(13);
    switch (n % variationCount()) {
    case 0:
        sample.variation = QStringLiteral("document example");
        sample.text = QStringLiteral("Hello, I need help with my account");
        sample.media = {n == 0 ? QStringLiteral("https://api.cloudspirevoice.com/uploads/"
                                                "wh_67ae1b2f3c4d5.jpg")
                               : mediaBase + mediaId + QStringLiteral(".jpg")};
        break;
    case 1:
        sample.variation = QStringLiteral("document two-way example, no media");
        sample.text = QStringLiteral("What are your business hours?");
        break;
    case 2:
        sample.variation = QStringLiteral("unicode and emoji");
        sample.text = unicodeText();
        break;
    case 3:
        sample.variation = QStringLiteral("multi-line text");
        sample.text = multiLineText();
        break;
    case 4:
        sample.variation = QStringLiteral("MMS only: empty text, two media URLs");
        sample.media = {mediaBase + mediaId + QStringLiteral(".jpg"),
                        mediaBase + mediaId + QStringLiteral("b.png")};
        break;
    default:
        sample.variation = QStringLiteral("another country's sender, long text");
        sample.remote = QStringLiteral("+447700900123");
        sample.text = longText(n);
        break;
    }
    // The document's timestamps carry the sender's offset (-05:00).
    const QDateTime local = timeOf(n).toOffsetFromUtc(-5 * 3600);
    sample.time = timeOf(n).addMSecs(m_runMicroseconds / 1000);
    QString timestamp = local.toString(Qt::ISODate);
    if (m_runMicroseconds != 0) {
        const QString fraction = QStringLiteral(".%1").arg(m_runMicroseconds, 6, 10, QChar(u'0'));
        timestamp = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + fraction +
                    timestamp.right(6); // the offset, "-05:00"
    }

    OrderedJson json;
    json.add(QStringLiteral("event"), QStringLiteral("sms.inbound"))
        .add(QStringLiteral("from"), sample.remote)
        .add(QStringLiteral("to"), sample.did)
        .add(QStringLiteral("text"), sample.text);
    if (!sample.media.isEmpty()) // "Only present when the message includes media."
        json.add(QStringLiteral("media"), QJsonArray::fromStringList(sample.media));
    json.add(QStringLiteral("timestamp"), timestamp);
    sample.body = json.toJson();
    return sample;
}

WebhookSample WebhookSampleFactory::pbx(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    sample.did = m_number;
    const QString region = PhoneNumber::regionOfE164(m_number);
    const LocalSender sender = localSender(m_number);
    sample.remote = sender.e164;
    // The carrier's own form: digits with the country code, no "+" (as its test command and
    // its Australian numbers suggest); "+" only if digits alone would be read otherwise.
    const QString smsNumber = readableForm({digitsOnly(m_number)}, m_number, region);
    QString from = readableForm({digitsOnly(sender.e164)}, sender.e164, region);
    switch (n % variationCount()) {
    case 0:
        sample.variation = QStringLiteral("document example");
        sample.text = QStringLiteral("Test Message");
        break;
    case 1:
        sample.variation = QStringLiteral("national-format sender");
        sample.text = QStringLiteral("Are you open on Saturday?");
        if (!sender.national.isEmpty())
            from = sender.national;
        break;
    case 2:
        // "The name or number that sent the message": a sender name.
        sample.variation = QStringLiteral("alphanumeric sender");
        sample.text = QStringLiteral("Your verification code is %1").arg(100000 + n % 900000);
        from = QStringLiteral("ACME");
        sample.remote = from;
        sample.remoteIsAlphanumeric = true;
        break;
    case 3:
        sample.variation = QStringLiteral("unicode and emoji, E.164 sender");
        sample.text = unicodeText();
        from = sender.e164;
        break;
    case 4:
        sample.variation = QStringLiteral("multi-line text");
        sample.text = multiLineText();
        break;
    default:
        sample.variation = QStringLiteral("long text");
        sample.text = longText(n);
        break;
    }
    sample.messageId = uuid(n);
    sample.time = timeOf(n);
    const QString serviceId =
        m_options.serviceId.isEmpty() ? QStringLiteral("100234") : m_options.serviceId;
    const QString webhookUrl = m_options.webhookUrl.isEmpty()
                                   ? QStringLiteral("https://youendpoint.com/sms/test")
                                   : m_options.webhookUrl;
    sample.body = formEncode({{"service_id", serviceId},
                              {"from", from},
                              {"sms_number", smsNumber},
                              {"body", sample.text},
                              {"message_id", sample.messageId},
                              {"timestamp", QString::number(sample.time.toSecsSinceEpoch())},
                              {"webhook_url", webhookUrl},
                              {"webhook_url_fallback", QStringLiteral("you@email.com")}});
    return sample;
}

namespace {

// Zonitel's document of a message, inbound or a status report of an outbound one:
// {status, data{id, segments, direction, messageText, from, to, medias}, message}.
QByteArray zonitelBody(const WebhookSample& sample, bool inbound, const QString& status,
                       const QString& message)
{
    OrderedJson data;
    data.add(QStringLiteral("id"), sample.messageId)
        .add(QStringLiteral("segments"), segmentsOf(sample.text))
        .add(QStringLiteral("direction"),
             inbound ? QStringLiteral("inbound") : QStringLiteral("outbound"))
        .add(QStringLiteral("messageText"), sample.text)
        .add(QStringLiteral("from"), inbound ? sample.remote : sample.did)
        .add(QStringLiteral("to"), inbound ? sample.did : sample.remote)
        .add(QStringLiteral("medias"), QJsonArray::fromStringList(sample.media));
    return OrderedJson()
        .add(QStringLiteral("status"), status)
        .addRaw(QStringLiteral("data"), data.toJson())
        .add(QStringLiteral("message"), message)
        .toJson();
}

} // namespace

WebhookSample WebhookSampleFactory::zonitelInbound(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/json");
    sample.did = m_number;
    sample.remote = QStringLiteral("+10000000010");
    switch (n % variationCount()) {
    case 0:
        sample.variation = QStringLiteral("document example");
        sample.text = QStringLiteral("Hello, this is a test SMS");
        break;
    case 1:
        sample.variation = QStringLiteral("unicode and emoji");
        sample.text = unicodeText();
        break;
    case 2:
        sample.variation = QStringLiteral("multi-line text");
        sample.text = multiLineText();
        break;
    case 3:
        sample.variation = QStringLiteral("media");
        sample.text = QStringLiteral("Photos attached");
        sample.media = {QStringLiteral("https://example.com/media1.jpg"),
                        QStringLiteral("https://example.com/media2.png")};
        break;
    default:
        sample.variation = QStringLiteral("another country's sender, long text");
        sample.remote = QStringLiteral("+447700900123");
        sample.text = longText(n);
        break;
    }
    sample.messageId = uuid(n);
    sample.body = zonitelBody(sample, true, QStringLiteral("received"),
                              QStringLiteral("SMS message received successfully"));
    return sample;
}

WebhookSample WebhookSampleFactory::zonitelStatus(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/json");
    sample.did = m_number; // outbound: from our number
    QString message;
    switch (n % variationCount()) {
    case 0:
        sample.variation = QStringLiteral("document example: delivered");
        sample.status = QStringLiteral("delivered");
        sample.remote = QStringLiteral("+10000000030");
        sample.text = QStringLiteral("Test outbound SMS with media");
        sample.media = {QStringLiteral("https://example.com/media1.jpg")};
        message = QStringLiteral("SMS message delivered successfully");
        break;
    case 1:
        sample.variation = QStringLiteral("failed");
        sample.status = QStringLiteral("failed");
        sample.remote = QStringLiteral("+10000000030");
        sample.text = QStringLiteral("Your appointment is confirmed for Friday at 3pm.");
        message = QStringLiteral("SMS message failed");
        break;
    default:
        sample.variation = QStringLiteral("sent");
        sample.status = QStringLiteral("sent");
        sample.remote = QStringLiteral("+10000000010");
        sample.text = unicodeText();
        message = QStringLiteral("SMS message sent successfully");
        break;
    }
    sample.messageId = uuid(n);
    sample.body = zonitelBody(sample, false, sample.status, message);
    return sample;
}

WebhookSample WebhookSampleFactory::gatewayInbound(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/json");
    sample.device = DeviceRef{m_options.deviceId, m_options.sim};
    sample.remote = QStringLiteral("+17705551234");
    switch (n % variationCount()) {
    case 0:
        sample.variation = QStringLiteral("typical values");
        sample.text = QStringLiteral("Hello from the gateway");
        break;
    case 1:
        sample.variation = QStringLiteral("unicode and emoji");
        sample.text = unicodeText();
        break;
    case 2:
        sample.variation = QStringLiteral("multi-line text");
        sample.text = multiLineText();
        break;
    case 3:
        sample.variation = QStringLiteral("another country's sender");
        sample.remote = QStringLiteral("+61412345678");
        sample.text = QStringLiteral("G'day, can you call me back?");
        break;
    default:
        sample.variation = QStringLiteral("long text");
        sample.text = longText(n);
        break;
    }
    // Ids are ints: distinct per n, from a base the seed picks.
    const qint64 idBase = 1000000 + qint64(m_seed % 1000000000ULL) * 1000;
    sample.messageId = QString::number(idBase + n);
    sample.time = timeOf(n);
    // "address": int: the number's digits with the country code.
    const qint64 address = digitsOnly(sample.remote).toLongLong();
    sample.body = OrderedJson()
                      .add(QStringLiteral("address"), address)
                      .add(QStringLiteral("date"), gatewayTime(sample.time))
                      .add(QStringLiteral("date_sent"), gatewayTime(sample.time.addSecs(-3)))
                      .add(QStringLiteral("body"), sample.text)
                      .add(QStringLiteral("internal_id"), qint64(n + 1))
                      .add(QStringLiteral("sim"), m_options.sim)
                      .add(QStringLiteral("sms_id"), idBase + n)
                      .add(QStringLiteral("device_id"), m_options.deviceId)
                      .add(QStringLiteral("device_name"), QStringLiteral("Pixel 7 (simulator)"))
                      .toJson();
    return sample;
}

WebhookSample WebhookSampleFactory::gatewayStatus(int n) const
{
    WebhookSample sample = base(n);
    sample.contentType = QByteArrayLiteral("application/json");
    sample.device = DeviceRef{m_options.deviceId, m_options.sim};
    const int statusId = gatewayStatuses[n % gatewayStatusCount];
    sample.status = QString::number(statusId);
    sample.text = gatewayStatusMessage(statusId); // status_message
    sample.variation = QStringLiteral("status %1 (%2)").arg(statusId).arg(sample.text);
    sample.remote = QStringLiteral("+17705551234");
    // "sendto": string: E.164 mostly, the digits alone every other round of the table.
    const QString sendTo =
        (n / gatewayStatusCount) % 2 == 0 ? sample.remote : digitsOnly(sample.remote);
    const qint64 idBase = 5000000 + qint64(m_seed % 1000000000ULL) * 1000;
    sample.messageId = QString::number(idBase + n);
    sample.time = timeOf(n);
    sample.body = OrderedJson()
                      .add(QStringLiteral("sms_id"), idBase + n)
                      .add(QStringLiteral("status_id"), statusId)
                      .add(QStringLiteral("status_message"), sample.text)
                      .add(QStringLiteral("sendto"), sendTo)
                      .add(QStringLiteral("senttime"), gatewayTime(sample.time))
                      .add(QStringLiteral("sim"), m_options.sim)
                      .add(QStringLiteral("device_id"), m_options.deviceId)
                      .toJson();
    return sample;
}

} // namespace smsdesk
