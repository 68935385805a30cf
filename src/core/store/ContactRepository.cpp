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
    QSqlQuery query(m_db);
    const QString name = contact.name.trimmed();
    if (name.isEmpty()) {
        query.prepare(QStringLiteral("DELETE FROM contacts WHERE remote = ?"));
        query.addBindValue(contact.remote);
    } else {
        query.prepare(QStringLiteral(
            "INSERT INTO contacts (remote, name, note, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (remote) DO UPDATE SET name = excluded.name, note = excluded.note, "
            "updated_at = excluded.updated_at"));
        query.addBindValue(contact.remote);
        query.addBindValue(name);
        query.addBindValue(nonNull(contact.note.trimmed()));
        query.addBindValue(nowMs);
    }
    const bool ok = query.exec();
    if (!ok)
        m_lastError = query.lastError().text();
    query.finish();
    return ok;
}

bool ContactRepository::save(const Contact& contact, qint64 nowMs)
{
    m_lastError.clear();
    return write(contact, nowMs);
}

bool ContactRepository::saveAll(const QList<Contact>& contacts, qint64 nowMs)
{
    m_lastError.clear();
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    for (const Contact& contact : contacts) {
        if (!write(contact, nowMs)) {
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        m_lastError = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

} // namespace smsdesk
