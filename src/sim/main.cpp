// smsdesk-sim: the provider simulator.
//   smsdesk-sim fire --provider P|all --url URL [--count N] [options]
//   smsdesk-sim serve [--listen HOST:PORT] [options]
// Exit status: 0 success; 1 a request was not answered 2xx (fire) or the port could not be
// bound (serve); 2 bad arguments (one line on stderr starting "smsdesk-sim: ").

#include "OutboundEndpoint.h"
#include "WebhookFirer.h"
#include "http/HttpServer.h"
#include "providers/ProviderCatalog.h"
#include "providers/samples/WebhookSampleFactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace smsdesk;

namespace {

enum ExitStatus
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

void writeLine(FILE* stream, const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString oneLine(QString text)
{
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}

int usageError(const QString& command, const QString& message)
{
    const QString where = command.isEmpty() ? QString() : command + QStringLiteral(": ");
    writeLine(stderr,
              QStringLiteral("smsdesk-sim: %1%2 (see smsdesk-sim %3--help)")
                  .arg(where, oneLine(message), command.isEmpty() ? QString() : command + u' '));
    return UsageError;
}

// Parses the command's arguments; a status when the program should stop (--help, errors).
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                         const QString& command, const QString& synopsis)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("smsdesk-sim")} + arguments)) {
        QString error = parser.errorText();
        if (error.endsWith(u'.'))
            error.chop(1);
        return usageError(command, error);
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(0, text.indexOf(u'\n'), QStringLiteral("Usage: smsdesk-sim %1").arg(synopsis));
        std::fputs(text.toUtf8().constData(), stdout);
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(command, QStringLiteral("unexpected argument \"%1\"")
                                       .arg(parser.positionalArguments().constFirst()));
    }
    return std::nullopt;
}

// An integer option within [min, max]; std::nullopt with *status set otherwise.
std::optional<qint64> integerOption(const QCommandLineParser& parser, const QString& name,
                                    qint64 fallback, qint64 min, qint64 max, const QString& command,
                                    int* status)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = parser.value(name).trimmed();
    const qint64 value = text.toLongLong(&ok);
    if (ok && value >= min && value <= max)
        return value;
    *status = usageError(command, QStringLiteral("--%1 must be a whole number from %2 to %3 (got "
                                                 "\"%4\")")
                                      .arg(name)
                                      .arg(min)
                                      .arg(max)
                                      .arg(parser.value(name)));
    return std::nullopt;
}

