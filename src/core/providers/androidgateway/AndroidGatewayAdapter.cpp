#include "AndroidGatewayAdapter.h"

#include "http/HttpRequest.h"
#include "providers/DedupeKey.h"
#include "providers/JsonFieldReader.h"
#include "providers/PayloadChecker.h"
#include "providers/PayloadDecoder.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::AndroidGatewayAdapter", text);
}

constexpr qint64 maxId = 9007199254740991;     // 2^53 - 1: exact in every JSON reader
constexpr qint64 maxAddress = 999999999999999; // 15 digits: the longest E.164 number
constexpr qint64 maxStatusId = 2147483647;

} // namespace

AndroidGatewayAdapter::StatusInfo AndroidGatewayAdapter::statusInfo(qint64 statusId)
{
    switch (statusId) {
    case 1:
        return {DeliveryStatus::Queued, tr("Pending SMS")};
    case 2:
        return {DeliveryStatus::Queued, tr("SMS taken by phone")};
    case 3:
        return {DeliveryStatus::Queued, tr("Queued for sending")};
    case 5:
        return {DeliveryStatus::Received, tr("Incoming SMS")};
    case 6:
        return {DeliveryStatus::Sent, tr("SMS Sent by Phone")};
    case 7:
        return {DeliveryStatus::Delivered, tr("SMS has been Delivered")};
    case 8:
        return {DeliveryStatus::Failed, tr("SMS was NOT Delivered")};
    case 9:
        return {DeliveryStatus::Failed, tr("SMS was not sent at all: generic failure")};
    case 10:
        return {DeliveryStatus::Failed, tr("SMS Not Sent - No Service")};
    case 11:
        return {DeliveryStatus::Failed, tr("SMS Not Sent - Null PDU")};
    case 12:
        return {DeliveryStatus::Failed, tr("SMS Not Sent - Radio Off")};
    case 100:
    case 101:
        return {DeliveryStatus::Failed,
                tr("SMS Not Sent - NOT ALLOWED: the app was not granted permission to send SMS")};
    default:
        break;
    }
    return {DeliveryStatus::Unknown, {}};
}

bool AndroidGatewayAdapter::recognizes(const HttpRequest& request) const
{
    const auto object = PayloadDecoder::peekJsonObject(request.body);
    if (!object)
        return false;
    const auto has = [&](const char* name) { return object->contains(QLatin1String(name)); };
    return (has("address") && has("sms_id") && has("device_id")) ||
           (has("status_id") && has("sms_id"));
}

AdapterResult AndroidGatewayAdapter::parse(const HttpRequest& request,
                                           const AdapterContext& context) const
{
    // The document names no Content-Type: JSON is read however it is labelled.
    QString note;
    auto decoded = PayloadDecoder::jsonObjectAnyLabel(request, &note);
    if (auto* rejection = std::get_if<Rejection>(&decoded))
        return *rejection;
    const QJsonObject object = std::get<QJsonObject>(std::move(decoded));

    const bool incoming = object.contains(QLatin1String("address"));
    const bool status = object.contains(QLatin1String("status_id"));
    if (incoming && status) {
        return Rejection::malformed(
            tr("the payload has both \"address\" (an incoming SMS) and \"status_id\" (a delivery "
               "status): it must be one or the other"));
    }
    if (!incoming && !status) {
        return Rejection::malformed(
            tr("the payload is neither an incoming SMS (no field "
               "\"address\") nor a delivery status (no field \"status_id\")"));
    }
    AdapterResult result = incoming ? parseIncoming(object, context) : parseStatus(object, context);
    if (result.ok() && !note.isEmpty())
        result.withNotes({note});
    return result;
}

