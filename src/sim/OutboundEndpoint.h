#pragma once

#include "http/HttpHandler.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace smsdesk {

// A stand-in for onCloud's outbound REST endpoint, POST /webhook-to-sms.php (document 000):
// JSON {from, to, text, secret, media_url}, digits-only numbers; 200
// {"status":"success","message":"SMS Queued | FROM: … | TO: … | ID: bw-msg-…"} carrying a
// carrier id, or 400 {"status":"error","message":"… Error: [WH-…]"}.
//
// Checks, in this order (the first failing one answers):
//   1. --fail CODE (setForcedError): every request gets that error.
//   2. The body must be a JSON object                                       -> WH-1
//   3. "text" starting with "[CODE]" selects that answer for this request: a WH-* code
//      ("[WH-23-3] hello"), or "[HTTP-NNN]" for a bare HTTP status NNN (400-599).
//   4. from, to: non-empty strings; text or media_url: a non-empty string;
//      every field given must be a string                                   -> WH-1
//   5. from and to: 10 to 15 digits, nothing else                            -> WH-2
//   6. secret: present and equal to the expected one (setSecret; when none is
//      set, any non-empty secret)                                            -> WH-AUTH
//   7. from among the configured DIDs (setConfiguredDids; empty: any)        -> WH-3
//   8. fewer than the monthly limit accepted from this DID (setMonthlyLimit)  -> WH-23-3
// WH-23-2 and WH-23-4 (plan state) are only given when selected (1 or 3).
class OutboundEndpoint : public QObject, public HttpHandler
{
    Q_OBJECT

public:
    // What one request to the endpoint came to.
    struct Record
    {
        QDateTime time;  // UTC
        QString outcome; // "accepted", "error" (a WH-* answer), "http-error" ([HTTP-NNN]),
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

    explicit OutboundEndpoint(QObject* parent = nullptr);
    ~OutboundEndpoint() override;

    void setSecret(const QString& secret) { m_secret = secret; }
    // Empty: none. Must be one of errorCodes().
    void setForcedError(const QString& code) { m_forcedError = code; }
    // Digits-only DIDs configured for webhook SMS; empty: every DID is.
    void setConfiguredDids(const QStringList& dids);
    // Sends accepted per DID before WH-23-3; 0: no limit.
    void setMonthlyLimit(int limit) { m_monthlyLimit = limit; }

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

    QString m_secret;
    QString m_forcedError;
    QSet<QString> m_configuredDids;
    int m_monthlyLimit = 0;
    QHash<QString, int> m_acceptedPerDid;
    QList<Record> m_records;
    quint64 m_carrierSequence = 0;
    QString m_carrierPrefix;
};

} // namespace smsdesk
