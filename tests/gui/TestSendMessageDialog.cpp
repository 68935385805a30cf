// The Send message dialog, offscreen, over a real SQLite file, sending through the outbox to the
// simulator's outbound endpoint on 127.0.0.1 (in this process). With SMSDESK_SHOTS_DIR set it
// also saves screenshots of a success and of a WH-23-3 refusal there (run it under Xvfb with
// QT_QPA_PLATFORM=xcb to see real fonts).

#include "GuiTestContext.h"
#include "MainWindow.h"
#include "OutboundEndpoint.h"
#include "OutboundFixture.h"
#include "OutboundService.h"
#include "http/HttpServer.h"
#include "numbers/NumberTableModel.h"
#include "numbers/NumbersPage.h"
#include "outbound/OnCloudOutboundClient.h"
#include "send/SendMessageDialog.h"
#include "send/SendMessageText.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace smsdesk;
using test::child;

namespace {

constexpr int kWaitMs = 20000;
const QString kFrontDesk = QStringLiteral("+14045550101");
const QString kSecret = QStringLiteral("whsec-gui-1b2c3d4e");
const QTimeZone kNewYork("America/New_York");

} // namespace

class TestSendMessageDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<test::OutboundFixture> m_sending;
    std::unique_ptr<SendMessageDialog> m_dialog;
    qint64 m_planId = 0;

    AppContext& context() { return m_fixture->context(); }

    qint64 addNumber(const QString& e164, const QString& provider, bool enabled, bool withSecret,
                     const QString& label = {})
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.enabled = enabled;
        number.label = label;
        number.planId = m_planId;
        number.hasSecret = withSecret;
        if (provider == QLatin1String("zonitel"))
            number.clientId = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
        return m_fixture->addNumber(number, {{}, withSecret ? kSecret : QString(), {}});
    }

    void sentBefore(int count)
    {
        QSqlQuery query(context().database().connection());
        for (int i = 0; i < count; ++i) {
            query.prepare(QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, status, "
                "provider_message_id, received_at) VALUES ('outbound', 'oncloud', ?, "
                "'+17705550000', 'sent', ?, ?)"));
            query.addBindValue(kFrontDesk);
            query.addBindValue(QStringLiteral("earlier-%1").arg(i));
            query.addBindValue(context().clock().nowMs() - 3600000);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
    }

    void openDialog()
    {
        m_dialog = std::make_unique<SendMessageDialog>(context(), m_sending->service().outbox());
        QSignalSpy loaded(m_dialog.get(), &SendMessageDialog::numbersLoaded);
        QSignalSpy usage(m_dialog.get(), &SendMessageDialog::usageLoaded);
        m_dialog->show();
        QVERIFY(loaded.wait(kWaitMs));
        QVERIFY(usage.count() > 0 || usage.wait(kWaitMs));
    }

    void type(const QString& to, const QString& text)
    {
        child<QLineEdit>(m_dialog.get(), "toEdit")->setText(to);
        auto* edit = child<QPlainTextEdit>(m_dialog.get(), "textEdit");
        edit->setPlainText(text);
    }

    QString result() { return child<QLabel>(m_dialog.get(), "resultLabel")->text(); }
    QString usageText() { return child<QLabel>(m_dialog.get(), "usageLabel")->text(); }

    // Ctrl+Enter in the message field, as a person sends.
    void pressCtrlEnter()
    {
        auto* edit = child<QPlainTextEdit>(m_dialog.get(), "textEdit");
        m_dialog->activateWindow(); // X input focus also without a window manager (Xvfb)
        QVERIFY(test::GuiTestContext::activate(m_dialog.get()));
        QVERIFY(test::GuiTestContext::focus(edit));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    }

    void shoot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("SMSDESK_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        m_dialog->adjustSize();
        QTest::qWait(100);
        QVERIFY(m_dialog->grab().save(QDir(dir).filePath(name)));
    }

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
    }

    void cleanup()
    {
        m_dialog.reset();
        m_sending.reset();
        m_fixture.reset();
    }

    void listsTheNumbersThatCanSend()
    {
        const qint64 front = addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true,
                                       QStringLiteral("Front desk"));
        addNumber(QStringLiteral("+14045550102"), QStringLiteral("oncloud"), false, true);
        addNumber(QStringLiteral("+14045550103"), QStringLiteral("zonitel"), true, true);
        const qint64 noSecret =
            addNumber(QStringLiteral("+14045550104"), QStringLiteral("oncloud"), true, false);
        openDialog();
        auto* combo = child<QComboBox>(m_dialog.get(), "fromCombo");
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemData(0).toLongLong(), front);
        QCOMPARE(combo->itemText(0), QStringLiteral("(404) 555-0101 \u2014 Front desk"));
        QCOMPARE(combo->itemData(1).toLongLong(), noSecret);
        // The usage of the plan, this cycle.
        QVERIFY2(usageText().contains(QStringLiteral("Plan Basic: 0 of 10")),
                 qPrintable(usageText()));
        QVERIFY2(usageText().contains(QStringLiteral("16 day(s) left")), qPrintable(usageText()));
        // The number without a secret says so before anything is typed.
        QSignalSpy usage(m_dialog.get(), &SendMessageDialog::usageLoaded);
        combo->setCurrentIndex(1);
        QVERIFY(usage.wait(kWaitMs));
        QVERIFY2(usageText().contains(QStringLiteral("WH-AUTH")), qPrintable(usageText()));
    }

    // The window's own outbox (--outbound-base on its command line) and Ctrl+M on the Numbers
    // page: the dialog opens from the selected number.
    void numbersPageOpensItFromTheSelectedNumber()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true, QStringLiteral("Front desk"));
        const qint64 second = addNumber(QStringLiteral("+14045550105"), QStringLiteral("oncloud"),
                                        true, true, QStringLiteral("Back office"));
        context().settings().setAutostart(false);
        CommandLine::Options options;
        options.outboundBase = m_sending->base();
        MainWindow window(context(), options);
        QVERIFY(window.outbound());
        QCOMPARE(window.outbound()->client().base(), QUrl(options.outboundBase));
        QVERIFY(test::GuiTestContext::activate(&window));
        window.showPage(window.numbersPage());
        QTRY_COMPARE(window.numbersPage()->model()->rowCount(), 2);
        window.numbersPage()->selectNumber(second);
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_M));
        auto* dialog = test::GuiTestContext::waitForDialog<SendMessageDialog>(&window);
        QVERIFY(dialog);
        auto* combo = child<QComboBox>(dialog, "fromCombo");
        QTRY_COMPARE(combo->count(), 2);
        QTRY_COMPARE(combo->currentData().toLongLong(), second);
        dialog->reject();
    }

    void checksTheRecipientAsItIsTyped()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true);
        openDialog();
        auto* send = child<QPushButton>(m_dialog.get(), "sendButton");
        auto* note = child<QLabel>(m_dialog.get(), "toNote");
        type(QStringLiteral("(770) 555-12"), QStringLiteral("Hi"));
        QVERIFY(!send->isEnabled());
        QVERIFY2(note->text().contains(QStringLiteral("not a valid number")),
                 qPrintable(note->text()));
        child<QLineEdit>(m_dialog.get(), "toEdit")->setText(QStringLiteral("(770) 555-1234"));
        QCOMPARE(note->text(), QStringLiteral("Sends to (770) 555-1234"));
        QVERIFY(send->isEnabled());
        child<QLineEdit>(m_dialog.get(), "toEdit")->setText(QStringLiteral("+44 20 7946 0958"));
        QCOMPARE(note->text(), QStringLiteral("Sends to +44 20 7946 0958"));
        // A media link must be http(s); with one, the text may be empty.
        child<QLineEdit>(m_dialog.get(), "mediaEdit")->setText(QStringLiteral("ftp://x/a.jpg"));
        QVERIFY(!send->isEnabled());
        child<QLineEdit>(m_dialog.get(), "mediaEdit")
            ->setText(QStringLiteral("https://x.example/a.jpg"));
        child<QPlainTextEdit>(m_dialog.get(), "textEdit")->clear();
        QVERIFY(send->isEnabled());
        child<QLineEdit>(m_dialog.get(), "mediaEdit")->clear();
        QVERIFY(!send->isEnabled());
    }

    void ctrlEnterSendsAndShowsTheCarrierId()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true, QStringLiteral("Front desk"));
        openDialog();
        type(QStringLiteral("(770) 555-1234"), QStringLiteral("Your order is ready for pickup."));
        QSignalSpy finished(m_dialog.get(), &SendMessageDialog::finished);
        pressCtrlEnter();
        QVERIFY(finished.wait(kWaitMs));
        const auto update = finished.first().first().value<OutboxUpdate>();
        QCOMPARE(update.result, OutboxUpdate::Result::Sent);
        QCOMPARE(m_sending->endpoint().records().size(), 1);
        const OutboundEndpoint::Record& record = m_sending->endpoint().records().first();
        QCOMPARE(record.from, QStringLiteral("14045550101"));
        QCOMPARE(record.to, QStringLiteral("17705551234"));
        QCOMPARE(record.text, QStringLiteral("Your order is ready for pickup."));
        QVERIFY2(result().contains(record.carrierId), qPrintable(result()));
        QVERIFY(result().contains(QStringLiteral("Sent")));
        // Ready for the next one: the text is cleared, the recipient kept.
        QVERIFY(child<QPlainTextEdit>(m_dialog.get(), "textEdit")->toPlainText().isEmpty());
        QCOMPARE(child<QLineEdit>(m_dialog.get(), "toEdit")->text(),
                 QStringLiteral("(770) 555-1234"));
        QTRY_VERIFY_WITH_TIMEOUT(usageText().contains(QStringLiteral("1 of 10")), kWaitMs);
        shoot(QStringLiteral("send-success.png"));
    }

    void planGuardRefusesBeforeTheWire()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true, QStringLiteral("Front desk"));
        sentBefore(10);
        openDialog();
        QVERIFY2(usageText().contains(QStringLiteral("10 of 10")), qPrintable(usageText()));
        QVERIFY(usageText().contains(QStringLiteral("WH-23-3")));
        type(QStringLiteral("(770) 555-1234"), QStringLiteral("One more, please."));
        QSignalSpy refused(m_dialog.get(), &SendMessageDialog::refused);
        pressCtrlEnter();
        QVERIFY(refused.wait(kWaitMs));
        QVERIFY2(result().contains(QStringLiteral("WH-23-3")), qPrintable(result()));
        QVERIFY(result().contains(QStringLiteral("refused before sending")));
        QVERIFY(result().contains(QStringLiteral("billing cycle")));
        QVERIFY(result().contains(QStringLiteral("raise the plan")));
        QCOMPARE(m_sending->endpoint().records().size(), 0);
        // Nothing was stored, and the message stays in the form.
        QCOMPARE(child<QPlainTextEdit>(m_dialog.get(), "textEdit")->toPlainText(),
                 QStringLiteral("One more, please."));
        shoot(QStringLiteral("send-refused-WH-23-3.png"));
    }

    void warnsAtEightyPercent()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true);
        sentBefore(7);
        openDialog();
        QVERIFY(!usageText().contains(QStringLiteral("Warning")));
        type(QStringLiteral("(770) 555-1234"), QStringLiteral("eighth"));
        QSignalSpy finished(m_dialog.get(), &SendMessageDialog::finished);
        QSignalSpy usage(m_dialog.get(), &SendMessageDialog::usageLoaded);
        m_dialog->send();
        QVERIFY(finished.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(usageText().contains(QStringLiteral("8 of 10")), kWaitMs);
        QVERIFY2(usageText().contains(QStringLiteral("Warning: 80 %")), qPrintable(usageText()));
    }

    void providerRefusalInWords()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true);
        openDialog();
        type(QStringLiteral("(770) 555-1234"), QStringLiteral("[WH-3] hello"));
        QSignalSpy finished(m_dialog.get(), &SendMessageDialog::finished);
        m_dialog->send();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().first().value<OutboxUpdate>().result,
                 OutboxUpdate::Result::RefusedByProvider);
        QVERIFY2(result().contains(QStringLiteral("WH-3")), qPrintable(result()));
        QVERIFY(result().contains(QStringLiteral("onCloud refused")));
        QVERIFY(result().contains(QStringLiteral("provision the number")));
        QVERIFY(!result().contains(kSecret));
    }

    void neverWaitsOnTheNetwork()
    {
        addNumber(kFrontDesk, QStringLiteral("oncloud"), true, true);
        m_sending->endpoint().setDelayMs(1000);
        openDialog();
        type(QStringLiteral("(770) 555-1234"), QStringLiteral("slow line"));
        QSignalSpy finished(m_dialog.get(), &SendMessageDialog::finished);
        // The event loop keeps turning while the answer takes a second.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
        });
        clock.start();
        ticker.start();
        QElapsedTimer call;
        call.start();
        m_dialog->send();
        const qint64 sendCallMs = call.elapsed();
        QVERIFY(m_dialog->isSending());
        QVERIFY(finished.wait(kWaitMs));
        ticker.stop();
        QVERIFY(clock.elapsed() >= 900); // the answer took about a second
        QVERIFY2(sendCallMs < 100, qPrintable(QString::number(sendCallMs)));
        // A GUI thread waiting on the network would stall for the whole second.
        QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
        qInfo("send() returned in %lld ms; longest event-loop gap during the send: %lld ms",
              sendCallMs, longestGap);
    }

    void resultTexts()
    {
        OutboxUpdate update;
        update.result = OutboxUpdate::Result::Unconfirmed;
        update.meaning = QStringLiteral("No answer <b>");
        update.resolution = QStringLiteral("Check.");
        const QString html = SendMessageText::update(update);
        QVERIFY(html.contains(QStringLiteral("No answer &lt;b&gt;"))); // escaped
        QVERIFY(html.contains(QStringLiteral("Unconfirmed")));
        update.result = OutboxUpdate::Result::Retrying;
        update.attempt = 2;
        QVERIFY(SendMessageText::update(update).contains(QStringLiteral("Attempt 2")));
    }
};

QTEST_MAIN(TestSendMessageDialog)
#include "TestSendMessageDialog.moc"
