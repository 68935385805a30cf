// The media archive on real parts: the media_archive table on SQLite and PostgreSQL, and the
// archiver fetching from a loopback HTTP server (MediaTestServer) through a real
// QNetworkAccessManager, writing through a real DatabaseWorker into a temporary folder: a real
// PNG is kept; too large (with and without Content-Length), a type not kept, HTML served as
// image/png, a 404, a server that never answers and too many redirects are not; one redirect
// is followed; a full archive refuses new files; a restart catches up; turned off, nothing is
// fetched.

#include "FakeClock.h"
#include "MediaTestServer.h"
#include "StoreFixture.h"
#include "media/MediaArchive.h"
#include "media/MediaArchiveStore.h"
#include "media/MediaArchiver.h"
#include "store/DatabaseWorker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace smsdesk;
using State = MediaArchiveEntry::State;

class TestMediaArchive : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<test::MediaTestServer> m_server;

    // Stores a message with `media` (URLs); its id.
    qint64 storeMessage(const QStringList& media,
                        const QString& direction = QStringLiteral("inbound"))
    {
        QSqlQuery query(m_temp.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
            "received_at) VALUES (?, 'oncloud', '+14045559999', '+17705551234', 'look', ?, "
            "'received', 1000)"));
        query.addBindValue(direction);
        query.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(media)).toJson(QJsonDocument::Compact)));
        if (!query.exec()) {
            qWarning() << query.lastError().text();
            return 0;
        }
        query.finish();
        return m_temp->scalar(QStringLiteral("SELECT MAX(id) FROM messages")).toLongLong();
    }

    QString url(const QString& path) const { return m_server->url(path).toString(); }

    MediaArchiver::Options options() const
    {
        MediaArchiver::Options options;
        options.maxFileBytes = 64 * 1024;
        options.maxTotalBytes = 1024 * 1024;
        options.timeoutMs = 700;
        options.totalTimeoutMs = 5000;
        return options;
    }

    std::unique_ptr<MediaArchiver> archiver(const MediaArchiver::Options& options)
    {
        return std::make_unique<MediaArchiver>(*m_worker, *m_network, m_clock,
                                               MediaArchive(m_dir->path()), options);
    }

    // Runs `archiver` until it is idle.
    static bool settle(MediaArchiver& archiver)
    {
        return QTest::qWaitFor([&archiver] { return archiver.isIdle(); }, 15000);
    }

    QList<MediaArchiveEntry> entriesOf(qint64 messageId)
    {
        QList<MediaArchiveEntry> entries;
        m_worker->drain();
        MediaArchiveStore store(m_temp.connection());
        if (const auto rows = store.forMessages({messageId}))
            entries = *rows;
        return entries;
    }

    // Archives one message with the URL of `path` as served by `route`; its one row.
    MediaArchiveEntry archiveOne(const QString& path, const test::MediaTestServer::Route& route,
                                 MediaArchiver::Options opts = {})
    {
        if (opts.maxFileBytes == MediaArchive::DefaultMaxFileBytes)
            opts = options();
        m_server->setRoute(path, route);
        const qint64 id = storeMessage({url(path)});
        auto running = archiver(opts);
        running->messagesStored({id});
        if (!settle(*running))
            qWarning() << "the archiver did not settle";
        const QList<MediaArchiveEntry> entries = entriesOf(id);
        return entries.size() == 1 ? entries.constFirst() : MediaArchiveEntry();
    }

    static test::MediaTestServer::Route pngRoute(const QByteArray& bytes)
    {
        test::MediaTestServer::Route route;
        route.contentType = "image/png";
        route.body = bytes;
        return route;
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        m_dir = std::make_unique<QTemporaryDir>();
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY2(m_worker->isReady(), qPrintable(m_worker->openError()));
        m_network = std::make_unique<QNetworkAccessManager>();
        m_server = std::make_unique<test::MediaTestServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        m_network.reset();
        m_worker.reset();
        m_dir.reset();
        m_temp.close();
    }

    // The table: rows for inbound media only, once each; recorded once; the catch-up's reads.
    void storeRows()
    {
        const qint64 inbound = storeMessage({QStringLiteral("https://a.example/1.png"),
                                             QStringLiteral("https://a.example/2.pdf"),
                                             QStringLiteral("https://a.example/1.png")});
        const qint64 outbound =
            storeMessage({QStringLiteral("https://a.example/3.png")}, QStringLiteral("outbound"));
        const qint64 none = storeMessage({});
        MediaArchiveStore store(m_temp.connection());
        auto rows = store.addMessages({inbound, outbound, none});
        QVERIFY2(rows, qPrintable(store.lastError()));
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).url, QStringLiteral("https://a.example/1.png"));
        QCOMPARE(rows->at(0).state, State::Pending);
        QCOMPARE(rows->at(1).url, QStringLiteral("https://a.example/2.pdf"));
        QVERIFY(store.addMessages({inbound})); // again: nothing new
        QCOMPARE(m_temp->count(QStringLiteral("media_archive")), 2);

        MediaArchiveEntry kept = rows->at(0);
        kept.state = State::Archived;
        kept.contentType = QStringLiteral("image/png");
        kept.size = 1234;
        kept.fileName = MediaArchive::fileNameFor(kept.url, kept.contentType);
        QVERIFY2(store.record(kept, 5000), qPrintable(store.lastError()));
        MediaArchiveEntry failed = rows->at(1);
        failed.state = State::Failed;
        failed.reason = QStringLiteral("HTTP 404");
        QVERIFY(store.record(failed, 6000));
        QCOMPARE(*store.archivedBytes(), 1234);

        const auto all = store.forMessages({inbound});
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).state, State::Archived);
        QCOMPARE(all->at(0).size, 1234);
        QCOMPARE(all->at(0).fetchedAtMs.value_or(0), 5000);
        QCOMPARE(all->at(0).attempts, 1);
        QVERIFY(all->at(0).fileName.endsWith(QLatin1String(".png")));
        QCOMPARE(all->at(1).reason, QStringLiteral("HTTP 404"));

        // The catch-up: the failed row only when retrying, until its attempts run out.
        const qint64 later = storeMessage({QStringLiteral("https://a.example/4.jpg")});
        auto next = store.toFetch(10, false, 3);
        QVERIFY2(next, qPrintable(store.lastError()));
        QCOMPARE(next->size(), 1);
        QCOMPARE(next->at(0).messageId, later);
        next = store.toFetch(10, true, 3);
        QCOMPARE(next->size(), 2);
        next = store.toFetch(10, true, 1);
        QCOMPARE(next->size(), 1);

        // A message deleted takes its rows with it.
        QSqlQuery remove(m_temp.connection());
        QVERIFY(remove.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(inbound)));
        QCOMPARE(m_temp->count(QStringLiteral("media_archive")), 1);
    }

    void fileNamesAreOurs()
    {
        const QString name =
            MediaArchive::fileNameFor(QStringLiteral("https://evil.example/../../etc/passwd.png"),
                                      QStringLiteral("image/png"));
        QVERIFY(name.endsWith(QLatin1String(".png")));
        QCOMPARE(name.size(), 64 + 4);
        MediaArchive archive(QStringLiteral("/tmp/a"));
        QCOMPARE(archive.filePath(name), QStringLiteral("/tmp/a/") + name);
        QVERIFY(archive.filePath(QStringLiteral("../x.png")).isEmpty());
        QVERIFY(archive.filePath(QStringLiteral("passwd")).isEmpty());
        QVERIFY(MediaArchive::isKeptType(QStringLiteral("image/PNG; charset=binary")));
        QVERIFY(MediaArchive::isKeptType(QStringLiteral("video/mp4")));
        QVERIFY(MediaArchive::isKeptType(QStringLiteral("audio/amr")));
        QVERIFY(MediaArchive::isKeptType(QStringLiteral("application/pdf")));
        QVERIFY(!MediaArchive::isKeptType(QStringLiteral("image/svg+xml")));
        QVERIFY(!MediaArchive::isKeptType(QStringLiteral("text/html")));
        QVERIFY(!MediaArchive::isKeptType(QStringLiteral("audio/")));
        QCOMPARE(MediaArchive::directoryFor(DatabaseConfig::sqlite(QStringLiteral("/d/s.sqlite"))),
                 QStringLiteral("/d/s.media"));
    }

    void keepsRealPng()
    {
        const QByteArray png = test::MediaTestServer::png(64, 48);
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/a.png"), pngRoute(png));
        QCOMPARE(entry.state, State::Archived);
        QCOMPARE(entry.contentType, QStringLiteral("image/png"));
        QCOMPARE(entry.size, png.size());
        QCOMPARE(entry.attempts, 1);
        QFile file(MediaArchive(m_dir->path()).filePath(entry.fileName));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(entry.fileName));
        QCOMPARE(file.readAll(), png);
    }

    void keepsPdfUndecoded()
    {
        test::MediaTestServer::Route route;
        route.contentType = "application/pdf";
        route.body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/r.pdf"), route);
        QCOMPARE(entry.state, State::Archived);
        QVERIFY(entry.fileName.endsWith(QLatin1String(".pdf")));
    }

    void refusesTooLargeByContentLength()
    {
        auto route = pngRoute(QByteArray(100 * 1024, 'x'));
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/big.png"), route);
        QCOMPARE(entry.state, State::Refused);
        QCOMPARE(entry.reason, QStringLiteral("larger than 64 KB"));
        QVERIFY(entry.fileName.isEmpty());
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 0);
    }

    void refusesTooLargeWithoutContentLength()
    {
        auto route = pngRoute(test::MediaTestServer::png(10, 10) + QByteArray(100 * 1024, 'x'));
        route.contentLength = false;
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/stream.png"), route);
        QCOMPARE(entry.state, State::Refused);
        QCOMPARE(entry.reason, QStringLiteral("larger than 64 KB"));
    }

    void refusesWrongType()
    {
        test::MediaTestServer::Route route;
        route.contentType = "text/html; charset=utf-8";
        route.body = "<html><body>hello</body></html>";
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/page"), route);
        QCOMPARE(entry.state, State::Refused);
        QCOMPARE(entry.reason, QStringLiteral("a type not kept (text/html)"));
        QCOMPARE(entry.contentType, QStringLiteral("text/html"));
    }

    void refusesLyingType()
    {
        auto route = pngRoute("<!DOCTYPE html><html><head><title>x</title></head><body>not a "
                              "picture</body></html>");
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/lie.png"), route);
        QCOMPARE(entry.state, State::Refused);
        QVERIFY2(entry.reason.startsWith(QLatin1String("not the image/png it claims to be")),
                 qPrintable(entry.reason));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 0);
    }

    void failsOn404()
    {
        const qint64 id = storeMessage({url(QStringLiteral("/gone.png"))});
        auto running = archiver(options());
        running->messagesStored({id});
        QVERIFY(settle(*running));
        const auto entries = entriesOf(id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).state, State::Failed);
        QCOMPARE(entries.at(0).reason, QStringLiteral("HTTP 404"));
    }

    void failsOnSlowServer()
    {
        test::MediaTestServer::Route route;
        route.silent = true;
        const MediaArchiveEntry entry = archiveOne(QStringLiteral("/slow.png"), route);
        QCOMPARE(entry.state, State::Failed);
        QCOMPARE(entry.reason, QStringLiteral("no answer in 0.7 s"));
    }

    void followsOneRedirectNotMany()
    {
        const QByteArray png = test::MediaTestServer::png(8, 8);
        m_server->setRoute(QStringLiteral("/real.png"), pngRoute(png));
        test::MediaTestServer::Route redirect;
        redirect.status = 302;
        redirect.location = url(QStringLiteral("/real.png")).toUtf8();
        MediaArchiveEntry entry = archiveOne(QStringLiteral("/moved.png"), redirect);
        QCOMPARE(entry.state, State::Archived);
        QCOMPARE(entry.size, png.size());

        test::MediaTestServer::Route loop;
        loop.status = 302;
        loop.location = url(QStringLiteral("/loop")).toUtf8();
        entry = archiveOne(QStringLiteral("/loop"), loop);
        QCOMPARE(entry.state, State::Failed);
        QCOMPARE(entry.reason, QStringLiteral("too many redirects"));
        QVERIFY(m_server->hits(QStringLiteral("/loop")) <= 4);
    }

    void refusesWhenArchiveFull()
    {
        MediaArchiver::Options opts = options();
        const QByteArray first = test::MediaTestServer::png(64, 64);
        opts.maxTotalBytes = first.size() + 10;
        MediaArchiveEntry entry = archiveOne(QStringLiteral("/1.png"), pngRoute(first), opts);
        QCOMPARE(entry.state, State::Archived);
        entry = archiveOne(QStringLiteral("/2.png"), pngRoute(test::MediaTestServer::png(32, 32)),
                           opts);
        QCOMPARE(entry.state, State::Refused);
        QCOMPARE(entry.reason, QStringLiteral("archive full"));
        // The first one is still kept.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1);
    }

    // Messages stored while no archiver ran, and a row left pending, are fetched at the next
    // start, a batch at a time.
    void restartCatchesUp()
    {
        const QByteArray png = test::MediaTestServer::png(16, 16);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            const QString path = QStringLiteral("/c%1.png").arg(i);
            m_server->setRoute(path, pngRoute(png));
            ids.append(storeMessage({url(path)}));
        }
        {
            MediaArchiveStore store(m_temp.connection());
            QVERIFY(store.addMessages({ids.first()})); // pending, as a stop mid-fetch leaves it
        }
        MediaArchiver::Options opts = options();
        opts.batch = 2;
        auto running = archiver(opts);
        QSignalSpy updated(running.get(), &MediaArchiver::entryUpdated);
        running->start();
        QVERIFY(settle(*running));
        QCOMPARE(updated.size(), 5);
        for (qint64 id : std::as_const(ids))
            QCOMPARE(entriesOf(id).value(0).state, State::Archived);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_server->hits(QStringLiteral("/c%1.png").arg(i)), 1);

        // A failed one is tried again at the next start, and only then.
        const qint64 dead = storeMessage({url(QStringLiteral("/dead.png"))});
        running->messagesStored({dead});
        QVERIFY(settle(*running));
        QCOMPARE(entriesOf(dead).value(0).state, State::Failed);
        m_server->setRoute(QStringLiteral("/dead.png"), pngRoute(png));
        running = archiver(opts);
        running->start();
        QVERIFY(settle(*running));
        QCOMPARE(entriesOf(dead).value(0).state, State::Archived);
        QCOMPARE(entriesOf(dead).value(0).attempts, 2);
    }

    void offFetchesNothing()
    {
        m_server->setRoute(QStringLiteral("/off.png"), pngRoute(test::MediaTestServer::png(4, 4)));
        const qint64 id = storeMessage({url(QStringLiteral("/off.png"))});
        MediaArchiver::Options opts = options();
        opts.enabled = false;
        auto running = archiver(opts);
        running->start();
        running->messagesStored({id});
        QVERIFY(running->isIdle());
        QTest::qWait(200);
        m_worker->drain();
        QCOMPARE(m_server->hits(QStringLiteral("/off.png")), 0);
        QCOMPARE(m_temp->count(QStringLiteral("media_archive")), 0);

        // Turned on: it catches up.
        opts.enabled = true;
        running->setOptions(opts);
        QVERIFY(settle(*running));
        QCOMPARE(entriesOf(id).value(0).state, State::Archived);
    }
};

QTEST_GUILESS_MAIN(TestMediaArchive)
#include "TestMediaArchive.moc"
