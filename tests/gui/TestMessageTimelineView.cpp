// MessageTimelineView offscreen: timelines built by hand (one lane item per event, the words
// of outcomes, "out of order" and "current", activation by click and Enter, keyboard
// navigation, accessible names), and timelines read from a real SQLite store by
// MessageTimelineReader, whose request ids lead back to request_log rows.
//
// Screenshot: SMSDESK_TIMELINE_SHOW_SECONDS=<n> ./test_gui_message_timeline showForScreenshot,
// under Xvfb with QT_QPA_PLATFORM=xcb, shows an inbound message delivered three times next to
// an outbound message with four status reports, one of them out of order, and below them a
// narrower lane with a gap (retries left out), for n seconds.

#include "FakeClock.h"
#include "GuiTestContext.h"
#include "TempDatabase.h"
#include "inspector/MessageTimelineModel.h"
#include "inspector/MessageTimelineView.h"
#include "store/MessageTimelineReader.h"
#include "store/MessageWriter.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Event = MessageTimeline::Event;
using Kind = MessageTimeline::Event::Kind;

namespace {

// 2026-02-13 19:30:00 UTC
const qint64 kBase = 1'771'011'000'000;
const QString kDid = QStringLiteral("+14045559999");
const QString kRemote = QStringLiteral("+17705551234");

Event requestEvent(Kind kind, qint64 atMs, qint64 logId, const QString& outcome)
{
    Event event;
    event.kind = kind;
    event.atMs = atMs;
    event.requestLogId = logId;
    event.outcome = outcome;
    event.label = outcome;
    event.responseStatus = 200;
    event.latencyUs = 1800;
    return event;
}

Event report(qint64 atMs, const QString& status, qint64 providerTimeMs, qint64 logId)
{
    Event event;
    event.kind = Kind::StatusReport;
    event.atMs = atMs;
    event.label = status;
    event.rawStatus = status.toUpper();
    event.providerTimeMs = providerTimeMs;
    event.requestLogId = logId;
    event.statusId = logId + 100;
    event.outcome = QStringLiteral("accepted");
    event.responseStatus = 200;
    event.latencyUs = 900;
    return event;
}

MessageTimeline inboundTimeline()
{
    MessageTimeline timeline;
    timeline.messageId = 7;
    timeline.direction = QStringLiteral("inbound");
    timeline.provider = QStringLiteral("zonitel");
    timeline.did = kDid;
    timeline.remote = kRemote;
    timeline.text = QStringLiteral("Is the shop open on Sunday?");
    timeline.currentStatus = QStringLiteral("received");
    timeline.totalRequests = 3;
    timeline.events = {
        requestEvent(Kind::Delivery, kBase, 11, QStringLiteral("accepted")),
        requestEvent(Kind::Duplicate, kBase + 5000, 12, QStringLiteral("duplicate")),
        requestEvent(Kind::Duplicate, kBase + 65000, 13, QStringLiteral("duplicate"))};
    return timeline;
}

MessageTimeline outboundTimeline()
{
    MessageTimeline timeline;
    timeline.messageId = 8;
    timeline.direction = QStringLiteral("outbound");
    timeline.provider = QStringLiteral("pbx");
    timeline.did = kDid;
    timeline.remote = kRemote;
    timeline.text = QStringLiteral("Yes, 10 to 4.");
    timeline.currentStatus = QStringLiteral("delivered");
    timeline.providerMessageId = QStringLiteral("out-1");
    timeline.totalRequests = 3;
    timeline.totalReports = 3;
    Event sent;
    sent.kind = Kind::Sent;
    sent.atMs = kBase;
    sent.label = QStringLiteral("outbox");
    Event delivered = report(kBase + 4000, QStringLiteral("delivered"), kBase + 3900, 22);
    delivered.current = true;
    Event late = report(kBase + 6000, QStringLiteral("sent"), kBase + 1000, 23);
    late.outOfOrder = true;
    timeline.events = {sent, report(kBase + 1000, QStringLiteral("queued"), kBase + 900, 21),
                       delivered, late};
    return timeline;
}

// The inbound message with 9,500 of its retries left out between the second and the last.
MessageTimeline truncatedTimeline()
{
    MessageTimeline timeline = inboundTimeline();
    Event gap;
    gap.kind = Kind::OmittedRequests;
    gap.atMs = kBase + 5000;
    gap.omittedUntilMs = kBase + 65000;
    gap.omitted = 9500;
    timeline.events.insert(2, gap);
    timeline.totalRequests = 9503;
    timeline.omittedRequests = 9500;
    return timeline;
}

QString textAt(const QAbstractItemModel* model, int row, int role = Qt::DisplayRole)
{
    return model->index(row, 0).data(role).toString();
}

} // namespace

