#include "InspectorListenerBar.h"

#include "ListenerController.h"
#include "providers/ProviderCatalog.h"
#include "ui_InspectorListenerBar.h"
#include "widgets/ThemeIcon.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <algorithm>

namespace smsdesk {

namespace {

const QColor kRunningColor(0x2e, 0x7d, 0x32);
const QColor kBusyColor(0xb2, 0x7b, 0x00);
const QColor kStoppedColor(0x75, 0x75, 0x75);
const QColor kFailedColor(0xc6, 0x28, 0x28);

QPixmap dot(const QColor& color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    return pixmap;
}

} // namespace

InspectorListenerBar::InspectorListenerBar(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::InspectorListenerBar>())
{
    m_ui->setupUi(this);
    m_copyUrlMenu = new QMenu(this);
    m_copyUrlMenu->setObjectName(QStringLiteral("copyUrlMenu"));
    m_copyUrlMenu->setToolTipsVisible(true);
    m_ui->copyUrlButton->setMenu(m_copyUrlMenu);
    m_ui->copyUrlButton->setIcon(ThemeIcon::icon(ThemeIcon::Copy));
    connect(m_copyUrlMenu, &QMenu::aboutToShow, this, &InspectorListenerBar::buildCopyUrlMenu);
    connect(m_ui->copyUrlButton, &QToolButton::clicked, this, [this] { copy(baseUrl()); });
    connect(m_ui->startStopButton, &QPushButton::clicked, this, [this] {
        if (!m_listener)
            return;
        const ListenerController::State state = m_listener->state();
        if (state == ListenerController::State::Running ||
            state == ListenerController::State::Starting)
            m_listener->stop();
        else
            m_listener->start();
    });
}

InspectorListenerBar::~InspectorListenerBar() = default;

void InspectorListenerBar::attach(ListenerController& listener)
{
    m_listener = &listener;
    buildCopyUrlMenu();
    connect(m_listener, &ListenerController::stateChanged, this,
            &InspectorListenerBar::updateState);
    connect(m_listener, &ListenerController::requestsPerSecondChanged, this,
            &InspectorListenerBar::updateRate);
    connect(m_listener, &ListenerController::warning, this,
            [this](const QString& message) { Q_EMIT messageChanged(message, false); });
    updateState();
}

void InspectorListenerBar::setNumbers(const QList<NumberRecord>& numbers)
{
    m_numbers = numbers;
}

void InspectorListenerBar::setDrillAction(QAction* action)
{
    m_ui->drillButton->setDefaultAction(action);
}

QString InspectorListenerBar::baseUrl() const
{
    if (!m_listener)
        return {};
    if (!m_listener->url().isEmpty())
        return m_listener->url();
    QHostAddress address;
    quint16 port = 0;
    QString error;
    if (ListenerService::parseAddress(m_listener->listenAddress(), &address, &port, &error))
        return ListenerService::urlFor(address, port);
    return ListenerService::urlFor(QHostAddress(QHostAddress::LocalHost),
                                   ListenerService::DefaultPort);
}

void InspectorListenerBar::copy(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Copied %1").arg(text));
}

QString InspectorListenerBar::httpsNote(const QString& provider)
{
    return tr("%1 accepts only https:// webhook URLs: this listener speaks plain HTTP, so it needs "
              "a TLS front (a reverse proxy or a tunnel) whose https:// address you register at "
              "%1, forwarding to this URL.")
        .arg(provider);
}

void InspectorListenerBar::buildCopyUrlMenu()
{
    m_copyUrlMenu->clear();
    const QString base = baseUrl();

    QAction* address = m_copyUrlMenu->addAction(tr("Listener address: %1").arg(base));
    address->setObjectName(QStringLiteral("copyListenerUrlAction"));
    connect(address, &QAction::triggered, this, [this, base] { copy(base); });
    QAction* any = m_copyUrlMenu->addAction(
        tr("Any provider (recognised from the payload): %1/webhook").arg(base));
    any->setObjectName(QStringLiteral("copyGenericUrlAction"));
    connect(any, &QAction::triggered, this,
            [this, base] { copy(base + QStringLiteral("/webhook")); });

    m_copyUrlMenu->addSection(tr("Numbers"));
    int shown = 0;
    for (const NumberRecord& number : std::as_const(m_numbers)) {
        if (!number.enabled)
            continue;
        ++shown;
        const QString url = base + QStringLiteral("/webhooks/") + number.provider;
        QString name = number.e164;
        if (!number.label.isEmpty())
            name += QStringLiteral(" (") + number.label + QLatin1Char(')');
        QAction* action = nullptr;
        if (number.hasPathToken()) {
            // The token is only in the keychain: the path is copied up to where it goes.
            action =
                m_copyUrlMenu->addAction(tr("%1: %2").arg(name, url + QStringLiteral("/[token]")));
            action->setToolTip(tr("The path token is kept in the keychain only, so it is not "
                                  "copied: the URL ends with '/' and the token goes after it."));
            connect(action, &QAction::triggered, this,
                    [this, url] { copy(url + QLatin1Char('/')); });
        } else {
            action = m_copyUrlMenu->addAction(tr("%1: %2").arg(name, url));
            action->setToolTip(tr("Where the provider of %1 posts its webhooks").arg(number.e164));
            connect(action, &QAction::triggered, this, [this, url] { copy(url); });
        }
        const ProviderCatalog::Info* info = ProviderCatalog::find(number.provider);
        if (info && info->webhookMustBeHttps && !url.startsWith(QLatin1String("https://"))) {
            // Copied all the same (for a tunnel's or proxy's target), with what it takes.
            const QString note = httpsNote(info->displayName);
            action->setToolTip(note);
            disconnect(action, &QAction::triggered, this, nullptr);
            connect(action, &QAction::triggered, this, [this, url, note] {
                QGuiApplication::clipboard()->setText(url);
                Q_EMIT statusMessage(tr("Copied %1 — %2").arg(url, note));
            });
        }
        action->setObjectName(QStringLiteral("copyUrl_%1").arg(number.id));
        action->setData(number.id);
    }
    if (shown == 0) {
        QAction* none = m_copyUrlMenu->addAction(tr("No enabled numbers"));
        none->setEnabled(false);
    }
}

void InspectorListenerBar::updateState()
{
    using State = ListenerController::State;
    const State state = m_listener->state();
    QColor color = kStoppedColor;
    switch (state) {
    case State::Running:
        color = kRunningColor;
        break;
    case State::Starting:
    case State::Stopping:
        color = kBusyColor;
        break;
    case State::Failed:
        color = kFailedColor;
        break;
    case State::Stopped:
        break;
    }
    const int size = m_ui->listenerStateLabel->fontMetrics().height() * 3 / 4;
    m_ui->listenerStateIcon->setPixmap(dot(color, std::max(size, 8)));
    m_ui->listenerStateLabel->setText(ListenerController::stateText(state));
    QPalette palette = m_ui->listenerStateLabel->palette();
    palette.setColor(QPalette::WindowText, state == State::Stopped
                                               ? QPalette().color(QPalette::WindowText)
                                               : color.darker(110));
    m_ui->listenerStateLabel->setPalette(palette);

    const QString url = m_listener->url();
    m_ui->listenerAddressLabel->setText(url.isEmpty() ? tr("(%1)").arg(m_listener->listenAddress())
                                                      : url);
    m_ui->listenerAddressLabel->setToolTip(
        url.isEmpty() ? tr("Listens on %1 once started").arg(m_listener->listenAddress())
                      : tr("Webhooks are received at %1").arg(url));

    QPushButton* button = m_ui->startStopButton;
    const bool running = state == State::Running || state == State::Starting;
    button->setText(running ? tr("S&top") : tr("&Start"));
    button->setIcon(ThemeIcon::icon(running ? ThemeIcon::Stop : ThemeIcon::Start));
    button->setEnabled(state != State::Stopping);
    button->setToolTip(running ? tr("Stop listening (requests in flight are answered first)")
                               : tr("Start listening on %1").arg(m_listener->listenAddress()));

    if (state == State::Failed)
        Q_EMIT messageChanged(m_listener->failureReason(), true);
    else if (state == State::Starting || state == State::Stopped)
        Q_EMIT messageChanged(QString(), false);
    updateRate(m_listener->requestsPerSecond());
}

void InspectorListenerBar::updateRate(double rate)
{
    m_ui->rateLabel->setText(
        tr("%1 requests/s").arg(QLocale().toString(rate, 'f', rate >= 100 ? 0 : 1)));
}

} // namespace smsdesk
