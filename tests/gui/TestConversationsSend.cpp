// Sending from the Conversations page, offscreen, over a real SQLite file: the compose box
// queues through the real outbox, which sends to the simulator's outbound endpoint served by
// this process on 127.0.0.1; the thread shows the message at once and its state as it moves on;
// the plan guard's refusals are said in words before the wire; a failed message is retried and
// an unconfirmed one marked failed from the bar under the thread; a real STOP webhook fired at
// the GUI's real listener opts the sender out (the banner, the outbox's OPTED-OUT), a START opts
// them back in; the From list carries the plan usage; the opt-out list is exported.
//
// Screenshots: SMSDESK_SCREENSHOT_DIR=<dir> (under Xvfb with QT_QPA_PLATFORM=xcb, or offscreen)
// saves conversations-failed-retry.png and conversations-opted-out.png.

#include "GuiTestContext.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "OutboundEndpoint.h"
#include "OutboundFixture.h"
#include "OutboundService.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "conversations/ComposeBox.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationView.h"
#include "conversations/ConversationsPage.h"
#include "conversations/FailedMessageBar.h"
#include "http/HttpServer.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using test::child;
using Thread = ConversationReader::Thread;

namespace {

constexpr int kWaitMs = 20000;
const QString kDid = QStringLiteral("+14045559999"); // the onCloud samples' number
const QString kSecret = QStringLiteral("whsec-conversations-7d1e");
const QByteArray kAuth = QByteArrayLiteral("Bearer conversations-send-6620");
const Thread kAlice{kDid, QStringLiteral("+17705551234")}; // the onCloud samples' sender
const qint64 kHour = 3'600'000;

bool activate(QWidget* window)
{
    window->show();
    window->activateWindow();
    return test::GuiTestContext::activate(window);
}

} // namespace

