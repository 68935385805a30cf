#include "PageAction.h"

#include <QAction>
#include <QToolButton>

namespace smsdesk {

QAction* PageAction::make(QWidget* page, const QString& name, const QString& text,
                          const QList<QKeySequence>& keys, Qt::ShortcutContext context,
                          QWidget* owner)
{
    auto* action = new QAction(text, page);
    action->setObjectName(name + QStringLiteral("Action"));
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    owner->addAction(action);
    return action;
}

QToolButton* PageAction::button(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    return button;
}

} // namespace smsdesk
