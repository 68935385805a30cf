#pragma once

#include "store/PlanRecord.h"

#include <QMap>
#include <QString>

namespace smsdesk {

// Checks an SMS plan before it is stored (dialog and CLI alike).
class PlanValidator
{
public:
    enum class Field
    {
        Name,
        MonthlyLimit,
        CycleDay
    };

    // Normalises `plan` in place (trims the name) and returns a sentence per invalid field.
    static QMap<Field, QString> validate(PlanRecord& plan);

    static constexpr int MaxNameLength = 60;
    static constexpr int MaxMonthlyLimit = 10'000'000;
};

} // namespace smsdesk
