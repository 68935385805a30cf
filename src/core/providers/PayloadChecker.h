#pragma once

#include "providers/Rejection.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace smsdesk {

// Value checks shared by the adapters. Each returns the checked value, or records a
// rejection naming the field and returns nullopt. The first rejection recorded wins, so an
// adapter can read every field in document order and look at ok() once.
class PayloadChecker
{
public:
    struct Number
    {
        QString value; // E.164, or the sender name as sent
        bool alphanumeric = false;
    };

    bool ok() const { return !m_rejection.has_value(); }
    // Only meaningful when !ok().
    const Rejection& rejection() const;
    void fail(const Rejection& rejection);

    // A number as a provider sent it (PhoneNumber::normalizeFromProvider), read in region when
    // it has no country code; sender names only where allowAlphanumeric.
    std::optional<Number> providerNumber(const QString& value, const QString& field,
                                         const QString& region, bool allowAlphanumeric);
    // Strictly "+" and 2 to 15 digits, first digit not 0 (the document says E.164);
    // canonicalised, never checked against numbering plans.
    std::optional<QString> e164(const QString& value, const QString& field);
    // Every entry an absolute http or https URL with a host.
    std::optional<QStringList> mediaUrls(const QStringList& urls, const QString& field);
    // ISO 8601 with a UTC offset ("2026-02-13T14:30:00-05:00", "...Z"), returned in UTC.
    std::optional<QDateTime> isoDateTimeWithOffset(const QString& value, const QString& field);
    // A time where the document says only "datetime" (no format, no zone), in every
    // reasonable form: "YYYY-MM-DD HH:MM:SS", ISO 8601 with or without an offset ("T" or a
    // space, an optional fraction), or epoch seconds or milliseconds (a JSON number or a
    // string of digits; 12 digits or more are milliseconds). A time without an offset is read
    // in `zone`. Returned in UTC. Seconds are required: "12:34" is too vague to be a time.
    std::optional<QDateTime> dateTime(const QJsonValue& value, const QString& field,
                                      const QTimeZone& zone);
    // Whole seconds since the epoch, decimal digits only.
    std::optional<QDateTime> epochSeconds(const QString& value, const QString& field);
    // 8-4-4-4-12 hexadecimal digits.
    std::optional<QString> uuid(const QString& value, const QString& field);
    std::optional<QString> nonEmpty(const QString& value, const QString& field);

    static bool isHttpUrl(const QString& url);

private:
    std::optional<Rejection> m_rejection;
};

} // namespace smsdesk
