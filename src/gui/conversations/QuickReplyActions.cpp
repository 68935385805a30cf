#include "QuickReplyActions.h"

#include "AppContext.h"
#include "ComposeBox.h"
#include "QuickRepliesDialog.h"
#include "QuickReplyPopup.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"
#include "widgets/PageAction.h"

#include <QAction>

namespace smsdesk {

namespace {

using RepliesRead = StoreRead<QList<QuickReply>>;

} // namespace

QuickReplyActions::QuickReplyActions(AppContext& context, QWidget* page, ComposeBox& compose,
                                     ValuesSource valuesFor)
    : QObject(page), m_context(context), m_page(page), m_compose(compose),
      m_valuesFor(std::move(valuesFor)), m_popup(new QuickReplyPopup(page))
{
    m_insertAction = PageAction::makeWindowAction(
        page, QStringLiteral("insertQuickReply"), tr("Insert &quick reply…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("Type a saved reply into the message, its placeholders filled (%1)"));
    connect(m_insertAction, &QAction::triggered, this, &QuickReplyActions::showPopup);
    m_manageAction = PageAction::makeWindowAction(page, QStringLiteral("manageQuickReplies"),
                                                  tr("Quick &replies…"), QKeySequence());
    m_manageAction->setToolTip(tr("Add, change or delete the quick replies"));
    connect(m_manageAction, &QAction::triggered, this, &QuickReplyActions::manage);
    connect(m_popup, &QuickReplyPopup::manageRequested, this, &QuickReplyActions::manage);
    connect(m_popup, &QuickReplyPopup::chosen, this, [this](const QString& text) {
        const QString filled = QuickReplyText::expand(text, m_valuesFor());
        m_compose.insertText(filled);
        Q_EMIT inserted(filled);
    });
}

QuickReplyActions::~QuickReplyActions() = default;

QuickRepliesDialog* QuickReplyActions::dialog() const
{
    return m_dialog;
}

void QuickReplyActions::showPopup()
{
    m_context.worker().post<RepliesRead>(
        [](QSqlDatabase& db) {
            const QuickReplyRepository repository(db);
            return RepliesRead::of(repository, repository.list());
        },
        this,
        [this](RepliesRead read) {
            m_popup->setReplies(read.value.value_or(QList<QuickReply>()));
            m_popup->popUp(m_compose.mapToGlobal(QPoint(0, 0)));
            Q_EMIT popupShown();
        });
}

void QuickReplyActions::manage()
{
    if (!m_dialog) {
        m_dialog = new QuickRepliesDialog(m_context.worker(), m_context.clock(), m_page);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
}

} // namespace smsdesk
