#pragma once

#include "store/Contact.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace smsdesk {

// Names the other party of a thread (Ctrl+K on the Conversations page): the name and a note,
// for one remote number; an empty name forgets it. The page stores what contact() holds.
class ContactDialog : public QDialog
{
    Q_OBJECT

public:
    // `shownNumber`: the remote as the thread shows it (national format, a sender name).
    ContactDialog(const Contact& contact, const QString& shownNumber, QWidget* parent = nullptr);

    Contact contact() const;
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* noteEdit() const { return m_note; }

private:
    Contact m_contact;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_note = nullptr;
};

} // namespace smsdesk
