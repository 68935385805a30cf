#include "PhoneNumber.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <algorithm>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <set>
#include <string>

namespace smsdesk {

namespace {
using i18n::phonenumbers::PhoneNumberUtil;
using LibNumber = i18n::phonenumbers::PhoneNumber;

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PhoneNumber", text);
}

QString format(const LibNumber& number, PhoneNumberUtil::PhoneNumberFormat style)
{
    std::string out;
    PhoneNumberUtil::GetInstance()->Format(number, style, &out);
    return QString::fromStdString(out);
}

QString reasonFor(PhoneNumberUtil::ValidationResult result)
{
    switch (result) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return tr("the country code is not valid");
    case PhoneNumberUtil::TOO_SHORT:
        return tr("it has too few digits");
    case PhoneNumberUtil::TOO_LONG:
        return tr("it has too many digits");
    case PhoneNumberUtil::INVALID_LENGTH:
        return tr("it has the wrong number of digits for its region");
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
        return tr("it is a local number: add the area code");
    case PhoneNumberUtil::IS_POSSIBLE:
        break;
    }
    return tr("it is not a possible number in its region");
}
} // namespace

PhoneNumber::ParseResult PhoneNumber::parse(const QString& input, const QString& defaultRegion)
{
    const auto refused = [](const QString& error) {
        ParseResult result;
        result.error = error;
        return result;
    };
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return refused(tr("Enter a phone number."));

    const auto* util = PhoneNumberUtil::GetInstance();
    const std::string region = defaultRegion.toUpper().toStdString();
    LibNumber parsed;
    auto error = util->Parse(trimmed.toStdString(), region, &parsed);

    // "14045559999" in region US: libphonenumber already strips a leading national
    // prefix or country code when the result is valid. For digits typed with a country
    // code of another region ("61412345678" while in US), try reading them as international;
    // only a valid reading is taken (a typo would too often be possible somewhere else: a
    // number the data does not know yet is typed with its "+").
    if (error == PhoneNumberUtil::NO_PARSING_ERROR && !util->IsValidNumber(parsed) &&
        !trimmed.startsWith(u'+')) {
        LibNumber international;
        if (util->Parse("+" + trimmed.toStdString(), region, &international) ==
                PhoneNumberUtil::NO_PARSING_ERROR &&
            util->IsValidNumber(international)) {
            parsed = international;
        }
    }

    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return refused(
            trimmed.startsWith(u'+')
                ? tr("\"%1\" is not a valid number: the country code is not valid.").arg(trimmed)
                : tr("\"%1\" has no country code: start with + or set the default region.")
                      .arg(trimmed));
    case PhoneNumberUtil::NOT_A_NUMBER:
        return refused(tr("\"%1\" is not a phone number.").arg(trimmed));
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return refused(tr("\"%1\" is not a valid number: it has too few digits.").arg(trimmed));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return refused(tr("\"%1\" is not a valid number: it has too many digits.").arg(trimmed));
    }

    // Refused only when it cannot be a number (its length, its country code): the metadata
    // that knows which ranges are assigned is as old as the system's libphonenumber.
    const bool valid = util->IsValidNumber(parsed);
    const auto possible = util->IsPossibleNumberWithReason(parsed);
    if (!valid && possible != PhoneNumberUtil::IS_POSSIBLE)
        return refused(tr("\"%1\" is not a valid number: %2.").arg(trimmed, reasonFor(possible)));

    PhoneNumber number;
    number.m_e164 = format(parsed, PhoneNumberUtil::E164);
    number.m_national = format(parsed, PhoneNumberUtil::NATIONAL);
    number.m_international = format(parsed, PhoneNumberUtil::INTERNATIONAL);
    std::string regionCode;
    if (valid)
        util->GetRegionCodeForNumber(parsed, &regionCode);
    else // no range knows it: the main region of its country code
        util->GetRegionCodeForCountryCode(parsed.country_code(), &regionCode);
    number.m_region = QString::fromStdString(regionCode);
    const QString warning =
        valid ? QString()
              : tr("%1 is in no number range this system's phone number data knows (the data "
                   "may be older than the range): check that it is right.")
                    .arg(number.m_international);
    ParseResult result;
    result.number = number;
    result.warning = warning;
    return result;
}

