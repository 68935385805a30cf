#include "StoreFixture.h"
#include "media/MediaArchiveStore.h"
#include "rules/AutoReplyRepository.h"
#include "store/ContactRepository.h"
#include "store/ConversationListReader.h"
#include "store/DraftRepository.h"
#include "store/MessageSearchReader.h"
#include "store/Migrations.h"
#include "store/OptOutRepository.h"
#include "store/QuickReplyRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <functional>

using namespace smsdesk;

namespace {
QVariant scalar(QSqlDatabase db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Brings the store of `temp` to `version` on a connection of its own, hands it to `fill`
// (which writes its rows, checking as a test function does: QVERIFY, QCOMPARE) and closes it, so
// that opening the store afterwards migrates it from `version` on. False, with `error`, when the
// connection or the migration failed or a check in `fill` did.
bool storeAtVersion(test::TempDatabase& temp, DatabaseConfig::Backend backend, int version,
                    QString* error, const std::function<void(QSqlDatabase& raw)>& fill)
{
    QSqlDatabase raw = temp.database().openConnection(QStringLiteral("raw"), error);
    if (!raw.isValid() || !Migrations::migrateTo(raw, backend, version, error))
        return false;
    fill(raw);
    const bool ok = !QTest::currentTestFailed();
    if (!ok)
        *error = QStringLiteral("a check on the store of version %1 failed").arg(version);
    const QString name = raw.connectionName();
    raw = QSqlDatabase();
    Database::closeConnection(name);
    return ok;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabase()
    {
        test::TempDatabase temp;
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        QSqlDatabase db = temp.database().connection();

        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        const QStringList tables = db.tables();
        for (const char* table : {"schema_version", "plans", "numbers", "messages"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QVERIFY(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion());
    }

    void reopeningChangesNothing()
    {
        test::TempDatabase temp;
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        temp.database().close();
        Database again(DatabaseConfig::sqlite(temp.path()));
        QVERIFY2(again.open(&error), qPrintable(error));
        QCOMPARE(scalar(again.connection(), QStringLiteral("SELECT COUNT(*) FROM schema_version"))
                     .toInt(),
                 Migrations::latestVersion());
    }

    void upgradeKeepsRows_data() { test::StoreFixture::addRows(); }

    void upgradeKeepsRows()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QCOMPARE(Migrations::currentVersion(raw), 1);
            QVERIFY(!raw.tables().contains(QStringLiteral("messages")));
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO plans (name, monthly_limit, created_at) "
                                              "VALUES ('Starter', 500, 1)")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO numbers (e164, label, provider, plan_id, created_at, updated_at) "
                "VALUES ('+14045559999', 'Front desk', 'oncloud', "
                "(SELECT id FROM plans WHERE name = 'Starter'), 1, 2)")));
        };
        QVERIFY2(storeAtVersion(temp, backend, 1, &error, fill), qPrintable(error));

        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QSqlDatabase db = temp.database().connection();
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());

        QSqlQuery rows(db);
        QVERIFY(rows.exec(
            QStringLiteral("SELECT n.e164, n.label, n.provider, p.name, n.enabled, n.has_secret "
                           "FROM numbers n JOIN plans p ON p.id = n.plan_id")));
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toString(), QStringLiteral("+14045559999"));
        QCOMPARE(rows.value(1).toString(), QStringLiteral("Front desk"));
        QCOMPARE(rows.value(2).toString(), QStringLiteral("oncloud"));
        QCOMPARE(rows.value(3).toString(), QStringLiteral("Starter"));
        QCOMPARE(rows.value(4).toInt(), 1);
        QCOMPARE(rows.value(5).toInt(), 0);
        QVERIFY(!rows.next());
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT monthly_limit FROM plans WHERE name = 'Starter'"))
                .toInt(),
            500);

        // Version 2's messages table with its unique de-duplication key.
        QSqlQuery insert(db);
        const QString message = QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, status, received_at, "
            "dedupe_key) "
            "VALUES ('inbound', 'pbx', '+14045559999', '+17705551234', 'received', 1, 'pbx:abc')");
        QVERIFY2(insert.exec(message), qPrintable(insert.lastError().text()));
        QVERIFY(!insert.exec(message));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
    }

    void upgradeFromVersion4KeepsRows_data() { test::StoreFixture::addRows(); }

    // Version 6 adds what the listener keeps of a message besides its text, and a number's
    // time zone: rows of version 4 keep everything, the new columns start NULL.
    void upgradeFromVersion4KeepsRows()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QCOMPARE(Migrations::currentVersion(raw), 4);
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO numbers (e164, label, provider, device_id, sim, created_at, "
                "updated_at) VALUES ('+17705550042', 'Gateway', 'android-gateway', '42', 1, 1, "
                "2)")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO messages (direction, provider, number_id, did, remote, text, status, "
                "received_at, dedupe_key) VALUES ('inbound', 'android-gateway', "
                "(SELECT id FROM numbers), '+17705550042', '+17705551234', 'kept', 'received', 5, "
                "'android-gateway:42:1')")));
        };
        QVERIFY2(storeAtVersion(temp, backend, 4, &error, fill), qPrintable(error));
        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase db = temp.database().connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "SELECT m.text, m.dedupe_key, m.device_id, m.sim, m.service_id, m.segments, "
            "m.response_body, n.label, n.device_id, n.time_zone FROM messages m JOIN numbers n "
            "ON n.id = m.number_id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("kept"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("android-gateway:42:1"));
        for (int column = 2; column <= 6; ++column)
            QVERIFY2(query.value(column).isNull(), qPrintable(QString::number(column)));
        QCOMPARE(query.value(7).toString(), QStringLiteral("Gateway"));
        QCOMPARE(query.value(8).toString(), QStringLiteral("42"));
        QVERIFY(query.value(9).isNull());
        QVERIFY(!query.next());
        query.finish();

        // The new columns take their values.
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO messages (direction, provider, did, remote, status, received_at, "
                     "device_id, sim, service_id, segments, response_body) VALUES ('inbound', "
                     "'android-gateway', '', 'Google', 'received', 6, '43', 0, NULL, 1, NULL)")),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(
            QStringLiteral("UPDATE numbers SET time_zone = 'Australia/Sydney' WHERE e164 = "
                           "'+17705550042'")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE number_id IS NULL "
                                           "AND device_id = '43'"))
                     .toInt(),
                 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT time_zone FROM numbers")).toString(),
                 QStringLiteral("Australia/Sydney"));
    }

    void failureResolutionsOverVersion9_data() { test::StoreFixture::addRows(); }

    // Version 14 over a store of version 9: its failed sends and reports keep what they were and
    // are found through the new partial indexes' condition; a failure is resolved once.
    void failureResolutionsOverVersion9()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QCOMPARE(Migrations::currentVersion(raw), 9);
            QVERIFY(!raw.tables().contains(QStringLiteral("failure_resolutions")));
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, status, error_code, "
                "received_at) VALUES ('outbound', 'oncloud', '+14045559999', '+17705551234', "
                "'failed', 'WH-2', 5)")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO message_status (message_id, status, raw_status, received_at) "
                "VALUES ((SELECT id FROM messages), 'failed', '10', 6)")));
        };
        QVERIFY2(storeAtVersion(temp, backend, 9, &error, fill), qPrintable(error));
        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase db = temp.database().connection();
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = "
                                           "'outbound' AND status IN ('failed', 'unconfirmed')"))
                     .toInt(),
                 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT raw_status FROM message_status WHERE status IN "
                                           "('failed', 'unknown')"))
                     .toString(),
                 QStringLiteral("10"));
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO failure_resolutions (failure_key, "
                                           "resolved_by, resolved_at) VALUES ('delivery:1', "
                                           "'alice', 7)")),
                 qPrintable(query.lastError().text()));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO failure_resolutions (failure_key, "
                                           "resolved_by, resolved_at) VALUES ('delivery:1', "
                                           "'bob', 8)")));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO failure_resolutions (failure_key, "
                                           "resolved_at) VALUES ('delivery:2', 8)")));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT resolved_by FROM failure_resolutions")).toString(),
            QStringLiteral("alice"));
    }

    // Versions 7 to 9 over messages stored before them: the threads are there, read up to
    // their newest message, with their failed counts; the old texts are found by a search; the
    // triggers keep counting after the upgrade; drafts can be stored.
    void conversationsOverOlderMessages_data() { test::StoreFixture::addRows(); }

    void conversationsOverOlderMessages()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QVERIFY(!raw.tables().contains(QStringLiteral("conversations")));
            QSqlQuery query(raw);
            const char* const rows[] = {
                "'inbound', '+14045559999', '+17705551234', 'Is the shop open?', 'received', 1000",
                "'outbound', '+14045559999', '+17705551234', 'Until six', 'failed', 3000",
                "'inbound', '+14045559999', '+17705551234', 'Great, thanks', 'received', 2000",
                "'inbound', '+14045558888', '+17705550000', 'Wrong number', 'received', 500",
            };
            for (const char* row : rows) {
                QVERIFY2(query.exec(QStringLiteral("INSERT INTO messages (direction, did, remote, "
                                                   "text, status, received_at, provider) VALUES "
                                                   "(%1, 'pbx')")
                                        .arg(QLatin1String(row))),
                         qPrintable(query.lastError().text()));
            }
        };
        QVERIFY2(storeAtVersion(temp, backend, 4, &error, fill), qPrintable(error));

        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QSqlDatabase db = temp.database().connection();
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        const ConversationListReader reader(db);
        QList<ConversationSummary> threads = reader.page({}, std::nullopt);
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(threads.size(), 2);
        QCOMPARE(threads.at(0).remote, QStringLiteral("+17705551234"));
        QCOMPARE(threads.at(0).lastText, QStringLiteral("Until six"));
        QCOMPARE(threads.at(0).lastAtMs, 3000);
        QCOMPARE(threads.at(0).messageCount, 3);
        QCOMPARE(threads.at(0).failedCount, 1);
        QCOMPARE(threads.at(0).unreadCount, 0); // what came before is read
        QCOMPARE(threads.at(1).did, QStringLiteral("+14045558888"));
        QCOMPARE(threads.at(1).unreadCount, 0);

        QCOMPARE(MessageSearchReader(db).search(QStringLiteral("shop")).size(), 1);
        QCOMPARE(MessageSearchReader(db).search(QStringLiteral("thank")).size(), 1);

        // A message after the upgrade is unread and moves its thread up.
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO messages (direction, provider, did, remote, text, status, "
                     "received_at) VALUES ('inbound', 'pbx', '+14045558888', '+17705550000', "
                     "'Sorry, new number', 'received', 4000)")),
                 qPrintable(query.lastError().text()));
        threads = reader.page({}, std::nullopt);
        QCOMPARE(threads.at(0).did, QStringLiteral("+14045558888"));
        QCOMPARE(threads.at(0).unreadCount, 1);
        QCOMPARE(threads.at(0).messageCount, 2);
        QCOMPARE(MessageSearchReader(db).search(QStringLiteral("sorry")).size(), 1);

        DraftRepository drafts(db);
        QVERIFY2(drafts.save({QStringLiteral("+14045559999"), QStringLiteral("+17705551234")},
                             {QStringLiteral("We open at 9"), QString()}, 5000),
                 qPrintable(drafts.lastError()));
        QCOMPARE(reader.threads({{QStringLiteral("+14045559999"), QStringLiteral("+17705551234")}})
                     .constFirst()
                     .draftText,
                 QStringLiteral("We open at 9"));
    }

    // Version 10 over a number stored before it: its auto-reply rules are stored, read back,
    // replaced and removed, and go with their number; rules that cannot be read are named.
    void autoRepliesPerNumber_data() { test::StoreFixture::addRows(); }

    void autoRepliesPerNumber()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QVERIFY(!raw.tables().contains(QStringLiteral("auto_replies")));
            QSqlQuery query(raw);
            for (const char* e164 : {"+14045559999", "+14045558888"}) {
                QVERIFY(query.exec(
                    QStringLiteral("INSERT INTO numbers (e164, provider, created_at, updated_at) "
                                   "VALUES ('%1', 'oncloud', 1, 1)")
                        .arg(QLatin1String(e164))));
            }
        };
        QVERIFY2(storeAtVersion(temp, backend, 9, &error, fill), qPrintable(error));
        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase db = temp.database().connection();
        const qint64 first =
            temp.scalar(QStringLiteral("SELECT id FROM numbers WHERE e164 = '+14045559999'"))
                .toLongLong();
        const qint64 second =
            temp.scalar(QStringLiteral("SELECT id FROM numbers WHERE e164 = '+14045558888'"))
                .toLongLong();

        AutoReplyRepository repository(db);
        QCOMPARE(repository.find(first), std::optional<AutoReplyRules>(AutoReplyRules()));
        AutoReplyRules rules;
        rules.keywordRules.append({QStringLiteral("hours"),
                                   QStringLiteral("9 to 5"),
                                   {QStringLiteral("https://example.com/h.png")}});
        QVERIFY2(repository.save(first, rules, 10), qPrintable(repository.lastError()));
        QCOMPARE(repository.find(first), std::optional<AutoReplyRules>(rules));
        rules.keywordRules.first().reply = QStringLiteral("10 to 6");
        QVERIFY2(repository.save(first, rules, 20), qPrintable(repository.lastError()));
        QCOMPARE(repository.find(first), std::optional<AutoReplyRules>(rules));
        QCOMPARE(temp.count(QStringLiteral("auto_replies")), 1);
        QVERIFY(repository.save(second, rules, 30));
        QVERIFY(repository.save(second, AutoReplyRules(), 40)); // empty rules: no row
        QCOMPARE(temp.count(QStringLiteral("auto_replies")), 1);
        QCOMPARE(repository.all()->keys(), QList<qint64>{first});

        // Rules a later version wrote (or a hand edit broke) are left out, and named.
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO auto_replies (number_id, rules, "
                                          "updated_at) VALUES (%1, '{\"version\":7}', 50)")
                               .arg(second)));
        query.finish();
        QVERIFY(!repository.find(second));
        QVERIFY(!repository.lastError().isEmpty());
        QStringList problems;
        QCOMPARE(repository.all(&problems)->keys(), QList<qint64>{first});
        QCOMPARE(problems.size(), 1);

        // A number's rules go with it.
        QVERIFY(query.exec(QStringLiteral("DELETE FROM numbers WHERE id = %1").arg(first)));
        query.finish();
        QCOMPARE(
            temp.count(QStringLiteral("auto_replies"), QStringLiteral("number_id = %1").arg(first)),
            0);
    }

    // Version 11 over a store of version 9: what was indexed stays found, and a message any
    // writer stores is indexed by the trigger, unless (SQLite) its transaction holds the row
    // of messages_fts_deferred, as the listener's writer does while it indexes its batch
    // itself. PostgreSQL's search needs nothing of it.
    void searchIndexingDeferredByVersion11_data() { test::StoreFixture::addRows(); }

    void searchIndexingDeferredByVersion11()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const QString insert = QStringLiteral(
            "INSERT INTO messages (direction, provider, did, remote, text, status, received_at) "
            "VALUES ('inbound', 'pbx', '+14045559999', '+17705551234', '%1', 'received', %2)");
        const auto fill = [&](QSqlDatabase& raw) {
            QSqlQuery query(raw);
            QVERIFY2(
                query.exec(insert.arg(QStringLiteral("Indexed before"), QStringLiteral("1000"))),
                qPrintable(query.lastError().text()));
        };
        QVERIFY2(storeAtVersion(temp, backend, 9, &error, fill), qPrintable(error));

        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QSqlDatabase db = temp.database().connection();
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QVERIFY(Migrations::latestVersion() >= 11);
        const MessageSearchReader search(db);
        QCOMPARE(search.search(QStringLiteral("before")).size(), 1);
        QSqlQuery query(db);
        QVERIFY2(query.exec(insert.arg(QStringLiteral("Indexed after"), QStringLiteral("2000"))),
                 qPrintable(query.lastError().text()));
        QCOMPARE(search.search(QStringLiteral("after")).size(), 1);
        QCOMPARE(search.search(QStringLiteral("indexed")).size(), 2);
        if (backend != DatabaseConfig::Backend::Sqlite)
            return;

        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages_fts_deferred")).toInt(),
                 0);
        QVERIFY(db.transaction());
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO messages_fts_deferred (writer) VALUES (1)")));
        QVERIFY(query.exec(insert.arg(QStringLiteral("Deferred words"), QStringLiteral("3000"))));
        const qint64 id = query.lastInsertId().toLongLong();
        QCOMPARE(search.search(QStringLiteral("deferred")).size(), 0); // the trigger held off
        QVERIFY(query.exec(QStringLiteral("INSERT INTO messages_fts (rowid, text) SELECT id, "
                                          "text FROM messages WHERE id >= %1")
                               .arg(id)));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM messages_fts_deferred")));
        QVERIFY(db.commit());
        query.finish();
        QCOMPARE(search.search(QStringLiteral("deferred")).size(), 1);
        QVERIFY(!query.exec(
            QStringLiteral("INSERT INTO messages_fts_deferred (writer) VALUES (2)"))); // one row
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) VALUES "
                                           "('integrity-check', 1)")),
                 qPrintable(query.lastError().text()));
    }

    // Version 12 over a version-9 store with threads: contacts name them at once (the thread
    // list, the search), and quick replies can be stored; nothing else changed.
    void contactsAndQuickRepliesOverOlderStore_data() { test::StoreFixture::addRows(); }

    void contactsAndQuickRepliesOverOlderStore()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QCOMPARE(Migrations::currentVersion(raw), 9);
            QVERIFY(!raw.tables().contains(QStringLiteral("contacts")));
            QVERIFY(!raw.tables().contains(QStringLiteral("quick_replies")));
            QSqlQuery query(raw);
            QVERIFY2(query.exec(QStringLiteral(
                         "INSERT INTO messages (direction, provider, did, remote, text, status, "
                         "received_at) VALUES ('inbound', 'pbx', '+14045559999', "
                         "'+17705551234', 'Is the shop open?', 'received', 1000)")),
                     qPrintable(query.lastError().text()));
        };
        QVERIFY2(storeAtVersion(temp, backend, 9, &error, fill), qPrintable(error));

        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QSqlDatabase db = temp.database().connection();
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QVERIFY(Migrations::latestVersion() >= 12);
        const ConversationListReader reader(db);
        QCOMPARE(reader.page({}, std::nullopt).constFirst().contactName, QString());

        ContactRepository contacts(db);
        QVERIFY2(contacts.save({QStringLiteral("+17705551234"), QStringLiteral("Alice Smith"),
                                QStringLiteral("Prefers texts")},
                               2000),
                 qPrintable(contacts.lastError()));
        const QList<ConversationSummary> threads = reader.page({}, std::nullopt);
        QCOMPARE(threads.size(), 1);
        QCOMPARE(threads.constFirst().contactName, QStringLiteral("Alice Smith"));
        QCOMPARE(threads.constFirst().lastText, QStringLiteral("Is the shop open?"));
        QCOMPARE(MessageSearchReader(db).search(QStringLiteral("shop")).constFirst().contactName,
                 QStringLiteral("Alice Smith"));

        QuickReplyRepository replies(db);
        const qint64 id = replies.add(QStringLiteral("Hi {name}, we open at 9."), 3000);
        QVERIFY2(id > 0, qPrintable(replies.lastError()));
        QCOMPARE(replies.list().value_or(QList<QuickReply>()).size(), 1);
    }

    // Version 13 over messages stored before it: the newest keyword message of each pair
    // decides its opt-out, and the trigger keeps it after the upgrade.
    void optOutsOverOlderMessages_data() { test::StoreFixture::addRows(); }

    void optOutsOverOlderMessages()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        const auto fill = [&](QSqlDatabase& raw) {
            QVERIFY(!raw.tables().contains(QStringLiteral("opt_outs")));
            QSqlQuery query(raw);
            const char* const rows[] = {
                "'inbound', '+14045559999', '+17705551234', 'Stop.', 1000",
                "'inbound', '+14045559999', '+17705551234', 'start', 900", // older: loses
                "'inbound', '+14045559999', '+17705550000', 'STOP', 1000",
                "'inbound', '+14045559999', '+17705550000', 'Yes!', 2000",
                "'outbound', '+14045559999', '+17705552222', 'STOP', 1000", // ours: no
                "'inbound', '+14045558888', '+17705552222', 'please stop', 1000",
            };
            for (const char* row : rows) {
                QVERIFY2(query.exec(QStringLiteral("INSERT INTO messages (direction, did, remote, "
                                                   "text, received_at, status, provider) VALUES "
                                                   "(%1, 'received', 'pbx')")
                                        .arg(QLatin1String(row))),
                         qPrintable(query.lastError().text()));
            }
        };
        QVERIFY2(storeAtVersion(temp, backend, 9, &error, fill), qPrintable(error));

        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase db = temp.database().connection();
        const OptOutRepository optOuts(db);
        std::optional<QList<OptOutRepository::OptOut>> list = optOuts.list();
        QVERIFY2(list, qPrintable(optOuts.lastError()));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).remote, QStringLiteral("+17705550000"));
        QVERIFY(!list->at(0).optedOut);
        QCOMPARE(list->at(0).keyword, QStringLiteral("YES"));
        QCOMPARE(list->at(0).changedAtMs, 2000);
        QCOMPARE(list->at(1).remote, QStringLiteral("+17705551234"));
        QVERIFY(list->at(1).optedOut);
        QCOMPARE(list->at(1).keyword, QStringLiteral("STOP"));
        QVERIFY(list->at(1).messageId > 0);

        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO messages (direction, provider, did, remote, text, status, "
                     "received_at) VALUES ('inbound', 'pbx', '+14045558888', '+17705552222', "
                     "'QUIT', 'received', 3000)")),
                 qPrintable(query.lastError().text()));
        const std::optional<OptOutRepository::OptOut> quit =
            optOuts.find(QStringLiteral("+14045558888"), QStringLiteral("+17705552222"));
        QVERIFY(quit && quit->optedOut);
    }

    void mediaArchiveOverOlderMessages_data() { test::StoreFixture::addRows(); }

    // Version 15 over a store of version 14: the media of messages stored before it are found
    // by the archive's catch-up; a row per (message, URL), with a known state only.
    void mediaArchiveOverOlderMessages()
    {
        QFETCH(DatabaseConfig::Backend, backend);
        if (!test::StoreFixture::available(backend))
            return;
        test::TempDatabase temp(backend);
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        QVERIFY2(storeAtVersion(
                     temp, backend, 14, &error,
                     [](QSqlDatabase& raw) {
                         QSqlQuery insert(raw);
                         QVERIFY2(insert.exec(QStringLiteral(
                                      "INSERT INTO messages (direction, provider, did, remote, "
                                      "media, status, received_at) VALUES ('inbound', 'oncloud', "
                                      "'+14045559999', '+17705551234', "
                                      "'[\"https://a.example/1.jpg\"]', 'received', 1)")),
                                  qPrintable(insert.lastError().text()));
                         QVERIFY2(insert.exec(QStringLiteral(
                                      "INSERT INTO messages (direction, provider, did, remote, "
                                      "status, received_at) VALUES ('inbound', 'oncloud', "
                                      "'+14045559999', '+17705551234', 'received', 2)")),
                                  qPrintable(insert.lastError().text()));
                     }),
                 qPrintable(error));
        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase db = temp.database().connection();
        MediaArchiveStore store(db);
        const auto rows = store.toFetch(10, false, 3);
        QVERIFY2(rows, qPrintable(store.lastError()));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0).url, QStringLiteral("https://a.example/1.jpg"));
        QCOMPARE(rows->at(0).state, MediaArchiveEntry::State::Pending);
        QSqlQuery query(db);
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO media_archive (message_id, url) VALUES "
                                           "(%1, 'https://a.example/1.jpg')")
                                .arg(rows->at(0).messageId)));
        QVERIFY(!query.exec(QStringLiteral("UPDATE media_archive SET state = 'lost'")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM media_archive")).toInt(), 1);
    }

    void refusesNewerSchemaOnPostgres()
    {
        if (!test::StoreFixture::available(DatabaseConfig::Backend::Postgres))
            return;
        test::TempDatabase temp(DatabaseConfig::Backend::Postgres);
        QString error;
        QVERIFY2(temp.open(&error), qPrintable(error));
        {
            QSqlQuery query(temp.database().connection());
            QVERIFY(query.exec(
                QStringLiteral("INSERT INTO schema_version (version, description, applied_at) "
                               "VALUES (99, 'from the future', 0)")));
        }
        temp.database().close();
        QVERIFY(!temp.database().open(&error));
        QVERIFY2(error.contains(QLatin1String("newer")) &&
                     error.contains(QLatin1String("not changed")),
                 qPrintable(error));

        Database check(temp.config());
        QSqlDatabase raw = check.openConnection(QStringLiteral("check"), &error);
        QCOMPARE(scalar(raw, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion() + 1);
        const QString name = raw.connectionName();
        raw = QSqlDatabase();
        Database::closeConnection(name);
    }

    void refusesNewerSchemaAndTouchesNothing()
    {
        test::TempDatabase temp;
        {
            QString error;
            QVERIFY2(temp.open(&error), qPrintable(error));
            QSqlQuery query(temp.database().connection());
            QVERIFY(query.exec(
                QStringLiteral("INSERT INTO schema_version (version, description, applied_at) "
                               "VALUES (99, 'from the future', 0)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        temp.database().close();
        const QByteArray before = fileHash(temp.path());
        QVERIFY(!before.isEmpty());

        Database newer(DatabaseConfig::sqlite(temp.path()));
        QString error;
        QVERIFY(!newer.open(&error));
        QVERIFY2(error.contains(QLatin1String("newer")) && error.contains(QLatin1String("99")),
                 qPrintable(error));
        QVERIFY(error.contains(QLatin1String("not changed")));
        QVERIFY(!newer.isOpen());
        QCOMPARE(fileHash(temp.path()), before);
        QVERIFY(!QFile::exists(temp.path() + QLatin1String("-wal")));
    }

    void unwritableLocationFailsClearly()
    {
        Database db(DatabaseConfig::sqlite(QStringLiteral("/proc/smsdesk-cannot-exist/db.sqlite")));
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(!error.isEmpty(), "an error message is expected");
    }

    void databaseArgument()
    {
        DatabaseConfig config;
        QString error;
        QVERIFY(DatabaseConfig::fromArgument(QString(), &config, &error));
        QCOMPARE(config.backend(), DatabaseConfig::Backend::Sqlite);
        QVERIFY(config.sqlitePath().endsWith(QLatin1String("smsdesk.sqlite")));

        QVERIFY(DatabaseConfig::fromArgument(
            QStringLiteral("postgresql://desk:pw@127.0.0.1:5433/sms"), &config, &error));
        QCOMPARE(config.backend(), DatabaseConfig::Backend::Postgres);
        QCOMPARE(config.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(config.port(), 5433);
        QCOMPARE(config.databaseName(), QStringLiteral("sms"));
        QCOMPARE(config.userName(), QStringLiteral("desk"));
        QVERIFY(!config.describe().contains(QLatin1String("pw")));

        QVERIFY(!DatabaseConfig::fromArgument(QStringLiteral("postgresql://host-only"), &config,
                                              &error));
        QVERIFY(error.contains(QLatin1String("postgresql://")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
