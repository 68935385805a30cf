#include "NumberCsvImporter.h"

#include "FieldError.h"
#include "NumberValidator.h"

#include <QCoreApplication>
#include <QHash>

namespace smsdesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("smsdesk::NumberCsvImporter", text);
}

const QString kNumber = QStringLiteral("number");
const QString kProvider = QStringLiteral("provider");
const QString kLabel = QStringLiteral("label");
const QString kPlan = QStringLiteral("plan");
const QString kWebhookUrl = QStringLiteral("webhook_url");
const QString kFallbackEmail = QStringLiteral("fallback_email");
const QString kServiceId = QStringLiteral("service_id");
const QString kClientId = QStringLiteral("client_id");
const QString kDeviceId = QStringLiteral("device_id");
const QString kSim = QStringLiteral("sim");
const QString kSecretEnv = QStringLiteral("secret_env");
const QString kAuthHeaderEnv = QStringLiteral("auth_header_env");

QString columnFor(NumberValidator::Field field)
{
    switch (field) {
    case NumberValidator::Field::Number:
        return kNumber;
    case NumberValidator::Field::Label:
        return kLabel;
    case NumberValidator::Field::Provider:
        return kProvider;
    case NumberValidator::Field::WebhookUrl:
        return kWebhookUrl;
    case NumberValidator::Field::FallbackEmail:
        return kFallbackEmail;
    case NumberValidator::Field::ServiceId:
        return kServiceId;
    case NumberValidator::Field::ClientId:
        return kClientId;
    case NumberValidator::Field::DeviceId:
        return kDeviceId;
    case NumberValidator::Field::Sim:
        return kSim;
    case NumberValidator::Field::Secret:
        return kSecretEnv;
    case NumberValidator::Field::AuthHeader:
        return kAuthHeaderEnv;
    case NumberValidator::Field::PathToken:
    case NumberValidator::Field::TimeZone:
        break; // not a CSV column
    }
    return {};
}

QString oneLine(QString text)
{
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}

} // namespace

NumberCsvImporter::NumberCsvImporter(QString defaultRegion, Lookups lookups)
    : m_region(std::move(defaultRegion)), m_lookups(std::move(lookups))
{}

QStringList NumberCsvImporter::columns()
{
    return {kNumber,    kProvider, kLabel,    kPlan, kWebhookUrl, kFallbackEmail,
            kServiceId, kClientId, kDeviceId, kSim,  kSecretEnv,  kAuthHeaderEnv};
}

NumberCsvImporter::Result NumberCsvImporter::read(const QByteArray& data) const
{
    Result result;
    if (const int badLine = CsvRecords::firstLineNotUtf8(data); badLine > 0) {
        result.problems << Problem{badLine,
                                   tr("The file is not UTF-8 text: save it as CSV UTF-8.")};
        return result;
    }
    const QList<CsvRecords::Record> records = CsvRecords::parse(CsvRecords::decode(data));
    qsizetype next = 0;
    while (next < records.size() && records.at(next).error.isEmpty() &&
           CsvRecords::isBlank(records.at(next).fields))
        ++next;
    if (next == records.size()) {
        result.problems << Problem{1, tr("The file is empty: the first row names the columns, "
                                         "such as number,provider,label.")};
        return result;
    }

    // The header row.
    const CsvRecords::Record& headerRecord = records.at(next++);
    if (!headerRecord.error.isEmpty()) {
        result.problems << Problem{headerRecord.line, headerRecord.error};
        return result;
    }
    QStringList header;
    QStringList headerErrors;
    const QStringList known = columns();
    for (const QString& raw : headerRecord.fields) {
        QString name = raw.trimmed().toLower();
        name.replace(u' ', u'_');
        name.replace(u'-', u'_');
        header << name;
        if (name == u"secret" || name == u"webhook_secret" || name == u"auth_header" ||
            name == u"authorization" || name == u"authorization_header") {
            headerErrors << tr("The column \"%1\" would put a secret in the file: name an "
                               "environment variable that holds it in a %2 column instead.")
                                .arg(raw.trimmed(),
                                     name.startsWith(u"auth") ? kAuthHeaderEnv : kSecretEnv);
        } else if (name.isEmpty()) {
            headerErrors << tr("A column has no name.");
        } else if (!known.contains(name)) {
            headerErrors << tr("Unknown column \"%1\": the columns are %2.")
                                .arg(raw.trimmed(), known.join(QLatin1String(", ")));
        } else if (header.count(name) > 1) {
            headerErrors << tr("The column \"%1\" appears twice.").arg(name);
        }
    }
    for (const QString& required : {kNumber, kProvider}) {
        if (!header.contains(required))
            headerErrors << tr("The header has no \"%1\" column.").arg(required);
    }
    if (!headerErrors.isEmpty()) {
        result.problems << Problem{headerRecord.line, oneLine(headerErrors.join(u' '))};
        return result;
    }

    // The rows.
    QHash<QString, int> seen; // E.164 -> line
    for (; next < records.size(); ++next) {
        const CsvRecords::Record& record = records.at(next);
        if (!record.error.isEmpty()) {
            result.problems << Problem{record.line, record.error};
            continue;
        }
        if (CsvRecords::isBlank(record.fields))
            continue;
        if (record.fields.size() != header.size()) {
            result.problems << Problem{record.line, tr("The row has %1 fields, the header %2.")
                                                        .arg(record.fields.size())
                                                        .arg(header.size())};
            continue;
        }
        QStringList errors;
        Row row = checkRow(record, header, &errors);
        if (errors.isEmpty()) {
            const auto earlier = seen.constFind(row.e164);
            if (earlier != seen.constEnd())
                errors << tr("The number %1 is also on line %2.").arg(row.e164).arg(*earlier);
            else
                seen.insert(row.e164, row.line);
        }
        if (errors.isEmpty())
            result.rows << row;
        else
            result.problems << Problem{record.line, oneLine(errors.join(u' '))};
    }
    return result;
}

