#include "ContactDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace smsdesk {

namespace {

constexpr int kMaxName = 120;

} // namespace

ContactDialog::ContactDialog(const Contact& contact, const QString& shownNumber, QWidget* parent)
    : QDialog(parent), m_contact(contact)
{
    setObjectName(QStringLiteral("contactDialog"));
    setWindowTitle(contact.name.isEmpty() ? tr("Name %1").arg(shownNumber)
                                          : tr("Rename %1").arg(shownNumber));
    m_name = new QLineEdit(contact.name, this);
    m_name->setObjectName(QStringLiteral("contactName"));
    m_name->setMaxLength(kMaxName);
    m_name->setPlaceholderText(tr("Their name, as the thread list shows it"));
    m_note = new QPlainTextEdit(contact.note, this);
    m_note->setObjectName(QStringLiteral("contactNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("A note for everyone at the desk (optional)"));
    auto* hint =
        new QLabel(tr("Every desk of this database sees the name. Clear it to forget it."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* form = new QFormLayout;
    auto* number = new QLabel(shownNumber, this);
    number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Number:"), number);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("N&ote:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, 240);
}

Contact ContactDialog::contact() const
{
    Contact contact = m_contact;
    contact.name = m_name->text().trimmed();
    contact.note = m_note->toPlainText().trimmed();
    return contact;
}

} // namespace smsdesk