AdapterResult AndroidGatewayAdapter::parseIncoming(const QJsonObject& object,
                                                   const AdapterContext& context)
{
    PayloadChecker check;
    JsonFieldReader fields(object, check);
    // The document types "address" as int, but a phone's sender is not always one: "+", a
    // leading 0 or a sender name ("Google", "BANK-INFO") only fit in a string. Both are read.
    const bool addressIsText = object.value(QLatin1String("address")).isString();
    const auto address =
        addressIsText ? std::optional<qint64>(0) : fields.integer("address", 1, maxAddress);
    const auto date = fields.value("date");
    const auto dateSent = fields.value("date_sent");
    const auto body = fields.string("body");
    const auto internalId = fields.integer("internal_id", 0, maxId);
    const auto sim = fields.integer("sim", 0, 1);
    const auto smsId = fields.integer("sms_id", 0, maxId);
    const auto deviceId = fields.integer("device_id", 0, maxId);
    const auto deviceName = fields.string("device_name");
    if (!check.ok())
        return check.rejection();

    const DeviceRef device{*deviceId, static_cast<int>(*sim)};
    // "datetime" with no format or zone in the document: a time without an offset is the
    // device's local time, that is, the time zone of the number it is provisioned for.
    const QTimeZone zone = context.timeZoneFor({}, &device);
    const auto time = check.dateTime(*date, QStringLiteral("date"), zone);
    const auto timeSent = check.dateTime(*dateSent, QStringLiteral("date_sent"), zone);
    // Digits without "+" are read as international first, then in the region of the device's
    // number; a sender name is kept as it is.
    const QString addressText = addressIsText ? object.value(QLatin1String("address")).toString()
                                              : QString::number(*address);
    const auto remote = check.providerNumber(addressText, QStringLiteral("address"),
                                             context.regionFor({}, &device), addressIsText);
    if (!check.ok())
        return check.rejection();

    InboundMessage message;
    message.provider = providerId();
    message.device = device;
    message.remote = remote->value;
    message.remoteIsAlphanumeric = remote->alphanumeric;
    message.text = *body;
    message.providerMessageId = QString::number(*smsId);
    message.providerTime = *time;
    message.gateway = InboundMessage::GatewayDetails{*internalId, *deviceName, *timeSent};
    message.dedupeKey =
        DedupeKey::join(providerId(), {QString::number(*deviceId), QString::number(*smsId)});
    return InboundEvent(std::move(message));
}

AdapterResult AndroidGatewayAdapter::parseStatus(const QJsonObject& object,
                                                 const AdapterContext& context)
{
    PayloadChecker check;
    JsonFieldReader fields(object, check);
    const auto smsId = fields.integer("sms_id", 0, maxId);
    const auto statusId = fields.integer("status_id", 0, maxStatusId);
    const auto statusMessage = fields.string("status_message");
    const auto sendTo = fields.string("sendto");
    const auto sentTime = fields.value("senttime");
    const auto sim = fields.integer("sim", 0, 1);
    const auto deviceId = fields.integer("device_id", 0, maxId);
    if (!check.ok())
        return check.rejection();

    const DeviceRef device{*deviceId, static_cast<int>(*sim)};
    const auto time =
        check.dateTime(*sentTime, QStringLiteral("senttime"), context.timeZoneFor({}, &device));
    const auto remote = check.providerNumber(*sendTo, QStringLiteral("sendto"),
                                             context.regionFor({}, &device), false);
    if (!check.ok())
        return check.rejection();

    const StatusInfo info = statusInfo(*statusId);
    StatusUpdate update;
    update.provider = providerId();
    update.providerMessageId = QString::number(*smsId);
    update.device = device;
    update.remote = remote->value;
    update.status = info.status; // an id the document does not list stays Unknown, kept raw
    update.rawStatus = QString::number(*statusId);
    update.statusText = *statusMessage;
    update.statusMeaning = info.meaning;
    if (info.status == DeliveryStatus::Failed)
        update.errorCode = update.rawStatus;
    update.providerTime = *time;
    update.dedupeKey =
        DedupeKey::join(providerId(), {QString::number(*deviceId), update.providerMessageId,
                                       QStringLiteral("status"), update.rawStatus});
    return InboundEvent(std::move(update));
}

} // namespace smsdesk
