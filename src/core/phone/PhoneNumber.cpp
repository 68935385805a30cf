#include "PhoneNumber.h"

#include <QCoreApplication>
#include <QLocale>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

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
    return tr("it is not an assigned number range in its region");
}
} // namespace

PhoneNumber::ParseResult PhoneNumber::parse(const QString& input, const QString& defaultRegion)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return {{}, tr("Enter a phone number.")};

    const auto* util = PhoneNumberUtil::GetInstance();
    const std::string region = defaultRegion.toUpper().toStdString();
    LibNumber parsed;
    auto error = util->Parse(trimmed.toStdString(), region, &parsed);

    // "14045559999" in region US: libphonenumber already strips a leading national
    // prefix or country code when the result is valid. For digits typed with a country
    // code of another region ("61412345678" while in US), try reading them as international.
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
        return {
            {},
            trimmed.startsWith(u'+')
                ? tr("\"%1\" is not a valid number: the country code is not valid.").arg(trimmed)
                : tr("\"%1\" has no country code: start with + or set the default region.")
                      .arg(trimmed)};
    case PhoneNumberUtil::NOT_A_NUMBER:
        return {{}, tr("\"%1\" is not a phone number.").arg(trimmed)};
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return {{}, tr("\"%1\" is not a valid number: it has too few digits.").arg(trimmed)};
    case PhoneNumberUtil::TOO_LONG_NSN:
        return {{}, tr("\"%1\" is not a valid number: it has too many digits.").arg(trimmed)};
    }

    if (!util->IsValidNumber(parsed)) {
        const auto possible = util->IsPossibleNumberWithReason(parsed);
        return {{}, tr("\"%1\" is not a valid number: %2.").arg(trimmed, reasonFor(possible))};
    }

    PhoneNumber number;
    number.m_e164 = format(parsed, PhoneNumberUtil::E164);
    number.m_national = format(parsed, PhoneNumberUtil::NATIONAL);
    number.m_international = format(parsed, PhoneNumberUtil::INTERNATIONAL);
    std::string regionCode;
    util->GetRegionCodeForNumber(parsed, &regionCode);
    number.m_region = QString::fromStdString(regionCode);
    return {number, {}};
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

} // namespace smsdesk
