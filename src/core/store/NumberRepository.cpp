#include "NumberRepository.h"

#include "util/Clock.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

namespace {
const QString kColumns = QStringLiteral(
    "id, e164, label, provider, enabled, plan_id, webhook_url, fallback_email, service_id, "
    "client_id, device_id, sim, has_secret, has_auth_header, created_at, updated_at, path_token, "
    "time_zone");

NumberRecord readNumber(const QSqlQuery& query)
{
    NumberRecord number;
    number.id = query.value(0).toLongLong();
    number.e164 = query.value(1).toString();
    number.label = query.value(2).toString();
    number.provider = query.value(3).toString();
    number.enabled = query.value(4).toInt() != 0;
    number.planId = query.value(5).isNull() ? 0 : query.value(5).toLongLong();
    number.webhookUrl = query.value(6).toString();
    number.fallbackEmail = query.value(7).toString();
    number.serviceId = query.value(8).toString();
    number.clientId = query.value(9).toString();
    number.deviceId = query.value(10).toString();
    number.sim = query.value(11).isNull() ? -1 : query.value(11).toInt();
    number.hasSecret = query.value(12).toInt() != 0;
    number.hasAuthHeader = query.value(13).toInt() != 0;
    number.createdAtMs = query.value(14).toLongLong();
    number.updatedAtMs = query.value(15).toLongLong();
    number.pathTokenHash = query.value(16).isNull() ? QString() : query.value(16).toString();
    number.timeZone = query.value(17).isNull() ? QString() : query.value(17).toString();
    return number;
}

QVariant nullable(qint64 value, qint64 none)
{
    return value == none ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// path_token is unique: "none" is NULL (NULLs never collide), never ''.
QVariant nullableText(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// Values in column order after id and e164 for INSERT and UPDATE.
QVariantList editableValues(const NumberRecord& number)
{
    return {text(number.label),
            text(number.provider),
            number.enabled ? 1 : 0,
            nullable(number.planId, 0),
            text(number.webhookUrl),
            text(number.fallbackEmail),
            text(number.serviceId),
            text(number.clientId),
            text(number.deviceId),
            nullable(number.sim, -1),
            number.hasSecret ? 1 : 0,
            number.hasAuthHeader ? 1 : 0,
            nullableText(number.pathTokenHash),
            nullableText(number.timeZone)};
}

QString duplicateMessage(const QString& e164)
{
    return QCoreApplication::translate("smsdesk::NumberRepository",
                                       "The number %1 is already provisioned.")
        .arg(e164);
}

QString pathTokenInUseMessage(const QString& e164)
{
    return QCoreApplication::translate("smsdesk::NumberRepository",
                                       "This path token is already used by %1: generate a new one.")
        .arg(e164);
}
} // namespace

NumberRepository::NumberRepository(QSqlDatabase db, const Clock& clock)
    : RecordRepository(std::move(db), clock)
{}

QList<NumberRecord> NumberRepository::selectWhere(const QString& where,
                                                  const QVariantList& values) const
{
    return select(QStringLiteral("SELECT %1 FROM numbers %2 ORDER BY e164").arg(kColumns, where),
                  values, readNumber);
}

bool NumberRepository::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError().text());
    if (query.numRowsAffected() == 0)
        return fail(QCoreApplication::translate("smsdesk::NumberRepository",
                                                "The number no longer exists."));
    return true;
}

QList<NumberRecord> NumberRepository::list() const
{
    return selectWhere({}, {});
}

QList<NumberRecord> NumberRepository::listByPlan(qint64 planId) const
{
    return selectWhere(QStringLiteral("WHERE plan_id = ?"), {planId});
}

