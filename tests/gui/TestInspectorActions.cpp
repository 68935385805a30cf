// The Inspector's actions over real sockets: a fault drill in the GUI's own listener, replays
// of logged requests, the message timeline next to the detail pane, and test webhooks built
// by the simulator's sample factory. Real webhooks from the simulator's firer, a real SQLite
// store read through the DatabaseWorker, the page driven like a person would.
#include "GuiTestContext.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "inspector/FaultDrillDialog.h"
#include "inspector/InspectorPage.h"
#include "inspector/MessageTimelineModel.h"
#include "inspector/MessageTimelineView.h"
#include "inspector/RequestDetailPane.h"
#include "inspector/RequestLogModel.h"
#include "inspector/SendTestWebhookDialog.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/PathToken.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/NumberRepository.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace smsdesk;
using test::child;

namespace {

const QString kOnCloudNumber = QStringLiteral("+14045559999"); // the simulator's default
const QString kPbxNumber = QStringLiteral("+61299999999");     // the simulator's default
const QByteArray kOnCloudAuth = QByteArrayLiteral("Bearer actions-sekrit-4410");
const QDateTime kBaseTime(QDate(2026, 2, 13), QTime(19, 0), Qt::UTC);

} // namespace

class TestInspectorActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<InspectorPage> m_page;
    qint64 m_onCloudId = 0;

    qint64 addNumber(const QString& e164, const QString& provider, const QByteArray& auth = {},
                     const QByteArray& pathToken = {})
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.label = QStringLiteral("desk %1").arg(provider);
        number.hasAuthHeader = !auth.isEmpty();
        if (!pathToken.isEmpty())
            number.pathTokenHash = PathToken::hash(pathToken);
        return m_fixture->addNumber(
            number, {QString::fromLatin1(auth), {}, QString::fromLatin1(pathToken)});
    }

    bool startListener()
    {
        m_listener->start();
        return QTest::qWaitFor(
            [this] { return m_listener->state() == ListenerController::State::Running; }, 10000);
    }

    void makePage()
    {
        m_page = std::make_unique<InspectorPage>(m_fixture->context(), *m_listener);
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        // The numbers are read (the test webhook dialog lists them).
        QTRY_VERIFY(child<QComboBox>(m_page.get(), "numberCombo")->count() > 1);
    }

    // Fires samples first..first+count-1 of `provider` at the listener, one at a time.
    WebhookFirer::Summary fire(const QString& provider, int count, int first = 0,
                               const QByteArray& auth = {}, int retries = 0,
                               int timeoutMs = WebhookFirer::DefaultTimeoutMs)
    {
        WebhookSampleFactory::Options options;
        options.provider = provider;
        options.authorization = auth;
        options.seed = 11;
        options.baseTime = kBaseTime;
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(QUrl(m_listener->url()));
        firer.setConcurrency(1);
        firer.setRetries(retries);
        firer.setTimeoutMs(timeoutMs);
        return firer.run(count, [&](int n) { return samples.sample(first + n); });
    }

    int rows() const { return m_page->model()->rowCount(); }

    QStringList outcomes() const
    {
        QStringList values;
        for (int row = 0; row < rows(); ++row)
            values.append(m_page->model()->entryAt(row).outcome);
        return values;
    }

    void select(int row)
    {
        QTableView* table = m_page->view();
        table->selectionModel()->setCurrentIndex(m_page->model()->index(row, 0),
                                                 QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    }

    // Starts a drill through the page's dialog, as a person would fill it in.
    void startDrill(bool noAnswer, int count, int minutes)
    {
        QVERIFY(m_page->faultDrillAction()->isEnabled());
        m_page->faultDrillAction()->trigger();
        auto* dialog = test::GuiTestContext::waitForDialog<FaultDrillDialog>(m_page.get());
        QVERIFY(dialog);
        child<QRadioButton>(dialog, noAnswer ? "noAnswerRadio" : "errorRadio")->setChecked(true);
        if (count > 0) {
            child<QSpinBox>(dialog, "countSpin")->setValue(count);
            QVERIFY(child<QRadioButton>(dialog, "countRadio")->isChecked());
        } else {
            child<QSpinBox>(dialog, "minutesSpin")->setValue(minutes);
            QVERIFY(child<QRadioButton>(dialog, "minutesRadio")->isChecked());
        }
        m_lastSummary = child<QLabel>(dialog, "summaryLabel")->text();
        child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok)->click();
    }
    QString m_lastSummary;

    RequestReplayer::Result waitForAction(QSignalSpy& spy)
    {
        if (spy.isEmpty() && !spy.wait(10000))
            return {};
        return spy.takeFirst().at(0).value<RequestReplayer::Result>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_inspector_actions"));
        qRegisterMetaType<RequestReplayer::Result>();
    }

    void init()
    {
        Settings().clear();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_onCloudId = addNumber(kOnCloudNumber, QStringLiteral("oncloud"), kOnCloudAuth);
        QVERIFY(m_onCloudId > 0);
        m_listener = std::make_unique<ListenerController>(m_fixture->context(),
                                                          test::GuiTestContext::loopbackListener());
    }

    void cleanup()
    {
        m_page.reset();
        m_listener.reset();
        m_fixture.reset();
    }

    // --- fault drill ---------------------------------------------------------------------

    void drillDialogSaysWhatWillHappen()
    {
        FaultDrillDialog dialog(m_fixture->clock());
        dialog.resize(dialog.sizeHint());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* summary = child<QLabel>(&dialog, "summaryLabel");
        QVERIFY(summary->text().startsWith(QStringLiteral("The next 5 webhook")));
        QCOMPARE(dialog.drill().mode, FaultDrill::Mode::Error);
        QCOMPARE(dialog.drill().remaining, 5);
        child<QRadioButton>(&dialog, "noAnswerRadio")->setChecked(true);
        child<QSpinBox>(&dialog, "minutesSpin")->setValue(15);
        QVERIFY2(summary->text().contains(QStringLiteral("stored but not answered")),
                 qPrintable(summary->text()));
        QCOMPARE(dialog.drill().mode, FaultDrill::Mode::NoAnswer);
        QCOMPARE(dialog.drill().remaining, -1);
        QCOMPARE(dialog.drill().untilMs, m_fixture->clock().nowMs() + 15 * 60'000);
        // SMSDESK_SCREENSHOT_DIR=<dir>: the dialog as drawn (dialogs draw black under Xvfb
        // without a compositor here, so it is grabbed).
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/actions-drill-dialog.png")));
    }

    void drillActionNeedsARunningListener()
    {
        makePage();
        QVERIFY(!m_page->faultDrillAction()->isEnabled());
        QVERIFY(!m_page->testWebhookAction()->isEnabled());
        QVERIFY(startListener());
        QTRY_VERIFY(m_page->faultDrillAction()->isEnabled());
        QVERIFY(m_page->testWebhookAction()->isEnabled());
    }

    void drillOfTwoAnswers500ThenNormal()
    {
        makePage();
        QVERIFY(startListener());
        auto* banner = child<QFrame>(m_page.get(), "drillBanner");
        QVERIFY(!banner->isVisible());
        QSignalSpy drills(m_listener.get(), &ListenerController::drillChanged);
        QSignalSpy said(m_page.get(), &InspectorPage::statusMessage);
        startDrill(false, 2, 0);
        QTRY_VERIFY(!said.isEmpty());
        QCOMPARE(said.last().at(0).toString(), QStringLiteral("Fault drill started"));
        // (The English plural, "webhooks", comes from a translation; the source says
        // "webhook(s)".)
        QVERIFY2(m_lastSummary.startsWith(QStringLiteral("The next 2 webhook")) &&
                     m_lastSummary.contains(QStringLiteral(
                         " are stored, then answered 500: the provider will retry them and they "
                         "will show as duplicates.")),
                 qPrintable(m_lastSummary));
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::Error);
        QCOMPARE(m_listener->drill().remaining, 2);
        const QString bannerText = child<QLabel>(m_page.get(), "drillBannerLabel")->text();
        QVERIFY2(bannerText.contains(QStringLiteral("answered 500")) &&
                     bannerText.contains(QStringLiteral("2 webhook")),
                 qPrintable(bannerText));

        // Two drilled, the third answered as usual.
        const WebhookFirer::Summary summary = fire(QStringLiteral("oncloud"), 3, 0, kOnCloudAuth);
        QCOMPARE(summary.byStatus.value(500), 2);
        QCOMPARE(summary.byStatus.value(200), 1);
        QTRY_COMPARE(rows(), 3);
        QCOMPARE(outcomes(), (QStringList{QStringLiteral("accepted"), QStringLiteral("drill-error"),
                                          QStringLiteral("drill-error")}));
        for (int row = 1; row < 3; ++row) {
            QCOMPARE(m_page->model()
                         ->index(row, RequestLogModel::OutcomeColumn)
                         .data(RequestLogModel::OutcomeClassRole)
                         .toInt(),
                     int(RequestLogModel::OutcomeClass::Drill));
            QCOMPARE(m_page->model()->entryAt(row).responseStatus, 500);
        }
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::Off);
        QVERIFY(drills.size() >= 2); // started, counted, ended
        // What the status bar said last is that it ended, not that it started.
        QTRY_VERIFY(said.last().at(0).toString().startsWith(QStringLiteral("Fault drill ended")));

        // Nothing was lost: the provider's retries of the drilled two are duplicates.
        const WebhookFirer::Summary retries = fire(QStringLiteral("oncloud"), 2, 0, kOnCloudAuth);
        QVERIFY(retries.allOk());
        QTRY_COMPARE(rows(), 5);
        QCOMPARE(outcomes().mid(0, 2),
                 (QStringList{QStringLiteral("duplicate"), QStringLiteral("duplicate")}));
    }

    // The dialog's labels get the room they need, whatever the numbers' labels are like.
    void testWebhookDialogLabelsAreNotCut()
    {
        QList<NumberRecord> numbers;
        for (int i = 0; i < 3; ++i) {
            NumberRecord number;
            number.id = i + 1;
            number.e164 = QStringLiteral("+1404555000%1").arg(i);
            number.provider = QStringLiteral("zonitel");
            number.enabled = true;
            number.label = QStringLiteral("Customer support line for the northern region, "
                                          "evenings and weekends %1")
                               .arg(i);
            numbers.append(number);
        }
        SendTestWebhookDialog dialog(numbers);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (const QSize size : {dialog.size(), QSize(200, 120)}) {
            dialog.resize(size); // never below what its layout needs
            for (const char* name : {"numberLabel", "kindLabel"}) {
                auto* label = child<QLabel>(&dialog, name);
                // The layout is applied on a posted event: wait for it on a loaded machine.
                QTRY_VERIFY2(label->width() >= label->sizeHint().width(),
                             qPrintable(QStringLiteral("%1: %2 < %3")
                                            .arg(QLatin1String(name))
                                            .arg(label->width())
                                            .arg(label->sizeHint().width())));
            }
        }
        // The long choices are there whole, to be read in the list.
        auto* combo = child<QComboBox>(&dialog, "numberCombo");
        QVERIFY(combo->itemText(0).contains(QStringLiteral("weekends 0")));
    }

    void stopDrillEndsItAtOnce()
    {
        makePage();
        QVERIFY(startListener());
        startDrill(false, 50, 0);
        auto* banner = child<QFrame>(m_page.get(), "drillBanner");
        QTRY_VERIFY(banner->isVisible());
        child<QPushButton>(m_page.get(), "stopDrillButton")->click();
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::Off);
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk());
        // A stopped listener has no drill either.
        startDrill(false, 5, 0);
        QTRY_VERIFY(banner->isVisible());
        m_listener->stop();
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::Off);
    }

    void noAnswerDrillByTime()
    {
        makePage();
        QVERIFY(startListener());
        startDrill(true, 0, 1);
        const QString end = QDateTime::fromMSecsSinceEpoch(m_fixture->clock().nowMs() + 60'000)
                                .toLocalTime()
                                .toString(QStringLiteral("HH:mm"));
        QVERIFY2(m_lastSummary.startsWith(QStringLiteral("For 1 minute")) &&
                     m_lastSummary.contains(QStringLiteral(", until %1, every webhook").arg(end)) &&
                     m_lastSummary.contains(QStringLiteral("stored but not answered")),
                 qPrintable(m_lastSummary));
        auto* banner = child<QFrame>(m_page.get(), "drillBanner");
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(m_listener->drill().mode, FaultDrill::Mode::NoAnswer);
        QCOMPARE(m_listener->drill().untilMs, m_fixture->clock().nowMs() + 60'000);
        QVERIFY(child<QLabel>(m_page.get(), "drillBannerLabel")
                    ->text()
                    .contains(QStringLiteral("not answered")));

        // Not answered: the client gives up; the webhook is stored and shown as drilled.
        const WebhookFirer::Summary summary =
            fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth, 0, 1000);
        QCOMPARE(summary.networkErrors, 1);
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(outcomes(), QStringList{QStringLiteral("drill-no-answer")});
        QCOMPARE(m_page->model()
                     ->index(0, RequestLogModel::OutcomeColumn)
                     .data(RequestLogModel::OutcomeClassRole)
                     .toInt(),
                 int(RequestLogModel::OutcomeClass::Drill));
        QVERIFY(banner->isVisible()); // a drill by time is not counted down

        // Its minute is over: the next webhook is answered, and the retry is a duplicate.
        m_fixture->clock().advanceMs(61'000);
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk());
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(outcomes().first(), QStringLiteral("duplicate"));
        QTRY_VERIFY(!banner->isVisible());
    }

    void mainWindowShowsTheDrillInTitleAndStatusBar()
    {
        Settings().setListen(QStringLiteral("127.0.0.1:0"));
        MainWindow window(m_fixture->context());
        QVERIFY(test::GuiTestContext::activate(&window));
        QTRY_COMPARE(window.listener()->state(), ListenerController::State::Running);
        auto* status = child<QLabel>(window.statusBar(), "listenerStatusLabel");
        QVERIFY(!window.windowTitle().contains(QStringLiteral("fault drill")));
        FaultDrill drill;
        drill.mode = FaultDrill::Mode::Error;
        drill.remaining = 3;
        window.listener()->setDrill(drill);
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("Fault drill active \u2014 SMS Desk"));
        QVERIFY2(status->text().contains(QStringLiteral("fault drill: answering 500, 3 webhook")),
                 qPrintable(status->text()));
        window.listener()->setDrill(FaultDrill());
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("SMS Desk"));
        QVERIFY(!status->text().contains(QStringLiteral("fault drill")));
    }

    // --- replay --------------------------------------------------------------------------

    void replayOfAnAcceptedWebhookIsADuplicate()
    {
        makePage();
        QVERIFY(!m_page->replayAction()->isEnabled());
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth).allOk());
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(outcomes().first(), QStringLiteral("accepted"));
        select(0);
        const qint64 original = m_page->currentId();
        QTRY_VERIFY(m_page->replayAction()->isEnabled());

        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        const RequestReplayer::Result result = waitForAction(done);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.outcome, QStringLiteral("duplicate"));
        QVERIFY(result.requestLogId > original);
        QCOMPARE(m_page->actionResultText(),
                 QStringLiteral("Replayed: HTTP 200 \u2014 duplicate (request #%1)")
                     .arg(result.requestLogId));
        // The new row is selected once it is listed.
        QTRY_COMPARE(m_page->currentId(), result.requestLogId);
        QCOMPARE(rows(), 2);
        QCOMPARE(outcomes().first(), QStringLiteral("duplicate"));
        // The secret went out, never into the page.
        QVERIFY(!m_page->actionResultText().contains(QString::fromLatin1(kOnCloudAuth)));
    }

    void replayOfARefusedWebhookIsRefusedAgain()
    {
        makePage();
        QVERIFY(startListener());
        QCOMPARE(fire(QStringLiteral("oncloud"), 1, 3, "Bearer wrong").byStatus.value(401), 1);
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(outcomes().first(), QStringLiteral("refused-auth"));
        select(0);
        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        m_page->replayAction()->trigger();
        const RequestReplayer::Result result = waitForAction(done);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.outcome, QStringLiteral("refused-auth"));
        QTRY_COMPARE(rows(), 2);
        QCOMPARE(outcomes(),
                 (QStringList{QStringLiteral("refused-auth"), QStringLiteral("refused-auth")}));
        QVERIFY2(m_page->actionResultText().startsWith(
                     QStringLiteral("Replayed: HTTP 401 \u2014 refused-auth")),
                 qPrintable(m_page->actionResultText()));
    }

    void replayGivesThePathTokenBack()
    {
        const QByteArray token = PathToken::generate().toLatin1();
        addNumber(kPbxNumber, QStringLiteral("pbx"), {}, token);
        makePage();
        QVERIFY(startListener());
        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        NumberRecord pbx = *m_fixture->findNumber(kPbxNumber);
        m_page->sendTestWebhookFor(pbx, WebhookSample::Kind::Inbound);
        RequestReplayer::Result result = waitForAction(done);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.outcome, QStringLiteral("accepted"));
        QTRY_COMPARE(m_page->currentId(), result.requestLogId);
        // Logged with "[token]" in place of the token; replayed with the token.
        QVERIFY(m_page->model()->entryAt(0).target.endsWith(QStringLiteral("/[token]")));
        m_page->replayAction()->trigger();
        result = waitForAction(done);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.outcome, QStringLiteral("duplicate"));
    }

    // --- timeline ------------------------------------------------------------------------

    void timelineShowsDeliveriesAndActivationSelects()
    {
        makePage();
        QVERIFY(startListener());
        // One message delivered twice: the provider's retry.
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth, 1).allOk());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 1, kOnCloudAuth).allOk()); // another message
        QTRY_COMPARE(rows(), 3);
        const qint64 retry = m_page->model()->entryAt(1).id;
        const qint64 first = m_page->model()->entryAt(2).id;
        QCOMPARE(m_page->model()->entryAt(1).outcome, QStringLiteral("duplicate"));

        QSignalSpy shown(m_page.get(), &InspectorPage::timelineShown);
        select(1);
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.last().at(0).toLongLong(), retry);
        MessageTimelineView* timeline = m_page->timelineView();
        QVERIFY(timeline->isVisible());
        QVERIFY(timeline->timeline());
        QAbstractItemModel* lane = timeline->model();
        QCOMPARE(lane->rowCount(), 2);
        QCOMPARE(lane->index(0, 0).data(MessageTimelineModel::RequestLogIdRole).toLongLong(),
                 first);
        QCOMPARE(lane->index(1, 0).data(MessageTimelineModel::RequestLogIdRole).toLongLong(),
                 retry);
        // The selected request is the current event.
        QCOMPARE(timeline->lane()->currentIndex().row(), 1);

        // Clicking the first delivery selects its request in the table.
        QListView* view = timeline->lane();
        view->scrollTo(lane->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(lane->index(0, 0)).center());
        QTRY_COMPARE(m_page->currentId(), first);
        QVERIFY(shown.wait(5000));
        QCOMPARE(timeline->model()->rowCount(), 2);

        // A request without a message (refused) has no timeline.
        QCOMPARE(fire(QStringLiteral("oncloud"), 1, 4, "Bearer wrong").byStatus.value(401), 1);
        QTRY_COMPARE(rows(), 4);
        select(0);
        QVERIFY(shown.wait(5000));
        QVERIFY(!timeline->timeline());
        QVERIFY(child<QLabel>(m_page.get(), "timelineNote")->isVisible());
    }

    void timelineActivationClearsAFilterThatHidesTheRequest()
    {
        makePage();
        QVERIFY(startListener());
        QVERIFY(fire(QStringLiteral("oncloud"), 1, 0, kOnCloudAuth, 1).allOk());
        QTRY_COMPARE(rows(), 2);
        const qint64 first = m_page->model()->entryAt(1).id;
        // Only duplicates listed: the first delivery is filtered out.
        Settings settings;
        Settings::InspectorFilter filter = settings.inspectorFilter();
        filter.outcomes = QStringList{QStringLiteral("duplicate")};
        settings.setInspectorFilter(filter);
        m_page.reset();
        makePage();
        QTRY_COMPARE(rows(), 1);
        QSignalSpy shown(m_page.get(), &InspectorPage::timelineShown);
        select(0);
        QVERIFY(shown.wait(5000));
        QCOMPARE(m_page->timelineView()->model()->rowCount(), 2);
        // Activate the hidden one (Enter on its event).
        QListView* view = m_page->timelineView()->lane();
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(test::GuiTestContext::focus(view));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(m_page->currentId(), first);
        QVERIFY(m_page->currentFilter().outcomes.isEmpty());
        QCOMPARE(rows(), 2);
        QVERIFY2(m_page->actionResultText().contains(QStringLiteral("filters")),
                 qPrintable(m_page->actionResultText()));
    }

    // --- test webhook --------------------------------------------------------------------

    void sendsATestWebhookForAPbxNumber()
    {
        const qint64 pbxId = addNumber(kPbxNumber, QStringLiteral("pbx"));
        makePage();
        QVERIFY(startListener());
        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_T));
        auto* dialog = test::GuiTestContext::waitForDialog<SendTestWebhookDialog>(m_page.get());
        QVERIFY(dialog);
        auto* numbers = child<QComboBox>(dialog, "numberCombo");
        QCOMPARE(numbers->count(), 2);
        numbers->setCurrentIndex(numbers->findData(pbxId));
        auto* kinds = child<QComboBox>(dialog, "kindCombo");
        QCOMPARE(kinds->count(), 1); // the PBX carrier sends no status webhooks
        child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok)->click();

        const RequestReplayer::Result result = waitForAction(done);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.outcome, QStringLiteral("accepted"));
        QTRY_COMPARE(rows(), 1);
        const RequestLogEntry& entry = m_page->model()->entryAt(0);
        QCOMPARE(entry.id, result.requestLogId);
        QCOMPARE(entry.numberId, pbxId);
        QCOMPARE(entry.provider, QStringLiteral("pbx"));
        QTRY_COMPARE(m_page->currentId(), result.requestLogId);
        QVERIFY2(m_page->actionResultText().startsWith(
                     QStringLiteral("Test webhook: HTTP 200 \u2014 accepted (request #")),
                 qPrintable(m_page->actionResultText()));
    }

    void sendsATestWebhookWithTheNumbersAuthorization()
    {
        makePage();
        QVERIFY(startListener());
        QSignalSpy done(m_page.get(), &InspectorPage::actionFinished);
        m_page->sendTestWebhookFor(*m_fixture->findNumber(kOnCloudNumber),
                                   WebhookSample::Kind::Inbound);
        const RequestReplayer::Result result = waitForAction(done);
        QCOMPARE(result.status, 200); // the keychain's Authorization value was sent
        QCOMPARE(result.outcome, QStringLiteral("accepted"));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(m_page->model()->entryAt(0).numberId, m_onCloudId);

        // Without the keychain's value it is not sent at all.
        m_fixture->secrets().entries.clear();
        m_page->sendTestWebhookFor(*m_fixture->findNumber(kOnCloudNumber),
                                   WebhookSample::Kind::Inbound);
        const RequestReplayer::Result failed = waitForAction(done);
        QCOMPARE(failed.status, 0);
        QVERIFY2(m_page->actionResultText().contains(QStringLiteral("keychain")),
                 qPrintable(m_page->actionResultText()));
        QTest::qWait(100);
        QCOMPARE(rows(), 1);
    }
};

QTEST_MAIN(TestInspectorActions)
#include "TestInspectorActions.moc"
