#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

namespace smsdesk {

class Clock;

// What the repositories of the provisioned records (numbers, plans) share: one connection (use
// it from that connection's thread), the clock for their timestamps, and the reason the last
// call that failed gave.
class RecordRepository
{
public:
    QString lastError() const { return m_lastError; }

protected:
    RecordRepository(QSqlDatabase db, const Clock& clock);

    const QSqlDatabase& db() const { return m_db; }
    const Clock& clock() const { return m_clock; }

    // Runs `sql`, a SELECT, with `values` bound in order and reads each row with `read`; no
    // rows, and lastError() set, when it fails.
    template <typename Record>
    QList<Record> select(const QString& sql, const QVariantList& values,
                         Record (*read)(const QSqlQuery&)) const
    {
        QList<Record> records;
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            fail(query.lastError().text());
            return records;
        }
        while (query.next())
            records << read(query);
        return records;
    }

    // The first record `sql` selects; none when there is none or the SELECT fails.
    template <typename Record>
    std::optional<Record> selectFirst(const QString& sql, const QVariantList& values,
                                      Record (*read)(const QSqlQuery&)) const
    {
        const QList<Record> records = select(sql, values, read);
        return records.isEmpty() ? std::nullopt : std::optional<Record>(records.first());
    }

    // Sets lastError() to `message`; returns false.
    bool fail(const QString& message) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
    mutable QString m_lastError;
};

} // namespace smsdesk
