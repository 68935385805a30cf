#pragma once

#include <QDialog>
#include <functional>

class QDialogButtonBox;
class QLabel;

namespace smsdesk {

// A form dialog that saves without blocking: OK is enabled only while validate() finds the
// form valid; accepting starts save() and shows a busy state (form and Cancel disabled, busy
// label and cursor) until the subclass ends it with setBusy(false). While busy, neither
// accepting nor rejecting does anything. Grows to fit wrapped error lines.
class SaveDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SaveDialog(QWidget* parent = nullptr);
    ~SaveDialog() override;

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    // Saves; the dialog closes when the subclass reports the save done.
    void accept() override;
    // Ignored while a save is running.
    void reject() override;

protected:
    // The subclass's form widgets; call once from its constructor, after setupUi.
    void setSaveWidgets(QWidget* form, QDialogButtonBox* buttonBox, QLabel* busyLabel,
                        QLabel* formError);
    // Shows the reasons next to the fields and enables OK when the form is valid (and not busy).
    virtual void validate() = 0;
    // Starts the save of a valid form; when it ends, setBusy(false), then either QDialog::accept()
    // or showSaveError().
    virtual void save() = 0;

    void showEvent(QShowEvent* event) override;
    // Grows the dialog to fit wrapped error lines (and shrinks it when allowShrink).
    void fitHeight(bool allowShrink);
    void setBusy(bool busy);
    // Ends the save that save() started: not busy any more; when it worked, `announce` emits
    // the subclass's signal for the record stored and the dialog closes as accepted. Returns
    // whether it worked (if not, the subclass shows why).
    bool finishSave(bool ok, const std::function<void()>& announce);
    // Shows `error` in `label` (in the error colour); hides the label when `error` is empty.
    void showFieldError(QLabel* label, const QString& error);
    // A failed save: `error` at the bottom of the form.
    void showSaveError(const QString& error);

private:
    QWidget* m_form = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_formError = nullptr;
    bool m_busy = false;
};

} // namespace smsdesk
