#include "PlansCommand.h"

#include "AppContext.h"
#include "provisioning/PlanProvisioner.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

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
    const QString command = arguments.value(0);
    if (command == u"add")
        return add(arguments.mid(1));
    if (command == u"list")
        return list(arguments.mid(1));
    if (command == u"--help" || command == u"-h" || command == u"-?" || command == u"help")
        return overview(true);
    if (command.isEmpty())
        return overview(false);
    m_command = QStringLiteral("plans");
    return fail(UsageError,
                tr("plans: unknown command \"%1\": use add or list (see smsdesk plans --help)")
                    .arg(command));
}

int PlansCommand::overview(bool asHelp)
{
    if (!asHelp)
        return fail(UsageError,
                    tr("plans: give a command: add or list (see smsdesk plans --help)"));
    print(tr("Usage: smsdesk plans add|list [options]\n"
             "SMS plans: a monthly message limit per number, outbound included or not, the "
             "billing-cycle day.\n\n"
             "Commands:\n"
             "  add   --name N --monthly-limit K [--no-outbound] [--inactive] [--cycle-day D]\n"
             "  list  [--format table|jsonl]\n\n"
             "Every command takes --db PATH|postgresql://… and --help."));
    return Success;
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
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the SMS plans and how many numbers are on each."));
    addDatabaseOption(parser);
    addFormatOption(parser);
    if (auto status = parse(parser, arguments, QStringLiteral("plans list"),
                            QStringLiteral("plans list [--format table|jsonl] [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    int status = Success;
    const std::optional<bool> jsonl = jsonlFormat(parser, &status);
    if (!jsonl)
        return status;

    AppContext context;
    if (auto openStatus = openContext(context, parser))
        return *openStatus;
    const PlanRepository plans(context.database().connection(), context.clock());
    const NumberRepository numbers(context.database().connection(), context.clock());
    const QList<PlanRecord> all = plans.list();
    if (!plans.lastError().isEmpty())
        return fail(Failure, plans.lastError());
    const QList<NumberRecord> allNumbers = numbers.list();
    if (!numbers.lastError().isEmpty())
        return fail(Failure, numbers.lastError());
    QHash<qint64, int> counts;
    for (const NumberRecord& number : allNumbers) {
        if (number.planId != 0)
            ++counts[number.planId];
    }

    if (*jsonl) {
        for (const PlanRecord& plan : all) {
            print(jsonLine({{QStringLiteral("id"), plan.id},
                            {QStringLiteral("name"), plan.name},
                            {QStringLiteral("monthly_limit"), plan.monthlyLimit},
                            {QStringLiteral("outbound_included"), plan.outboundIncluded},
                            {QStringLiteral("active"), plan.active},
                            {QStringLiteral("cycle_day"), plan.cycleDay},
                            {QStringLiteral("numbers"), counts.value(plan.id)}}));
        }
        return Success;
    }
    QList<QStringList> rows{{tr("ID"), tr("NAME"), tr("MONTHLY LIMIT"), tr("OUTBOUND"),
                             tr("ACTIVE"), tr("CYCLE DAY"), tr("NUMBERS")}};
    for (const PlanRecord& plan : all) {
        rows << QStringList{QString::number(plan.id),
                            plan.name,
                            QString::number(plan.monthlyLimit),
                            plan.outboundIncluded ? tr("yes") : tr("no"),
                            plan.active ? tr("yes") : tr("no"),
                            QString::number(plan.cycleDay),
                            QString::number(counts.value(plan.id))};
    }
    for (const QString& line : table(rows))
        print(line);
    return Success;
}

} // namespace smsdesk
