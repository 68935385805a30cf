#pragma once

#include "store/PlanRecord.h"

#include <QDialog>
#include <memory>

class QLabel;

namespace Ui {
class PlanDialog;
}

namespace smsdesk {

class AppContext;

// Adds or edits one SMS plan: inline reasons from PlanValidator while the user types, then a
// save through the PlanProvisioner that never blocks the window.
class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PlanDialog(AppContext& context, QWidget* parent = nullptr);
    ~PlanDialog() override;

    // Switches to editing `plan`.
    void setPlan(const PlanRecord& plan);
    // What the form holds now.
    PlanRecord plan() const;
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void saved(const PlanRecord& plan);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Grows the dialog to fit wrapped error lines (and shrinks it when allowShrink).
    void fitHeight(bool allowShrink);
    void validate();
    void setBusy(bool busy);
    void showError(QLabel* label, const QString& error);

    std::unique_ptr<Ui::PlanDialog> m_ui;
    AppContext& m_context;
    PlanRecord m_original;
    bool m_busy = false;
    bool m_nameTouched = false;
};

} // namespace smsdesk
