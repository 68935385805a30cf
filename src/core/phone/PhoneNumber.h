#pragma once

#include <QString>
#include <QStringList>

namespace smsdesk {

// A telephone number, parsed with libphonenumber. Always valid once constructed
// by parse(); the empty default value means "no number".
class PhoneNumber
{
public:
    struct ParseResult;
    struct ProviderResult;

    PhoneNumber() = default;

    // Parses what a person typed: "(404) 555-9999", "+1-404-555-9999", "14045559999".
    // A number without a leading "+" is read in defaultRegion (ISO 3166 code such as "US");
    // digits that already start with that region's country code are accepted too.
    // The number must be possible for its region (its length, its country code); the error
    // says why when it is not. A possible number in no range this system's phone number data
    // knows (the data lags new ranges) is accepted with a warning.
    static ParseResult parse(const QString& input, const QString& defaultRegion);

    bool isEmpty() const { return m_e164.isEmpty(); }
    QString e164() const { return m_e164; }                   // "+14045559999"
    QString digitsOnly() const { return m_e164.mid(1); }      // "14045559999", the outbound format
    QString national() const { return m_national; }           // "(404) 555-9999"
    QString international() const { return m_international; } // "+1 404-555-9999"
    QString region() const { return m_region; }               // "US"

    // Display form of a stored E.164 value: national when it belongs to homeRegion,
    // international otherwise; the input unchanged when it is not a parseable number.
    static QString displayE164(const QString& e164, const QString& homeRegion);

    // Normalises a number (or sender name) as a provider sent it: exact with what providers
    // send, unlike parse(). Visual separators (space, '-', '.', '(', ')') are dropped.
    // - "+" and digits: kept as "+" and digits even when libphonenumber calls the number
    //   invalid ("+10000000010"); canonicalised by libphonenumber where it parses it.
    // - digits without "+": read as international first (country code leading); only when
    //   that is not a possible number, read in fallbackRegion ("0412 345 678", "AU").
    // - text with a letter ("ACME", "Google"): an alphanumeric sender, returned unchanged
    //   with alphanumeric set; the caller decides whether the field may hold one.
    // Anything else (empty, stray symbols, more than 15 digits, impossible digits) is an error.
    // Memoised per thread (a pure function; the listener sees the same numbers again and again:
    // our own DIDs, regular senders), so repeated numbers skip libphonenumber's regexes.
    static ProviderResult normalizeFromProvider(const QString& raw, const QString& fallbackRegion);

    // The main region of the country code of an E.164 value ("+10000000010" -> "US");
    // empty when it has none.
    static QString regionOfE164(const QString& e164);

    // The region used when the user set none: the system locale's territory, else "US".
    static QString systemRegion();
    static bool isKnownRegion(const QString& region);
    // Every region libphonenumber knows ("AD" … "ZW"), sorted by code.
    static QStringList supportedRegions();

private:
    static ProviderResult normalizeUncached(const QString& raw, const QString& fallbackRegion);
    QString m_e164;
    QString m_national;
    QString m_international;
    QString m_region;
};

struct PhoneNumber::ParseResult
{
    PhoneNumber number;
    QString error;   // empty on success; a sentence for the user otherwise
    QString warning; // on success: a sentence when the number is possible but not known valid
    bool ok() const { return error.isEmpty(); }
};

struct PhoneNumber::ProviderResult
{
    QString value;             // "+61412345678", or the alphanumeric sender as given
    bool alphanumeric = false; // value is a sender name, not a number
    QString error;             // empty on success; says what is wrong otherwise
    bool ok() const { return error.isEmpty(); }
};

} // namespace smsdesk
