#pragma once

#include <QAbstractTableModel>

namespace smsdesk {

// What the record tables (numbers, plans) answer alike: a fixed set of columns with their
// titles, one row per stored record, found by the record's id, and the roles the record pages
// sort, filter and select by. RecordRowsModel keeps the rows; a subclass says what is in a cell.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        SortRole,                  // what the column sorts by
        FilterRole,                // text a filter matches
        FirstCustomRole,           // a subclass's own roles start here
    };

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    virtual int rowOf(qint64 id) const = 0; // -1 when absent
    // Takes out the row of the record with this id, if there is one.
    virtual void removeRecord(qint64 id) = 0;

protected:
    RecordTableModel(int columnCount, QObject* parent);

    // The cell's value for `role`, for a row and column that exist.
    virtual QVariant cell(int row, int column, int role) const = 0;
    virtual QString columnTitle(int column) const = 0;

private:
    int m_columnCount;
};

} // namespace smsdesk