class TestMessageTimelineView : public QObject
{
    Q_OBJECT

    std::unique_ptr<MessageTimelineView> m_view;

    // Shows the view at the size of the inspector's pane and waits until it is exposed.
    bool show(const MessageTimeline& timeline)
    {
        m_view->setTimeline(timeline);
        m_view->resize(560, 400);
        m_view->show();
        return QTest::qWaitForWindowExposed(m_view.get());
    }

    void click(int row)
    {
        QListView* lane = m_view->lane();
        const QRect rect = lane->visualRect(lane->model()->index(row, 0));
        QTest::mouseClick(lane->viewport(), Qt::LeftButton, {}, rect.center());
    }

    // Rows written the way the listener writes them; the timelines read back.
    struct Stored
    {
        MessageTimeline inbound;
        MessageTimeline outbound;
        QList<qint64> inboundLogIds;
    };

    std::optional<Stored> storeAndRead(test::TempDatabase& temp)
    {
        test::FakeClock clock;
        MessageWriter writer(temp.database(), clock);
        const auto request = [](qint64 at) {
            RequestLogRow row;
            row.receivedAtMs = at;
            row.peer = QStringLiteral("203.0.113.5:53211");
            row.method = QStringLiteral("POST");
            row.target = QStringLiteral("/webhooks/zonitel");
            row.body = QByteArray("{}");
            row.bodySize = 2;
            row.provider = QStringLiteral("zonitel");
            return row;
        };
        QList<WriteJob> jobs;
        // The provider gave up waiting for the first answer (5.4 s) and sent it twice more.
        for (const qint64 at : {kBase, kBase + 5'000, kBase + 65'000}) {
            WriteJob job;
            MessageRow message;
            message.provider = QStringLiteral("zonitel");
            message.did = kDid;
            message.remote = kRemote;
            message.text = QStringLiteral("Is the shop open on Sunday? We'd come by around 11.");
            message.status = QStringLiteral("received");
            message.providerMessageId = QStringLiteral("zn-7731");
            message.providerTimeMs = kBase - 800;
            message.receivedAtMs = at;
            message.dedupeKey = QStringLiteral("zonitel:zn-7731");
            job.messages.append(message);
            job.requestLog = request(at);
            job.requestLog->linkedMessage = 0;
            jobs.append(job);
        }
        // The reply, and the provider's reports on it; "queued" arrives after "sent".
        WriteJob reply;
        MessageRow message;
        message.direction = MessageRow::Direction::Outbound;
        message.provider = QStringLiteral("zonitel");
        message.did = kDid;
        message.remote = kRemote;
        message.text = QStringLiteral("Yes, 10 to 4. See you!");
        message.status = QStringLiteral("queued");
        message.providerMessageId = QStringLiteral("zn-out-5512");
        message.receivedAtMs = kBase + 120'000;
        message.dedupeKey = QStringLiteral("outbox:5512");
        reply.messages.append(message);
        jobs.append(reply);
        struct Report
        {
            qint64 at;
            const char* status;
            qint64 providerTime;
            const char* raw;
        };
        const Report reports[] = {
            {kBase + 121'400, "sent", kBase + 121'000, "SENT"},
            {kBase + 122'100, "queued", kBase + 120'500, "ACCEPTD"},
            {kBase + 126'800, "delivered", kBase + 126'000, "DELIVRD"},
            {kBase + 127'300, "delivered", kBase + 126'000, "DELIVRD"}, // a retry: duplicate
            {kBase + 131'000, "read", kBase + 130'500, "READ"},
        };
        for (const Report& r : reports) {
            WriteJob job;
            StatusRow status;
            status.provider = QStringLiteral("zonitel");
            status.providerMessageId = QStringLiteral("zn-out-5512");
            status.status = QString::fromLatin1(r.status) == QLatin1String("read")
                                ? QStringLiteral("delivered")
                                : QString::fromLatin1(r.status);
            status.rawStatus = QString::fromLatin1(r.raw);
            status.providerTimeMs = r.providerTime;
            status.receivedAtMs = r.at;
            if (status.rawStatus == QLatin1String("READ"))
                status.detail = QStringLiteral("read by the recipient");
            job.statuses.append(status);
            job.requestLog = request(r.at);
            job.requestLog->linkedStatus = 0;
            jobs.append(job);
        }

        Stored stored;
        qint64 inboundId = 0;
        qint64 outboundId = 0;
        qint64 latencyUs = 5'400'000;
        for (const WriteJob& job : std::as_const(jobs)) {
            std::optional<WriteOutcome> outcome;
            writer.submit(job, this, [&outcome](WriteOutcome result) { outcome = result; });
            if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok())
                return std::nullopt;
            if (!outcome->messages.isEmpty() &&
                job.messages.at(0).direction == MessageRow::Direction::Inbound) {
                inboundId = outcome->messages.at(0).id;
                stored.inboundLogIds.append(outcome->requestLogId);
            } else if (!outcome->messages.isEmpty()) {
                outboundId = outcome->messages.at(0).id;
            }
            if (outcome->requestLogId > 0) {
                writer.completeRequestLog(outcome->requestLogId, 200, QStringLiteral("{}"),
                                          latencyUs);
                latencyUs = 1'700 + outcome->requestLogId * 130;
            }
        }
        writer.drainAndStop();
        MessageTimelineReader reader(temp.database().connection());
        const std::optional<MessageTimeline> inbound = reader.forMessage(inboundId);
        const std::optional<MessageTimeline> outbound = reader.forMessage(outboundId);
        if (!inbound || !outbound) {
            qWarning("timeline not read: %s", qPrintable(reader.lastError()));
            return std::nullopt;
        }
        stored.inbound = *inbound;
        stored.outbound = *outbound;
        return stored;
    }

