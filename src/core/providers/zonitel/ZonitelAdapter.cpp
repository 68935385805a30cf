#include "ZonitelAdapter.h"

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
    return QCoreApplication::translate("smsdesk::ZonitelAdapter", text);
}

constexpr QLatin1String inbound("inbound");
constexpr QLatin1String outbound("outbound");
constexpr QLatin1String received("received");
constexpr qint64 maxSegments = 255; // a concatenated SMS has at most 255 parts

} // namespace

DeliveryStatus ZonitelAdapter::statusFor(const QString& rawStatus)
{
    const QString status = rawStatus.toLower();
    if (status == u"queued")
        return DeliveryStatus::Queued;
    if (status == u"sent")
        return DeliveryStatus::Sent;
    if (status == u"delivered")
        return DeliveryStatus::Delivered;
    if (status == u"failed" || status == u"undelivered")
        return DeliveryStatus::Failed;
    return DeliveryStatus::Unknown;
}

bool ZonitelAdapter::recognizes(const HttpRequest& request) const
{
    const auto object = PayloadDecoder::peekJsonObject(request.body);
    return object && object->value(QLatin1String("status")).isString() &&
           object->value(QLatin1String("data")).isObject();
}

AdapterResult ZonitelAdapter::parse(const HttpRequest& request, const AdapterContext& context) const
{
    // The document names no Content-Type: JSON is read however it is labelled.
    QString note;
    auto decoded = PayloadDecoder::jsonObjectAnyLabel(request, &note);
    if (auto* rejection = std::get_if<Rejection>(&decoded))
        return *rejection;
    const QStringList notes = note.isEmpty() ? QStringList() : QStringList{note};

    PayloadChecker check;
    JsonFieldReader top(std::get<QJsonObject>(std::move(decoded)), check);
    const auto status = top.string("status");
    const auto dataObject = top.object("data");
    if (!check.ok())
        return check.rejection();
    JsonFieldReader data(*dataObject, check, QStringLiteral("data"));
    const auto id = data.string("id");
    const auto segments = data.integer("segments", 0, maxSegments);
    const auto direction = data.string("direction");
    const auto text = data.string("messageText");
    const auto from = data.string("from");
    const auto to = data.string("to");
    const auto medias = data.stringArray("medias");
    const auto message = top.string("message");
    if (!check.ok())
        return check.rejection();

    check.nonEmpty(*status, QStringLiteral("status"));
    check.nonEmpty(*id, QStringLiteral("data.id"));
    if (*direction != inbound && *direction != outbound) {
        check.fail(Rejection::invalid(
            tr("field \"data.direction\" must be \"inbound\" or \"outbound\" (got %1)")
                .arg(PayloadDecoder::quoted(*direction)),
            QStringLiteral("data.direction")));
    }
    const auto urls = check.mediaUrls(*medias, QStringLiteral("data.medias"));
    if (!check.ok())
        return check.rejection();

    if (*direction == inbound) {
        if (*status != received) {
            return Rejection::invalid(
                tr("field \"status\" must be \"received\" for an inbound message (got %1)")
                    .arg(PayloadDecoder::quoted(*status)),
                QStringLiteral("status"));
        }
        const auto did = check.providerNumber(*to, QStringLiteral("data.to"),
                                              context.regionFor({}, nullptr), false);
        if (!check.ok())
            return check.rejection();
        const auto remote = check.providerNumber(*from, QStringLiteral("data.from"),
                                                 context.regionFor(did->value, nullptr), true);
        if (!check.ok())
            return check.rejection();

        InboundMessage inboundMessage;
        inboundMessage.provider = providerId();
        inboundMessage.did = did->value;
        inboundMessage.remote = remote->value;
        inboundMessage.remoteIsAlphanumeric = remote->alphanumeric;
        inboundMessage.text = *text;
        inboundMessage.media = *urls;
        inboundMessage.providerMessageId = *id;
        inboundMessage.segments = static_cast<int>(*segments);
        // No time in Zonitel's payload: providerTime stays null.
        inboundMessage.dedupeKey = DedupeKey::join(providerId(), {*id});
        return AdapterResult(InboundEvent(std::move(inboundMessage))).withNotes(notes);
    }

    // Outbound: a status report on a message we sent from "from" to "to".
    const auto did = check.providerNumber(*from, QStringLiteral("data.from"),
                                          context.regionFor({}, nullptr), false);
    if (!check.ok())
        return check.rejection();
    const auto remote = check.providerNumber(*to, QStringLiteral("data.to"),
                                             context.regionFor(did->value, nullptr), false);
    if (!check.ok())
        return check.rejection();

    StatusUpdate update;
    update.provider = providerId();
    update.providerMessageId = *id;
    update.did = did->value;
    update.remote = remote->value;
    update.status = statusFor(*status);
    update.rawStatus = *status;
    update.statusText = *message;
    if (update.status == DeliveryStatus::Failed)
        update.errorCode = *status; // Zonitel gives no other code
    update.messageText = *text;
    update.media = *urls;
    update.segments = static_cast<int>(*segments);
    update.dedupeKey = DedupeKey::join(providerId(), {*id, *status});
    return AdapterResult(InboundEvent(std::move(update))).withNotes(notes);
}

} // namespace smsdesk
