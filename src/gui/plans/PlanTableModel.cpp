#include "PlanTableModel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace smsdesk {

bool PlanTableRow::operator==(const PlanTableRow& other) const
{
    const PlanRecord& a = plan;
    const PlanRecord& b = other.plan;
    return numberCount == other.numberCount && a.id == b.id && a.name == b.name &&
           a.monthlyLimit == b.monthlyLimit && a.outboundIncluded == b.outboundIncluded &&
           a.active == b.active && a.cycleDay == b.cycleDay && a.createdAtMs == b.createdAtMs;
}

PlanTableModel::PlanTableModel(QObject* parent) : RecordRowsModel(ColumnCount, parent) {}

QVariant PlanTableModel::cell(int rowIndex, int column, int role) const
{
    const PlanTableRow& row = rowAt(rowIndex);
    const PlanRecord& plan = row.plan;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case MonthlyLimitColumn:
            return QLocale().toString(plan.monthlyLimit);
        case OutboundColumn:
            return plan.outboundIncluded ? tr("Yes") : tr("No");
        case ActiveColumn:
            return plan.active ? tr("Yes") : tr("No");
        default: // shown as they sort
            return cell(rowIndex, column, SortRole);
        }
    case SortRole:
        switch (column) {
        case NameColumn:
            return plan.name;
        case MonthlyLimitColumn:
            return plan.monthlyLimit;
        case OutboundColumn:
            return plan.outboundIncluded;
        case ActiveColumn:
            return plan.active;
        case CycleDayColumn:
            return plan.cycleDay;
        case NumbersColumn:
            return row.numberCount;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == NameColumn)
            return {};
        if (column == OutboundColumn || column == ActiveColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (column == CycleDayColumn && plan.cycleDay > 28)
            return tr("Months shorter than %1 days start the cycle on their last day.")
                .arg(plan.cycleDay);
        return {};
    case Qt::ForegroundRole:
        if (!plan.active)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case IdRole:
        return plan.id;
    default:
        return {};
    }
}

QString PlanTableModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Name");
    case MonthlyLimitColumn:
        return tr("Monthly limit");
    case OutboundColumn:
        return tr("Outbound included");
    case ActiveColumn:
        return tr("Active");
    case CycleDayColumn:
        return tr("Cycle day");
    case NumbersColumn:
        return tr("Numbers");
    default:
        return {};
    }
}

void PlanTableModel::setPlans(const QList<PlanRecord>& plans,
                              const QHash<qint64, int>& numberCounts)
{
    QList<PlanTableRow> rows;
    rows.reserve(plans.size());
    for (const PlanRecord& plan : plans)
        rows << PlanTableRow{plan, numberCounts.value(plan.id)};
    setRows(rows);
}

void PlanTableModel::upsert(const PlanRecord& plan)
{
    const int row = rowOf(plan.id);
    upsertRow({plan, row < 0 ? 0 : rowAt(row).numberCount});
}

} // namespace smsdesk
