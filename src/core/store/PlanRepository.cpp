#include "PlanRepository.h"

#include "util/Clock.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace smsdesk {

namespace {
const QString kColumns =
    QStringLiteral("id, name, monthly_limit, outbound_included, active, cycle_day, created_at");

PlanRecord readPlan(const QSqlQuery& query)
{
    PlanRecord plan;
    plan.id = query.value(0).toLongLong();
    plan.name = query.value(1).toString();
    plan.monthlyLimit = query.value(2).toInt();
    plan.outboundIncluded = query.value(3).toInt() != 0;
    plan.active = query.value(4).toInt() != 0;
    plan.cycleDay = query.value(5).toInt();
    plan.createdAtMs = query.value(6).toLongLong();
    return plan;
}

QString duplicateMessage(const QString& name)
{
    return QCoreApplication::translate("smsdesk::PlanRepository",
                                       "A plan named \"%1\" already exists.")
        .arg(name);
}

// The values of name, monthly_limit, outbound_included, active and cycle_day, in this order.
QVariantList editableValues(const PlanRecord& plan)
{
    return {plan.name, plan.monthlyLimit, plan.outboundIncluded ? 1 : 0, plan.active ? 1 : 0,
            plan.cycleDay};
}
} // namespace

PlanRepository::PlanRepository(QSqlDatabase db, const Clock& clock)
    : RecordRepository(std::move(db), clock)
{}

QList<PlanRecord> PlanRepository::list() const
{
    return select(QStringLiteral("SELECT %1 FROM plans ORDER BY name").arg(kColumns), {}, readPlan);
}

std::optional<PlanRecord> PlanRepository::find(qint64 id) const
{
    return selectFirst(QStringLiteral("SELECT %1 FROM plans WHERE id = ?").arg(kColumns), {id},
                       readPlan);
}

std::optional<PlanRecord> PlanRepository::findByName(const QString& name) const
{
    return selectFirst(QStringLiteral("SELECT %1 FROM plans WHERE name = ?").arg(kColumns), {name},
                       readPlan);
}

bool PlanRepository::insert(PlanRecord& plan)
{
    if (findByName(plan.name))
        return fail(duplicateMessage(plan.name));
    QSqlQuery query(db());
    query.prepare(
        QStringLiteral("INSERT INTO plans (name, monthly_limit, outbound_included, active, "
                       "cycle_day, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    plan.createdAtMs = clock().nowMs();
    const QVariantList values = editableValues(plan) << plan.createdAtMs;
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return fail(query.lastError().text());
    plan.id = query.value(0).toLongLong();
    return true;
}

bool PlanRepository::update(const PlanRecord& plan)
{
    const auto sameName = findByName(plan.name);
    if (sameName && sameName->id != plan.id)
        return fail(duplicateMessage(plan.name));
    QSqlQuery query(db());
    query.prepare(
        QStringLiteral("UPDATE plans SET name = ?, monthly_limit = ?, outbound_included = ?, "
                       "active = ?, cycle_day = ? WHERE id = ?"));
    const QVariantList values = editableValues(plan) << plan.id;
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query.lastError().text());
    if (query.numRowsAffected() != 1)
        return fail(
            QCoreApplication::translate("smsdesk::PlanRepository", "The plan no longer exists."));
    return true;
}

bool PlanRepository::remove(qint64 id)
{
    QSqlQuery query(db());
    query.prepare(QStringLiteral("DELETE FROM plans WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(query.lastError().text());
    return true;
}

} // namespace smsdesk