std::optional<NumberRecord> NumberRepository::find(qint64 id) const
{
    const auto rows = selectWhere(QStringLiteral("WHERE id = ?"), {id});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<NumberRecord> NumberRepository::findByE164(const QString& e164) const
{
    const auto rows = selectWhere(QStringLiteral("WHERE e164 = ?"), {e164});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<NumberRecord> NumberRepository::findByPathTokenHash(const QString& hash) const
{
    if (hash.isEmpty())
        return std::nullopt;
    const auto rows = selectWhere(QStringLiteral("WHERE path_token = ?"), {hash});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

bool NumberRepository::pathTokenHashInUse(const NumberRecord& number) const
{
    const auto holder = findByPathTokenHash(number.pathTokenHash);
    if (!holder || holder->id == number.id)
        return false;
    fail(pathTokenInUseMessage(holder->e164));
    return true;
}

bool NumberRepository::insert(NumberRecord& number)
{
    if (findByE164(number.e164))
        return fail(duplicateMessage(number.e164));
    if (pathTokenHashInUse(number))
        return false;
    number.createdAtMs = number.updatedAtMs = clock().nowMs();
    QSqlQuery query(db());
    query.prepare(
        QStringLiteral("INSERT INTO numbers (e164, label, provider, enabled, plan_id, webhook_url, "
                       "fallback_email, "
                       "service_id, client_id, device_id, sim, has_secret, has_auth_header, "
                       "path_token, time_zone, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(number.e164);
    for (const QVariant& value : editableValues(number))
        query.addBindValue(value);
    query.addBindValue(number.createdAtMs);
    query.addBindValue(number.updatedAtMs);
    if (!query.exec() || !query.next())
        return fail(query.lastError().text());
    number.id = query.value(0).toLongLong();
    return attachUnassignedMessages(number);
}

bool NumberRepository::update(NumberRecord& number)
{
    const auto sameNumber = findByE164(number.e164);
    if (sameNumber && sameNumber->id != number.id)
        return fail(duplicateMessage(number.e164));
    if (pathTokenHashInUse(number))
        return false;
    number.updatedAtMs = clock().nowMs();
    QVariantList values{number.e164};
    values << editableValues(number) << number.updatedAtMs << number.id;
    return exec(QStringLiteral("UPDATE numbers SET e164 = ?, label = ?, provider = ?, enabled = ?, "
                               "plan_id = ?, webhook_url = ?, fallback_email = ?, service_id = ?, "
                               "client_id = ?, device_id = ?, sim = ?, has_secret = ?, "
                               "has_auth_header = ?, path_token = ?, time_zone = ?, "
                               "updated_at = ? WHERE id = ?"),
                values) &&
           attachUnassignedMessages(number);
}

bool NumberRepository::attachUnassignedMessages(const NumberRecord& number)
{
    if (!number.enabled)
        return true; // a disabled number takes no messages
    QSqlQuery query(db());
    query.prepare(QStringLiteral(
        "UPDATE messages SET number_id = ?, did = ? WHERE number_id IS NULL AND provider = ? AND "
        "(did = ? OR (did = '' AND device_id = ? AND sim = ?))"));
    for (const QVariant& value :
         {QVariant(number.id), QVariant(number.e164), QVariant(text(number.provider)),
          QVariant(number.e164), QVariant(text(number.deviceId)), nullable(number.sim, -1)})
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError().text());
    return true;
}

bool NumberRepository::setEnabled(qint64 id, bool enabled)
{
    if (!exec(QStringLiteral("UPDATE numbers SET enabled = ?, updated_at = ? WHERE id = ?"),
              {enabled ? 1 : 0, clock().nowMs(), id}))
        return false;
    const auto number = enabled ? find(id) : std::nullopt;
    return !number || attachUnassignedMessages(*number);
}

bool NumberRepository::setSecretFlags(qint64 id, bool hasSecret, bool hasAuthHeader)
{
    return exec(
        QStringLiteral(
            "UPDATE numbers SET has_secret = ?, has_auth_header = ?, updated_at = ? WHERE id = ?"),
        {hasSecret ? 1 : 0, hasAuthHeader ? 1 : 0, clock().nowMs(), id});
}

bool NumberRepository::setPathTokenHash(qint64 id, const QString& hash)
{
    NumberRecord number;
    number.id = id;
    number.pathTokenHash = hash;
    if (pathTokenHashInUse(number))
        return false;
    return exec(QStringLiteral("UPDATE numbers SET path_token = ?, updated_at = ? WHERE id = ?"),
                {nullableText(hash), clock().nowMs(), id});
}

bool NumberRepository::remove(qint64 id)
{
    return exec(QStringLiteral("DELETE FROM numbers WHERE id = ?"), {id});
}

} // namespace smsdesk
