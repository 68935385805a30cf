// The Conversations page's contacts, quick replies and notifications, driven like a person
// would over a real SQLite store read through the DatabaseWorker: naming the other party from
// the thread (Ctrl+K) and seeing the name in the title, the list and the search results;
// importing names from a CSV file with its preview; inserting a quick reply (Ctrl+Shift+R, type
// to filter, Enter) with its placeholders filled, and managing them; the notifier's decisions
// for messages stored while the window is not active, and the unread count.
//
// Screenshots: SMSDESK_SCREENSHOT_DIR=<dir> (under Xvfb with QT_QPA_PLATFORM=xcb, or offscreen)
// saves conversations-named-thread.png and conversations-quick-replies.png.

#include "GuiTestContext.h"
#include "ListenerController.h"
#include "Settings.h"
#include "conversations/ComposeBox.h"
#include "conversations/ContactActions.h"
#include "conversations/ContactDialog.h"
#include "conversations/ContactImportDialog.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationNotifier.h"
#include "conversations/ConversationsPage.h"
#include "conversations/MessageSearchModel.h"
#include "conversations/NotificationPolicy.h"
#include "conversations/QuickRepliesDialog.h"
#include "conversations/QuickReplyActions.h"
#include "conversations/QuickReplyPopup.h"
#include "conversations/QuickReplyText.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/QuickReplyRepository.h"
#include "widgets/AppTranslations.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using test::child;
using Thread = ConversationReader::Thread;
using Role = ConversationListModel::Role;

namespace {

const QString kDid = QStringLiteral("+14045559999");
const Thread kAlice{kDid, QStringLiteral("+17705551234")};
const Thread kBob{kDid, QStringLiteral("+17705550000")};
const QDateTime kNow(QDate(2026, 2, 13), QTime(19, 30), Qt::UTC); // the fake clock's
const qint64 kBase = kNow.toMSecsSinceEpoch() - 3600 * 1000;

} // namespace

