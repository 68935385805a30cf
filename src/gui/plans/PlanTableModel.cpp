#include "PlanTableModel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

namespace smsdesk {

PlanTableModel::PlanTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int PlanTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PlanTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const PlanRecord& plan = row.plan;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return plan.name;
        case MonthlyLimitColumn:
            return QLocale().toString(plan.monthlyLimit);
        case OutboundColumn:
            return plan.outboundIncluded ? tr("Yes") : tr("No");
        case ActiveColumn:
            return plan.active ? tr("Yes") : tr("No");
        case CycleDayColumn:
            return plan.cycleDay;
        case NumbersColumn:
            return row.numberCount;
        default:
            return {};
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

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
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

int PlanTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).plan.id == id)
            return row;
    }
    return -1;
}

void PlanTableModel::setPlans(const QList<PlanRecord>& plans,
                              const QHash<qint64, int>& numberCounts)
{
    QSet<qint64> ids;
    for (const PlanRecord& plan : plans)
        ids.insert(plan.id);
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (!ids.contains(m_rows.at(row).plan.id)) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const PlanRecord& plan : plans)
        upsertRow({plan, numberCounts.value(plan.id)});
}

void PlanTableModel::upsert(const PlanRecord& plan)
{
    const int row = rowOf(plan.id);
    upsertRow({plan, row < 0 ? 0 : m_rows.at(row).numberCount});
}

void PlanTableModel::upsertRow(const Row& newRow)
{
    const int row = rowOf(newRow.plan.id);
    if (row < 0) {
        const int at = rowCount();
        beginInsertRows(QModelIndex(), at, at);
        m_rows.append(newRow);
        endInsertRows();
        return;
    }
    const Row& old = m_rows.at(row);
    if (old.numberCount == newRow.numberCount && old.plan.name == newRow.plan.name &&
        old.plan.monthlyLimit == newRow.plan.monthlyLimit &&
        old.plan.outboundIncluded == newRow.plan.outboundIncluded &&
        old.plan.active == newRow.plan.active && old.plan.cycleDay == newRow.plan.cycleDay &&
        old.plan.createdAtMs == newRow.plan.createdAtMs)
        return;
    m_rows[row] = newRow;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PlanTableModel::removePlan(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

} // namespace smsdesk
