#pragma once

#include <QAbstractListModel>
#include <QString>

namespace smsdesk {

class DatabaseWorker;

// A list model whose rows are read in pages through the DatabaseWorker as a view scrolls
// (canFetchMore/fetchMore): whether a page is being read, whether the end was reached, the
// last read error, and a generation that drops pages read for a list reset since. A subclass
// reads the next page in loadPage() and hands what came back to pageFailed(), or inserts the
// rows and calls pageDone(): the model counts as loading until then, so a view (or a model
// tester) that fetches more while the rows go in does not read the same page again.
class PagedListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    ~PagedListModel() override;

    bool canFetchMore(const QModelIndex& parent) const override;
    // Reads the next page in the background; its rows are appended when it arrives.
    void fetchMore(const QModelIndex& parent) override;

    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // A page arrived (`rows` new ones) or could not be read (lastError()).
    void pageLoaded(int rows);
    void loadFailed(const QString& error);

protected:
    PagedListModel(DatabaseWorker& worker, QObject* parent);

    DatabaseWorker& worker() const { return m_worker; }
    // Reads the next page (loading is set) and hands its result on if current(generation()).
    virtual void loadPage() = 0;
    // A new list (between beginResetModel() and endResetModel()): pages read for the one
    // before are dropped. `more`: it has pages to read (the caller calls loadPage() after the
    // reset); else it is empty and complete.
    void restart(bool more);
    quint64 generation() const { return m_generation; }
    bool current(quint64 generation) const { return generation == m_generation; }
    // The page could not be read. No retry through canFetchMore(): a restart tries again.
    void pageFailed(const QString& error);
    // The page's `rows` new rows are in; `last`: nothing more to read.
    void pageDone(int rows, bool last);

private:
    DatabaseWorker& m_worker;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = true;
    QString m_lastError;
};

} // namespace smsdesk
