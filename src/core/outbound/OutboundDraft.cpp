#include "OutboundDraft.h"

#include "phone/PhoneNumber.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::OutboundDraft", text);
}

constexpr qsizetype kMinDigits = 10; // document 000: "10-15 digits"
constexpr qsizetype kMaxDigits = 15;

} // namespace

QString OutboundDraft::Checked::errorText() const
{
    return QStringList(errors.values()).join(u' ');
}

bool OutboundDraft::isMediaUrl(const QString& url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    return parsed.isValid() && (scheme == u"http" || scheme == u"https") &&
           !parsed.host().isEmpty();
}

OutboundDraft::Checked OutboundDraft::checkRecipient(const QString& to, const QString& didE164)
{
    Checked checked;
    const QString region = PhoneNumber::regionOfE164(didE164);
    const PhoneNumber::ParseResult parsed = PhoneNumber::parse(to, region);
    if (!parsed.ok()) {
        checked.errors.insert(Field::To, parsed.error);
        return checked;
    }
    const QString digits = parsed.number.digitsOnly();
    if (digits.size() < kMinDigits || digits.size() > kMaxDigits) {
        checked.errors.insert(Field::To,
                              tr("%1 has %2 digits with its country code; onCloud sends to numbers "
                                 "of 10 to 15 digits only.")
                                  .arg(parsed.number.international())
                                  .arg(digits.size()));
        return checked;
    }
    checked.toE164 = parsed.number.e164();
    checked.toDigits = digits;
    return checked;
}

OutboundDraft::Checked OutboundDraft::check() const
{
    Checked checked = checkRecipient(to, didE164);
    checked.mediaUrl = mediaUrl.trimmed();
    if (!checked.mediaUrl.isEmpty() && !isMediaUrl(checked.mediaUrl)) {
        checked.errors.insert(Field::MediaUrl,
                              tr("The media link must be a web address starting with http:// or "
                                 "https://."));
    }
    if (text.isEmpty() && checked.mediaUrl.isEmpty())
        checked.errors.insert(Field::Text, tr("Write a message or give a media link."));
    return checked;
}

} // namespace smsdesk
