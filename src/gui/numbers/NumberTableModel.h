#pragma once

#include "store/NumberRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace smsdesk {

// The provisioned numbers as a table. Rows are kept in step with the store by id, with
// precise insert/remove/change signals, so views keep their selection across refreshes.
class NumberTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        ProviderColumn,
        PlanColumn,
        WebhookUrlColumn,
        SecretColumn,
        AuthHeaderColumn,
        PathTokenColumn,
        EnabledColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        SortRole,                  // Number: E.164; Enabled: bool; others: the display text
        FilterRole,                // text the filter matches; empty for the set/— columns
        EnabledRole,               // bool
    };

    // homeRegion: numbers of this region are shown in national form.
    explicit NumberTableModel(QString homeRegion, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Brings the rows in line with `numbers`: removes the missing, updates the changed,
    // appends the new.
    void setNumbers(const QList<NumberRecord>& numbers);
    // Plan names by plan id, for the Plan column.
    void setPlanNames(const QHash<qint64, QString>& names);
    // Inserts the number, or updates the row with its id.
    void upsert(const NumberRecord& number);
    void removeNumber(qint64 id);

    int rowOf(qint64 id) const; // -1 when absent
    const NumberRecord& numberAt(int row) const { return m_rows.at(row).record; }

private:
    struct Row
    {
        NumberRecord record;
        QString display; // national or international form of record.e164
    };
    Row makeRow(const NumberRecord& number) const;
    QString text(const Row& row, int column) const;

    QString m_region;
    QList<Row> m_rows;
    QHash<qint64, QString> m_planNames;
};

} // namespace smsdesk
