#pragma once

#include "store/Contact.h"
#include "store/ConversationReader.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace smsdesk {

class AppContext;
class ContactDialog;
class ContactImportDialog;

// The Conversations page's contact actions: "Name this contact…" (Ctrl+K: ContactDialog for the
// thread's other party) and "Import contacts…" (a CSV or vCard file, ContactImportDialog).
// Reads and writes go through the DatabaseWorker; the page shows the names the signals give.
class ContactActions : public QObject
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;
    // Asks for a file to import; empty cancels. Replaceable for tests.
    using OpenPathChooser = std::function<QString()>;

    // The actions fire anywhere in the window of `page`.
    ContactActions(AppContext& context, QWidget* page);

    QAction* nameAction() const { return m_nameAction; }
    QAction* importAction() const { return m_importAction; }
    void setOpenPathChooser(OpenPathChooser chooser) { m_choosePath = std::move(chooser); }
    // The dialogs while open (tests).
    ContactDialog* dialog() const;
    ContactImportDialog* importDialog() const;

    // The thread the name action is for (none: disabled); its name is read (nameRead()).
    void setThread(const std::optional<Thread>& thread);

public Q_SLOTS:
    // Opens the dialog for the thread's other party, with what is stored for them.
    void nameCurrent();
    // Asks for a file and previews it.
    void importContacts();
    // Previews the contacts of the file at `path`.
    void importFrom(const QString& path);

Q_SIGNALS:
    // The name of `remote` as stored (empty: none).
    void nameRead(const QString& remote, const QString& name);
    // `contact` was stored (an empty name: forgotten).
    void contactSaved(const smsdesk::Contact& contact);
    // An import stored `count` contacts.
    void contactsImported(int count);
    void statusMessage(const QString& text);

private:
    void readContact(const QString& remote, std::function<void(const Contact&)> then);
    void save(const Contact& contact);

    AppContext& m_context;
    QWidget* m_page;
    QAction* m_nameAction = nullptr;
    QAction* m_importAction = nullptr;
    OpenPathChooser m_choosePath;
    std::optional<Thread> m_thread;
    QPointer<ContactDialog> m_dialog;
    QPointer<ContactImportDialog> m_importDialog;
};

} // namespace smsdesk
