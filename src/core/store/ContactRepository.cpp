#include "ContactRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace smsdesk {

namespace {

QString nonNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

ContactRepository::ContactRepository(QSqlDatabase db) : m_db(std::move(db)) {}

std::optional<Contact> ContactRepository::find(const QString& remote) const
{
    m_lastError.clear();
    Contact contact;
    contact.remote = remote;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT name, note FROM contacts WHERE remote = ?"), {remote},
            [&contact](const QSqlQuery& query) {
                contact.name = query.value(0).toString();
                contact.note = query.value(1).toString();
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return contact;
}

std::optional<QList<Contact>> ContactRepository::list() const
{
    m_lastError.clear();
    QList<Contact> contacts;
    QString error;
    if (!Database::select(
            m_db, QStringLiteral("SELECT remote, name, note FROM contacts ORDER BY name, remote"),
            {},
            [&contacts](const QSqlQuery& query) {
                contacts.append({query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString()});
            },
            &error)) {
        m_lastError = error;
        return std::nullopt;
    }
    return contacts;
}

bool ContactRepository::write(const Contact& contact, qint64 nowMs)
{
    const QString name = contact.name.trimmed();
    if (name.isEmpty()) {
        return Database::write(m_db, QStringLiteral("DELETE FROM contacts WHERE remote = ?"),
                               {contact.remote}, &m_lastError);
    }
    return Database::write(
        m_db,
        QStringLiteral("INSERT INTO contacts (remote, name, note, updated_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (remote) DO UPDATE SET name = excluded.name, note = "
                       "excluded.note, updated_at = excluded.updated_at"),
        {contact.remote, name, nonNull(contact.note.trimmed()), nowMs}, &m_lastError);
}

bool ContactRepository::save(const Contact& contact, qint64 nowMs)
{
    m_lastError.clear();
    return write(contact, nowMs);
}

bool ContactRepository::saveAll(const QList<Contact>& contacts, qint64 nowMs)
{
    m_lastError.clear();
    return Database::inTransaction(
        m_db,
        [&] {
            for (const Contact& contact : contacts) {
                if (!write(contact, nowMs))
                    return false;
            }
            return true;
        },
        &m_lastError);
}

} // namespace smsdesk
