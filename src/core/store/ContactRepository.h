#pragma once

#include "Contact.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace smsdesk {

// Reads and writes the `contacts` table (a name and a note per remote number, shared by the
// desks of one database) on one connection (use it from that connection's thread, e.g. in a
// DatabaseWorker job). The thread list, the search and the exports read the names with a join
// of their own; this is where they are named, renamed and imported.
class ContactRepository
{
public:
    explicit ContactRepository(QSqlDatabase db);

    // The contact of `remote`: one with an empty name when it has none. None on error.
    std::optional<Contact> find(const QString& remote) const;
    // Every contact, by name. None on error.
    std::optional<QList<Contact>> list() const;
    // Stores `contact` (a blank name removes it), updated at `nowMs`.
    bool save(const Contact& contact, qint64 nowMs);
    // Stores every contact of `contacts` in one transaction (an import): all or none.
    bool saveAll(const QList<Contact>& contacts, qint64 nowMs);

    QString lastError() const { return m_lastError; }

private:
    bool write(const Contact& contact, qint64 nowMs);

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace smsdesk
