#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace smsdesk {

// Every setting of SMS Desk, typed, in one place: no other file spells a key. Stored with
// QSettings in the user's settings file (on Linux ~/.config/smsdesk/smsdesk.conf, or under
// $XDG_CONFIG_HOME); AppContext owns one and hands it down. Values are returned as stored,
// with their defaults: checking them (an address that does not parse, a policy that is not
// keep or refuse) is the reader's job, and its error names the key (the *Key constants).
// Not thread-safe: use it on the thread that owns the AppContext.
class Settings
{
public:
    // The listener (the window's and --headless).
    static constexpr QLatin1String ListenKey{"listener/listen"};
    static constexpr QLatin1String UnassignedKey{"listener/unassigned"};
    static constexpr QLatin1String RetentionDaysKey{"listener/retentionDays"};
    static constexpr QLatin1String AutostartKey{"listener/autostart"};
    static constexpr QLatin1String DefaultListen{"127.0.0.1:8080"};
    static constexpr QLatin1String DefaultUnassigned{"keep"};
    // Numbers typed without a country code.
    static constexpr QLatin1String DefaultRegionKey{"phone/defaultRegion"};
    // Sending (the outbox: the window, `smsdesk send`, --headless).
    static constexpr QLatin1String OutboundBaseKey{"outbound/base"};
    static constexpr QLatin1String OutboundTimeoutSecondsKey{"outbound/timeoutSeconds"};
    static constexpr QLatin1String OutboundMaxAttemptsKey{"outbound/maxAttempts"};
    // Provider administration: Zonitel's API (webhook registration).
    static constexpr QLatin1String ZonitelApiBaseKey{"zonitel/apiBase"};
    static constexpr QLatin1String DefaultZonitelApiBase{"https://api.zonitel.com/"};
    // The media archive (the window's and --headless).
    static constexpr QLatin1String MediaArchiveKey{"media/archive"};
    static constexpr QLatin1String MediaMaxFileMegabytesKey{"media/maxFileMegabytes"};
    static constexpr QLatin1String MediaMaxTotalMegabytesKey{"media/maxTotalMegabytes"};
    static constexpr int DefaultMediaMaxFileMegabytes = 10;
    static constexpr int DefaultMediaMaxTotalMegabytes = 500;

    // The application's settings file (QSettings with the organisation and application names).
    Settings();
    // An INI file of its own (tests, tools).
    explicit Settings(const QString& iniPath);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // Where the settings are kept.
    QString fileName() const;
    // Writes what is pending to the file now (it is also written on destruction).
    void sync();
    // Forgets every setting (tests).
    void clear();

    // --- listener ------------------------------------------------------------------------------
    // HOST:PORT as typed (default 127.0.0.1:8080).
    QString listen() const;
    void setListen(const QString& listen);
    // What to do with messages for numbers that are not provisioned: "keep" (default) or
    // "refuse", as stored.
    QString unassigned() const;
    void setUnassigned(const QString& policy);
    // Days the request log is kept, as stored (default: the listener's, 30; 0 keeps it
    // forever).
    QString retentionDays() const;
    void setRetentionDays(int days);
    // Start the listener when the window opens (default true).
    bool autostart() const;
    void setAutostart(bool autostart);

    // --- phone numbers -------------------------------------------------------------------------
    // ISO 3166 region for numbers typed without a country code; empty when not set (the
    // system's region applies).
    QString defaultRegion() const;
    void setDefaultRegion(const QString& region);

    // --- sending -------------------------------------------------------------------------------
    // The base URL of onCloud's outbound API, as stored (default
    // https://api.cloudspirevoice.com/).
    QString outboundBase() const;
    void setOutboundBase(const QString& base);
    // Seconds to wait for onCloud's answer to one send, as stored (default 30).
    QString outboundTimeoutSeconds() const;
    void setOutboundTimeoutSeconds(int seconds);
    // Attempts at a message that fails for a transient reason before it is failed, as stored
    // (default 5).
    QString outboundMaxAttempts() const;
    void setOutboundMaxAttempts(int attempts);

    // --- provider administration -------------------------------------------------------------
    // The base URL of Zonitel's API, where numbers' webhook URLs are registered, as stored
    // (default https://api.zonitel.com/).
    QString zonitelApiBase() const;
    void setZonitelApiBase(const QString& base);

    // --- the media archive ---------------------------------------------------------------------
    // Keep a copy of each media file of inbound messages (default true).
    bool mediaArchive() const;
    void setMediaArchive(bool archive);
    // The largest file kept, in MB (default 10; values below 1 read as 1).
    int mediaMaxFileMegabytes() const;
    void setMediaMaxFileMegabytes(int megabytes);
    // The most the archive holds, in MB (default 500; values below 1 read as 1); new files are
    // refused once it is full.
    int mediaMaxTotalMegabytes() const;
    void setMediaMaxTotalMegabytes(int megabytes);

    // --- the main window (opaque states from saveGeometry(), saveState() …) --------------------
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray windowSplitter() const;
    void setWindowSplitter(const QByteArray& state);
    int windowPage() const; // default 0
    void setWindowPage(int page);

    // --- the Conversations page ----------------------------------------------------------------
    QByteArray conversationsSplitter() const;
    void setConversationsSplitter(const QByteArray& state);
    // A desktop notification for each new message from them while the window is not active
    // (default true).
    bool notifyNewMessages() const;
    void setNotifyNewMessages(bool notify);

    // --- the Inspector page --------------------------------------------------------------------
    QByteArray inspectorSplitter() const;
    void setInspectorSplitter(const QByteArray& state);
    QByteArray inspectorDetailSplitter() const;
    void setInspectorDetailSplitter(const QByteArray& state);
    QByteArray inspectorHeader() const;
    void setInspectorHeader(const QByteArray& state);

    // The Inspector's filter widgets, as last left.
    struct InspectorFilter
    {
        QStringList outcomes; // outcome codes checked; empty: all
        QString provider;     // provider id, "*" (all, the default) or "-" (none)
        qint64 numberId = 0;  // 0: all numbers
        QString timeRange;    // "all" (default), "15m", "1h", "24h", "7d", "custom"
        QDateTime from, to;   // the custom range, UTC; invalid when never set
        QString text;         // the text search
    };
    InspectorFilter inspectorFilter() const;
    void setInspectorFilter(const InspectorFilter& filter);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace smsdesk
