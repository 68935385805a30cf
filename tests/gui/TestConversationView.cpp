// The read-only conversation thread: ConversationView with hand-built pages (bubbles on their
// sides as painted, highlight, load earlier / newer, keyboard, copy, media links), the
// ConversationDialog over a real SQLite store read through the DatabaseWorker, the detail
// pane's "Open conversation" link, and the Inspector opening the dialog (Ctrl+O, the link)
// for a request fired at its real listener by the simulator.
//
// Screenshot: SMSDESK_SCREENSHOT_DIR=<dir> (under Xvfb with QT_QPA_PLATFORM=xcb, or
// offscreen) saves the dialog with a thread of eight messages as conversation-dialog.png.

#include "GuiTestContext.h"
#include "ListenerController.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "conversations/ConversationDelegate.h"
#include "conversations/ConversationDialog.h"
#include "conversations/ConversationModel.h"
#include "conversations/ConversationView.h"
#include "http/HttpRequest.h"
#include "inspector/InspectorPage.h"
#include "inspector/RequestDetailPane.h"
#include "inspector/RequestLogModel.h"
#include "providers/ProviderRegistry.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/RequestLogRow.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <memory>

using namespace smsdesk;
using test::child;
using Page = ConversationReader::Page;
using Thread = ConversationReader::Thread;
using RowKind = ConversationModel::RowKind;

namespace {

const QString kDid = QStringLiteral("+14045559999"); // the simulator's onCloud number
const QString kRemote = QStringLiteral("+17705551234");
const QByteArray kAuth = QByteArrayLiteral("Bearer conversation-sekrit-2291");
const QDateTime kBaseTime(QDate(2026, 2, 13), QTime(19, 0), Qt::UTC);
const qint64 kBase = kBaseTime.toMSecsSinceEpoch();

ConversationMessage message(qint64 id, bool outbound, const QString& text, qint64 atMs,
                            const QString& status = QString())
{
    ConversationMessage m;
    m.id = id;
    m.direction = outbound ? QStringLiteral("outbound") : QStringLiteral("inbound");
    m.text = text;
    m.status = status.isEmpty()
                   ? (outbound ? QStringLiteral("delivered") : QStringLiteral("received"))
                   : status;
    m.provider = QStringLiteral("oncloud");
    m.receivedAtMs = atMs;
    return m;
}

// The eight messages of the screenshot: both sides, delivered, failed with a code, media.
QList<ConversationMessage> eightMessages()
{
    const qint64 minute = 60'000;
    QList<ConversationMessage> messages{
        message(11, false, QStringLiteral("Hello, I need help with my account"), kBase),
        message(12, true, QStringLiteral("Hi! Sure, what is the account number?"),
                kBase + 2 * minute),
        message(13, false, QStringLiteral("It is 55-2041. I can't log in since yesterday."),
                kBase + 3 * minute),
        message(14, true,
                QStringLiteral("Thanks. I reset your password: check your email for the link."),
                kBase + 5 * minute, QStringLiteral("failed")),
        message(15, true, QStringLiteral("Sending it again in case it got lost."),
                kBase + 6 * minute, QStringLiteral("sent")),
        message(16, false, QStringLiteral("Got it, thanks! Here is the error I saw:"),
                kBase + 9 * minute),
        message(17, true, QStringLiteral("That error is fixed now. Anything else?"),
                kBase + 12 * minute),
        message(18, false, QStringLiteral("No, all good \U0001F44D\nHave a nice evening."),
                kBase + 13 * minute),
    };
    messages[3].errorCode = QStringLiteral("30008");
    messages[5].media = {QStringLiteral("https://media.example.com/uploads/wh_67ae1b2f3c4d5.jpg"),
                         QStringLiteral("ftp://media.example.com/not-a-link.png")};
    messages[5].providerTimeMs = kBase + 9 * minute - 1200;
    return messages;
}

Page pageOf(const QList<ConversationMessage>& messages, bool hasEarlier = false,
            bool hasLater = false)
{
    Page page;
    page.thread = {kDid, kRemote};
    page.messages = messages;
    page.hasEarlier = hasEarlier;
    page.hasLater = hasLater;
    return page;
}

// Shows the window and waits until it is active; it asks the window system for the focus too
// (under Xvfb without a window manager the window under the pointer has it otherwise).
bool activate(QWidget* window)
{
    window->show();
    window->activateWindow();
    return test::GuiTestContext::activate(window);
}

} // namespace

