#include "StoreFixture.h"
#include "store/ContactRepository.h"
#include "store/DatabaseWorker.h"
#include "store/MessageExportJob.h"
#include "store/MessageExporter.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <tuple>

using namespace smsdesk;

namespace {
struct Row
{
    const char* direction;
    const char* provider;
    QString text;
    const char* media;
    QVariant errorCode;
    QVariant providerId;
    QVariant providerTime;
    qint64 receivedAt;
};
} // namespace

class TestMessageExporter : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;

    void insert(const Row& row)
    {
        QSqlQuery query(m_temp->database().connection());
        query.prepare(QStringLiteral("INSERT INTO messages (direction, provider, did, remote, "
                                     "text, media, status, error_code, "
                                     "provider_message_id, provider_time, received_at) VALUES (?, "
                                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(QString::fromLatin1(row.direction));
        query.addBindValue(QString::fromLatin1(row.provider));
        query.addBindValue(QStringLiteral("+14045559999"));
        query.addBindValue(QStringLiteral("+17705551234"));
        query.addBindValue(row.text);
        query.addBindValue(QString::fromLatin1(row.media));
        query.addBindValue(QStringLiteral("received"));
        query.addBindValue(row.errorCode);
        query.addBindValue(row.providerId);
        query.addBindValue(row.providerTime);
        query.addBindValue(row.receivedAt);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    QByteArray exportAs(MessageExporter::Format format, qint64 expected)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MessageExporter exporter(m_temp->database().connection());
        const qint64 written = exporter.write(buffer, format);
        if (written != expected)
            qWarning("exported %lld, expected %lld: %s", written, expected,
                     qPrintable(exporter.lastError()));
        return written == expected ? buffer.data() : QByteArray();
    }

    // Messages of another thread (our other number, and another party of ours), in between.
    bool addOtherThreads()
    {
        for (const auto& [did, remote, at] :
             {std::tuple{"+14045558888", "+17705551234", 1'771'011'000'500},
              std::tuple{"+14045559999", "+17705550000", 1'771'011'050'000}}) {
            QSqlQuery query(m_temp->database().connection());
            query.prepare(QStringLiteral("INSERT INTO messages (direction, provider, did, remote, "
                                         "text, status, received_at) VALUES ('inbound', 'pbx', ?, "
                                         "?, 'elsewhere', 'received', ?)"));
            query.addBindValue(QString::fromLatin1(did));
            query.addBindValue(QString::fromLatin1(remote));
            query.addBindValue(qint64(at));
            if (!query.exec()) {
                qWarning("%s", qPrintable(query.lastError().text()));
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        const QVariant none(QMetaType::fromType<QString>());
        const QVariant noTime(QMetaType::fromType<qint64>());
        // Inserted out of order: the export is oldest first.
        insert({"outbound", "oncloud", QStringLiteral("Confirmed, \"Friday\" at 3pm"), "[]",
                QStringLiteral("WH-23-3"), none, noTime, 1'771'011'060'000});
        insert(
            {"inbound", "oncloud", QStringLiteral("Hello \u00e9\U0001F600\r\nline two"),
             R"(["https://api.cloudspirevoice.com/uploads/wh_1.jpg","https://example.com/b.png"])",
             none, none, qint64(1'771'011'000'000), 1'771'011'001'234});
        insert({"inbound", "pbx", QStringLiteral(""), "[]", none,
                QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b11"), qint64(1'576'391'654'000),
                1'771'011'030'000});
    }

    void cleanup() { m_temp.close(); }

    void jsonLines()
    {
        const QByteArray data = exportAs(MessageExporter::Format::JsonLines, 3);
        const QList<QByteArray> lines = data.split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.last().isEmpty());

        QJsonParseError error;
        const QJsonObject first = QJsonDocument::fromJson(lines[0], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(first.keys().size(), MessageExporter::columns().size());
        QCOMPARE(first.value(u"direction").toString(), QStringLiteral("inbound"));
        QCOMPARE(first.value(u"provider").toString(), QStringLiteral("oncloud"));
        QCOMPARE(first.value(u"did").toString(), QStringLiteral("+14045559999"));
        QCOMPARE(first.value(u"remote").toString(), QStringLiteral("+17705551234"));
        QCOMPARE(first.value(u"text").toString(),
                 QStringLiteral("Hello \u00e9\U0001F600\r\nline two"));
        QCOMPARE(first.value(u"media").toArray().size(), 2);
        QCOMPARE(first.value(u"media").toArray().at(1).toString(),
                 QStringLiteral("https://example.com/b.png"));
        QVERIFY(first.value(u"error_code").isNull());
        QVERIFY(first.value(u"provider_message_id").isNull());
        QCOMPARE(first.value(u"provider_time").toString(),
                 QStringLiteral("2026-02-13T19:30:00.000Z"));
        QCOMPARE(first.value(u"received_at").toString(),
                 QStringLiteral("2026-02-13T19:30:01.234Z"));
        QVERIFY(first.value(u"id").toInteger() > 0);

        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second.value(u"provider").toString(), QStringLiteral("pbx"));
        QCOMPARE(second.value(u"text").toString(), QString());
        QCOMPARE(second.value(u"provider_message_id").toString(),
                 QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b11"));
        QCOMPARE(second.value(u"provider_time").toString(),
                 QStringLiteral("2019-12-15T06:34:14.000Z"));

        const QJsonObject third = QJsonDocument::fromJson(lines[2]).object();
        QCOMPARE(third.value(u"direction").toString(), QStringLiteral("outbound"));
        QCOMPARE(third.value(u"error_code").toString(), QStringLiteral("WH-23-3"));
        QVERIFY(third.value(u"provider_time").isNull());
        QCOMPARE(third.value(u"media").toArray().size(), 0);
    }

    void csv()
    {
        const QByteArray data = exportAs(MessageExporter::Format::Csv, 3);
        QVERIFY(data.startsWith("id,direction,provider,did,remote,text,media,status,error_code,"
                                "provider_message_id,provider_time,received_at,contact_name\r\n"));
        // Quoted where needed, quotes doubled, line breaks kept inside the field.
        QVERIFY(data.contains(
            ",\"Hello \xc3\xa9\xf0\x9f\x98\x80\r\nline two\","
            "https://api.cloudspirevoice.com/uploads/wh_1.jpg https://example.com/b.png,"));
        QVERIFY(data.contains(",\"Confirmed, \"\"Friday\"\" at 3pm\",,received,WH-23-3,,,"));
        QCOMPARE(data.count("\r\n"), 1 + 3 + 1); // header, rows, the line break inside a text
    }

    // The other party's contact name travels with each message (null / empty when not named).
    void contactName()
    {
        QVERIFY(addOtherThreads());
        ContactRepository contacts(m_temp->database().connection());
        QVERIFY2(
            contacts.save(
                {QStringLiteral("+17705551234"), QStringLiteral("Smith, \"Al\""), QString()}, 1000),
            qPrintable(contacts.lastError()));
        const QList<QByteArray> lines = exportAs(MessageExporter::Format::JsonLines, 5).split('\n');
        QCOMPARE(lines.size(), 6);
        int named = 0;
        for (const QByteArray& line : lines.mid(0, 5)) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            QVERIFY(object.contains(u"contact_name"));
            if (object.value(u"remote").toString() == u"+17705551234") {
                QCOMPARE(object.value(u"contact_name").toString(), QStringLiteral("Smith, \"Al\""));
                ++named;
            } else {
                QVERIFY(object.value(u"contact_name").isNull());
            }
        }
        QCOMPARE(named, 4); // three of setUp, one of our other number with the same party
        const QByteArray csv = exportAs(MessageExporter::Format::Csv, 5);
        QCOMPARE(csv.count(",\"Smith, \"\"Al\"\"\"\r\n"), 4);
        QCOMPARE(csv.count("Z,\r\n"), 1); // the other party's: no name after received_at
    }

    void emptyStore()
    {
        QSqlQuery(m_temp->database().connection()).exec(QStringLiteral("DELETE FROM messages"));
        QCOMPARE(exportAs(MessageExporter::Format::JsonLines, 0), QByteArray());
    }

    void oneThreadInPages()
    {
        QVERIFY(addOtherThreads());
        const ConversationReader::Thread thread{QStringLiteral("+14045559999"),
                                                QStringLiteral("+17705551234")};
        // The whole thread at once: the three messages of setUp, not the others.
        QBuffer whole;
        whole.open(QIODevice::WriteOnly);
        MessageExporter exporter(m_temp->database().connection(), thread);
        QCOMPARE(exporter.write(whole, MessageExporter::Format::Csv), 3);
        QVERIFY(!whole.data().contains("elsewhere"));
        // In pages of one: the same bytes.
        QBuffer paged;
        paged.open(QIODevice::WriteOnly);
        QVERIFY(exporter.writeHeader(paged, MessageExporter::Format::Csv));
        std::optional<MessageExporter::Cursor> after;
        for (int n = 0; n < 10; ++n) {
            MessageExporter::Cursor last;
            const qint64 written =
                exporter.writePage(paged, MessageExporter::Format::Csv, after, 1, &last);
            QVERIFY2(written >= 0, qPrintable(exporter.lastError()));
            if (written == 0)
                break;
            after = last;
        }
        QCOMPARE(paged.data(), whole.data());
        // Every message: the others too.
        QCOMPARE(exportAs(MessageExporter::Format::JsonLines, 5).count("elsewhere"), 2);
    }

    void exportJobWritesAFileInTheBackground()
    {
        QVERIFY(addOtherThreads());
        DatabaseWorker worker(m_temp->database());
        QVERIFY2(worker.isReady(), qPrintable(worker.openError()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("thread.jsonl"));
        MessageExportJob job(worker);
        QSignalSpy finished(&job, &MessageExportJob::finished);
        job.start(path, MessageExporter::Format::JsonLines,
                  ConversationReader::Thread{QStringLiteral("+14045559999"),
                                             QStringLiteral("+17705551234")});
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toLongLong(), 3);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object().value(u"error_code").toString(),
                 QStringLiteral("WH-23-3"));

        // Every message as CSV; a cancelled export leaves nothing behind.
        const QString all = dir.filePath(QStringLiteral("all.csv"));
        MessageExportJob second(worker);
        QSignalSpy done(&second, &MessageExportJob::finished);
        second.start(all, MessageExporter::Format::Csv, std::nullopt);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(0).at(0).toLongLong(), 5);
        QFile csv(all);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("id,direction,provider,did,remote,text,media,status,"));
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
        MessageExportJob third(worker);
        QSignalSpy failed(&third, &MessageExportJob::failed);
        // The worker is busy for a moment: the cancel is there before the first page's job.
        worker.post<int>(
            [](QSqlDatabase&) {
                QThread::msleep(300);
                return 0;
            },
            this, [](int) {});
        third.start(cancelled, MessageExporter::Format::Csv, std::nullopt);
        third.cancel();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(cancelled));
        // An unwritable path says why.
        MessageExportJob fourth(worker);
        QSignalSpy refused(&fourth, &MessageExportJob::failed);
        fourth.start(QStringLiteral("/proc/no-such-dir/x.csv"), MessageExporter::Format::Csv,
                     std::nullopt);
        QVERIFY(refused.wait(10000));
        QVERIFY(!refused.at(0).at(0).toString().isEmpty());
    }

    void formats()
    {
        MessageExporter::Format format;
        QVERIFY(MessageExporter::parseFormat(QStringLiteral("jsonl"), &format));
        QCOMPARE(format, MessageExporter::Format::JsonLines);
        QVERIFY(MessageExporter::parseFormat(QStringLiteral("csv"), &format));
        QCOMPARE(format, MessageExporter::Format::Csv);
        QVERIFY(!MessageExporter::parseFormat(QStringLiteral("xml"), &format));
    }
};

QTEST_GUILESS_MAIN(TestMessageExporter)
#include "TestMessageExporter.moc"
