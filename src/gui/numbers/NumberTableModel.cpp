#include "NumberTableModel.h"

#include "InboundAuth.h"
#include "phone/PhoneNumber.h"
#include "providers/ProviderCatalog.h"
#include "support/PbxFallback.h"
#include "widgets/ThemeIcon.h"

#include <QGuiApplication>
#include <QPalette>

namespace smsdesk {

namespace {

const QColor kWarningColor(0xb2, 0x4a, 0x00);

InboundAuth::Method inboundAuth(const NumberRecord& number)
{
    return InboundAuth::of(number.hasAuthHeader, number.hasPathToken());
}

} // namespace

bool NumberTableRow::operator==(const NumberTableRow& other) const
{
    const NumberRecord& a = record;
    const NumberRecord& b = other.record;
    return a.id == b.id && a.e164 == b.e164 && a.label == b.label && a.provider == b.provider &&
           a.enabled == b.enabled && a.planId == b.planId && a.webhookUrl == b.webhookUrl &&
           a.fallbackEmail == b.fallbackEmail && a.serviceId == b.serviceId &&
           a.clientId == b.clientId && a.deviceId == b.deviceId && a.sim == b.sim &&
           a.hasSecret == b.hasSecret && a.hasAuthHeader == b.hasAuthHeader &&
           a.pathTokenHash == b.pathTokenHash && a.createdAtMs == b.createdAtMs &&
           a.updatedAtMs == b.updatedAtMs;
}

NumberTableModel::NumberTableModel(QString homeRegion, QObject* parent)
    : RecordRowsModel(ColumnCount, parent), m_region(std::move(homeRegion))
{}

NumberTableRow NumberTableModel::makeRow(const NumberRecord& number) const
{
    return {number, PhoneNumber::displayE164(number.e164, m_region)};
}

bool NumberTableModel::lacksFallbackEmail(const NumberRecord& number)
{
    return number.fallbackEmail.isEmpty() && PbxFallback::usesFallbackEmail(number.provider);
}

QString NumberTableModel::text(const NumberTableRow& row, int column) const

{
    const NumberRecord& number = row.record;
    switch (column) {
    case NumberColumn:
        return row.display;
    case LabelColumn:
        return number.label;
    case ProviderColumn: {
        const auto* info = ProviderCatalog::find(number.provider);
        return info ? info->shortName : number.provider;
    }
    case PlanColumn:
        return number.planId == 0 ? QString() : m_planNames.value(number.planId);
    case WebhookUrlColumn:
        return number.webhookUrl;
    case SecretColumn:
        return number.hasSecret ? tr("set") : tr("—");
    case InboundAuthColumn:
        return InboundAuth::name(inboundAuth(number));
    case FallbackEmailColumn:
        if (lacksFallbackEmail(number))
            return tr("none set");
        return number.fallbackEmail;
    case EnabledColumn:
        return number.enabled ? tr("Yes") : tr("No");
    default:
        return {};
    }
}

QVariant NumberTableModel::cell(int rowIndex, int column, int role) const
{
    const NumberTableRow& row = rowAt(rowIndex);
    const NumberRecord& number = row.record;

    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::ToolTipRole:
        if (column == NumberColumn)
            return number.e164;
        if (column == WebhookUrlColumn && !number.webhookUrl.isEmpty())
            return number.webhookUrl;
        if (column == ProviderColumn) {
            const auto* info = ProviderCatalog::find(number.provider);
            return info ? info->displayName : number.provider;
        }
        if (column == SecretColumn)
            return (number.hasSecret ? tr("An outbound secret is stored in the system keychain.")
                                     : tr("No outbound secret.")) +
                   QLatin1Char(' ') +
                   tr("It is sent with the messages sent through the provider's API; it does "
                      "not check incoming webhooks.");
        if (column == FallbackEmailColumn && lacksFallbackEmail(number))
            return tr("The PBX retries a webhook 10 times, then emails the number's fallback "
                      "address. Set the same address here as at the PBX, so the Failures page "
                      "can say where an undelivered message went.");
        if (column == InboundAuthColumn) {
            const auto* info = ProviderCatalog::find(number.provider);
            return InboundAuth::explanation(inboundAuth(number),
                                            info ? info->displayName : number.provider);
        }
        return {};
    case Qt::ForegroundRole:
        if (!number.enabled)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if ((column == InboundAuthColumn && inboundAuth(number) == InboundAuth::Method::None) ||
            (column == FallbackEmailColumn && lacksFallbackEmail(number)))
            return kWarningColor;
        return {};
    case Qt::DecorationRole:
        if ((column == InboundAuthColumn && inboundAuth(number) == InboundAuth::Method::None) ||
            (column == FallbackEmailColumn && lacksFallbackEmail(number)))
            return ThemeIcon::icon(ThemeIcon::Warning);
        return {};
    case Qt::TextAlignmentRole:
        if (column == SecretColumn || column == EnabledColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        return {};
    case IdRole:
        return number.id;
    case EnabledRole:
        return number.enabled;
    case SortRole:
        if (column == NumberColumn)
            return number.e164;
        if (column == EnabledColumn)
            return number.enabled;
        return text(row, column);
    case FilterRole:
        switch (column) {
        case NumberColumn:
            return QStringList{row.display, number.e164}.join(u' ');
        case ProviderColumn:
            return QStringList{text(row, column), number.provider}.join(u' ');
        case FallbackEmailColumn:
            return number.fallbackEmail; // not the "none set" of a PBX number without one
        case SecretColumn:
        case InboundAuthColumn:
        case EnabledColumn:
            return QString();
        default:
            return text(row, column);
        }
    default:
        return {};
    }
}

QString NumberTableModel::columnTitle(int column) const
{
    switch (column) {
    case NumberColumn:
        return tr("Number");
    case LabelColumn:
        return tr("Label");
    case ProviderColumn:
        return tr("Provider");
    case PlanColumn:
        return tr("Plan");
    case WebhookUrlColumn:
        return tr("Webhook URL");
    case SecretColumn:
        return tr("Outbound\nsecret"); // two lines: the column's values are short
    case InboundAuthColumn:
        return tr("Inbound\ncheck");
    case FallbackEmailColumn:
        return tr("Fallback\nemail"); // two lines: the webhook URL keeps its room
    case EnabledColumn:
        return tr("Enabled");
    default:
        return {};
    }
}

void NumberTableModel::setNumbers(const QList<NumberRecord>& numbers)
{
    QList<NumberTableRow> rows;
    rows.reserve(numbers.size());
    for (const NumberRecord& number : numbers)
        rows << makeRow(number);
    setRows(rows);
}

void NumberTableModel::setPlanNames(const QHash<qint64, QString>& names)
{
    if (names == m_planNames)
        return;
    m_planNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, PlanColumn), index(rowCount() - 1, PlanColumn));
}

} // namespace smsdesk