int fire(const QStringList& arguments)
{
    const QString command = QStringLiteral("fire");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Posts webhooks in a provider's format to a listener, the way the provider would, and "
        "exits 0 only when every request was answered 2xx."));
    parser.addOptions({
        {QStringLiteral("provider"),
         QStringLiteral("oncloud, pbx, zonitel, android-gateway, or all (N of each, interleaved)."),
         QStringLiteral("P")},
        {QStringLiteral("url"),
         QStringLiteral("The listener's base URL (http://127.0.0.1:8080: each request goes to "
                        "/webhooks/<provider> under it), or, when the URL has a path, the full "
                        "endpoint every request is posted to (http://127.0.0.1:8080/webhook)."),
         QStringLiteral("URL")},
        {QStringLiteral("count"), QStringLiteral("Messages per provider (default 1)."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("number"),
         QStringLiteral("The receiving DID in E.164, for every provider; or PROVIDER=E164, "
                        "repeated, a DID per provider (with --provider all). Default: the "
                        "document's example (oncloud +14045559999, zonitel +10000000020, pbx "
                        "+61299999999); the gateway names a device instead (--device-id, --sim)."),
         QStringLiteral("[P=]E164")},
        {QStringLiteral("device-id"),
         QStringLiteral("android-gateway: the device_id (default 42)."), QStringLiteral("ID")},
        {QStringLiteral("sim"),
         QStringLiteral("android-gateway: the SIM slot, 0 or 1 (default 0)."),
         QStringLiteral("0|1")},
        {QStringLiteral("service-id"), QStringLiteral("pbx: the service_id (default 100234)."),
         QStringLiteral("ID")},
        {QStringLiteral("auth-header-env"),
         QStringLiteral("Send an Authorization header whose whole value (\"Bearer abc...\") is "
                        "read from this environment variable."),
         QStringLiteral("VAR")},
        {QStringLiteral("retries"),
         QStringLiteral("Send each message K more times, same id and same bytes, each after the "
                        "previous copy was answered (default 0)."),
         QStringLiteral("K"), QStringLiteral("0")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests in flight at once (default 4)."),
         QStringLiteral("C"), QStringLiteral("4")},
        {QStringLiteral("status"),
         QStringLiteral("Send status webhooks (delivery reports) instead of inbound messages: "
                        "zonitel and android-gateway only.")},
        {QStringLiteral("timeout"),
         QStringLiteral("Give up on a request after MS milliseconds (default 30000)."),
         QStringLiteral("MS"), QStringLiteral("30000")},
        {QStringLiteral("seed"),
         QStringLiteral("Derive message ids from this number instead of a random one (the same "
                        "seed sends the same messages again)."),
         QStringLiteral("S")},
        {{QStringLiteral("v"), QStringLiteral("verbose")},
         QStringLiteral("Print one line per request.")},
    });
    if (auto status = parse(parser, arguments, command,
                            QStringLiteral("fire --provider P|all --url URL [--count N] "
                                           "[options]")))
        return *status;

    if (!parser.isSet(QStringLiteral("provider")))
        return usageError(command, QStringLiteral("--provider is required"));
    if (!parser.isSet(QStringLiteral("url")))
        return usageError(command, QStringLiteral("--url is required"));

    const bool status = parser.isSet(QStringLiteral("status"));
    const QString providerArg = parser.value(QStringLiteral("provider")).trimmed();
    QStringList providers;
    if (providerArg == u"all") {
        for (const QString& id : ProviderCatalog::ids()) {
            if (!status || WebhookSampleFactory::supportsStatus(id))
                providers << id;
        }
    } else {
        providers << providerArg;
    }

    const QUrl url(parser.value(QStringLiteral("url")).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty()) {
        return usageError(command,
                          QStringLiteral("--url \"%1\" is not an http or https URL with a host")
                              .arg(parser.value(QStringLiteral("url"))));
    }

    int error = Success;
    const auto count =
        integerOption(parser, QStringLiteral("count"), 1, 1, 1000000, command, &error);
    const auto retries =
        integerOption(parser, QStringLiteral("retries"), 0, 0, 100, command, &error);
    const auto concurrency =
        integerOption(parser, QStringLiteral("concurrency"), WebhookFirer::DefaultConcurrency, 1,
                      256, command, &error);
    const auto timeout = integerOption(parser, QStringLiteral("timeout"),
                                       WebhookFirer::DefaultTimeoutMs, 1, 3600000, command, &error);
    const auto deviceId =
        integerOption(parser, QStringLiteral("device-id"), WebhookSampleFactory::DefaultDeviceId, 0,
                      9007199254740991, command, &error);
    const auto sim = integerOption(parser, QStringLiteral("sim"), WebhookSampleFactory::DefaultSim,
                                   0, 1, command, &error);
    if (error != Success)
        return error;
    std::optional<quint64> seed;
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        seed = parser.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
        if (!ok) {
            return usageError(command, QStringLiteral("--seed must be a whole number (got \"%1\")")
                                           .arg(parser.value(QStringLiteral("seed"))));
        }
    }

    QByteArray authorization;
    if (parser.isSet(QStringLiteral("auth-header-env"))) {
        const QString variable = parser.value(QStringLiteral("auth-header-env")).trimmed();
        authorization = qgetenv(variable.toLocal8Bit().constData());
        if (variable.isEmpty() || authorization.isEmpty()) {
            return usageError(command,
                              QStringLiteral("--auth-header-env: the environment variable \"%1\" "
                                             "is not set or empty")
                                  .arg(variable));
        }
        if (authorization.contains('\r') || authorization.contains('\n')) {
            return usageError(command, QStringLiteral("--auth-header-env: the value of \"%1\" "
                                                      "has a line break")
                                           .arg(variable));
        }
    }

    // --number E164 (every provider) or --number P=E164 (one provider), repeated.
    QString everyNumber;
    QHash<QString, QString> numbers;
    for (const QString& value : parser.values(QStringLiteral("number"))) {
        const qsizetype equals = value.indexOf(u'=');
        if (equals < 0) {
            if (!everyNumber.isEmpty())
                return usageError(command, QStringLiteral("--number without a provider is given "
                                                          "twice: use --number PROVIDER=E164"));
            everyNumber = value.trimmed();
            continue;
        }
        const QString provider = value.left(equals).trimmed();
        if (!providers.contains(provider)) {
            return usageError(command, QStringLiteral("--number %1: %2 is not a provider of "
                                                      "this run (%3)")
                                           .arg(value, provider, providers.join(u',')));
        }
        if (provider == u"android-gateway") {
            return usageError(command, QStringLiteral("--number %1: the gateway names a device, "
                                                      "not a number: use --device-id and --sim")
                                           .arg(value));
        }
        if (numbers.contains(provider))
            return usageError(command, QStringLiteral("--number: %1 is given twice").arg(provider));
        numbers.insert(provider, value.mid(equals + 1).trimmed());
    }

    std::vector<WebhookSampleFactory> factories;
    for (const QString& provider : providers) {
        WebhookSampleFactory::Options options;
        options.provider = provider;
        options.kind = status ? WebhookSample::Kind::Status : WebhookSample::Kind::Inbound;
        options.number = numbers.value(provider, everyNumber);
        options.deviceId = *deviceId;
        options.sim = int(*sim);
        options.serviceId = parser.value(QStringLiteral("service-id")).trimmed();
        options.webhookUrl =
            WebhookFirer::targetUrl(url, "/webhooks/" + provider.toUtf8()).toString();
        options.authorization = authorization;
        options.seed = seed;
        const QString problem = WebhookSampleFactory::check(options);
        if (!problem.isEmpty())
            return usageError(command, problem);
        factories.emplace_back(options);
    }

    WebhookFirer firer;
    firer.setUrl(url);
    firer.setConcurrency(int(*concurrency));
    firer.setRetries(int(*retries));
    firer.setTimeoutMs(int(*timeout));
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    QObject::connect(
        &firer, &WebhookFirer::requestFinished, [verbose](const WebhookFirer::Report& report) {
            if (!verbose)
                return;
            const QString result = report.status > 0
                                       ? QString::number(report.status)
                                       : QStringLiteral("error: %1").arg(report.error);
            const QString retry =
                report.attempt > 0 ? QStringLiteral(" retry %1").arg(report.attempt) : QString();
            writeLine(stdout, QStringLiteral("%1 POST %2 %3%4 (%5 ms)")
                                  .arg(result, report.url.toString(), report.label, retry)
                                  .arg(report.elapsedMs));
        });

    const auto providerCount = int(factories.size());
    const WebhookFirer::Summary summary =
        firer.run(int(*count) * providerCount, [&factories, providerCount](int i) {
            return factories[size_t(i % providerCount)].sample(i / providerCount);
        });

    constexpr int maxFailureLines = 20;
    for (qsizetype i = 0; i < summary.failures.size() && i < maxFailureLines; ++i) {
        const WebhookFirer::Report& report = summary.failures.at(i);
        const QString answer = report.status > 0
                                   ? QStringLiteral("HTTP %1: %2")
                                         .arg(report.status)
                                         .arg(QString::fromUtf8(report.response.left(200)))
                                   : report.error;
        writeLine(stderr,
                  QStringLiteral("smsdesk-sim: fire: %1%2 failed: %3")
                      .arg(report.label,
                           report.attempt > 0 ? QStringLiteral(" retry %1").arg(report.attempt)
                                              : QString(),
                           oneLine(answer)));
    }
    if (summary.failures.size() > maxFailureLines) {
        writeLine(stderr, QStringLiteral("smsdesk-sim: fire: … and %1 more failures")
                              .arg(summary.failures.size() - maxFailureLines));
    }
    writeLine(stdout, summary.line());
    return summary.allOk() ? Success : Failure;
}

