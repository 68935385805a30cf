#pragma once

#include "provisioning/NumberDraft.h"
#include "store/NumberRecord.h"
#include "widgets/SaveDialog.h"

#include <QSet>
#include <memory>

class QLabel;

namespace Ui {
class NumberDialog;
}

namespace smsdesk {

class AppContext;

// Adds or edits one number. Validates while the user types (a reason next to each invalid
// field, OK disabled until the form is valid), then saves through the NumberProvisioner
// without blocking: the dialog shows a busy state, stays open with the error when the save
// fails, and accepts once the number is stored. Secrets are never read back into it; a path
// token generated here is shown once, until the dialog closes, so that it can be copied. The
// plan list is read through the DatabaseWorker and filled in when it arrives.
//
// The "Auto-replies" tab (onCloud numbers: their synchronous reply) edits the number's
// AutoReplyRules, read through the DatabaseWorker when a number is shown (the tab is disabled
// until they arrive) and saved the same way right after the number, before saved() is emitted
// (the listener reloads its numbers, rules included, on that signal). Their problem blocks Save.
class NumberDialog : public SaveDialog
{
    Q_OBJECT

public:
    explicit NumberDialog(AppContext& context, QWidget* parent = nullptr);
    ~NumberDialog() override;

    // Switches to editing `number`.
    void setNumber(const NumberRecord& number);
    // What the form holds now.
    NumberDraft draft() const;

Q_SIGNALS:
    void saved(const NumberRecord& number);

private:
    void validate() override;
    void save() override;
    // Reads the plans for the plan list through the DatabaseWorker.
    void loadPlans();
    // Selects m_planId in the plan list ("No plan" when it is not there).
    void selectPlan();
    void updateProviderFields();
    void updateSecretField(bool authHeader);
    void generatePathToken();
    void removePathToken();
    void updatePathTokenField();
    void showHint(QLabel* label, const QString& hint);
    // How the number's webhooks will be checked, with a warning when they will not be.
    void showInboundAuth(const NumberDraft& current);
    // Reads the number's auto-reply rules into the Auto-replies tab.
    void loadAutoReplies(const NumberRecord& number);
    // Whether the Auto-replies tab applies (an onCloud number, its rules read).
    bool editsAutoReplies() const;
    // Saves the tab's rules for the stored `number`, then ends the save.
    void saveAutoReplies(const NumberRecord& number);

    std::unique_ptr<Ui::NumberDialog> m_ui;
    AppContext& m_context;
    qint64 m_id = 0;
    qint64 m_planId = 0;        // the plan of the number being edited
    bool m_plansLoaded = false; // the plan list holds the stored plans
    bool m_hadSecret = false;
    bool m_hadAuthHeader = false;
    bool m_hadPathToken = false;
    enum class PathTokenChange
    {
        Keep,
        Replace, // with m_newPathToken
        Remove,
    };
    PathTokenChange m_pathTokenChange = PathTokenChange::Keep;
    QString m_newPathToken;
    bool m_numberTouched = false;
    bool m_autoRepliesLoaded = true; // a new number has none to read
};

} // namespace smsdesk