private Q_SLOTS:
    void init() { m_view = std::make_unique<MessageTimelineView>(); }
    void cleanup() { m_view.reset(); }

    void placeholderUntilATimeline()
    {
        QAbstractItemModelTester tester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* stack = m_view->findChild<QStackedWidget*>(QStringLiteral("stack"));
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderPage"));
        QVERIFY(!m_view->timeline());
        m_view->setTimeline(inboundTimeline());
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("timelinePage"));
        QVERIFY(m_view->timeline());
        m_view->clear();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderPage"));
        QCOMPARE(m_view->model()->rowCount(), 0);
        QVERIFY(!m_view->timeline());
    }

    void oneItemPerEvent()
    {
        QAbstractItemModelTester tester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_view->setTimeline(inboundTimeline());
        const QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(textAt(model, 0).startsWith(QStringLiteral("Delivery 1 [accepted]")));
        QVERIFY(textAt(model, 0).contains(QStringLiteral("Answered 200 in 1.8 ms")));
        QVERIFY(textAt(model, 1).startsWith(QStringLiteral("Delivery 2 (a retry) [duplicate]")));
        QVERIFY(textAt(model, 2).startsWith(QStringLiteral("Delivery 3 (a retry) [duplicate]")));
        const qint64 ids[] = {11, 12, 13};
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(model->index(row, 0).data(MessageTimelineModel::RequestLogIdRole).toLongLong(),
                     ids[row]);
            QVERIFY(!textAt(model, row).contains(QStringLiteral("out of order")));
        }
        auto* summary = m_view->findChild<QLabel*>(QStringLiteral("summaryLabel"));
        QVERIFY(summary);
        QVERIFY(summary->text().contains(QStringLiteral("Inbound message")));
        QVERIFY(summary->text().contains(kRemote));
        QVERIFY(summary->text().contains(QStringLiteral("Is the shop open on Sunday?")));
        QVERIFY(summary->text().contains(QStringLiteral("received")));

        // A new timeline replaces the items.
        m_view->setTimeline(outboundTimeline());
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(textAt(model, 0).startsWith(QStringLiteral("Sent")));
    }

    void outOfOrderAndCurrentInText()
    {
        m_view->setTimeline(outboundTimeline());
        const QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const bool late = row == 3;
            const bool current = row == 2;
            QCOMPARE(textAt(model, row).contains(QStringLiteral("out of order")), late);
            QCOMPARE(
                textAt(model, row, Qt::AccessibleTextRole).contains(QStringLiteral("out of order")),
                late);
            QCOMPARE(model->index(row, 0).data(MessageTimelineModel::OutOfOrderRole).toBool(),
                     late);
            QCOMPARE(textAt(model, row).contains(QStringLiteral("current")), current);
            QCOMPARE(model->index(row, 0).data(MessageTimelineModel::CurrentRole).toBool(),
                     current);
        }
        QVERIFY(textAt(model, 3).startsWith(QStringLiteral("Status: sent [out of order]")));
        QVERIFY(textAt(model, 3).contains(QStringLiteral("did not change the status")));
        QVERIFY(textAt(model, 3, Qt::ToolTipRole).contains(QStringLiteral("Out of order")));
        QVERIFY(textAt(model, 2).startsWith(QStringLiteral("Status: delivered [current]")));
    }

    void gapsSayHowManyAreLeftOut()
    {
        m_view->setTimeline(truncatedTimeline());
        const QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(textAt(model, 2).contains(QStringLiteral("more webhook request(s) not shown")));
        QCOMPARE(model->index(2, 0).data(MessageTimelineModel::RequestLogIdRole).toLongLong(), 0);
        // The delivery after the gap has its number among all of them.
        QVERIFY(textAt(model, 3).startsWith(QStringLiteral("Delivery 9503 (a retry)")));
    }

    void clickAndEnterActivateRequests()
    {
        QVERIFY(show(outboundTimeline()));
        QSignalSpy activated(m_view.get(), &MessageTimelineView::requestActivated);
        click(0); // "Sent": no webhook request
        QCOMPARE(m_view->lane()->currentIndex().row(), 0);
        QCOMPARE(activated.count(), 0);
        click(2);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(22));
        QVERIFY(test::GuiTestContext::focus(m_view->lane()));
        QTest::keyClick(m_view->lane(), Qt::Key_Down);
        QCOMPARE(m_view->lane()->currentIndex().row(), 3);
        QCOMPARE(activated.count(), 1); // moving does not activate
        QTest::keyClick(m_view->lane(), Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toLongLong(), qint64(23));
        QTest::keyClick(m_view->lane(), Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(activated.count(), 3);
        QTest::keyClick(m_view->lane(), Qt::Key_Home);
        QTest::keyClick(m_view->lane(), Qt::Key_Return); // "Sent" again: nothing
        QCOMPARE(activated.count(), 3);
    }

    void keyboardNavigation()
    {
        QVERIFY(show(inboundTimeline()));
        QListView* lane = m_view->lane();
        QVERIFY(test::GuiTestContext::focus(m_view.get())); // the view hands it to its lane
        QVERIFY(lane->hasFocus());
        QTest::keyClick(lane, Qt::Key_Home);
        QCOMPARE(lane->currentIndex().row(), 0);
        QTest::keyClick(lane, Qt::Key_Down);
        QCOMPARE(lane->currentIndex().row(), 1);
        QTest::keyClick(lane, Qt::Key_Down);
        QCOMPARE(lane->currentIndex().row(), 2);
        QTest::keyClick(lane, Qt::Key_Down); // stays on the last
        QCOMPARE(lane->currentIndex().row(), 2);
        QTest::keyClick(lane, Qt::Key_Up);
        QCOMPARE(lane->currentIndex().row(), 1);
        QVERIFY(lane->selectionModel()->isSelected(lane->currentIndex()));
        QTest::keyClick(lane, Qt::Key_End);
        QCOMPARE(lane->currentIndex().row(), 2);
    }

    void selectRequestDoesNotActivate()
    {
        QVERIFY(show(inboundTimeline()));
        QSignalSpy activated(m_view.get(), &MessageTimelineView::requestActivated);
        QVERIFY(m_view->selectRequest(13));
        QCOMPARE(m_view->lane()->currentIndex().row(), 2);
        QVERIFY(!m_view->selectRequest(99));
        QCOMPARE(activated.count(), 0);
    }

    void accessibleNames()
    {
        QVERIFY(show(outboundTimeline()));
        QListView* lane = m_view->lane();
        QCOMPARE(lane->accessibleName(), QStringLiteral("Message timeline"));
        QAccessibleInterface* list = QAccessible::queryAccessibleInterface(lane);
        QVERIFY(list);
        QCOMPARE(list->childCount(), 4);
        const QString late = list->child(3)->text(QAccessible::Name);
        QVERIFY2(late.contains(QStringLiteral("Status: sent")), qPrintable(late));
        QVERIFY2(late.contains(QStringLiteral("out of order")), qPrintable(late));
        QVERIFY2(late.contains(QStringLiteral("Answered 200")) ||
                     late.contains(QStringLiteral("answered 200")),
                 qPrintable(late));
        const QString sent = list->child(0)->text(QAccessible::Name);
        QVERIFY2(sent.contains(QStringLiteral("Sent")), qPrintable(sent));
    }

    void timelinesFromTheStore()
    {
        test::TempDatabase temp;
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        const std::optional<Stored> stored = storeAndRead(temp);
        QVERIFY(stored);

        QVERIFY(show(stored->inbound));
        const QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 3);
        QSignalSpy activated(m_view.get(), &MessageTimelineView::requestActivated);
        for (int row = 0; row < 3; ++row) {
            click(row);
            QCOMPARE(activated.count(), row + 1);
            QCOMPARE(activated.at(row).at(0).toLongLong(), stored->inboundLogIds.at(row));
        }
        QVERIFY(textAt(model, 0).contains(QStringLiteral("Answered 200 in 5")));

        m_view->setTimeline(stored->outbound);
        // Sent, five status webhooks (one a retry), four reports: the second is out of
        // order, the last ("read", stored as delivered) is current.
        QCOMPARE(model->rowCount(), 6);
        QVERIFY(textAt(model, 0).startsWith(QStringLiteral("Sent")));
        QVERIFY(
            textAt(model, 2).startsWith(QStringLiteral("Status: queued (ACCEPTD) [out of order]")));
        QVERIFY(textAt(model, 4).startsWith(QStringLiteral("Status webhook again (a retry)")));
        QVERIFY(textAt(model, 5).startsWith(QStringLiteral("Status: delivered (READ) [current]")));
        int flagged = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            flagged += model->index(row, 0).data(MessageTimelineModel::OutOfOrderRole).toBool();
        QCOMPARE(flagged, 1);
    }

    void showForScreenshot()
    {
        const int seconds = qEnvironmentVariableIntValue("SMSDESK_TIMELINE_SHOW_SECONDS");
        if (seconds <= 0)
            QSKIP("set SMSDESK_TIMELINE_SHOW_SECONDS to show the timelines for screenshots");
        test::TempDatabase temp;
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        const std::optional<Stored> stored = storeAndRead(temp);
        QVERIFY(stored);
        QWidget window;
        window.setWindowTitle(QStringLiteral("Message timelines"));
        auto* layout = new QGridLayout(&window);
        auto* inbound = new MessageTimelineView(&window);
        auto* outbound = new MessageTimelineView(&window);
        inbound->setTimeline(stored->inbound);
        outbound->setTimeline(stored->outbound);
        outbound->selectRequest(stored->outbound.events.at(2).requestLogId);
        inbound->setMinimumHeight(400);
        layout->addWidget(inbound, 0, 0);
        layout->addWidget(outbound, 0, 1);
        // Below, narrower: a message retried thousands of times, read with a gap.
        auto* truncated = new MessageTimelineView(&window);
        truncated->setTimeline(truncatedTimeline());
        truncated->setFixedSize(420, 300);
        layout->addWidget(truncated, 1, 0, Qt::AlignLeft);
        window.resize(1240, 760);
        window.move(10, 10);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        outbound->setFocus();
        QTest::qWait(seconds * 1000);
    }
};

QTEST_MAIN(TestMessageTimelineView)
#include "TestMessageTimelineView.moc"