class TestConversationsSend : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<test::OutboundFixture> m_sending;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<ConversationsPage> m_page;
    qint64 m_planId = 0;
    qint64 m_didId = 0;

    AppContext& context() { return m_fixture->context(); }
    QSqlDatabase db() { return context().database().connection(); }
    Outbox& outbox() { return m_sending->service().outbox(); }

    qint64 addPlan(const QString& name, int limit, bool outbound = true)
    {
        PlanRecord plan;
        plan.name = name;
        plan.monthlyLimit = limit;
        plan.outboundIncluded = outbound;
        return m_fixture->addPlan(plan);
    }

    qint64 addNumber(const QString& e164, const QString& provider, const QString& label,
                     qint64 planId, bool withSecret = true)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.label = label;
        number.planId = planId;
        number.hasSecret = withSecret;
        number.hasAuthHeader = true;
        if (provider == QLatin1String("zonitel"))
            number.clientId = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
        return m_fixture->addNumber(
            number, {QString::fromLatin1(kAuth), withSecret ? kSecret : QString(), {}});
    }

    // A message of `thread` in the store; `status` by default: sent or received.
    qint64 insert(const Thread& thread, bool outbound, const QString& text, qint64 atMs,
                  const QString& status = QString(), const QString& providerId = QString())
    {
        const QString defaultStatus =
            outbound ? QStringLiteral("sent") : QStringLiteral("received");
        return m_fixture->insertMessage(thread, outbound, text, atMs,
                                        status.isEmpty() ? defaultStatus : status, {}, providerId);
    }

    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.value(0);
    }

    // The page with Alice's thread shown (one message from her an hour ago).
    void openAlice()
    {
        QVERIFY(insert(kAlice, false, QStringLiteral("Is my bike ready?"),
                       context().clock().nowMs() - kHour) > 0);
        m_page = std::make_unique<ConversationsPage>(context(), *m_listener);
        m_page->setOutbox(&outbox());
        m_page->resize(1000, 720);
        QSignalSpy numbers(m_page.get(), &ConversationsPage::numbersReloaded);
        QVERIFY(activate(m_page.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowOf(kAlice) >= 0, kWaitMs);
        QVERIFY(!numbers.isEmpty() || numbers.wait(kWaitMs));
        QSignalSpy optOut(m_page.get(), &ConversationsPage::optOutRead);
        m_page->showThread(kAlice);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->threadPane()->view()->messages().size(), 1, kWaitMs);
        QVERIFY(!optOut.isEmpty() || optOut.wait(kWaitMs));
    }

    QPlainTextEdit* composerText() { return child<QPlainTextEdit>(m_page.get(), "textEdit"); }
    QPushButton* sendButton() { return child<QPushButton>(m_page.get(), "sendButton"); }
    QString note() { return m_page->composeBox()->noteText(); }

    // Types `text` and clicks Send; the message id once it is queued (0: refused).
    qint64 sendText(const QString& text)
    {
        composerText()->setFocus();
        QTest::keyClicks(composerText(), text);
        if (!sendButton()->isEnabled()) {
            qWarning("Send is disabled: %s", qPrintable(sendButton()->toolTip()));
            return 0;
        }
        QSignalSpy queued(m_page.get(), &ConversationsPage::messageQueued);
        QSignalSpy refused(m_page.get(), &ConversationsPage::sendRefused);
        QTest::mouseClick(sendButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !queued.isEmpty() || !refused.isEmpty(); }, kWaitMs))
            return -1;
        return queued.isEmpty() ? 0 : queued.first().first().toLongLong();
    }

    // The message as the thread shows it now; none when it is not shown.
    std::optional<ConversationMessage> shown(qint64 id)
    {
        for (const ConversationMessage& message : m_page->threadPane()->view()->messages()) {
            if (message.id == id)
                return message;
        }
        return std::nullopt;
    }

    bool waitForStatus(qint64 id, const QString& status)
    {
        if (QTest::qWaitFor(
                [&] {
                    const std::optional<ConversationMessage> message = shown(id);
                    return message && message->status == status;
                },
                kWaitMs))
            return true;
        for (const ConversationMessage& message : m_page->threadPane()->view()->messages())
            qWarning("shown: %lld %s %s at %lld", message.id, qPrintable(message.status),
                     qPrintable(message.text), message.receivedAtMs);
        return false;
    }

    int failedCountOfAlice()
    {
        const int row = m_page->model()->rowOf(kAlice);
        return row < 0 ? -1 : m_page->model()->summaryAt(row).failedCount;
    }

    // Fires an onCloud webhook from Alice saying `text` at the GUI's listener.
    bool fireFromAlice(const QString& text, quint64 seed)
    {
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        options.authorization = kAuth;
        options.seed = seed;
        WebhookSample sample = WebhookSampleFactory(options).sample(1); // two-way, no media
        QJsonObject body = QJsonDocument::fromJson(sample.body).object();
        body.insert(QStringLiteral("text"), text);
        sample.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        sample.text = text;
        WebhookFirer firer;
        firer.setUrl(QUrl(m_listener->url()));
        return firer.run(1, [&](int) { return sample; }).allOk();
    }

    void shoot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(100); // the posted layouts
        QVERIFY(m_page->grab().save(dir + QLatin1Char('/') + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_conversations_send"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        test::GuiTestContext::clearSettings();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_planId = addPlan(QStringLiteral("Basic"), 10);
        m_didId =
            addNumber(kDid, QStringLiteral("oncloud"), QStringLiteral("Front desk"), m_planId);
        QVERIFY(m_planId > 0 && m_didId > 0);

        m_sending = std::make_unique<test::OutboundFixture>();
        QVERIFY2(m_sending->listen(kSecret, &error), qPrintable(error));
        m_sending->startService(context(), 2000, 1);
        m_listener = std::make_unique<ListenerController>(context(),
                                                          test::GuiTestContext::loopbackListener());
    }

    void cleanup()
    {
        m_page.reset();
        if (m_listener && m_listener->state() == ListenerController::State::Running) {
            m_listener->stop();
            QTRY_VERIFY_WITH_TIMEOUT(m_listener->state() == ListenerController::State::Stopped,
                                     10000);
        }
        m_listener.reset();
        m_sending.reset();
        m_fixture.reset();
    }

    // Send queues: the message shows at once as queued, then sending, then sent with the
    // carrier ID under the box; the draft is gone.
    void sendShowsQueuedSendingSent()
    {
        openAlice();
        // Offline first: the message waits in the outbox, and the thread shows it queued.
        outbox().setOnline(false);
        const qint64 id = sendText(QStringLiteral("Yes, come by at 10"));
        QVERIFY(id > 0);
        QVERIFY(composerText()->toPlainText().isEmpty()); // cleared once queued
        QVERIFY2(waitForStatus(id, QStringLiteral("queued")), "not shown as queued");
        QCOMPARE(shown(id)->text, QStringLiteral("Yes, come by at 10"));
        QCOMPARE(shown(id)->isOutbound(), true);
        QCOMPARE(m_sending->endpoint().records().size(), 0);
        QVERIFY2(note().contains(QStringLiteral("Queued")), qPrintable(note()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM drafts")).toInt(), 0);

        // Online, with a slow provider: sending, then sent.
        m_sending->endpoint().setDelayMs(1500);
        outbox().setOnline(true);
        QVERIFY2(waitForStatus(id, QStringLiteral("sending")), "not shown as sending");
        QVERIFY2(waitForStatus(id, QStringLiteral("sent")), "not shown as sent");
        QCOMPARE(m_sending->endpoint().records().size(), 1);
        const QString carrierId = m_sending->endpoint().records().first().carrierId;
        QVERIFY(!carrierId.isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(note().contains(carrierId), qPrintable(note()), kWaitMs);
        QCOMPARE(
            scalar(QStringLiteral("SELECT provider_message_id FROM messages WHERE id = %1").arg(id))
                .toString(),
            carrierId);
        // The thread list has it as the newest message.
        QTRY_COMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kAlice)).lastText,
                     QStringLiteral("Yes, come by at 10"));
    }

    // WH-23-3 is said in words before the wire; the text stays; nothing is stored.
    void planLimitRefusedBeforeTheWire()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY(insert({kDid, QStringLiteral("+17705550000")}, true,
                           QStringLiteral("earlier %1").arg(i),
                           context().clock().nowMs() - 2 * kHour, QStringLiteral("sent"),
                           QStringLiteral("c-%1").arg(i)) > 0);
        openAlice();
        auto* from = child<QComboBox>(m_page.get(), "fromCombo");
        QTRY_VERIFY2_WITH_TIMEOUT(from->currentText().contains(QStringLiteral("10 / 10")),
                                  qPrintable(from->currentText()), kWaitMs);
        const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM messages")).toLongLong();
        QCOMPARE(sendText(QStringLiteral("One more thing")), 0);
        QVERIFY2(note().contains(QStringLiteral("WH-23-3")), qPrintable(note()));
        QVERIFY2(note().contains(QStringLiteral("used every message its plan allows")),
                 qPrintable(note()));
        QCOMPARE(composerText()->toPlainText(), QStringLiteral("One more thing"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")).toLongLong(), before);
        QCOMPARE(m_sending->endpoint().records().size(), 0);
    }

    // A refusal by onCloud: failed with its code, marked in the list; Retry sends it again and
    // the mark goes.
    void failedThenRetried()
    {
        openAlice();
        m_sending->endpoint().setForcedError(QStringLiteral("WH-3"));
        const qint64 id = sendText(QStringLiteral("Your bike is ready"));
        QVERIFY(id > 0);
        QVERIFY(waitForStatus(id, QStringLiteral("failed")));
        QCOMPARE(shown(id)->errorCode, QStringLiteral("WH-3"));
        QTRY_COMPARE_WITH_TIMEOUT(failedCountOfAlice(), 1, kWaitMs);
        QTRY_VERIFY2_WITH_TIMEOUT(note().contains(QStringLiteral("WH-3")), qPrintable(note()),
                                  kWaitMs);
        FailedMessageBar* bar = m_page->failedBar();
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->message()->id, id);
        auto* retry = child<QPushButton>(bar, "retryButton");
        QVERIFY(retry->isVisible() && retry->isEnabled());
        QVERIFY(!child<QPushButton>(bar, "markFailedButton")->isVisible());
        QVERIFY2(child<QLabel>(bar, "failedMessageLabel")->text().contains(QStringLiteral("WH-3")),
                 qPrintable(child<QLabel>(bar, "failedMessageLabel")->text()));
        // The thread's context menu offers it too.
        QVERIFY(m_page->threadPane()->view()->list()->actions().contains(bar->retryAction()));
        QVERIFY(bar->retryAction()->isEnabled());
        shoot(QStringLiteral("conversations-failed-retry.png"));

        m_sending->endpoint().setForcedError(QString());
        QSignalSpy retried(m_page.get(), &ConversationsPage::retryRequested);
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(retried.first().first().toLongLong(), id);
        QVERIFY2(waitForStatus(id, QStringLiteral("sent")), "not sent again");
        QCOMPARE(m_sending->endpoint().records().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(failedCountOfAlice(), 0, kWaitMs);
        QTRY_VERIFY(!bar->isVisible());
    }

    // No answer after sending: unconfirmed, never sent again by itself; Mark failed settles it.
    void unconfirmedMarkedFailed()
    {
        openAlice();
        m_sending->endpoint().setDelayMs(3000); // longer than the client waits
        const qint64 id = sendText(QStringLiteral("See you at 10"));
        QVERIFY(id > 0);
        QVERIFY(waitForStatus(id, QStringLiteral("unconfirmed")));
        FailedMessageBar* bar = m_page->failedBar();
        QTRY_VERIFY(bar->isVisible());
        auto* markFailed = child<QPushButton>(bar, "markFailedButton");
        QVERIFY(markFailed->isVisible() && markFailed->isEnabled());
        QVERIFY(bar->markFailedAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(failedCountOfAlice(), 1, kWaitMs);
        QTest::mouseClick(markFailed, Qt::LeftButton);
        QVERIFY(waitForStatus(id, QStringLiteral("failed")));
        QTRY_VERIFY(!markFailed->isVisible());
        QVERIFY(child<QPushButton>(bar, "retryButton")->isVisible());
        QCOMPARE(m_sending->endpoint().records().size(), 1); // never sent again by itself
        QCOMPARE(failedCountOfAlice(), 1);
    }

    // A real STOP through the GUI's listener: the banner, and the outbox refuses in words; a
    // START undoes it. The list exports as CSV.
    void stopWebhookOptsOutAndStartUndoes()
    {
        openAlice();
        m_listener->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_listener->state() == ListenerController::State::Running, 10000);
        QSignalSpy optOut(m_page.get(), &ConversationsPage::optOutRead);
        QVERIFY(fireFromAlice(QStringLiteral("Stop"), 11));
        QTRY_VERIFY2_WITH_TIMEOUT(m_page->composeBox()->optOutBanner().startsWith(
                                      QStringLiteral("Opted out by STOP on ")),
                                  qPrintable(m_page->composeBox()->optOutBanner()), kWaitMs);
        QVERIFY(
            m_page->composeBox()->optOutBanner().endsWith(QStringLiteral("sending is refused")));
        QVERIFY(child<QLabel>(m_page.get(), "optOutBanner")->isVisible());
        QCOMPARE(sendText(QStringLiteral("Last chance: 20 % off!")), 0);
        QVERIFY2(note().contains(QStringLiteral("OPTED-OUT")), qPrintable(note()));
        QVERIFY2(note().contains(QStringLiteral("opted out of messages from this number")),
                 qPrintable(note()));
        QCOMPARE(composerText()->toPlainText(), QStringLiteral("Last chance: 20 % off!"));
        QCOMPARE(m_sending->endpoint().records().size(), 0);
        shoot(QStringLiteral("conversations-opted-out.png"));

        // A new conversation typed to the same number from the same line shows it too, before
        // anything is sent; another number clears it.
        m_page->startNewConversation();
        auto* recipient = child<QLineEdit>(m_page.get(), "recipientEdit");
        QVERIFY(!recipient->isReadOnly());
        QTRY_VERIFY(m_page->composeBox()->optOutBanner().isEmpty());
        recipient->setText(QStringLiteral("(770) 555-1234"));
        QTRY_VERIFY2_WITH_TIMEOUT(m_page->composeBox()->optOutBanner().startsWith(
                                      QStringLiteral("Opted out by STOP on ")),
                                  qPrintable(m_page->composeBox()->optOutBanner()), kWaitMs);
        QVERIFY(child<QLabel>(m_page.get(), "optOutBanner")->isVisible());
        recipient->setText(QStringLiteral("(770) 555-9876"));
        QTRY_VERIFY(m_page->composeBox()->optOutBanner().isEmpty());
        QVERIFY(!child<QLabel>(m_page.get(), "optOutBanner")->isVisible());
        m_page->showThread(kAlice);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->composeBox()->optOutBanner().startsWith(
                                     QStringLiteral("Opted out by STOP on ")),
                                 kWaitMs);

        // The export of the list.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("opt-outs.csv"));
        m_page->setSavePathChooser([&](const QString&, const QString&) { return path; });
        QSignalSpy exported(m_page.get(), &ConversationsPage::optOutsExported);
        m_page->exportOptOutsAction()->trigger();
        QVERIFY(exported.wait(kWaitMs));
        QCOMPARE(exported.first().at(1).toLongLong(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).startsWith("+14045559999,+17705551234,true,STOP,"),
                 lines.at(1).constData());

        // The listener stores at the system's time; ours comes after its messages.
        m_fixture->clock().set(QDateTime::currentDateTimeUtc().addSecs(60));
        QVERIFY(fireFromAlice(QStringLiteral("START"), 12));
        QTRY_VERIFY2_WITH_TIMEOUT(m_page->composeBox()->optOutBanner().isEmpty() &&
                                      !child<QLabel>(m_page.get(), "optOutBanner")->isVisible(),
                                  qPrintable(m_page->composeBox()->optOutBanner()), kWaitMs);
        composerText()->clear();
        const qint64 id = sendText(QStringLiteral("Welcome back!"));
        QVERIFY(id > 0);
        QVERIFY2(waitForStatus(id, QStringLiteral("sent")),
                 qPrintable(note() + QLatin1Char('|') +
                            scalar(QStringLiteral("SELECT status || ' ' || COALESCE(error_code, "
                                                  "'') FROM messages WHERE id = %1")
                                       .arg(id))
                                .toString()));
    }

    // The From list: only the numbers that can send, each with its usage, the warning at 80 %.
    void fromListOnlyNumbersThatCanSend()
    {
        const qint64 inboundOnly = addPlan(QStringLiteral("Inbound only"), 100, false);
        QVERIFY(addNumber(QStringLiteral("+14045558888"), QStringLiteral("oncloud"),
                          QStringLiteral("Inbound only"), inboundOnly) > 0);
        QVERIFY(addNumber(QStringLiteral("+10000000020"), QStringLiteral("zonitel"),
                          QStringLiteral("Zonitel"), 0) > 0);
        const qint64 small = addPlan(QStringLiteral("Small"), 5);
        const qint64 busy = addNumber(QStringLiteral("+14045557777"), QStringLiteral("oncloud"),
                                      QStringLiteral("Busy"), small);
        QVERIFY(busy > 0);
        for (int i = 0; i < 4; ++i)
            QVERIFY(insert({QStringLiteral("+14045557777"), QStringLiteral("+17705550000")}, true,
                           QStringLiteral("x"), context().clock().nowMs() - kHour,
                           QStringLiteral("sent"), QStringLiteral("b-%1").arg(i)) > 0);
        openAlice();
        m_page->startNewConversation();
        auto* from = child<QComboBox>(m_page.get(), "fromCombo");
        QTRY_COMPARE_WITH_TIMEOUT(from->count(), 2, kWaitMs);
        QStringList items;
        for (int i = 0; i < from->count(); ++i)
            items << from->itemText(i);
        QVERIFY2(items.at(0).startsWith(QStringLiteral("Busy")) &&
                     items.at(0).contains(QStringLiteral("4 / 5 \u00b7 ")) &&
                     items.at(0).contains(QStringLiteral("\u26a0 80 %")),
                 qPrintable(items.join(QLatin1Char('|'))));
        QVERIFY2(items.at(1).startsWith(QStringLiteral("Front desk")) &&
                     items.at(1).contains(QStringLiteral("0 / 10 \u00b7 16 day(s) left")) &&
                     !items.at(1).contains(QStringLiteral("\u26a0")),
                 qPrintable(items.join(QLatin1Char('|'))));
    }

    // The window wires its outbox to the page.
    void mainWindowWiresTheOutbox()
    {
        MainWindow window(context());
        QVERIFY(window.outbound());
        QVERIFY(window.conversationsPage()->composeBox()->isSendingAvailable());
    }
};

QTEST_MAIN(TestConversationsSend)
#include "TestConversationsSend.moc"
