// The Conversations page's store against real stores (SQLite files, and PostgreSQL when
// SMSDESK_TEST_PG names a server): the thread rows the triggers keep as MessageWriter stores
// messages and status reports and as messages are deleted, ConversationListReader's pages and
// filters, ConversationReadMarker, DraftRepository and MessageSearchReader.

#include "FakeClock.h"
#include "TempDatabase.h"
#include "store/ConversationListReader.h"
#include "store/ConversationReadMarker.h"
#include "store/DraftRepository.h"
#include "store/MessageSearchReader.h"
#include "store/MessageWriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Backend = DatabaseConfig::Backend;
using Thread = ConversationReader::Thread;
using Filter = ConversationListReader::Filter;
using Result = ConversationReadMarker::Result;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const QString kDid = QStringLiteral("+14045559999");
const QString kOtherDid = QStringLiteral("+14045558888");
const Thread kAlice{kDid, QStringLiteral("+17705551234")};
const Thread kBob{kDid, QStringLiteral("+17705550000")};
const Thread kCarol{kOtherDid, QStringLiteral("+17705551234")}; // Alice's number, our other DID
const Thread kAcme{kDid, QStringLiteral("ACME")};               // an alphanumeric sender

MessageRow messageAt(const Thread& thread, qint64 receivedAtMs, const QString& text,
                     MessageRow::Direction direction = MessageRow::Direction::Inbound,
                     const QString& status = QString())
{
    MessageRow row;
    row.direction = direction;
    row.provider = QStringLiteral("zonitel");
    row.did = thread.did;
    row.remote = thread.remote;
    row.text = text;
    row.status = !status.isEmpty()                             ? status
                 : direction == MessageRow::Direction::Inbound ? QStringLiteral("received")
                                                               : QStringLiteral("sent");
    row.receivedAtMs = receivedAtMs;
    return row;
}

MessageRow outbound(const Thread& thread, qint64 receivedAtMs, const QString& text,
                    const QString& providerId, const QString& status = QStringLiteral("sent"))
{
    MessageRow row = messageAt(thread, receivedAtMs, text, MessageRow::Direction::Outbound, status);
    row.providerMessageId = providerId;
    return row;
}

StatusRow statusReport(const QString& providerId, const QString& status, qint64 receivedAtMs)
{
    StatusRow row;
    row.provider = QStringLiteral("zonitel");
    row.providerMessageId = providerId;
    row.status = status;
    row.rawStatus = status;
    row.errorCode = status == QLatin1String("failed") ? QStringLiteral("30008") : QString();
    row.detail =
        status == QLatin1String("failed") ? QStringLiteral("Unknown destination") : QString();
    row.receivedAtMs = receivedAtMs;
    row.providerTimeMs = receivedAtMs;
    return row;
}

QStringList remotes(const QList<ConversationSummary>& summaries)
{
    QStringList list;
    for (const ConversationSummary& summary : summaries)
        list << summary.did + QLatin1Char('/') + summary.remote;
    return list;
}

QString key(const Thread& thread)
{
    return thread.did + QLatin1Char('/') + thread.remote;
}

} // namespace

class TestConversationStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock;

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Stores the job as the listener does (MessageWriter); its outcome, none when it failed.
    std::optional<WriteOutcome> write(const WriteJob& job)
    {
        MessageWriter writer(m_temp->database(), m_clock);
        std::optional<WriteOutcome> outcome;
        writer.submit(job, this, [&outcome](WriteOutcome result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok()) {
            qWarning("write failed: %s", outcome ? qPrintable(outcome->reason) : "timeout");
            return std::nullopt;
        }
        writer.drainAndStop();
        return outcome;
    }

    QList<qint64> store(const QList<MessageRow>& rows)
    {
        WriteJob job;
        job.messages = rows;
        QList<qint64> ids;
        if (const std::optional<WriteOutcome> outcome = write(job)) {
            for (const WriteOutcome::MessageResult& result : outcome->messages)
                ids.append(result.id);
        }
        return ids;
    }

    bool report(const StatusRow& status)
    {
        WriteJob job;
        job.statuses = {status};
        return write(job).has_value();
    }

    std::optional<ConversationSummary> summary(const Thread& thread)
    {
        const ConversationListReader reader(db());
        const QList<ConversationSummary> found = reader.threads({thread});
        if (!reader.lastError().isEmpty())
            qWarning("%s", qPrintable(reader.lastError()));
        return found.isEmpty() ? std::nullopt : std::optional(found.constFirst());
    }

    bool exec(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase_data() { test::TempDatabase::addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseConfig::Backend, backend);
        if (backend == Backend::Postgres && !test::TempDatabase::postgresAvailable())
            QSKIP(qPrintable(test::TempDatabase::skipReason()));
        m_temp = std::make_unique<test::TempDatabase>(backend);
        QString error;
        QVERIFY2(m_temp->open(&error), qPrintable(error));
    }

    void cleanup() { m_temp.reset(); }

    // --- the thread rows the triggers keep ---

    void oneThreadPerPairNewestFirst()
    {
        // Written in an order where ids and times disagree: Bob's message is older than
        // Alice's second one but written after it.
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("Hi, are you open today?")),
            messageAt(kCarol, kBase + 1000, QStringLiteral("Other number, same person")),
            messageAt(kAlice, kBase + 5000, QStringLiteral("Hello?\nAnyone there?")),
            messageAt(kBob, kBase + 3000, QStringLiteral("Bob here")),
            outbound(kBob, kBase + 4000, QStringLiteral("Hi Bob"), QStringLiteral("z-1")),
        });
        QCOMPARE(ids.size(), 5);
        QCOMPARE(m_temp->count(QStringLiteral("conversations")), 3);

        const ConversationListReader reader(db());
        const QList<ConversationSummary> page = reader.page(Filter(), std::nullopt);
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(remotes(page), (QStringList{key(kAlice), key(kBob), key(kCarol)}));

        const ConversationSummary& alice = page.at(0);
        QCOMPARE(alice.lastMessageId, ids.at(2));
        QCOMPARE(alice.lastAtMs, kBase + 5000);
        QCOMPARE(alice.lastText, QStringLiteral("Hello?\nAnyone there?"));
        QCOMPARE(alice.lastDirection, QStringLiteral("inbound"));
        QCOMPARE(alice.messageCount, 2);
        QCOMPARE(alice.unreadCount, 2);
        QCOMPARE(alice.failedCount, 0);
        QVERIFY(!alice.hasDraft());

        const ConversationSummary& bob = page.at(1);
        QCOMPARE(bob.lastMessageId, ids.at(4));
        QVERIFY(bob.lastIsOutbound());
        QCOMPARE(bob.lastStatus, QStringLiteral("sent"));
        QCOMPARE(bob.messageCount, 2);
        QCOMPARE(bob.unreadCount, 1); // ours does not count
    }

    void pagesNeitherSkipNorRepeat()
    {
        // 25 threads, several sharing a millisecond: pages of 7 read every one once, in order.
        QList<MessageRow> rows;
        for (int i = 0; i < 25; ++i) {
            const Thread thread{kDid, QStringLiteral("+1770555%1").arg(1000 + i)};
            rows.append(messageAt(thread, kBase + (i / 3) * 1000, QStringLiteral("m %1").arg(i)));
        }
        QCOMPARE(store(rows).size(), 25);
        const ConversationListReader reader(db());
        const QList<ConversationSummary> all = reader.page(Filter(), std::nullopt, 100);
        QCOMPARE(all.size(), 25);
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(ConversationListReader::newerFirst(all.at(i - 1), all.at(i)));
        QList<ConversationSummary> paged;
        std::optional<ConversationListReader::Cursor> after;
        for (int n = 0; n < 10; ++n) {
            const QList<ConversationSummary> page = reader.page(Filter(), after, 7);
            paged += page;
            if (page.size() < 7)
                break;
            after = ConversationListReader::Cursor::of(page.constLast());
        }
        QCOMPARE(remotes(paged), remotes(all));
    }

    void filtersByNumberAndUnread()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("a")),
            messageAt(kCarol, kBase + 1000, QStringLiteral("c")),
            outbound(kBob, kBase + 2000, QStringLiteral("b"), QStringLiteral("z-2")),
        });
        QCOMPARE(ids.size(), 3);
        const ConversationListReader reader(db());
        Filter number;
        number.did = kDid;
        QCOMPARE(remotes(reader.page(number, std::nullopt)), (QStringList{key(kBob), key(kAlice)}));
        Filter unread;
        unread.unreadOnly = true;
        QCOMPARE(remotes(reader.page(unread, std::nullopt)),
                 (QStringList{key(kCarol), key(kAlice)}));
        Filter both = number;
        both.unreadOnly = true;
        QCOMPARE(remotes(reader.page(both, std::nullopt)), QStringList{key(kAlice)});
        const std::optional<ConversationSummary> bob = summary(kBob);
        QVERIFY(bob);
        QVERIFY(!ConversationListReader::matches(both, *bob));
        QVERIFY(ConversationListReader::matches(number, *bob));

        // The threads of messages, and threads by name (unknown ones are left out).
        QCOMPARE(remotes(reader.threadsOf({ids.at(1), 999999})), QStringList{key(kCarol)});
        QCOMPARE(reader.threads({kAcme, kAlice}).size(), 1);
    }

    void statusReportsMoveTheFailedCount()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("Can you call me?")),
            outbound(kAlice, kBase + 1000, QStringLiteral("Calling now"), QStringLiteral("z-7")),
        });
        QCOMPARE(ids.size(), 2);
        QCOMPARE(summary(kAlice)->failedCount, 0);

        // A status report from the provider, through the listener's writer.
        QVERIFY(
            report(statusReport(QStringLiteral("z-7"), QStringLiteral("failed"), kBase + 2000)));
        std::optional<ConversationSummary> alice = summary(kAlice);
        QCOMPARE(alice->failedCount, 1);
        QVERIFY(alice->hasFailed());
        QCOMPARE(alice->lastStatus, QStringLiteral("failed"));
        // Activity is a message, not a status: the thread did not move.
        QCOMPARE(alice->lastAtMs, kBase + 1000);

        // The outbox's statuses: unconfirmed counts, queued again does not.
        QVERIFY(exec(QStringLiteral("UPDATE messages SET status = 'unconfirmed' WHERE id = ?"),
                     {ids.at(1)}));
        QCOMPARE(summary(kAlice)->failedCount, 1);
        QVERIFY(exec(QStringLiteral("UPDATE messages SET status = 'queued' WHERE id = ?"),
                     {ids.at(1)}));
        QCOMPARE(summary(kAlice)->failedCount, 0);
        // An outbound message stored as failed counts at once.
        store({outbound(kAlice, kBase + 3000, QStringLiteral("retry"), QStringLiteral("z-8"),
                        QStringLiteral("failed"))});
        alice = summary(kAlice);
        QCOMPARE(alice->failedCount, 1);
        QCOMPARE(alice->messageCount, 3);

        // A report for a message the app never saw creates it, and its thread.
        StatusRow unknown =
            statusReport(QStringLiteral("z-99"), QStringLiteral("failed"), kBase + 9000);
        unknown.did = kBob.did;
        unknown.remote = kBob.remote;
        QVERIFY(report(unknown));
        QCOMPARE(summary(kBob)->failedCount, 1);
        QCOMPARE(summary(kBob)->messageCount, 1);
    }

    void deletingMessagesKeepsThreadsRight()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("first")),
            outbound(kAlice, kBase + 1000, QStringLiteral("second"), QStringLiteral("z-3"),
                     QStringLiteral("failed")),
            messageAt(kAlice, kBase + 2000, QStringLiteral("third")),
            messageAt(kBob, kBase + 500, QStringLiteral("only one")),
        });
        QCOMPARE(ids.size(), 4);
        QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {ids.at(2)}));
        std::optional<ConversationSummary> alice = summary(kAlice);
        QCOMPARE(alice->lastMessageId, ids.at(1));
        QCOMPARE(alice->lastAtMs, kBase + 1000);
        QCOMPARE(alice->messageCount, 2);
        QCOMPARE(alice->unreadCount, 1);
        QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {ids.at(1)}));
        alice = summary(kAlice);
        QCOMPARE(alice->failedCount, 0);
        QCOMPARE(alice->lastMessageId, ids.at(0));
        // The last message of a thread takes the thread with it.
        QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {ids.at(3)}));
        QVERIFY(!summary(kBob));
        QCOMPARE(m_temp->count(QStringLiteral("conversations")), 1);
    }

    void alphanumericSendersHaveThreads()
    {
        QCOMPARE(store({messageAt(kAcme, kBase, QStringLiteral("Your code is 4411"))}).size(), 1);
        QCOMPARE(summary(kAcme)->remote, QStringLiteral("ACME"));
    }

    // --- the read marker ---

    void readMarkerMovesForwardOnly()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("one")),
            messageAt(kAlice, kBase + 1000, QStringLiteral("two")),
            messageAt(kAlice, kBase + 1000, QStringLiteral("three, same millisecond")),
        });
        QCOMPARE(summary(kAlice)->unreadCount, 3);
        ConversationReadMarker marker(db());

        // Read up to "two": "three" (same millisecond, later id) is still unread.
        QCOMPARE(marker.markRead(kAlice, {kBase + 1000, ids.at(1)}), Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 1);
        // A desk showing an older page does not make anything unread again.
        QCOMPARE(marker.markRead(kAlice, {kBase, ids.at(0)}), Result::Unchanged);
        QCOMPARE(summary(kAlice)->unreadCount, 1);
        QCOMPARE(marker.markRead(kAlice, {kBase + 1000, ids.at(2)}), Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 0);
        QCOMPARE(marker.markRead(kAlice, {kBase + 1000, ids.at(2)}), Result::Unchanged);

        // New messages after the marker: inbound ones count, ours do not.
        store({messageAt(kAlice, kBase + 5000, QStringLiteral("four")),
               outbound(kAlice, kBase + 6000, QStringLiteral("reply"), QStringLiteral("z-4"))});
        QCOMPARE(summary(kAlice)->unreadCount, 1);
        QVERIFY(marker.lastError().isEmpty());
        // Another thread is not touched.
        store({messageAt(kBob, kBase, QStringLiteral("b"))});
        QCOMPARE(marker.markRead(kAlice, {kBase + 6000, summary(kAlice)->lastMessageId}),
                 Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 0);
        QCOMPARE(summary(kBob)->unreadCount, 1);
    }

    void markUnreadMakesTheNewestFromThemUnread()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("question")),
            outbound(kAlice, kBase + 1000, QStringLiteral("answer"), QStringLiteral("z-5")),
        });
        ConversationReadMarker marker(db());
        QCOMPARE(marker.markRead(kAlice, {kBase + 1000, ids.at(1)}), Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 0);

        QCOMPARE(marker.markUnread(kAlice), Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 1);
        Filter unread;
        unread.unreadOnly = true;
        QCOMPARE(remotes(ConversationListReader(db()).page(unread, std::nullopt)),
                 QStringList{key(kAlice)});
        // Already unread: nothing moves.
        QCOMPARE(marker.markUnread(kAlice), Result::Unchanged);
        QCOMPARE(summary(kAlice)->unreadCount, 1);
        // Read again, by a "desk" that shows it.
        QCOMPARE(marker.markRead(kAlice, {kBase + 1000, ids.at(1)}), Result::Moved);
        QCOMPARE(summary(kAlice)->unreadCount, 0);

        // A thread with nothing from them has nothing to mark.
        store({outbound(kBob, kBase, QStringLiteral("promo"), QStringLiteral("z-6"))});
        QCOMPARE(marker.markUnread(kBob), Result::Unchanged);
        QCOMPARE(summary(kBob)->unreadCount, 0);
        QCOMPARE(marker.markUnread({kDid, QStringLiteral("+19995550000")}), Result::Unchanged);
        QVERIFY(marker.lastError().isEmpty());
    }

    void readStateIsSharedByConnections()
    {
        // Two desks: two connections to the same store.
        const QList<qint64> ids = store({messageAt(kAlice, kBase, QStringLiteral("hello"))});
        QString error;
        QSqlDatabase other = m_temp->database().openConnection(QStringLiteral("desk2"), &error);
        QVERIFY2(other.isValid(), qPrintable(error));
        {
            ConversationReadMarker marker(other);
            QCOMPARE(marker.markRead(kAlice, {kBase, ids.at(0)}), Result::Moved);
        }
        QCOMPARE(summary(kAlice)->unreadCount, 0);
        const QString name = other.connectionName();
        other = QSqlDatabase();
        Database::closeConnection(name);
    }

    void markerErrorsAreReported()
    {
        ConversationReadMarker marker{QSqlDatabase()};
        QCOMPARE(marker.markRead(kAlice, {kBase, 1}), Result::Failed);
        QVERIFY(!marker.lastError().isEmpty());
        QCOMPARE(marker.markUnread(kAlice), Result::Failed);
        QVERIFY(!marker.lastError().isEmpty());
        const ConversationListReader reader{QSqlDatabase()};
        QVERIFY(reader.page(Filter(), std::nullopt).isEmpty());
        QVERIFY(!reader.lastError().isEmpty());
    }

    // --- drafts ---

    void draftsAreKeptPerThread()
    {
        store({messageAt(kAlice, kBase, QStringLiteral("a")),
               messageAt(kBob, kBase, QStringLiteral("b"))});
        DraftRepository drafts(db());
        QVERIFY(drafts.find(kAlice)->isEmpty());
        const Draft draft{QStringLiteral("See you at 5 \u2014 don\u2019t be late"),
                          QStringLiteral("https://example.com/map.png")};
        QVERIFY2(drafts.save(kAlice, draft, kBase), qPrintable(drafts.lastError()));
        QCOMPARE(*drafts.find(kAlice), draft);
        QVERIFY(drafts.find(kBob)->isEmpty());
        // Shown in the thread list.
        QCOMPARE(summary(kAlice)->draftText, draft.text);
        QCOMPARE(summary(kAlice)->draftMediaUrl, draft.mediaUrl);
        QVERIFY(summary(kAlice)->hasDraft());
        // Replaced, then removed by an empty one.
        const Draft shorter{QStringLiteral("See you"), QString()};
        QVERIFY(drafts.save(kAlice, shorter, kBase + 1));
        QCOMPARE(*drafts.find(kAlice), shorter);
        QCOMPARE(m_temp->count(QStringLiteral("drafts")), 1);
        QVERIFY(drafts.save(kAlice, Draft(), kBase + 2));
        QVERIFY(drafts.find(kAlice)->isEmpty());
        QCOMPARE(m_temp->count(QStringLiteral("drafts")), 0);
        QVERIFY(!summary(kAlice)->hasDraft());
    }

    // --- search ---

    void searchFindsWordsAndPrefixes()
    {
        const QList<qint64> ids = store({
            messageAt(kAlice, kBase, QStringLiteral("Your order is ready for pickup")),
            outbound(kBob, kBase + 1000, QStringLiteral("Pick up your ORDER at the front desk"),
                     QStringLiteral("z-9")),
            messageAt(kCarol, kBase + 2000, QStringLiteral("Café au lait, s\u2019il vous plaît")),
            messageAt(kAcme, kBase + 3000, QStringLiteral("\u05e9\u05dc\u05d5\u05dd order 42")),
            messageAt(kAlice, kBase + 4000, QStringLiteral("nothing to see")),
        });
        QCOMPARE(ids.size(), 5);
        const MessageSearchReader reader(db());
        auto found = [&reader](const QString& query) {
            QList<qint64> list;
            for (const MessageSearchHit& hit : reader.search(query))
                list << hit.id;
            if (!reader.lastError().isEmpty())
                qWarning("%s", qPrintable(reader.lastError()));
            return list;
        };
        // Every word, in any case, newest first.
        QCOMPARE(found(QStringLiteral("order")), (QList<qint64>{ids.at(3), ids.at(1), ids.at(0)}));
        QCOMPARE(found(QStringLiteral("ORDER pick")), (QList<qint64>{ids.at(1), ids.at(0)}));
        QCOMPARE(found(QStringLiteral("front desk")), QList<qint64>{ids.at(1)});
        // A word's beginning finds longer words; the middle of one does not.
        QCOMPARE(found(QStringLiteral("pic")), (QList<qint64>{ids.at(1), ids.at(0)}));
        QCOMPARE(found(QStringLiteral("ickup")), QList<qint64>());
        // Other scripts, digits; punctuation is not part of a word.
        QCOMPARE(found(QStringLiteral("\u05e9\u05dc\u05d5\u05dd")), QList<qint64>{ids.at(3)});
        QCOMPARE(found(QStringLiteral("42!")), QList<qint64>{ids.at(3)});
        QCOMPARE(found(QStringLiteral("caf\u00e9")), QList<qint64>{ids.at(2)});
        // Quotes and operators are words' separators, never syntax.
        QCOMPARE(found(QStringLiteral("\"order\" OR -nothing*")), QList<qint64>());
        QCOMPARE(found(QStringLiteral("order: (ready)")), QList<qint64>{ids.at(0)});
        QVERIFY(found(QStringLiteral("  ...  ")).isEmpty());
        QVERIFY(reader.lastError().isEmpty());

        // The hit says where it belongs.
        const QList<MessageSearchHit> hits = reader.search(QStringLiteral("front"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).thread(), kBob);
        QCOMPARE(hits.at(0).direction, QStringLiteral("outbound"));
        QCOMPARE(hits.at(0).receivedAtMs, kBase + 1000);
        QCOMPARE(hits.at(0).text, QStringLiteral("Pick up your ORDER at the front desk"));
    }

    void searchPagesAndFollowsEdits()
    {
        QList<MessageRow> rows;
        for (int i = 0; i < 30; ++i)
            rows.append(messageAt(kAlice, kBase + i, QStringLiteral("invoice %1 attached").arg(i)));
        const QList<qint64> ids = store(rows);
        QCOMPARE(ids.size(), 30);
        const MessageSearchReader reader(db());
        QList<qint64> paged;
        std::optional<qint64> before;
        for (int n = 0; n < 10; ++n) {
            const QList<MessageSearchHit> page =
                reader.search(QStringLiteral("invoice"), before, 8);
            for (const MessageSearchHit& hit : page)
                paged << hit.id;
            if (page.size() < 8)
                break;
            before = page.constLast().id;
        }
        QList<qint64> expected = ids;
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(paged, expected);

        // The index follows the text: an edited or deleted message is found by what it says now.
        QVERIFY(exec(QStringLiteral("UPDATE messages SET text = 'receipt enclosed' WHERE id = ?"),
                     {ids.at(0)}));
        QCOMPARE(reader.search(QStringLiteral("invoice"), std::nullopt, 100).size(), 29);
        QCOMPARE(reader.search(QStringLiteral("receipt")).size(), 1);
        QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {ids.at(1)}));
        QCOMPARE(reader.search(QStringLiteral("invoice"), std::nullopt, 100).size(), 28);
    }

    void searchWords()
    {
        QCOMPARE(MessageSearchReader::words(QStringLiteral("  Order #42, pick-up!  ")),
                 (QStringList{QStringLiteral("Order"), QStringLiteral("42"), QStringLiteral("pick"),
                              QStringLiteral("up")}));
        QCOMPARE(MessageSearchReader::words(QStringLiteral("a a A")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("A")}));
        QCOMPARE(MessageSearchReader::words(QStringLiteral("\U0001F600 caf\u00e9")),
                 QStringList{QStringLiteral("caf\u00e9")});
        QString many;
        for (int i = 0; i < 40; ++i)
            many += QStringLiteral("w%1 ").arg(i);
        QCOMPARE(MessageSearchReader::words(many).size(), MessageSearchReader::MaxWords);
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "TestConversationStore.moc"
