#pragma once

#include "QuickReplyText.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QWidget;

namespace smsdesk {

class AppContext;
class ComposeBox;
class QuickRepliesDialog;
class QuickReplyPopup;

// The compose box's quick replies: "Insert quick reply" (Ctrl+Shift+R) reads them through the
// DatabaseWorker and opens QuickReplyPopup over the box; the one chosen is typed into the text
// with its placeholders filled (QuickReplyText, with the values valuesFor() gives: the thread's
// number and name, today). "Quick replies…" opens QuickRepliesDialog to edit them.
class QuickReplyActions : public QObject
{
    Q_OBJECT

public:
    using ValuesSource = std::function<QuickReplyText::Values()>;

    // The actions fire anywhere in the window of `page`.
    QuickReplyActions(AppContext& context, QWidget* page, ComposeBox& compose,
                      ValuesSource valuesFor);
    ~QuickReplyActions() override;

    QAction* insertAction() const { return m_insertAction; }
    QAction* manageAction() const { return m_manageAction; }
    QuickReplyPopup* popup() const { return m_popup; }
    QuickRepliesDialog* dialog() const;

public Q_SLOTS:
    void showPopup();
    void manage();

Q_SIGNALS:
    // The popup is open with the replies read.
    void popupShown();
    // `text` (filled) was typed into the compose box.
    void inserted(const QString& text);

private:
    AppContext& m_context;
    QWidget* m_page;
    ComposeBox& m_compose;
    ValuesSource m_valuesFor;
    QAction* m_insertAction = nullptr;
    QAction* m_manageAction = nullptr;
    QuickReplyPopup* m_popup = nullptr;
    QPointer<QuickRepliesDialog> m_dialog;
};

} // namespace smsdesk
