#include "FailedMessageBar.h"

#include "ConversationPalette.h"
#include "ConversationText.h"
#include "ConversationView.h"
#include "outbound/Outbox.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>

namespace smsdesk {

FailedMessageBar::FailedMessageBar(ConversationView* view, QWidget* parent)
    : QWidget(parent), m_view(view), m_label(new QLabel(this)),
      m_retryButton(new QPushButton(tr("&Retry"), this)),
      m_markFailedButton(new QPushButton(tr("Mark &failed"), this)),
      m_retryAction(new QAction(tr("&Retry sending"), this)),
      m_markFailedAction(new QAction(tr("Mark as &failed"), this))
{
    setObjectName(QStringLiteral("failedMessageBar"));
    m_label->setObjectName(QStringLiteral("failedMessageLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setAutoDefault(false);
    m_retryButton->setToolTip(tr("Send this message again"));
    m_markFailedButton->setObjectName(QStringLiteral("markFailedButton"));
    m_markFailedButton->setAutoDefault(false);
    m_markFailedButton->setToolTip(
        tr("Whether onCloud received it is unknown: mark it as failed once you know it did not"));
    m_retryAction->setObjectName(QStringLiteral("retryMessageAction"));
    m_markFailedAction->setObjectName(QStringLiteral("markFailedAction"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retryButton);
    layout->addWidget(m_markFailedButton);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText, ConversationPalette::errorColor(palette));
    m_label->setPalette(palette);

    connect(m_retryButton, &QPushButton::clicked, this, &FailedMessageBar::retry);
    connect(m_retryAction, &QAction::triggered, this, &FailedMessageBar::retry);
    connect(m_markFailedButton, &QPushButton::clicked, this, &FailedMessageBar::markFailed);
    connect(m_markFailedAction, &QAction::triggered, this, &FailedMessageBar::markFailed);

    QAbstractItemModel* model = m_view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &FailedMessageBar::updateBar);
    connect(model, &QAbstractItemModel::rowsInserted, this, &FailedMessageBar::updateBar);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &FailedMessageBar::updateBar);
    connect(model, &QAbstractItemModel::dataChanged, this, &FailedMessageBar::updateBar);
    connect(m_view->list()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FailedMessageBar::updateBar);
    updateBar();
}

FailedMessageBar::~FailedMessageBar() = default;

void FailedMessageBar::setOutbox(Outbox* outbox)
{
    m_outbox = outbox;
    updateBar();
}

std::optional<ConversationMessage> FailedMessageBar::target() const
{
    const QList<ConversationMessage>& messages = m_view->messages();
    const qint64 selected = m_view->selectedMessageId();
    std::optional<ConversationMessage> newest;
    for (const ConversationMessage& message : messages) {
        if (!message.isOutbound() || !message.isFailed())
            continue;
        if (message.id == selected)
            return message;
        newest = message;
    }
    return newest;
}

void FailedMessageBar::updateBar()
{
    m_message = target();
    if (!m_message) {
        hide();
        m_retryAction->setEnabled(false);
        m_markFailedAction->setEnabled(false);
        return;
    }
    const bool unconfirmed = m_message->status == QLatin1String("unconfirmed");
    QString text = m_message->text.section(QLatin1Char('\n'), 0, 0);
    if (text.size() > 60)
        text = text.left(59) + QStringLiteral("\u2026");
    const QString state = unconfirmed ? tr("Unconfirmed: whether it went out is unknown")
                          : m_message->errorCode.isEmpty()
                              ? tr("Not sent")
                              : tr("Not sent (%1)").arg(m_message->errorCode);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(m_message->receivedAtMs);
    m_label->setText(tr("%1 \u00b7 %2 \u00b7 \u201c%3\u201d")
                         .arg(state, QLocale().toString(at, QLocale::ShortFormat), text));
    m_label->setToolTip(ConversationText::fullTime(m_message->receivedAtMs) +
                        (m_message->statusDetail.isEmpty()
                             ? QString()
                             : QStringLiteral("\n") + m_message->statusDetail));
    const bool canAct = !m_outbox.isNull();
    m_retryButton->setEnabled(canAct);
    m_retryAction->setEnabled(canAct);
    m_markFailedButton->setVisible(unconfirmed);
    m_markFailedAction->setEnabled(canAct && unconfirmed);
    m_markFailedButton->setEnabled(canAct);
    show();
}

void FailedMessageBar::retry()
{
    if (!m_message || !m_outbox)
        return;
    const qint64 id = m_message->id;
    m_retryButton->setEnabled(false);
    Q_EMIT retried(id);
    QPointer<FailedMessageBar> self(this);
    m_outbox->resend(id, [self, id](bool ok, const QString& error) {
        if (!self)
            return;
        if (!ok)
            Q_EMIT self->statusMessage(tr("Could not send the message again: %1").arg(error));
        Q_EMIT self->messageChanged(id);
        self->updateBar();
    });
}

void FailedMessageBar::markFailed()
{
    if (!m_message || !m_outbox || m_message->status != QLatin1String("unconfirmed"))
        return;
    const qint64 id = m_message->id;
    QPointer<FailedMessageBar> self(this);
    m_outbox->markFailed(
        id, tr("Marked as failed by hand."), [self, id](bool ok, const QString& error) {
            if (!self)
                return;
            if (!ok)
                Q_EMIT self->statusMessage(tr("Could not mark the message failed: %1").arg(error));
            Q_EMIT self->messageChanged(id);
        });
}

} // namespace smsdesk
