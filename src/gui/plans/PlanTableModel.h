#pragma once

#include "store/PlanRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace smsdesk {

// The SMS plans as a table, with how many numbers are on each. Kept in step with the
// store by id, with precise row signals.
class PlanTableModel : public QAbstractTableModel
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
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        SortRole,                  // numbers for the numeric columns, text for the name
    };

    explicit PlanTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Brings the rows in line with `plans`; numberCounts maps a plan id to its numbers.
    void setPlans(const QList<PlanRecord>& plans, const QHash<qint64, int>& numberCounts);
    // Inserts the plan, or updates the row with its id (keeping its number count).
    void upsert(const PlanRecord& plan);
    void removePlan(qint64 id);

    int rowOf(qint64 id) const; // -1 when absent
    const PlanRecord& planAt(int row) const { return m_rows.at(row).plan; }
    int numberCountAt(int row) const { return m_rows.at(row).numberCount; }

private:
    struct Row
    {
        PlanRecord plan;
        int numberCount = 0;
    };
    void upsertRow(const Row& row);

    QList<Row> m_rows;
};

} // namespace smsdesk
