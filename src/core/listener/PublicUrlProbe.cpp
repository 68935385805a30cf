#include "PublicUrlProbe.h"

#include "WebhookListener.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace smsdesk {

struct PublicUrlProbe::Pending
{
    Result result;
    QString provider;
    QPointer<QObject> context;
    Callback done;
    QTimer* grace = nullptr;
};

PublicUrlProbe::PublicUrlProbe(QNetworkAccessManager& network, QObject* parent)
    : QObject(parent), m_network(network)
{}

PublicUrlProbe::~PublicUrlProbe() = default;

QString PublicUrlProbe::newToken()
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString token;
    for (int i = 0; i < 32; ++i)
        token += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(64)]);
    return token;
}

namespace {

bool routeFits(const QString& route, const QString& provider)
{
    return route == QLatin1String("*") || route == provider;
}

} // namespace

void PublicUrlProbe::probe(const QUrl& url, const QString& provider, QObject* context,
                           Callback done)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        Result bad;
        bad.url = url;
        bad.outcome = Result::Outcome::BadUrl;
        done(bad);
        return;
    }
    const QString token = newToken();
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader(WebhookListener::ProbeHeader, token.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_network.post(request, QByteArrayLiteral("{}"));
    auto pending = std::make_shared<Pending>();
    pending->result.url = url;
    pending->provider = provider;
    pending->context = context;
    pending->done = std::move(done);
    connect(reply, &QNetworkReply::finished, this, [this, reply, token, pending] {
        reply->deleteLater();
        Result& result = pending->result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (result.httpStatus == 0) {
            result.error = reply->errorString();
            switch (reply->error()) {
            case QNetworkReply::HostNotFoundError:
                result.outcome = Result::Outcome::Dns;
                break;
            case QNetworkReply::ConnectionRefusedError:
                result.outcome = Result::Outcome::Refused;
                break;
            case QNetworkReply::SslHandshakeFailedError:
                result.outcome = Result::Outcome::Tls;
                break;
            case QNetworkReply::TimeoutError:
            case QNetworkReply::OperationCanceledError:
                result.outcome = Result::Outcome::Timeout;
                break;
            default:
                result.outcome = Result::Outcome::Network;
                break;
            }
            if (pending->context)
                pending->done(result);
            return;
        }
        if (QString::fromLatin1(reply->rawHeader(WebhookListener::ProbeHeader)) != token) {
            result.outcome = Result::Outcome::OtherServer;
            result.server = QString::fromLatin1(reply->rawHeader("Server"));
            if (pending->context)
                pending->done(result);
            return;
        }
        result.route = QString::fromLatin1(reply->rawHeader(WebhookListener::ProbeRouteHeader));
        // An SMS Desk listener answered: this one, if it said so (the word may come a moment
        // after the answer, through another thread).
        m_waiting.insert(token, pending);
        pending->grace = new QTimer(this);
        pending->grace->setSingleShot(true);
        connect(pending->grace, &QTimer::timeout, this, [this, token] { finishEchoed(token); });
        pending->grace->start(m_arrived.contains(token) ? 0 : ArrivalGraceMs);
    });
}

void PublicUrlProbe::noteArrival(const QString& token, const QString& route)
{
    m_arrived.insert(token, route);
    if (const auto pending = m_waiting.value(token); pending && pending->grace)
        pending->grace->start(0);
}

void PublicUrlProbe::finishEchoed(const QString& token)
{
    const std::shared_ptr<Pending> pending = m_waiting.take(token);
    if (!pending)
        return;
    pending->grace->deleteLater();
    pending->grace = nullptr;
    Result& result = pending->result;
    if (!m_arrived.contains(token))
        result.outcome = Result::Outcome::OtherListener;
    else
        result.outcome = routeFits(m_arrived.take(token), pending->provider)
                             ? Result::Outcome::Arrived
                             : Result::Outcome::WrongPath;
    if (pending->context)
        pending->done(result);
}

QString PublicUrlProbe::describe(const Result& result, const QString& provider)
{
    const QString url = result.url.toDisplayString();
    const QString host = result.url.host();
    switch (result.outcome) {
    case Result::Outcome::Arrived:
        return tr("The probe sent to %1 arrived at this listener, at the %2 webhook path: the "
                  "provider's webhooks will get here.")
            .arg(url, provider);
    case Result::Outcome::WrongPath:
        if (result.route.isEmpty())
            return tr("The probe sent to %1 reached this listener, but at a path that is no "
                      "webhook path: the tunnel or proxy changes the path. Webhooks must arrive "
                      "at /webhooks/%2 (or /webhook).")
                .arg(url, provider);
        return tr("The probe sent to %1 reached this listener, but at the %2 webhook path, not "
                  "%3's: fix the path in the URL (or in the proxy) to /webhooks/%3.")
            .arg(url, result.route, provider);
    case Result::Outcome::OtherListener:
        return tr("An SMS Desk listener answered at %1, but not this one: the tunnel or proxy "
                  "leads to another computer or another SMS Desk.")
            .arg(url);
    case Result::Outcome::OtherServer:
        return tr("Another server answered at %1 (HTTP %2%3): the URL does not lead to this "
                  "listener. Check the tunnel's or proxy's target (host, port and path).")
            .arg(url)
            .arg(result.httpStatus)
            .arg(result.server.isEmpty() ? QString()
                                         : tr(", server \u201c%1\u201d").arg(result.server));
    case Result::Outcome::Dns:
        return tr("The name %1 does not resolve (DNS): check the host name, or that the tunnel "
                  "is running and its name is published.")
            .arg(host);
    case Result::Outcome::Tls:
        return tr("The TLS handshake with %1 failed (%2): the certificate is not valid for this "
                  "name or not trusted; providers refuse such addresses too.")
            .arg(host, result.error);
    case Result::Outcome::Refused:
        return tr("%1 refused the connection: nothing listens at that port, or a firewall "
                  "rejects it. Start the tunnel or proxy, and check the port.")
            .arg(result.url.authority());
    case Result::Outcome::Timeout:
        return tr("No answer from %1 in time: a firewall may drop the connection, or the tunnel "
                  "or proxy cannot reach this listener.")
            .arg(url);
    case Result::Outcome::Network:
        return tr("The probe to %1 failed: %2").arg(url, result.error);
    case Result::Outcome::BadUrl:
        return tr("\u201c%1\u201d is not an http:// or https:// URL.").arg(url);
    }
    return {};
}

} // namespace smsdesk
