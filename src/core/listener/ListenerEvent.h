#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace smsdesk {

// One webhook request as the listener finished it, for live views and the headless log.
// Emitted after the request's log row was written (requestLogId set) or, when even that
// failed, without it.
struct ListenerEvent
{
    // Stable outcome codes, stored in request_log.outcome and shown by the inspector. The
    // adapters' refusals keep their own codes (Rejection: malformed, wrong-content-type,
    // invalid, unrecognised, ambiguous).
    static QString accepted() { return QStringLiteral("accepted"); }
    static QString duplicate() { return QStringLiteral("duplicate"); }
    static QString unassigned() { return QStringLiteral("unassigned"); }        // stored, no number
    static QString refusedAuth() { return QStringLiteral("refused-auth"); }     // 401
    static QString unknownNumber() { return QStringLiteral("unknown-number"); } // 404 by setting
    static QString unknownPath() { return QStringLiteral("unknown-path"); }     // 404
    static QString wrongMethod() { return QStringLiteral("wrong-method"); }     // 405
    static QString tooLarge() { return QStringLiteral("too-large"); }           // 413
    static QString headersTooLarge() { return QStringLiteral("headers-too-large"); } // 431
    static QString timeout() { return QStringLiteral("timeout"); }                   // 408
    static QString badRequest() { return QStringLiteral("bad-request"); } // 400 from the HTTP layer
    static QString unsupported() { return QStringLiteral("unsupported"); } // 417, 501, 505
    static QString storeUnavailable() { return QStringLiteral("store-unavailable"); } // 503
    static QString storeFailed() { return QStringLiteral("store-failed"); }           // 500
    static QString credentialUnavailable() { return QStringLiteral("credential-unavailable"); }
    // A fault drill answered a stored webhook wrongly on purpose (see FaultDrill).
    static QString drillError() { return QStringLiteral("drill-error"); }        // 500
    static QString drillNoAnswer() { return QStringLiteral("drill-no-answer"); } // none

    qint64 requestLogId = 0; // 0: the log row could not be written
    qint64 receivedAtMs = 0; // UTC ms
    QString peer;            // "203.0.113.5:53211"
    QString method;
    QString target;
    QString provider; // empty: not known
    qint64 numberId = 0;
    QString did;    // our number, when known
    QString remote; // the other party, when known
    QString outcome;
    QString reason; // why it was refused; empty when accepted
    int status = 0; // the HTTP status answered
    qint64 latencyUs = 0;
    QList<qint64> messageIds; // stored or duplicate messages the request concerned
    bool withMedia = false;   // an inbound message of the request carries media (MMS)
};

} // namespace smsdesk

Q_DECLARE_METATYPE(smsdesk::ListenerEvent)
