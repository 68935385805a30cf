// The Dashboard, offscreen, over a real SQLite file: webhooks fired by the simulator at the GUI's
// real listener, sends through the outbox to the simulator's outbound endpoint (both in this
// process), then the tiles as the page reads them through the worker. Also its pure parts: the
// request rate history, the forecast, the chart's scale and the usage levels.

#include "GuiTestContext.h"
#include "HttpTestClient.h"
#include "MainWindow.h"
#include "OutboundEndpoint.h"
#include "OutboundFixture.h"
#include "OutboundService.h"
#include "WebhookFirer.h"
#include "conversations/ConversationsPage.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/DashboardText.h"
#include "dashboard/DashboardTile.h"
#include "dashboard/RequestRateChart.h"
#include "http/HttpServer.h"
#include "inspector/InspectorPage.h"
#include "listener/RequestRateHistory.h"
#include "outbound/BillingCycle.h"
#include "outbound/OutboundDraft.h"
#include "plans/PlansPage.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>
#include <numeric>

using namespace smsdesk;
using test::child;

namespace {

constexpr int kWaitMs = 20000;
const QString kFrontDesk = QStringLiteral("+14045550101");
const QString kSales = QStringLiteral("+14045550102");
const QString kSecret = QStringLiteral("whsec-dash-1b2c3d4e");
const QTimeZone kNewYork("America/New_York");

int sum(const QVector<int>& values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0);
}

} // namespace

class TestDashboardPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<test::OutboundFixture> m_sending;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<DashboardPage> m_page;
    qint64 m_planId = 0;

    AppContext& context() { return m_fixture->context(); }

    qint64 addNumber(const QString& e164, qint64 planId, const QString& label)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = QStringLiteral("oncloud");
        number.label = label;
        number.planId = planId;
        number.hasSecret = true;
        return m_fixture->addNumber(number, {{}, kSecret, {}});
    }

    void sentBefore(const QString& did, int count)
    {
        QSqlQuery query(context().database().connection());
        for (int i = 0; i < count; ++i) {
            query.prepare(QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, status, "
                "provider_message_id, received_at) VALUES ('outbound', 'oncloud', ?, "
                "'+17705550000', 'sent', ?, ?)"));
            query.addBindValue(did);
            query.addBindValue(QStringLiteral("earlier-%1-%2").arg(did).arg(i));
            query.addBindValue(context().clock().nowMs() - 3600000);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
    }

    WebhookFirer::Summary fire(int count, const QString& path = {})
    {
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        options.number = kFrontDesk;
        options.seed = 11;
        options.baseTime = context().clock().nowUtc();
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        QUrl url(m_listener->url());
        if (!path.isEmpty())
            url.setPath(path);
        firer.setUrl(url);
        return firer.run(count, [&](int n) { return samples.sample(n); });
    }

    void queue(const QString& text)
    {
        OutboundDraft draft;
        draft.didE164 = kFrontDesk;
        draft.to = QStringLiteral("(770) 555-0123");
        draft.text = text;
        bool done = false;
        m_sending->service().outbox().queue(draft, [&done](const Outbox::QueueOutcome& outcome) {
            QVERIFY2(!outcome.refused(), qPrintable(outcome.refusal));
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
    }

    void makePage()
    {
        m_page = std::make_unique<DashboardPage>(context(), *m_listener);
        m_page->setTimeZone(kNewYork);
        m_page->setOutbox(&m_sending->service().outbox());
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    QString text(const char* name) { return child<QLabel>(m_page.get(), name)->text(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(kNewYork.isValid()); }

    void init()
    {
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = 10;
        QVERIFY(m_fixture->addPlan(plan) > 0);
        m_planId = plan.id;

        m_sending = std::make_unique<test::OutboundFixture>();
        QVERIFY2(m_sending->listen(kSecret, &error), qPrintable(error));
        m_sending->startService(context(), 5000, 2, kNewYork);

        m_listener = std::make_unique<ListenerController>(context(),
                                                          test::GuiTestContext::loopbackListener());
    }

    void cleanup()
    {
        m_page.reset();
        m_listener.reset();
        m_sending.reset();
        m_fixture.reset();
    }

    // --- the pure parts ---

    void rateHistoryCountsPerSecondOverItsWindow()
    {
        RequestRateHistory history(10);
        const qint64 t = 1'700'000'000'000;
        history.add(t);
        history.add(t + 300);
        history.add(t + 1500);
        history.add(t + 9999);
        QCOMPARE(history.perSecond(t + 9999), QVector<int>({2, 1, 0, 0, 0, 0, 0, 0, 0, 1}));
        QCOMPARE(history.peak(t + 9999), 2);
        QCOMPARE(history.mean(t + 9999, 2), 0.5);
        // Ten seconds later the first second has left the window.
        QCOMPARE(history.perSecond(t + 10000), QVector<int>({1, 0, 0, 0, 0, 0, 0, 0, 1, 0}));
        history.add(t + 25000);
        QCOMPARE(sum(history.perSecond(t + 25000)), 1);
        // Older than the window: ignored.
        history.add(t);
        QCOMPARE(sum(history.perSecond(t + 25000)), 1);
        // Out of order within the window: counted in its second.
        history.add(t + 24100);
        QCOMPARE(history.perSecond(t + 25000).at(8), 1);
    }

    void forecastExtrapolatesTheRateSoFar()
    {
        const qint64 day = 24 * 3600 * 1000;
        // 10 in the first 10 days of a 30-day cycle: 30.
        QCOMPARE(DashboardReader::forecast(10, 0, 30 * day, 10 * day), qint64(30));
        // The rate is taken over an hour at least.
        QCOMPARE(DashboardReader::forecast(1, 0, 30 * day, 1000), qint64(720));
        // At or past the end: what was used.
        QCOMPARE(DashboardReader::forecast(7, 0, 30 * day, 31 * day), qint64(7));
        QCOMPARE(DashboardReader::forecast(0, 0, 30 * day, 10 * day), qint64(0));
    }

    void levelsAndScale()
    {
        PlanUsage usage;
        usage.hasPlan = true;
        usage.limit = 10;
        usage.used = 7;
        QCOMPARE(DashboardText::level(usage), DashboardText::Level::Normal);
        usage.used = 8;
        QCOMPARE(DashboardText::level(usage), DashboardText::Level::Warning);
        usage.used = 10;
        QCOMPARE(DashboardText::level(usage), DashboardText::Level::Alarm);
        usage.used = 12;
        QCOMPARE(DashboardText::level(usage), DashboardText::Level::Alarm);
        usage.hasPlan = false;
        QCOMPARE(DashboardText::level(usage), DashboardText::Level::Normal);
        QCOMPARE(RequestRateChart::scaleFor(0), 1);
        QCOMPARE(RequestRateChart::scaleFor(3), 5);
        QCOMPARE(RequestRateChart::scaleFor(12), 20);
        QCOMPARE(RequestRateChart::scaleFor(50), 50);
        QCOMPARE(RequestRateChart::scaleFor(51), 100);
    }

    // --- the page over real requests and sends ---

    void showsRequestsSendsFailuresAndUsage()
    {
        // The listener dates what it stores by the time a request arrived (the wall clock):
        // the store's clock must agree with it for "today" and the cycle.
        m_fixture->clock().set(QDateTime::currentDateTimeUtc());
        const qint64 front = addNumber(kFrontDesk, m_planId, QStringLiteral("Front desk"));
        const qint64 sales = addNumber(kSales, 0, QStringLiteral("Sales"));
        m_listener->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_listener->state(), ListenerController::State::Running, kWaitMs);
        makePage();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->snapshot().has_value(), kWaitMs);
        QElapsedTimer shown;
        shown.start();
        const int readsBefore = m_page->readCount();
        QCOMPARE(text("listenerStateLabel"),
                 ListenerController::stateText(ListenerController::State::Running));
        QCOMPARE(text("listenerAddressLabel"), m_listener->url());

        // Three webhooks stored, two refused as malformed; two for no webhook at that path,
        // which the Failures page does not count (scanners), nor does the tile.
        QVERIFY(fire(3).allOk());
        for (int i = 0; i < 2; ++i) {
            test::HttpTestClient client(quint16(QUrl(m_listener->url()).port()));
            QVERIFY(client.waitConnected());
            client.send(test::HttpTestClient::post("/webhooks/oncloud", "{not json"));
            const std::optional<test::HttpTestResponse> answer = client.response();
            QVERIFY(answer);
            QCOMPARE(answer->status, 400);
        }
        const WebhookFirer::Summary refused = fire(2, QStringLiteral("/webhooks/nowhere"));
        QCOMPARE(refused.byStatus.value(404), 2);
        // Eight sends the provider accepts, one it refuses with WH-2.
        for (int i = 0; i < 8; ++i)
            queue(QStringLiteral("Your order %1 is ready").arg(i));
        queue(QStringLiteral("[WH-2] this one fails"));
        QTRY_COMPARE_WITH_TIMEOUT(m_sending->endpoint().records().size(), 9, kWaitMs);

        QTRY_COMPARE_WITH_TIMEOUT(text("todayOutLabel"), QStringLiteral("9"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(text("failuresCountLabel"), QStringLiteral("3"), kWaitMs);
        QCOMPARE(text("todayInLabel"), QStringLiteral("3"));
        QCOMPARE(text("cycleInLabel"), QStringLiteral("3"));
        QCOMPARE(text("cycleOutLabel"), QStringLiteral("9"));
        const QString causes = text("failuresCausesLabel");
        QVERIFY2(causes.contains(QStringLiteral("<b>2</b>&nbsp;&nbsp;Refused: malformed<br>")),
                 qPrintable(causes));
        QVERIFY2(causes.contains(QStringLiteral("<b>1</b>&nbsp;&nbsp;WH-2: ")), qPrintable(causes));
        QVERIFY2(causes.contains(QStringLiteral("unresolved, as on the Failures page")),
                 qPrintable(causes));

        // The plan: 8 of 10 used (the refused send used nothing), a warning, with the days
        // left in this month's cycle and the forecast at this rate (forecast() itself is
        // checked with fixed numbers above).
        auto* bar =
            child<QProgressBar>(m_page.get(), qPrintable(QStringLiteral("planBar_%1").arg(front)));
        QVERIFY(bar);
        QCOMPARE(bar->value(), 8);
        QCOMPARE(bar->maximum(), 10);
        QCOMPARE(bar->property("level").toInt(), int(DashboardText::Level::Warning));
        const QString detail =
            child<QLabel>(m_page.get(), qPrintable(QStringLiteral("planDetail_%1").arg(front)))
                ->text();
        QVERIFY2(detail.contains(QStringLiteral("8 of 10 (80 %)")), qPrintable(detail));
        const BillingCycle cycle =
            BillingCycle::containing(context().clock().nowUtc(), 1, kNewYork);
        QVERIFY2(detail.contains(QStringLiteral("%1 day(s) left").arg(cycle.daysLeft())),
                 qPrintable(detail));
        const qint64 forecast =
            DashboardReader::forecast(8, cycle.startMs(), cycle.endMs(), context().clock().nowMs());
        QVERIFY(forecast >= 8);
        QVERIFY2(detail.contains(QStringLiteral("forecast %1 this cycle").arg(forecast)),
                 qPrintable(detail));
        QCOMPARE(detail.contains(QStringLiteral("over the limit at this rate")), forecast > 10);
        const QString salesDetail =
            child<QLabel>(m_page.get(), qPrintable(QStringLiteral("planDetail_%1").arg(sales)))
                ->text();
        QVERIFY2(salesDetail.startsWith(QStringLiteral("no plan")), qPrintable(salesDetail));

        // The chart counted the seven requests from the listener's events.
        QTRY_COMPARE(sum(child<RequestRateChart>(m_page.get(), "rateChart")->values()), 7);
        QCOMPARE(m_page->rateHistory().perSecond(QDateTime::currentMSecsSinceEpoch()).size(),
                 RequestRateHistory::DefaultSeconds);

        // All that in reads at most once a second.
        const int reads = m_page->readCount() - readsBefore;
        QVERIFY2(reads <= shown.elapsed() / DashboardPage::MinReadIntervalMs + 1,
                 qPrintable(QStringLiteral("%1 reads in %2 ms").arg(reads).arg(shown.elapsed())));
        QVERIFY(reads >= 1);
    }

    void alarmsAtTheLimitAndReadsNothingWhileHidden()
    {
        const qint64 front = addNumber(kFrontDesk, m_planId, QString());
        sentBefore(kFrontDesk, 10);
        makePage();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->snapshot().has_value(), kWaitMs);
        auto* bar =
            child<QProgressBar>(m_page.get(), qPrintable(QStringLiteral("planBar_%1").arg(front)));
        QVERIFY(bar);
        QCOMPARE(bar->property("level").toInt(), int(DashboardText::Level::Alarm));
        QCOMPARE(bar->format(), QStringLiteral("100 %"));
        QCOMPARE(text("listenerStateLabel"),
                 ListenerController::stateText(ListenerController::State::Stopped));

        m_page->hide();
        const int reads = m_page->readCount();
        m_page->markDirty();
        QTest::qWait(2 * DashboardPage::MinReadIntervalMs + 200);
        QCOMPARE(m_page->readCount(), reads);
        QSignalSpy refreshed(m_page.get(), &DashboardPage::refreshed);
        m_page->show();
        QVERIFY(refreshed.wait(kWaitMs));
        QCOMPARE(m_page->readCount(), reads + 1);
    }

    void everyTileOpensThePageBehindIt()
    {
        makePage();
        QSignalSpy requested(m_page.get(), &DashboardPage::pageRequested);
        const QList<QPair<const char*, DashboardPage::Target>> tiles = {
            {"listenerTile", DashboardPage::Target::Inspector},
            {"rateTile", DashboardPage::Target::Inspector},
            {"messagesTile", DashboardPage::Target::Conversations},
            {"failuresTile", DashboardPage::Target::Failures},
            {"plansTile", DashboardPage::Target::Plans},
        };
        for (const auto& [name, target] : tiles) {
            auto* tile = child<DashboardTile>(m_page.get(), name);
            QVERIFY(tile);
            QTest::mouseClick(tile, Qt::LeftButton, {}, QPoint(5, 5));
            QCOMPARE(requested.size(), 1);
            QCOMPARE(requested.takeFirst().at(0).value<DashboardPage::Target>(), target);
            QVERIFY(test::GuiTestContext::focus(tile));
            QTest::keyClick(tile, Qt::Key_Return);
            QCOMPARE(requested.size(), 1);
            QCOMPARE(requested.takeFirst().at(0).value<DashboardPage::Target>(), target);
        }
    }

    void mainWindowHasItAfterConversations()
    {
        m_listener.reset();
        MainWindow window(context());
        QVERIFY(test::GuiTestContext::activate(&window));
        // The Dashboard never widens the window: its tiles scroll.
        QVERIFY2(window.dashboardPage()->minimumSizeHint().width() <= 700,
                 qPrintable(QString::number(window.dashboardPage()->minimumSizeHint().width())));
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_2));
        QTRY_COMPARE(window.currentPage(), static_cast<QWidget*>(window.dashboardPage()));
        QTest::mouseClick(child<DashboardTile>(window.dashboardPage(), "messagesTile"),
                          Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(window.conversationsPage()));
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_2));
        QTRY_COMPARE(window.currentPage(), static_cast<QWidget*>(window.dashboardPage()));
        QTest::mouseClick(child<DashboardTile>(window.dashboardPage(), "plansTile"), Qt::LeftButton,
                          {}, QPoint(5, 5));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(window.plansPage()));
        window.showPage(window.dashboardPage());
        QTest::mouseClick(child<DashboardTile>(window.dashboardPage(), "failuresTile"),
                          Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(window.inspectorPage()));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "TestDashboardPage.moc"
