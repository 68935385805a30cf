// Media in the thread, over real parts: a SQLite store read through the DatabaseWorker, the
// MediaArchiver fetching from a loopback HTTP server (MediaTestServer) into a temporary archive
// folder, the ConversationThreadPane showing the thread. An image that gets archived shows as
// its thumbnail (the model's thumbnail role is set, the row grows), still after the server is
// gone and the thread is opened again; a click opens the kept file; a media without a copy
// says why under its link; a PDF shows its type and size. The conversation window (Inspector,
// Failures) shows the kept copies too. The main window catches up with what was stored while it
// was closed and shows it.

#include "GuiTestContext.h"
#include "MainWindow.h"
#include "MediaArchiveService.h"
#include "MediaTestServer.h"
#include "conversations/ConversationDelegate.h"
#include "conversations/ConversationDialog.h"
#include "conversations/ConversationMediaFeed.h"
#include "conversations/ConversationModel.h"
#include "conversations/ConversationOpener.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationView.h"
#include "conversations/ConversationsPage.h"
#include "conversations/MediaThumbnailLoader.h"
#include "media/MediaArchiver.h"
#include "store/Database.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Thread = ConversationReader::Thread;
using Role = ConversationModel::Role;

namespace {

const Thread kAlice{QStringLiteral("+14045559999"), QStringLiteral("+17705551234")};

} // namespace

class TestConversationMedia : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<test::MediaTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QUrl> m_opened;

    qint64 insert(const QString& text, const QStringList& media, qint64 atMs)
    {
        QSqlQuery query(m_fixture->context().database().connection());
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
            "received_at) VALUES ('inbound', 'oncloud', ?, ?, ?, ?, 'received', ?)"));
        query.addBindValue(kAlice.did);
        query.addBindValue(kAlice.remote);
        query.addBindValue(text);
        query.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(media)).toJson(QJsonDocument::Compact)));
        query.addBindValue(atMs);
        if (!query.exec()) {
            qWarning() << query.lastError().text();
            return 0;
        }
        const qint64 id = query.lastInsertId().toLongLong();
        query.finish();
        return id;
    }

    QString url(const QString& path) const { return m_server->url(path).toString(); }

    MediaArchiver::Options options() const
    {
        MediaArchiver::Options options;
        options.maxFileBytes = 64 * 1024;
        options.timeoutMs = 2000;
        return options;
    }

    std::unique_ptr<MediaArchiver> archiver(QNetworkAccessManager& network)
    {
        return std::make_unique<MediaArchiver>(m_fixture->context().worker(), network,
                                               m_fixture->context().clock(),
                                               MediaArchive(m_dir->path()), options());
    }

    // A pane showing Alice's thread with the archive's copies.
    std::unique_ptr<ConversationThreadPane> openPane()
    {
        auto pane = std::make_unique<ConversationThreadPane>(m_fixture->context().worker());
        pane->setMediaArchive(m_dir->path());
        pane->resize(640, 700);
        pane->show();
        QSignalSpy shown(pane.get(), &ConversationThreadPane::newestShown);
        pane->setThread(kAlice);
        pane->showNewest();
        if (!shown.wait(5000))
            qWarning() << "the thread did not show";
        return pane;
    }

    static QModelIndex indexOf(ConversationThreadPane& pane, qint64 id)
    {
        return pane.view()->model()->index(pane.view()->rowOf(id), 0);
    }

    static int heightOf(ConversationThreadPane& pane, qint64 id)
    {
        QListView* list = pane.view()->list();
        QStyleOptionViewItem option;
        option.initFrom(list);
        option.font = list->font();
        return list->itemDelegate()->sizeHint(option, indexOf(pane, id)).height();
    }

    static QImage thumbnailOf(ConversationThreadPane& pane, qint64 id, int media = 0)
    {
        return indexOf(pane, id).data(Role::ThumbnailsRole).toList().value(media).value<QImage>();
    }

    static QString noteOf(ConversationThreadPane& pane, qint64 id, int media = 0)
    {
        return indexOf(pane, id).data(Role::MediaNotesRole).toStringList().value(media);
    }

    static test::MediaTestServer::Route route(const QByteArray& type, const QByteArray& body)
    {
        test::MediaTestServer::Route route;
        route.contentType = type;
        route.body = body;
        return route;
    }

public Q_SLOTS:
    // QDesktopServices' handler for file: URLs while the tests run (nothing is opened).
    void openUrl(const QUrl& url) { m_opened.append(url); }

