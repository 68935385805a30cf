#pragma once

#include "WebhookSample.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace smsdesk {

// Builds realistic webhook requests for one provider, as its document in shared/specs
// describes them: sample(n) is message n of a run. Samples cycle through variations (the
// document's own example values first, then national-format, digits-only or alphanumeric
// senders where the document allows them, unicode and emoji, multi-line and long text, media
// URLs; for status webhooks every documented status). Message ids derive from the seed and
// n, so N samples are N distinct messages, and sample(n) is the same request every time it
// is asked for (a retry is the same message). onCloud's payload has no id: a receiver takes two
// messages from one sender with the same timestamp and content for one. So its messages differ
// by timestamp: baseTime + n seconds, plus, when baseTime is not given, a fraction of a second
// from the clock (milliseconds) and the seed (microseconds): two runs (in a row or at once)
// share their timestamps only with a chance of one in 500,000.
class WebhookSampleFactory
{
public:
    static constexpr qint64 DefaultDeviceId = 42;
    static constexpr int DefaultSim = 0;

    struct Options
    {
        QString provider; // ProviderCatalog id
        WebhookSample::Kind kind = WebhookSample::Kind::Inbound;
        QString number;                    // our number (E.164); empty: defaultNumber(provider)
        qint64 deviceId = DefaultDeviceId; // Android gateway device_id
        int sim = DefaultSim;              // Android gateway SIM slot, 0 or 1
        QString serviceId;                 // PBX service_id; empty: "100234"
        QString webhookUrl; // PBX webhook_url (where the carrier posts); empty: the document's
        QByteArray authorization;    // sent as the Authorization header when not empty
        std::optional<quint64> seed; // ids derive from it; unset: a random one
        // The time of message 0, in whole seconds; null: now, and onCloud's timestamps carry
        // a fraction of a second that sets this run apart (see above).
        QDateTime baseTime;
    };

    // The receiving number used when none is given: the document's own example DID
    // (onCloud +14045559999, Zonitel +10000000020; PBX, whose document has none, an
    // Australian +61299999999; the gateway names a device instead, so none).
    static QString defaultNumber(const QString& provider);
    // Whether the provider sends status webhooks (Zonitel, Android gateway).
    static bool supportsStatus(const QString& provider);
    // Why these options cannot make samples; empty when they can.
    static QString check(const Options& options);

    // The options must pass check().
    explicit WebhookSampleFactory(Options options);

    const Options& options() const { return m_options; }
    QString number() const { return m_number; }
    quint64 seed() const { return m_seed; }
    // How many different variations sample() cycles through.
    int variationCount() const;
    WebhookSample sample(int n) const;

private:
    WebhookSample base(int n) const;
    WebhookSample onCloud(int n) const;
    WebhookSample pbx(int n) const;
    WebhookSample zonitelInbound(int n) const;
    WebhookSample zonitelStatus(int n) const;
    WebhookSample gatewayInbound(int n) const;
    WebhookSample gatewayStatus(int n) const;

    QString uuid(int n) const;
    QDateTime timeOf(int n) const;

    Options m_options;
    QString m_number;
    quint64 m_seed = 0;
    QDateTime m_baseTime;
    int m_runMicroseconds = 0; // onCloud's fraction of a second, 0..999999; 0 when given a time
};

} // namespace smsdesk
