#pragma once

#include "support/FailureEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace smsdesk {

class Clock;
class DatabaseWorker;

// The Failures page's table: failures matching a filter, newest first, read in pages through
// the DatabaseWorker as the view scrolls (canFetchMore/fetchMore, FailureReader keyset pages).
// setFilter() or reload() starts the list again; pages read for an older list are dropped.
class FailureTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        KindColumn,
        NumberColumn,
        RemoteColumn,
        CauseColumn,
        HttpColumn,
        AttemptsColumn,
        ResolvedColumn,
        ColumnCount
    };
    static constexpr int PageRows = 200;

    FailureTableModel(DatabaseWorker& worker, const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const FailureFilter& filter() const { return m_filter; }
    void setFilter(const FailureFilter& filter);
    // Reads the list again from the top (live updates, after an action).
    void reload();
    const FailureEntry& entryAt(int row) const { return m_entries.at(row); }
    // The row of the failure with `key`; -1 when it is not listed.
    int rowOf(const QString& key) const;
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // A page arrived (or the list was read again), or could not be read (lastError()).
    void loaded();

private:
    void loadPage(bool restart);

    DatabaseWorker& m_worker;
    const Clock& m_clock;
    FailureFilter m_filter;
    QList<FailureEntry> m_entries;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = true;
    QString m_lastError;
};

} // namespace smsdesk
