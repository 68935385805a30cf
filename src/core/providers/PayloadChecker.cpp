#include "PayloadChecker.h"

#include "phone/PhoneNumber.h"
#include "providers/PayloadDecoder.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <cmath>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PayloadChecker", text);
}

// 9999-12-31T23:59:59Z: the last second QDateTime and ISO 8601 agree on.
constexpr qint64 maxEpochSeconds = 253402300799;
// From here on an epoch number is milliseconds: as seconds it would be after the year 5000,
// as milliseconds it is after March 1973.
constexpr double firstEpochMilliseconds = 1e11;

// Epoch seconds or milliseconds (see firstEpochMilliseconds), in UTC; none when negative,
// not finite or after maxEpochSeconds.
std::optional<QDateTime> epochTime(double value)
{
    if (!std::isfinite(value) || value < 0)
        return std::nullopt;
    const double ms = value >= firstEpochMilliseconds ? value : value * 1000;
    if (ms > double(maxEpochSeconds) * 1000 + 999)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(ms)), Qt::UTC);
}

// "YYYY-MM-DD HH:MM:SS" or ISO 8601 ("T" or a space, seconds required, an optional fraction,
// an optional offset "Z", "+HH", "+HHMM" or "+HH:MM"); without an offset, in `zone`.
std::optional<QDateTime> calendarTime(const QString& text, const QTimeZone& zone)
{
    static const QRegularExpression shape(
        QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})"
                       "(?:[.,]([0-9]{1,9}))?(Z|([+-])([0-9]{2})(?::?([0-9]{2}))?)?$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&match](int group) { return match.captured(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const int ms = match.captured(7).leftJustified(3, u'0').left(3).toInt();
    const QTime time(number(4), number(5), number(6), ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime result;
    if (match.captured(8) == u"Z") {
        result = QDateTime(date, time, Qt::UTC);
    } else if (match.hasCaptured(8)) {
        const int hours = number(10);
        const int minutes = number(11);
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int sign = match.captured(9) == u"-" ? -1 : 1;
        result = QDateTime(date, time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60));
    } else {
        result = QDateTime(date, time, zone);
        // A wall-clock time skipped by a daylight-saving change: a clock that had not moved
        // on yet, so the offset of the day before.
        if (!result.isValid() && zone.isValid()) {
            const int before = zone.offsetFromUtc(QDateTime(date.addDays(-1), time, Qt::UTC));
            result = QDateTime(date, time, Qt::OffsetFromUTC, before);
        }
    }
    if (!result.isValid())
        return std::nullopt;
    return result.toUTC();
}

} // namespace

const Rejection& PayloadChecker::rejection() const
{
    static const Rejection none;
    return m_rejection ? *m_rejection : none;
}

void PayloadChecker::fail(const Rejection& rejection)
{
    if (!m_rejection)
        m_rejection = rejection;
}

std::optional<PayloadChecker::Number> PayloadChecker::providerNumber(const QString& value,
                                                                     const QString& field,
                                                                     const QString& region,
                                                                     bool allowAlphanumeric)
{
    const PhoneNumber::ProviderResult result = PhoneNumber::normalizeFromProvider(value, region);
    if (!result.ok()) {
        fail(Rejection::invalid(
            tr("field \"%1\" must be a phone number: %2").arg(field, result.error), field));
        return std::nullopt;
    }
    if (result.alphanumeric && !allowAlphanumeric) {
        fail(
            Rejection::invalid(tr("field \"%1\" must be a phone number, not a sender name (got %2)")
                                   .arg(field, PayloadDecoder::quoted(value)),
                               field));
        return std::nullopt;
    }
    return Number{result.value, result.alphanumeric};
}

std::optional<QString> PayloadChecker::e164(const QString& value, const QString& field)
{
    static const QRegularExpression shape(QStringLiteral("^\\+[1-9][0-9]{1,14}$"));
    if (shape.match(value).hasMatch()) {
        const PhoneNumber::ProviderResult result = PhoneNumber::normalizeFromProvider(value, {});
        if (result.ok() && !result.alphanumeric)
            return result.value;
    }
    fail(Rejection::invalid(tr("field \"%1\" must be a string in E.164 format, like "
                               "\"+14045559999\" (got %2)")
                                .arg(field, PayloadDecoder::quoted(value)),
                            field));
    return std::nullopt;
}

