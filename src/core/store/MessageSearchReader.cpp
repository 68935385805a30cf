#include "MessageSearchReader.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <utility>

namespace smsdesk {

namespace {

bool isWordCharacter(char32_t c)
{
    // Letters, digits and marks (a combining accent stays in its word), as FTS5's unicode61
    // and PostgreSQL's parser read them.
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing ||
           QChar::category(c) == QChar::Mark_SpacingCombining;
}

} // namespace

MessageSearchReader::MessageSearchReader(QSqlDatabase db) : m_db(std::move(db)) {}

QStringList MessageSearchReader::words(const QString& query)
{
    QStringList found;
    QString word;
    for (const char32_t c : query.toUcs4()) {
        if (isWordCharacter(c)) {
            word += QString::fromUcs4(&c, 1);
        } else if (!word.isEmpty()) {
            found.append(std::exchange(word, QString()));
        }
    }
    if (!word.isEmpty())
        found.append(word);
    found.removeDuplicates();
    return found.mid(0, MaxWords);
}

QList<MessageSearchHit> MessageSearchReader::search(const QString& query,
                                                    std::optional<qint64> beforeId, int limit) const
{
    m_lastError.clear();
    const QStringList terms = words(query);
    if (terms.isEmpty())
        return {};
    const bool postgres = m_db.driverName() == QLatin1String("QPSQL");
    QStringList prefixes;
    for (const QString& term : terms) {
        // Words hold letters, digits and marks only: nothing to escape in either syntax.
        prefixes << (postgres ? term + QStringLiteral(":*")
                              : QLatin1Char('"') + term + QStringLiteral("\"*"));
    }
    // The same columns on both backends; the full-text match, and the key that orders the hits
    // and continues a search (a message's id), differ.
    const QString key = postgres ? QStringLiteral("m.id") : QStringLiteral("f.rowid");
    QString sql = QStringLiteral("SELECT m.id, m.did, m.remote, m.direction, m.text, m.status, "
                                 "m.received_at, k.name FROM ") +
                  (postgres ? QStringLiteral("messages m LEFT JOIN contacts k ON k.remote = "
                                             "m.remote WHERE to_tsvector('simple', m.text) @@ "
                                             "to_tsquery('simple', ?)")
                            : QStringLiteral("messages_fts f JOIN messages m ON m.id = f.rowid "
                                             "LEFT JOIN contacts k ON k.remote = m.remote WHERE "
                                             "messages_fts MATCH ?"));
    QVariantList values{prefixes.join(postgres ? QStringLiteral(" & ") : QStringLiteral(" "))};
    if (beforeId) {
        sql += QStringLiteral(" AND %1 < ?").arg(key);
        values << *beforeId;
    }
    sql +=
        QStringLiteral(" ORDER BY %1 DESC LIMIT %2").arg(key, QString::number(std::max(1, limit)));

    QList<MessageSearchHit> hits;
    QString error;
    if (!Database::select(
            m_db, sql, values,
            [&hits](const QSqlQuery& row) {
                MessageSearchHit hit;
                hit.id = row.value(0).toLongLong();
                hit.did = row.value(1).toString();
                hit.remote = row.value(2).toString();
                hit.direction = row.value(3).toString();
                hit.text = row.value(4).toString();
                hit.status = row.value(5).toString();
                hit.receivedAtMs = row.value(6).toLongLong();
                hit.contactName = row.value(7).toString();
                hits.append(hit);
            },
            &error)) {
        m_lastError = error;
        return {};
    }
    return hits;
}

} // namespace smsdesk
