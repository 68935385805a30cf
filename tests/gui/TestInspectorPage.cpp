// The Inspector page and the GUI's listener, over real sockets: a ListenerController on
// 127.0.0.1 (port 0), real webhooks from the simulator's firer, a real SQLite store read
// through the DatabaseWorker, and the page driven like a person would.
#include "GuiTestContext.h"
#include "HttpTestClient.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "inspector/InspectorFilterBar.h"
#include "inspector/InspectorPage.h"
#include "inspector/MessageTimelineView.h"
#include "inspector/RequestDetailPane.h"
#include "inspector/RequestLogModel.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/PathToken.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/MessageTimeline.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QHash>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace smsdesk;
using test::child;

namespace {

const QString kOnCloudNumber = QStringLiteral("+14045559999"); // the simulator's default
const QString kZonitelNumber = QStringLiteral("+10000000020"); // the simulator's default
const QByteArray kOnCloudAuth = QByteArrayLiteral("Bearer inspector-sekrit-7781");
const QDateTime kBaseTime(QDate(2026, 2, 13), QTime(19, 0), Qt::UTC);

} // namespace

class TestInspectorPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<InspectorPage> m_page;
    qint64 m_onCloudId = 0;
    qint64 m_zonitelId = 0;

    qint64 addNumber(const QString& e164, const QString& provider, const QByteArray& auth = {},
                     bool pathToken = false, bool enabled = true)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.enabled = enabled;
        number.label = QStringLiteral("desk %1").arg(provider);
        number.hasAuthHeader = !auth.isEmpty();
        if (pathToken)
            number.pathTokenHash = PathToken::hash(PathToken::generate().toLatin1());
        return m_fixture->addNumber(number, {QString::fromLatin1(auth), {}, {}});
    }

    bool startListener()
    {
        m_listener->start();
        return QTest::qWaitFor(
            [this] { return m_listener->state() == ListenerController::State::Running; }, 10000);
    }

    void makePage(QSize size = QSize(1100, 700))
    {
        m_page = std::make_unique<InspectorPage>(m_fixture->context(), *m_listener);
        m_page->resize(size);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    static WebhookSampleFactory factory(const QString& provider, const QByteArray& auth = {})
    {
        WebhookSampleFactory::Options options;
        options.provider = provider;
        options.authorization = auth;
        options.seed = 7;
        options.baseTime = kBaseTime;
        return WebhookSampleFactory(options);
    }

    // Fires samples first..first+count-1 of `provider` at the listener.
    WebhookFirer::Summary fire(const QString& provider, int count, int first = 0,
                               const QByteArray& auth = {})
    {
        const WebhookSampleFactory samples = factory(provider, auth);
        WebhookFirer firer;
        firer.setUrl(QUrl(m_listener->url()));
        firer.setConcurrency(2);
        return firer.run(count, [&](int n) { return samples.sample(first + n); });
    }

    int rows() const { return m_page->model()->rowCount(); }

    QStringList column(int column) const
    {
        QStringList values;
        for (int row = 0; row < rows(); ++row)
            values.append(m_page->model()->index(row, column).data().toString());
        return values;
    }

    QTableView* table() const { return m_page->view(); }

    // The id of the row at the top of the table's viewport.
    qint64 topVisibleId() const
    {
        return table()->indexAt(QPoint(2, 2)).data(RequestLogModel::IdRole).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_inspector"));
    }

    void init()
    {
        Settings().clear();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_onCloudId = addNumber(kOnCloudNumber, QStringLiteral("oncloud"), kOnCloudAuth);
        m_zonitelId = addNumber(kZonitelNumber, QStringLiteral("zonitel"));
        QVERIFY(m_onCloudId > 0 && m_zonitelId > 0);
        m_listener = std::make_unique<ListenerController>(m_fixture->context(),
                                                          test::GuiTestContext::loopbackListener());
    }

    void cleanup()
    {
        m_page.reset();
        m_listener.reset();
        m_fixture.reset();
    }

    // --- the listener controller ---------------------------------------------------------

    void settingsAreReadLikeHeadless()
    {
        Settings settings;
        ListenerController::Config config;
        QString error;
        QVERIFY2(ListenerController::optionsFromSettings(settings, {}, &config, &error),
                 qPrintable(error));
        QCOMPARE(config.listen, QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(8080));
        QCOMPARE(config.options.listener.unassigned, WebhookListener::UnassignedPolicy::Keep);
        QCOMPARE(config.options.listener.requestLogRetentionDays,
                 WebhookListener::Options::DefaultRequestLogRetentionDays);
        QVERIFY(settings.autostart());

        settings.setListen(QStringLiteral("0.0.0.0:9000"));
        settings.setUnassigned(QStringLiteral("refuse"));
        settings.setRetentionDays(0);
        settings.setAutostart(false);
        QVERIFY(ListenerController::optionsFromSettings(settings, {}, &config, &error));
        QCOMPARE(config.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(config.port, quint16(9000));
        QCOMPARE(config.options.listener.unassigned, WebhookListener::UnassignedPolicy::Refuse);
        QCOMPARE(config.options.listener.requestLogRetentionDays, 0);
        QVERIFY(!settings.autostart());

        // The command line wins over the settings.
        ListenerController::Overrides overrides;
        overrides.listen = QStringLiteral("[::1]:9100");
        overrides.unassigned = QStringLiteral("keep");
        overrides.retentionDays = QStringLiteral("7");
        QVERIFY(ListenerController::optionsFromSettings(settings, overrides, &config, &error));
        QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(config.port, quint16(9100));
        QCOMPARE(config.options.listener.unassigned, WebhookListener::UnassignedPolicy::Keep);
        QCOMPARE(config.options.listener.requestLogRetentionDays, 7);

        // Errors name what to fix: the option when given, else the setting.
        overrides = {};
        overrides.unassigned = QStringLiteral("drop");
        QVERIFY(!ListenerController::optionsFromSettings(settings, overrides, &config, &error));
        QCOMPARE(error, QStringLiteral("--unassigned takes keep or refuse, not \"drop\""));
        settings.setListen(QStringLiteral("nowhere"));
        QVERIFY(!ListenerController::optionsFromSettings(settings, {}, &config, &error));
        QVERIFY2(error.startsWith(QStringLiteral("setting listener/listen: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("HOST:PORT")), qPrintable(error));
        settings.setListen(QStringLiteral("127.0.0.1:1"));
        settings.setRetentionDays(-3);
        QVERIFY(!ListenerController::optionsFromSettings(settings, {}, &config, &error));
        QVERIFY2(error.startsWith(QStringLiteral("setting listener/retentionDays takes")),
                 qPrintable(error));
    }

    void startsStopsAndStartsAgain()
    {
        makePage();
        auto* state = child<QLabel>(m_page.get(), "listenerStateLabel");
        auto* address = child<QLabel>(m_page.get(), "listenerAddressLabel");
        auto* button = child<QPushButton>(m_page.get(), "startStopButton");
        QCOMPARE(m_listener->state(), ListenerController::State::Stopped);
        QCOMPARE(state->text(), QStringLiteral("Stopped"));
        QCOMPARE(button->text(), QStringLiteral("&Start"));

        QSignalSpy states(m_listener.get(), &ListenerController::stateChanged);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_listener->state(), ListenerController::State::Starting);
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        QCOMPARE(states.first().first().value<ListenerController::State>(),
                 ListenerController::State::Starting);
        const QString url = m_listener->url();
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
        QCOMPARE(state->text(), QStringLiteral("Running"));
        QCOMPARE(address->text(), url);
        QCOMPARE(button->text(), QStringLiteral("S&top"));
        const quint16 port = quint16(QUrl(url).port());

        // Stop: graceful, and the port is closed afterwards.
        QSignalSpy stopped(m_listener.get(), &ListenerController::stopped);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_listener->state(), ListenerController::State::Stopping);
        QVERIFY(!button->isEnabled());
        QVERIFY(stopped.wait(10000));
        QCOMPARE(m_listener->state(), ListenerController::State::Stopped);
        QVERIFY(m_listener->url().isEmpty());
        QCOMPARE(state->text(), QStringLiteral("Stopped"));
        QVERIFY(button->isEnabled());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!socket.waitForConnected(2000));

        // Started again, on a fresh port, it takes webhooks and the page lists them.
        QVERIFY(startListener());
        QVERIFY(!m_listener->url().isEmpty());
        QVERIFY(fire(QStringLiteral("zonitel"), 1).allOk());
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(column(RequestLogModel::OutcomeColumn), QStringList{QStringLiteral("accepted")});
    }

    void reportsAPortInUse()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        m_listener = std::make_unique<ListenerController>(
            m_fixture->context(), test::GuiTestContext::loopbackListener(busy.serverPort()));
        makePage();
        m_listener->start();
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Failed);
        QVERIFY2(m_listener->failureReason().contains(QStringLiteral("already in use")),
                 qPrintable(m_listener->failureReason()));
        QVERIFY(m_listener->url().isEmpty());
        QCOMPARE(child<QLabel>(m_page.get(), "listenerStateLabel")->text(),
                 QStringLiteral("Not running"));
        auto* message = child<QLabel>(m_page.get(), "listenerMessageLabel");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("already in use")),
                 qPrintable(message->text()));
        QCOMPARE(child<QPushButton>(m_page.get(), "startStopButton")->text(),
                 QStringLiteral("&Start"));

        // Once the port is free, Start works and the reason goes away; in its place, the warning
        // that the Zonitel number takes webhooks without a credential.
        busy.close();
        QTest::mouseClick(child<QPushButton>(m_page.get(), "startStopButton"), Qt::LeftButton);
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        QVERIFY(m_listener->failureReason().isEmpty());
        QTRY_VERIFY2(message->text().endsWith(QStringLiteral("can post messages for them: ") +
                                              kZonitelNumber),
                     qPrintable(message->text()));
        QVERIFY(!message->text().contains(QStringLiteral("already in use")));
    }

    void mainWindowStartsTheListenerAndShowsItsState()
    {
        // The window's own listener, configured by the settings, onto a port that is taken.
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        Settings().setListen(QStringLiteral("127.0.0.1:%1").arg(busy.serverPort()));
        MainWindow window(m_fixture->context());
        QVERIFY(window.inspectorPage());
        QVERIFY(test::GuiTestContext::activate(&window));
        auto* status = child<QLabel>(window.statusBar(), "listenerStatusLabel");
        QTRY_VERIFY2(status->text().contains(QStringLiteral("already in use")),
                     qPrintable(status->text()));
        QCOMPARE(window.listener()->state(), ListenerController::State::Failed);

        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_5));
        QTRY_COMPARE(window.currentPage(), static_cast<QWidget*>(window.inspectorPage()));

        busy.close();
        window.listener()->start();
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Listener: running on http://")),
                     qPrintable(status->text()));
    }

    void closingTheWindowAnswersRequestsInFlight()
    {
        Settings().setListen(QStringLiteral("127.0.0.1:0"));
        MainWindow window(m_fixture->context());
        QVERIFY(test::GuiTestContext::activate(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.listener()->state(), ListenerController::State::Running,
                                  10000);
        const auto port = quint16(QUrl(window.listener()->url()).port());

        // A webhook whose last bytes are still on their way when the window is closed.
        test::HttpTestClient inFlight(port);
        const QByteArray request = test::HttpTestClient::post(
            "/webhooks/pbx",
            "service_id=100234&from=61412345678&sms_number=61299999999&body=Closing"
            "&message_id=6f1c7a3e-0000-4000-8000-0000000000c1&timestamp=1576391654",
            "application/x-www-form-urlencoded");
        inFlight.send(request.left(request.size() - 10));
        QVERIFY(inFlight.waitReadByServer()); // the listener has read the head

        QVERIFY(!window.close()); // not yet: the listener is stopping
        QVERIFY(!window.isVisible());
        QCOMPARE(window.listener()->state(), ListenerController::State::Stopping);
        QVERIFY(!window.close()); // a second close changes nothing

        inFlight.send(request.right(10));
        const auto response = inFlight.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QTRY_COMPARE(window.listener()->state(), ListenerController::State::Stopped);
        QSqlQuery stored(m_fixture->context().database().connection());
        QVERIFY(stored.exec(QStringLiteral("SELECT text FROM messages")) && stored.next());
        QCOMPARE(stored.value(0).toString(), QStringLiteral("Closing"));
    }

    void autostartCanBeTurnedOff()
    {
        Settings().setAutostart(false);
        Settings().setListen(QStringLiteral("127.0.0.1:0"));
        MainWindow window(m_fixture->context());
        QVERIFY(test::GuiTestContext::activate(&window));
        QTest::qWait(50);
        QCOMPARE(window.listener()->state(), ListenerController::State::Stopped);
    }

    void countsRequestsPerSecond()
    {
        m_listener->setRateWindowMs(2000);
        makePage();
        QVERIFY(startListener());
        auto* label = child<QLabel>(m_page.get(), "rateLabel");
        QCOMPARE(m_listener->requestsPerSecond(), 0.0);
        QCOMPARE(label->text(), QStringLiteral("0.0 requests/s"));
        // Once the listener has run for a whole window, the rate is the requests in the window
        // per second of it.
        QTest::qWait(m_listener->rateWindowMs());
        QElapsedTimer clock;
        clock.start();
        QList<QPair<qint64, double>> changes; // (ms, rate)
        QObject receiver;
        connect(m_listener.get(), &ListenerController::requestsPerSecondChanged, &receiver,
                [&](double rate) {
                    changes.append({clock.elapsed(), rate});
                });
        QVERIFY(fire(QStringLiteral("zonitel"), 6).allOk());
        QTRY_COMPARE(m_listener->requestsPerSecond(), 3.0); // 6 requests in 2 s
        QCOMPARE(label->text(), QStringLiteral("3.0 requests/s"));
        // Quiet again: back to zero once the window has passed.
        QTRY_COMPARE_WITH_TIMEOUT(m_listener->requestsPerSecond(), 0.0, 5000);
        QCOMPARE(label->text(), QStringLiteral("0.0 requests/s"));

        // Every value on the way was a count of requests in the window over its 2 s, and one
        // change came at most every RateIntervalMs: n changes take (n - 1) intervals at least
        // (a timer tick delivered late by the loaded machine may shorten one of them).
        QVERIFY(changes.size() >= 2);
        QCOMPARE(changes.last().second, 0.0);
        for (const auto& change : std::as_const(changes)) {
            const double requests = change.second * 2;
            QVERIFY2(requests >= 0 && requests <= 6 && requests == qRound(requests),
                     qPrintable(QString::number(change.second)));
        }
        const qint64 span = changes.last().first - changes.first().first;
        QVERIFY2(span >= (changes.size() - 1) * ListenerController::RateIntervalMs - 250,
                 qPrintable(QStringLiteral("%1 changes in %2 ms").arg(changes.size()).arg(span)));
    }

    // --- the list ------------------------------------------------------------------------

    void listsLiveRequestsWithTheirOutcomes()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 2, 0, kOnCloudAuth).allOk());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk()); // a retry
        QCOMPARE(fire(QStringLiteral("oncloud"), 1, 5, "Bearer wrong").byStatus.value(401), 1);
        QVERIFY(fire(QStringLiteral("pbx"), 1).allOk()); // not provisioned: kept, unassigned
        test::HttpTestClient client(quint16(QUrl(m_listener->url()).port()));
        QVERIFY(client.waitConnected());
        client.send(test::HttpTestClient::post("/nowhere", "{}"));
        const auto answer = client.response();
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);

        QTRY_COMPARE(rows(), 6);
        // Newest first: the last request is at the top.
        QCOMPARE(m_page->model()->index(0, RequestLogModel::PathColumn).data().toString(),
                 QStringLiteral("/nowhere"));
        QCOMPARE(m_page->model()->index(0, RequestLogModel::StatusColumn).data().toInt(), 404);
        QStringList outcomes = column(RequestLogModel::OutcomeColumn);
        QCOMPARE(outcomes.first(), QStringLiteral("unknown-path"));
        outcomes.sort();
        QCOMPARE(outcomes,
                 (QStringList{QStringLiteral("accepted"), QStringLiteral("accepted"),
                              QStringLiteral("duplicate"), QStringLiteral("refused-auth"),
                              QStringLiteral("unassigned"), QStringLiteral("unknown-path")}));
        // Colour and text: the outcome column is coloured by its class.
        for (int row = 0; row < rows(); ++row) {
            const QModelIndex index = m_page->model()->index(row, RequestLogModel::OutcomeColumn);
            const RequestLogEntry& entry = m_page->model()->entryAt(row);
            const QColor expected = RequestLogModel::outcomeColor(
                RequestLogModel::outcomeClass(entry.outcome, entry.responseStatus));
            QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(), expected);
        }
        // The refused one's number and its secret: the number is known, the secret is nowhere.
        const int refused = int(outcomes.indexOf(QStringLiteral("refused-auth")));
        QVERIFY(refused >= 0);
        for (int row = 0; row < rows(); ++row) {
            for (int col = 0; col < RequestLogModel::ColumnCount; ++col) {
                QVERIFY(!m_page->model()->index(row, col).data().toString().contains(
                    QString::fromLatin1(kOnCloudAuth)));
            }
        }
        QVERIFY(child<QLabel>(m_page.get(), "countLabel")->text().contains(QStringLiteral("6")));
    }

    void filtersNarrowTheListAndAreRemembered()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 3, 0, kOnCloudAuth).allOk());
        QCOMPARE(fire(QStringLiteral("oncloud"), 2, 10, "Bearer wrong").byStatus.value(401), 2);
        QVERIFY(fire(QStringLiteral("pbx"), 2).allOk());
        QTRY_COMPARE(rows(), 7);

        // Outcome.
        auto* refusedAuth = child<QAction>(m_page.get(), "outcome_refused-auth");
        refusedAuth->trigger();
        QVERIFY(refusedAuth->isChecked());
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(column(RequestLogModel::OutcomeColumn),
                 QStringList(2, QStringLiteral("refused-auth")));
        QVERIFY(child<QToolButton>(m_page.get(), "outcomeButton")
                    ->text()
                    .contains(QStringLiteral("refused-auth")));
        // A group at once: every refusal.
        refusedAuth->trigger();
        child<QAction>(m_page.get(), "storedOutcomesAction")->trigger();
        QVERIFY(child<QAction>(m_page.get(), "outcome_accepted")->isChecked());
        QVERIFY(child<QAction>(m_page.get(), "outcome_unassigned")->isChecked());
        QTRY_COMPARE(rows(), 5);
        child<QAction>(m_page.get(), "allOutcomesAction")->trigger();
        QTRY_COMPARE(rows(), 7);

        // Provider.
        auto* provider = child<QComboBox>(m_page.get(), "providerCombo");
        provider->setCurrentIndex(provider->findData(QStringLiteral("pbx")));
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(column(RequestLogModel::ProviderColumn), QStringList(2, QStringLiteral("pbx")));
        provider->setCurrentIndex(0);
        QTRY_COMPARE(rows(), 7);

        // Number (the combo is filled from the store).
        auto* number = child<QComboBox>(m_page.get(), "numberCombo");
        QTRY_VERIFY(number->findData(m_onCloudId) >= 0);
        number->setCurrentIndex(number->findData(m_onCloudId));
        QTRY_VERIFY(rows() >= 3 && rows() < 7);
        for (int row = 0; row < rows(); ++row)
            QCOMPARE(m_page->model()->entryAt(row).numberId, m_onCloudId);
        number->setCurrentIndex(0);
        QTRY_COMPARE(rows(), 7);

        // Text, over the body, applied once typing pauses.
        auto* text = child<QLineEdit>(m_page.get(), "textFilter");
        QTest::keyClicks(text, QStringLiteral("service_id"));
        QCOMPARE(rows(), 7); // not yet: the debounce
        QTRY_COMPARE(m_page->model()->filter().text, QStringLiteral("service_id"));
        QTRY_VERIFY2(
            rows() == 2,
            qPrintable(
                QStringLiteral("%1 rows; %2").arg(rows()).arg(m_page->model()->lastError())));
        QCOMPARE(column(RequestLogModel::ProviderColumn), QStringList(2, QStringLiteral("pbx")));
        text->clear();
        QTRY_COMPARE(rows(), 7);

        // Time range, counted back from the store's clock.
        auto* time = child<QComboBox>(m_page.get(), "timeCombo");
        time->setCurrentIndex(time->findData(int(InspectorFilterBar::TimeRange::Last15Minutes)));
        QTRY_COMPARE(m_page->model()->filter().fromMs, m_fixture->clock().nowMs() - 15 * 60 * 1000);
        QTRY_COMPARE(rows(), 7);
        time->setCurrentIndex(time->findData(int(InspectorFilterBar::TimeRange::Custom)));
        QVERIFY(child<QWidget>(m_page.get(), "fromEdit")->isVisible());
        auto* from = child<QDateTimeEdit>(m_page.get(), "fromEdit");
        auto* to = child<QDateTimeEdit>(m_page.get(), "toEdit");
        from->setDateTime(QDateTime(QDate(2020, 1, 1), QTime(0, 0)));
        to->setDateTime(QDateTime(QDate(2020, 1, 2), QTime(0, 0)));
        QTRY_COMPARE(rows(), 0);
        time->setCurrentIndex(time->findData(int(InspectorFilterBar::TimeRange::Last24Hours)));
        QTRY_COMPARE(rows(), 7);

        // A combination, remembered by a new page.
        refusedAuth->trigger();
        provider->setCurrentIndex(provider->findData(QStringLiteral("oncloud")));
        QTest::keyClicks(text, QStringLiteral("webhooks"));
        QTRY_COMPARE(m_page->model()->filter().text, QStringLiteral("webhooks"));
        QTRY_COMPARE(rows(), 2);
        m_page.reset();

        makePage();
        QCOMPARE(child<QComboBox>(m_page.get(), "providerCombo")->currentData().toString(),
                 QStringLiteral("oncloud"));
        QCOMPARE(child<QComboBox>(m_page.get(), "timeCombo")->currentData().toInt(),
                 int(InspectorFilterBar::TimeRange::Last24Hours));
        QCOMPARE(child<QLineEdit>(m_page.get(), "textFilter")->text(), QStringLiteral("webhooks"));
        QVERIFY(child<QAction>(m_page.get(), "outcome_refused-auth")->isChecked());
        QVERIFY(!child<QAction>(m_page.get(), "outcome_accepted")->isChecked());
        const RequestLogFilter restored = m_page->model()->filter();
        QCOMPARE(restored.outcomes, QStringList{QStringLiteral("refused-auth")});
        QCOMPARE(restored.providers, QStringList{QStringLiteral("oncloud")});
        QCOMPARE(restored.text, QStringLiteral("webhooks"));
        QVERIFY(restored.fromMs > 0);
        QTRY_COMPARE(rows(), 2);

        // The number filter too, once the numbers are read.
        number = child<QComboBox>(m_page.get(), "numberCombo");
        QTRY_VERIFY(number->findData(m_zonitelId) >= 0);
        number->setCurrentIndex(number->findData(m_zonitelId));
        m_page.reset();
        makePage();
        QCOMPARE(m_page->model()->filter().numberId, m_zonitelId);
        number = child<QComboBox>(m_page.get(), "numberCombo");
        QTRY_VERIFY(number->currentText().startsWith(kZonitelNumber));
    }

    void pauseHoldsNewRowsUntilResumed()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("zonitel"), 2).allOk());
        QTRY_COMPARE(rows(), 2);

        auto* pause = child<QToolButton>(m_page.get(), "pauseButton");
        QCOMPARE(pause->text(), QStringLiteral("Pause"));
        QVERIFY(test::GuiTestContext::focus(table()));
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(m_page->pauseAction()->isChecked());
        QVERIFY(m_page->model()->isPaused());

        QVERIFY(fire(QStringLiteral("zonitel"), 3, 2).allOk());
        QTRY_COMPARE(m_page->model()->pendingCount(), 3);
        QTest::qWait(2 * RequestLogModel::LiveIntervalMs);
        QCOMPARE(rows(), 2);
        QCOMPARE(pause->text(), QStringLiteral("Paused \u2014 3 new"));

        // Space in the table resumes; the rows held back come in.
        QVERIFY(test::GuiTestContext::focus(table()));
        QTest::keyClick(table(), Qt::Key_Space);
        QVERIFY(!m_page->pauseAction()->isChecked());
        QTRY_COMPARE(rows(), 5);
        QCOMPARE(pause->text(), QStringLiteral("Pause"));
        QCOMPARE(m_page->model()->pendingCount(), 0);
    }

    void newRowsDoNotMoveTheView()
    {
        makePage(QSize(1100, 600));
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("zonitel"), 40).allOk());
        QTRY_COMPARE(rows(), 40);
        QScrollBar* bar = table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);

        // At the top with nothing selected: the newest row is at the top.
        QCOMPARE(bar->value(), 0);
        QVERIFY(fire(QStringLiteral("zonitel"), 2, 40).allOk());
        QTRY_COMPARE(rows(), 42);
        QCOMPARE(bar->value(), 0);
        QCOMPARE(topVisibleId(), m_page->model()->entryAt(0).id);

        // A selected row stays selected, and where it is on screen.
        const qint64 selected = m_page->model()->entryAt(3).id;
        m_page->selectRequest(selected);
        QCOMPARE(m_page->currentId(), selected);
        const qint64 topBefore = topVisibleId();
        QVERIFY(fire(QStringLiteral("zonitel"), 3, 42).allOk());
        QTRY_COMPARE(rows(), 45);
        QCOMPARE(m_page->currentId(), selected);
        QCOMPARE(table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(table()
                     ->selectionModel()
                     ->selectedRows()
                     .first()
                     .data(RequestLogModel::IdRole)
                     .toLongLong(),
                 selected);
        QCOMPARE(m_page->model()->rowOf(selected), 6);
        QCOMPARE(topVisibleId(), topBefore);

        // Scrolled down without a selection: the rows in view stay in view.
        table()->clearSelection();
        table()->selectionModel()->clearCurrentIndex();
        bar->setValue(10 * table()->verticalHeader()->defaultSectionSize());
        const qint64 scrolledTop = topVisibleId();
        QCOMPARE(scrolledTop, m_page->model()->entryAt(10).id);
        QVERIFY(fire(QStringLiteral("zonitel"), 4, 45).allOk());
        QTRY_COMPARE(rows(), 49);
        QCOMPARE(topVisibleId(), scrolledTop);
    }

    void detailPaneShowsTheSelectedRequest()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk());
        QVERIFY(fire(QStringLiteral("pbx"), 1).allOk());
        QTRY_COMPARE(rows(), 2);
        QVERIFY(!m_page->detailPane()->entry());

        // The pbx request (newest, row 0): the whole entry is read from the store.
        QSignalSpy shown(m_page.get(), &InspectorPage::entryShown);
        const qint64 id = m_page->model()->entryAt(0).id;
        QVERIFY(id > 0);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(m_page->model()->index(0, 1)).center());
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.last().first().toLongLong(), id);
        const RequestLogEntry* entry = m_page->detailPane()->entry();
        QVERIFY(entry);
        QCOMPARE(entry->id, id);
        QCOMPARE(entry->provider, QStringLiteral("pbx"));
        QCOMPARE(entry->body, factory(QStringLiteral("pbx")).sample(0).body);
        QVERIFY(entry->bodyComplete());
        QCOMPARE(entry->responseStatus, 200);
        QCOMPARE(m_page->shownId(), id);

        // Down to the onCloud one; its Authorization header is stored redacted.
        QTest::keyClick(table(), Qt::Key_Down);
        QTRY_COMPARE(m_page->shownId(), m_page->model()->entryAt(1).id);
        entry = m_page->detailPane()->entry();
        QCOMPARE(entry->provider, QStringLiteral("oncloud"));
        for (const RequestLogEntry::Header& header : entry->headers)
            QVERIFY(!header.second.contains(kOnCloudAuth));

        // Nothing selected: the pane is empty again.
        table()->selectionModel()->clear();
        QTRY_VERIFY(!m_page->detailPane()->entry());
        QCOMPARE(m_page->shownId(), qint64(0));
    }

    void copiesARequestAsCurl()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("zonitel"), 1).allOk());
        QTRY_COMPARE(rows(), 1);
        QVERIFY(!m_page->copyCurlAction()->isEnabled()); // nothing selected
        m_page->selectRequest(m_page->model()->entryAt(0).id);
        QVERIFY(m_page->copyCurlAction()->isEnabled());
        QApplication::clipboard()->clear();
        QVERIFY(test::GuiTestContext::activate(m_page.get()));
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
        const QString command = QApplication::clipboard()->text();
        QVERIFY2(command.startsWith(QStringLiteral("curl ")) ||
                     command.contains(QStringLiteral("| curl ")),
                 qPrintable(command));
        QVERIFY2(command.contains(m_listener->url() + QStringLiteral("/webhooks/zonitel")),
                 qPrintable(command));

        // Run as it is, the copy is a provider's retry: stored once, logged as a duplicate.
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(QTest::qWaitFor([&] { return shell.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(shell.exitCode(), 0);
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(m_page->model()->index(0, RequestLogModel::OutcomeColumn).data().toString(),
                 QStringLiteral("duplicate"));
    }

    void exportsJsonLines()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 3, 0, kOnCloudAuth).allOk());
        QVERIFY(fire(QStringLiteral("pbx"), 2).allOk());
        QTRY_COMPARE(rows(), 5);

        QTemporaryDir dir;
        QString chosen;
        m_page->setSavePathChooser([&](const QString&, const QString& suggested) {
            if (!suggested.endsWith(QStringLiteral(".jsonl")))
                qWarning("suggested %s", qPrintable(suggested));
            return chosen;
        });
        auto readLines = [](const QString& path) {
            QList<QJsonObject> objects;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return objects;
            for (const QByteArray& line : file.readAll().split('\n')) {
                if (!line.isEmpty())
                    objects.append(QJsonDocument::fromJson(line).object());
            }
            return objects;
        };
        QSignalSpy finished(m_page.get(), &InspectorPage::exportFinished);

        // The filtered list: every row, newest first, whole bodies.
        chosen = dir.filePath(QStringLiteral("all.jsonl"));
        QVERIFY(test::GuiTestContext::activate(m_page.get()));
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toInt(), 5);
        QVERIFY(finished.last().at(2).toString().isEmpty());
        QList<QJsonObject> lines = readLines(chosen);
        QCOMPARE(lines.size(), 5);
        for (int i = 0; i < lines.size(); ++i) {
            QCOMPARE(qint64(lines.at(i).value(QStringLiteral("id")).toDouble()),
                     m_page->model()->entryAt(i).id);
        }
        QFile exported(chosen);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(!exported.readAll().contains(kOnCloudAuth));

        // Filtered to pbx, paged through the store.
        auto* provider = child<QComboBox>(m_page.get(), "providerCombo");
        provider->setCurrentIndex(provider->findData(QStringLiteral("pbx")));
        QTRY_COMPARE(rows(), 2);
        chosen = dir.filePath(QStringLiteral("pbx.jsonl"));
        m_page->exportFiltered();
        QVERIFY(finished.wait(10000));
        lines = readLines(chosen);
        QCOMPARE(lines.size(), 2);
        for (const QJsonObject& line : std::as_const(lines)) {
            QCOMPARE(line.value(QStringLiteral("provider")).toString(), QStringLiteral("pbx"));
            QCOMPARE(line.value(QStringLiteral("body_truncated")).toBool(), false);
        }

        // The selection.
        m_page->selectRequest(m_page->model()->entryAt(1).id);
        chosen = dir.filePath(QStringLiteral("one.jsonl"));
        QVERIFY(m_page->exportSelectionAction()->isEnabled());
        m_page->exportSelectionAction()->trigger();
        QVERIFY(finished.wait(10000));
        lines = readLines(chosen);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(qint64(lines.first().value(QStringLiteral("id")).toDouble()),
                 m_page->model()->entryAt(1).id);
        QCOMPARE(lines.first().value(QStringLiteral("body")).toString().toUtf8(),
                 factory(QStringLiteral("pbx")).sample(0).body);

        // Cancelled in the file dialog: nothing happens.
        chosen.clear();
        m_page->exportFiltered();
        QTest::qWait(100);
        QCOMPARE(finished.size(), 3);

        // A folder that does not exist: the error is reported, nothing is left behind.
        chosen = dir.filePath(QStringLiteral("missing/x.jsonl"));
        m_page->exportFiltered();
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(chosen));
    }

    // A real status report fired at the listener: listed as one, with our number first (the
    // report is about a message we sent), live and once read from the store.
    void statusReportIsListedAsOne()
    {
        makePage();
        QVERIFY(startListener());
        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        m_page->sendTestWebhookFor(*m_fixture->findNumber(kZonitelNumber),
                                   WebhookSample::Kind::Status);
        QVERIFY(done.wait(10000));
        const auto result = done.takeFirst().at(0).value<RequestReplayer::Result>();
        QCOMPARE(result.status, 200);
        QTRY_COMPARE(rows(), 1);
        const QModelIndex kind = m_page->model()->index(0, RequestLogModel::KindColumn);
        const QModelIndex parties = m_page->model()->index(0, RequestLogModel::PartiesColumn);
        QTRY_COMPARE(kind.data().toString(), QStringLiteral("status report"));
        QVERIFY2(parties.data().toString().startsWith(kZonitelNumber + QStringLiteral(" \u2192 +")),
                 qPrintable(parties.data().toString()));
        // An inbound message next to it reads the other way.
        QVERIFY(fire(QStringLiteral("zonitel"), 1).allOk());
        QTRY_COMPARE(rows(), 2);
        QTRY_COMPARE(m_page->model()->index(0, RequestLogModel::KindColumn).data().toString(),
                     QStringLiteral("message in"));
        QVERIFY(m_page->model()
                    ->index(0, RequestLogModel::PartiesColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral(" \u2192 ") + kZonitelNumber));
        // The kind is shown right after the time.
        QHeaderView* header = table()->horizontalHeader();
        QCOMPARE(header->visualIndex(RequestLogModel::KindColumn),
                 header->visualIndex(RequestLogModel::TimeColumn) + 1);
        QVERIFY(!header->isSectionHidden(RequestLogModel::KindColumn));

        // Read from the store: the same.
        m_page->model()->reload();
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(m_page->model()->index(1, RequestLogModel::KindColumn).data().toString(),
                 QStringLiteral("status report"));
        QVERIFY(m_page->model()
                    ->index(1, RequestLogModel::PartiesColumn)
                    .data()
                    .toString()
                    .startsWith(kZonitelNumber + QStringLiteral(" \u2192 +")));
    }

    // The detail pane and the timeline show the selected request, and nothing once a filter
    // takes the selection away.
    void panesFollowTheSelection()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk());
        QCOMPARE(fire(QStringLiteral("oncloud"), 1, 5, "Bearer wrong").byStatus.value(401), 1);
        QTRY_COMPARE(rows(), 2);
        const qint64 accepted = m_page->model()->entryAt(1).id;
        QSignalSpy timelines(m_page.get(), &InspectorPage::timelineShown);
        m_page->selectRequest(accepted);
        QTRY_COMPARE(m_page->shownId(), accepted);
        QTRY_VERIFY(!timelines.isEmpty() && timelines.last().at(0).toLongLong() == accepted);
        QVERIFY(m_page->detailPane()->entry());
        QVERIFY(m_page->timelineView()->timeline());

        // Only refusals: the selected request is no longer listed, and no pane shows it.
        child<QAction>(m_page.get(), "outcome_refused-auth")->trigger();
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(m_page->currentId(), qint64(0));
        QTRY_VERIFY(!m_page->detailPane()->entry());
        QTRY_VERIFY(!m_page->timelineView()->timeline());
        QCOMPARE(m_page->shownId(), qint64(0));
        QVERIFY(m_page->timelineView()->isVisible());
        QVERIFY(!child<QLabel>(m_page.get(), "timelineNote")->isVisible());

        // The refused one: it stored nothing, and says so in one place.
        const qint64 refused = m_page->model()->entryAt(0).id;
        m_page->selectRequest(refused);
        QTRY_VERIFY(!timelines.isEmpty() && timelines.last().at(0).toLongLong() == refused);
        QVERIFY(child<QLabel>(m_page.get(), "timelineNote")->isVisible());
        QVERIFY(!m_page->timelineView()->isVisible()); // nor its "select a request"
    }

    // The listener answers (and the list shows the answer) before the response is logged: the
    // panes of the selected request are read again once it is.
    void panesShowTheResponseOnceLogged()
    {
        makePage();
        const qint64 now = m_fixture->clock().nowMs();
        WriteJob job;
        MessageRow message;
        message.provider = QStringLiteral("oncloud");
        message.numberId = m_onCloudId;
        message.did = kOnCloudNumber;
        message.remote = QStringLiteral("+17705550123");
        message.text = QStringLiteral("Is the shop open?");
        message.status = QStringLiteral("received");
        job.messages.append(message);
        RequestLogRow log;
        log.peer = QStringLiteral("127.0.0.1:40000");
        log.method = QStringLiteral("POST");
        log.target = QStringLiteral("/webhooks/oncloud");
        log.body = "{}";
        log.bodySize = 2;
        log.provider = QStringLiteral("oncloud");
        log.numberId = m_onCloudId;
        log.linkedMessage = 0; // no response yet: completeRequestLog() below
        job.requestLog = log;
        MessageWriter writer(m_fixture->context().database(), m_fixture->clock());
        WriteOutcome outcome;
        bool wrote = false;
        writer.submit(std::move(job), this, [&](const WriteOutcome& result) {
            outcome = result;
            wrote = true;
        });
        QTRY_VERIFY(wrote);
        QVERIFY(outcome.ok());

        // What the listener tells the window once it has answered.
        ListenerEvent event;
        event.requestLogId = outcome.requestLogId;
        event.receivedAtMs = now;
        event.peer = log.peer;
        event.method = log.method;
        event.target = log.target;
        event.provider = log.provider;
        event.numberId = m_onCloudId;
        event.did = kOnCloudNumber;
        event.remote = message.remote;
        event.outcome = ListenerEvent::accepted();
        event.status = 200;
        event.latencyUs = 1500;
        event.messageIds = {outcome.messages.first().id};
        Q_EMIT m_listener->requestHandled(event);
        QTRY_VERIFY(m_page->model()->rowOf(event.requestLogId) >= 0);

        QSignalSpy timelines(m_page.get(), &InspectorPage::timelineShown);
        QSignalSpy responses(m_page.get(), &InspectorPage::responseShown);
        m_page->selectRequest(event.requestLogId);
        QVERIFY(timelines.wait(5000));
        auto responseOf = [this, &event]() {
            const MessageTimeline* timeline = m_page->timelineView()->timeline();
            if (!timeline)
                return -1;
            for (const MessageTimeline::Event& e : timeline->events) {
                if (e.requestLogId == event.requestLogId)
                    return e.responseStatus;
            }
            return -1;
        };
        QCOMPARE(responseOf(), 0);                                    // not logged yet
        QCOMPARE(m_page->detailPane()->entry()->responseStatus, 200); // the list's

        writer.completeRequestLog(event.requestLogId, 200, QStringLiteral("{}"), 1500);
        QTRY_COMPARE(responseOf(), 200);
        QVERIFY(!responses.isEmpty() || responses.wait(5000));
        QCOMPARE(responses.last().at(0).toLongLong(), event.requestLogId);
        QCOMPARE(m_page->detailPane()->entry()->responseBody, QStringLiteral("{}"));
    }

    // At the window's default size the list shows every column it shows without scrolling
    // sideways, and the detail pane folds away to give it the whole height.
    void fitsTheDefaultWindow()
    {
        Settings().setListen(QStringLiteral("127.0.0.1:0"));
        MainWindow window(m_fixture->context());
        window.resize(1100, 680);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(window.inspectorPage());
        InspectorPage* page = window.inspectorPage();
        QTRY_COMPARE(window.listener()->state(), ListenerController::State::Running);
        const WebhookSampleFactory samples = factory(QStringLiteral("zonitel"));
        WebhookFirer firer;
        firer.setUrl(QUrl(window.listener()->url()));
        QVERIFY(firer.run(3, [&](int n) { return samples.sample(n); }).ok > 0);
        QTRY_COMPARE(page->model()->rowCount(), 3);
        QTest::qWait(50);
        QTableView* view = page->view();
        QHeaderView* header = view->horizontalHeader();
        for (const int column :
             {int(RequestLogModel::TimeColumn), int(RequestLogModel::KindColumn),
              int(RequestLogModel::PartiesColumn), int(RequestLogModel::OutcomeColumn),
              int(RequestLogModel::StatusColumn), int(RequestLogModel::LatencyColumn),
              int(RequestLogModel::PeerColumn)}) {
            QVERIFY2(!header->isSectionHidden(column), qPrintable(QString::number(column)));
            QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <=
                         view->viewport()->width(),
                     qPrintable(QStringLiteral("column %1 at %2+%3 of %4")
                                    .arg(column)
                                    .arg(header->sectionViewportPosition(column))
                                    .arg(header->sectionSize(column))
                                    .arg(view->viewport()->width())));
            // Sized to what it shows: the values in view are not cut.
            for (int row = 0; row < page->model()->rowCount(); ++row) {
                if (column == int(RequestLogModel::PeerColumn) ||
                    column == int(RequestLogModel::TimeColumn))
                    continue; // the last one takes the room left; the time is the delegate's
                const QString text = page->model()->index(row, column).data().toString();
                QVERIFY2(view->fontMetrics().horizontalAdvance(text) <= header->sectionSize(column),
                         qPrintable(text));
            }
        }
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);

        // The detail pane folds away, and comes back as it was.
        auto* splitter = child<QSplitter>(page, "inspectorSplitter");
        const int listHeight = view->height();
        QVERIFY(page->detailsAction()->isChecked());
        const int detailHeight = splitter->sizes().at(1);
        QVERIFY(detailHeight > 0);
        page->detailsAction()->trigger();
        QCOMPARE(splitter->sizes().at(1), 0);
        QTRY_VERIFY(view->height() > listHeight + detailHeight / 2);
        page->detailsAction()->trigger();
        QVERIFY2(qAbs(splitter->sizes().at(1) - detailHeight) <= 2,
                 qPrintable(QString::number(splitter->sizes().at(1))));
        // Dragged shut, it is remembered so.
        page->detailsAction()->trigger();
        QVERIFY(!page->detailsAction()->isChecked());
    }

    void remembersAFoldedDetailPane()
    {
        makePage(QSize(1000, 700));
        m_page->detailsAction()->trigger();
        QVERIFY(!m_page->detailsAction()->isChecked());
        m_page.reset();
        makePage(QSize(1000, 700));
        QVERIFY(!m_page->detailsAction()->isChecked());
        QCOMPARE(child<QSplitter>(m_page.get(), "inspectorSplitter")->sizes().at(1), 0);
        m_page->detailsAction()->trigger();
        QVERIFY(child<QSplitter>(m_page.get(), "inspectorSplitter")->sizes().at(1) > 0);
    }

    void fitsASmallWindow()
    {
        // The main window (navigation list, page, menu and status bar) must still fit 900 × 600.
        makePage(QSize(700, 500));
        // A long result of a replay does not widen it.
        child<QLabel>(m_page.get(), "actionResultLabel")
            ->setText(QStringLiteral("Replayed: HTTP 200 \u2014 duplicate (request #1234567) ") +
                      QString(60, QLatin1Char('x')));
        QVERIFY2(m_page->minimumSizeHint().width() <= 740,
                 qPrintable(QString::number(m_page->minimumSizeHint().width())));
        QVERIFY2(m_page->minimumSizeHint().height() <= 530,
                 qPrintable(QString::number(m_page->minimumSizeHint().height())));
    }

    void remembersItsLayout()
    {
        makePage(QSize(1000, 700));
        auto* splitter = child<QSplitter>(m_page.get(), "inspectorSplitter");
        splitter->setSizes({250, 350});
        const QList<int> sizes = splitter->sizes();
        QHeaderView* header = table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(RequestLogModel::NumberColumn)); // by default
        header->setSectionHidden(RequestLogModel::NumberColumn, false);
        header->resizeSection(RequestLogModel::PathColumn, 260);
        m_page.reset();

        makePage(QSize(1000, 700));
        QCOMPARE(child<QSplitter>(m_page.get(), "inspectorSplitter")->sizes(), sizes);
        header = table()->horizontalHeader();
        QVERIFY(!header->isSectionHidden(RequestLogModel::NumberColumn));
        QCOMPARE(header->sectionSize(RequestLogModel::PathColumn), 260);
    }

    void copyUrlMenuListsEachNumber()
    {
        const qint64 tokenId =
            addNumber(QStringLiteral("+61299999999"), QStringLiteral("pbx"), {}, true);
        const qint64 disabledId =
            addNumber(QStringLiteral("+14045550000"), QStringLiteral("oncloud"), {}, false, false);
        makePage();
        QVERIFY(startListener());
        QSignalSpy reloaded(m_page.get(), &InspectorPage::numbersReloaded);
        m_page->reloadNumbers();
        QVERIFY(reloaded.wait(5000));

        QMenu* menu = m_page->copyUrlMenu();
        Q_EMIT menu->aboutToShow();
        const QString url = m_listener->url();
        auto* onCloud = child<QAction>(
            menu, QStringLiteral("copyUrl_%1").arg(m_onCloudId).toLatin1().constData());
        QVERIFY(onCloud);
        QVERIFY2(onCloud->text().contains(kOnCloudNumber), qPrintable(onCloud->text()));
        onCloud->trigger();
        QCOMPARE(QApplication::clipboard()->text(), url + QStringLiteral("/webhooks/oncloud"));

        // A path token is only in the keychain: the URL is copied up to it, and says so.
        auto* token =
            child<QAction>(menu, QStringLiteral("copyUrl_%1").arg(tokenId).toLatin1().constData());
        QVERIFY(token);
        QVERIFY2(token->text().endsWith(QStringLiteral("/webhooks/pbx/[token]")),
                 qPrintable(token->text()));
        QVERIFY(token->toolTip().contains(QStringLiteral("keychain")));
        token->trigger();
        QCOMPARE(QApplication::clipboard()->text(), url + QStringLiteral("/webhooks/pbx/"));

        // Disabled numbers take no webhooks: not listed.
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("copyUrl_%1").arg(disabledId)));
        auto* address = child<QAction>(menu, "copyListenerUrlAction");
        address->trigger();
        QCOMPARE(QApplication::clipboard()->text(), url);

        // The button itself copies the listener's address.
        QApplication::clipboard()->clear();
        child<QToolButton>(m_page.get(), "copyUrlButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), url);
    }
};

QTEST_MAIN(TestInspectorPage)
#include "TestInspectorPage.moc"
