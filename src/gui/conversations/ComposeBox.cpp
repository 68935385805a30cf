#include "ComposeBox.h"

#include "ComposeText.h"
#include "ConversationPalette.h"
#include "ConversationText.h"
#include "outbound/PlanGuard.h"
#include "phone/PhoneNumber.h"
#include "ui_ComposeBox.h"

#include <QAbstractTextDocumentLayout>
#include <QShortcut>
#include <QTextCursor>
#include <algorithm>

namespace smsdesk {

namespace {

constexpr int kNumberIdRole = Qt::UserRole + 1;
constexpr int kDidRole = Qt::UserRole + 2;
constexpr int kEnabledRole = Qt::UserRole + 3;
constexpr int kMinTextLines = 2;
constexpr int kMaxTextLines = 6;
constexpr int kFromMinChars = 30;

// `label` in the error colour of its palette, or in the muted one.
void colour(QLabel* label, bool error)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : QPalette();
    if (error) {
        palette.setColor(QPalette::WindowText, ConversationPalette::errorColor(palette));
    } else {
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    }
    label->setPalette(palette);
}

} // namespace

ComposeBox::ComposeBox(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::ComposeBox>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("composeBox"));
    // The text box grows with what is typed, from two lines to six.
    connect(m_ui->textEdit->document()->documentLayout(),
            &QAbstractTextDocumentLayout::documentSizeChanged, this, &ComposeBox::fitTextHeight);
    fitTextHeight();
    m_ui->recipientNote->hide();
    m_ui->composeNote->hide();
    m_ui->optOutBanner->hide();
    // The From items carry the plan usage: the box shows what fits, the list all of it.
    m_ui->fromCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->fromCombo->setMinimumContentsLength(kFromMinChars);
    m_ui->culpritLabel->hide();
    m_ui->replaceButton->hide();
    m_ui->counterLabel->setForegroundRole(QPalette::PlaceholderText);

    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &ComposeBox::textChanged);
    connect(m_ui->mediaEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_settingDraft)
            Q_EMIT draftEdited();
        updateState();
    });
    connect(m_ui->recipientEdit, &QLineEdit::textChanged, this, &ComposeBox::recipientChanged);
    connect(m_ui->fromCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        if (!m_thread)
            Q_EMIT partiesChanged();
    });
    connect(m_ui->replaceButton, &QPushButton::clicked, this, &ComposeBox::replaceWithGsmTwins);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &ComposeBox::send);
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut =
            new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposeBox::send);
    }
    startNew();
}

ComposeBox::~ComposeBox() = default;

void ComposeBox::setNumbers(const QList<NumberRecord>& numbers)
{
    m_numbers = numbers;
    fillNumbers(fromDid());
}

void ComposeBox::setUsage(const QHash<qint64, PlanUsage>& usage)
{
    m_usage = usage;
    fillNumbers(fromDid());
}

bool ComposeBox::canSend(const NumberRecord& number) const
{
    if (!number.enabled || number.provider != QLatin1String("oncloud"))
        return false;
    const auto usage = m_usage.constFind(number.id);
    if (usage == m_usage.constEnd())
        return true;
    const QString refusal = PlanGuard::refusal(number, *usage);
    return refusal != QLatin1String("WH-23-2") && refusal != QLatin1String("WH-23-4");
}

void ComposeBox::setOptOut(const QString& banner)
{
    QLabel* label = m_ui->optOutBanner;
    label->setText(banner);
    QPalette palette = label->palette();
    const QColor error = ConversationPalette::errorColor(palette);
    palette.setColor(QPalette::WindowText, error);
    palette.setColor(QPalette::Window,
                     ConversationPalette::blend(error, palette.color(QPalette::Base), 0.12));
    label->setPalette(palette);
    label->setVisible(!banner.isEmpty());
}

QString ComposeBox::optOutBanner() const
{
    return m_ui->optOutBanner->text();
}

void ComposeBox::setDefaultRegion(const QString& region)
{
    m_region = region;
    recipientChanged();
}

