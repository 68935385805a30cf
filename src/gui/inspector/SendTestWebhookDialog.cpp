#include "SendTestWebhookDialog.h"

#include "providers/ProviderCatalog.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "ui_SendTestWebhookDialog.h"

#include <QComboBox>
#include <QPushButton>
#include <algorithm>

namespace smsdesk {

SendTestWebhookDialog::SendTestWebhookDialog(const QList<NumberRecord>& numbers, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SendTestWebhookDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("sendTestWebhookDialog"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Send"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const NumberRecord& number : numbers) {
        if (!number.enabled)
            continue;
        m_numbers.append(number);
        QString text = number.e164;
        if (!number.label.isEmpty())
            text += QStringLiteral(" \u2014 ") + number.label;
        const ProviderCatalog::Info* info = ProviderCatalog::find(number.provider);
        text += QStringLiteral(" (%1)").arg(info ? info->displayName : number.provider);
        m_ui->numberCombo->addItem(text, number.id);
    }
    connect(m_ui->numberCombo, &QComboBox::currentIndexChanged, this,
            &SendTestWebhookDialog::updateKinds);
    if (m_numbers.isEmpty()) {
        m_ui->noteLabel->setText(tr("There is no enabled number to send a test webhook for: "
                                    "add one on the Numbers page first."));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
    updateKinds();
}

SendTestWebhookDialog::~SendTestWebhookDialog() = default;

std::optional<NumberRecord> SendTestWebhookDialog::number() const
{
    const int index = m_ui->numberCombo->currentIndex();
    if (index < 0 || index >= m_numbers.size())
        return std::nullopt;
    return m_numbers.at(index);
}

WebhookSample::Kind SendTestWebhookDialog::kind() const
{
    return static_cast<WebhookSample::Kind>(m_ui->kindCombo->currentData().toInt());
}

void SendTestWebhookDialog::setNumberId(qint64 id)
{
    const int index = m_ui->numberCombo->findData(id);
    if (index >= 0)
        m_ui->numberCombo->setCurrentIndex(index);
}

void SendTestWebhookDialog::updateKinds()
{
    const std::optional<NumberRecord> chosen = number();
    const int previous = m_ui->kindCombo->currentData().toInt();
    m_ui->kindCombo->clear();
    m_ui->kindCombo->addItem(tr("Inbound message"), int(WebhookSample::Kind::Inbound));
    if (chosen && WebhookSampleFactory::supportsStatus(chosen->provider))
        m_ui->kindCombo->addItem(tr("Status report (on a message we sent)"),
                                 int(WebhookSample::Kind::Status));
    m_ui->kindCombo->setCurrentIndex(std::max(0, m_ui->kindCombo->findData(previous)));
    m_ui->kindCombo->setEnabled(m_ui->kindCombo->count() > 1);
}

} // namespace smsdesk