NumberCsvImporter::Row NumberCsvImporter::checkRow(const CsvRecords::Record& record,
                                                   const QStringList& header,
                                                   QStringList* errors) const
{
    Row row;
    row.line = record.line;
    auto value = [&](const QString& column) {
        const qsizetype index = header.indexOf(column);
        return index < 0 ? QString() : record.fields.at(index);
    };

    NumberDraft& draft = row.draft;
    draft.number = value(kNumber);
    draft.provider = value(kProvider);
    draft.label = value(kLabel);
    draft.webhookUrl = value(kWebhookUrl);
    draft.fallbackEmail = value(kFallbackEmail);
    draft.serviceId = value(kServiceId);
    draft.clientId = value(kClientId);
    draft.deviceId = value(kDeviceId);

    const QString sim = value(kSim).trimmed();
    if (!sim.isEmpty()) {
        bool isInteger = false;
        draft.sim = sim.toInt(&isInteger);
        if (!isInteger) {
            draft.sim = -1;
            *errors << FieldError::describe(kSim, sim, tr("The SIM slot is 0 or 1."));
        }
    }

    const QString plan = value(kPlan).trimmed();
    if (!plan.isEmpty()) {
        const std::optional<qint64> planId =
            m_lookups.planId ? m_lookups.planId(plan) : std::nullopt;
        if (planId)
            draft.planId = *planId;
        else
            *errors << FieldError::describe(kPlan, plan, tr("There is no plan with this name."));
    }

    // Secrets come from the environment; the file only names the variables.
    QHash<QString, QString> variableOf;
    auto secretFrom = [&](const QString& column, std::optional<QString>* target) {
        const QString variable = value(column).trimmed();
        if (variable.isEmpty())
            return;
        variableOf.insert(column, variable);
        const QString secret = m_lookups.environment ? m_lookups.environment(variable) : QString();
        if (secret.isEmpty())
            *errors << tr("%1: the environment variable %2 is not set or is empty.")
                           .arg(column, variable);
        else
            *target = secret;
    };
    secretFrom(kSecretEnv, &draft.secret);
    secretFrom(kAuthHeaderEnv, &draft.authHeader);

    const NumberValidator::Result validation = NumberValidator(m_region).validate(draft);
    for (auto it = validation.errors.cbegin(); it != validation.errors.cend(); ++it) {
        const QString column = columnFor(it.key());
        // Never repeat a secret: name its variable instead.
        const bool secret = it.key() == NumberValidator::Field::Secret ||
                            it.key() == NumberValidator::Field::AuthHeader;
        const bool longText = it.key() == NumberValidator::Field::Label;
        const QString shown = secret || longText ? QString() : value(column).trimmed();
        *errors
            << (secret
                    ? QStringLiteral("%1 %2: %3").arg(column, variableOf.value(column), it.value())
                    : FieldError::describe(column, shown, it.value()));
    }
    if (validation.ok()) {
        row.e164 = validation.record.e164;
        if (m_lookups.isProvisioned && m_lookups.isProvisioned(row.e164))
            *errors << tr("The number %1 is already provisioned.").arg(row.e164);
    }
    return row;
}

} // namespace smsdesk