class TestConversationView : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConversationView> m_view;
    QList<QUrl> m_opened;

    void makeView(int width = 520, int height = 640)
    {
        m_view = std::make_unique<ConversationView>();
        m_view->resize(width, height);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    QListView* list() const { return m_view->list(); }
    QModelIndex indexOf(qint64 id) const { return m_view->model()->index(m_view->rowOf(id), 0); }
    bool visible(qint64 id) const
    {
        const QRect rect = list()->visualRect(indexOf(id));
        return rect.isValid() && list()->viewport()->rect().intersects(rect);
    }

    // How many pixels of column x in `rect` of `image` differ from `base`.
    static int marked(const QImage& image, int x, const QRect& rect, const QColor& base)
    {
        int count = 0;
        for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom());
             ++y) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - base.red()) + std::abs(pixel.green() - base.green()) +
                    std::abs(pixel.blue() - base.blue()) >
                12)
                ++count;
        }
        return count;
    }

    // Stores a message of the thread straight into the GUI test store; its id.
    static qint64 insertMessage(QSqlDatabase db, bool outbound, const QString& text, qint64 atMs,
                                const Thread& thread = {kDid, kRemote})
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
            "received_at) VALUES (?, 'oncloud', ?, ?, ?, '[]', ?, ?)"));
        query.addBindValue(outbound ? QStringLiteral("outbound") : QStringLiteral("inbound"));
        query.addBindValue(thread.did);
        query.addBindValue(thread.remote);
        query.addBindValue(text);
        query.addBindValue(outbound ? QStringLiteral("delivered") : QStringLiteral("received"));
        query.addBindValue(atMs);
        if (!query.exec()) {
            qWarning("insert failed: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        return query.lastInsertId().toLongLong();
    }

private Q_SLOTS:
    void openUrl(const QUrl& url) { m_opened.append(url); }

    void initTestCase()
    {
        test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_conversation_view"));
        // Media links are "opened" here, not by a browser.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("ftp"), this, "openUrl");
    }

    void cleanupTestCase()
    {
        for (const char* scheme : {"https", "http", "ftp"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    void init()
    {
        Settings().clear();
        // No test here needs the window's listener to start on its own (nor port 8080).
        Settings().setAutostart(false);
        m_opened.clear();
    }

    void cleanup() { m_view.reset(); }

    // --- the view ------------------------------------------------------------------------

    void bubblesShowTextOnTheirSides()
    {
        makeView();
        QAbstractItemModelTester tester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<ConversationMessage> messages = eightMessages();
        m_view->setPage(pageOf(messages));
        QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 8);
        QCOMPARE(m_view->thread(), (Thread{kDid, kRemote}));
        for (int row = 0; row < 8; ++row) {
            const QModelIndex index = model->index(row, 0);
            QCOMPARE(index.data(ConversationModel::MessageIdRole).toLongLong(),
                     messages.at(row).id);
            QCOMPARE(index.data(ConversationModel::RowKindRole).toInt(), int(RowKind::Message));
            QCOMPARE(index.data(Qt::DisplayRole).toString(), messages.at(row).text);
            QCOMPARE(index.data(ConversationModel::OutboundRole).toBool(),
                     messages.at(row).isOutbound());
            QVERIFY(!index.data(Qt::AccessibleTextRole).toString().isEmpty());
        }
        // Time under each; the state of ours, with the code of the failed one.
        const QString time14 = QDateTime::fromMSecsSinceEpoch(messages.at(3).receivedAtMs)
                                   .toLocalTime()
                                   .toString(QStringLiteral("HH:mm"));
        QCOMPARE(model->index(3, 0).data(ConversationModel::StatusTextRole).toString(),
                 time14 + QStringLiteral(" \u00b7 Failed, error 30008"));
        QVERIFY(model->index(1, 0)
                    .data(ConversationModel::StatusTextRole)
                    .toString()
                    .endsWith(QStringLiteral("Delivered")));
        QVERIFY(model->index(4, 0)
                    .data(ConversationModel::StatusTextRole)
                    .toString()
                    .endsWith(QStringLiteral("Sent")));
        QCOMPARE(
            model->index(0, 0).data(ConversationModel::StatusTextRole).toString(),
            QDateTime::fromMSecsSinceEpoch(kBase).toLocalTime().toString(QStringLiteral("HH:mm")));
        QCOMPARE(model->index(5, 0).data(ConversationModel::MediaRole).toStringList(),
                 messages.at(5).media);
        QVERIFY(model->index(3, 0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("Failed, error 30008")));

        // As painted: theirs against the left side, ours against the right.
        list()->scrollToTop();
        const QImage image = list()->viewport()->grab().toImage();
        const QColor base = list()->palette().color(QPalette::Base);
        const int left = 14;                  // inside a bubble on the left
        const int right = image.width() - 15; // inside a bubble on the right
        int checked = 0;
        for (int row = 0; row < 8; ++row) {
            const QRect rect = list()->visualRect(model->index(row, 0));
            if (!list()->viewport()->rect().contains(rect))
                continue; // not wholly in view
            ++checked;
            const bool outbound = messages.at(row).isOutbound();
            QVERIFY2(marked(image, outbound ? right : left, rect, base) > 10,
                     qPrintable(QStringLiteral("row %1: no bubble on its side").arg(row)));
            QVERIFY2(marked(image, outbound ? left : right, rect, base) == 0,
                     qPrintable(QStringLiteral("row %1: a bubble on the other side").arg(row)));
        }
        QVERIFY(checked >= 4);

        // A new page in its place: the newest message in view.
        QList<ConversationMessage> many;
        for (int i = 0; i < 60; ++i)
            many.append(message(100 + i, i % 2, QStringLiteral("Message %1").arg(i), kBase + i));
        m_view->setPage(pageOf(many));
        QCOMPARE(model->rowCount(), 60);
        QTRY_VERIFY(visible(159));
        QVERIFY(!visible(100));
    }

    void highlightSelectsAndScrolls()
    {
        makeView(480, 320);
        QList<ConversationMessage> many;
        for (int i = 0; i < 80; ++i)
            many.append(message(200 + i, i % 3 == 0, QStringLiteral("Message %1").arg(i),
                                kBase + i * 1000));
        m_view->setPage(pageOf(many));
        QTRY_VERIFY(visible(279));
        QVERIFY(!visible(205));
        QCOMPARE(m_view->selectedMessageId(), qint64(0));

        QVERIFY(m_view->setHighlightedMessage(205));
        QCOMPARE(m_view->selectedMessageId(), qint64(205));
        QVERIFY(list()->selectionModel()->isSelected(indexOf(205)));
        QCOMPARE(list()->currentIndex(), indexOf(205));
        QTRY_VERIFY(visible(205));
        QVERIFY(!visible(279));

        QVERIFY(!m_view->setHighlightedMessage(999)); // not shown
        QCOMPARE(m_view->selectedMessageId(), qint64(205));

        // Still in view once the view changes size (a dialog being laid out).
        m_view->resize(600, 300);
        QTRY_VERIFY(visible(205));
    }

    void loadEarlierPrependsOlderRows()
    {
        makeView(480, 400);
        QList<ConversationMessage> newer;
        for (int i = 0; i < 10; ++i)
            newer.append(message(50 + i, i % 2, QStringLiteral("Newer %1").arg(i), kBase + i));
        m_view->setPage(pageOf(newer, true));
        QAbstractItemModel* model = m_view->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 11);
        const QModelIndex loadRow = model->index(0, 0);
        QCOMPARE(loadRow.data(ConversationModel::RowKindRole).toInt(), int(RowKind::LoadEarlier));
        QCOMPARE(loadRow.data().toString(), QStringLiteral("Load earlier messages"));

        QSignalSpy earlier(m_view.get(), &ConversationView::earlierRequested);
        list()->scrollToTop();
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {},
                          list()->visualRect(loadRow).center());
        QCOMPARE(earlier.size(), 1);
        const auto cursor = earlier.at(0).at(0).value<ConversationReader::Cursor>();
        QCOMPARE(cursor.id, qint64(50));
        QCOMPARE(cursor.receivedAtMs, kBase);
        QVERIFY(m_view->isLoadingEarlier());
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Loading…"));
        // Asked once until the page comes.
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {},
                          list()->visualRect(model->index(0, 0)).center());
        QCOMPARE(earlier.size(), 1);

        // The page before: more left.
        const QRect firstBefore = list()->visualRect(indexOf(50));
        QList<ConversationMessage> older;
        for (int i = 0; i < 5; ++i)
            older.append(message(40 + i, false, QStringLiteral("Older %1").arg(i), kBase - 10 + i));
        m_view->prependPage(pageOf(older, true));
        QVERIFY(!m_view->isLoadingEarlier());
        QCOMPARE(model->rowCount(), 16);
        QCOMPARE(model->index(0, 0).data(ConversationModel::RowKindRole).toInt(),
                 int(RowKind::LoadEarlier));
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Load earlier messages"));
        QCOMPARE(model->index(1, 0).data(ConversationModel::MessageIdRole).toLongLong(),
                 qint64(40));
        QCOMPARE(model->index(6, 0).data(ConversationModel::MessageIdRole).toLongLong(),
                 qint64(50));
        // What was in view stays where it was.
        QCOMPARE(list()->visualRect(indexOf(50)).top(), firstBefore.top());

        // Enter on the load row asks for the next; the last page has nothing before it.
        list()->setCurrentIndex(model->index(0, 0));
        QVERIFY(test::GuiTestContext::focus(list()));
        QTest::keyClick(list(), Qt::Key_Return);
        QCOMPARE(earlier.size(), 2);
        QCOMPARE(earlier.at(1).at(0).value<ConversationReader::Cursor>().id, qint64(40));
        m_view->prependPage(
            pageOf({message(30, true, QStringLiteral("Oldest"), kBase - 100)}, false));
        QCOMPARE(model->rowCount(), 16);
        QVERIFY(!m_view->hasEarlier());
        QList<qint64> ids;
        for (const ConversationMessage& m : m_view->messages())
            ids.append(m.id);
        QCOMPARE(ids,
                 (QList<qint64>{30, 40, 41, 42, 43, 44, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59}));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(ConversationModel::RowKindRole).toInt(),
                     int(RowKind::Message));
    }

    void loadNewerAppendsRows()
    {
        makeView(480, 400);
        m_view->setPage(pageOf({message(1, false, QStringLiteral("a"), kBase),
                                message(2, true, QStringLiteral("b"), kBase + 1)},
                               false, true));
        QAbstractItemModel* model = m_view->model();
        QCOMPARE(model->rowCount(), 3);
        const QModelIndex loadRow = model->index(2, 0);
        QCOMPARE(loadRow.data(ConversationModel::RowKindRole).toInt(), int(RowKind::LoadLater));
        QSignalSpy later(m_view.get(), &ConversationView::laterRequested);
        list()->setCurrentIndex(loadRow);
        QVERIFY(test::GuiTestContext::focus(list()));
        QTest::keyClick(list(), Qt::Key_Space);
        QCOMPARE(later.size(), 1);
        QCOMPARE(later.at(0).at(0).value<ConversationReader::Cursor>().id, qint64(2));
        // A failed read: the row can be used again.
        m_view->loadFailed();
        QVERIFY(!m_view->isLoadingLater());
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Load newer messages"));
        m_view->appendPage(pageOf({message(3, false, QStringLiteral("c"), kBase + 2)}, false));
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(!m_view->hasLater());
        QCOMPARE(model->index(2, 0).data(ConversationModel::MessageIdRole).toLongLong(), qint64(3));
    }

    void keyboardMovesAndCopies()
    {
        makeView();
        m_view->setPage(pageOf(eightMessages()));
        QVERIFY(activate(m_view.get()));
        QVERIFY(m_view->setHighlightedMessage(12));
        QVERIFY(test::GuiTestContext::focus(list()));
        QVERIFY(!m_view->copyAction()->text().isEmpty());
        QTest::keyClick(list(), Qt::Key_Down);
        QCOMPARE(m_view->selectedMessageId(), qint64(13));
        QTest::keyClick(list(), Qt::Key_Up);
        QTest::keyClick(list(), Qt::Key_Up);
        QCOMPARE(m_view->selectedMessageId(), qint64(11));

        QGuiApplication::clipboard()->clear();
        QTest::keySequence(list(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("Hello, I need help with my account"));
        // A message with media: its text, then each URL on a line.
        QTest::keyClick(list(), Qt::Key_End);
        QCOMPARE(m_view->selectedMessageId(), qint64(18));
        QVERIFY(m_view->setHighlightedMessage(16));
        QTest::keySequence(list(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("Got it, thanks! Here is the error I saw:\n"
                                "https://media.example.com/uploads/wh_67ae1b2f3c4d5.jpg\n"
                                "ftp://media.example.com/not-a-link.png"));
    }

    void textCanBeSelected()
    {
        makeView();
        m_view->setPage(pageOf(eightMessages()));
        QVERIFY(activate(m_view.get()));
        // A double-click on a bubble opens its text, all of it selected, read-only.
        const int row = m_view->rowOf(13);
        list()->scrollTo(m_view->model()->index(row, 0));
        const QRect bubble = list()->visualRect(m_view->model()->index(row, 0));
        QVERIFY(!bubble.isEmpty());
        // A real double-click is a click, then a press the system reports as a double-click
        // (QTest's mouseDClick sends the latter alone).
        const QPoint at(bubble.left() + 30, bubble.top() + bubble.height() / 3);
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, at);
        auto* text = list()->findChild<QPlainTextEdit*>(QStringLiteral("messageTextSelection"));
        QVERIFY(text);
        QTRY_VERIFY(text->isVisible());
        QVERIFY(text->isReadOnly());
        QCOMPARE(text->toPlainText(),
                 QStringLiteral("It is 55-2041. I can't log in since yesterday."));
        QCOMPARE(text->textCursor().selectedText(), text->toPlainText());
        // Over the bubble's text, not elsewhere in the row.
        QVERIFY(bubble.contains(text->geometry().topLeft()));
        // A part of it, copied.
        QTextCursor cursor = text->textCursor();
        cursor.setPosition(6);
        cursor.setPosition(13, QTextCursor::KeepAnchor);
        text->setTextCursor(cursor);
        QGuiApplication::clipboard()->clear();
        QTest::keySequence(text, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("55-2041"));
        // Typing changes nothing; Esc closes it and the message is as it was.
        QTest::keyClicks(text, QStringLiteral("xyz"));
        QCOMPARE(text->toPlainText(),
                 QStringLiteral("It is 55-2041. I can't log in since yesterday."));
        QPointer<QPlainTextEdit> editor = text;
        QTest::keyClick(text, Qt::Key_Escape);
        QTRY_VERIFY(!editor); // closed and deleted
        QCOMPARE(m_view->messages().at(2).text,
                 QStringLiteral("It is 55-2041. I can't log in since yesterday."));
        // From the keyboard: F2 on the selected message.
        QVERIFY(m_view->setHighlightedMessage(11));
        QVERIFY(test::GuiTestContext::focus(list()));
        QTest::keyClick(list(), Qt::Key_F2);
        QTRY_VERIFY(list()->findChild<QPlainTextEdit*>(QStringLiteral("messageTextSelection")));
        QCOMPARE(list()
                     ->findChild<QPlainTextEdit*>(QStringLiteral("messageTextSelection"))
                     ->toPlainText(),
                 QStringLiteral("Hello, I need help with my account"));
        // A message without text has nothing to select.
        m_view->setPage(pageOf({message(21, false, QString(), kBase)}));
        QVERIFY(!(m_view->model()->flags(m_view->model()->index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(m_view->model()->flags(m_view->model()->index(0, 0)) & Qt::ItemIsSelectable);
    }

    void mediaLinksOpen()
    {
        makeView();
        m_view->setPage(pageOf(eightMessages()));
        QVERIFY(m_view->setHighlightedMessage(16));
        QTRY_VERIFY(visible(16));
        QSignalSpy links(m_view.get(), &ConversationView::linkActivated);
        const QRect link = m_view->mediaRect(16, 0);
        QVERIFY(!link.isEmpty());
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, link.center());
        QCOMPARE(links.size(), 1);
        const QUrl url(QStringLiteral("https://media.example.com/uploads/wh_67ae1b2f3c4d5.jpg"));
        QCOMPARE(links.at(0).at(0).toUrl(), url);
        QCOMPARE(m_opened, QList<QUrl>{url});
        // Not http(s): shown, not opened.
        const QRect other = m_view->mediaRect(16, 1);
        QVERIFY(!other.isEmpty());
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, other.center());
        QCOMPARE(links.size(), 1);
        QCOMPARE(m_opened.size(), 1);
        QVERIFY(!ConversationDelegate::isLink(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!ConversationDelegate::isLink(QStringLiteral("file:///etc/passwd")));
        QVERIFY(ConversationDelegate::isLink(QStringLiteral("http://example.com/a.png")));
        QVERIFY(m_view->mediaRect(11, 0).isEmpty()); // no media
    }

    // --- the dialog over a real store ----------------------------------------------------

    void dialogShowsThePageAroundAnOldMessage()
    {
        test::GuiTestContext fixture;
        QString error;
        QVERIFY2(fixture.open(&error), qPrintable(error));
        QSqlDatabase db = fixture.context().database().connection();
        QList<qint64> ids;
        for (int i = 0; i < 30; ++i)
            ids.append(insertMessage(db, i % 2, QStringLiteral("Stored %1").arg(i), kBase + i));
        insertMessage(db, false, QStringLiteral("another thread"), kBase + 5,
                      {kDid, QStringLiteral("+15550001111")});
        QVERIFY(ids.first() > 0);

        ConversationDialog dialog(fixture.context().worker(), {kDid, kRemote}, nullptr, 10);
        QCOMPARE(dialog.windowTitle(),
                 QStringLiteral("Conversation: +14045559999 \u2194 +17705551234"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy shown(&dialog, &ConversationDialog::messageShown);
        dialog.showMessage(ids.at(2)); // older than the newest page of 10
        QVERIFY(dialog.isLoading());
        QCOMPARE(dialog.noteText(), QStringLiteral("Loading…"));
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.at(0).at(0).toLongLong(), ids.at(2));
        QVERIFY(!dialog.isLoading());
        QVERIFY(dialog.noteText().isEmpty());
        ConversationView* view = dialog.view();
        QCOMPARE(view->selectedMessageId(), ids.at(2));
        QCOMPARE(view->messages().size(), 10);
        QCOMPARE(view->messages().first().id, ids.at(0));
        QVERIFY(!view->hasEarlier());
        QVERIFY(view->hasLater());
        QCOMPARE(child<QLabel>(&dialog, "conversationCount")->text(),
                 QStringLiteral("Messages shown: 10 \u00b7 newer ones not loaded"));

        // Newer pages through the worker, to the end.
        QAbstractItemModel* model = view->model();
        while (view->hasLater()) {
            const int before = int(view->messages().size());
            QListView* list = view->list();
            const QModelIndex last = model->index(model->rowCount() - 1, 0);
            list->scrollTo(last);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualRect(last).center());
            QTRY_VERIFY(view->messages().size() > before);
        }
        QCOMPARE(view->messages().size(), 30);
        for (int i = 0; i < 30; ++i)
            QCOMPARE(view->messages().at(i).id, ids.at(i));

        // Shown already: highlighted at once.
        dialog.showMessage(ids.at(25));
        QCOMPARE(shown.size(), 2);
        QCOMPARE(view->selectedMessageId(), ids.at(25));

        // Esc closes it.
        QVERIFY(activate(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void dialogSaysWhatWentWrong()
    {
        test::GuiTestContext fixture;
        QString error;
        QVERIFY2(fixture.open(&error), qPrintable(error));
        QSqlDatabase db = fixture.context().database().connection();
        const qint64 id = insertMessage(db, false, QStringLiteral("hi"), kBase);
        ConversationDialog dialog(fixture.context().worker(), {kDid, kRemote});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // A message that is not stored: the newest messages instead, and why.
        QSignalSpy newest(&dialog, &ConversationDialog::newestShown);
        dialog.showMessage(id + 1000);
        QVERIFY(newest.wait(5000));
        QCOMPARE(dialog.view()->messages().size(), 1);
        QCOMPARE(dialog.noteText(),
                 QStringLiteral("Message #%1 is no longer stored.").arg(id + 1000));

        // A thread without messages.
        ConversationDialog empty(fixture.context().worker(),
                                 {kDid, QStringLiteral("+15550009999")});
        QSignalSpy emptyShown(&empty, &ConversationDialog::newestShown);
        empty.showNewest();
        QVERIFY(emptyShown.wait(5000));
        QCOMPARE(empty.noteText(), QStringLiteral("No messages in this conversation."));

        // The store cannot be read: said in words.
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("ALTER TABLE messages RENAME TO messages_gone")),
                 qPrintable(query.lastError().text()));
        QSignalSpy failed(&dialog, &ConversationDialog::readFailed);
        dialog.showNewest();
        QVERIFY(failed.wait(5000));
        QVERIFY2(dialog.noteText().startsWith(QStringLiteral("Could not read the conversation: ")),
                 qPrintable(dialog.noteText()));
        QVERIFY(dialog.noteText().contains(QStringLiteral("messages")));
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE messages_gone RENAME TO messages")));
    }

    // --- the detail pane's link ----------------------------------------------------------

    void detailPaneLinksAStoredMessage()
    {
        ProviderRegistry providers;
        RequestDetailPane pane(providers);
        pane.resize(700, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto* browser = child<QTextBrowser>(&pane, "parsedView");
        child<QTabWidget>(&pane, "tabs")->setCurrentIndex(RequestDetailPane::ParsedTab);

        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        options.seed = 5;
        options.baseTime = kBaseTime;
        const WebhookSample sample = WebhookSampleFactory(options).sample(1);
        const HttpRequest request = sample.request();
        RequestLogEntry entry;
        entry.id = 7;
        entry.receivedAtMs = kBase;
        entry.peer = QStringLiteral("203.0.113.5:53211");
        entry.method = QString::fromLatin1(request.method);
        entry.target = QString::fromLatin1(request.target);
        for (const HttpRequest::Header& header : request.headers)
            entry.headers.append({header.first, header.second});
        entry.body = request.body;
        entry.bodySize = request.body.size();
        entry.provider = QStringLiteral("oncloud");
        entry.outcome = QStringLiteral("accepted");
        entry.responseStatus = 200;
        entry.messageId = 77;
        entry.did = sample.did;
        entry.remote = sample.remote;

        QSignalSpy requested(&pane, &RequestDetailPane::conversationRequested);
        pane.setEntry(entry);
        QVERIFY2(browser->toPlainText().contains(QStringLiteral("Open conversation")),
                 qPrintable(browser->toPlainText()));
        QVERIFY(browser->toHtml().contains(RequestDetailPane::conversationHref()));
        // Clicked as a person would.
        QTextCursor found = browser->document()->find(QStringLiteral("Open conversation"));
        QVERIFY(!found.isNull());
        browser->setTextCursor(found);
        browser->ensureCursorVisible();
        QTextCursor start(found);
        start.setPosition(found.selectionStart() + 3);
        const QPoint at = browser->cursorRect(start).center();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), qint64(77));

        // A refused request stored nothing: no link.
        entry.outcome = QStringLiteral("refused-auth");
        entry.responseStatus = 401;
        entry.messageId = 0;
        pane.setEntry(entry);
        QVERIFY(!browser->toPlainText().contains(QStringLiteral("Open conversation")));
        QVERIFY(!browser->toHtml().contains(RequestDetailPane::conversationHref()));
    }

    // --- the Inspector -------------------------------------------------------------------

    void inspectorOpensTheConversation()
    {
        test::GuiTestContext fixture;
        QString error;
        QVERIFY2(fixture.open(&error), qPrintable(error));
        NumberRecord number;
        number.e164 = kDid;
        number.provider = QStringLiteral("oncloud");
        number.hasAuthHeader = true;
        NumberRepository numbers(fixture.context().database().connection(), fixture.clock());
        QVERIFY2(numbers.insert(number), qPrintable(numbers.lastError()));
        fixture.secrets().entries.insert(
            SecretStore::numberKey(kDid, SecretStore::Kind::AuthorizationHeader),
            QString::fromLatin1(kAuth));
        ListenerController listener(fixture.context(), test::GuiTestContext::loopbackListener());
        InspectorPage page(fixture.context(), listener);
        page.resize(1200, 760);
        QVERIFY(activate(&page));
        listener.start();
        QTRY_VERIFY_WITH_TIMEOUT(listener.state() == ListenerController::State::Running, 10000);

        // A message from the simulator, a refused request after it.
        WebhookSampleFactory::Options options;
        options.provider = QStringLiteral("oncloud");
        options.authorization = kAuth;
        options.seed = 3;
        options.baseTime = kBaseTime;
        const WebhookSampleFactory samples(options);
        WebhookFirer firer;
        firer.setUrl(QUrl(listener.url()));
        firer.setConcurrency(1);
        QVERIFY(firer.run(1, [&](int n) { return samples.sample(n + 1); }).allOk());
        QTRY_COMPARE(page.model()->rowCount(), 1);
        const RequestLogEntry stored = page.model()->entryAt(0);
        QVERIFY(stored.messageId > 0);
        QCOMPARE(stored.did, kDid);
        // More of the thread after it than a page holds: the message is not among the
        // newest 200.
        QSqlDatabase db = fixture.context().database().connection();
        const Thread thread{stored.did, stored.remote};
        for (int i = 0; i < 205; ++i)
            QVERIFY(insertMessage(db, i % 2, QStringLiteral("Later %1").arg(i),
                                  stored.receivedAtMs + 1000 + i, thread) > 0);
        options.authorization = "Bearer wrong";
        const WebhookSampleFactory wrong(options);
        QCOMPARE(firer.run(1, [&](int n) { return wrong.sample(n + 4); }).byStatus.value(401), 1);
        QTRY_COMPARE(page.model()->rowCount(), 2);

        QAction* action = page.conversationAction();
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
        QVERIFY(page.view()->actions().contains(action)); // the table's context menu
        // The refused request (row 0) has no conversation.
        QSignalSpy entries(&page, &InspectorPage::entryShown);
        page.selectRequest(page.model()->entryAt(0).id);
        QVERIFY(entries.wait(5000));
        QVERIFY(!action->isEnabled());
        page.selectRequest(stored.id);
        QVERIFY(entries.wait(5000));
        QVERIFY(action->isEnabled());

        // Ctrl+O: the dialog, the message highlighted.
        QSignalSpy opened(&page, &InspectorPage::conversationOpened);
        test::GuiTestContext::press(&page, QKeySequence(Qt::CTRL | Qt::Key_O));
        QVERIFY(opened.wait(5000));
        QPointer<ConversationDialog> dialog = opened.at(0).at(0).value<ConversationDialog*>();
        QVERIFY(dialog);
        QCOMPARE(opened.at(0).at(1).toLongLong(), stored.messageId);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->thread(), thread);
        QCOMPARE(dialog->windowTitle(),
                 QStringLiteral("Conversation: %1 \u2194 %2").arg(thread.did, thread.remote));
        QTRY_COMPARE(dialog->view()->selectedMessageId(), stored.messageId);
        QVERIFY(dialog->view()->hasLater());
        QVERIFY(dialog->noteText().isEmpty());
        const int row = dialog->view()->rowOf(stored.messageId);
        QCOMPARE(dialog->view()->model()->index(row, 0).data().toString(),
                 QStringLiteral("What are your business hours?"));
        QTRY_VERIFY(dialog->view()->list()->viewport()->rect().intersects(
            dialog->view()->list()->visualRect(dialog->view()->model()->index(row, 0))));

        // The Parsed tab's link: the same window, raised, not a second one.
        dialog->view()->setHighlightedMessage(dialog->view()->messages().constLast().id);
        QVERIFY(activate(&page));
        page.detailPane()
            ->findChild<QTabWidget*>(QStringLiteral("tabs"))
            ->setCurrentIndex(RequestDetailPane::ParsedTab);
        auto* browser = page.detailPane()->findChild<QTextBrowser*>(QStringLiteral("parsedView"));
        QTextCursor link = browser->document()->find(QStringLiteral("Open conversation"));
        QVERIFY(!link.isNull());
        browser->setTextCursor(link);
        browser->ensureCursorVisible();
        QTextCursor inside(link);
        inside.setPosition(link.selectionStart() + 3);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {},
                          browser->cursorRect(inside).center());
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(1).at(0).value<ConversationDialog*>(), dialog.data());
        QCOMPARE(page.findChildren<ConversationDialog*>().size(), 1);
        QTRY_COMPARE(dialog->view()->selectedMessageId(), stored.messageId);

        // Esc closes (and deletes) it.
        QVERIFY(activate(dialog));
        QTest::keyClick(dialog->view()->list(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
        listener.stop();
        QTRY_VERIFY_WITH_TIMEOUT(listener.state() == ListenerController::State::Stopped, 10000);
    }

    // --- screenshot ----------------------------------------------------------------------

    void screenshot()
    {
        // The eight messages stored, read by the dialog as the Inspector opens it.
        test::GuiTestContext fixture;
        QString error;
        QVERIFY2(fixture.open(&error), qPrintable(error));
        QSqlDatabase db = fixture.context().database().connection();
        for (int i = 0; i < 3; ++i) // older than the page: "Load earlier messages"
            QVERIFY(
                insertMessage(db, false, QStringLiteral("Earlier %1").arg(i), kBase - 9000 + i));
        qint64 highlighted = 0;
        for (const ConversationMessage& m : eightMessages()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                "error_code, provider_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant& value : QVariantList{
                     m.direction, m.provider, kDid, kRemote, m.text,
                     QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m.media))
                                           .toJson(QJsonDocument::Compact)),
                     m.status, m.errorCode.isEmpty() ? QVariant() : QVariant(m.errorCode),
                     m.providerTimeMs ? QVariant(*m.providerTimeMs) : QVariant(), m.receivedAtMs})
                query.addBindValue(value);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            if (!m.media.isEmpty())
                highlighted = query.lastInsertId().toLongLong();
        }
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        for (const bool dark : {false, true}) {
            ConversationDialog dialog(fixture.context().worker(), {kDid, kRemote}, nullptr, 8);
            if (dark)
                dialog.setPalette(test::GuiTestContext::darkPalette());
            dialog.resize(560, 640);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QSignalSpy shown(&dialog, &ConversationDialog::messageShown);
            dialog.showMessage(highlighted);
            QVERIFY(shown.wait(5000));
            QCOMPARE(dialog.view()->messages().size(), 8);
            QVERIFY(dialog.view()->hasEarlier());
            QCOMPARE(dialog.view()->selectedMessageId(), highlighted);
            QTest::qWait(50); // the posted layout and scroll
            const QImage image = dialog.grab().toImage();
            QVERIFY(!image.isNull());
            if (!dir.isEmpty()) {
                QVERIFY(image.save(dir + (dark ? QStringLiteral("/conversation-dialog-dark.png")
                                               : QStringLiteral("/conversation-dialog.png"))));
            }
        }
        if (dir.isEmpty())
            QSKIP("SMSDESK_SCREENSHOT_DIR is not set: nothing saved");
    }
};

QTEST_MAIN(TestConversationView)
#include "TestConversationView.moc"
