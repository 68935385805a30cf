// `smsdesk export`, run as the built binary (test::CliTestCase) against a real SQLite file:
// JSON Lines on stdout, CSV to a file, the contact name with each message, a refused format.

#include "CliTestCase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;

class TestCliExport : public test::CliTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void exportMessages();
};

// --- export -------------------------------------------------------------------------------

void TestCliExport::exportMessages()
{
    // An empty store exports nothing, successfully.
    Run empty = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.isEmpty());

    {
        const QString name = QStringLiteral("export-seed");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (int i = 0; i < 3; ++i) {
                query.prepare(QStringLiteral(
                    "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                    "received_at, dedupe_key) VALUES ('inbound', 'pbx', '+14045559999', "
                    "'+17705551234', ?, '[]', 'received', ?, ?)"));
                query.addBindValue(QStringLiteral("message %1, \"quoted\"").arg(i));
                query.addBindValue(qint64(1'771'011'000'000 - i * 1000));
                query.addBindValue(QStringLiteral("pbx:%1").arg(i));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            // The other party's contact name travels with the messages.
            QVERIFY2(query.exec(QStringLiteral("INSERT INTO contacts (remote, name, note, "
                                               "updated_at) VALUES ('+17705551234', 'Alice "
                                               "Smith', '', 1)")),
                     qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
    }

    const Run jsonl = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db});
    QCOMPARE(jsonl.exitCode, 0);
    const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    // Oldest first: message 2 was received first.
    QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(u"text").toString(),
             QStringLiteral("message 2, \"quoted\""));
    QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(u"received_at").toString(),
             QStringLiteral("2026-02-13T19:30:00.000Z"));
    QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(u"contact_name").toString(),
             QStringLiteral("Alice Smith"));

    const QString csvPath = m_root->filePath(QStringLiteral("out.csv"));
    const Run csv =
        smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--format"),
                 QStringLiteral("csv"), QStringLiteral("--output"), csvPath});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.contains("exported 3 message"));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("id,direction,provider,did,remote,text,media,status,"));
    QVERIFY(content.contains(",\"message 0, \"\"quoted\"\"\","));
    QVERIFY(content.contains("received_at,contact_name\r\n"));
    QCOMPARE(content.count(",Alice Smith\r\n"), 3);
    QCOMPARE(content.count("\r\n"), 4);

    const Run bad = smsdesk({QStringLiteral("export"), QStringLiteral("--db"), m_db,
                             QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.out.isEmpty());
    QCOMPARE(bad.err.count('\n'), 1);
    QVERIFY(bad.err.startsWith("smsdesk: "));
    QVERIFY(bad.err.contains("xml"));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "TestCliExport.moc"
