#pragma once

#include "ZonitelApi.h"
#include "http/HttpHandler.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace smsdesk {

class Clock;
class HttpServer;

// A stand-in for onCloud's outbound REST endpoint, POST /webhook-to-sms.php (document 000):
// JSON {from, to, text, secret, media_url}, digits-only numbers; 200
// {"status":"success","message":"SMS Queued | FROM: … | TO: … | ID: bw-msg-…"} carrying a
// carrier id, or 400 {"status":"error","message":"… Error: [WH-…]"}.
//
// Checks, in this order (the first failing one answers):
//   0. Faults asked for (setFault): drop the connection before reading the request (the server
//      accepts and closes it; needs attach()), drop it after reading, or answer 500/429 (with
//      Retry-After); for every request or the next N. setDelayMs() delays every answer.
//   1. --fail CODE (setForcedError): every request gets that error.
//   2. Content-Type must be application/json and the body a JSON object    -> WH-1
//   3. "text" starting with "[CODE]" selects that answer for this request: a WH-* code
//      ("[WH-23-3] hello"), or "[HTTP-NNN]" for a bare HTTP status NNN (400-599).
//   4. from, to: non-empty strings; text or media_url: a non-empty string;
//      every field given must be a string; media_url an http(s) URL          -> WH-1
//   5. from and to: 10 to 15 digits, nothing else                            -> WH-2
//   6. secret: present and equal to the expected one (setSecret; when none is
//      set, any non-empty secret)                                            -> WH-AUTH
//   7. from among the configured DIDs (setConfiguredDids; empty: any)        -> WH-3
//   8. the plan (setPlanState): inactive                                     -> WH-23-2
//                               without outbound                             -> WH-23-4
//   9. fewer than the monthly limit accepted from this DID in the current billing cycle
//      (setMonthlyLimit; the cycle starts on setCycleDay() at midnight in setTimeZone(), a
//      day the month lacks meaning its last day)                            -> WH-23-3
//
// It also serves Zonitel's webhook registration API at ZonitelApi::path() (zonitel()), recorded
// with outcome "zonitel-api".
class OutboundEndpoint : public QObject, public HttpHandler
{
    Q_OBJECT

public:
    // What one request to the endpoint came to.
    struct Record
    {
        QDateTime time;  // UTC
        QString outcome; // "accepted", "error" (a WH-* answer), "http-error" ([HTTP-NNN],
                         // a 500/429 fault), "dropped" (a drop fault: httpStatus 0),
                         // "refused" (wrong path or method, or refused by the HTTP layer)
        int httpStatus = 0;
        QString code;      // "WH-2"; empty when accepted
        QString carrierId; // "bw-msg-…" when accepted
        QString from;      // as sent (strings only)
        QString to;
        QString text;
        QString mediaUrl;
        QString target; // method and request target: "POST /webhook-to-sms.php"
        QString peer;   // client address
        // One JSON object, keys in this order; never the secret.
        QByteArray toJsonLine() const;
    };

    static QByteArray path() { return QByteArrayLiteral("/webhook-to-sms.php"); }
    // "WH-AUTH", "WH-1", "WH-2", "WH-3", "WH-23-2", "WH-23-3", "WH-23-4" (the document's order).
    static const QStringList& errorCodes();
    // The JSON body the document shows for an error code ("WH-2"), and for a success.
    static QByteArray errorBody(const QString& code);
    static QByteArray successBody(const QString& from, const QString& to, const QString& carrierId);

    enum class PlanState
    {
        Active,
        Inactive,   // WH-23-2
        NoOutbound, // WH-23-4
    };

    enum class Fault
    {
        None,
        DropBeforeRead, // accept the connection and close it at once (needs attach())
        DropAfterRead,  // read the whole request, then close without an answer
        Http500,
        Http429, // with Retry-After: setRetryAfterSeconds()
    };

    explicit OutboundEndpoint(QObject* parent = nullptr);
    ~OutboundEndpoint() override;

    // Serves on `server` (its handler from now on); needed for Fault::DropBeforeRead, which
    // the server does by refusing every connection.
    void attach(HttpServer* server);

    void setSecret(const QString& secret) { m_secret = secret; }
    // Empty: none. Must be one of errorCodes().
    void setForcedError(const QString& code) { m_forcedError = code; }
    // Digits-only DIDs configured for webhook SMS; empty: every DID is.
    void setConfiguredDids(const QStringList& dids);
    // Sends accepted per DID and billing cycle before WH-23-3; 0: no limit.
    void setMonthlyLimit(int limit) { m_monthlyLimit = limit; }
    // The billing cycle's first day (1-31; default 1) and the zone its midnight is in (default
    // the system's).
    void setCycleDay(int day) { m_cycleDay = day; }
    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }
    // "Now" for the billing cycle (tests); nullptr: the system clock. Not owned.
    void setClock(const Clock* clock) { m_clock = clock; }
    void setPlanState(PlanState state) { m_planState = state; }
    // `count` requests get the fault, then the endpoint answers normally; -1: every request.
    void setFault(Fault fault, int count = -1);
    Fault fault() const { return m_fault; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    // Every answer is written this long after the request was read; 0: at once.
    void setDelayMs(int delayMs) { m_delayMs = delayMs; }
    // Accepted sends of a DID in the billing cycle that contains now.
    int acceptedThisCycle(const QString& did) const;

    // Zonitel's webhook registration API, served beside the endpoint.
    ZonitelApi& zonitel() { return m_zonitel; }

    const QList<Record>& records() const { return m_records; }
    int acceptedCount() const;

    void handleRequest(const HttpRequest& request, HttpResponder responder) override;
    void requestRejected(const HttpRequest& partialRequest, const HttpResponse& response,
                         const QString& reason) override;

Q_SIGNALS:
    void handled(const smsdesk::OutboundEndpoint::Record& record);

private:
    HttpResponse answer(const HttpRequest& request, Record& record);
    HttpResponse fail(Record& record, const QString& code);
    QString nextCarrierId();
    // The fault for the next request (counting it down); Fault::None when there is none.
    Fault takeFault();
    void applyFaultToServer();
    void connectionDropped(const QHostAddress& peer);
    void finishRecord(Record record);
    QString cycleKey(const QString& did) const;

    QString m_secret;
    QString m_forcedError;
    QSet<QString> m_configuredDids;
    int m_monthlyLimit = 0;
    int m_cycleDay = 1;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    const Clock* m_clock = nullptr;
    PlanState m_planState = PlanState::Active;
    Fault m_fault = Fault::None;
    int m_faultCount = -1;
    int m_retryAfterSeconds = 1;
    int m_delayMs = 0;
    QPointer<HttpServer> m_server;
    int m_serverMaxConnections = 0;
    QHash<QString, int> m_acceptedPerCycle; // "DID|cycle start" -> accepted
    QList<Record> m_records;
    ZonitelApi m_zonitel;
    quint64 m_carrierSequence = 0;
    QString m_carrierPrefix;
};

} // namespace smsdesk
