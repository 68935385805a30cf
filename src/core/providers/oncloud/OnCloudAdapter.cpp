#include "OnCloudAdapter.h"

#include "http/HttpRequest.h"
#include "providers/DedupeKey.h"
#include "providers/JsonFieldReader.h"
#include "providers/PayloadChecker.h"
#include "providers/PayloadDecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace smsdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::OnCloudAdapter", text);
}

constexpr QLatin1String inboundEvent("sms.inbound");

} // namespace

bool OnCloudAdapter::recognizes(const HttpRequest& request) const
{
    const auto object = PayloadDecoder::peekJsonObject(request.body);
    return object && object->value(QLatin1String("event")).toString() == inboundEvent;
}

AdapterResult OnCloudAdapter::parse(const HttpRequest& request, const AdapterContext& context) const
{
    Q_UNUSED(context) // every number carries its country code: no region needed
    auto decoded = PayloadDecoder::jsonObject(request);
    if (auto* rejection = std::get_if<Rejection>(&decoded))
        return *rejection;

    PayloadChecker check;
    JsonFieldReader fields(std::get<QJsonObject>(std::move(decoded)), check);
    const auto event = fields.string("event");
    const auto from = fields.string("from");
    const auto to = fields.string("to");
    const auto text = fields.string("text");
    const auto media = fields.stringArray("media", JsonFieldReader::Presence::Optional);
    const auto timestamp = fields.string("timestamp");
    if (!check.ok())
        return check.rejection();

    if (*event != inboundEvent) {
        return Rejection::invalid(tr("field \"event\" must be \"sms.inbound\" (got %1)")
                                      .arg(PayloadDecoder::quoted(*event)),
                                  QStringLiteral("event"));
    }
    const auto remote = check.e164(*from, QStringLiteral("from"));
    const auto did = check.e164(*to, QStringLiteral("to"));
    const auto urls = check.mediaUrls(*media, QStringLiteral("media"));
    const auto time = check.isoDateTimeWithOffset(*timestamp, QStringLiteral("timestamp"));
    if (!check.ok())
        return check.rejection();

    InboundMessage message;
    message.provider = providerId();
    message.did = *did;
    message.remote = *remote;
    message.text = *text;
    message.media = *urls;
    message.providerTime = *time;
    // No message id in this payload: the key is a hash of everything it says, as sent, so a
    // retry of the same webhook maps to the same key.
    QList<QByteArray> hashed = {from->toUtf8(), to->toUtf8(), timestamp->toUtf8(), text->toUtf8(),
                                QByteArray::number(media->size())};
    for (const QString& url : *media)
        hashed.append(url.toUtf8());
    message.dedupeKey = DedupeKey::hashed(providerId(), hashed);
    return InboundEvent(std::move(message));
}

QByteArray OnCloudAdapter::encodeSyncReply(const QString& text, const QStringList& media) const
{
    // The document: "If the reply field is missing or empty, no reply is sent", so a reply
    // without text (media alone) cannot be sent this way: answer with an empty body.
    if (text.isEmpty())
        return {};
    QJsonObject reply{{QStringLiteral("reply"), text}};
    if (!media.isEmpty())
        reply.insert(QStringLiteral("media"), QJsonArray::fromStringList(media));
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

} // namespace smsdesk
