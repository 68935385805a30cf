// Contacts and quick replies in real stores (SQLite files, and PostgreSQL when SMSDESK_TEST_PG
// names a server): ContactRepository (name, rename, forget, an import all or nothing), the names
// in the thread list and the search results, the unread total of the tray, and
// QuickReplyRepository.

#include "StoreFixture.h"
#include "store/ContactRepository.h"
#include "store/ConversationListReader.h"
#include "store/MessageSearchReader.h"
#include "store/QuickReplyRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;

namespace {

const QString kDid = QStringLiteral("+14045559999");
const QString kAlice = QStringLiteral("+17705551234");
const QString kBob = QStringLiteral("+17705550000");

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;

    bool insert(const QString& remote, const QString& text, qint64 at)
    {
        QSqlQuery query(m_temp.connection());
        query.prepare(QStringLiteral("INSERT INTO messages (direction, provider, did, remote, "
                                     "text, status, received_at) VALUES ('inbound', 'pbx', ?, ?, "
                                     "?, 'received', ?)"));
        query.addBindValue(kDid);
        query.addBindValue(remote);
        query.addBindValue(text);
        query.addBindValue(at);
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }
    void init() { m_temp.open(); }
    void cleanup() { m_temp.close(); }

    void nameRenameForget()
    {
        ContactRepository contacts(m_temp.connection());
        std::optional<Contact> found = contacts.find(kAlice);
        QVERIFY2(found, qPrintable(contacts.lastError()));
        QCOMPARE(found->name, QString()); // not named
        QCOMPARE(found->remote, kAlice);

        QVERIFY2(contacts.save({kAlice, QStringLiteral("  Alice  "), QStringLiteral("VIP")}, 1000),
                 qPrintable(contacts.lastError()));
        QVERIFY(contacts.save({kBob, QStringLiteral("Bob"), QString()}, 1000));
        QCOMPARE(*contacts.find(kAlice),
                 (Contact{kAlice, QStringLiteral("Alice"), QStringLiteral("VIP")}));
        QVERIFY(contacts.save({kAlice, QStringLiteral("Alice Smith"), QStringLiteral("")}, 2000));
        QCOMPARE(contacts.find(kAlice)->name, QStringLiteral("Alice Smith"));
        QCOMPARE(contacts.find(kAlice)->note, QString());
        QCOMPARE(m_temp->count(QStringLiteral("contacts")), 2);
        const QList<Contact> all = contacts.list().value_or(QList<Contact>());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("Alice Smith")); // by name
        QCOMPARE(all.at(1).name, QStringLiteral("Bob"));

        // A blank name forgets the contact.
        QVERIFY(contacts.save({kAlice, QStringLiteral("   "), QStringLiteral("gone")}, 3000));
        QCOMPARE(contacts.find(kAlice)->name, QString());
        QCOMPARE(m_temp->count(QStringLiteral("contacts")), 1);
    }

    void importIsAllOrNothing()
    {
        ContactRepository contacts(m_temp.connection());
        QVERIFY(contacts.save({kBob, QStringLiteral("Bob"), QString()}, 1000));
        // The second has no number: nothing of the import is stored, Bob keeps his name.
        QVERIFY(!contacts.saveAll({{kAlice, QStringLiteral("Alice"), QString()},
                                   {QString(), QStringLiteral("Nobody"), QString()},
                                   {kBob, QStringLiteral("Robert"), QString()}},
                                  2000));
        QVERIFY(!contacts.lastError().isEmpty());
        QCOMPARE(m_temp->count(QStringLiteral("contacts")), 1);
        QCOMPARE(contacts.find(kBob)->name, QStringLiteral("Bob"));

        QVERIFY2(contacts.saveAll({{kAlice, QStringLiteral("Alice"), QStringLiteral("n")},
                                   {kBob, QStringLiteral("Robert"), QString()}},
                                  3000),
                 qPrintable(contacts.lastError()));
        QCOMPARE(m_temp->count(QStringLiteral("contacts")), 2);
        QCOMPARE(contacts.find(kBob)->name, QStringLiteral("Robert"));
        QCOMPARE(contacts.find(kAlice)->note, QStringLiteral("n"));
    }

    void namesInThreadsAndSearch()
    {
        QVERIFY(insert(kAlice, QStringLiteral("Is the shop open?"), 1000));
        QVERIFY(insert(kBob, QStringLiteral("Shop closed today?"), 2000));
        ContactRepository contacts(m_temp.connection());
        QVERIFY(contacts.save({kAlice, QStringLiteral("Alice"), QString()}, 1000));

        const ConversationListReader reader(m_temp.connection());
        const QList<ConversationSummary> page = reader.page({}, std::nullopt);
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.at(0).remote, kBob);
        QCOMPARE(page.at(0).contactName, QString());
        QCOMPARE(page.at(1).remote, kAlice);
        QCOMPARE(page.at(1).contactName, QStringLiteral("Alice"));
        QCOMPARE(reader.threads({{kDid, kAlice}}).constFirst().contactName,
                 QStringLiteral("Alice"));
        QCOMPARE(reader.unreadTotal(), 2);

        const MessageSearchReader search(m_temp.connection());
        const QList<MessageSearchHit> hits = search.search(QStringLiteral("shop"));
        QVERIFY2(search.lastError().isEmpty(), qPrintable(search.lastError()));
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).contactName, QString());
        QCOMPARE(hits.at(1).contactName, QStringLiteral("Alice"));
        // The names are found through the threads, not by the text search.
        QCOMPARE(search.search(QStringLiteral("alice")).size(), 0);
    }

    void unreadTotal()
    {
        const ConversationListReader reader(m_temp.connection());
        QCOMPARE(reader.unreadTotal(), 0);
        QVERIFY(insert(kAlice, QStringLiteral("one"), 1000));
        QVERIFY(insert(kAlice, QStringLiteral("two"), 2000));
        QVERIFY(insert(kBob, QStringLiteral("three"), 3000));
        QCOMPARE(reader.unreadTotal(), 3);
        QSqlQuery query(m_temp.connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE conversations SET unread_count = 0 WHERE "
                                          "remote = '%1'")
                               .arg(kAlice)));
        QCOMPARE(reader.unreadTotal(), 1);
    }

    void quickReplies()
    {
        QuickReplyRepository replies(m_temp.connection());
        QCOMPARE(replies.list().value_or(QList<QuickReply>{{1, QStringLiteral("x")}}).size(), 0);
        const qint64 first = replies.add(QStringLiteral("Hi {name}, your order is ready."), 1000);
        const qint64 second = replies.add(QStringLiteral("We open at 9 on {date}."), 1000);
        QVERIFY2(first > 0 && second > first, qPrintable(replies.lastError()));
        QCOMPARE(replies.add(QStringLiteral("  \n"), 1000), 0);
        QVERIFY(!replies.lastError().isEmpty());

        QVERIFY2(replies.update(first, QStringLiteral("Hi {name}!"), 2000),
                 qPrintable(replies.lastError()));
        QVERIFY(!replies.update(first, QString(), 2000));
        QVERIFY(!replies.update(second + 100, QStringLiteral("nothing there"), 2000));
        std::optional<QList<QuickReply>> list = replies.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, first);
        QCOMPARE(list->at(0).text, QStringLiteral("Hi {name}!"));
        QCOMPARE(list->at(1).text, QStringLiteral("We open at 9 on {date}."));

        QVERIFY(replies.remove(first));
        list = replies.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).id, second);
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "TestContactStore.moc"