void ComposeBox::fillNumbers(const QString& did)
{
    QComboBox* combo = m_ui->fromCombo;
    const QSignalBlocker blocker(combo);
    combo->clear();
    int chosen = -1;
    for (const NumberRecord& number : std::as_const(m_numbers)) {
        if (number.e164 != did && !canSend(number))
            continue; // only the thread's own number is listed when it cannot send
        const QString national = ConversationText::remote(number.e164, number.e164);
        QString text = number.label.isEmpty()
                           ? national
                           : QStringLiteral("%1 \u00b7 %2").arg(number.label, national);
        if (!number.enabled)
            text += QLatin1Char(' ') + tr("(disabled)");
        const auto usage = m_usage.constFind(number.id);
        const QString used = usage != m_usage.constEnd() ? ComposeText::usage(*usage) : QString();
        if (!used.isEmpty())
            text += QStringLiteral(" \u00b7 ") + used;
        combo->addItem(text);
        const int index = combo->count() - 1;
        combo->setItemData(index, number.id, kNumberIdRole);
        combo->setItemData(index, number.e164, kDidRole);
        combo->setItemData(index, number.enabled, kEnabledRole);
        combo->setItemData(index, text, Qt::ToolTipRole);
        if (number.e164 == did)
            chosen = index;
    }
    if (chosen < 0 && !did.isEmpty()) {
        // A thread of a number that is not (or no longer) provisioned here.
        combo->addItem(tr("%1 (not provisioned here)").arg(ConversationText::remote(did, did)));
        chosen = combo->count() - 1;
        combo->setItemData(chosen, qint64(0), kNumberIdRole);
        combo->setItemData(chosen, did, kDidRole);
        combo->setItemData(chosen, false, kEnabledRole);
    }
    combo->setCurrentIndex(chosen >= 0 ? chosen : (combo->count() > 0 ? 0 : -1));
    updateState();
}

void ComposeBox::setThread(const Thread& thread)
{
    m_thread = thread;
    fillNumbers(thread.did);
    const QSignalBlocker blocker(m_ui->recipientEdit);
    m_ui->recipientEdit->setText(ConversationText::remote(thread.remote, thread.did));
    m_ui->recipientEdit->setReadOnly(true);
    m_ui->recipientEdit->setClearButtonEnabled(false);
    m_ui->recipientEdit->setToolTip(thread.remote);
    m_recipientE164.clear();
    m_recipientError.clear();
    m_ui->recipientNote->hide();
    setDraft({});
}

void ComposeBox::startNew(const QString& did)
{
    m_thread.reset();
    fillNumbers(did);
    m_ui->recipientEdit->setReadOnly(false);
    m_ui->recipientEdit->setClearButtonEnabled(true);
    m_ui->recipientEdit->setToolTip(
        tr("The number to send to: with its country code (+44 …), or as it is dialled in "
           "the default region"));
    m_ui->recipientEdit->clear();
    setDraft({});
    recipientChanged();
}

Draft ComposeBox::draft() const
{
    return {m_ui->textEdit->toPlainText(), m_ui->mediaEdit->text().trimmed()};
}

void ComposeBox::insertText(const QString& text)
{
    m_ui->textEdit->insertPlainText(text);
    m_ui->textEdit->setFocus(Qt::OtherFocusReason);
}

void ComposeBox::setDraft(const Draft& draft)
{
    m_settingDraft = true;
    m_ui->textEdit->setPlainText(draft.text);
    m_ui->textEdit->moveCursor(QTextCursor::End);
    m_ui->mediaEdit->setText(draft.mediaUrl);
    m_settingDraft = false;
    setNote(QString(), false);
    updateState();
}

void ComposeBox::clearMessage()
{
    m_ui->textEdit->clear();
    m_ui->mediaEdit->clear();
}

void ComposeBox::setSendingAvailable(bool available, const QString& reason)
{
    m_sendingAvailable = available;
    m_unavailableReason = reason;
    updateState();
}

void ComposeBox::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ComposeBox::showOutcome(const QString& html, bool error)
{
    setNote(html, error, true);
}

QString ComposeBox::noteText() const
{
    return m_ui->composeNote->isVisible() ? m_ui->composeNote->text() : QString();
}

QString ComposeBox::unavailableText() const
{
    if (m_unavailableReason.isEmpty())
        return tr("Sending is not available yet: this version of SMS Desk cannot send "
                  "messages.");
    return tr("Sending is not available: %1").arg(m_unavailableReason);
}

qint64 ComposeBox::fromNumberId() const
{
    return m_ui->fromCombo->currentData(kNumberIdRole).toLongLong();
}

QString ComposeBox::fromDid() const
{
    return m_ui->fromCombo->currentData(kDidRole).toString();
}

QString ComposeBox::recipientE164() const
{
    if (m_thread)
        return m_thread->remote.startsWith(QLatin1Char('+')) ? m_thread->remote : QString();
    return m_recipientE164;
}

QString ComposeBox::problem() const
{
    if (m_ui->fromCombo->count() == 0)
        return tr("There is no number to send from: add one on the Numbers page.");
    if (fromNumberId() == 0) {
        return tr("%1 is not provisioned here: messages cannot be sent from it.")
            .arg(ConversationText::remote(fromDid(), fromDid()));
    }
    if (!m_ui->fromCombo->currentData(kEnabledRole).toBool()) {
        return tr("%1 is disabled: enable it on the Numbers page to send from it.")
            .arg(ConversationText::remote(fromDid(), fromDid()));
    }
    if (m_thread && recipientE164().isEmpty())
        return tr("%1 is a sender name, not a number: it cannot be answered.")
            .arg(m_thread->remote);
    if (!m_thread && m_ui->recipientEdit->text().trimmed().isEmpty())
        return tr("Type the number to send to.");
    if (!m_thread && !m_recipientError.isEmpty())
        return m_recipientError;
    const Draft message = draft();
    if (message.text.trimmed().isEmpty() && message.mediaUrl.isEmpty())
        return tr("Type a message.");
    return ComposeText::mediaUrlProblem(message.mediaUrl);
}

