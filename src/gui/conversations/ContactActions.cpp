#include "ContactActions.h"

#include "AppContext.h"
#include "ContactDialog.h"
#include "ContactImportDialog.h"
#include "ConversationText.h"
#include "store/ContactRepository.h"
#include "store/DatabaseWorker.h"
#include "store/StoreRead.h"
#include "widgets/PageAction.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QWidget>

namespace smsdesk {

namespace {

using ContactRead = StoreRead<Contact>;

// Larger files are not address books.
constexpr qint64 kMaxImportBytes = 32 * 1024 * 1024;

} // namespace

ContactActions::ContactActions(AppContext& context, QWidget* page)
    : QObject(page), m_context(context), m_page(page)
{
    m_nameAction = PageAction::makeWindowAction(
        page, QStringLiteral("nameContact"), tr("&Name this contact…"),
        QKeySequence(Qt::CTRL | Qt::Key_K), tr("Give the other party a name and a note (%1)"));
    connect(m_nameAction, &QAction::triggered, this, &ContactActions::nameCurrent);
    m_importAction = PageAction::makeWindowAction(page, QStringLiteral("importContacts"),
                                                  tr("&Import contacts…"), QKeySequence());
    m_importAction->setToolTip(
        tr("Names for numbers from a CSV file (number,name,note) or a vCard file"));
    connect(m_importAction, &QAction::triggered, this, &ContactActions::importContacts);
    m_choosePath = [page] {
        return QFileDialog::getOpenFileName(page, tr("Import contacts"), QString(),
                                            tr("Contacts (*.csv *.vcf *.vcard);;All files (*)"));
    };
    setThread(std::nullopt);
}

ContactDialog* ContactActions::dialog() const
{
    return m_dialog;
}

ContactImportDialog* ContactActions::importDialog() const
{
    return m_importDialog;
}

void ContactActions::setThread(const std::optional<Thread>& thread)
{
    m_thread = thread;
    m_nameAction->setEnabled(thread.has_value());
    if (!thread)
        return;
    const QString remote = thread->remote;
    readContact(remote,
                [this, remote](const Contact& contact) { Q_EMIT nameRead(remote, contact.name); });
}

void ContactActions::readContact(const QString& remote, std::function<void(const Contact&)> then)
{
    m_context.worker().post<ContactRead>(
        [remote](QSqlDatabase& db) {
            const ContactRepository repository(db);
            return ContactRead::of(repository, repository.find(remote));
        },
        this,
        [this, then = std::move(then)](ContactRead read) {
            if (read.value)
                then(*read.value);
            else
                Q_EMIT statusMessage(tr("Could not read the contact: %1").arg(read.error));
        });
}

void ContactActions::nameCurrent()
{
    if (!m_thread || m_dialog)
        return;
    const Thread thread = *m_thread;
    readContact(thread.remote, [this, thread](const Contact& contact) {
        if (m_dialog || m_thread != thread)
            return;
        m_dialog =
            new ContactDialog(contact, ConversationText::remote(thread.remote, thread.did), m_page);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::accepted, this, [this] { save(m_dialog->contact()); });
        m_dialog->open();
    });
}

void ContactActions::save(const Contact& contact)
{
    const qint64 nowMs = m_context.clock().nowMs();
    using Saved = StoreRead<bool>;
    m_context.worker().post<Saved>(
        [contact, nowMs](QSqlDatabase& db) {
            ContactRepository repository(db);
            const bool ok = repository.save(contact, nowMs);
            return Saved::of(repository, ok ? std::optional(true) : std::nullopt);
        },
        this,
        [this, contact](Saved saved) {
            if (!saved.value) {
                Q_EMIT statusMessage(tr("The name was not saved: %1").arg(saved.error));
                return;
            }
            Q_EMIT statusMessage(contact.name.isEmpty() ? tr("Name removed.")
                                                        : tr("Saved as %1.").arg(contact.name));
            Q_EMIT contactSaved(contact);
            if (m_thread && m_thread->remote == contact.remote)
                Q_EMIT nameRead(contact.remote, contact.name);
        });
}

void ContactActions::importContacts()
{
    const QString path = m_choosePath();
    if (!path.isEmpty())
        importFrom(path);
}

void ContactActions::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT statusMessage(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    if (file.size() > kMaxImportBytes) {
        Q_EMIT statusMessage(tr("%1 is too large for a contact list.").arg(path));
        return;
    }
    const QByteArray data = file.readAll();
    if (m_importDialog)
        m_importDialog->close();
    m_importDialog = new ContactImportDialog(m_context.worker(), m_context.clock(), m_page);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &ContactImportDialog::imported, this,
            [this](int count, const QString& error) {
                if (!error.isEmpty())
                    return;
                Q_EMIT statusMessage(tr("%n contact(s) imported.", nullptr, count));
                Q_EMIT contactsImported(count);
            });
    m_importDialog->preview(path, data, m_context.defaultRegion());
    m_importDialog->open();
}

} // namespace smsdesk
