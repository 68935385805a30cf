#pragma once

#include "store/RequestLogReader.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class RequestDetailPane;
}

namespace smsdesk {

class ProviderRegistry;

// The inspector's detail of one logged webhook request, in tabs:
// - Request: the request line, peer and local time, the headers (secrets always shown as
//   "[redacted]"), the body (JSON re-indented with its key order and number digits kept, a
//   field table for form bodies, else the text) and a hex + ASCII dump of its bytes.
// - Parsed: the request read again by its provider's adapter: the messages or status reports
//   it carries, or why the adapter refuses it. Reads nothing from and writes nothing to the store.
//   When the request stored a message (entry.messageId), an "Open conversation" link under it
//   emits conversationRequested().
// - Response: what the listener answered and how long it took.
// - Reason: the outcome and its reason, for refused and failed requests only.
// Without an entry it shows "Select a request".
class RequestDetailPane : public QWidget
{
    Q_OBJECT

public:
    enum Tab
    {
        RequestTab,
        ParsedTab,
        ResponseTab,
        ReasonTab,
    };

    // The hex dump shows at most this many bytes.
    static constexpr int MaxDumpBytes = 256 * 1024;

    // `providers` must outlive the pane.
    explicit RequestDetailPane(const ProviderRegistry& providers, QWidget* parent = nullptr);
    ~RequestDetailPane() override;

    // Shows `entry`; give it with its whole body (RequestLogReader::find()).
    void setEntry(const RequestLogEntry& entry);
    // Back to the "Select a request" placeholder.
    void clear();
    // The entry shown; nullptr when none.
    const RequestLogEntry* entry() const { return m_entry ? &*m_entry : nullptr; }

    // The region national-format numbers are read in when the adapter cannot tell (the
    // listener's setting); "US" until set.
    void setDefaultRegion(const QString& region);

    // The href of the Parsed tab's "Open conversation" link.
    static QString conversationHref() { return QStringLiteral("smsdesk-conversation:open"); }

Q_SIGNALS:
    // The user followed the Parsed tab's "Open conversation" link of the entry shown, whose
    // request stored message `messageId`.
    void conversationRequested(qint64 messageId);

private:
    void showRequest(const RequestLogEntry& entry);
    void showBody(const RequestLogEntry& entry);
    void showParsed(const RequestLogEntry& entry);
    void showResponse(const RequestLogEntry& entry);
    void showReason(const RequestLogEntry& entry);
    // Gives the headers table the height of its rows (at most 45 %), until the user moves it.
    void fitSplitter();

    std::unique_ptr<Ui::RequestDetailPane> m_ui;
    const ProviderRegistry& m_providers;
    std::optional<RequestLogEntry> m_entry;
    QString m_defaultRegion = QStringLiteral("US");
    bool m_splitterMoved = false;
};

} // namespace smsdesk
