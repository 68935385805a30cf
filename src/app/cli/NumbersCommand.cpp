#include "NumbersCommand.h"

#include "AppContext.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "provisioning/FieldError.h"
#include "provisioning/NumberCsvImporter.h"
#include "provisioning/NumberProvisioner.h"
#include "provisioning/NumberValidator.h"
#include "rules/AutoReplyRepository.h"
#include "secrets/PathToken.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "store/ProvisionedRecords.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::NumbersCommand", text);
}

QString optionFor(NumberValidator::Field field)
{
    switch (field) {
    case NumberValidator::Field::Number:
        return QStringLiteral("--number");
    case NumberValidator::Field::Label:
        return QStringLiteral("--label");
    case NumberValidator::Field::Provider:
        return QStringLiteral("--provider");
    case NumberValidator::Field::WebhookUrl:
        return QStringLiteral("--webhook-url");
    case NumberValidator::Field::FallbackEmail:
        return QStringLiteral("--fallback-email");
    case NumberValidator::Field::ServiceId:
        return QStringLiteral("--service-id");
    case NumberValidator::Field::ClientId:
        return QStringLiteral("--client-id");
    case NumberValidator::Field::DeviceId:
        return QStringLiteral("--device-id");
    case NumberValidator::Field::Sim:
        return QStringLiteral("--sim");
    case NumberValidator::Field::TimeZone:
        return QStringLiteral("--time-zone");
    case NumberValidator::Field::Secret:
        return QStringLiteral("--secret-env");
    case NumberValidator::Field::AuthHeader:
        return QStringLiteral("--auth-header-env");
    case NumberValidator::Field::PathToken:
        return QStringLiteral("--path-token-env");
    }
    return {};
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

// "service 12", "client 550e…", "device 7 sim 1", or "" for the provider's own ids.
QString providerIds(const NumberRecord& number)
{
    QStringList parts;
    if (!number.serviceId.isEmpty())
        parts << tr("service %1").arg(number.serviceId);
    if (!number.clientId.isEmpty())
        parts << tr("client %1").arg(number.clientId);
    if (!number.deviceId.isEmpty())
        parts << tr("device %1").arg(number.deviceId);
    if (number.sim >= 0)
        parts << tr("sim %1").arg(number.sim);
    return parts.join(u' ');
}

QString environmentValue(const QString& variable)
{
    return qEnvironmentVariable(variable.toLocal8Bit().constData());
}

// Whether the keychain may hold something of this number.
bool hasKeychainEntries(const NumberRecord& number)
{
    return number.hasSecret || number.hasAuthHeader || number.hasPathToken();
}

bool hasSecrets(const NumberDraft& draft)
{
    return draft.secret || draft.authHeader || draft.pathToken;
}
} // namespace

int NumbersCommand::run(const QStringList& arguments)
{
    if (auto status = refuseSecretArguments(arguments))
        return *status;
    return dispatch<NumbersCommand>(
        arguments,
        {{QStringLiteral("add"), &NumbersCommand::add},
         {QStringLiteral("list"), &NumbersCommand::list},
         {QStringLiteral("remove"), &NumbersCommand::remove},
         {QStringLiteral("import"), &NumbersCommand::importFile},
         {QStringLiteral("rules"), &NumbersCommand::rules}},
        tr("Usage: smsdesk numbers add|list|remove|import|rules [options]\n"
           "Provisions numbers (DIDs) on webhook SMS providers.\n\n"
           "Commands:\n"
           "  add     --number N --provider P [--label L] [--plan NAME] [--webhook-url U]\n"
           "          [--fallback-email E] [--service-id ID] [--client-id ID]\n"
           "          [--device-id ID --sim 0|1] [--secret-env VAR] [--auth-header-env VAR]\n"
           "          [--path-token-env VAR] [--disabled] [--region CC]\n"
           "  list    [--format table|jsonl]\n"
           "  remove  --number N [--region CC]\n"
           "  import  FILE.csv [--region CC]\n"
           "  rules   --number N --set FILE.json|--show|--clear [--region CC]\n\n"
           "Every command takes --db PATH|postgresql://… and --help.\n"
           "Secrets are never taken on the command line: --secret-env, --auth-header-env and\n"
           "--path-token-env name environment variables that hold them; they are stored in the\n"
           "system keychain."),
        tr("numbers: give a command: add, list, remove or import (see smsdesk numbers --help)"),
        tr("numbers: unknown command \"%1\": use add, list, remove or import (see smsdesk "
           "numbers --help)"));
}