std::optional<QStringList> PayloadChecker::mediaUrls(const QStringList& urls, const QString& field)
{
    for (qsizetype i = 0; i < urls.size(); ++i) {
        if (!isHttpUrl(urls.at(i))) {
            const QString entry = QStringLiteral("%1[%2]").arg(field).arg(i);
            fail(Rejection::invalid(tr("field \"%1\" must be an http or https URL (got %2)")
                                        .arg(entry, PayloadDecoder::quoted(urls.at(i))),
                                    entry));
            return std::nullopt;
        }
    }
    return urls;
}

std::optional<QDateTime> PayloadChecker::isoDateTimeWithOffset(const QString& value,
                                                               const QString& field)
{
    // Qt reads a time without an offset as local time: insist on the offset ourselves.
    static const QRegularExpression shape(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
                       "(Z|[+-][0-9]{2}:?[0-9]{2})$"));
    if (shape.match(value).hasMatch()) {
        const QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (parsed.isValid())
            return parsed.toUTC();
    }
    fail(Rejection::invalid(tr("field \"%1\" must be an ISO 8601 date-time with a UTC offset, "
                               "like \"2026-02-13T14:30:00-05:00\" (got %2)")
                                .arg(field, PayloadDecoder::quoted(value)),
                            field));
    return std::nullopt;
}

std::optional<QDateTime> PayloadChecker::dateTime(const QJsonValue& value, const QString& field,
                                                  const QTimeZone& zone)
{
    std::optional<QDateTime> parsed;
    if (value.isDouble()) {
        parsed = epochTime(value.toDouble());
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,16}$"));
        parsed =
            digits.match(text).hasMatch() ? epochTime(text.toDouble()) : calendarTime(text, zone);
    } else {
        fail(Rejection::malformed(
            tr("field \"%1\" must be a date-time, as a string or a number").arg(field), field));
        return std::nullopt;
    }
    if (parsed)
        return parsed;
    const QString shown = value.isString() ? PayloadDecoder::quoted(value.toString())
                                           : QString::number(value.toDouble(), 'g', 17);
    fail(Rejection::invalid(tr("field \"%1\" must be a date-time \"YYYY-MM-DD HH:MM:SS\", ISO "
                               "8601, or epoch seconds or milliseconds (got %2)")
                                .arg(field, shown),
                            field));
    return std::nullopt;
}

std::optional<QDateTime> PayloadChecker::epochSeconds(const QString& value, const QString& field)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{1,12}$"));
    if (shape.match(value).hasMatch()) {
        const qint64 seconds = value.toLongLong();
        if (seconds <= maxEpochSeconds)
            return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    }
    fail(Rejection::invalid(
        tr("field \"%1\" must be an epoch time in whole seconds, like \"1576391654\" (got %2)")
            .arg(field, PayloadDecoder::quoted(value)),
        field));
    return std::nullopt;
}

std::optional<QString> PayloadChecker::uuid(const QString& value, const QString& field)
{
    static const QRegularExpression shape(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (shape.match(value).hasMatch())
        return value;
    fail(Rejection::invalid(tr("field \"%1\" must be a UUID, like "
                               "\"297abf7f-99d9-4b7d-9c46-1d7c13687b11\" (got %2)")
                                .arg(field, PayloadDecoder::quoted(value)),
                            field));
    return std::nullopt;
}

std::optional<QString> PayloadChecker::nonEmpty(const QString& value, const QString& field)
{
    if (!value.isEmpty())
        return value;
    fail(Rejection::invalid(tr("field \"%1\" must not be empty").arg(field), field));
    return std::nullopt;
}

bool PayloadChecker::isHttpUrl(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme(); // QUrl lower-cases it
    return parsed.isValid() && (scheme == u"http" || scheme == u"https") &&
           !parsed.host().isEmpty();
}

} // namespace smsdesk
