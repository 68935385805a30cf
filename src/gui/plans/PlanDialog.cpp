#include "PlanDialog.h"

#include "AppContext.h"
#include "provisioning/PlanProvisioner.h"
#include "provisioning/PlanValidator.h"
#include "ui_PlanDialog.h"

#include <QPointer>
#include <QPushButton>

namespace smsdesk {

PlanDialog::PlanDialog(AppContext& context, QWidget* parent)
    : SaveDialog(parent), m_ui(std::make_unique<Ui::PlanDialog>()), m_context(context)
{
    m_ui->setupUi(this);
    setSaveWidgets(m_ui->form, m_ui->buttonBox, m_ui->busyLabel, m_ui->formError);
    setWindowTitle(tr("Add plan"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_ui->nameEdit->setMaxLength(PlanValidator::MaxNameLength * 2);
    m_ui->monthlyLimitSpin->setMaximum(PlanValidator::MaxMonthlyLimit);

    QPalette notePalette = m_ui->cycleDayNote->palette();
    notePalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_ui->cycleDayNote->setPalette(notePalette);
    for (QLabel* label :
         {m_ui->nameError, m_ui->monthlyLimitError, m_ui->cycleDayError, m_ui->formError})
        showFieldError(label, {});
    m_ui->busyLabel->hide();

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PlanDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PlanDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &PlanDialog::validate);
    connect(m_ui->monthlyLimitSpin, &QSpinBox::valueChanged, this, &PlanDialog::validate);
    connect(m_ui->cycleDaySpin, &QSpinBox::valueChanged, this, &PlanDialog::validate);
    validate();
}

PlanDialog::~PlanDialog() = default;

void PlanDialog::setPlan(const PlanRecord& plan)
{
    setWindowTitle(tr("Edit plan"));
    m_original = plan;
    m_nameTouched = true;
    m_ui->nameEdit->setText(plan.name);
    m_ui->monthlyLimitSpin->setValue(plan.monthlyLimit);
    m_ui->outboundCheck->setChecked(plan.outboundIncluded);
    m_ui->activeCheck->setChecked(plan.active);
    m_ui->cycleDaySpin->setValue(plan.cycleDay);
    validate();
}

PlanRecord PlanDialog::plan() const
{
    PlanRecord plan = m_original;
    plan.name = m_ui->nameEdit->text();
    plan.monthlyLimit = m_ui->monthlyLimitSpin->value();
    plan.outboundIncluded = m_ui->outboundCheck->isChecked();
    plan.active = m_ui->activeCheck->isChecked();
    plan.cycleDay = m_ui->cycleDaySpin->value();
    return plan;
}

void PlanDialog::validate()
{
    using Field = PlanValidator::Field;
    PlanRecord current = plan();
    const bool nameEmpty = current.name.trimmed().isEmpty();
    const auto errors = PlanValidator::validate(current);
    showFieldError(m_ui->nameError,
                   nameEmpty && !m_nameTouched ? QString() : errors.value(Field::Name));
    showFieldError(m_ui->monthlyLimitError, errors.value(Field::MonthlyLimit));
    showFieldError(m_ui->cycleDayError, errors.value(Field::CycleDay));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(errors.isEmpty() && !isBusy());
    fitHeight(false);
}

void PlanDialog::save()
{
    QPointer<PlanDialog> self(this);
    m_context.plans().save(plan(), [self](const PlanProvisioner::Outcome& outcome) {
        if (!self || self->finishSave(outcome.ok, [&] { Q_EMIT self->saved(outcome.plan); }))
            return;
        using Field = PlanValidator::Field;
        const QMap<Field, QLabel*> labels = {{Field::Name, self->m_ui->nameError},
                                             {Field::MonthlyLimit, self->m_ui->monthlyLimitError},
                                             {Field::CycleDay, self->m_ui->cycleDayError}};
        for (auto it = outcome.fieldErrors.cbegin(); it != outcome.fieldErrors.cend(); ++it)
            self->showFieldError(labels.value(it.key()), it.value());
        self->showSaveError(outcome.fieldErrors.isEmpty() ? outcome.error : QString());
    });
}

} // namespace smsdesk
