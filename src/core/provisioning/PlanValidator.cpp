#include "PlanValidator.h"

#include <QCoreApplication>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PlanValidator", text);
}
} // namespace

QMap<PlanValidator::Field, QString> PlanValidator::validate(PlanRecord& plan)
{
    QMap<Field, QString> errors;
    plan.name = plan.name.trimmed();
    if (plan.name.isEmpty())
        errors.insert(Field::Name, tr("Give the plan a name."));
    else if (plan.name.size() > MaxNameLength)
        errors.insert(Field::Name, tr("Keep the name under %1 characters.").arg(MaxNameLength));
    if (plan.monthlyLimit < 1 || plan.monthlyLimit > MaxMonthlyLimit)
        errors.insert(
            Field::MonthlyLimit,
            tr("The monthly limit is a number of messages from 1 to %L1.").arg(MaxMonthlyLimit));
    if (plan.cycleDay < 1 || plan.cycleDay > 31)
        errors.insert(Field::CycleDay, tr("The billing cycle starts on a day from 1 to 31 (short "
                                          "months use their last day)."));
    return errors;
}

} // namespace smsdesk
