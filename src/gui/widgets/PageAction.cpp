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

QAction* PageAction::makeWindowAction(QWidget* page, const QString& name, const QString& text,
                                      const QKeySequence& key, const QString& toolTip)
{
    QAction* action = make(page, name, text, {key}, Qt::WindowShortcut, page);
    if (!toolTip.isEmpty())
        action->setToolTip(toolTip.arg(key.toString(QKeySequence::NativeText)));
    return action;
}

QToolButton* PageAction::button(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly
                                                       : Qt::ToolButtonTextBesideIcon);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    return button;
}

} // namespace smsdesk
