// The Failures page over real failures: webhooks fired by the simulator at the window's own
// listener on 127.0.0.1 (refused ones, the Android gateway's failing statuses, PBX retries
// against a fault drill), and real sends through the window's outbox to the simulator's
// outbound endpoint in this process (provider refusals, a send left unconfirmed). The page is
// driven like a person would: Ctrl+6, the cause list, the filters, the actions. With
// SMSDESK_SHOTS_DIR set it saves a screenshot of the window there (run it under Xvfb with
// QT_QPA_PLATFORM=xcb to see real fonts).

#include "GuiTestContext.h"
#include "HttpTestClient.h"
#include "MainWindow.h"
#include "OutboundEndpoint.h"
#include "OutboundFixture.h"
#include "OutboundService.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "failures/FailureTableModel.h"
#include "failures/FailureText.h"
#include "failures/FailuresPage.h"
#include "http/HttpServer.h"
#include "inspector/InspectorPage.h"
#include "inspector/MessageTimelineModel.h"
#include "numbers/NumberTableModel.h"
#include "numbers/NumbersPage.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/MessageTimelineReader.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "support/FailureResolutions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using test::child;

namespace {

constexpr int kWaitMs = 20000;
const QString kOnCloud = QStringLiteral("+14045559999"); // the simulator's default
const QString kPbx = QStringLiteral("+61299999999");     // the simulator's default
const QString kGateway = QStringLiteral("+14045557777");
const QString kRemote = QStringLiteral("+17705551234");
const QString kSecret = QStringLiteral("whsec-failures-5e6f");
const QByteArray kAuth = QByteArrayLiteral("Bearer failures-sekrit-4411");
const QString kOps = QStringLiteral("ops@example.com");
const QDateTime kBaseTime(QDate(2026, 2, 13), QTime(19, 0), Qt::UTC);

} // namespace

class TestFailuresPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<test::OutboundFixture> m_sending;
    std::unique_ptr<MainWindow> m_window;

    AppContext& context() { return m_fixture->context(); }
    FailuresPage* page() { return m_window->failuresPage(); }

    qint64 addNumber(NumberRecord number)
    {
        NumberRepository numbers(context().database().connection(), context().clock());
        if (!numbers.insert(number))
            qWarning("insert: %s", qPrintable(numbers.lastError()));
        return number.id;
    }

    WebhookFirer::Summary fire(const QString& provider, WebhookSample::Kind kind, int count,
                               int first = 0, const QByteArray& auth = {}, int retries = 0)
    {
        WebhookSampleFactory::Options options;
        options.provider = provider;
        options.kind = kind;
        options.authorization = auth;
        options.seed = 11;
        options.baseTime = kBaseTime;
        if (provider == QLatin1String("android-gateway"))
            options.number = kGateway;
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(QUrl(m_window->listener()->url()));
        firer.setConcurrency(1);
        firer.setRetries(retries);
        return firer.run(count, [&](int n) { return samples.sample(first + n); });
    }

    // The PBX's first message delivered `attempts` times (the same message_id) while a fault
    // drill answers each of them 500; how many were answered 500.
    int pbxIntoDrill(int attempts)
    {
        FaultDrill drill;
        drill.mode = FaultDrill::Mode::Error;
        drill.remaining = attempts;
        m_window->listener()->setDrill(drill);
        return fire(QStringLiteral("pbx"), WebhookSample::Kind::Inbound, 1, 0, {}, attempts - 1)
            .byStatus.value(500);
    }

    // Queues a message from the onCloud number and waits until the outbox is done with it.
    qint64 send(const QString& text, const QString& finalStatus)
    {
        OutboundDraft draft;
        draft.didE164 = kOnCloud;
        draft.to = kRemote;
        draft.text = text;
        qint64 id = 0;
        bool queued = false;
        m_window->outbound()->outbox().queue(draft,
                                             [&id, &queued](const Outbox::QueueOutcome& outcome) {
                                                 id = outcome.messageId;
                                                 queued = true;
                                             });
        if (!QTest::qWaitFor([&] { return queued; }, kWaitMs) || id <= 0)
            return 0;
        if (!QTest::qWaitFor([&] { return status(id) == finalStatus; }, kWaitMs)) {
            qWarning("message %lld is %s", id, qPrintable(status(id)));
            return 0;
        }
        return id;
    }

    QString status(qint64 messageId)
    {
        QSqlQuery query(context().database().connection());
        query.prepare(QStringLiteral("SELECT status FROM messages WHERE id = ?"));
        query.addBindValue(messageId);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

    QString navigationText()
    {
        auto* navigation = child<QListWidget>(m_window.get(), "navigation");
        return navigation->item(navigation->count() - 1)->text(); // Failures comes last
    }

    int rowWhere(const std::function<bool(const FailureEntry&)>& match)
    {
        for (int row = 0; row < page()->model()->rowCount(); ++row) {
            if (match(page()->model()->entryAt(row)))
                return row;
        }
        return -1;
    }

    void selectRows(const QList<int>& rows)
    {
        QTableView* table = page()->view();
        table->clearSelection();
        for (const int row : rows)
            table->selectionModel()->select(page()->model()->index(row, 0),
                                            QItemSelectionModel::Select |
                                                QItemSelectionModel::Rows);
    }

    QStringList causeTexts()
    {
        QStringList texts;
        auto* list = child<QListWidget>(page(), "causeList");
        for (int row = 0; row < list->count(); ++row)
            texts.append(list->item(row)->text());
        return texts;
    }

    void shoot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("SMSDESK_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_failures"));
    }

    void init()
    {
        Settings().clear();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));

        PlanRecord plan;
        plan.name = QStringLiteral("Basic");
        plan.monthlyLimit = 100;
        QVERIFY(m_fixture->addPlan(plan) > 0);

        NumberRecord onCloud;
        onCloud.e164 = kOnCloud;
        onCloud.provider = QStringLiteral("oncloud");
        onCloud.label = QStringLiteral("Front desk");
        onCloud.planId = plan.id;
        onCloud.hasSecret = true;
        onCloud.hasAuthHeader = true;
        QVERIFY(addNumber(onCloud) > 0);
        m_fixture->secrets().entries.insert(
            SecretStore::numberKey(kOnCloud, SecretStore::Kind::WebhookSecret), kSecret);
        m_fixture->secrets().entries.insert(
            SecretStore::numberKey(kOnCloud, SecretStore::Kind::AuthorizationHeader),
            QString::fromLatin1(kAuth));
        NumberRecord pbx;
        pbx.e164 = kPbx;
        pbx.provider = QStringLiteral("pbx");
        pbx.serviceId = QStringLiteral("100234");
        pbx.fallbackEmail = kOps;
        QVERIFY(addNumber(pbx) > 0);
        NumberRecord gateway;
        gateway.e164 = kGateway;
        gateway.provider = QStringLiteral("android-gateway");
        gateway.deviceId = QString::number(WebhookSampleFactory::DefaultDeviceId);
        gateway.sim = WebhookSampleFactory::DefaultSim;
        QVERIFY(addNumber(gateway) > 0);

        m_sending = std::make_unique<test::OutboundFixture>();
        QVERIFY2(m_sending->listen(kSecret, &error), qPrintable(error));

        Settings().setListen(QStringLiteral("127.0.0.1:0"));
        CommandLine::Options options;
        options.outboundBase = m_sending->base();
        m_window = std::make_unique<MainWindow>(context(), options);
        m_window->resize(1280, 760);
        QVERIFY(m_window->outbound());
        m_window->show();
        m_window->activateWindow(); // X input focus also without a window manager (Xvfb)
        QVERIFY(test::GuiTestContext::activate(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->listener()->state(), ListenerController::State::Running,
                                  kWaitMs);
    }

    void cleanup()
    {
        m_window.reset();
        m_sending.reset();
        m_fixture.reset();
    }

    void listsRealFailuresGroupedWithTheirActions()
    {
        QCOMPARE(navigationText(), QStringLiteral("Failures"));
        // Refused: a wrong Authorization header, twice.
        QCOMPARE(fire(QStringLiteral("oncloud"), WebhookSample::Kind::Inbound, 2, 0, "Bearer wrong")
                     .byStatus.value(401),
                 2);
        // Every failing status of the gateway's document (samples 6..12: 8, 9, 10, 11, 12, 100,
        // 101), stored and answered 200.
        QVERIFY(fire(QStringLiteral("android-gateway"), WebhookSample::Kind::Status, 7, 6).allOk());
        // The PBX delivers one message 7 times into a fault drill: 7 failed deliveries.
        QCOMPARE(pbxIntoDrill(7), 7);
        // Sends: an invalid number, a plan refusal, one whose answer never came.
        const qint64 invalid =
            send(QStringLiteral("[WH-2] are you there?"), QStringLiteral("failed"));
        QVERIFY(invalid > 0);
        const qint64 refused = send(QStringLiteral("[WH-23-3] see you"), QStringLiteral("failed"));
        QVERIFY(refused > 0);
        m_sending->endpoint().setFault(OutboundEndpoint::Fault::DropAfterRead, 1);
        const qint64 unconfirmed =
            send(QStringLiteral("table for two"), QStringLiteral("unconfirmed"));
        QVERIFY(unconfirmed > 0);

        // Ctrl+6: the page, newest first; the badge counts 2 + 7 + 1 + 3 unresolved.
        test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_6));
        QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(page()));
        QTRY_COMPARE_WITH_TIMEOUT(navigationText(), QStringLiteral("Failures (13)"), kWaitMs);
        QTRY_COMPARE(page()->model()->rowCount(), 13);
        for (int row = 1; row < 13; ++row)
            QVERIFY(page()->model()->entryAt(row - 1).atMs >= page()->model()->entryAt(row).atMs);

        // Grouped by cause, with counts.
        QTRY_VERIFY2(causeTexts().contains(QStringLiteral("Refused: authorization (2)")),
                     qPrintable(causeTexts().join(QLatin1Char('|'))));
        QVERIFY(causeTexts().contains(QStringLiteral("All causes (13)")));
        QVERIFY2(causeTexts().contains(QStringLiteral("Gateway 10: SMS Not Sent - No Service (1)")),
                 qPrintable(causeTexts().join(QLatin1Char('|'))));
        QVERIFY(causeTexts().contains(QStringLiteral("PBX: retrying after failures (1)")));

        // The PBX message: 7 of its 10 attempts failed, and where it goes after the tenth.
        const int fallback =
            rowWhere([](const FailureEntry& e) { return e.kind == FailureEntry::Kind::Fallback; });
        QVERIFY(fallback >= 0);
        QCOMPARE(page()->model()->index(fallback, FailureTableModel::CauseColumn).data().toString(),
                 QStringLiteral("attempt 7 of 10 failed: after 10 the PBX emails ops@example.com"));
        // Every gateway failure with the document's meaning beside the gateway's own words.
        for (const char* status : {"8", "9", "10", "11", "12", "100", "101"}) {
            const int row = rowWhere([status](const FailureEntry& e) {
                return e.kind == FailureEntry::Kind::Delivery && e.code == QLatin1String(status);
            });
            QVERIFY2(row >= 0, status);
            const FailureEntry entry = page()->model()->entryAt(row);
            const auto documented =
                FailureCatalogue::deliveryStatus(QStringLiteral("android-gateway"), entry.code);
            QVERIFY(documented);
            const QString html = FailureText::detailHtml(entry);
            QVERIFY2(html.contains(documented->meaning.toHtmlEscaped()), qPrintable(html));
            QVERIFY2(html.contains(entry.detail.toHtmlEscaped()), qPrintable(html));
            QVERIFY(!entry.detail.isEmpty());
        }
        // The send refused for an invalid number, with the catalogue's words and its status.
        const int invalidRow = rowWhere([invalid](const FailureEntry& e) {
            return e.kind == FailureEntry::Kind::Send && e.messageId == invalid;
        });
        QVERIFY(invalidRow >= 0);
        QCOMPARE(page()->model()->entryAt(invalidRow).code, QStringLiteral("WH-2"));
        QCOMPARE(page()->model()->entryAt(invalidRow).httpStatus, 400);
        QCOMPARE(page()->model()->entryAt(invalidRow).attempts, 1);
        selectRows({invalidRow});
        auto* detail = child<QLabel>(page(), "detailLabel");
        QVERIFY2(detail->text().contains(QStringLiteral("country code")),
                 qPrintable(detail->text()));
        shoot(QStringLiteral("failures-page.png"));

        // Filters: by kind, then by number.
        auto* kinds = child<QComboBox>(page(), "kindCombo");
        kinds->setCurrentIndex(kinds->findData(static_cast<int>(FailureEntry::Kind::Delivery)));
        QTRY_COMPARE(page()->model()->rowCount(), 7);
        kinds->setCurrentIndex(0);
        auto* numbers = child<QComboBox>(page(), "numberCombo");
        QTRY_VERIFY(numbers->findData(kPbx) > 0);
        numbers->setCurrentIndex(numbers->findData(kPbx));
        QTRY_COMPARE(page()->model()->rowCount(), 1);
        numbers->setCurrentIndex(0);
        QTRY_COMPARE(page()->model()->rowCount(), 13);

        // Bulk retry of the three sends: the two a retry cannot fix are skipped, and said so.
        kinds->setCurrentIndex(kinds->findData(static_cast<int>(FailureEntry::Kind::Send)));
        QTRY_COMPARE(page()->model()->rowCount(), 3);
        page()->view()->selectAll();
        QSignalSpy retried(page(), &FailuresPage::retryFinished);
        test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(retried.wait(kWaitMs));
        const QString summary = retried.first().first().toString();
        QVERIFY2(summary.startsWith(QStringLiteral("Retried 1.")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Skipped 2 that a retry cannot fix")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("invalid number (WH-2)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("refused by the plan (WH-23-3)")),
                 qPrintable(summary));
        QCOMPARE(page()->summaryText(), summary);
        QTRY_COMPARE_WITH_TIMEOUT(status(unconfirmed), QStringLiteral("sent"), kWaitMs);
        QCOMPARE(status(invalid), QStringLiteral("failed"));
        QTRY_COMPARE(page()->model()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(navigationText(), QStringLiteral("Failures (12)"), kWaitMs);
        kinds->setCurrentIndex(0);
        QTRY_COMPARE(page()->model()->rowCount(), 12);

        // Mark a refusal resolved: who and when are kept; it leaves the list and the badge.
        const int refusal = rowWhere([](const FailureEntry& e) {
            return e.kind == FailureEntry::Kind::Inbound &&
                   e.cause == QLatin1String("refused-auth");
        });
        QVERIFY(refusal >= 0);
        const FailureEntry refusalEntry = page()->model()->entryAt(refusal);
        QVERIFY(refusalEntry.requestId > 0);
        selectRows({refusal});
        QSignalSpy resolved(page(), &FailuresPage::resolveFinished);
        test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QVERIFY(resolved.wait(kWaitMs));
        QCOMPARE(resolved.first().first().toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(navigationText(), QStringLiteral("Failures (11)"), kWaitMs);
        QSqlQuery query(context().database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT failure_key, resolved_by, resolved_at FROM "
                                          "failure_resolutions")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), refusalEntry.key);
        QCOMPARE(query.value(1).toString(), FailureResolutions::currentUserName());
        QCOMPARE(query.value(2).toLongLong(), context().clock().nowMs());
        query.finish();
        child<QCheckBox>(page(), "resolvedCheck")->setChecked(true);
        QTRY_COMPARE(page()->model()->rowCount(), 12);
        child<QCheckBox>(page(), "resolvedCheck")->setChecked(false);
        QTRY_COMPARE(page()->model()->rowCount(), 11);

        // Open the other refusal's request in the Inspector.
        const int other = rowWhere([](const FailureEntry& e) {
            return e.kind == FailureEntry::Kind::Inbound &&
                   e.cause == QLatin1String("refused-auth");
        });
        QVERIFY(other >= 0);
        const qint64 requestId = page()->model()->entryAt(other).requestId;
        selectRows({other});
        QSignalSpy shown(m_window->inspectorPage(), &InspectorPage::entryShown);
        test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_I));
        QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_window->inspectorPage()));
        QTRY_COMPARE(m_window->inspectorPage()->shownId(), requestId);

        // Open the conversation of a gateway failure.
        m_window->showPage(page());
        const int gatewayRow = rowWhere([](const FailureEntry& e) {
            return e.kind == FailureEntry::Kind::Delivery && e.code == QLatin1String("10");
        });
        QVERIFY(gatewayRow >= 0);
        const qint64 gatewayMessage = page()->model()->entryAt(gatewayRow).messageId;
        selectRows({gatewayRow});
        QSignalSpy opened(page(), &FailuresPage::conversationOpened);
        page()->openSelectedConversation();
        QVERIFY(opened.wait(kWaitMs));
        QCOMPARE(opened.first().at(1).toLongLong(), gatewayMessage);

        // Export the filtered list (the worker writes it).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("failures.csv"));
        page()->setSavePathChooser([path](const QString&, const QString&) { return path; });
        QSignalSpy exported(page(), &FailuresPage::exportFinished);
        page()->exportFiltered();
        QVERIFY(exported.wait(kWaitMs));
        QCOMPARE(exported.first().at(2).toString(), QString());
        QCOMPARE(exported.first().at(1).toLongLong(), 11);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QCOMPARE(csv.count("\r\n"), 12);
        QVERIFY(csv.startsWith("time,kind,number,remote,provider,cause,"));
        QVERIFY(csv.contains("attempt 7 of 10 failed: after 10 the PBX emails ops@example.com"));
        QVERIFY(csv.contains("SMS Not Sent - Radio Off"));
    }

    // A send whose answer never came, to a remote who then texts STOP: a bulk retry skips it
    // and says why (the opt-out store is read by the worker at retry time), while the other
    // unconfirmed send, to a remote who did not opt out, goes out again.
    void bulkRetrySkipsRemotesThatOptedOut()
    {
        m_sending->endpoint().setFault(OutboundEndpoint::Fault::DropAfterRead, 1);
        const qint64 toStop =
            send(QStringLiteral("Your table is ready"), QStringLiteral("unconfirmed"));
        QVERIFY(toStop > 0);
        m_sending->endpoint().setFault(OutboundEndpoint::Fault::DropAfterRead, 1);
        OutboundDraft other;
        other.didE164 = kOnCloud;
        other.to = QStringLiteral("+17705550199");
        other.text = QStringLiteral("Your order is ready");
        qint64 otherId = 0;
        m_window->outbound()->outbox().queue(
            other,
            [&otherId](const Outbox::QueueOutcome& outcome) { otherId = outcome.messageId; });
        QTRY_VERIFY_WITH_TIMEOUT(otherId > 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(status(otherId), QStringLiteral("unconfirmed"), kWaitMs);

        // The remote answers STOP, through the listener as onCloud posts it.
        test::HttpTestClient client(quint16(QUrl(m_window->listener()->url()).port()));
        QVERIFY(client.waitConnected());
        client.send(test::HttpTestClient::post(
            "/webhooks/oncloud",
            QStringLiteral("{\"event\":\"sms.inbound\",\"from\":\"%1\",\"to\":\"%2\","
                           "\"text\":\"Stop\",\"timestamp\":\"2026-02-13T14:30:00-05:00\"}")
                .arg(kRemote, kOnCloud)
                .toUtf8(),
            "application/json", "Authorization: " + kAuth + "\r\n"));
        const std::optional<test::HttpTestResponse> answer = client.response();
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);

        // Hidden, the page keeps only its badge up to date; shown, it reads its list.
        QVERIFY(!page()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(navigationText(), QStringLiteral("Failures (2)"), kWaitMs);
        m_window->showPage(page());
        auto* kinds = child<QComboBox>(page(), "kindCombo");
        kinds->setCurrentIndex(kinds->findData(static_cast<int>(FailureEntry::Kind::Send)));
        QTRY_COMPARE(page()->model()->rowCount(), 2);
        page()->view()->selectAll();
        QSignalSpy retried(page(), &FailuresPage::retryFinished);
        test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(retried.wait(kWaitMs));
        const QString summary = retried.first().first().toString();
        QVERIFY2(summary.startsWith(QStringLiteral("Retried 1.")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Skipped 1 that a retry cannot fix")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("the recipient opted out (STOP)")),
                 qPrintable(summary));
        QTRY_COMPARE_WITH_TIMEOUT(status(otherId), QStringLiteral("sent"), kWaitMs);
        QCOMPARE(status(toStop), QStringLiteral("unconfirmed"));
        QTRY_COMPARE(page()->model()->rowCount(), 1);
        QCOMPARE(page()->model()->entryAt(0).messageId, toStop);
    }

    // The PBX's tenth failed attempt: the message went to the fallback email. The Failures page
    // says so live, and so does the message's timeline in the Inspector.
    void pbxRetriesIntoAFaultDrillEndInTheFallbackEmail()
    {
        m_window->showPage(page());
        QCOMPARE(pbxIntoDrill(7), 7);
        QTRY_COMPARE_WITH_TIMEOUT(navigationText(), QStringLiteral("Failures (1)"), kWaitMs);
        QTRY_COMPARE(page()->model()->rowCount(), 1);
        // Live: the row follows the deliveries as they come.
        QTRY_COMPARE_WITH_TIMEOUT(page()->model()->entryAt(0).failedAttempts, 7, kWaitMs);
        const FailureEntry pending = page()->model()->entryAt(0);
        QVERIFY(pending.messageId > 0); // stored, then answered 500 by the drill

        // The Inspector's timeline of the message: each failed delivery is counted.
        const MessageTimelineReader reader(context().database().connection());
        auto timeline = reader.forMessage(pending.messageId);
        QVERIFY2(timeline, qPrintable(reader.lastError()));
        QCOMPARE(timeline->pbxDeliveryIds.size(), 7);
        QStringList details;
        for (const MessageTimeline::Event& event : std::as_const(timeline->events))
            details.append(MessageTimelineModel::detailText(*timeline, event));
        QVERIFY2(details.join(QLatin1Char('|'))
                     .contains(QStringLiteral(
                         "attempt 7 of 10 failed: after 10 the PBX emails ops@example.com")),
                 qPrintable(details.join(QLatin1Char('|'))));

        // Three more attempts, all drilled: the tenth failed, the PBX emails it.
        QCOMPARE(pbxIntoDrill(3), 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            page()->model()->index(0, FailureTableModel::CauseColumn).data().toString(),
            QStringLiteral("attempt 10 of 10 failed: sent to the fallback email ops@example.com"),
            kWaitMs);
        QTRY_VERIFY(causeTexts().contains(QStringLiteral("PBX: sent to the fallback email (1)")));
        timeline = reader.forMessage(pending.messageId);
        QVERIFY(timeline);
        QCOMPARE(timeline->pbxDeliveryIds.size(), 10);
        const MessageTimeline::Event& last = timeline->events.constLast();
        QCOMPARE(MessageTimelineModel::detailText(*timeline, last)
                     .contains(QStringLiteral(
                         "attempt 10 of 10 failed: sent to the fallback email ops@example.com")),
                 true);
    }

    // The Numbers page flags a PBX number without a fallback email: after its tenth failed
    // delivery, the PBX would email nobody SMS Desk knows of.
    void numbersPageFlagsAPbxNumberWithoutFallbackEmail()
    {
        NumberRecord bare;
        bare.e164 = QStringLiteral("+61299999998");
        bare.provider = QStringLiteral("pbx");
        QVERIFY(addNumber(bare) > 0);
        m_window->showPage(m_window->numbersPage());
        m_window->numbersPage()->reload();
        NumberTableModel* model = m_window->numbersPage()->model();
        QTRY_COMPARE(model->rowCount(), 4);
        int flagged = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex cell = model->index(row, NumberTableModel::FallbackEmailColumn);
            const NumberRecord& number = model->numberAt(row);
            if (number.e164 == kPbx) {
                QCOMPARE(cell.data().toString(), kOps);
                QVERIFY(cell.data(Qt::DecorationRole).isNull());
            } else if (number.e164 == bare.e164) {
                QCOMPARE(cell.data().toString(), QStringLiteral("none set"));
                QVERIFY(!cell.data(Qt::DecorationRole).isNull());
                QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("10 times")));
                ++flagged;
            } else {
                // Providers without a fallback email are not flagged.
                QVERIFY(cell.data(Qt::DecorationRole).isNull());
            }
        }
        QCOMPARE(flagged, 1);
        QCOMPARE(
            model->headerData(NumberTableModel::FallbackEmailColumn, Qt::Horizontal).toString(),
            QStringLiteral("Fallback\nemail"));
    }
};

QTEST_MAIN(TestFailuresPage)
#include "TestFailuresPage.moc"
