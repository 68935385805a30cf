#include "PlansCommand.h"

#include "AppContext.h"
#include "provisioning/PlanProvisioner.h"
#include "store/Database.h"
#include "store/PlanRepository.h"
#include "store/ProvisionedRecords.h"

#include <QCoreApplication>
#include <QHash>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::PlansCommand", text);
}

QString optionFor(PlanValidator::Field field)
{
    switch (field) {
    case PlanValidator::Field::Name:
        return QStringLiteral("--name");
    case PlanValidator::Field::MonthlyLimit:
        return QStringLiteral("--monthly-limit");
    case PlanValidator::Field::CycleDay:
        return QStringLiteral("--cycle-day");
    }
    return {};
}
} // namespace

int PlansCommand::run(const QStringList& arguments)
{
    return dispatch<PlansCommand>(
        arguments,
        {{QStringLiteral("add"), &PlansCommand::add},
         {QStringLiteral("list"), &PlansCommand::list}},
        tr("Usage: smsdesk plans add|list [options]\n"
           "SMS plans: a monthly message limit per number, outbound included or not, the "
           "billing-cycle day.\n\n"
           "Commands:\n"
           "  add   --name N --monthly-limit K [--no-outbound] [--inactive] [--cycle-day D]\n"
           "  list  [--format table|jsonl]\n\n"
           "Every command takes --db PATH|postgresql://… and --help."),
        tr("plans: give a command: add or list (see smsdesk plans --help)"),
        tr("plans: unknown command \"%1\": use add or list (see smsdesk plans --help)"));
}

int PlansCommand::add(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Adds an SMS plan."));
    addDatabaseOption(parser);
    const QCommandLineOption name(QStringLiteral("name"), tr("The plan's name (unique)."),
                                  QStringLiteral("N"));
    const QCommandLineOption limit(QStringLiteral("monthly-limit"),
                                   tr("Messages per number per billing cycle."),
                                   QStringLiteral("K"));
    const QCommandLineOption noOutbound(QStringLiteral("no-outbound"),
                                        tr("Outbound messages are not included."));
    const QCommandLineOption inactive(QStringLiteral("inactive"), tr("Add the plan as inactive."));
    const QCommandLineOption cycleDay(
        QStringLiteral("cycle-day"),
        tr("Day of the month the billing cycle starts (1-31, default 1)."), QStringLiteral("D"),
        QStringLiteral("1"));
    parser.addOptions({name, limit, noOutbound, inactive, cycleDay});
    if (auto status = parse(parser, arguments, QStringLiteral("plans add"),
                            QStringLiteral("plans add --name N --monthly-limit K [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;

    if (!parser.isSet(name))
        return fail(UsageError, tr("plans add: --name is required (see smsdesk plans add --help)"));
    if (!parser.isSet(limit))
        return fail(UsageError,
                    tr("plans add: --monthly-limit is required (see smsdesk plans add --help)"));

    PlanRecord plan;
    plan.name = parser.value(name);
    bool isInteger = false;
    plan.monthlyLimit = parser.value(limit).trimmed().toInt(&isInteger);
    if (!isInteger)
        return fail(UsageError,
                    tr("--monthly-limit \"%1\" is not a whole number.").arg(parser.value(limit)));
    plan.cycleDay = parser.value(cycleDay).trimmed().toInt(&isInteger);
    if (!isInteger)
        return fail(UsageError,
                    tr("--cycle-day \"%1\" is not a whole number.").arg(parser.value(cycleDay)));
    plan.outboundIncluded = !parser.isSet(noOutbound);
    plan.active = !parser.isSet(inactive);

    // Field checks first, so that bad input is reported even without a store.
    PlanRecord checked = plan;
    const auto errors = PlanValidator::validate(checked);
    if (!errors.isEmpty()) {
        QStringList parts;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            parts << optionFor(it.key()) + QLatin1String(": ") + it.value();
        return fail(UsageError, parts.join(u' '));
    }

    AppContext context;
    if (auto status = openContext(context, parser))
        return *status;
    if (PlanRepository(context.database().connection(), context.clock()).findByName(checked.name))
        return fail(UsageError,
                    tr("--name: a plan named \"%1\" already exists.").arg(checked.name));

    const auto outcome = waitFor<PlanProvisioner::Outcome>(
        [&](PlanProvisioner::Callback done) { context.plans().save(plan, std::move(done)); });
    if (!outcome.ok)
        return fail(outcome.fieldErrors.isEmpty() ? Failure : UsageError, outcome.error);
    print(tr("added plan \"%1\" (%2 messages a month)")
              .arg(outcome.plan.name)
              .arg(outcome.plan.monthlyLimit));
    return Success;
}

int PlansCommand::list(const QStringList& arguments)
{
    const QStringList header{tr("ID"),     tr("NAME"),      tr("MONTHLY LIMIT"), tr("OUTBOUND"),
                             tr("ACTIVE"), tr("CYCLE DAY"), tr("NUMBERS")};
    return CliCommand::list(
        arguments, QStringLiteral("plans list"),
        tr("Lists the SMS plans and how many numbers are on each."), header,
        [](const ProvisionedRecords& records) {
            Listing listing;
            listing.error =
                records.plansError.isEmpty() ? records.numbersError : records.plansError;
            const QHash<qint64, int> counts = records.numberCounts();
            for (const PlanRecord& plan : records.plans) {
                const int count = counts.value(plan.id);
                listing.rows << ListRow{
                    {{QStringLiteral("id"), plan.id},
                     {QStringLiteral("name"), plan.name},
                     {QStringLiteral("monthly_limit"), plan.monthlyLimit},
                     {QStringLiteral("outbound_included"), plan.outboundIncluded},
                     {QStringLiteral("active"), plan.active},
                     {QStringLiteral("cycle_day"), plan.cycleDay},
                     {QStringLiteral("numbers"), count}},
                    {QString::number(plan.id), plan.name, QString::number(plan.monthlyLimit),
                     plan.outboundIncluded ? tr("yes") : tr("no"),
                     plan.active ? tr("yes") : tr("no"), QString::number(plan.cycleDay),
                     QString::number(count)}};
            }
            return listing;
        });
}

} // namespace smsdesk
