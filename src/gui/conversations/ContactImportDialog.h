#pragma once

#include "contacts/ContactImporter.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace smsdesk {

class Clock;
class DatabaseWorker;

// Imports contact names from a CSV (number,name[,note]) or vCard file, after a preview: the
// names it will store and the rows or cards it skips and why (ContactImporter, numbers read in
// the default region). Import stores them all in one transaction through the DatabaseWorker
// (a name already stored for a number is replaced) and says how many; imported() then.
class ContactImportDialog : public QDialog
{
    Q_OBJECT

public:
    ContactImportDialog(DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);

    // Reads `bytes` (the file `fileName`) and shows the preview.
    void preview(const QString& fileName, const QByteArray& bytes, const QString& defaultRegion);
    const ContactImporter::Result& result() const { return m_result; }
    QLabel* summaryLabel() const { return m_summary; }
    QTableWidget* table() const { return m_table; }

public Q_SLOTS:
    // Stores the previewed contacts.
    void import();

Q_SIGNALS:
    // `count` contacts were stored, or `error`.
    void imported(int count, const QString& error);

private:
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    ContactImporter::Result m_result;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace smsdesk