private Q_SLOTS:
    void initTestCase()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

    void init()
    {
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        m_server = std::make_unique<test::MediaTestServer>();
        QVERIFY(m_server->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        m_opened.clear();
    }

    void cleanup()
    {
        m_server.reset();
        m_fixture.reset();
        m_dir.reset();
    }

    // An image stored with its message gets archived while the thread is open: its bubble
    // shows the thumbnail, higher than the link was; after the server is gone, the thread opened
    // again shows it from the archive; a click opens the kept file.
    void archivedImageShowsAsThumbnail()
    {
        m_server->setRoute(QStringLiteral("/photo.png"),
                           route("image/png", test::MediaTestServer::png(400, 300)));
        const qint64 now = m_fixture->clock().nowMs();
        for (int i = 0; i < 20; ++i) // more than the view shows: it scrolls
            QVERIFY(insert(QStringLiteral("Earlier message %1").arg(i), {}, now - 60000 + i) > 0);
        const qint64 id =
            insert(QStringLiteral("Here is the scratch"), {url(QStringLiteral("/photo.png"))}, now);
        QVERIFY(id > 0);

        auto pane = openPane();
        QVERIFY(pane->view()->rowOf(id) >= 0);
        QVERIFY(thumbnailOf(*pane, id).isNull());
        const int before = heightOf(*pane, id);

        QNetworkAccessManager network;
        auto running = archiver(network);
        connect(running.get(), &MediaArchiver::entryUpdated, pane.get(),
                &ConversationThreadPane::mediaUpdated);
        running->messagesStored({id});
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailOf(*pane, id).isNull(), 10000);
        const QImage thumbnail = thumbnailOf(*pane, id);
        QCOMPARE(thumbnail.size(), QSize(220, 165)); // 400 × 300 scaled into 220 × 220
        QVERIFY2(heightOf(*pane, id) >= before + 120,
                 qPrintable(QStringLiteral("%1 → %2").arg(before).arg(heightOf(*pane, id))));
        QVERIFY(noteOf(*pane, id).isEmpty());
        // The view laid its rows out again: the thumbnail is where it is drawn, and the view
        // that showed the newest message still does.
        QTRY_COMPARE(pane->view()->mediaRect(id, 0).size(), QSize(220, 165));
        QScrollBar* bar = pane->view()->list()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());

        const QStringList files = indexOf(*pane, id).data(Role::MediaFilesRole).toStringList();
        QCOMPARE(files.size(), 1);
        QVERIFY(QFile::exists(files.at(0)));
        QVERIFY(files.at(0).startsWith(m_dir->path()));
        const QRect rect = pane->view()->mediaRect(id, 0);
        QSignalSpy activated(pane->view(), &ConversationView::linkActivated);
        QTest::mouseClick(pane->view()->list()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toUrl(), QUrl::fromLocalFile(files.at(0)));
        QCOMPARE(m_opened.value(0), QUrl::fromLocalFile(files.at(0)));

        // The link dies; the thread is opened again: the thumbnail comes from the archive.
        running.reset();
        m_server.reset();
        pane.reset();
        pane = openPane();
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailOf(*pane, id).isNull(), 10000);
        QCOMPARE(thumbnailOf(*pane, id).size(), QSize(220, 165));
        QTRY_COMPARE(pane->view()->mediaRect(id, 0).size(), QSize(220, 165));
    }

    // Without a copy, the link stays with a line that says why; a PDF kept says its type and
    // size; a link is opened as it is.
    void mediaWithoutThumbnailSayWhy()
    {
        m_server->setRoute(QStringLiteral("/huge.png"),
                           route("image/png", QByteArray(100 * 1024, 'x')));
        m_server->setRoute(QStringLiteral("/fake.png"), route("image/png", "<html>no</html>"));
        m_server->setRoute(
            QStringLiteral("/quote.pdf"),
            route("application/pdf", "%PDF-1.4\n" + QByteArray(2000, ' ') + "\n%%EOF\n"));
        const qint64 now = m_fixture->clock().nowMs();
        const qint64 id =
            insert(QStringLiteral(""),
                   {url(QStringLiteral("/huge.png")), url(QStringLiteral("/gone.jpg")),
                    url(QStringLiteral("/fake.png")), url(QStringLiteral("/quote.pdf"))},
                   now);
        auto pane = openPane();
        QVERIFY(pane->view()->rowOf(id) >= 0);
        QNetworkAccessManager network;
        auto running = archiver(network);
        connect(running.get(), &MediaArchiver::entryUpdated, pane.get(),
                &ConversationThreadPane::mediaUpdated);
        running->messagesStored({id});
        QTRY_VERIFY_WITH_TIMEOUT(running->isIdle(), 10000);
        QTRY_COMPARE(noteOf(*pane, id, 0), QStringLiteral("not kept: larger than 64 KB"));
        QCOMPARE(noteOf(*pane, id, 1), QStringLiteral("no copy: HTTP 404"));
        QVERIFY2(noteOf(*pane, id, 2)
                     .startsWith(QStringLiteral("not kept: not the image/png it claims to be")),
                 qPrintable(noteOf(*pane, id, 2)));
        QVERIFY2(noteOf(*pane, id, 3).startsWith(QStringLiteral("PDF \u00b7 ")),
                 qPrintable(noteOf(*pane, id, 3)));
        for (int i = 0; i < 4; ++i)
            QVERIFY(thumbnailOf(*pane, id, i).isNull());
        // The links without a copy open the link; the PDF its kept file.
        QSignalSpy activated(pane->view(), &ConversationView::linkActivated);
        QTest::mouseClick(pane->view()->list()->viewport(), Qt::LeftButton, {},
                          pane->view()->mediaRect(id, 1).center());
        QCOMPARE(activated.value(0).value(0).toUrl(), QUrl(url(QStringLiteral("/gone.jpg"))));
        QTest::mouseClick(pane->view()->list()->viewport(), Qt::LeftButton, {},
                          pane->view()->mediaRect(id, 3).center());
        QCOMPARE(activated.size(), 2);
        QVERIFY(activated.at(1).at(0).toUrl().isLocalFile());
        QVERIFY(activated.at(1).at(0).toUrl().toLocalFile().endsWith(QLatin1String(".pdf")));
    }

    // The decoder reads at most the box, and only images.
    void thumbnailDecoding()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("a.png"));
        QImage(600, 200, QImage::Format_RGB32).save(png);
        QString error;
        QImage image = MediaThumbnailLoader::decode(png, QSize(220, 220), &error);
        QCOMPARE(image.size(), QSize(220, 73));
        const QString small = dir.filePath(QStringLiteral("b.png"));
        QImage(40, 30, QImage::Format_RGB32).save(small);
        QCOMPARE(MediaThumbnailLoader::decode(small, QSize(220, 220), &error).size(),
                 QSize(40, 30));
        const QString text = dir.filePath(QStringLiteral("c.png"));
        {
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("<html>not an image</html>");
        }
        QVERIFY(MediaThumbnailLoader::decode(text, QSize(220, 220), &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    // The Inspector's and the Failures page's conversation window shows the kept copies too.
    void conversationWindowShowsThumbnail()
    {
        m_server->setRoute(QStringLiteral("/door.png"),
                           route("image/png", test::MediaTestServer::png(100, 200)));
        const qint64 id = insert(QStringLiteral("The door"), {url(QStringLiteral("/door.png"))},
                                 m_fixture->clock().nowMs());
        QNetworkAccessManager network;
        auto running = archiver(network);
        running->messagesStored({id});
        QTRY_VERIFY_WITH_TIMEOUT(running->isIdle(), 10000);

        QWidget parent;
        ConversationOpener opener(m_fixture->context().worker(), &parent);
        opener.setMediaArchive(m_dir->path());
        QSignalSpy opened(&opener, &ConversationOpener::opened);
        opener.open(id);
        QVERIFY(opened.wait(5000));
        auto* dialog = opened.at(0).at(0).value<ConversationDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailOf(*dialog->pane(), id).isNull(), 10000);
        QCOMPARE(thumbnailOf(*dialog->pane(), id).size(), QSize(100, 200));
        dialog->close();
    }

    // The window archives what was stored while it was closed, and its Conversations page
    // shows the thumbnail.
    void mainWindowCatchesUp()
    {
        m_fixture->context().settings().setMediaArchive(true);
        m_server->setRoute(QStringLiteral("/shop.png"),
                           route("image/png", test::MediaTestServer::png(120, 90)));
        const qint64 id = insert(QStringLiteral("The shop front"),
                                 {url(QStringLiteral("/shop.png"))}, m_fixture->clock().nowMs());
        MainWindow window(m_fixture->context());
        QVERIFY(window.media());
        QCOMPARE(window.media()->directory(),
                 MediaArchive::directoryFor(m_fixture->context().database().config()));
        QVERIFY(test::GuiTestContext::activate(&window));
        window.conversationsPage()->showThread(kAlice);
        ConversationThreadPane* pane = window.conversationsPage()->threadPane();
        QTRY_VERIFY(pane->view()->rowOf(id) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailOf(*pane, id).isNull(), 10000);
        QCOMPARE(thumbnailOf(*pane, id).size(), QSize(120, 90));
        QCOMPARE(m_server->hits(QStringLiteral("/shop.png")), 1);
    }
};

QTEST_MAIN(TestConversationMedia)
#include "TestConversationMedia.moc"
