#pragma once

#include "listener/RequestRateHistory.h"
#include "support/DashboardReader.h"
#include "widgets/LatestRead.h"

#include <QElapsedTimer>
#include <QTimeZone>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class DashboardPage;
}

namespace smsdesk {

class AppContext;
class DashboardTile;
class ListenerController;
class Outbox;
struct ListenerEvent;

// The Dashboard: what an administrator checks at a glance. Tiles for the listener (state and
// address), the requests per second of the last ten minutes (a live chart, counted from the
// listener's events, never from the store), messages in and out today and in the billing
// cycle, the unresolved failures by cause, and every enabled number's plan usage as a bar
// (warning at 80 %, alarm at 100 %) with its days left and a forecast of the cycle's total.
// Every tile opens the page behind it (pageRequested()).
//
// Live: while the page is shown it reads the store (DashboardReader, through the
// DatabaseWorker, never on the GUI thread) at most once a second: when the listener handled a
// request, a send moved or the numbers changed since the last read, and every
// IdleRefreshMs otherwise (other desks of a shared database, midnight).
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    enum class Target
    {
        Inspector,     // the listener and its requests
        Conversations, // the messages
        Failures,      // the failures (the Inspector until the Failures page exists)
        Plans,         // plan usage
    };
    Q_ENUM(Target)

    static constexpr int MinReadIntervalMs = 1000;
    static constexpr int IdleRefreshMs = 10000;
    // A read starts at least this many times its last duration after the last one started, so
    // that on a large store the page takes at most a fifth of the worker it shares.
    static constexpr int ReadSpacingFactor = 5;

    // `context` and `listener` must outlive the page.
    DashboardPage(AppContext& context, ListenerController& listener, QWidget* parent = nullptr);
    ~DashboardPage() override;

    // Sends moving through `outbox` refresh the page (nullptr: none).
    void setOutbox(Outbox* outbox);
    // The zone of "today" and the billing cycles (default the system's).
    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }

    // The last snapshot read, if any.
    const std::optional<DashboardReader::Snapshot>& snapshot() const { return m_snapshot; }
    // Reads started so far (tests check the once-a-second limit with it).
    int readCount() const { return m_readCount; }
    const RequestRateHistory& rateHistory() const { return m_rates; }

public Q_SLOTS:
    // Something the page shows changed: it reads again at the next chance (at most once a
    // second, and only while shown).
    void markDirty();

Q_SIGNALS:
    void pageRequested(smsdesk::DashboardPage::Target target);
    // A snapshot was read and shown (tests wait for it).
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void tick();
    void startRead();
    void showSnapshot(const DashboardReader::Snapshot& snapshot);
    void showListener();
    void showRate();
    void showPlans(const DashboardReader::Snapshot& snapshot);
    void onRequestHandled(const ListenerEvent& event);
    void connectTile(DashboardTile* tile, Target target);

    AppContext& m_context;
    ListenerController& m_listener;
    std::unique_ptr<Ui::DashboardPage> m_ui;
    LatestRead m_read;
    QTimer m_timer;
    QElapsedTimer m_sinceRead; // invalid: never read
    qint64 m_lastReadMs = 0;   // how long the last read took
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    RequestRateHistory m_rates;
    std::optional<DashboardReader::Snapshot> m_snapshot;
    bool m_dirty = true;
    bool m_reading = false;
    int m_readCount = 0;
};

} // namespace smsdesk