QString PhoneNumber::displayE164(const QString& e164, const QString& homeRegion)
{
    const auto* util = PhoneNumberUtil::GetInstance();
    LibNumber parsed;
    if (util->Parse(e164.toStdString(), "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string regionCode;
    util->GetRegionCodeForNumber(parsed, &regionCode);
    const bool home =
        QString::fromStdString(regionCode).compare(homeRegion, Qt::CaseInsensitive) == 0;
    return format(parsed, home ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL);
}

PhoneNumber::ProviderResult PhoneNumber::normalizeFromProvider(const QString& raw,
                                                               const QString& fallbackRegion)
{
    constexpr qsizetype maxCached = 4096; // then start afresh: a bound, not an LRU
    thread_local QHash<QString, ProviderResult> cache;
    const QString key = fallbackRegion + QLatin1Char('\n') + raw;
    const auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    ProviderResult result = normalizeUncached(raw, fallbackRegion);
    if (cache.size() >= maxCached)
        cache.clear();
    cache.insert(key, result);
    return result;
}

PhoneNumber::ProviderResult PhoneNumber::normalizeUncached(const QString& raw,
                                                           const QString& fallbackRegion)
{
    constexpr qsizetype maxSenderLength = 64;
    constexpr qsizetype maxDigits = 15; // E.164

    ProviderResult result;
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty()) {
        result.error = tr("it is empty");
        return result;
    }

    // A sender name ("ACME", "Google"): kept exactly as sent.
    if (std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isLetter(); })) {
        if (raw.size() > maxSenderLength) {
            result.error = tr("a sender name has at most %1 characters, this one has %2")
                               .arg(maxSenderLength)
                               .arg(raw.size());
            return result;
        }
        for (const QChar c : raw) {
            if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
                c == QChar::ParagraphSeparator) {
                result.error = tr("a sender name cannot contain control characters");
                return result;
            }
        }
        result.value = raw;
        result.alphanumeric = true;
        return result;
    }

    QString digits;
    bool plus = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c >= u'0' && c <= u'9') {
            digits.append(c);
        } else if (c == u'+' && i == 0) {
            plus = true;
        } else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')') {
            result.error = tr("\"%1\" is not a phone number: unexpected character \"%2\"")
                               .arg(trimmed, QString(c));
            return result;
        }
    }
    if (digits.isEmpty()) {
        result.error = tr("\"%1\" is not a phone number: it has no digits").arg(trimmed);
        return result;
    }
    if (digits.size() > maxDigits) {
        result.error = tr("\"%1\" is not a phone number: it has %2 digits, at most %3 are possible")
                           .arg(trimmed)
                           .arg(digits.size())
                           .arg(maxDigits);
        return result;
    }

    const auto* util = PhoneNumberUtil::GetInstance();
    if (plus) {
        if (digits.startsWith(u'0')) {
            result.error =
                tr("\"%1\" is not a phone number: a country code cannot start with 0").arg(trimmed);
            return result;
        }
        LibNumber parsed;
        switch (util->Parse("+" + digits.toStdString(), "ZZ", &parsed)) {
        case PhoneNumberUtil::NO_PARSING_ERROR:
            result.value = format(parsed, PhoneNumberUtil::E164);
            return result;
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
            // Exact with what providers send: an unknown country code is still stored.
            result.value = QStringLiteral("+") + digits;
            return result;
        default:
            result.error = tr("\"%1\" is not a phone number: it has too few digits").arg(trimmed);
            return result;
        }
    }

    // Digits without "+": the country code leading first...
    LibNumber international;
    if (util->Parse("+" + digits.toStdString(), "ZZ", &international) ==
            PhoneNumberUtil::NO_PARSING_ERROR &&
        util->IsPossibleNumberWithReason(international) == PhoneNumberUtil::IS_POSSIBLE) {
        result.value = format(international, PhoneNumberUtil::E164);
        return result;
    }
    // ...then in the region of the receiving number.
    const QString region = fallbackRegion.toUpper();
    if (!isKnownRegion(region)) {
        result.error = tr("\"%1\" is not a possible number with its leading digits as the "
                          "country code, and no region is known to read it in")
                           .arg(trimmed);
        return result;
    }
    LibNumber local;
    if (util->Parse(digits.toStdString(), region.toStdString(), &local) ==
            PhoneNumberUtil::NO_PARSING_ERROR &&
        util->IsPossibleNumberWithReason(local) == PhoneNumberUtil::IS_POSSIBLE) {
        result.value = format(local, PhoneNumberUtil::E164);
        return result;
    }
    result.error = tr("\"%1\" is not a possible number, neither with its leading digits as the "
                      "country code nor in region %2")
                       .arg(trimmed, region);
    return result;
}

QString PhoneNumber::regionOfE164(const QString& e164)
{
    const auto* util = PhoneNumberUtil::GetInstance();
    LibNumber parsed;
    if (!e164.startsWith(u'+') ||
        util->Parse(e164.toStdString(), "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    std::string regionCode;
    util->GetRegionCodeForCountryCode(parsed.country_code(), &regionCode);
    if (regionCode == "ZZ" || regionCode == "001")
        return {};
    return QString::fromStdString(regionCode);
}

QString PhoneNumber::systemRegion()
{
    const QString name = QLocale::system().name(); // "en_US"
    const QString region = name.section(u'_', 1, 1);
    return isKnownRegion(region) ? region : QStringLiteral("US");
}

bool PhoneNumber::isKnownRegion(const QString& region)
{
    return region.size() == 2 && PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(
                                     region.toUpper().toStdString()) != 0;
}

QStringList PhoneNumber::supportedRegions()
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    QStringList result;
    result.reserve(static_cast<qsizetype>(regions.size()));
    for (const std::string& region : regions)
        result.append(QString::fromStdString(region));
    return result;
}

} // namespace smsdesk
