// libFuzzer target: arbitrary bodies through the provider adapters (parse + recognizes), the
// registry's /webhook detection and onCloud's sync-reply encoding. Checked on every input:
// - no crash, no sanitizer report;
// - a rejection has a 4xx status from the known set, a reason and an outcome code;
// - an accepted event is what the listener may rely on: one event, the adapter's provider id,
//   a dedupe key "<provider>:...", numbers in E.164 (or a sender name flagged as such), a DID
//   or a device (never neither), text that survives a UTF-8 round trip, http(s) media only,
//   times null or valid UTC;
// - parsing is deterministic (the same request twice gives the same key or the same reason);
// - the sync reply reads back as the text it encoded.
//
// The first input byte selects what is done with the rest (the body):
//   bits 0-1  adapter: 0 oncloud, 1 pbx, 2 zonitel, 3 android-gateway
//   bit  2    go through ProviderRegistry::detect() (/webhook) instead of the adapter directly
//   bits 3-4  Content-Type: 0 none, 1 the other family's, 2 the adapter's own, 3 own + charset
//   bits 5-7  default region, and whether the context's regionForDid answers
// SMSDESK_FUZZ_ADAPTER=<id> in the environment pins bits 0-1 to that adapter, for a run per
// adapter. The seeds in corpus/<provider>/ start with '0'..'7' (0x30..0x37): own Content-Type,
// region AU. See CMakeLists.txt in this directory for how to build and run it.

#include "http/HttpRequest.h"
#include "providers/PayloadChecker.h"
#include "providers/ProviderRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace smsdesk;

namespace {

void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

const char* const adapterIds[] = {"oncloud", "pbx", "zonitel", "android-gateway"};
const char* const regions[] = {"US", "AU", "GB", "", "XX", "DE", "IN", "BR"};

// The adapter index pinned by SMSDESK_FUZZ_ADAPTER, or -1.
int pinnedAdapter()
{
    const QByteArray wanted = qgetenv("SMSDESK_FUZZ_ADAPTER");
    for (int i = 0; i < 4; ++i) {
        if (wanted == adapterIds[i])
            return i;
    }
    return -1;
}

bool isE164(const QString& value)
{
    static const QRegularExpression shape(QStringLiteral("^\\+[1-9][0-9]{1,14}$"));
    return shape.match(value).hasMatch();
}

bool roundTripsUtf8(const QString& text)
{
    return QString::fromUtf8(text.toUtf8()) == text;
}

void checkTime(const QDateTime& time)
{
    check(time.isNull() || (time.isValid() && time.timeSpec() == Qt::UTC), "time is UTC");
}

void checkMessage(const InboundMessage& message)
{
    check(message.did.isEmpty() != !message.device.has_value(), "a DID or a device, not both");
    check(message.did.isEmpty() || isE164(message.did), "DID is E.164");
    check(!message.remote.isEmpty(), "remote is set");
    check(message.remoteIsAlphanumeric || isE164(message.remote), "remote is E.164 or a name");
    check(roundTripsUtf8(message.text), "text round-trips through UTF-8");
    check(roundTripsUtf8(message.remote), "remote round-trips through UTF-8");
    for (const QString& url : message.media)
        check(PayloadChecker::isHttpUrl(url), "media are http(s) URLs");
    if (message.device)
        check(message.device->sim == 0 || message.device->sim == 1, "SIM is 0 or 1");
    checkTime(message.providerTime);
    if (message.gateway)
        checkTime(message.gateway->dateSent);
}

void checkStatus(const StatusUpdate& update)
{
    check(!update.providerMessageId.isEmpty(), "status has a message id");
    check(update.did.isEmpty() || isE164(update.did), "status DID is E.164");
    check(update.remote.isEmpty() || isE164(update.remote), "status remote is E.164");
    check(!update.rawStatus.isEmpty(), "raw status kept");
    check(update.status != DeliveryStatus::Failed || !update.errorCode.isEmpty(),
          "a failure has a code");
    checkTime(update.providerTime);
}

// The key, or the rejection's reason: what must come out the same twice.
QString verdict(const AdapterResult& result)
{
    return result.ok() ? dedupeKeyOf(result.events().constFirst())
                       : QString::number(result.rejection().httpStatus) + result.rejection().reason;
}

void checkResult(const AdapterResult& result, const ProviderAdapter& adapter)
{
    if (!result.ok()) {
        const Rejection& rejection = result.rejection();
        check(result.events().isEmpty(), "a rejection has no events");
        check(rejection.httpStatus == 400 || rejection.httpStatus == 415 ||
                  rejection.httpStatus == 422,
              "rejection status is 400, 415 or 422");
        check(!rejection.reason.isEmpty(), "rejection has a reason");
        check(!rejection.outcomeCode.isEmpty(), "rejection has an outcome code");
        return;
    }
    check(result.events().size() == 1, "one event per webhook");
    const InboundEvent& event = result.events().constFirst();
    check(providerOf(event) == adapter.id(), "event carries the adapter's provider id");
    check(dedupeKeyOf(event).startsWith(adapter.id() + u':'), "dedupe key is <provider>:...");
    check(dedupeKeyOf(event).size() > adapter.id().size() + 1, "dedupe key is not empty");
    if (const auto* message = std::get_if<InboundMessage>(&event))
        checkMessage(*message);
    else
        checkStatus(std::get<StatusUpdate>(event));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    static const ProviderRegistry registry;

    static const int pinned = pinnedAdapter();

    const uint8_t selector = data[0];
    const QString id = QLatin1String(adapterIds[pinned >= 0 ? pinned : selector & 3]);
    const bool viaDetect = (selector >> 2) & 1;
    const int contentType = (selector >> 3) & 3;
    const char* region = regions[(selector >> 5) & 7];
    const bool isForm = id == u"pbx";

    HttpRequest request;
    request.method = "POST";
    request.target = viaDetect ? QByteArray("/webhook") : "/webhooks/" + id.toLatin1();
    const QByteArray own = isForm ? "application/x-www-form-urlencoded" : "application/json";
    const QByteArray other = isForm ? "application/json" : "application/x-www-form-urlencoded";
    if (contentType == 1)
        request.headers.append({"Content-Type", other});
    else if (contentType == 2)
        request.headers.append({"Content-Type", own});
    else if (contentType == 3)
        request.headers.append({"content-type", own + "; charset=UTF-8"});
    request.body =
        QByteArray(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));

