#include "StoreFixture.h"
#include "store/MessageExporter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

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
                                "provider_message_id,provider_time,received_at\r\n"));
        // Quoted where needed, quotes doubled, line breaks kept inside the field.
        QVERIFY(data.contains(
            ",\"Hello \xc3\xa9\xf0\x9f\x98\x80\r\nline two\","
            "https://api.cloudspirevoice.com/uploads/wh_1.jpg https://example.com/b.png,"));
        QVERIFY(data.contains(",\"Confirmed, \"\"Friday\"\" at 3pm\",,received,WH-23-3,,,"));
        QCOMPARE(data.count("\r\n"), 1 + 3 + 1); // header, rows, the line break inside a text
    }

    void emptyStore()
    {
        QSqlQuery(m_temp->database().connection()).exec(QStringLiteral("DELETE FROM messages"));
        QCOMPARE(exportAs(MessageExporter::Format::JsonLines, 0), QByteArray());
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
