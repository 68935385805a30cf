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
} // namespace

PlanRepository::PlanRepository(QSqlDatabase db, const Clock& clock)
    : m_db(std::move(db)), m_clock(clock)
{}

bool PlanRepository::fail(const QString& message) const
{
    m_lastError = message;
    return false;
}

QList<PlanRecord> PlanRepository::list() const
{
    QList<PlanRecord> plans;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM plans ORDER BY name").arg(kColumns))) {
        fail(query.lastError().text());
        return plans;
    }
    while (query.next())
        plans << readPlan(query);
    return plans;
}

std::optional<PlanRecord> PlanRepository::find(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM plans WHERE id = ?").arg(kColumns));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return readPlan(query);
    fail(query.lastError().text());
    return std::nullopt;
}

std::optional<PlanRecord> PlanRepository::findByName(const QString& name) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM plans WHERE name = ?").arg(kColumns));
    query.addBindValue(name);
    if (query.exec() && query.next())
        return readPlan(query);
    fail(query.lastError().text());
    return std::nullopt;
}

bool PlanRepository::insert(PlanRecord& plan)
{
    if (findByName(plan.name))
        return fail(QCoreApplication::translate("smsdesk::PlanRepository",
                                                "A plan named \"%1\" already exists.")
                        .arg(plan.name));
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO plans (name, monthly_limit, outbound_included, active, "
                       "cycle_day, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    plan.createdAtMs = m_clock.nowMs();
    query.addBindValue(plan.name);
    query.addBindValue(plan.monthlyLimit);
    query.addBindValue(plan.outboundIncluded ? 1 : 0);
    query.addBindValue(plan.active ? 1 : 0);
    query.addBindValue(plan.cycleDay);
    query.addBindValue(plan.createdAtMs);
    if (!query.exec() || !query.next())
        return fail(query.lastError().text());
    plan.id = query.value(0).toLongLong();
    return true;
}

bool PlanRepository::update(const PlanRecord& plan)
{
    const auto sameName = findByName(plan.name);
    if (sameName && sameName->id != plan.id)
        return fail(QCoreApplication::translate("smsdesk::PlanRepository",
                                                "A plan named \"%1\" already exists.")
                        .arg(plan.name));
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE plans SET name = ?, monthly_limit = ?, outbound_included = ?, "
                       "active = ?, cycle_day = ? WHERE id = ?"));
    query.addBindValue(plan.name);
    query.addBindValue(plan.monthlyLimit);
    query.addBindValue(plan.outboundIncluded ? 1 : 0);
    query.addBindValue(plan.active ? 1 : 0);
    query.addBindValue(plan.cycleDay);
    query.addBindValue(plan.id);
    if (!query.exec())
        return fail(query.lastError().text());
    if (query.numRowsAffected() != 1)
        return fail(
            QCoreApplication::translate("smsdesk::PlanRepository", "The plan no longer exists."));
    return true;
}

bool PlanRepository::remove(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM plans WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(query.lastError().text());
    return true;
}

} // namespace smsdesk
