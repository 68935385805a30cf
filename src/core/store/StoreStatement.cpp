#include "StoreStatement.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace smsdesk {

StoreStatement::~StoreStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

sqlite3* StoreStatement::sqliteHandle(const QSqlDatabase& db)
{
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

bool StoreStatement::prepare(const QSqlDatabase& db, const QString& sql)
{
    m_db = sqliteHandle(db);
    if (!m_db) {
        m_query.emplace(db);
        if (m_query->prepare(sql))
            return true;
        m_error = m_query->lastError();
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    const int code = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    return code == SQLITE_OK || fail(code);
}

void StoreStatement::bind(int index, qint64 value)
{
    if (m_query)
        m_query->bindValue(index, value);
    else
        sqlite3_bind_int64(m_statement, index + 1, value);
}

void StoreStatement::bind(int index, const QString& value)
{
    if (m_query) {
        m_query->bindValue(index, value.isNull() ? QVariant(QMetaType::fromType<QString>())
                                                 : QVariant(value));
    } else if (value.isNull()) {
        sqlite3_bind_null(m_statement, index + 1);
    } else {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text64(m_statement, index + 1, utf8.constData(), sqlite3_uint64(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    }
}

void StoreStatement::bind(int index, const QByteArray& value)
{
    // A null QByteArray binds an empty BLOB too, never NULL (Qt would bind NULL).
    if (m_query) {
        m_query->bindValue(index, value.isNull() ? QByteArray("") : value);
    } else {
        if (value.isEmpty())
            sqlite3_bind_zeroblob(m_statement, index + 1, 0);
        else
            sqlite3_bind_blob64(m_statement, index + 1, value.constData(),
                                sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
    }
}

void StoreStatement::bindNull(int index, QMetaType type)
{
    if (m_query)
        m_query->bindValue(index, QVariant(type));
    else
        sqlite3_bind_null(m_statement, index + 1);
}

bool StoreStatement::exec()
{
    if (m_query) {
        if (m_query->exec())
            return true;
        m_error = m_query->lastError();
        return false;
    }
    m_row = m_pending = false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) {
        m_row = m_pending = true;
        m_changes = sqlite3_changes(m_db);
        return true;
    }
    if (code == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_db);
        return true;
    }
    return fail(code);
}

bool StoreStatement::next()
{
    if (m_query)
        return m_query->next();
    if (m_pending) {
        m_pending = false;
        return true;
    }
    if (!m_row)
        return false;
    const int code = sqlite3_step(m_statement);
    m_row = code == SQLITE_ROW;
    if (code != SQLITE_ROW && code != SQLITE_DONE)
        fail(code);
    return m_row;
}

qint64 StoreStatement::int64At(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return m_row ? sqlite3_column_int64(m_statement, column) : 0;
}

QString StoreStatement::textAt(int column) const
{
    if (m_query) {
        const QVariant value = m_query->value(column);
        return value.isNull() ? QString() : value.toString();
    }
    if (!m_row || sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return {};
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    const QString value = QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
    return value.isNull() ? QStringLiteral("") : value;
}

int StoreStatement::numRowsAffected() const
{
    return m_query ? m_query->numRowsAffected() : m_changes;
}

void StoreStatement::finish()
{
    if (m_query) {
        m_query->finish();
        return;
    }
    m_row = m_pending = false;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool StoreStatement::fail(int code)
{
    const int extended = m_db ? sqlite3_extended_errcode(m_db) : code;
    m_error = QSqlError(QStringLiteral("Unable to execute statement"),
                        QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code)),
                        QSqlError::StatementError, QString::number(extended));
    return false;
}

} // namespace smsdesk
