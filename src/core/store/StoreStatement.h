#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace smsdesk {

// One prepared statement of the writer's hot path, on either backend, with typed binds.
//
// On SQLite it drives the connection's own sqlite3 handle (QSqlDriver::handle()) with the
// SQLite C API: QSqlQuery's binding and result caching cost more per webhook than SQLite's
// own work on the statement (a QString::arg() and a hash lookup per bound value, a QVariant
// per value both ways). Same connection, same transaction: BEGIN/COMMIT through QSqlQuery
// and these statements mix freely. On PostgreSQL it is a QSqlQuery.
//
// Placeholders are positional ("?"); bind indexes start at 0. A null QString binds NULL, an
// empty one ''. Errors read like the Qt driver's: QSqlError::nativeErrorCode() is SQLite's
// extended result code as text, or PostgreSQL's SQLSTATE.
class StoreStatement
{
public:
    StoreStatement() = default;
    ~StoreStatement();
    StoreStatement(const StoreStatement&) = delete;
    StoreStatement& operator=(const StoreStatement&) = delete;

    // False with lastError() set when the statement does not compile.
    bool prepare(const QSqlDatabase& db, const QString& sql);

    void bind(int index, qint64 value);
    void bind(int index, const QString& value);
    void bind(int index, const QByteArray& value); // a BLOB (SQLite) / bytea (PostgreSQL)
    // NULL of `type` (PostgreSQL wants to know the type of a NULL parameter).
    void bindNull(int index, QMetaType type);

    // Runs the statement; a result row, if any, is then current (next() moves on).
    bool exec();
    // The current row after exec(), then the following ones.
    bool next();
    qint64 int64At(int column) const;
    // A text column of the current row; a null QString for NULL.
    QString textAt(int column) const;
    // Rows changed by the last exec() of an INSERT, UPDATE or DELETE.
    int numRowsAffected() const;
    // Ends the statement (reset: no read transaction is kept open) and clears the bindings.
    void finish();

    QSqlError lastError() const { return m_error; }

    // The sqlite3 handle of a QSQLITE connection; nullptr for any other driver.
    static sqlite3* sqliteHandle(const QSqlDatabase& db);

private:
    bool fail(int code);

    std::optional<QSqlQuery> m_query; // PostgreSQL
    sqlite3* m_db = nullptr;          // SQLite
    sqlite3_stmt* m_statement = nullptr;
    bool m_row = false;     // SQLite: a row is current
    bool m_pending = false; // SQLite: exec() stepped to a row that next() has not handed out
    int m_changes = 0;
    QSqlError m_error;
};

} // namespace smsdesk
