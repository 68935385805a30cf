#pragma once

#include "store/PlanRecord.h"
#include "widgets/SaveDialog.h"

#include <memory>

class QLabel;

namespace Ui {
class PlanDialog;
}

namespace smsdesk {

class AppContext;

// Adds or edits one SMS plan: inline reasons from PlanValidator while the user types, then a
// save through the PlanProvisioner that never blocks the window.
class PlanDialog : public SaveDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(AppContext& context, QWidget* parent = nullptr);
    ~PlanDialog() override;

    // Switches to editing `plan`.
    void setPlan(const PlanRecord& plan);
    // What the form holds now.
    PlanRecord plan() const;

Q_SIGNALS:
    void saved(const PlanRecord& plan);

private:
    void validate() override;
    void save() override;

    std::unique_ptr<Ui::PlanDialog> m_ui;
    AppContext& m_context;
    PlanRecord m_original;
    bool m_nameTouched = false;
};

} // namespace smsdesk
