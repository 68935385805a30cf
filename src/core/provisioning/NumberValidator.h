#pragma once

#include "NumberDraft.h"
#include "store/NumberRecord.h"

#include <QMap>
#include <QString>

namespace smsdesk {

// Checks a NumberDraft field by field and turns it into a NumberRecord. Used by the
// dialog (reasons next to each field), the CLI and CSV import alike.
class NumberValidator
{
public:
    enum class Field
    {
        Number,
        Label,
        Provider,
        WebhookUrl,
        FallbackEmail,
        ServiceId,
        ClientId,
        DeviceId,
        Sim,
        TimeZone,
        Secret,
        AuthHeader,
        PathToken,
    };

    struct Result
    {
        NumberRecord record;         // normalised; meaningful when ok()
        QMap<Field, QString> errors; // a sentence per invalid field
        // A sentence per field that is accepted but worth a second look (a possible number
        // that the phone number data does not know); never blocks saving.
        QMap<Field, QString> warnings;
        bool ok() const { return errors.isEmpty(); }
        QString firstError() const { return errors.isEmpty() ? QString() : errors.first(); }
    };

    explicit NumberValidator(QString defaultRegion);

    Result validate(const NumberDraft& draft) const;

    // Single checks, for validating while the user types. Each returns an empty string when
    // the value is acceptable.
    static QString checkWebhookUrl(const QString& url, const QString& provider);
    static QString checkEmail(const QString& email);
    static QString checkAuthHeader(const QString& value, const QString& provider);
    static QString checkSecret(const QString& value);
    static QString checkPathToken(const QString& token);
    // Empty (the system's zone) or an IANA time zone id this system knows.
    static QString checkTimeZone(const QString& zone);
    static QString fieldName(Field field);

    static constexpr int MaxLabelLength = 100;
    static constexpr int MaxSecretLength = 512;

private:
    QString m_region;
};

} // namespace smsdesk
