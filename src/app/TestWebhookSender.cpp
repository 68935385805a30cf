#include "TestWebhookSender.h"

#include "AppContext.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/SecretStore.h"
#include "store/RequestLogReader.h"

#include <QNetworkAccessManager>
#include <memory>

namespace smsdesk {

namespace {

// Why a keychain read gave no secret, in words (the store's own, or one for its status).
QString secretError(const SecretStore::Result& result)
{
    if (!result.message.isEmpty())
        return result.message;
    switch (result.status) {
    case SecretStore::Status::NotFound:
        return TestWebhookSender::tr("the keychain has no such entry");
    case SecretStore::Status::NoKeychain:
        return TestWebhookSender::tr("no keychain is available");
    case SecretStore::Status::AccessDenied:
        return TestWebhookSender::tr("the keychain refused access");
    default:
        return TestWebhookSender::tr("the keychain could not be read");
    }
}

} // namespace

TestWebhookSender::TestWebhookSender(AppContext& context, QObject* parent)
    : QObject(parent), m_context(context), m_network(new QNetworkAccessManager(this)),
      m_replayer(new RequestReplayer(*m_network, this))
{}

TestWebhookSender::~TestWebhookSender() = default;

void TestWebhookSender::readSecrets(const QString& e164, bool authorization, bool pathToken,
                                    SecretsDone done)
{
    auto secrets = std::make_shared<RequestReplayer::Secrets>();
    SecretStore& store = m_context.secrets();
    auto readToken = [this, &store, e164, pathToken, secrets, done] {
        if (!pathToken) {
            done(*secrets, QString());
            return;
        }
        store.read(SecretStore::numberKey(e164, SecretStore::Kind::PathToken), this,
                   [secrets, done](const SecretStore::Result& result) {
                       if (!result.ok()) {
                           done(*secrets, secretError(result));
                           return;
                       }
                       secrets->pathToken = result.value.toLatin1();
                       done(*secrets, QString());
                   });
    };
    if (!authorization) {
        readToken();
        return;
    }
    store.read(SecretStore::numberKey(e164, SecretStore::Kind::AuthorizationHeader), this,
               [secrets, readToken, done](const SecretStore::Result& result) {
                   if (!result.ok()) {
                       done(*secrets, secretError(result));
                       return;
                   }
                   secrets->authorization = result.value.toLatin1();
                   readToken();
               });
}

void TestWebhookSender::send(const NumberRecord& number, WebhookSample::Kind kind,
                             const QUrl& listenerUrl, Done done)
{
    readSecrets(
        number.e164, number.hasAuthHeader, number.hasPathToken(),
        [this, number, kind, listenerUrl, done](const RequestReplayer::Secrets& secrets,
                                                const QString& error) {
            if (!error.isEmpty()) {
                done({}, tr("Could not send a test webhook for %1: the keychain did not give "
                            "its credential (%2)")
                             .arg(number.e164, error));
                return;
            }
            WebhookSampleFactory::Options options;
            options.provider = number.provider;
            options.kind = kind;
            options.number = number.e164;
            if (!number.deviceId.isEmpty())
                options.deviceId = number.deviceId.toLongLong();
            if (number.sim >= 0)
                options.sim = number.sim;
            options.serviceId = number.serviceId;
            options.authorization = secrets.authorization.value_or(QByteArray());
            options.baseTime = QDateTime::fromMSecsSinceEpoch(m_context.clock().nowMs(), Qt::UTC);
            if (const QString problem = WebhookSampleFactory::check(options); !problem.isEmpty()) {
                done({}, tr("Could not make a test webhook for %1: %2").arg(number.e164, problem));
                return;
            }
            const WebhookSample sample = WebhookSampleFactory(options).sample(0);
            // Sent like a replay of the sample, so the listener says what it made of it.
            RequestLogEntry entry;
            entry.method = QStringLiteral("POST");
            entry.target = QString::fromLatin1(sample.path);
            if (number.hasPathToken())
                entry.target += QStringLiteral("/[token]");
            entry.headers.append({QByteArrayLiteral("Content-Type"), sample.contentType});
            if (!sample.authorization.isEmpty())
                entry.headers.append({QByteArrayLiteral("Authorization"), QByteArray()});
            entry.headers.append(
                {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("SMS Desk test webhook")});
            entry.body = sample.body;
            entry.bodySize = sample.body.size();
            RequestReplayer::Secrets send = secrets;
            if (!sample.authorization.isEmpty())
                send.authorization = sample.authorization;
            m_replayer->replay(
                entry, listenerUrl, send,
                [done](const RequestReplayer::Result& result) { done(result, QString()); });
        });
}

QString TestWebhookSender::resultText(const QString& what, const RequestReplayer::Result& result)
{
    if (!result.answered())
        return tr("%1: no answer \u2014 %2").arg(what, result.error);
    QString text = tr("%1: HTTP %2").arg(what).arg(result.status);
    if (!result.outcome.isEmpty())
        text += QStringLiteral(" \u2014 ") + result.outcome;
    if (result.requestLogId > 0)
        text += QLatin1Char(' ') + tr("(request #%1)").arg(result.requestLogId);
    return text;
}

} // namespace smsdesk
