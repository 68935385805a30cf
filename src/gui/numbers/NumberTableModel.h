#pragma once

#include "store/NumberRecord.h"
#include "widgets/RecordRowsModel.h"

#include <QHash>
#include <QList>

namespace smsdesk {

// One row of the numbers table: the number and its shown form.
struct NumberTableRow
{
    NumberRecord record;
    QString display; // national or international form of record.e164

    qint64 id() const { return record.id; }
    bool operator==(const NumberTableRow& other) const;
};

// The provisioned numbers as a table. Rows are kept in step with the store by id, with
// precise insert/remove/change signals, so views keep their selection across refreshes.
class NumberTableModel : public RecordRowsModel<NumberTableRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        ProviderColumn,
        PlanColumn,
        EnabledColumn,
        InboundAuthColumn,   // how its webhooks are checked: Authorization, path token, none
        SecretColumn,        // the outbound secret (for sending; it checks no webhook)
        FallbackEmailColumn, // where the provider sends what it could not deliver (PBX)
        WebhookUrlColumn,    // last: it takes the room left, elided in the middle
        ColumnCount
    };
    // IdRole: qint64. SortRole: Number: E.164; Enabled: bool; others: the display text.
    // FilterRole: text the filter matches; empty for the inbound check, the secret and
    // Enabled.
    enum NumberRole
    {
        EnabledRole = FirstCustomRole, // bool
    };

    // homeRegion: numbers of this region are shown in national form.
    explicit NumberTableModel(QString homeRegion, QObject* parent = nullptr);

    // Brings the rows in line with `numbers`: removes the missing, updates the changed,
    // appends the new.
    void setNumbers(const QList<NumberRecord>& numbers);
    // Plan names by plan id, for the Plan column.
    void setPlanNames(const QHash<qint64, QString>& names);
    // Inserts the number, or updates the row with its id.
    void upsert(const NumberRecord& number) { upsertRow(makeRow(number)); }
    void removeNumber(qint64 id) { removeRecord(id); }

    const NumberRecord& numberAt(int row) const { return rowAt(row).record; }

private:
    QVariant cell(int row, int column, int role) const override;
    QString columnTitle(int column) const override;
    NumberTableRow makeRow(const NumberRecord& number) const;
    QString text(const NumberTableRow& row, int column) const;
    // A PBX number (its provider falls back to an email) without a fallback email.
    static bool lacksFallbackEmail(const NumberRecord& number);

    QString m_region;
    QHash<qint64, QString> m_planNames;
};

} // namespace smsdesk
