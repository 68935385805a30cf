#include "SendMessageDialog.h"

#include "AppContext.h"
#include "SendMessageText.h"
#include "outbound/OutboundDraft.h"
#include "outbound/Outbox.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "ui_SendMessageDialog.h"

#include <QPointer>
#include <QPushButton>
#include <QShortcut>

namespace smsdesk {

SendMessageDialog::SendMessageDialog(AppContext& context, Outbox& outbox, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SendMessageDialog>()), m_context(context),
      m_outbox(outbox)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("sendMessageDialog"));
    m_sendButton = m_ui->buttonBox->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendButton->setEnabled(false);
    connect(m_sendButton, &QPushButton::clicked, this, &SendMessageDialog::send);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &SendMessageDialog::send);
    }

    connect(m_ui->fromCombo, &QComboBox::currentIndexChanged, this, [this] {
        loadUsage();
        checkForm();
    });
    connect(m_ui->toEdit, &QLineEdit::textChanged, this, &SendMessageDialog::checkForm);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &SendMessageDialog::checkForm);
    connect(m_ui->mediaEdit, &QLineEdit::textChanged, this, &SendMessageDialog::checkForm);
    connect(&m_outbox, &Outbox::updated, this, &SendMessageDialog::onUpdated);

    m_ui->usageLabel->setText(tr("Loading the numbers\u2026"));
    m_ui->toNote->clear();
    m_ui->mediaNote->clear();
    m_ui->resultLabel->clear();
    loadNumbers();
}

SendMessageDialog::~SendMessageDialog() = default;

void SendMessageDialog::loadNumbers()
{
    const Clock& clock = m_context.clock();
    m_context.worker().post<QList<NumberRecord>>(
        [&clock](QSqlDatabase& db) {
            QList<NumberRecord> sending;
            for (const NumberRecord& number : NumberRepository(db, clock).list()) {
                if (number.provider == QLatin1String("oncloud") && number.enabled)
                    sending.append(number);
            }
            return sending;
        },
        this,
        [this](const QList<NumberRecord>& numbers) {
            m_numbers = numbers;
            const QSignalBlocker blocker(m_ui->fromCombo);
            m_ui->fromCombo->clear();
            for (const NumberRecord& number : numbers)
                m_ui->fromCombo->addItem(
                    SendMessageText::numberItem(number, m_context.defaultRegion()), number.id);
            if (m_pendingNumberId > 0) {
                const int index = m_ui->fromCombo->findData(m_pendingNumberId);
                if (index >= 0)
                    m_ui->fromCombo->setCurrentIndex(index);
            }
            if (numbers.isEmpty()) {
                m_ui->usageLabel->setText(
                    tr("There is no enabled onCloud number to send from: add one on the Numbers "
                       "page first."));
            }
            loadUsage();
            checkForm();
            Q_EMIT numbersLoaded();
        });
}

void SendMessageDialog::setFromNumberId(qint64 numberId)
{
    m_pendingNumberId = numberId;
    const int index = m_ui->fromCombo->findData(numberId);
    if (index >= 0)
        m_ui->fromCombo->setCurrentIndex(index);
}

std::optional<NumberRecord> SendMessageDialog::currentNumber() const
{
    const int index = m_ui->fromCombo->currentIndex();
    if (index < 0 || index >= m_numbers.size())
        return std::nullopt;
    return m_numbers.at(index);
}

void SendMessageDialog::loadUsage()
{
    const std::optional<NumberRecord> number = currentNumber();
    m_usage.reset();
    if (!number)
        return;
    m_ui->usageLabel->setText(tr("Reading the plan usage\u2026"));
    const qint64 id = number->id;
    m_outbox.usage(id, [this, id](const std::optional<PlanUsage>& usage, const QString& error) {
        const std::optional<NumberRecord> shown = currentNumber();
        if (!shown || shown->id != id)
            return; // another number was chosen meanwhile
        m_usage = usage;
        m_ui->usageLabel->setText(usage ? SendMessageText::usage(*shown, *usage)
                                        : error.toHtmlEscaped());
        Q_EMIT usageLoaded();
    });
}

void SendMessageDialog::checkForm()
{
    const std::optional<NumberRecord> number = currentNumber();
    bool ok = number.has_value();
    const QString to = m_ui->toEdit->text();
    if (number && !to.trimmed().isEmpty()) {
        const OutboundDraft::Checked checked = OutboundDraft::checkRecipient(to, number->e164);
        m_ui->toNote->setText(
            checked.ok() ? SendMessageText::recipient(checked.toE164, m_context.defaultRegion())
                         : checked.errors.value(OutboundDraft::Field::To));
        ok = ok && checked.ok();
    } else {
        m_ui->toNote->clear();
        ok = false;
    }
    const QString media = m_ui->mediaEdit->text().trimmed();
    const bool mediaOk = media.isEmpty() || OutboundDraft::isMediaUrl(media);
    m_ui->mediaNote->setText(mediaOk ? QString()
                                     : tr("Give a web address starting with http:// or https://."));
    ok = ok && mediaOk && (!m_ui->textEdit->toPlainText().isEmpty() || !media.isEmpty());
    m_sendButton->setEnabled(ok && !m_sending);
}

void SendMessageDialog::showResult(const QString& html)
{
    m_ui->resultLabel->setText(html);
}

void SendMessageDialog::send()
{
    if (m_sending || !m_sendButton->isEnabled())
        return;
    const std::optional<NumberRecord> number = currentNumber();
    if (!number)
        return;
    OutboundDraft draft;
    draft.didE164 = number->e164;
    draft.to = m_ui->toEdit->text();
    draft.text = m_ui->textEdit->toPlainText();
    draft.mediaUrl = m_ui->mediaEdit->text();
    m_sending = true;
    m_messageId = 0;
    m_sendButton->setEnabled(false);
    showResult(tr("Storing the message\u2026"));
    QPointer<SendMessageDialog> self(this);
    m_outbox.queue(draft, [self](const Outbox::QueueOutcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok()) {
            self->m_sending = false;
            self->showResult(SendMessageText::queueRefusal(outcome));
            self->checkForm();
            self->loadUsage();
            Q_EMIT self->refused();
            return;
        }
        self->m_messageId = outcome.messageId;
        QString html = tr("Queued; sending\u2026").toHtmlEscaped();
        if (!outcome.warning.isEmpty())
            html += QStringLiteral("<br>") + outcome.warning.toHtmlEscaped();
        self->showResult(html);
        self->loadUsage();
    });
}

void SendMessageDialog::onUpdated(const OutboxUpdate& update)
{
    if (m_messageId == 0 || update.messageId != m_messageId)
        return;
    showResult(SendMessageText::update(update));
    if (!update.isFinal())
        return;
    m_sending = false;
    if (update.result == OutboxUpdate::Result::Sent) {
        m_ui->textEdit->clear();
        m_ui->mediaEdit->clear();
    }
    checkForm();
    loadUsage();
    Q_EMIT finished(update);
}

} // namespace smsdesk
