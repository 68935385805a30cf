#include "NumberValidator.h"

#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "secrets/PathToken.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::NumberValidator", text);
}

bool hasControlCharacters(const QString& value)
{
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}
} // namespace

NumberValidator::NumberValidator(QString defaultRegion) : m_region(std::move(defaultRegion)) {}

QString NumberValidator::fieldName(Field field)
{
    switch (field) {
    case Field::Number:
        return tr("number");
    case Field::Label:
        return tr("label");
    case Field::Provider:
        return tr("provider");
    case Field::WebhookUrl:
        return tr("webhook URL");
    case Field::FallbackEmail:
        return tr("fallback email");
    case Field::ServiceId:
        return tr("service id");
    case Field::ClientId:
        return tr("client id");
    case Field::DeviceId:
        return tr("device id");
    case Field::Sim:
        return tr("SIM");
    case Field::TimeZone:
        return tr("time zone");
    case Field::Secret:
        return tr("webhook secret");
    case Field::AuthHeader:
        return tr("Authorization header");
    case Field::PathToken:
        return tr("path token");
    }
    return {};
}

QString NumberValidator::checkWebhookUrl(const QString& url, const QString& provider)
{
    if (url.isEmpty())
        return {};
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    const auto* info = ProviderCatalog::find(provider);
    if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
        // The example is this provider's own webhook path.
        return tr("Enter a full http:// or https:// URL, such as "
                  "https://sms.example.com/webhooks/%1.")
            .arg(info ? info->id : QStringLiteral("oncloud"));
    if (info && info->webhookMustBeHttps && scheme != u"https")
        return tr("%1 only delivers to https:// URLs.").arg(info->displayName);
    return {};
}

QString NumberValidator::checkEmail(const QString& email)
{
    if (email.isEmpty())
        return {};
    // Deliberately modest: one @, no spaces, a dot in the domain.
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    return pattern.match(email).hasMatch()
               ? QString()
               : tr("Enter an email address such as support@example.com.");
}

QString NumberValidator::checkAuthHeader(const QString& value, const QString& provider)
{
    if (value.isEmpty())
        return {};
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return tr("The Authorization value may contain printable ASCII characters only.");
    }
    if (value.size() > MaxSecretLength)
        return tr("The Authorization value is longer than %1 characters.").arg(MaxSecretLength);
    const auto* info = ProviderCatalog::find(provider);
    if (info && !info->authScheme.isEmpty() && !value.startsWith(info->authScheme))
        return tr("%1 sends \"%2<token>\": enter the value exactly as it arrives.")
            .arg(info->displayName, info->authScheme);
    return {};
}

QString NumberValidator::checkSecret(const QString& value)
{
    if (value.size() > MaxSecretLength)
        return tr("The secret is longer than %1 characters.").arg(MaxSecretLength);
    if (hasControlCharacters(value))
        return tr("The secret may not contain line breaks or control characters.");
    return {};
}

QString NumberValidator::checkPathToken(const QString& token)
{
    if (token.isEmpty() || PathToken::isWellFormed(token))
        return {};
    return tr("A path token has %1 to %2 characters, only letters, digits, '-' and '_'.")
        .arg(PathToken::MinLength)
        .arg(PathToken::MaxLength);
}

QString NumberValidator::checkTimeZone(const QString& zone)
{
    if (zone.isEmpty() || QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return {};
    return tr("Enter a time zone such as Europe/Berlin or America/New_York (an IANA name).");
}

NumberValidator::Result NumberValidator::validate(const NumberDraft& draft) const
{
    Result result;
    NumberRecord& record = result.record;
    record.id = draft.id;
    record.enabled = draft.enabled;
    record.planId = draft.planId;

    const auto phone = PhoneNumber::parse(draft.number, m_region);
    if (phone.ok())
        record.e164 = phone.number.e164();
    else
        result.errors.insert(Field::Number, phone.error);
    if (!phone.warning.isEmpty())
        result.warnings.insert(Field::Number, phone.warning);

    record.label = draft.label.trimmed();
    if (record.label.size() > MaxLabelLength)
        result.errors.insert(Field::Label,
                             tr("Keep the label under %1 characters.").arg(MaxLabelLength));
    else if (hasControlCharacters(record.label))
        result.errors.insert(Field::Label, tr("The label may not contain line breaks."));

    record.provider = draft.provider.trimmed().toLower();
    const auto* info = ProviderCatalog::find(record.provider);
    if (!info) {
        result.errors.insert(
            Field::Provider,
            tr("Choose a provider: %1.").arg(ProviderCatalog::ids().join(QLatin1String(", "))));
    }

    record.webhookUrl = draft.webhookUrl.trimmed();
    if (const QString error = checkWebhookUrl(record.webhookUrl, record.provider); !error.isEmpty())
        result.errors.insert(Field::WebhookUrl, error);

    record.fallbackEmail = draft.fallbackEmail.trimmed();
    if (const QString error = checkEmail(record.fallbackEmail); !error.isEmpty())
        result.errors.insert(Field::FallbackEmail, error);

    // Provider ids are kept only for the provider that uses them.
    if (info && info->usesServiceId) {
        record.serviceId = draft.serviceId.trimmed();
        if (record.serviceId.contains(QRegularExpression(QStringLiteral("\\s"))))
            result.errors.insert(Field::ServiceId, tr("The service id may not contain spaces."));
    }
    if (info && info->usesClientId) {
        record.clientId = draft.clientId.trimmed();
        if (!record.clientId.isEmpty() && QUuid::fromString(record.clientId).isNull())
            result.errors.insert(Field::ClientId, tr("The Zonitel client id is a UUID such as "
                                                     "550e8400-e29b-41d4-a716-446655440000."));
    }
    if (info && info->usesDevice) {
        record.deviceId = draft.deviceId.trimmed();
        bool numeric = false;
        record.deviceId.toLongLong(&numeric);
        if (record.deviceId.isEmpty())
            result.errors.insert(
                Field::DeviceId,
                tr("Enter the gateway's device id: the gateway names the number by it."));
        else if (!numeric)
            result.errors.insert(Field::DeviceId, tr("The device id is a whole number."));
        record.sim = draft.sim < 0 ? 0 : draft.sim;
        if (record.sim != 0 && record.sim != 1)
            result.errors.insert(Field::Sim, tr("The SIM slot is 0 or 1."));
        // The gateway sends its times without a zone: they are the device's local time.
        record.timeZone = draft.timeZone.value_or(QString()).trimmed();
        if (const QString error = checkTimeZone(record.timeZone); !error.isEmpty())
            result.errors.insert(Field::TimeZone, error);
    }

    if (draft.secret) {
        if (const QString error = checkSecret(*draft.secret); !error.isEmpty())
            result.errors.insert(Field::Secret, error);
    }
    if (draft.authHeader) {
        if (const QString error = checkAuthHeader(*draft.authHeader, record.provider);
            !error.isEmpty())
            result.errors.insert(Field::AuthHeader, error);
    }
    if (draft.pathToken) {
        if (const QString error = checkPathToken(*draft.pathToken); !error.isEmpty())
            result.errors.insert(Field::PathToken, error);
        else if (!draft.pathToken->isEmpty())
            record.pathTokenHash = PathToken::hash(draft.pathToken->toUtf8());
    }
    return result;
}

} // namespace smsdesk
