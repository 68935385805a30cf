#include "ConversationDialog.h"

#include "ConversationView.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace smsdesk {

ConversationDialog::ConversationDialog(DatabaseWorker& worker,
                                       const ConversationReader::Thread& thread, QWidget* parent,
                                       int pageSize)
    : QDialog(parent), m_thread(thread)
{
    setObjectName(QStringLiteral("conversationDialog"));
    setModal(false);
    setWindowTitle(tr("Conversation: %1 \u2194 %2").arg(thread.did, thread.remote));
    setSizeGripEnabled(true);

    auto* layout = new QVBoxLayout(this);
    m_pane = new ConversationThreadPane(worker, this, pageSize);
    m_pane->setObjectName(QStringLiteral("conversationPane"));
    m_pane->setThread(thread);
    layout->addWidget(m_pane, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the list loads a page; it never closes the dialog.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(m_pane, &ConversationThreadPane::messageShown, this, &ConversationDialog::messageShown);
    connect(m_pane, &ConversationThreadPane::newestShown, this, &ConversationDialog::newestShown);
    connect(m_pane, &ConversationThreadPane::readFailed, this, &ConversationDialog::readFailed);
    resize(560, 700);
}

ConversationDialog::~ConversationDialog() = default;

void ConversationDialog::showMessage(qint64 messageId)
{
    m_pane->showMessage(messageId);
}

void ConversationDialog::showNewest()
{
    m_pane->showNewest();
}

} // namespace smsdesk
