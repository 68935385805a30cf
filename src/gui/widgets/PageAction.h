#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QToolButton;
class QWidget;

namespace smsdesk {

// The actions of a page (Numbers, Plans) and the tool buttons that show them in its bar.
class PageAction
{
public:
    // An action owned by `page`, named `name` + "Action", whose shortcuts `keys` fire in
    // `context` of `owner` (the page itself or one of its widgets).
    static QAction* make(QWidget* page, const QString& name, const QString& text,
                         const QList<QKeySequence>& keys, Qt::ShortcutContext context,
                         QWidget* owner);
    // make() for a shortcut `key` that fires anywhere in the window of `page`; `toolTip` (when
    // not empty) names the shortcut where it says %1.
    static QAction* makeWindowAction(QWidget* page, const QString& name, const QString& text,
                                     const QKeySequence& key, const QString& toolTip = QString());
    // A tool button for `action` (its text, beside its icon if it has one), named after it +
    // "Button".
    static QToolButton* button(QAction* action, QWidget* parent);
};

} // namespace smsdesk