    AdapterContext context;
    context.defaultRegion = QLatin1String(region);
    if (selector & 0x80) {
        context.regionForDid = [](const QString& did, const DeviceRef* device) {
            if (device)
                return device->sim == 0 ? QStringLiteral("AU") : QString();
            return did.startsWith(u"+1") ? QStringLiteral("CA") : QString();
        };
    }

    const ProviderAdapter* adapter = registry.adapterFor(id);
    check(adapter != nullptr, "every adapter is registered");
    if (viaDetect) {
        const auto detection = registry.detect(request);
        if (!detection.ok()) {
            check(detection.rejection.httpStatus == 400, "detection failure is a 400");
            check(!detection.rejection.reason.isEmpty(), "detection failure has a reason");
            return 0;
        }
        check(detection.adapter->recognizes(request), "the detected adapter recognises it");
        adapter = detection.adapter;
    } else {
        (void)adapter->recognizes(request); // must not crash on anything
    }

    const AdapterResult result = adapter->parse(request, context);
    checkResult(result, *adapter);
    check(verdict(adapter->parse(request, context)) == verdict(result), "parsing is deterministic");

    if (adapter->supportsSyncReply()) {
        const QString text = QString::fromUtf8(request.body.left(512));
        const QByteArray reply = adapter->encodeSyncReply(text, {});
        if (text.isEmpty()) {
            check(reply.isEmpty(), "no reply for empty text");
        } else {
            const QJsonObject object = QJsonDocument::fromJson(reply).object();
            check(object.value(QLatin1String("reply")).toString() == text, "reply reads back");
            check(!object.contains(QLatin1String("media")), "no media key without media");
        }
    }
    return 0;
}
