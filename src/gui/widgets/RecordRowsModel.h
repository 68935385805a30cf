#pragma once

#include "RecordTableModel.h"

#include <QList>
#include <QSet>

namespace smsdesk {

// The rows of a record table, kept in step with the store by the records' ids with precise
// insert, remove and change signals (never a reset), so that views keep their selection across
// refreshes. `Row` holds one record and what the subclass derives from it; it has
// `qint64 id() const` and `bool operator==` (equal rows send no change).
template <typename Row> class RecordRowsModel : public RecordTableModel
{
public:
    int rowCount(const QModelIndex& parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    int rowOf(qint64 id) const override
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id() == id)
                return row;
        }
        return -1;
    }

    void removeRecord(qint64 id) override
    {
        if (const int row = rowOf(id); row >= 0)
            removeRowAt(row);
    }

protected:
    using RecordTableModel::RecordTableModel;

    const Row& rowAt(int row) const { return m_rows.at(row); }

    // Brings the rows in line with `rows`: removes the missing, updates the changed, appends
    // the new.
    void setRows(const QList<Row>& rows)
    {
        QSet<qint64> ids;
        for (const Row& row : rows)
            ids.insert(row.id());
        for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
            if (!ids.contains(m_rows.at(row).id()))
                removeRowAt(row);
        }
        for (const Row& row : rows)
            upsertRow(row);
    }

    // Appends the row, or replaces the row with its id when it differs.
    void upsertRow(const Row& newRow)
    {
        const int row = rowOf(newRow.id());
        if (row < 0) {
            const int at = rowCount();
            beginInsertRows(QModelIndex(), at, at);
            m_rows.append(newRow);
            endInsertRows();
            return;
        }
        if (m_rows.at(row) == newRow)
            return;
        m_rows[row] = newRow;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }

private:
    void removeRowAt(int row)
    {
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

    QList<Row> m_rows;
};

} // namespace smsdesk
