#pragma once

#include <QMap>
#include <QString>

namespace smsdesk {

// A message a person wants to send, as typed: from one of our numbers (E.164), to a number
// typed freely, with text, a media link, or both (an MMS may have empty text).
//
// check() is strict with what people type: the recipient must be a valid number when read in
// the region of the sending number (libphonenumber) and 10 to 15 digits once written the way
// onCloud wants it (digits only, country code first); a media link must be an absolute http
// or https URL. Nothing is stored or sent for a draft that does not pass.
struct OutboundDraft
{
    enum class Field
    {
        To,
        Text,
        MediaUrl,
    };

    struct Checked
    {
        QString toE164;              // the recipient, "+17705551234", when it passed
        QString toDigits;            // the recipient as onCloud wants it, "17705551234"
        QString mediaUrl;            // trimmed
        QMap<Field, QString> errors; // one sentence per field
        bool ok() const { return errors.isEmpty(); }
        // The errors in one sentence each, To first.
        QString errorText() const;
    };

    QString didE164; // the sending number, E.164
    QString to;      // as typed
    QString text;
    QString mediaUrl; // optional

    Checked check() const;
    // The recipient alone, for validating it as it is typed.
    static Checked checkRecipient(const QString& to, const QString& didE164);
    static bool isMediaUrl(const QString& url);
};

} // namespace smsdesk