// "HOST:PORT", "[::1]:PORT", ":PORT" (localhost).
bool parseListen(const QString& text, QHostAddress* address, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == u"localhost")
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (host == u"*")
        *address = QHostAddress(QHostAddress::Any);
    else if (!address->setAddress(host))
        return false;
    *port = quint16(value);
    return true;
}

int serve(const QStringList& arguments)
{
    const QString command = QStringLiteral("serve");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves a stand-in for onCloud's outbound endpoint, POST /webhook-to-sms.php, with every "
        "documented answer, and for Zonitel's webhook registration API, PUT and GET "
        "/api/v3/integrations/sms/webhooks. Prints \"listening on http://HOST:PORT\" when ready, "
        "then one JSON "
        "line per request. A request whose text starts with [WH-…] (a documented code) or "
        "[HTTP-NNN] gets that answer. For tests it also answers slowly, drops connections and "
        "answers 500 or 429 on demand."));
    parser.addOptions({
        {QStringLiteral("listen"),
         QStringLiteral("Address and port (default 127.0.0.1:8090; port 0 picks a free one)."),
         QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8090")},
        {QStringLiteral("secret-env"),
         QStringLiteral("The expected secret, read from this environment variable (default: any "
                        "non-empty secret is accepted)."),
         QStringLiteral("VAR")},
        {QStringLiteral("fail"),
         QStringLiteral("Answer every request with this error: WH-AUTH, WH-1, WH-2, WH-3, "
                        "WH-23-2, WH-23-3 or WH-23-4."),
         QStringLiteral("CODE")},
        {QStringLiteral("did"),
         QStringLiteral("A DID configured for webhook SMS, digits only (repeat for more); when "
                        "given, any other \"from\" gets WH-3."),
         QStringLiteral("DIGITS")},
        {QStringLiteral("monthly-limit"),
         QStringLiteral("Accept at most K messages per DID, then answer WH-23-3 (default: no "
                        "limit)."),
         QStringLiteral("K")},
        {QStringLiteral("cycle-day"),
         QStringLiteral("The billing cycle starts on this day of the month (1-31, default 1; a "
                        "day the month lacks means its last day): --monthly-limit counts per "
                        "cycle."),
         QStringLiteral("D")},
        {QStringLiteral("time-zone"),
         QStringLiteral("The zone the billing cycle's midnight is in (IANA name, default the "
                        "system's)."),
         QStringLiteral("ZONE")},
        {QStringLiteral("plan-state"),
         QStringLiteral("active (default), inactive (every send gets WH-23-2) or no-outbound "
                        "(WH-23-4)."),
         QStringLiteral("STATE")},
        {QStringLiteral("delay-ms"),
         QStringLiteral("Answer every request this many milliseconds after reading it."),
         QStringLiteral("MS")},
        {QStringLiteral("drop"),
         QStringLiteral("before-read: close every connection as soon as it is accepted; "
                        "after-read: read each request, then close without an answer."),
         QStringLiteral("WHEN")},
        {QStringLiteral("http-status"),
         QStringLiteral("Answer every request with this bare HTTP status: 500 or 429 (with "
                        "Retry-After, see --retry-after)."),
         QStringLiteral("500|429")},
        {QStringLiteral("fault-count"),
         QStringLiteral("Only the first N requests (connections, for --drop before-read) get "
                        "--drop or --http-status; then the answers are normal."),
         QStringLiteral("N")},
        {QStringLiteral("retry-after"),
         QStringLiteral("Seconds in the Retry-After header of a 429 (default 1)."),
         QStringLiteral("S")},
        {QStringLiteral("record"), QStringLiteral("Also append every request's JSON line to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("zonitel-token-env"),
         QStringLiteral("Zonitel's webhook API (PUT/GET /api/v3/integrations/sms/webhooks): the "
                        "expected Bearer token, read from this environment variable (default: "
                        "any non-empty token)."),
         QStringLiteral("VAR")},
        {QStringLiteral("zonitel-client-id"),
         QStringLiteral("Zonitel's webhook API: an account's X-Client-Id (repeat for more); when "
                        "given, any other gets 403."),
         QStringLiteral("ID")},
        {QStringLiteral("zonitel-fail"),
         QStringLiteral("Zonitel's webhook API: answer every request with this error: 400, 401, "
                        "403 or 500."),
         QStringLiteral("STATUS")},
    });
    if (auto status = parse(parser, arguments, command,
                            QStringLiteral("serve [--listen HOST:PORT] [options]")))
        return *status;

    QHostAddress address;
    quint16 port = 0;
    const QString listen = parser.value(QStringLiteral("listen")).trimmed();
    if (!parseListen(listen, &address, &port)) {
        return usageError(
            command,
            QStringLiteral("--listen \"%1\" is not HOST:PORT (like 127.0.0.1:8090)").arg(listen));
    }

    auto endpoint = std::make_unique<OutboundEndpoint>();
    if (parser.isSet(QStringLiteral("secret-env"))) {
        const QString variable = parser.value(QStringLiteral("secret-env")).trimmed();
        const QString secret = qEnvironmentVariable(variable.toLocal8Bit().constData());
        if (variable.isEmpty() || secret.isEmpty()) {
            return usageError(command,
                              QStringLiteral("--secret-env: the environment variable \"%1\" is not "
                                             "set or empty")
                                  .arg(variable));
        }
        endpoint->setSecret(secret);
    }
    if (parser.isSet(QStringLiteral("fail"))) {
        QString code = parser.value(QStringLiteral("fail")).trimmed().toUpper();
        if (code.startsWith(u'[') && code.endsWith(u']'))
            code = code.mid(1, code.size() - 2);
        if (!OutboundEndpoint::errorCodes().contains(code)) {
            return usageError(command,
                              QStringLiteral("--fail \"%1\" is not a documented code: "
                                             "use one of %2")
                                  .arg(parser.value(QStringLiteral("fail")),
                                       OutboundEndpoint::errorCodes().join(QStringLiteral(", "))));
        }
        endpoint->setForcedError(code);
    }
    const QStringList dids = parser.values(QStringLiteral("did"));
    for (const QString& did : dids) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{10,15}$"));
        if (!digits.match(did).hasMatch()) {
            return usageError(
                command, QStringLiteral("--did \"%1\" must be 10 to 15 digits, no +").arg(did));
        }
    }
    endpoint->setConfiguredDids(dids);
    int error = Success;
    const auto limit =
        integerOption(parser, QStringLiteral("monthly-limit"), 0, 1, 100000000, command, &error);
    if (error != Success)
        return error;
    endpoint->setMonthlyLimit(int(*limit));
    const auto cycleDay =
        integerOption(parser, QStringLiteral("cycle-day"), 1, 1, 31, command, &error);
    const auto delay =
        integerOption(parser, QStringLiteral("delay-ms"), 0, 0, 600000, command, &error);
    const auto faultCount =
        integerOption(parser, QStringLiteral("fault-count"), -1, 1, 1000000, command, &error);
    const auto retryAfter =
        integerOption(parser, QStringLiteral("retry-after"), 1, 0, 86400, command, &error);
    if (error != Success)
        return error;
    endpoint->setCycleDay(int(*cycleDay));
    endpoint->setDelayMs(int(*delay));
    endpoint->setRetryAfterSeconds(int(*retryAfter));
    if (parser.isSet(QStringLiteral("time-zone"))) {
        const QTimeZone zone(parser.value(QStringLiteral("time-zone")).trimmed().toUtf8());
        if (!zone.isValid()) {
            return usageError(command, QStringLiteral("--time-zone \"%1\" is not a known zone "
                                                      "(like America/New_York)")
                                           .arg(parser.value(QStringLiteral("time-zone"))));
        }
        endpoint->setTimeZone(zone);
    }
    const QString planState = parser.value(QStringLiteral("plan-state")).trimmed().toLower();
    if (planState == u"inactive")
        endpoint->setPlanState(OutboundEndpoint::PlanState::Inactive);
    else if (planState == u"no-outbound")
        endpoint->setPlanState(OutboundEndpoint::PlanState::NoOutbound);
    else if (!planState.isEmpty() && planState != u"active")
        return usageError(command, QStringLiteral("--plan-state \"%1\" is not active, inactive "
                                                  "or no-outbound")
                                       .arg(parser.value(QStringLiteral("plan-state"))));
    OutboundEndpoint::Fault fault = OutboundEndpoint::Fault::None;
    if (parser.isSet(QStringLiteral("drop"))) {
        const QString when = parser.value(QStringLiteral("drop")).trimmed().toLower();
        if (when == u"before-read")
            fault = OutboundEndpoint::Fault::DropBeforeRead;
        else if (when == u"after-read")
            fault = OutboundEndpoint::Fault::DropAfterRead;
        else
            return usageError(command, QStringLiteral("--drop \"%1\" is neither before-read nor "
                                                      "after-read")
                                           .arg(parser.value(QStringLiteral("drop"))));
    }
    if (parser.isSet(QStringLiteral("http-status"))) {
        const QString status = parser.value(QStringLiteral("http-status")).trimmed();
        if (fault != OutboundEndpoint::Fault::None)
            return usageError(command, QStringLiteral("give --drop or --http-status, not both"));
        if (status == u"500")
            fault = OutboundEndpoint::Fault::Http500;
        else if (status == u"429")
            fault = OutboundEndpoint::Fault::Http429;
        else
            return usageError(
                command, QStringLiteral("--http-status \"%1\" is neither 500 nor 429").arg(status));
    }

    if (parser.isSet(QStringLiteral("zonitel-token-env"))) {
        const QString variable = parser.value(QStringLiteral("zonitel-token-env")).trimmed();
        const QString token = qEnvironmentVariable(variable.toLocal8Bit().constData());
        if (variable.isEmpty() || token.isEmpty()) {
            return usageError(command,
                              QStringLiteral("--zonitel-token-env: the environment variable "
                                             "\"%1\" is not set or empty")
                                  .arg(variable));
        }
        endpoint->zonitel().setToken(token);
    }
    for (const QString& client : parser.values(QStringLiteral("zonitel-client-id")))
        endpoint->zonitel().addClient(client.trimmed());
    if (parser.isSet(QStringLiteral("zonitel-fail"))) {
        const QString status = parser.value(QStringLiteral("zonitel-fail")).trimmed();
        if (!QStringList{QStringLiteral("400"), QStringLiteral("401"), QStringLiteral("403"),
                         QStringLiteral("500")}
                 .contains(status))
            return usageError(command, QStringLiteral("--zonitel-fail \"%1\" is not 400, 401, "
                                                      "403 or 500")
                                           .arg(status));
        endpoint->zonitel().setForcedStatus(status.toInt());
    }

    std::unique_ptr<QFile> record;
    if (parser.isSet(QStringLiteral("record"))) {
        record = std::make_unique<QFile>(parser.value(QStringLiteral("record")));
        if (!record->open(QIODevice::WriteOnly | QIODevice::Append)) {
            writeLine(stderr, QStringLiteral("smsdesk-sim: serve: cannot open %1: %2")
                                  .arg(record->fileName(), record->errorString()));
            return Failure;
        }
    }
    QObject::connect(endpoint.get(), &OutboundEndpoint::handled,
                     [&record](const OutboundEndpoint::Record& entry) {
                         const QByteArray line = entry.toJsonLine();
                         writeLine(stdout, QString::fromUtf8(line));
                         if (record) {
                             record->write(line + '\n');
                             record->flush();
                         }
                     });

    HttpServer server;
    endpoint->attach(&server);
    endpoint->setFault(fault, int(*faultCount));
    QString listenError;
    if (!server.listen(address, port, &listenError)) {
        writeLine(
            stderr,
            QStringLiteral("smsdesk-sim: serve: cannot listen on %1: %2").arg(listen, listenError));
        return Failure;
    }
    const QHostAddress bound = server.serverAddress();
    const QString host = bound.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(bound.toString())
                             : bound.toString();
    writeLine(stdout,
              QStringLiteral("listening on http://%1:%2").arg(host).arg(server.serverPort()));
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMSDESK_VERSION));
    // stdout is for results; the HTTP layer's progress stays out of it unless asked for.
    QLoggingCategory::setFilterRules(QStringLiteral("smsdesk.*.debug=false\nsmsdesk.*.info=false"));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    if (command == u"fire")
        return fire(arguments.mid(1));
    if (command == u"serve")
        return serve(arguments.mid(1));
    if (command == u"--help" || command == u"-h" || command == u"help") {
        writeLine(stdout,
                  QStringLiteral("Usage: smsdesk-sim fire --provider P|all --url URL [--count N] "
                                 "[options]\n"
                                 "       smsdesk-sim serve [--listen HOST:PORT] [options]\n"
                                 "The SMS Desk provider simulator: fire posts webhooks in each "
                                 "provider's format; serve is a stand-in for onCloud's outbound "
                                 "endpoint. See smsdesk-sim fire --help and smsdesk-sim serve "
                                 "--help."));
        return Success;
    }
    if (command == u"--version") {
        writeLine(stdout,
                  QStringLiteral("smsdesk-sim %1").arg(QCoreApplication::applicationVersion()));
        return Success;
    }
    if (command.isEmpty())
        return usageError({}, QStringLiteral("no command given: use fire or serve"));
    return usageError({}, QStringLiteral("unknown command \"%1\": use fire or serve").arg(command));
}
