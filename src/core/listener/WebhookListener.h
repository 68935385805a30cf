#pragma once

#include "FaultDrill.h"
#include "ListenerEvent.h"
#include "NumberDirectory.h"
#include "ReplySource.h"
#include "http/HttpHandler.h"
#include "providers/InboundEvent.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QTimeZone>
#include <memory>

class QTimer;

namespace smsdesk {

class Clock;
class HttpRequest;
class HttpResponse;
class MessageWriter;
class ProviderAdapter;
class ProviderRegistry;
struct WriteJob;
struct WriteOutcome;

// The webhook endpoint: routes each request to its provider's adapter, maps it to a
// provisioned number, checks that number's credential, hands what it stores to the
// MessageWriter and answers only once that has committed. Every request, refused or not,
// is written to the request log and announced by requestHandled().
//
// Paths: POST /webhooks/<provider>[/<path token>], POST /webhook (the provider is recognised
// from the payload), GET|HEAD /healthz (200 while the store takes writes, else 503).
//
// Answers: 200 once stored (onCloud may carry a reply from the ReplySource, stored before it
// is sent; a duplicate gets the original's answer byte for byte, without asking again), the
// adapter's 400/415/422 for what it refuses, 401 when the number's expected Authorization value or
// path token is missing or wrong, 404 for unknown paths (and, by setting, unprovisioned numbers),
// 405 with Allow, 503 with Retry-After when the store cannot commit in time or a credential cannot
// be read from the keychain, 500 when the store refused the data. Nothing is stored for a refused
// request but its log row.
//
// Lives in one thread (the HttpServer's); setDirectory() may be called from any thread.
class WebhookListener : public QObject, public HttpHandler
{
    Q_OBJECT

public:
    enum class UnassignedPolicy
    {
        Keep,   // messages for numbers that are not provisioned (or disabled) are stored
                // without a number: the "unassigned" inbox; the provider gets 200
        Refuse, // they are refused with 404 and not stored
    };

    // A request carrying ReplayHeader (the inspector's replay of a logged request) gets its
    // outcome code in OutcomeHeader and, when its log row is already written (stored
    // webhooks), the row's id in RequestLogIdHeader.
    static constexpr char ReplayHeader[] = "X-SMSDesk-Replay";
    static constexpr char OutcomeHeader[] = "X-SMSDesk-Outcome";
    static constexpr char RequestLogIdHeader[] = "X-SMSDesk-Request-Log-Id";
    // "Check my public URL": a request carrying ProbeHeader (a one-time token), at any path and
    // with any method, is answered 200 at once with the token echoed in ProbeHeader and, in
    // ProbeRouteHeader, the provider whose webhook path it arrived at ("zonitel"; "*" for
    // /webhook; "" for no webhook path). Nothing is stored or logged; probeReceived() tells.
    static constexpr char ProbeHeader[] = "X-SMSDesk-Probe";
    static constexpr char ProbeRouteHeader[] = "X-SMSDesk-Probe-Route";

    struct Options
    {
        static constexpr int DefaultReplyDeadlineMs = 2000;
        static constexpr int DefaultRequestLogRetentionDays = 30;

        UnassignedPolicy unassigned = UnassignedPolicy::Keep;
        QString defaultRegion = QStringLiteral("US"); // for national-format numbers
        // For times a provider sends without a zone, when the number has no zone of its own.
        QTimeZone defaultTimeZone = QTimeZone::systemTimeZone();
        int replyDeadlineMs = DefaultReplyDeadlineMs; // how long a ReplySource may take
        // Request log rows older than this are deleted (hourly, and once soon after start);
        // 0 keeps them forever.
        int requestLogRetentionDays = DefaultRequestLogRetentionDays;
    };

    // `writer`, `providers` and `clock` must outlive the listener.
    WebhookListener(MessageWriter& writer, const ProviderRegistry& providers, const Clock& clock,
                    const Options& options, QObject* parent = nullptr);
    ~WebhookListener() override;

    const Options& options() const { return m_options; }