void ComposeBox::send()
{
    if (!m_sendingAvailable) {
        setNote(unavailableText(), true);
        return;
    }
    if (m_busy)
        return;
    const QString why = problem();
    if (!why.isEmpty()) {
        setNote(why, true);
        return;
    }
    setNote(QString(), false);
    const Draft message = draft();
    Q_EMIT sendRequested(fromNumberId(), recipientE164(), message.text, message.mediaUrl);
}

void ComposeBox::replaceWithGsmTwins()
{
    const QString text = m_ui->textEdit->toPlainText();
    const QString replaced = SmsSegments::replaceWithGsmTwins(text);
    if (replaced == text)
        return;
    // One edit the user can undo.
    QTextCursor cursor(m_ui->textEdit->document());
    const int position = m_ui->textEdit->textCursor().position();
    cursor.select(QTextCursor::Document);
    cursor.insertText(replaced);
    cursor.setPosition(std::min(position, int(replaced.size())));
    m_ui->textEdit->setTextCursor(cursor);
    m_ui->textEdit->setFocus(Qt::OtherFocusReason);
}

void ComposeBox::focusInput()
{
    if (!m_thread && recipientE164().isEmpty())
        m_ui->recipientEdit->setFocus(Qt::OtherFocusReason);
    else
        m_ui->textEdit->setFocus(Qt::OtherFocusReason);
}

void ComposeBox::fitTextHeight()
{
    QPlainTextEdit* edit = m_ui->textEdit;
    // QPlainTextEdit's document counts its size in lines.
    const int lines =
        std::clamp(int(edit->document()->size().height()), kMinTextLines, kMaxTextLines);
    const int margins = int(2 * edit->document()->documentMargin()) + 2 * edit->frameWidth() +
                        edit->contentsMargins().top() + edit->contentsMargins().bottom();
    edit->setFixedHeight(lines * edit->fontMetrics().lineSpacing() + margins);
}

void ComposeBox::textChanged()
{
    m_segments = SmsSegments::count(m_ui->textEdit->toPlainText());
    m_ui->counterLabel->setText(ComposeText::counter(m_segments));
    const QString culprits = ComposeText::culprits(m_segments);
    m_ui->culpritLabel->setText(culprits);
    m_ui->culpritLabel->setVisible(!culprits.isEmpty());
    m_ui->replaceButton->setVisible(m_segments.hasReplacements());
    if (!m_settingDraft) {
        setNote(QString(), false);
        Q_EMIT draftEdited();
    }
    updateState();
}

void ComposeBox::recipientChanged()
{
    if (m_thread)
        return;
    const QString typed = m_ui->recipientEdit->text().trimmed();
    const QString before = m_recipientE164;
    m_recipientE164.clear();
    m_recipientError.clear();
    if (typed.isEmpty()) {
        m_ui->recipientNote->hide();
    } else {
        const PhoneNumber::ParseResult parsed = PhoneNumber::parse(typed, m_region);
        if (parsed.ok()) {
            m_recipientE164 = parsed.number.e164();
            m_ui->recipientNote->setText(tr("Sends to %1").arg(parsed.number.international()));
        } else {
            m_recipientError = parsed.error;
            m_ui->recipientNote->setText(parsed.error);
        }
        colour(m_ui->recipientNote, !parsed.ok());
        m_ui->recipientNote->show();
    }
    updateState();
    if (m_recipientE164 != before)
        Q_EMIT partiesChanged();
}

void ComposeBox::updateState()
{
    if (m_ui->counterLabel->text().isEmpty())
        m_ui->counterLabel->setText(ComposeText::counter(m_segments));
    const QString why = problem();
    m_ui->sendButton->setEnabled(m_sendingAvailable && !m_busy && why.isEmpty());
    if (!m_sendingAvailable) {
        m_ui->sendButton->setToolTip(unavailableText());
    } else {
        m_ui->sendButton->setToolTip(why.isEmpty() ? tr("Send the message (Ctrl+Enter)") : why);
    }
    // A media URL that cannot be sent says so at once.
    const QString media = ComposeText::mediaUrlProblem(m_ui->mediaEdit->text());
    m_ui->mediaEdit->setToolTip(media);
}

void ComposeBox::setNote(const QString& text, bool error, bool rich)
{
    m_ui->composeNote->setTextFormat(rich ? Qt::RichText : Qt::PlainText);
    m_ui->composeNote->setText(text);
    colour(m_ui->composeNote, error);
    m_ui->composeNote->setVisible(!text.isEmpty());
}

} // namespace smsdesk
