#include "PbxFallback.h"

#include "providers/FormFields.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PbxFallback", text);
}

std::optional<QString> formValue(const QByteArray& body, const QString& name)
{
    const auto decoded = FormFields::decode(body);
    if (const auto* fields = std::get_if<FormFields>(&decoded))
        return fields->value(name);
    return std::nullopt;
}

} // namespace

QString PbxFallback::describe(int failedAttempts, const QString& fallbackEmail)
{
    const QString address = fallbackEmail.isEmpty()
                                ? tr("the number's fallback address (none is set in SMS Desk)")
                                : fallbackEmail;
    if (emailed(failedAttempts)) {
        return tr("attempt %1 of %2 failed: sent to the fallback email %3")
            .arg(failedAttempts)
            .arg(MaxAttempts)
            .arg(address);
    }
    return tr("attempt %1 of %2 failed: after %2 the PBX emails %3")
        .arg(failedAttempts)
        .arg(MaxAttempts)
        .arg(address);
}

bool PbxFallback::usesFallbackEmail(const QString& provider)
{
    return provider == QLatin1String("pbx");
}

QString PbxFallback::messageIdIn(const QByteArray& body)
{
    return formValue(body, QStringLiteral("message_id")).value_or(QString()).trimmed().toLower();
}

QString PbxFallback::fallbackEmailIn(const QByteArray& body)
{
    const QString value =
        formValue(body, QStringLiteral("webhook_url_fallback")).value_or(QString()).trimmed();
    return value.contains(u'@') && !value.contains(u'/') ? value : QString();
}

QString PbxFallback::messageIdSql(bool postgres)
{
    if (postgres) {
        return QStringLiteral("lower(substring(convert_from(r.body, 'LATIN1') from "
                              "'(?:^|&)message_id=([^&]{1,36})'))");
    }
    // instr() on "&" + body finds the field at the start as well as after another one.
    return QStringLiteral(
        "CASE WHEN instr('&' || CAST(r.body AS TEXT), '&message_id=') > 0 THEN "
        "lower(rtrim(substr(CAST(r.body AS TEXT), instr('&' || CAST(r.body AS TEXT), "
        "'&message_id=') + 11, 36), '&')) END");
}

} // namespace smsdesk
