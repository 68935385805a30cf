// The Conversations page, driven like a person would, over a real SQLite store read through the
// DatabaseWorker: the thread list (order, filters, the model tester), live threads from real
// webhooks fired at the GUI's real listener by the simulator, unread state (read when shown in
// the active window, Ctrl+U, stored), the search that opens a thread at the message, the compose
// box (segment counter, UCS-2 culprits, the honest Send), drafts across a restart of the page,
// exports, and the main window's page order.
//
// Screenshots: SMSDESK_SCREENSHOT_DIR=<dir> (under Xvfb with QT_QPA_PLATFORM=xcb, or offscreen)
// saves conversations-page.png (a busy thread: right-to-left text, emoji, a failed message),
// conversations-composer-ucs2.png and conversations-page-dark.png.

#include "GuiTestContext.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "conversations/ComposeBox.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationView.h"
#include "conversations/ConversationsPage.h"
#include "conversations/MessageSearchModel.h"
#include "inspector/InspectorPage.h"
#include "numbers/NumbersPage.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/SecretStore.h"
#include "store/ConversationListReader.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using test::child;
using Thread = ConversationReader::Thread;
using Role = ConversationListModel::Role;
using Result = ConversationReadMarker::Result;

namespace {

const QString kDid = QStringLiteral("+14045559999");        // onCloud: the simulator's number
const QString kSalesDid = QStringLiteral("+14045558888");   // a second number
const QString kZonitelDid = QStringLiteral("+10000000020"); // Zonitel: the simulator's number
const QByteArray kAuth = QByteArrayLiteral("Bearer conversations-sekrit-5120");
const QByteArray kZonitelAuth = QByteArrayLiteral("Bearer zonitel-sekrit-7781");
const Thread kAlice{kDid, QStringLiteral("+17705551234")}; // the onCloud samples' sender
const Thread kBob{kDid, QStringLiteral("+17705550000")};
const Thread kCarol{kSalesDid, QStringLiteral("+17705552222")};
const Thread kDave{kDid, QStringLiteral("+442079460018")};
const QDateTime kNow(QDate(2026, 2, 13), QTime(19, 30), Qt::UTC); // the fake clock's
const qint64 kBase = kNow.toMSecsSinceEpoch() - 3600 * 1000;      // an hour before

bool activate(QWidget* window)
{
    window->show();
    window->activateWindow();
    return test::GuiTestContext::activate(window);
}

// The rows of a list model as "did/remote".
QStringList rowsOf(const QAbstractItemModel* model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        rows << index.data(Role::DidRole).toString() + QLatin1Char('/') +
                    index.data(Role::RemoteRole).toString();
    }
    return rows;
}

QString key(const Thread& thread)
{
    return thread.did + QLatin1Char('/') + thread.remote;
}

// Types `text` into `widget` key by key, as a keyboard with those characters would (unlike
// QTest::keyClicks, also beyond Latin-1: curly quotes, dashes, emoji).
void type(QWidget* widget, const QString& text)
{
    for (const char32_t c : text.toUcs4())
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString::fromUcs4(&c, 1),
                            Qt::NoModifier);
}

} // namespace

class TestConversationsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<ConversationsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_searchTester;
    qint64 m_didId = 0;
    qint64 m_salesId = 0;

    QSqlDatabase db() { return m_fixture->context().database().connection(); }

    qint64 addNumber(const QString& e164, const QString& provider, const QString& label,
                     const QByteArray& auth)
    {
        NumberRecord number;
        number.e164 = e164;
        number.provider = provider;
        number.label = label;
        number.hasAuthHeader = !auth.isEmpty();
        return m_fixture->addNumber(number, {QString::fromLatin1(auth), {}, {}});
    }

    // A message of `thread` in the store; `status` by default: delivered or received.
    qint64 insert(const Thread& thread, bool outbound, const QString& text, qint64 atMs,
                  const QString& status = QString(), const QString& errorCode = QString())
    {
        const QString defaultStatus =
            outbound ? QStringLiteral("delivered") : QStringLiteral("received");
        return m_fixture->insertMessage(thread, outbound, text, atMs,
                                        status.isEmpty() ? defaultStatus : status, errorCode);
    }

    qint64 unreadInStore(const Thread& thread)
    {
        QSqlQuery query(db());
        query.prepare(
            QStringLiteral("SELECT unread_count FROM conversations WHERE did = ? AND remote = ?"));
        query.addBindValue(thread.did);
        query.addBindValue(thread.remote);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    // The four threads: Alice (2 unread, oldest), Bob, Carol (the Sales number), Dave (newest).
    void insertFourThreads()
    {
        QVERIFY(insert(kAlice, false, QStringLiteral("Hi, do you repair bikes?"), kBase) > 0);
        QVERIFY(insert(kAlice, false, QStringLiteral("It\u2019s a flat tyre"), kBase + 1000) > 0);
        QVERIFY(insert(kBob, true, QStringLiteral("Your order is ready for pickup"),
                       kBase + 60'000) > 0);
        QVERIFY(insert(kCarol, false, QStringLiteral("Invoice 2291 attached?"), kBase + 120'000) >
                0);
        QVERIFY(insert(kDave, true, QStringLiteral("See you tomorrow"), kBase + 180'000,
                       QStringLiteral("failed"), QStringLiteral("30008")) > 0);
    }

    void makePage()
    {
        m_listTester.reset();
        m_searchTester.reset();
        m_page.reset(); // first: what it stores on the way out is there for the new one
        m_page = std::make_unique<ConversationsPage>(m_fixture->context(), *m_listener);
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_searchTester = std::make_unique<QAbstractItemModelTester>(
            m_page->searchModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_page->resize(1000, 700);
    }

    // Shows the page (active) and waits for its list and numbers.
    bool showPage(int rows)
    {
        QSignalSpy numbers(m_page.get(), &ConversationsPage::numbersReloaded);
        if (!activate(m_page.get()))
            return false;
        if (!QTest::qWaitFor([&] { return m_page->model()->rowCount() == rows; }, 5000)) {
            qWarning("rows: %d", m_page->model()->rowCount());
            return false;
        }
        return !numbers.isEmpty() || numbers.wait(5000);
    }

    void select(const Thread& thread)
    {
        const int row = m_page->model()->rowOf(thread);
        QVERIFY(row >= 0);
        m_page->threadList()->setCurrentIndex(m_page->model()->index(row));
    }

    QPlainTextEdit* composerText() { return child<QPlainTextEdit>(m_page.get(), "textEdit"); }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_conversations"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        test::GuiTestContext::clearSettings();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_didId = addNumber(kDid, QStringLiteral("oncloud"), QStringLiteral("Front desk"), kAuth);
        m_salesId = addNumber(kSalesDid, QStringLiteral("oncloud"), QStringLiteral("Sales"), {});
        QVERIFY(m_didId > 0 && m_salesId > 0);
        m_listener = std::make_unique<ListenerController>(m_fixture->context(),
                                                          test::GuiTestContext::loopbackListener());
    }

    void cleanup()
    {
        m_listTester.reset();
        m_searchTester.reset();
        m_page.reset();
        if (m_listener && m_listener->state() == ListenerController::State::Running) {
            m_listener->stop();
            QTRY_VERIFY_WITH_TIMEOUT(m_listener->state() == ListenerController::State::Stopped,
                                     10000);
        }
        m_listener.reset();
        m_fixture.reset();
    }

    // --- the models ---

    void listModelPagesAndMovesUnderTheTester()
    {
        // 250 threads: three pages of 100.
        for (int i = 0; i < 250; ++i) {
            QVERIFY(insert({kDid, QStringLiteral("+1770555%1").arg(3000 + i)}, i % 3 == 0,
                           QStringLiteral("message %1").arg(i), kBase + i * 1000) > 0);
        }
        DatabaseWorker& worker = m_fixture->context().worker();
        ConversationListModel model(worker, m_fixture->clock());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &ConversationListModel::pageLoaded);
        model.reload();
        QVERIFY(pages.wait(5000));
        QCOMPARE(model.rowCount(), ConversationListModel::PageSize);
        QVERIFY(!model.atEnd());
        // As a view scrolling down would (the tester asks for more too).
        QVERIFY(QTest::qWaitFor(
            [&model] {
                if (model.canFetchMore(QModelIndex()))
                    model.fetchMore(QModelIndex());
                return model.atEnd();
            },
            10000));
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(model.atEnd());
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.summaryAt(row - 1).lastAtMs > model.summaryAt(row).lastAtMs);
        QCOMPARE(model.index(0).data(Role::PartyRole).toString(), QStringLiteral("(770) 555-3249"));
        QCOMPARE(model.index(0).data(Role::PreviewRole).toString(),
                 QStringLiteral("You: message 249"));
        QCOMPARE(model.index(1).data(Role::PreviewRole).toString(), QStringLiteral("message 248"));
        QCOMPARE(model.index(0).data(Role::TimeTextRole).toString(),
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(kBase + 249'000).time(),
                                    QLocale::ShortFormat));

        // A thread far down gets a message: it moves to the top; a new thread comes in; under
        // "unread only", a thread that was read goes (unless it is the one shown).
        const Thread moved{kDid, QStringLiteral("+17705553007")};
        QVERIFY(insert(moved, false, QStringLiteral("moved up"), kBase + 400'000) > 0);
        const Thread fresh{kDid, QStringLiteral("+17705559999")};
        QVERIFY(insert(fresh, false, QStringLiteral("new here"), kBase + 300'000) > 0);
        auto read = [&worker](const QList<Thread>& threads) {
            std::optional<QList<ConversationSummary>> summaries;
            QObject context;
            worker.post<QList<ConversationSummary>>(
                [threads](QSqlDatabase& connection) {
                    return ConversationListReader(connection).threads(threads);
                },
                &context, [&summaries](QList<ConversationSummary> found) { summaries = found; });
            if (!QTest::qWaitFor([&] { return summaries.has_value(); }, 5000))
                qWarning("the threads were not read");
            return summaries.value_or(QList<ConversationSummary>());
        };
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        model.updateThreads(read({moved, fresh}));
        QCOMPARE(moves.size(), 1);
        QCOMPARE(model.rowCount(), 251);
        QCOMPARE(rowsOf(&model).mid(0, 2), (QStringList{key(moved), key(fresh)}));
        QCOMPARE(model.index(0).data(Role::PreviewRole).toString(), QStringLiteral("moved up"));
        QCOMPARE(model.index(0).data(Role::UnreadCountRole).toLongLong(), 2);

        QSignalSpy filtered(&model, &ConversationListModel::pageLoaded);
        model.setFilter({QString(), true});
        QVERIFY(filtered.wait(5000));
        const int unreadRows = model.rowCount();
        QCOMPARE(model.summaryAt(0).thread(), moved);
        QSqlQuery(db()).exec(QStringLiteral("UPDATE conversations SET unread_count = 0"));
        model.updateThreads(read({moved, fresh}), fresh); // fresh is "shown": it stays
        QCOMPARE(model.rowCount(), unreadRows - 1);
        QCOMPARE(model.summaryAt(0).thread(), fresh);
        QCOMPARE(model.index(0).data(Role::UnreadCountRole).toLongLong(), 0);
    }

    void searchModelPagesUnderTheTester()
    {
        for (int i = 0; i < 60; ++i) {
            QVERIFY(insert({kDid, QStringLiteral("+1770555%1").arg(4000 + i % 7)}, i % 2,
                           QStringLiteral("Invoice %1 is due").arg(i), kBase + i) > 0);
        }
        QVERIFY(insert(kAlice, false, QStringLiteral("nothing here"), kBase) > 0);
        MessageSearchModel model(m_fixture->context().worker(), m_fixture->clock());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &MessageSearchModel::pageLoaded);
        model.setQuery(QStringLiteral("invoice DUE"));
        QCOMPARE(model.words(), (QStringList{QStringLiteral("invoice"), QStringLiteral("DUE")}));
        QVERIFY(pages.wait(5000));
        QCOMPARE(model.rowCount(), MessageSearchModel::PageSize);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QVERIFY(pages.wait(5000));
        QCOMPARE(model.rowCount(), 60);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QCOMPARE(model.hitAt(0).text, QStringLiteral("Invoice 59 is due"));
        QCOMPARE(model.index(0).data(Role::PreviewRole).toString(),
                 QStringLiteral("You: Invoice 59 is due"));
        QCOMPARE(model.index(0).data(Role::MatchWordsRole).toStringList(), model.words());
        // A query without words lists nothing, and reads nothing.
        model.setQuery(QStringLiteral(" ?! "));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QVERIFY(!model.isLoading());
    }

    // --- the page ---

    void listsThreadsNewestFirst()
    {
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        QCOMPARE(rowsOf(m_page->model()),
                 (QStringList{key(kDave), key(kCarol), key(kBob), key(kAlice)}));
        const QAbstractItemModel* model = m_page->model();
        // National for the number's own country, international otherwise.
        QCOMPARE(model->index(0, 0).data(Role::PartyRole).toString(),
                 QStringLiteral("+44 20 7946 0018"));
        QCOMPARE(model->index(3, 0).data(Role::PartyRole).toString(),
                 QStringLiteral("(770) 555-1234"));
        QCOMPARE(model->index(3, 0).data(Role::PreviewRole).toString(),
                 QStringLiteral("It\u2019s a flat tyre"));
        QCOMPARE(model->index(3, 0).data(Role::UnreadCountRole).toLongLong(), 2);
        QCOMPARE(model->index(0, 0).data(Role::FailedCountRole).toLongLong(), 1);
        // Two numbers: each row names its own.
        QCOMPARE(model->index(1, 0).data(Role::NumberRole).toString(), QStringLiteral("Sales"));
        QCOMPARE(model->index(0, 0).data(Role::NumberRole).toString(),
                 QStringLiteral("Front desk"));
        QVERIFY(!m_page->currentThread());
        QCOMPARE(m_page->threadTitle(), QStringLiteral("New conversation"));

        // A click shows the thread, its newest messages at the bottom.
        const int row = m_page->model()->rowOf(kAlice);
        QListView* list = m_page->threadList();
        list->scrollTo(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(row, 0)).center());
        QCOMPARE(m_page->currentThread(), std::optional<Thread>(kAlice));
        QCOMPARE(m_page->threadTitle(), QStringLiteral("(770) 555-1234"));
        ConversationView* view = m_page->threadPane()->view();
        QTRY_COMPARE(view->messages().size(), 2);
        QCOMPARE(view->messages().constLast().text, QStringLiteral("It\u2019s a flat tyre"));
        // The compose box answers from the thread's number, to its party.
        QCOMPARE(m_page->composeBox()->fromNumberId(), m_didId);
        QCOMPARE(m_page->composeBox()->recipientE164(), kAlice.remote);
        QVERIFY(child<QLineEdit>(m_page.get(), "recipientEdit")->isReadOnly());
    }

    void liveFromTheListenerWithin250ms()
    {
        const qint64 zonitelId = addNumber(kZonitelDid, QStringLiteral("zonitel"),
                                           QStringLiteral("Zonitel"), kZonitelAuth);
        QVERIFY(zonitelId > 0);
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        select(kAlice); // the open thread gets the message too
        QTRY_COMPARE(m_page->threadPane()->view()->messages().size(), 2);
        m_listener->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_listener->state() == ListenerController::State::Running, 10000);

        // The onCloud document's two-way example from Alice: her thread goes to the top, the
        // message shows in the open thread. Timed from the 2xx to the row and the bubble.
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        options.authorization = kAuth;
        options.seed = 5;
        options.baseTime = kNow;
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(QUrl(m_listener->url()));
        firer.setConcurrency(1);
        QElapsedTimer clock;
        clock.start();
        qint64 answeredAt = -1;
        qint64 listedAt = -1;
        qint64 shownAt = -1;
        const QString text = QStringLiteral("What are your business hours?");
        connect(&firer, &WebhookFirer::requestFinished, this,
                [&](const WebhookFirer::Report& report) {
                    if (report.ok() && answeredAt < 0)
                        answeredAt = clock.elapsed();
                });
        auto check = [&] {
            if (listedAt < 0 && m_page->model()->rowCount() > 0 &&
                m_page->model()->summaryAt(0).thread() == kAlice &&
                m_page->model()->summaryAt(0).lastText == text)
                listedAt = clock.elapsed();
            const QList<ConversationMessage>& shown = m_page->threadPane()->view()->messages();
            if (shownAt < 0 && !shown.isEmpty() && shown.constLast().text == text)
                shownAt = clock.elapsed();
        };
        connect(m_page->model(), &QAbstractItemModel::rowsMoved, this, check);
        connect(m_page->model(), &QAbstractItemModel::dataChanged, this, check);
        connect(m_page->threadPane(), &ConversationThreadPane::messagesChanged, this, check);
        QVERIFY(firer.run(1, [&](int n) { return samples.sample(n + 1); }).allOk());
        QTRY_VERIFY(listedAt >= 0 && shownAt >= 0);
        QVERIFY(answeredAt >= 0);
        qInfo("2xx -> listed %lld ms, -> shown in the thread %lld ms", listedAt - answeredAt,
              shownAt - answeredAt);
        QVERIFY2(listedAt - answeredAt < 250, qPrintable(QString::number(listedAt - answeredAt)));
        QVERIFY2(shownAt - answeredAt < 250, qPrintable(QString::number(shownAt - answeredAt)));
        QCOMPARE(rowsOf(m_page->model()).constFirst(), key(kAlice));
        // Shown in the active window: read at once.
        QTRY_COMPARE(unreadInStore(kAlice), 0);
        QTRY_COMPARE(m_page->model()->summaryAt(0).unreadCount, 0);

        // A burst from another country's sender (a new thread) and a Zonitel status report
        // that a message failed (a thread the app never saw, with the failed mark): one read
        // of the threads for the burst.
        QSignalSpy updates(m_page.get(), &ConversationsPage::liveUpdated);
        QVERIFY(firer.run(3, [&](int n) { return samples.sample(n + 5); }).allOk());
        WebhookSampleFactory::Options status;
        status.provider = QStringLiteral("zonitel");
        status.kind = WebhookSample::Kind::Status;
        status.authorization = kZonitelAuth;
        status.seed = 9;
        const WebhookSampleFactory reports(status);
        QVERIFY(firer.run(1, [&](int) { return reports.sample(1); }).allOk()); // failed
        const Thread foreign{kDid, QStringLiteral("+447700900123")};
        const Thread failed{kZonitelDid, QStringLiteral("+10000000030")};
        QTRY_VERIFY(m_page->model()->rowOf(failed) == 0);
        QVERIFY(m_page->model()->rowOf(foreign) >= 0);
        QCOMPARE(m_page->model()
                     ->index(m_page->model()->rowOf(foreign))
                     .data(Role::PartyRole)
                     .toString(),
                 QStringLiteral("+44 7700 900123"));
        QCOMPARE(m_page->model()->summaryAt(0).failedCount, 1);
        QVERIFY(!updates.isEmpty());
        QCOMPARE(m_page->model()->rowCount(), 6);
        // Alice's thread, still open, shows what came in for her (samples 6 and 7 are hers).
        QTRY_COMPARE(m_page->threadPane()->view()->messages().size(), 5);
    }

    void readWhenShownInTheActiveWindowAndMarkUnread()
    {
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        QCOMPARE(unreadInStore(kAlice), 2);
        QSignalSpy read(m_page.get(), &ConversationsPage::markedRead);
        select(kAlice);
        QVERIFY(read.wait(5000));
        QCOMPARE(read.at(0).at(1).value<Result>(), Result::Moved);
        QCOMPARE(unreadInStore(kAlice), 0);
        QTRY_COMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kAlice)).unreadCount, 0);

        // Ctrl+U from the list: unread again, stored, and left so while it stays open.
        QSignalSpy unread(m_page.get(), &ConversationsPage::markedUnread);
        QVERIFY(test::GuiTestContext::focus(m_page->threadList()));
        QCOMPARE(m_page->markUnreadAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
        QVERIFY(m_page->threadList()->actions().contains(m_page->markUnreadAction()));
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_U));
        QVERIFY(unread.wait(5000));
        QCOMPARE(unread.at(0).at(1).value<Result>(), Result::Moved);
        QCOMPARE(unreadInStore(kAlice), 1);
        QTRY_COMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kAlice)).unreadCount, 1);
        QWidget other;
        QVERIFY(activate(&other));
        QVERIFY(activate(m_page.get()));
        QTest::qWait(200);
        QCOMPARE(unreadInStore(kAlice), 1);

        // Not in the active window: a message that comes in stays unread until it is.
        select(kBob);
        QVERIFY(read.wait(5000));
        QVERIFY(activate(&other));
        QVERIFY(!m_page->isActiveWindow());
        const qint64 thanks = insert(kBob, false, QStringLiteral("Thanks!"), kBase + 500'000);
        QVERIFY(thanks > 0);
        QCOMPARE(unreadInStore(kBob), 1);
        // Told several times within the gathering window (as the outbox or a burst of webhooks
        // would): the threads are read again once.
        QSignalSpy live(m_page.get(), &ConversationsPage::liveUpdated);
        for (int i = 0; i < 5; ++i)
            m_page->refreshMessages({thanks});
        QVERIFY(live.wait(5000));
        QTRY_COMPARE(m_page->threadPane()->view()->messages().constLast().id, thanks);
        QTest::qWait(300);
        QCOMPARE(live.size(), 1);
        QCOMPARE(unreadInStore(kBob), 1);
        QCOMPARE(m_page->model()->summaryAt(0).thread(), kBob);
        QCOMPARE(m_page->model()->summaryAt(0).unreadCount, 1);
        QVERIFY(activate(m_page.get()));
        QTRY_COMPARE(unreadInStore(kBob), 0);
        QTRY_COMPARE(m_page->model()->summaryAt(0).unreadCount, 0);

        // Stored: a new page (a restart) shows Alice unread, Bob read.
        makePage();
        QVERIFY(showPage(4));
        QCOMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kAlice)).unreadCount, 1);
        QCOMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kBob)).unreadCount, 0);
    }

    void filtersByNumberAndUnreadOnly()
    {
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        auto* numbers = child<QComboBox>(m_page.get(), "numberFilter");
        QCOMPARE(numbers->count(), 3);
        QCOMPARE(numbers->itemText(0), QStringLiteral("All numbers"));
        QCOMPARE(numbers->itemText(1), QStringLiteral("Sales \u00b7 (404) 555-8888"));
        QCOMPARE(numbers->itemText(2), QStringLiteral("Front desk \u00b7 (404) 555-9999"));
        numbers->setCurrentIndex(1);
        QTRY_COMPARE(rowsOf(m_page->model()), QStringList{key(kCarol)});
        numbers->setCurrentIndex(2);
        QTRY_COMPARE(rowsOf(m_page->model()), (QStringList{key(kDave), key(kBob), key(kAlice)}));
        auto* unread = child<QCheckBox>(m_page.get(), "unreadOnlyCheck");
        QTest::mouseClick(unread, Qt::LeftButton);
        QTRY_COMPARE(rowsOf(m_page->model()), QStringList{key(kAlice)});
        numbers->setCurrentIndex(0);
        QTRY_COMPARE(rowsOf(m_page->model()), (QStringList{key(kCarol), key(kAlice)}));
        // Read while listed under "unread only": it stays until the filter changes.
        QSignalSpy read(m_page.get(), &ConversationsPage::markedRead);
        select(kAlice);
        QVERIFY(read.wait(5000));
        QTRY_COMPARE(m_page->model()->summaryAt(m_page->model()->rowOf(kAlice)).unreadCount, 0);
        QCOMPARE(rowsOf(m_page->model()), (QStringList{key(kCarol), key(kAlice)}));
        QTest::mouseClick(unread, Qt::LeftButton);
        QTest::mouseClick(unread, Qt::LeftButton);
        QTRY_COMPARE(rowsOf(m_page->model()), QStringList{key(kCarol)});
        auto* status = child<QLabel>(m_page.get(), "listStatus");
        QVERIFY(!status->isVisible());
        numbers->setCurrentIndex(2);
        QTRY_COMPARE(m_page->model()->rowCount(), 0);
        QTRY_COMPARE(status->text(), QStringLiteral("No unread conversations."));
    }

    void searchOpensTheThreadAtTheMessage()
    {
        insertFourThreads();
        // Alice's thread: the message found is older than the newest page of 200.
        const qint64 found =
            insert(kAlice, true, QStringLiteral("The spare inner tube is \u20ac12"), kBase + 2000);
        for (int i = 0; i < 210; ++i)
            QVERIFY(insert(kAlice, i % 2, QStringLiteral("later %1").arg(i), kBase + 3000 + i) > 0);
        makePage();
        QVERIFY(showPage(4));
        QVERIFY(test::GuiTestContext::focus(m_page->searchEdit()));
        test::GuiTestContext::press(m_page.get(), QKeySequence(QKeySequence::Find));
        QTest::keyClicks(m_page->searchEdit(), QStringLiteral("spare TUB"));
        QTRY_VERIFY(m_page->isSearching());
        QTRY_COMPARE(m_page->searchModel()->rowCount(), 1);
        QCOMPARE(m_page->searchModel()->hitAt(0).id, found);
        QCOMPARE(m_page->searchModel()->index(0, 0).data(Role::PartyRole).toString(),
                 QStringLiteral("(770) 555-1234"));
        QCOMPARE(child<QLabel>(m_page.get(), "listStatus")->text(),
                 QStringLiteral("1 message(s) found"));

        // Down into the results: the thread opens at the message, highlighted.
        QSignalSpy shown(m_page->threadPane(), &ConversationThreadPane::messageShown);
        QTest::keyClick(m_page->searchEdit(), Qt::Key_Down);
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.at(0).at(0).toLongLong(), found);
        QCOMPARE(m_page->currentThread(), std::optional<Thread>(kAlice));
        ConversationView* view = m_page->threadPane()->view();
        QCOMPARE(view->selectedMessageId(), found);
        QVERIFY(view->hasLater());
        QTRY_VERIFY(view->list()->viewport()->rect().intersects(
            view->list()->visualRect(view->model()->index(view->rowOf(found), 0))));

        // Nothing found says so; Esc goes back to the threads, the one shown selected.
        m_page->search(QStringLiteral("zeppelin"));
        QTRY_COMPARE(child<QLabel>(m_page.get(), "listStatus")->text(),
                     QStringLiteral("No message holds \u201czeppelin\u201d."));
        QTest::keyClick(m_page->searchEdit(), Qt::Key_Escape);
        QVERIFY(!m_page->isSearching());
        QVERIFY(m_page->searchEdit()->text().isEmpty());
        QCOMPARE(m_page->threadList()->currentIndex().row(), m_page->model()->rowOf(kAlice));
    }

    void composeBoxCountsSegmentsAndReplacesCulprits()
    {
        ComposeBox box;
        box.setThread(kAlice);
        box.resize(600, 200);
        QVERIFY(activate(&box));
        auto* text = child<QPlainTextEdit>(&box, "textEdit");
        auto* counter = child<QLabel>(&box, "counterLabel");
        auto* culprits = child<QLabel>(&box, "culpritLabel");
        auto* replace = child<QPushButton>(&box, "replaceButton");
        QCOMPARE(counter->text(), QStringLiteral("0 / 160 \u00b7 0 SMS"));
        QTest::keyClicks(text, QStringLiteral("See you at 5"));
        QCOMPARE(counter->text(), QStringLiteral("12 / 160 \u00b7 1 SMS"));
        QVERIFY(culprits->isHidden());
        QVERIFY(replace->isHidden());
        // A curly apostrophe (as phones and word processors type it) and a dash: UCS-2.
        type(text, QStringLiteral(" \u2014 don\u2019t be late"));
        QCOMPARE(counter->text(), QStringLiteral("UCS-2 \u00b7 28 / 70 \u00b7 1 SMS"));
        QVERIFY(culprits->isVisible());
        QCOMPARE(culprits->text(), QStringLiteral("UCS-2 because of: \u2014 em dash, \u2019 right "
                                                  "single quotation mark"));
        QVERIFY(replace->isVisible());
        QTest::mouseClick(replace, Qt::LeftButton);
        QCOMPARE(text->toPlainText(), QStringLiteral("See you at 5 - don't be late"));
        QCOMPARE(counter->text(), QStringLiteral("28 / 160 \u00b7 1 SMS"));
        QVERIFY(culprits->isHidden());
        QVERIFY(replace->isHidden());
        // One edit: undone in one step.
        text->undo();
        QCOMPARE(text->toPlainText(), QStringLiteral("See you at 5 \u2014 don\u2019t be late"));
        // An emoji has no twin: named, nothing to replace.
        text->setPlainText(QStringLiteral("Thanks \U0001F44D"));
        QCOMPARE(culprits->text(), QStringLiteral("UCS-2 because of: \U0001F44D emoji"));
        QVERIFY(replace->isHidden());
        text->setPlainText(QString(161, QLatin1Char('x')));
        QCOMPARE(counter->text(), QStringLiteral("161 / 306 \u00b7 2 SMS"));
    }

    void composeBoxSendIsHonest()
    {
        ComposeBox box;
        NumberRecord front;
        front.id = 7;
        front.e164 = kDid;
        front.label = QStringLiteral("Front desk");
        front.provider = QStringLiteral("oncloud");
        NumberRecord sales = front;
        sales.id = 8;
        sales.e164 = kSalesDid;
        sales.label = QStringLiteral("Sales");
        box.setNumbers({front, sales});
        box.setDefaultRegion(QStringLiteral("US"));
        box.setThread(kAlice);
        box.resize(600, 220);
        QVERIFY(activate(&box));
        auto* send = child<QPushButton>(&box, "sendButton");
        auto* from = child<QComboBox>(&box, "fromCombo");
        QCOMPARE(from->count(), 2);
        QCOMPARE(from->currentText(), QStringLiteral("Front desk \u00b7 (404) 555-9999"));
        QSignalSpy requested(&box, &ComposeBox::sendRequested);
        QTest::keyClicks(child<QPlainTextEdit>(&box, "textEdit"), QStringLiteral("On my way"));
        // Sending is not wired yet: Send says so, Ctrl+Enter too, nothing is asked for.
        QVERIFY(!send->isEnabled());
        QVERIFY2(send->toolTip().contains(QStringLiteral("not available yet")),
                 qPrintable(send->toolTip()));
        QTest::keyClick(child<QPlainTextEdit>(&box, "textEdit"), Qt::Key_Return,
                        Qt::ControlModifier);
        QVERIFY(requested.isEmpty());
        auto* note = child<QLabel>(&box, "composeNote");
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("not available yet")));

        // Once it is: Ctrl+Enter asks, from the chosen number, with the media URL.
        box.setSendingAvailable(true);
        QVERIFY(send->isEnabled());
        auto* media = child<QLineEdit>(&box, "mediaEdit");
        QTest::keyClicks(media, QStringLiteral("ftp://example.com/map.png"));
        QVERIFY(!send->isEnabled());
        QVERIFY(send->toolTip().contains(QStringLiteral("https://")));
        media->clear();
        QTest::keyClicks(media, QStringLiteral("https://example.com/map.png"));
        from->setCurrentIndex(1);
        QTest::keyClick(child<QPlainTextEdit>(&box, "textEdit"), Qt::Key_Return,
                        Qt::ControlModifier);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), 8);
        QCOMPARE(requested.at(0).at(1).toString(), kAlice.remote);
        QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("On my way"));
        QCOMPARE(requested.at(0).at(3).toString(), QStringLiteral("https://example.com/map.png"));

        // A new conversation: the recipient is checked as typed, in the default region.
        box.startNew(kSalesDid);
        QCOMPARE(from->currentText(), QStringLiteral("Sales \u00b7 (404) 555-8888"));
        auto* recipient = child<QLineEdit>(&box, "recipientEdit");
        QVERIFY(!recipient->isReadOnly());
        auto* recipientNote = child<QLabel>(&box, "recipientNote");
        QTest::keyClicks(recipient, QStringLiteral("555-12"));
        QVERIFY(recipientNote->isVisible());
        QVERIFY(box.recipientE164().isEmpty());
        QCOMPARE(box.problem(), recipientNote->text());
        recipient->clear();
        QTest::keyClicks(recipient, QStringLiteral("(770) 555-0142"));
        QCOMPARE(box.recipientE164(), QStringLiteral("+17705550142"));
        QCOMPARE(recipientNote->text(), QStringLiteral("Sends to +1 770-555-0142"));
        QCOMPARE(box.problem(), QStringLiteral("Type a message."));
        QTest::keyClicks(child<QPlainTextEdit>(&box, "textEdit"), QStringLiteral("Hello"));
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toLongLong(), 8);
        QCOMPARE(requested.at(1).at(1).toString(), QStringLiteral("+17705550142"));

        // A thread of a number that is not provisioned, and a sender name: no answer.
        box.setThread({QStringLiteral("+14045550000"), QStringLiteral("ACME")});
        QCOMPARE(box.fromNumberId(), 0);
        QVERIFY(box.problem().contains(QStringLiteral("not provisioned")));
        from->setCurrentIndex(0);
        QVERIFY(box.problem().contains(QStringLiteral("ACME")));
    }

    void draftsSurviveARestartOfThePage()
    {
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        QSignalSpy loaded(m_page.get(), &ConversationsPage::draftLoaded);
        select(kBob);
        QVERIFY(loaded.wait(5000));
        QSignalSpy saved(m_page.get(), &ConversationsPage::draftSaved);
        type(composerText(), QStringLiteral("Your bike is ready \u2014 come by"));
        QVERIFY(saved.wait(5000)); // DraftSaveDelayMs after the last keystroke
        // The list says there is a draft.
        QTRY_COMPARE(m_page->model()
                         ->index(m_page->model()->rowOf(kBob), 0)
                         .data(Role::PreviewRole)
                         .toString(),
                     QStringLiteral("Draft: Your bike is ready \u2014 come by"));
        // Another thread has its own (none); typing there and closing the page at once keeps
        // that one too.
        select(kCarol);
        QVERIFY(loaded.wait(5000));
        QVERIFY(composerText()->toPlainText().isEmpty());
        QTest::keyClicks(composerText(), QStringLiteral("Yes, attached"));

        makePage(); // the old page goes first: its draft is stored on the way out
        QVERIFY(showPage(4));
        QCOMPARE(m_page->model()
                     ->index(m_page->model()->rowOf(kCarol), 0)
                     .data(Role::PreviewRole)
                     .toString(),
                 QStringLiteral("Draft: Yes, attached"));
        QSignalSpy again(m_page.get(), &ConversationsPage::draftLoaded);
        select(kBob);
        QVERIFY(again.wait(5000));
        QCOMPARE(composerText()->toPlainText(),
                 QStringLiteral("Your bike is ready \u2014 come by"));
        // Emptied: the draft is gone.
        composerText()->clear();
        QSignalSpy cleared(m_page.get(), &ConversationsPage::draftSaved);
        QVERIFY(cleared.wait(5000));
        QTRY_COMPARE(m_page->model()
                         ->index(m_page->model()->rowOf(kBob), 0)
                         .data(Role::PreviewRole)
                         .toString(),
                     QStringLiteral("You: Your order is ready for pickup"));
    }

    void exportsTheConversationOrAll()
    {
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("alice.csv"));
        m_page->setSavePathChooser([&path](const QString&, const QString& suggested) {
            return suggested.endsWith(QLatin1String(".jsonl")) ? path : QString();
        });
        QVERIFY(!m_page->exportConversationAction()->isEnabled());
        select(kAlice);
        QVERIFY(m_page->exportConversationAction()->isEnabled());
        QSignalSpy finished(m_page.get(), &ConversationsPage::exportFinished);
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(1).toLongLong(), 2);
        QVERIFY(finished.at(0).at(2).toString().isEmpty());
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("id,direction,provider,did,remote,text,media,status,"));
        QCOMPARE(lines.size(), 4); // header, two messages, the end
        QVERIFY(lines.at(2).contains("flat tyre"));

        path = dir.filePath(QStringLiteral("all.jsonl"));
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(1).at(1).toLongLong(), 5);
        QFile jsonl(path);
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        const QList<QByteArray> objects = jsonl.readAll().trimmed().split('\n');
        QCOMPARE(objects.size(), 5);
        const QJsonObject last = QJsonDocument::fromJson(objects.constLast()).object();
        QCOMPARE(last.value(u"remote").toString(), kDave.remote);
        QCOMPARE(last.value(u"status").toString(), QStringLiteral("failed"));
        QCOMPARE(last.value(u"error_code").toString(), QStringLiteral("30008"));
    }

    void fitsASmallWindow()
    {
        // The main window (navigation list, page, menu and status bar) must fit 900 × 600, also
        // with a thread shown, a UCS-2 culprit named and a note under the compose box.
        insertFourThreads();
        makePage();
        QVERIFY(showPage(4));
        select(kAlice);
        type(composerText(), QStringLiteral("Don\u2019t worry \u2014 it\u2019s fixed \U0001F44D"));
        QVERIFY(child<QLabel>(m_page.get(), "culpritLabel")->isVisible());
        m_page->composeBox()->send(); // "not available yet" under the box
        QVERIFY(child<QLabel>(m_page.get(), "composeNote")->isVisible());
        QVERIFY2(m_page->minimumSizeHint().width() <= 740,
                 qPrintable(QString::number(m_page->minimumSizeHint().width())));
        QVERIFY2(m_page->minimumSizeHint().height() <= 530,
                 qPrintable(QString::number(m_page->minimumSizeHint().height())));
    }

    void mainWindowOpensOnConversations()
    {
        MainWindow window(m_fixture->context());
        QVERIFY(window.conversationsPage());
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(window.conversationsPage()));
        QVERIFY(activate(&window));
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_5));
        QTRY_COMPARE(window.currentPage(), static_cast<QWidget*>(window.inspectorPage()));
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
        QTRY_COMPARE(window.currentPage(), static_cast<QWidget*>(window.conversationsPage()));
        // Ctrl+N on this page starts a new conversation (not a number).
        test::GuiTestContext::press(&window, QKeySequence::New);
        QTRY_VERIFY(child<QLineEdit>(window.conversationsPage(), "recipientEdit")->hasFocus());
        QVERIFY(!window.numbersPage()->findChild<QDialog*>());
    }

    // --- screenshots ---------------------------------------------------------------------

    void screenshots()
    {
        const qint64 minute = 60'000;
        const qint64 start = kNow.toMSecsSinceEpoch() - 40 * minute;
        const Thread busy{kDid, QStringLiteral("+17705551234")};
        QVERIFY(insert(busy, false, QStringLiteral("Hi! Is the shop open on Saturday?"), start) >
                0);
        QVERIFY(insert(busy, true, QStringLiteral("Yes, 9 to 1. What do you need?"),
                       start + 2 * minute) > 0);
        QVERIFY(insert(busy, false,
                       QStringLiteral("\u0645\u0631\u062d\u0628\u0627\u060c \u0623\u062d\u062a"
                                      "\u0627\u062c \u0625\u0644\u0649 \u062a\u0635\u0644\u064a"
                                      "\u062d \u062f\u0631\u0627\u062c\u062a\u064a"),
                       start + 4 * minute) > 0);
        QVERIFY(insert(busy, true,
                       QStringLiteral("\u05e9\u05dc\u05d5\u05dd! \u05db\u05df, \u05d0\u05e0"
                                      "\u05d7\u05e0\u05d5 \u05de\u05ea\u05e7\u05e0\u05d9\u05dd "
                                      "\u05d0\u05d5\u05e4\u05e0\u05d9\u05d9\u05dd \U0001F6B2"),
                       start + 6 * minute, QStringLiteral("delivered")) > 0);
        QVERIFY(insert(busy, true, QStringLiteral("Bring it by at 10 \U0001F44D\U0001F3FD"),
                       start + 7 * minute, QStringLiteral("failed"), QStringLiteral("30008")) > 0);
        QVERIFY(insert(busy, false, QStringLiteral("Great \U0001F389\U0001F389 see you then!"),
                       start + 30 * minute) > 0);
        for (int i = 0; i < 6; ++i) {
            QVERIFY(insert({i % 2 ? kSalesDid : kDid, QStringLiteral("+1404555%1").arg(2100 + i)},
                           i % 3 == 0,
                           QStringList{QStringLiteral("Invoice 2291 attached"),
                                       QStringLiteral("Can I book for Tuesday?"),
                                       QStringLiteral("\U0001F600 Thanks a lot!"),
                                       QStringLiteral("Where do I park?"),
                                       QStringLiteral("Order #5521 shipped"),
                                       QStringLiteral("Call me back please")}
                               .at(i),
                           start - (i + 1) * 47 * minute, QString()) > 0);
        }
        QVERIFY(insert(kDave, true, QStringLiteral("See you tomorrow"), start - 20 * minute,
                       QStringLiteral("failed"), QStringLiteral("30008")) > 0);

        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        for (const bool dark : {false, true}) {
            makePage();
            if (dark)
                m_page->setPalette(test::GuiTestContext::darkPalette());
            m_page->resize(1100, 720);
            QVERIFY(showPage(8));
            QSignalSpy loaded(m_page.get(), &ConversationsPage::draftLoaded);
            select(busy);
            QVERIFY(loaded.wait(5000));
            QTRY_COMPARE(m_page->threadPane()->view()->messages().size(), 6);
            type(composerText(), QStringLiteral("Thanks \u2014 we\u2019ll have it ready by 11"));
            QVERIFY(child<QPushButton>(m_page.get(), "replaceButton")->isVisible());
            QTest::qWait(100); // the posted layouts and scrolls
            const QImage page = m_page->grab().toImage();
            QVERIFY(!page.isNull());
            if (!dir.isEmpty()) {
                QVERIFY(page.save(dir + (dark ? QStringLiteral("/conversations-page-dark.png")
                                              : QStringLiteral("/conversations-page.png"))));
                if (!dark) {
                    QVERIFY(m_page->composeBox()->grab().toImage().save(
                        dir + QStringLiteral("/conversations-composer-ucs2.png")));
                }
            }
            composerText()->clear(); // no draft left for the next round (stored as it goes)
        }
        if (dir.isEmpty())
            QSKIP("SMSDESK_SCREENSHOT_DIR is not set: nothing saved");
    }
};

QTEST_MAIN(TestConversationsPage)
#include "TestConversationsPage.moc"
