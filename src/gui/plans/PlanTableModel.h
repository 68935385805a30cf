#pragma once

#include "store/PlanRecord.h"
#include "widgets/RecordRowsModel.h"

#include <QHash>
#include <QList>

namespace smsdesk {

// One row of the plans table: the plan and how many numbers are on it.
struct PlanTableRow
{
    PlanRecord plan;
    int numberCount = 0;

    qint64 id() const { return plan.id; }
    bool operator==(const PlanTableRow& other) const;
};

// The SMS plans as a table, with how many numbers are on each. Kept in step with the
// store by id, with precise row signals.
class PlanTableModel : public RecordRowsModel<PlanTableRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        MonthlyLimitColumn,
        OutboundColumn,
        ActiveColumn,
        CycleDayColumn,
        NumbersColumn,
        ColumnCount
    };
    // IdRole: qint64. SortRole: numbers for the numeric columns, text for the name.

    explicit PlanTableModel(QObject* parent = nullptr);

    // Brings the rows in line with `plans`; numberCounts maps a plan id to its numbers.
    void setPlans(const QList<PlanRecord>& plans, const QHash<qint64, int>& numberCounts);
    // Inserts the plan, or updates the row with its id (keeping its number count).
    void upsert(const PlanRecord& plan);
    void removePlan(qint64 id) { removeRecord(id); }

    const PlanRecord& planAt(int row) const { return rowAt(row).plan; }
    int numberCountAt(int row) const { return rowAt(row).numberCount; }

private:
    QVariant cell(int row, int column, int role) const override;
    QString columnTitle(int column) const override;
};

} // namespace smsdesk
