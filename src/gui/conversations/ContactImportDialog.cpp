#include "ContactImportDialog.h"

#include "store/ContactRepository.h"
#include "store/DatabaseWorker.h"
#include "util/Clock.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace smsdesk {

namespace {

// What the import's job did: how many stored, or why none.
struct Stored
{
    int count = 0;
    QString error;
};

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text);
    return item;
}

} // namespace

ContactImportDialog::ContactImportDialog(DatabaseWorker& worker, const Clock& clock,
                                         QWidget* parent)
    : QDialog(parent), m_worker(worker), m_clock(clock)
{
    setObjectName(QStringLiteral("contactImportDialog"));
    setWindowTitle(tr("Import contacts"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Number"), tr("Name, or why skipped")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactImportDialog::import);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 420);
}

void ContactImportDialog::preview(const QString& fileName, const QByteArray& bytes,
                                  const QString& defaultRegion)
{
    const ContactImporter importer(defaultRegion);
    m_result = importer.read(bytes, ContactImporter::formatOf(fileName, bytes));
    m_summary->setText(tr("%1: %n name(s) to import", nullptr, int(m_result.contacts.size()))
                           .arg(QFileInfo(fileName).fileName()) +
                       tr(", %n skipped.", nullptr, int(m_result.skipped.size())) +
                       (m_result.contacts.isEmpty()
                            ? QString()
                            : tr(" A name already stored for a number is replaced.")));
    m_table->setRowCount(0);
    for (const Contact& contact : std::as_const(m_result.contacts)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, cell(QString()));
        m_table->setItem(row, 1, cell(contact.remote));
        m_table->setItem(row, 2, cell(contact.name));
    }
    for (const ContactImporter::Skipped& skipped : std::as_const(m_result.skipped)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, cell(QString::number(skipped.line)));
        m_table->setItem(row, 1, cell(skipped.what));
        QTableWidgetItem* reason = cell(tr("Skipped: %1").arg(skipped.reason));
        reason->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(row, 2, reason);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);
    if (QPushButton* button = findChild<QPushButton*>(QStringLiteral("importButton")))
        button->setEnabled(!m_result.contacts.isEmpty());
}

void ContactImportDialog::import()
{
    const QList<Contact> contacts = m_result.contacts;
    const qint64 nowMs = m_clock.nowMs();
    m_buttons->setEnabled(false);
    m_worker.post<Stored>(
        [contacts, nowMs](QSqlDatabase& db) {
            ContactRepository repository(db);
            if (!repository.saveAll(contacts, nowMs))
                return Stored{0, repository.lastError()};
            return Stored{int(contacts.size()), QString()};
        },
        this,
        [this](Stored stored) {
            m_buttons->setEnabled(true);
            Q_EMIT imported(stored.count, stored.error);
            if (stored.error.isEmpty())
                accept();
            else
                m_summary->setText(tr("Nothing was imported: %1").arg(stored.error));
        });
}

} // namespace smsdesk
