#include "Settings.h"

#include "listener/WebhookListener.h"
#include "outbound/OnCloudOutboundClient.h"
#include "outbound/RetryPolicy.h"

#include <QSettings>
#include <algorithm>

namespace smsdesk {

namespace {

// Keys only this file reads (the ones readers name in errors are public in the header).
constexpr QLatin1String kWindowGeometryKey{"mainWindow/geometry"};
constexpr QLatin1String kWindowStateKey{"mainWindow/state"};
constexpr QLatin1String kWindowSplitterKey{"mainWindow/splitter"};
constexpr QLatin1String kWindowPageKey{"mainWindow/page"};
constexpr QLatin1String kInspectorSplitterKey{"inspector/splitter"};
constexpr QLatin1String kConversationsSplitterKey{"conversations/splitter"};
constexpr QLatin1String kNotifyNewMessagesKey{"conversations/notifyNewMessages"};
constexpr QLatin1String kInspectorDetailSplitterKey{"inspector/detailSplitter"};
constexpr QLatin1String kInspectorHeaderKey{"inspector/header"};
constexpr QLatin1String kFilterOutcomesKey{"inspector/filter/outcomes"};
constexpr QLatin1String kFilterProviderKey{"inspector/filter/provider"};
constexpr QLatin1String kFilterNumberKey{"inspector/filter/number"};
constexpr QLatin1String kFilterTimeKey{"inspector/filter/time"};
constexpr QLatin1String kFilterFromKey{"inspector/filter/from"};
constexpr QLatin1String kFilterToKey{"inspector/filter/to"};
constexpr QLatin1String kFilterTextKey{"inspector/filter/text"};

// The whole number stored under `key`, at least 1; `fallback` when none is stored.
int positiveInt(const QSettings& settings, QLatin1String key, int fallback)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? std::max(1, value) : fallback;
}

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

void Settings::clear()
{
    m_settings->clear();
}

QString Settings::listen() const
{
    return m_settings->value(ListenKey, QString(DefaultListen)).toString();
}

void Settings::setListen(const QString& listen)
{
    m_settings->setValue(ListenKey, listen);
}

QString Settings::unassigned() const
{
    return m_settings->value(UnassignedKey, QString(DefaultUnassigned)).toString();
}

void Settings::setUnassigned(const QString& policy)
{
    m_settings->setValue(UnassignedKey, policy);
}

QString Settings::retentionDays() const
{
    return m_settings
        ->value(RetentionDaysKey, WebhookListener::Options::DefaultRequestLogRetentionDays)
        .toString();
}

void Settings::setRetentionDays(int days)
{
    m_settings->setValue(RetentionDaysKey, days);
}

bool Settings::autostart() const
{
    return m_settings->value(AutostartKey, true).toBool();
}

void Settings::setAutostart(bool autostart)
{
    m_settings->setValue(AutostartKey, autostart);
}

QString Settings::defaultRegion() const
{
    return m_settings->value(DefaultRegionKey).toString();
}

void Settings::setDefaultRegion(const QString& region)
{
    m_settings->setValue(DefaultRegionKey, region);
}

QString Settings::outboundBase() const
{
    return m_settings->value(OutboundBaseKey, QString(OnCloudOutboundClient::DefaultBase))
        .toString();
}

void Settings::setOutboundBase(const QString& base)
{
    m_settings->setValue(OutboundBaseKey, base);
}

QString Settings::zonitelApiBase() const
{
    return m_settings->value(ZonitelApiBaseKey, QString(DefaultZonitelApiBase)).toString();
}

void Settings::setZonitelApiBase(const QString& base)
{
    m_settings->setValue(ZonitelApiBaseKey, base);
}

QString Settings::outboundTimeoutSeconds() const
{
    return m_settings
        ->value(OutboundTimeoutSecondsKey, OnCloudOutboundClient::DefaultTimeoutMs / 1000)
        .toString();
}

void Settings::setOutboundTimeoutSeconds(int seconds)
{
    m_settings->setValue(OutboundTimeoutSecondsKey, seconds);
}

QString Settings::outboundMaxAttempts() const
{
    return m_settings->value(OutboundMaxAttemptsKey, RetryPolicy().maxAttempts).toString();
}

void Settings::setOutboundMaxAttempts(int attempts)
{
    m_settings->setValue(OutboundMaxAttemptsKey, attempts);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(kWindowGeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(kWindowGeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kWindowStateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(kWindowStateKey, state);
}

QByteArray Settings::windowSplitter() const
{
    return m_settings->value(kWindowSplitterKey).toByteArray();
}

void Settings::setWindowSplitter(const QByteArray& state)
{
    m_settings->setValue(kWindowSplitterKey, state);
}

int Settings::windowPage() const
{
    return m_settings->value(kWindowPageKey, 0).toInt();
}

void Settings::setWindowPage(int page)
{
    m_settings->setValue(kWindowPageKey, page);
}

QByteArray Settings::conversationsSplitter() const
{
    return m_settings->value(kConversationsSplitterKey).toByteArray();
}

void Settings::setConversationsSplitter(const QByteArray& state)
{
    m_settings->setValue(kConversationsSplitterKey, state);
}

bool Settings::notifyNewMessages() const
{
    return m_settings->value(kNotifyNewMessagesKey, true).toBool();
}

void Settings::setNotifyNewMessages(bool notify)
{
    m_settings->setValue(kNotifyNewMessagesKey, notify);
}

bool Settings::mediaArchive() const
{
    return m_settings->value(MediaArchiveKey, true).toBool();
}

void Settings::setMediaArchive(bool archive)
{
    m_settings->setValue(MediaArchiveKey, archive);
}

int Settings::mediaMaxFileMegabytes() const
{
    return positiveInt(*m_settings, MediaMaxFileMegabytesKey, DefaultMediaMaxFileMegabytes);
}

void Settings::setMediaMaxFileMegabytes(int megabytes)
{
    m_settings->setValue(MediaMaxFileMegabytesKey, megabytes);
}

int Settings::mediaMaxTotalMegabytes() const
{
    return positiveInt(*m_settings, MediaMaxTotalMegabytesKey, DefaultMediaMaxTotalMegabytes);
}

void Settings::setMediaMaxTotalMegabytes(int megabytes)
{
    m_settings->setValue(MediaMaxTotalMegabytesKey, megabytes);
}

QByteArray Settings::inspectorSplitter() const
{
    return m_settings->value(kInspectorSplitterKey).toByteArray();
}

void Settings::setInspectorSplitter(const QByteArray& state)
{
    m_settings->setValue(kInspectorSplitterKey, state);
}

QByteArray Settings::inspectorDetailSplitter() const
{
    return m_settings->value(kInspectorDetailSplitterKey).toByteArray();
}

void Settings::setInspectorDetailSplitter(const QByteArray& state)
{
    m_settings->setValue(kInspectorDetailSplitterKey, state);
}

QByteArray Settings::inspectorHeader() const
{
    return m_settings->value(kInspectorHeaderKey).toByteArray();
}

void Settings::setInspectorHeader(const QByteArray& state)
{
    m_settings->setValue(kInspectorHeaderKey, state);
}

Settings::InspectorFilter Settings::inspectorFilter() const
{
    InspectorFilter filter;
    filter.outcomes = m_settings->value(kFilterOutcomesKey).toStringList();
    filter.provider = m_settings->value(kFilterProviderKey, QStringLiteral("*")).toString();
    filter.numberId = m_settings->value(kFilterNumberKey, 0).toLongLong();
    filter.timeRange = m_settings->value(kFilterTimeKey, QStringLiteral("all")).toString();
    filter.from = m_settings->value(kFilterFromKey).toDateTime();
    filter.to = m_settings->value(kFilterToKey).toDateTime();
    filter.text = m_settings->value(kFilterTextKey).toString();
    return filter;
}

void Settings::setInspectorFilter(const InspectorFilter& filter)
{
    m_settings->setValue(kFilterOutcomesKey, filter.outcomes);
    m_settings->setValue(kFilterProviderKey, filter.provider);
    m_settings->setValue(kFilterNumberKey, filter.numberId);
    m_settings->setValue(kFilterTimeKey, filter.timeRange);
    m_settings->setValue(kFilterFromKey, filter.from);
    m_settings->setValue(kFilterToKey, filter.to);
    m_settings->setValue(kFilterTextKey, filter.text);
}

} // namespace smsdesk