std::optional<int> NumbersCommand::refuseSecretArguments(const QStringList& arguments)
{
    for (const QString& argument : arguments) {
        if (argument == u"--")
            break;
        QString name = argument;
        while (name.startsWith(u'-'))
            name.remove(0, 1);
        if (name.isEmpty() || name.size() == argument.size())
            continue; // not an option
        name = name.section(u'=', 0, 0);
        QString instead;
        if (name == u"secret" || name == u"webhook-secret")
            instead = QStringLiteral("--secret-env VAR");
        else if (name == u"auth-header" || name == u"authorization")
            instead = QStringLiteral("--auth-header-env VAR");
        else if (name == u"path-token")
            instead = QStringLiteral("--path-token-env VAR");
        else
            continue;
        m_command = QStringLiteral("numbers");
        return fail(UsageError,
                    tr("--%1 is refused: a secret on the command line can be read by other users "
                       "and stays in the shell history. Put it in an environment variable and "
                       "pass its name with %2.")
                        .arg(name, instead));
    }
    return std::nullopt;
}

void NumbersCommand::settleKeychain(AppContext& context)
{
    // Keychain jobs run one after another: once this read reports, the clean-up the
    // provisioner started after a failure has run too, before the process ends.
    QObject receiver;
    waitFor<SecretStore::Result>([&](SecretStore::Callback done) {
        context.secrets().read(QStringLiteral("smsdesk-cli/settle"), &receiver, std::move(done));
    });
}