    // The numbers requests are matched against. Until the first call every webhook is
    // answered 503 (never accepted unchecked: a number may require a credential). Thread-safe.
    void setDirectory(std::shared_ptr<const NumberDirectory> directory);
    std::shared_ptr<const NumberDirectory> directory() const;

    // Not owned; nullptr: no synchronous replies. Call from the listener's thread.
    void setReplySource(ReplySource* source);

    // Deletes request log rows older than the retention now (also done on a timer).
    void purgeExpiredRequests();

    // Starts (or, with Mode::Off, ends) a fault drill; drillChanged() follows. A drilled webhook
    // is stored like any other, logged with outcome drill-error or drill-no-answer, and then
    // answered 500 or not at all. Call from the listener's thread.
    void setDrill(const FaultDrill& drill);
    // The drill in force; Mode::Off when none (an expired one reads as off).
    FaultDrill drill() const;

    void handleRequest(const HttpRequest& request, HttpResponder responder) override;
    void requestRejected(const HttpRequest& partialRequest, const HttpResponse& response,
                         const QString& reason) override;

Q_SIGNALS:
    void requestHandled(const smsdesk::ListenerEvent& event);
    // A probe arrived (see ProbeHeader): its token and the route it answered.
    void probeReceived(const QString& token, const QString& route);
    // A drill started, counted a webhook or ended (drill.mode Off).
    void drillChanged(const smsdesk::FaultDrill& drill);

private:
    struct Exchange;
    struct Resolution;
    using ExchangePtr = std::shared_ptr<Exchange>;

    ExchangePtr beginExchange(const HttpRequest& request, HttpResponder responder);
    void handleHealth(const ExchangePtr& exchange, const HttpRequest& request);
    void handleProbe(const HttpRequest& request, HttpResponder responder);
    void handleWebhook(const ExchangePtr& exchange, const HttpRequest& request,
                       const ProviderAdapter* adapter, const QByteArray& pathToken);
    // Matches every event to a number and checks credentials; false when refused (answered).
    bool resolve(const ExchangePtr& exchange, const HttpRequest& request, const QString& provider,
                 const QList<InboundEvent>& events, const QByteArray& pathToken,
                 const NumberDirectory& directory, Resolution* resolution);
    void store(const ExchangePtr& exchange, WriteJob job);
    void stored(const ExchangePtr& exchange, const WriteOutcome& outcome);
    void askForReply(const ExchangePtr& exchange);
    // Stores the reply (an outbound message, and the response body with the inbound one), then
    // answers with `body`.
    void storeReply(const ExchangePtr& exchange, const ReplySource::Reply& reply,
                    const QByteArray& body);
    // 200 with a sync reply `body`, or an empty 200 when it is empty.
    HttpResponse syncReplyResponse(const ExchangePtr& exchange, const QByteArray& body) const;
    // Answers, with the replay headers when asked for.
    void respond(const ExchangePtr& exchange, HttpResponse response);
    // `reason`: the message of the response's error body, for the log and the live event.
    void refuse(const ExchangePtr& exchange, const HttpResponse& response, const QString& outcome,
                const QString& reason);
    // Answers, completes the log row (when it exists) and announces the request.
    void finish(const ExchangePtr& exchange, const HttpResponse& response);
    // Writes a log row that has its response already (refusals, failed stores).
    void logRefusal(const ExchangePtr& exchange);
    void announce(const ExchangePtr& exchange);
    // The drill mode for the next stored webhook (counting it), or Off.
    FaultDrill::Mode takeDrill();
    void endDrill();

    MessageWriter& m_writer;
    const ProviderRegistry& m_providers;
    const Clock& m_clock;
    const Options m_options;
    ReplySource* m_replySource = nullptr;
    QTimer* m_retentionTimer = nullptr;
    FaultDrill m_drill;
    QTimer* m_drillTimer = nullptr; // ends a drill with an end time

    mutable QMutex m_directoryMutex;
    std::shared_ptr<const NumberDirectory> m_directory;
};

} // namespace smsdesk
