#pragma once

#include "LatestRead.h"

#include <QDialog>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace smsdesk {

class AppContext;
class RecordTableModel;
struct ProvisionedRecords;

// What the record pages (Numbers, Plans) share: a title and a bar of actions (add, edit, delete
// and the page's own) above a sortable table of records, one selected at a time, that an
// empty-state text replaces while there are none; an error line below; a confirmation before
// a delete. The page reads the numbers and plans when it is shown and on reload(), through
// the DatabaseWorker, never on the GUI thread: the records show when the newest read arrives.
class RecordTablePage : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm; returns true to go ahead. Replaceable for tests.
    using Confirmer = std::function<bool(const QString& title, const QString& question)>;

    ~RecordTablePage() override;

    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    QTableView* view() const { return m_table; }
    // The id of the record under the cursor; 0 when none.
    qint64 currentId() const;

public Q_SLOTS:
    // Reads the records from the store again.
    virtual void reload() = 0;

protected:
    // Builds the table for `model`, which the page takes (as the model's parent), sorted by
    // `sortColumn`. `name` starts the object names: nameTable, nameEmpty, nameMessage.
    RecordTablePage(AppContext& context, RecordTableModel* model, const QString& name,
                    int sortColumn, QWidget* parent);

    // The add, edit and delete actions, named addRECORD, editRECORD and deleteRECORD (+ Action)
    // after `record` ("Number"), with their tooltips. Call once, from the constructor.
    void setUpActions(const QString& record, const QString& addTip, const QString& editTip,
                      const QString& deleteTip);
    // Lays the page out: the title, a button for each of `actions` and, after a stretch,
    // `barEnd` (if any: a filter field) in the bar; `central` (the table's stack, or what holds
    // it) below, then the error line. Then reads the records. Call once, at the end of the
    // constructor, after setUpActions().
    void finishSetUp(const QString& title, const QString& emptyText, const QList<QAction*>& actions,
                     QWidget* central, QWidget* barEnd = nullptr);

    AppContext& context() const { return m_context; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QStackedWidget* stack() const { return m_stack; }
    QAction* addRecordAction() const { return m_addAction; }
    QAction* editRecordAction() const { return m_editAction; }
    QAction* deleteRecordAction() const { return m_deleteAction; }

    // Reads the provisioned numbers and plans through the DatabaseWorker. When this is the
    // newest read: if the part the page cannot do without failed (`error`, the numbers' or the
    // plans'), shows `failure` with the reason; else `show` shows them, and from then on an
    // empty table gives way to the empty-state text.
    void loadRecords(QString ProvisionedRecords::*error, const QString& failure,
                     std::function<void(const ProvisionedRecords&)> show);

    void selectRecord(qint64 id);
    // Shows `error` in the error line; hides it when empty.
    void showMessage(const QString& error);
    // Opens `dialog` (NumberDialog, PlanDialog), deleted when it closes, and returns it at once.
    // When its `saved` signal reports a record stored, `model` takes it in and the page
    // selects it, clears the error line and says that the records changed.
    template <typename Dialog, typename Record, typename Model>
    Dialog* openRecordDialog(Dialog* dialog, void (Dialog::*saved)(const Record&), Model* model)
    {
        connect(dialog, saved, this, [this, model](const Record& record) {
            model->upsert(record);
            selectRecord(record.id);
            showMessage({});
            notifyChanged();
        });
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return dialog;
    }

    // Asks `question` under `title`; when the user agrees, removes the current record through
    // `provisioner` (NumberProvisioner, PlanProvisioner). Done: its row goes, the row now in
    // its place is selected and the outcome's error, a warning then, is shown. Failed: `failure`
    // with the error, and the records are read again.
    template <typename Provisioner>
    void removeCurrent(const QString& title, const QString& question, const QString& failure,
                       Provisioner& provisioner)
    {
        confirmRemoval(title, question, failure, [&provisioner](qint64 id, RemoveDone done) {
            provisioner.remove(id, [done](const typename Provisioner::Outcome& outcome) {
                done(outcome.ok, outcome.error);
            });
        });
    }

    // Emits the page's signal that a record was added, edited or deleted here.
    virtual void notifyChanged() = 0;
    // The current record, or what is known of it, may have changed: the edit and delete
    // actions follow whether there is one.
    virtual void currentChanged();
    // The table, or the empty-state text while there are no records (once read).
    virtual void updateEmptyState();

    void showEvent(QShowEvent* event) override;

private:
    // When a remove is done: whether it worked, and the error (or warning).
    using RemoveDone = std::function<void(bool ok, const QString& error)>;
    void confirmRemoval(const QString& title, const QString& question, const QString& failure,
                        const std::function<void(qint64 id, RemoveDone done)>& remove);

    AppContext& m_context;
    RecordTableModel* m_model;
    Confirmer m_confirm;
    LatestRead m_read;
    bool m_loaded = false; // a read has arrived: an empty table means there are no records
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_deleteAction = nullptr;
};

} // namespace smsdesk