int NumbersCommand::add(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adds a number. Secrets are read from the environment variables named by --secret-env, "
           "--auth-header-env and --path-token-env, and stored in the system keychain."));
    addDatabaseOption(parser);
    addRegionOption(parser);
    const QCommandLineOption number(
        QStringLiteral("number"),
        tr("The number, as you would type it: +14045559999, (404) 555-9999."), QStringLiteral("N"));
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        tr("The provider: %1.").arg(ProviderCatalog::ids().join(QLatin1String(", "))),
        QStringLiteral("P"));
    const QCommandLineOption label(QStringLiteral("label"), tr("A label for people."),
                                   QStringLiteral("L"));
    const QCommandLineOption plan(QStringLiteral("plan"), tr("The SMS plan, by name."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        tr("The webhook URL configured at the provider."),
                                        QStringLiteral("U"));
    const QCommandLineOption fallbackEmail(
        QStringLiteral("fallback-email"),
        tr("Where the provider sends messages it cannot deliver."), QStringLiteral("E"));
    const QCommandLineOption serviceId(QStringLiteral("service-id"), tr("PBX service id."),
                                       QStringLiteral("ID"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      tr("Zonitel client id (a UUID)."), QStringLiteral("ID"));
    const QCommandLineOption deviceId(QStringLiteral("device-id"), tr("Android gateway device id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption sim(QStringLiteral("sim"), tr("Android gateway SIM slot."),
                                 QStringLiteral("0|1"));
    const QCommandLineOption timeZone(
        QStringLiteral("time-zone"),
        tr("Android gateway: the device's time zone (an IANA name such as Europe/Berlin; "
           "default: this system's), for the times it sends without one."),
        QStringLiteral("IANA"));
    const QCommandLineOption secretEnv(QStringLiteral("secret-env"),
                                       tr("Environment variable that holds the webhook secret."),
                                       QStringLiteral("VAR"));
    const QCommandLineOption authHeaderEnv(QStringLiteral("auth-header-env"),
                                           tr("Environment variable that holds the expected "
                                              "Authorization value, whole (Bearer abc…)."),
                                           QStringLiteral("VAR"));
    const QCommandLineOption pathTokenEnv(
        QStringLiteral("path-token-env"),
        tr("Environment variable that holds the webhook path token (the provider posts to "
           "/webhooks/PROVIDER/TOKEN): %1 to %2 letters, digits, '-' and '_'.")
            .arg(PathToken::MinLength)
            .arg(PathToken::MaxLength),
        QStringLiteral("VAR"));
    const QCommandLineOption disabled(QStringLiteral("disabled"), tr("Add the number disabled."));
    parser.addOptions({number, provider, label, plan, webhookUrl, fallbackEmail, serviceId,
                       clientId, deviceId, sim, timeZone, secretEnv, authHeaderEnv, pathTokenEnv,
                       disabled});
    if (auto status = parse(parser, arguments, QStringLiteral("numbers add"),
                            QStringLiteral("numbers add --number N --provider P [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    for (const QCommandLineOption* required : {&number, &provider}) {
        if (!parser.isSet(*required)) {
            return fail(UsageError,
                        tr("numbers add: --%1 is required (see smsdesk numbers add --help)")
                            .arg(required->names().constFirst()));
        }
    }
    if (auto status = checkRegion(parser))
        return *status;

    // A provider id given for another provider is a mistake in the script: say so rather
    // than drop it.
    if (const auto* info = ProviderCatalog::find(parser.value(provider).trimmed().toLower())) {
        const std::pair<const QCommandLineOption*, bool> ids[] = {
            {&serviceId, info->usesServiceId}, {&clientId, info->usesClientId},
            {&deviceId, info->usesDevice},     {&sim, info->usesDevice},
            {&timeZone, info->usesDevice},
        };
        for (const auto& [option, used] : ids) {
            if (parser.isSet(*option) && !used)
                return fail(UsageError, tr("--%1 does not apply to provider %2.")
                                            .arg(option->names().constFirst(), info->id));
        }
    }

    NumberDraft draft;
    draft.number = parser.value(number);
    draft.provider = parser.value(provider);
    draft.label = parser.value(label);
    draft.webhookUrl = parser.value(webhookUrl);
    draft.fallbackEmail = parser.value(fallbackEmail);
    draft.serviceId = parser.value(serviceId);
    draft.clientId = parser.value(clientId);
    draft.deviceId = parser.value(deviceId);
    draft.enabled = !parser.isSet(disabled);
    if (parser.isSet(timeZone))
        draft.timeZone = parser.value(timeZone);
    if (parser.isSet(sim)) {
        bool isInteger = false;
        draft.sim = parser.value(sim).trimmed().toInt(&isInteger);
        if (!isInteger)
            return fail(UsageError,
                        tr("--sim \"%1\": The SIM slot is 0 or 1.").arg(parser.value(sim)));
    }

    // Secrets: from the environment only.
    QHash<NumberValidator::Field, QString> variables;
    auto fromEnvironment = [&](const QCommandLineOption& option, NumberValidator::Field field,
                               std::optional<QString>* target) -> std::optional<int> {
        if (!parser.isSet(option))
            return std::nullopt;
        const QString variable = parser.value(option).trimmed();
        const QString name = option.names().constFirst();
        if (variable.isEmpty())
            return fail(UsageError,
                        tr("--%1 needs the name of an environment variable.").arg(name));
        variables.insert(field, variable);
        const QString value = environmentValue(variable);
        if (value.isEmpty()) {
            return fail(UsageError,
                        tr("--%1 %2: the environment variable %2 is not set or is empty.")
                            .arg(name, variable));
        }
        *target = value;
        return std::nullopt;
    };
    if (auto status = fromEnvironment(secretEnv, NumberValidator::Field::Secret, &draft.secret))
        return *status;
    if (auto status =
            fromEnvironment(authHeaderEnv, NumberValidator::Field::AuthHeader, &draft.authHeader))
        return *status;
    if (auto status =
            fromEnvironment(pathTokenEnv, NumberValidator::Field::PathToken, &draft.pathToken))
        return *status;

    AppContext context;
    applyRegion(context, parser);
    const NumberValidator::Result validation =
        NumberValidator(context.defaultRegion()).validate(draft);
    if (!validation.ok()) {
        QStringList parts;
        for (auto it = validation.errors.cbegin(); it != validation.errors.cend(); ++it) {
            const QString option = optionFor(it.key());
            if (variables.contains(it.key())) { // name the variable, never the secret
                parts << QStringLiteral("%1 %2: %3")
                             .arg(option, variables.value(it.key()), it.value());
                continue;
            }
            QString shown;
            switch (it.key()) {
            case NumberValidator::Field::Provider:
                shown = draft.provider.trimmed();
                break;
            case NumberValidator::Field::WebhookUrl:
                shown = draft.webhookUrl.trimmed();
                break;
            case NumberValidator::Field::FallbackEmail:
                shown = draft.fallbackEmail.trimmed();
                break;
            case NumberValidator::Field::ServiceId:
                shown = draft.serviceId.trimmed();
                break;
            case NumberValidator::Field::ClientId:
                shown = draft.clientId.trimmed();
                break;
            case NumberValidator::Field::DeviceId:
                shown = draft.deviceId.trimmed();
                break;
            case NumberValidator::Field::TimeZone:
                shown = draft.timeZone.value_or(QString()).trimmed();
                break;
            default:
                break;
            }
            parts << FieldError::describe(option, shown, it.value());
        }
        return fail(UsageError, parts.join(u' '));
    }
    const QString e164 = validation.record.e164;
    for (auto it = validation.warnings.cbegin(); it != validation.warnings.cend(); ++it)
        printError(tr("smsdesk: warning: %1 %2").arg(optionFor(it.key()), it.value()));

    if (auto status = openContext(context, parser))
        return *status;
    const QSqlDatabase db = context.database().connection();
    const QString planName = parser.value(plan).trimmed();
    if (!planName.isEmpty()) {
        const PlanRepository plans(db, context.clock());
        const auto found = plans.findByName(planName);
        if (!found && !plans.lastError().isEmpty())
            return fail(Failure, plans.lastError());
        if (!found) {
            return fail(UsageError,
                        tr("--plan \"%1\": there is no plan with this name (see smsdesk "
                           "plans list).")
                            .arg(planName));
        }
        draft.planId = found->id;
    }
    const NumberRepository numbers(db, context.clock());
    if (numbers.findByE164(e164))
        return fail(
            UsageError,
            tr("--number \"%1\": %2 is already provisioned.").arg(draft.number.trimmed(), e164));
    if (!numbers.lastError().isEmpty())
        return fail(Failure, numbers.lastError());
    if (draft.pathToken) {
        // Name the variable, never the token.
        if (const auto holder =
                numbers.findByPathTokenHash(PathToken::hash(draft.pathToken->toUtf8())))
            return fail(UsageError,
                        tr("--path-token-env %1: this path token is already used by %2; "
                           "generate a new one.")
                            .arg(variables.value(NumberValidator::Field::PathToken), holder->e164));
        if (!numbers.lastError().isEmpty())
            return fail(Failure, numbers.lastError());
    }

    const auto outcome = waitFor<NumberProvisioner::Outcome>(
        [&](NumberProvisioner::Callback done) { context.numbers().save(draft, std::move(done)); });
    if (!outcome.ok) {
        if (hasSecrets(draft))
            settleKeychain(context);
        return fail(outcome.fieldErrors.isEmpty() ? Failure : UsageError,
                    tr("%1 was not added: %2").arg(e164, outcome.error));
    }
    print(tr("added %1 (%2)").arg(outcome.record.e164, outcome.record.provider));
    return Success;
}

int NumbersCommand::list(const QStringList& arguments)
{
    const QStringList header{tr("ID"),     tr("NUMBER"),      tr("PROVIDER"),    tr("LABEL"),
                             tr("PLAN"),   tr("ENABLED"),     tr("WEBHOOK URL"), tr("PROVIDER IDS"),
                             tr("SECRET"), tr("AUTH HEADER"), tr("PATH TOKEN")};
    return CliCommand::list(
        arguments, QStringLiteral("numbers list"),
        tr("Lists the numbers. Secrets are never shown: only whether the keychain holds one."),
        header, [](const ProvisionedRecords& records) {
            Listing listing;
            listing.error =
                records.numbersError.isEmpty() ? records.plansError : records.numbersError;
            const QHash<qint64, QString> planNames = records.planNames();
            for (const NumberRecord& number : records.numbers) {
                const QJsonValue planValue = number.planId != 0 && planNames.contains(number.planId)
                                                 ? QJsonValue(planNames.value(number.planId))
                                                 : QJsonValue(QJsonValue::Null);
                const QJsonValue simValue =
                    number.sim >= 0 ? QJsonValue(number.sim) : QJsonValue(QJsonValue::Null);
                listing.rows << ListRow{
                    {{QStringLiteral("id"), number.id},
                     {QStringLiteral("number"), number.e164},
                     {QStringLiteral("label"), number.label},
                     {QStringLiteral("provider"), number.provider},
                     {QStringLiteral("enabled"), number.enabled},
                     {QStringLiteral("plan"), planValue},
                     {QStringLiteral("webhook_url"), number.webhookUrl},
                     {QStringLiteral("fallback_email"), number.fallbackEmail},
                     {QStringLiteral("service_id"), number.serviceId},
                     {QStringLiteral("client_id"), number.clientId},
                     {QStringLiteral("device_id"), number.deviceId},
                     {QStringLiteral("sim"), simValue},
                     {QStringLiteral("secret_set"), number.hasSecret},
                     {QStringLiteral("auth_header_set"), number.hasAuthHeader},
                     {QStringLiteral("path_token_set"), number.hasPathToken()}},
                    {QString::number(number.id), number.e164, number.provider, number.label,
                     planNames.value(number.planId), yesNo(number.enabled), number.webhookUrl,
                     providerIds(number), yesNo(number.hasSecret), yesNo(number.hasAuthHeader),
                     yesNo(number.hasPathToken())}};
            }
            return listing;
        });
}

int NumbersCommand::remove(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Removes a number and its keychain entries. Its messages stay."));
    addDatabaseOption(parser);
    addRegionOption(parser);
    const QCommandLineOption number(QStringLiteral("number"), tr("The number, typed any way."),
                                    QStringLiteral("N"));
    parser.addOption(number);
    if (auto status = parse(parser, arguments, QStringLiteral("numbers remove"),
                            QStringLiteral("numbers remove --number N [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    if (!parser.isSet(number))
        return fail(UsageError,
                    tr("numbers remove: --number is required (see smsdesk numbers remove --help)"));
    if (auto status = checkRegion(parser))
        return *status;

    AppContext context;
    NumberRecord found;
    if (auto status = openNumber(context, parser, parser.value(number), &found))
        return *status;

    const auto outcome = waitFor<NumberProvisioner::Outcome>([&](NumberProvisioner::Callback done) {
        context.numbers().remove(found.id, std::move(done));
    });
    if (!outcome.ok)
        return fail(Failure, tr("%1 was not removed: %2").arg(found.e164, outcome.error));
    print(tr("removed %1").arg(found.e164));
    // The keychain is asked even for a number without secrets; only a failure that may have
    // left a secret behind matters.
    if (!outcome.error.isEmpty() && hasKeychainEntries(found))
        return fail(Failure, outcome.error);
    return Success;
}

int NumbersCommand::importFile(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Adds every number in a CSV file, or none. The header row names the columns: %1. "
           "Secrets are never in the file: secret_env and auth_header_env name environment "
           "variables that hold them.")
            .arg(NumberCsvImporter::columns().join(QLatin1String(", "))));
    addDatabaseOption(parser);
    addRegionOption(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The CSV file (UTF-8, RFC 4180)."));
    if (auto status = parse(parser, arguments, QStringLiteral("numbers import"),
                            QStringLiteral("numbers import FILE.csv [options]")))
        return *status;
    if (parser.positionalArguments().isEmpty())
        return fail(UsageError,
                    tr("numbers import: give the CSV file (see smsdesk numbers import --help)"));
    if (auto status = checkPositional(parser, 1))
        return *status;
    if (auto status = checkRegion(parser))
        return *status;

    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Failure, tr("%1: cannot read the file: %2").arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    file.close();

    AppContext context;
    if (auto status = openContext(context, parser))
        return *status;
    const QSqlDatabase db = context.database().connection();
    const PlanRepository plans(db, context.clock());
    QHash<QString, qint64> planIds;
    for (const PlanRecord& plan : plans.list())
        planIds.insert(plan.name, plan.id);
    if (!plans.lastError().isEmpty())
        return fail(Failure, plans.lastError());
    const NumberRepository numbers(db, context.clock());
    QSet<QString> provisioned;
    for (const NumberRecord& number : numbers.list())
        provisioned.insert(number.e164);
    if (!numbers.lastError().isEmpty())
        return fail(Failure, numbers.lastError());

    NumberCsvImporter::Lookups lookups;
    lookups.planId = [&planIds](const QString& name) -> std::optional<qint64> {
        const auto it = planIds.constFind(name);
        return it == planIds.constEnd() ? std::nullopt : std::optional<qint64>(*it);
    };
    lookups.isProvisioned = [&provisioned](const QString& e164) {
        return provisioned.contains(e164);
    };
    lookups.environment = environmentValue;
    const NumberCsvImporter::Result result =
        NumberCsvImporter(context.defaultRegion(), lookups).read(data);
    if (!result.ok()) {
        for (const NumberCsvImporter::Problem& problem : result.problems)
            printError(QStringLiteral("%1:%2: %3").arg(path).arg(problem.line).arg(problem.reason));
        return fail(UsageError, result.problems.size() == 1
                                    ? tr("%1: nothing imported: 1 row has an error.").arg(path)
                                    : tr("%1: nothing imported: %2 rows have errors.")
                                          .arg(path)
                                          .arg(result.problems.size()));
    }

    // Every row is valid: add them one by one; should one still fail (keychain, store),
    // take back the ones added so far.
    QList<NumberRecord> added;
    for (const NumberCsvImporter::Row& row : result.rows) {
        const auto outcome =
            waitFor<NumberProvisioner::Outcome>([&](NumberProvisioner::Callback done) {
                context.numbers().save(row.draft, std::move(done));
            });
        if (outcome.ok) {
            added << outcome.record;
            continue;
        }
        if (hasSecrets(row.draft))
            settleKeychain(context);
        printError(QStringLiteral("%1:%2: %3")
                       .arg(path)
                       .arg(row.line)
                       .arg(tr("%1 was not added: %2").arg(row.e164, outcome.error)));
        QStringList left;
        for (auto it = added.crbegin(); it != added.crend(); ++it) {
            const qint64 id = it->id;
            const auto removed =
                waitFor<NumberProvisioner::Outcome>([&](NumberProvisioner::Callback done) {
                    context.numbers().remove(id, std::move(done));
                });
            if (!removed.ok || (!removed.error.isEmpty() && hasKeychainEntries(*it)))
                left << it->e164;
        }
        if (!left.isEmpty()) {
            return fail(Failure,
                        tr("%1: import stopped at line %2; these numbers were added and could "
                           "not be taken back: %3")
                            .arg(path)
                            .arg(row.line)
                            .arg(left.join(QLatin1String(", "))));
        }
        return fail(Failure,
                    tr("%1: nothing imported (stopped at line %2).").arg(path).arg(row.line));
    }
    print(added.size() == 1 ? tr("imported 1 number")
                            : tr("imported %1 numbers").arg(added.size()));
    return Success;
}

std::optional<int> NumbersCommand::openNumber(AppContext& context, const QCommandLineParser& parser,
                                              const QString& typedValue, NumberRecord* number)
{
    if (auto status = openContext(context, parser))
        return status;
    const QString typed = typedValue.trimmed();
    const auto parsed = PhoneNumber::parse(typed, context.defaultRegion());
    QString e164 = parsed.ok() ? parsed.number.e164() : QString();
    if (e164.isEmpty() && typed.startsWith(u'+')) {
        // A stored number libphonenumber no longer calls valid: match its digits.
        e164 = QStringLiteral("+");
        for (const QChar c : typed) {
            if (c.isDigit())
                e164 += c;
        }
    }
    const NumberRepository numbers(context.database().connection(), context.clock());
    const auto existing = e164.isEmpty() ? std::nullopt : numbers.findByE164(e164);
    if (!existing) {
        if (!numbers.lastError().isEmpty())
            return fail(Failure, numbers.lastError());
        if (!parsed.ok())
            return fail(UsageError,
                        FieldError::describe(QStringLiteral("--number"), typed, parsed.error));
        return fail(UsageError, tr("--number \"%1\": %2 is not provisioned.").arg(typed, e164));
    }
    *number = *existing;
    return std::nullopt;
}

int NumbersCommand::rules(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sets, shows or clears a number's auto-replies: keyword rules and the out-of-hours "
           "reply, answered in the response to onCloud's webhook. The JSON is what --show "
           "prints: {\"version\":1,\"keywords\":[{\"keyword\",\"reply\",\"media\"}],"
           "\"outOfHours\":{\"enabled\",\"hours\",\"timeZone\",\"reply\"}}."));
    addDatabaseOption(parser);
    addRegionOption(parser);
    const QCommandLineOption number(QStringLiteral("number"), tr("The number, typed any way."),
                                    QStringLiteral("N"));
    const QCommandLineOption set(QStringLiteral("set"), tr("Store the rules in FILE (JSON)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption show(QStringLiteral("show"), tr("Print the rules as JSON."));
    const QCommandLineOption clear(QStringLiteral("clear"), tr("Remove the rules."));
    parser.addOptions({number, set, show, clear});
    if (auto status =
            parse(parser, arguments, QStringLiteral("numbers rules"),
                  QStringLiteral("numbers rules --number N --set FILE|--show|--clear [options]")))
        return *status;
    if (auto status = checkPositional(parser, 0))
        return *status;
    const int actions = int(parser.isSet(set)) + int(parser.isSet(show)) + int(parser.isSet(clear));
    if (!parser.isSet(number) || actions != 1)
        return fail(UsageError, tr("numbers rules: give --number and one of --set FILE, --show "
                                   "or --clear (see smsdesk numbers rules --help)"));
    if (auto status = checkRegion(parser))
        return *status;

    AutoReplyRules rules;
    if (parser.isSet(set)) {
        const QString path = parser.value(set);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Failure, tr("%1: cannot read the file: %2").arg(path, file.errorString()));
        QString error;
        std::optional<AutoReplyRules> read = AutoReplyRules::fromJson(file.readAll(), &error);
        if (!read)
            return fail(UsageError, tr("%1: not auto-reply rules: %2").arg(path, error));
        if (const QString problem = read->problem(); !problem.isEmpty())
            return fail(UsageError, tr("%1: %2").arg(path, problem));
        rules = *read;
    }

    AppContext context;
    NumberRecord found;
    if (auto status = openNumber(context, parser, parser.value(number), &found))
        return *status;
    AutoReplyRepository repository(context.database().connection());
    if (parser.isSet(show)) {
        const std::optional<AutoReplyRules> stored = repository.find(found.id);
        if (!stored)
            return fail(Failure, repository.lastError());
        print(QString::fromUtf8(stored->toJson()));
        return Success;
    }
    if (!repository.save(found.id, rules, context.clock().nowMs()))
        return fail(Failure, repository.lastError());
    if (found.provider != QLatin1String("oncloud") && !rules.isEmpty())
        printError(tr("note: only onCloud answers a webhook with a reply; %1 is a %2 number")
                       .arg(found.e164, found.provider));
    print(rules.isEmpty() ? tr("cleared the auto-replies of %1").arg(found.e164)
                          : tr("set the auto-replies of %1").arg(found.e164));
    return Success;
}

} // namespace smsdesk
