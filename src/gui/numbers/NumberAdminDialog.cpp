#include "NumberAdminDialog.h"

#include "AppContext.h"
#include "ListenerController.h"
#include "inspector/InspectorListenerBar.h"
#include "listener/PublicUrlProbe.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "providers/zonitel/ZonitelWebhookRegistration.h"
#include "secrets/SecretStore.h"
#include "ui_NumberAdminDialog.h"

#include <QPushButton>

namespace smsdesk {

namespace {

const QString kZonitel = QStringLiteral("zonitel");

} // namespace

NumberAdminDialog::NumberAdminDialog(AppContext& context, ListenerController& listener,
                                     const NumberRecord& number, QWidget* parent)
    : QDialog(parent), m_context(context), m_listener(listener), m_number(number),
      m_ui(std::make_unique<Ui::NumberAdminDialog>()),
      m_probe(new PublicUrlProbe(context.network(), this)),
      m_zonitel(new ZonitelWebhookRegistration(context.network(), this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("numberAdminDialog"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const ProviderCatalog::Info* info = ProviderCatalog::find(number.provider);
    const QString provider = info ? info->displayName : number.provider;
    QString title = PhoneNumber::displayE164(number.e164, context.defaultRegion()).toHtmlEscaped();
    if (!number.label.isEmpty())
        title += QStringLiteral(" \u2014 ") + number.label.toHtmlEscaped();
    m_ui->numberLabel->setText(
        tr("<b>%1</b> (%2): the webhook URL configured at the provider is where its webhooks "
           "go; this listener is %3.")
            .arg(title, provider.toHtmlEscaped(),
                 (m_listener.url().isEmpty() ? tr("not running") : m_listener.url())
                     .toHtmlEscaped()));
    m_ui->urlEdit->setText(number.webhookUrl);
    connect(m_ui->checkUrlButton, &QPushButton::clicked, this, &NumberAdminDialog::checkUrl);
    connect(m_ui->urlEdit, &QLineEdit::returnPressed, this, &NumberAdminDialog::checkUrl);
    connect(&m_listener, &ListenerController::probeReceived, m_probe, &PublicUrlProbe::noteArrival);

    const bool zonitel = number.provider == kZonitel;
    m_ui->zonitelGroup->setVisible(zonitel);
    if (zonitel) {
        m_ui->httpsNoteLabel->setText(
            InspectorListenerBar::httpsNote(provider) + QLatin1Char(' ') +
            tr("Push registers the number's webhook URL (%1) for "
               "client %2; Verify reads back what Zonitel has.")
                .arg(number.webhookUrl.isEmpty() ? tr("none yet") : number.webhookUrl,
                     number.clientId));
        m_ui->tokenEdit->setPlaceholderText(
            tr("Read from the keychain; type one to save it there"));
        connect(m_ui->pushButton, &QPushButton::clicked, this, &NumberAdminDialog::pushUrl);
        connect(m_ui->verifyButton, &QPushButton::clicked, this, &NumberAdminDialog::verifyUrl);
    }
}

NumberAdminDialog::~NumberAdminDialog() = default;

void NumberAdminDialog::checkUrl()
{
    const QString text = m_ui->urlEdit->text().trimmed();
    if (text.isEmpty()) {
        m_ui->probeResultLabel->setText(
            tr("Enter the URL configured at the provider (the number has none yet)."));
        return;
    }
    if (m_listener.state() != ListenerController::State::Running) {
        m_ui->probeResultLabel->setText(
            tr("The listener is not running: start it first, then check the URL."));
        Q_EMIT probeFinished(false);
        return;
    }
    m_ui->checkUrlButton->setEnabled(false);
    m_ui->probeResultLabel->setText(tr("Sending a probe to %1\u2026").arg(text));
    m_probe->probe(QUrl(text), m_number.provider, this,
                   [this](const PublicUrlProbe::Result& result) {
                       m_ui->checkUrlButton->setEnabled(true);
                       m_ui->probeResultLabel->setText(
                           (result.ok() ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) +
                           PublicUrlProbe::describe(result, m_number.provider));
                       Q_EMIT probeFinished(result.ok());
                   });
}

bool NumberAdminDialog::zonitelBase(QUrl* base)
{
    QString error;
    if (!ZonitelWebhookRegistration::parseBase(m_context.settings().zonitelApiBase(), base,
                                               &error)) {
        showZonitel(error + QLatin1Char(' ') + tr("Fix it in the settings (Ctrl+,)."), false);
        return false;
    }
    return true;
}

void NumberAdminDialog::withToken(std::function<void(const QString& token)> job)
{
    const QString key = SecretStore::apiTokenKey(kZonitel, m_number.clientId);
    const QString typed = m_ui->tokenEdit->text().trimmed();
    if (!typed.isEmpty()) {
        m_context.secrets().write(
            key, typed, this, [this, typed, job](const SecretStore::Result& result) {
                if (!result.ok()) {
                    showZonitel(tr("The API token could not be saved in the keychain: %1")
                                    .arg(result.message),
                                false);
                    return;
                }
                m_ui->tokenEdit->clear();
                job(typed);
            });
        return;
    }
    m_context.secrets().read(key, this, [this, job](const SecretStore::Result& result) {
        if (result.status == SecretStore::Status::NotFound ||
            (result.ok() && result.value.isEmpty())) {
            showZonitel(tr("No API token for client %1 in the keychain: type it above (Zonitel's "
                           "portal shows it under API access).")
                            .arg(m_number.clientId),
                        false);
            return;
        }
        if (!result.ok()) {
            showZonitel(tr("The keychain did not give the API token: %1").arg(result.message),
                        false);
            return;
        }
        job(result.value);
    });
}

void NumberAdminDialog::setZonitelBusy(bool busy, const QString& text)
{
    m_ui->pushButton->setEnabled(!busy);
    m_ui->verifyButton->setEnabled(!busy);
    if (!text.isEmpty())
        m_ui->zonitelResultLabel->setText(text);
}

void NumberAdminDialog::showZonitel(const QString& text, bool ok)
{
    setZonitelBusy(false);
    m_ui->zonitelResultLabel->setText((ok ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) +
                                      text);
    Q_EMIT zonitelFinished(ok);
}

void NumberAdminDialog::pushUrl()
{
    if (const QString problem = ZonitelWebhookRegistration::checkWebhookUrl(m_number.webhookUrl);
        !problem.isEmpty()) {
        showZonitel(problem, false);
        return;
    }
    QUrl base;
    if (!zonitelBase(&base))
        return;
    setZonitelBusy(true, tr("Registering %1 at Zonitel\u2026").arg(m_number.webhookUrl));
    withToken([this, base](const QString& token) {
        m_zonitel->put(
            base, m_number.clientId, token, m_number.webhookUrl, this,
            [this](const ZonitelWebhookRegistration::Result& result) {
                showZonitel(ZonitelWebhookRegistration::describe(result, true, m_number.clientId),
                            result.ok());
            });
    });
}

void NumberAdminDialog::verifyUrl()
{
    QUrl base;
    if (!zonitelBase(&base))
        return;
    setZonitelBusy(true, tr("Asking Zonitel\u2026"));
    withToken([this, base](const QString& token) {
        m_zonitel->get(
            base, m_number.clientId, token, this,
            [this](const ZonitelWebhookRegistration::Result& result) {
                QString text =
                    ZonitelWebhookRegistration::describe(result, false, m_number.clientId);
                bool ok = result.ok();
                if (ok && result.url != m_number.webhookUrl) {
                    ok = false;
                    text += QLatin1Char(' ') +
                            (m_number.webhookUrl.isEmpty()
                                 ? tr("The number has no webhook URL here to compare it with.")
                                 : tr("That is not this number's webhook URL (%1): push it.")
                                       .arg(m_number.webhookUrl));
                } else if (ok) {
                    text += QLatin1Char(' ') + tr("It matches this number's webhook URL.");
                }
                showZonitel(text, ok);
            });
    });
}

} // namespace smsdesk
