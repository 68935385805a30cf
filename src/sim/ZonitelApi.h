#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace smsdesk {

class HttpRequest;
class HttpResponse;

// A stand-in for Zonitel's webhook registration API (document 002), served by `smsdesk-sim
// serve` beside the onCloud endpoint: PUT /api/v3/integrations/sms/webhooks with {"url": …}
// registers an account's webhook URL, GET reads it back: {"status": "success", "data": {"url":
// …}, "message": …}. Errors as the document shows them, {"code": N, "message": …}, checked in
// this order:
//   1. a forced error (setForcedStatus: 400, 401, 403 or 500) for every request;
//   2. Authorization not "Bearer <token>" (setToken; when none is set, any non-empty token) -> 401
//   3. X-Client-Id not one of the accounts (addClient; when none is added, any non-empty id)
//                                                                                      -> 403
//   4. PUT: the body not a JSON object with an https:// "url" whose host is a public name
//      (not localhost, not a loopback or private address), or another method        -> 400
class ZonitelApi
{
public:
    static QByteArray path() { return QByteArrayLiteral("/api/v3/integrations/sms/webhooks"); }
    // The document's error body for 400, 401, 403 or 500.
    static QByteArray errorBody(int status);

    void setToken(const QString& token) { m_token = token; }
    void addClient(const QString& clientId) { m_clients.insert(clientId); }
    // 0: none. Must be 400, 401, 403 or 500.
    void setForcedStatus(int status) { m_forcedStatus = status; }

    // The URL registered for an account; empty when none.
    QString registeredUrl(const QString& clientId) const { return m_urls.value(clientId); }
    // Requests answered so far (method and status), for tests.
    int requestCount() const { return m_requests; }

    // The answer to a request for path().
    HttpResponse answer(const HttpRequest& request);

private:
    QString m_token;
    QSet<QString> m_clients;
    int m_forcedStatus = 0;
    QHash<QString, QString> m_urls;
    int m_requests = 0;
};

} // namespace smsdesk
