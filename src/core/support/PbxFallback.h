#pragma once

#include <QByteArray>
#include <QString>

namespace smsdesk {

// What the PBX carrier (document 001) does when its webhook fails: any answer but 200 is a
// failure, retried with the same message_id, up to MaxAttempts attempts; after the last one
// the message goes to the number's fallback email instead. SMS Desk counts the failed
// deliveries of each message_id it saw (refusals, 5xx, fault drills, timeouts: every request
// not answered as stored) so support knows where a message went. Pure: no store, no widgets.
class PbxFallback
{
public:
    static constexpr int MaxAttempts = 10;

    // "attempt 7 of 10 failed: after 10 the PBX emails ops@example.com", or once the last
    // attempt failed "attempt 10 of 10 failed: sent to the fallback email ops@example.com".
    // Without an address: the number's fallback address, with a note that none is set here.
    static QString describe(int failedAttempts, const QString& fallbackEmail);
    static bool emailed(int failedAttempts) { return failedAttempts >= MaxAttempts; }

    // Whether `provider` (a ProviderCatalog id) falls back to an email, so a number of it
    // without a fallback email is worth a warning.
    static bool usesFallbackEmail(const QString& provider);

    // The PBX message_id in a form-encoded webhook body (lower-case); empty when it has none.
    static QString messageIdIn(const QByteArray& body);
    // The fallback address the PBX sent with the webhook (webhook_url_fallback), when it is an
    // email address; empty otherwise.
    static QString fallbackEmailIn(const QByteArray& body);

    // The SQL expression of the message_id in request_log row `r`'s body (NULL when it has
    // none), lower-case, on SQLite or PostgreSQL. It reads the field as written, as
    // messageIdIn() does for a UUID (which needs no escaping).
    static QString messageIdSql(bool postgres);
};

} // namespace smsdesk
