#include "PbxAdapter.h"

#include "http/HttpRequest.h"
#include "providers/DedupeKey.h"
#include "providers/FormFields.h"
#include "providers/PayloadChecker.h"
#include "providers/PayloadDecoder.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PbxAdapter", text);
}

} // namespace

bool PbxAdapter::recognizes(const HttpRequest& request) const
{
    return FormFields::hasRawName(request.body, "message_id") &&
           FormFields::hasRawName(request.body, "sms_number");
}

AdapterResult PbxAdapter::parse(const HttpRequest& request, const AdapterContext& context) const
{
    if (auto rejection =
            PayloadDecoder::checkContentType(request, "application/x-www-form-urlencoded"))
        return *rejection;
    auto decoded = FormFields::decode(request.body);
    if (auto* rejection = std::get_if<Rejection>(&decoded))
        return *rejection;
    const FormFields form = std::get<FormFields>(std::move(decoded));

    PayloadChecker check;
    const auto required = [&](const char* name) -> std::optional<QString> {
        const QString field = QLatin1String(name);
        auto value = form.value(field);
        if (!value)
            check.fail(
                Rejection::malformed(tr("required field \"%1\" is missing").arg(field), field));
        return value;
    };
    // Every field the document lists, in its order. webhook_url and webhook_url_fallback only
    // say where the carrier posted and where it falls back to: kept when present, not required.
    const auto serviceId = required("service_id");
    const auto from = required("from");
    const auto smsNumber = required("sms_number");
    const auto body = required("body");
    const auto messageId = required("message_id");
    const auto timestamp = required("timestamp");
    if (!check.ok())
        return check.rejection();

    const auto did = check.providerNumber(*smsNumber, QStringLiteral("sms_number"),
                                          context.regionFor({}, nullptr), false);
    if (!check.ok())
        return check.rejection();
    // "The name or number that sent the message": a sender name is kept as sent.
    const auto remote = check.providerNumber(*from, QStringLiteral("from"),
                                             context.regionFor(did->value, nullptr), true);
    const auto id = check.uuid(*messageId, QStringLiteral("message_id"));
    const auto time = check.epochSeconds(*timestamp, QStringLiteral("timestamp"));
    if (!check.ok())
        return check.rejection();

    InboundMessage message;
    message.provider = providerId();
    message.did = did->value;
    message.remote = remote->value;
    message.remoteIsAlphanumeric = remote->alphanumeric;
    message.text = *body;
    message.providerMessageId = *id;
    message.providerTime = *time;
    message.pbx = InboundMessage::PbxDetails{
        *serviceId, form.value(QStringLiteral("webhook_url")).value_or(QString()),
        form.value(QStringLiteral("webhook_url_fallback")).value_or(QString())};
    // A UUID names the message whatever the case of its hex digits.
    message.dedupeKey = DedupeKey::join(providerId(), {id->toLower()});
    return InboundEvent(std::move(message));
}

} // namespace smsdesk