class TestConversationExtras : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<ListenerController> m_listener;
    std::unique_ptr<ConversationsPage> m_page;

    QSqlDatabase db() { return m_fixture->context().database().connection(); }

    qint64 insert(const Thread& thread, const QString& text, qint64 atMs)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
            "received_at) VALUES ('inbound', 'oncloud', ?, ?, ?, '[]', 'received', ?)"));
        query.addBindValue(thread.did);
        query.addBindValue(thread.remote);
        query.addBindValue(text);
        query.addBindValue(atMs);
        if (!query.exec()) {
            qWarning("insert failed: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        return query.lastInsertId().toLongLong();
    }

    bool showPage(int rows)
    {
        m_page = std::make_unique<ConversationsPage>(m_fixture->context(), *m_listener);
        m_page->resize(1000, 700);
        m_page->show();
        m_page->activateWindow();
        return test::GuiTestContext::activate(m_page.get()) &&
               QTest::qWaitFor([&] { return m_page->model()->rowCount() == rows; }, 5000);
    }

    bool select(const Thread& thread)
    {
        const int row = m_page->model()->rowOf(thread);
        if (row < 0)
            return false;
        m_page->threadList()->setCurrentIndex(m_page->model()->index(row));
        return m_page->currentThread() == thread;
    }

    void screenshot(QWidget* widget, const char* name)
    {
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_conversation_extras"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The English plural forms ("2 names to import").
        AppTranslations::install(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        Settings().clear();
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        NumberRecord number;
        number.e164 = kDid;
        number.provider = QStringLiteral("oncloud");
        number.label = QStringLiteral("Front desk");
        NumberRepository numbers(db(), m_fixture->clock());
        QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        m_listener = std::make_unique<ListenerController>(m_fixture->context(),
                                                          test::GuiTestContext::loopbackListener());
        QVERIFY(insert(kAlice, QStringLiteral("Hi, do you repair bikes?"), kBase) > 0);
        QVERIFY(insert(kBob, QStringLiteral("Is my order ready?"), kBase + 60'000) > 0);
    }

    void cleanup()
    {
        m_page.reset();
        m_listener.reset();
        m_fixture.reset();
    }

    // --- contacts ---

    void nameTheOtherPartyFromTheThread()
    {
        QVERIFY(showPage(2));
        QVERIFY(select(kAlice));
        QCOMPARE(m_page->threadTitle(), QStringLiteral("(770) 555-1234"));
        QAction* name = m_page->contactActions()->nameAction();
        QVERIFY(name->isEnabled());
        QCOMPARE(name->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));

        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::Key_K));
        auto* dialog = test::GuiTestContext::waitForDialog<ContactDialog>(m_page.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QString());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Alice Smith"));
        dialog->noteEdit()->setPlainText(QStringLiteral("Road bike, flat tyre"));
        QSignalSpy saved(m_page->contactActions(), &ContactActions::contactSaved);
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
        QVERIFY(saved.wait(5000));

        // The title, the subtitle (the number under the name), the list, the store.
        QTRY_COMPARE(m_page->threadTitle(), QStringLiteral("Alice Smith"));
        QTRY_COMPARE(
            m_page->model()->index(m_page->model()->rowOf(kAlice)).data(Role::PartyRole).toString(),
            QStringLiteral("Alice Smith"));
        QCOMPARE(
            m_page->model()->index(m_page->model()->rowOf(kBob)).data(Role::PartyRole).toString(),
            QStringLiteral("(770) 555-0000"));
        QVERIFY(child<QLabel>(m_page.get(), "threadSubtitle")
                    ->text()
                    .contains(QLatin1String("(770) 555-1234")));
        const std::optional<Contact> stored = ContactRepository(db()).find(kAlice.remote);
        QVERIFY(stored);
        QCOMPARE(stored->name, QStringLiteral("Alice Smith"));
        QCOMPARE(stored->note, QStringLiteral("Road bike, flat tyre"));
        screenshot(m_page.get(), "conversations-named-thread.png");

        // The search results name her too.
        QSignalSpy results(m_page->searchModel(), &MessageSearchModel::pageLoaded);
        m_page->search(QStringLiteral("bikes"));
        QVERIFY(results.wait(5000));
        QCOMPARE(m_page->searchModel()->rowCount(), 1);
        QCOMPARE(m_page->searchModel()->index(0, 0).data(Role::PartyRole).toString(),
                 QStringLiteral("Alice Smith"));

        // Shown again later: the name is read with the thread. Cleared: forgotten.
        m_page->search(QString());
        QVERIFY(select(kBob));
        QVERIFY(select(kAlice));
        QTRY_COMPARE(m_page->threadTitle(), QStringLiteral("Alice Smith"));
        name->trigger();
        dialog = test::GuiTestContext::waitForDialog<ContactDialog>(m_page.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Alice Smith"));
        dialog->nameEdit()->clear();
        dialog->accept();
        QVERIFY(saved.wait(5000));
        QTRY_COMPARE(m_page->threadTitle(), QStringLiteral("(770) 555-1234"));
        QCOMPARE(ContactRepository(db()).find(kAlice.remote)->name, QString());
    }

    void importNamesFromCsv()
    {
        QVERIFY(showPage(2));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("number,name,note\n"
                   "(770) 555-1234,Alice Smith,Road bike\n"
                   "770-555-0000,Bob Jones,\n"
                   "12,Too short\n");
        file.close();

        m_page->contactActions()->importFrom(path);
        auto* dialog = test::GuiTestContext::waitForDialog<ContactImportDialog>(m_page.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->result().contacts.size(), 2);
        QCOMPARE(dialog->result().skipped.size(), 1);
        QVERIFY2(dialog->summaryLabel()->text().contains(QLatin1String("2 names to import")),
                 qPrintable(dialog->summaryLabel()->text()));
        QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("1 skipped")));
        QCOMPARE(dialog->table()->rowCount(), 3);
        QCOMPARE(dialog->table()->item(2, 0)->text(), QStringLiteral("4"));

        QSignalSpy imported(m_page->contactActions(), &ContactActions::contactsImported);
        QPushButton* import = dialog->findChild<QPushButton*>(QStringLiteral("importButton"));
        QVERIFY(import && import->isEnabled());
        QTest::mouseClick(import, Qt::LeftButton);
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.constFirst().constFirst().toInt(), 2);
        QTRY_COMPARE(m_page->model()->index(0).data(Role::PartyRole).toString(),
                     QStringLiteral("Bob Jones"));
        QTRY_COMPARE(m_page->model()->index(1).data(Role::PartyRole).toString(),
                     QStringLiteral("Alice Smith"));
        QCOMPARE(ContactRepository(db()).list()->size(), 2);
    }

    // --- quick replies ---

    void insertAQuickReply()
    {
        QuickReplyRepository replies(db());
        QVERIFY(replies.add(QStringLiteral("Hi {name}, your order is ready for pickup."), 1) > 0);
        QVERIFY(replies.add(QStringLiteral("We open at 9 on {date}. Call {number}?"), 1) > 0);
        QVERIFY(ContactRepository(db()).save({kAlice.remote, QStringLiteral("Alice"), {}}, 1));
        QVERIFY(showPage(2));
        QVERIFY(select(kAlice));
        QTRY_COMPARE(m_page->threadTitle(), QStringLiteral("Alice"));

        QuickReplyActions* actions = m_page->quickReplyActions();
        QCOMPARE(actions->insertAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QSignalSpy shown(actions, &QuickReplyActions::popupShown);
        test::GuiTestContext::press(m_page.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QVERIFY(shown.wait(5000));
        QuickReplyPopup* popup = actions->popup();
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->shownTexts().size(), 2);
        QTest::keyClicks(popup->filterEdit(), QStringLiteral("ORDER"));
        QCOMPARE(popup->shownTexts(),
                 QStringList{QStringLiteral("Hi {name}, your order is ready for pickup.")});
        screenshot(m_page.get(), "conversations-quick-replies.png");
        if (!qEnvironmentVariableIsEmpty("SMSDESK_SCREENSHOT_DIR"))
            screenshot(popup, "conversations-quick-replies-popup.png");
        QSignalSpy inserted(actions, &QuickReplyActions::inserted);
        QTest::keyClick(popup->filterEdit(), Qt::Key_Return);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(!popup->isVisible());
        auto* text = child<QPlainTextEdit>(m_page.get(), "textEdit");
        QCOMPARE(text->toPlainText(), QStringLiteral("Hi Alice, your order is ready for pickup."));

        // Typed at the cursor: a second one goes after the first.
        actions->showPopup();
        QVERIFY(shown.wait(5000));
        QTest::keyClick(popup->filterEdit(), Qt::Key_Down);
        QTest::keyClick(popup->filterEdit(), Qt::Key_Enter);
        QCOMPARE(text->toPlainText(),
                 QStringLiteral("Hi Alice, your order is ready for pickup.We open at 9 on "
                                "2/13/26. Call (770) 555-1234?"));
    }

    void manageQuickReplies()
    {
        QVERIFY(showPage(2));
        m_page->quickReplyActions()->manage();
        QuickRepliesDialog* dialog = m_page->quickReplyActions()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy changed(dialog, &QuickRepliesDialog::changed);
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->textEdit()->setPlainText(QStringLiteral("Thanks {name}!"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(changed.wait(5000));
        QCOMPARE(dialog->list()->count(), 1);
        // The one saved stays selected: Save again changes it.
        QVERIFY(dialog->list()->currentItem());
        dialog->textEdit()->setPlainText(QStringLiteral("Thanks, {name}!"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(changed.wait(5000));
        QCOMPARE(dialog->list()->count(), 1);
        QTest::mouseClick(dialog->newButton(), Qt::LeftButton);
        dialog->textEdit()->setPlainText(QStringLiteral("See you soon"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(changed.wait(5000));
        std::optional<QList<QuickReply>> stored = QuickReplyRepository(db()).list();
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).text, QStringLiteral("Thanks, {name}!"));
        QCOMPARE(stored->at(1).text, QStringLiteral("See you soon"));
        dialog->list()->setCurrentRow(0);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        QVERIFY(changed.wait(5000));
        stored = QuickReplyRepository(db()).list();
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->at(0).text, QStringLiteral("See you soon"));
    }

    void quickReplyText()
    {
        const QuickReplyText::Values values{QStringLiteral("(770) 555-1234"),
                                            QStringLiteral("Al {date}"), QDate(2026, 2, 13)};
        QCOMPARE(
            QuickReplyText::expand(QStringLiteral("{name}/{number}/{date}/{other}/{name"), values),
            QStringLiteral("Al {date}/(770) 555-1234/2/13/26/{other}/{name"));
        QCOMPARE(QuickReplyText::expand(QStringLiteral("Hi {name}"),
                                        {QStringLiteral("(770) 555-1234"), QString(), QDate()}),
                 QStringLiteral("Hi (770) 555-1234"));
    }

    // --- notifications ---

    void notificationPolicy()
    {
        QVERIFY(NotificationPolicy::wanted(true, false));
        QVERIFY(!NotificationPolicy::wanted(true, true));
        QVERIFY(!NotificationPolicy::wanted(false, false));

        ConversationSummary alice;
        alice.did = kDid;
        alice.remote = kAlice.remote;
        alice.lastMessageId = 7;
        alice.lastDirection = QStringLiteral("inbound");
        alice.lastText = QStringLiteral("Hi\nthere");
        alice.unreadCount = 1;
        alice.contactName = QStringLiteral("Alice");
        ConversationSummary bob = alice;
        bob.remote = kBob.remote;
        bob.contactName.clear();
        bob.lastMessageId = 8;
        bob.lastText = QString(200, QLatin1Char('x'));
        ConversationSummary ours = alice;
        ours.lastMessageId = 9;
        ours.lastDirection = QStringLiteral("outbound");
        ConversationSummary read = alice;
        read.lastMessageId = 10;
        read.unreadCount = 0;
        ConversationSummary older = alice; // its newest message is not among the new ones
        older.lastMessageId = 11;

        QList<NotificationPolicy::Notification> found =
            NotificationPolicy::notifications({alice, bob, ours, read, older}, {7, 8, 9, 10});
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).title, QStringLiteral("Alice"));
        QCOMPARE(found.at(0).body, QStringLiteral("Hi there"));
        QCOMPARE(found.at(0).thread, kAlice);
        QCOMPARE(found.at(1).title, QStringLiteral("(770) 555-0000"));
        QCOMPARE(found.at(1).body.size(), NotificationPolicy::MaxBodyLength);

        QList<ConversationSummary> many;
        for (int i = 0; i < NotificationPolicy::MaxSeparate + 1; ++i) {
            ConversationSummary summary = alice;
            summary.remote = QStringLiteral("+1770555%1").arg(1000 + i);
            summary.contactName = QStringLiteral("P%1").arg(i);
            summary.lastMessageId = 100 + i;
            many << summary;
        }
        found = NotificationPolicy::notifications(many, {100, 101, 102, 103});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).title, QStringLiteral("4 conversations with new messages"));
        QVERIFY(found.at(0).body.startsWith(QLatin1String("P0, P1, P2")));
        QVERIFY(found.at(0).thread.did.isEmpty());
        QCOMPARE(NotificationPolicy::trayToolTip(3), QStringLiteral("SMS Desk: 3 unread messages"));
    }

    void notifierForMessagesWhileAway()
    {
        QWidget window;
        ConversationNotifier notifier(m_fixture->context(), *m_listener, &window);
        bool active = false;
        notifier.setWindowActiveCheck([&active] { return active; });
        QSignalSpy unread(&notifier, &ConversationNotifier::unreadChanged);
        QVERIFY(unread.wait(5000));
        QCOMPARE(notifier.unread(), 2);
        QCOMPARE(notifier.trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(ContactRepository(db()).save({kAlice.remote, QStringLiteral("Alice"), {}}, 1));

        QSignalSpy notified(&notifier, &ConversationNotifier::notified);
        auto arrive = [this](const QString& text, qint64 at) {
            ListenerEvent event;
            event.outcome = ListenerEvent::accepted();
            event.did = kAlice.did;
            event.remote = kAlice.remote;
            event.messageIds = {insert(kAlice, text, at)};
            Q_EMIT m_listener->requestHandled(event);
        };
        arrive(QStringLiteral("Are you there?"), kBase + 120'000);
        QVERIFY(notified.wait(5000));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Alice"));
        QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Are you there?"));
        QTRY_COMPARE(notifier.unread(), 3);

        // The window active: counted, not notified. Notifications off: the same.
        active = true;
        arrive(QStringLiteral("Hello?"), kBase + 130'000);
        QTRY_COMPARE(notifier.unread(), 4);
        active = false;
        m_fixture->context().settings().setNotifyNewMessages(false);
        arrive(QStringLiteral("Anyone?"), kBase + 140'000);
        QTRY_COMPARE(notifier.unread(), 5);
        QTest::qWait(2 * ConversationNotifier::GatherMs);
        QCOMPARE(notified.size(), 1);
        // A refused request (nothing stored) changes nothing.
        m_fixture->context().settings().setNotifyNewMessages(true);
        ListenerEvent refused;
        refused.outcome = ListenerEvent::refusedAuth();
        Q_EMIT m_listener->requestHandled(refused);
        arrive(QStringLiteral("Last one"), kBase + 150'000);
        QVERIFY(notified.wait(5000));
        QCOMPARE(notified.size(), 2);
        QCOMPARE(notified.at(1).at(1).toString(), QStringLiteral("Last one"));
    }
};

QTEST_MAIN(TestConversationExtras)
#include "TestConversationExtras.moc"
