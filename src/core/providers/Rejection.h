#pragma once

#include <QString>

namespace smsdesk {

// Why an adapter refused a request: the HTTP status to answer with, a precise reason
// (which field, what was wrong) and a stable outcome code for the inspector.
struct Rejection
{
    // Outcome codes (stable: stored and filtered on).
    static QString malformedCode() { return QStringLiteral("malformed"); }
    static QString wrongContentTypeCode() { return QStringLiteral("wrong-content-type"); }
    static QString invalidCode() { return QStringLiteral("invalid"); }
    static QString unrecognisedCode() { return QStringLiteral("unrecognised"); }
    static QString ambiguousCode() { return QStringLiteral("ambiguous"); }

    int httpStatus = 400;
    QString reason;      // e.g. "field \"to\" must be a string in E.164 format"
    QString outcomeCode; // one of the codes above
    QString field;       // the offending field ("data.to"); empty when the request as a whole is

    // 400: not readable as the provider's format (bad JSON, bad UTF-8, missing field, wrong type).
    static Rejection malformed(const QString& reason, const QString& field = {});
    // 415: the Content-Type (or its charset) is not the provider's.
    static Rejection wrongContentType(const QString& reason);
    // 422: well-formed, but a value is not acceptable (wrong event, bad number, bad URL, range).
    static Rejection invalid(const QString& reason, const QString& field = {});
    // 400: /webhook could not tell which provider sent it.
    static Rejection unrecognised(const QString& reason);
    static Rejection ambiguous(const QString& reason);
};

} // namespace smsdesk
