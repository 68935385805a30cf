// ConversationReader against real stores: SQLite files in a temporary folder, and PostgreSQL
// when SMSDESK_TEST_PG names a server. Messages are written by MessageWriter jobs, as the
// listener and the outbox write them; times are chosen so that the order of ids is not the
// order of times, and several messages share a millisecond.

#include "FakeClock.h"
#include "StoreFixture.h"
#include "store/ConversationReader.h"
#include "store/MessageWriter.h"

#include <QTest>
#include <algorithm>
#include <memory>

using namespace smsdesk;
using Thread = ConversationReader::Thread;
using Page = ConversationReader::Page;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const Thread kThread{QStringLiteral("+14045559999"), QStringLiteral("+17705551234")};
// Sharing one of kThread's numbers each, and a third with both swapped.
const Thread kOtherRemote{QStringLiteral("+14045559999"), QStringLiteral("+17705550000")};
const Thread kOtherDid{QStringLiteral("+14045558888"), QStringLiteral("+17705551234")};
const Thread kSwapped{QStringLiteral("+17705551234"), QStringLiteral("+14045559999")};

MessageRow messageAt(const Thread& thread, qint64 receivedAtMs, const QString& text,
                     MessageRow::Direction direction = MessageRow::Direction::Inbound)
{
    MessageRow row;
    row.direction = direction;
    row.provider = QStringLiteral("oncloud");
    row.did = thread.did;
    row.remote = thread.remote;
    row.text = text;
    row.status = direction == MessageRow::Direction::Inbound ? QStringLiteral("received")
                                                             : QStringLiteral("sent");
    row.receivedAtMs = receivedAtMs;
    return row;
}

struct Written
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
};

QList<qint64> messageIds(const QList<ConversationMessage>& messages)
{
    QList<qint64> ids;
    for (const ConversationMessage& message : messages)
        ids.append(message.id);
    return ids;
}

} // namespace

class TestConversationReader : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    test::FakeClock m_clock;

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Stores the rows in one job, in order (ids ascending); false when it failed.
    bool write(const QList<MessageRow>& rows, QList<qint64>* ids = nullptr)
    {
        WriteJob job;
        job.messages = rows;
        MessageWriter writer(m_temp->database(), m_clock);
        std::optional<WriteOutcome> outcome;
        writer.submit(job, this, [&outcome](WriteOutcome result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok())
            return false;
        writer.drainAndStop();
        if (ids) {
            for (const WriteOutcome::MessageResult& result : outcome->messages)
                ids->append(result.id);
        }
        return outcome->messages.size() == rows.size();
    }

    // `count` messages in kThread, written in an order where ids and times disagree: times
    // go back and forth, and runs of three share one millisecond. Other threads' messages
    // are written in between. Returns kThread's messages in (received_at, id) order.
    QList<Written> writeThread(int count)
    {
        QList<MessageRow> rows;
        QList<int> ours; // indexes into rows of kThread's messages
        for (int i = 0; i < count; ++i) {
            // 0, 0, 0, 2000, 2000, 2000, 1000, ... shuffled by groups of three.
            const int group = i / 3;
            const qint64 at = kBase + qint64((group * 7) % (count / 3 + 1)) * 1000;
            rows.append(messageAt(kThread, at, QStringLiteral("message %1").arg(i)));
            ours.append(int(rows.size()) - 1);
            if (i % 4 == 0) {
                rows.append(messageAt(kOtherRemote, at, QStringLiteral("other remote")));
                rows.append(messageAt(kOtherDid, at, QStringLiteral("other did")));
                rows.append(messageAt(kSwapped, at, QStringLiteral("swapped")));
            }
        }
        QList<qint64> ids;
        if (!write(rows, &ids)) {
            qWarning("write failed");
            return {};
        }
        QList<Written> written;
        for (const int index : std::as_const(ours))
            written.append({ids.at(index), rows.at(index).receivedAtMs});
        std::sort(written.begin(), written.end(), [](const Written& a, const Written& b) {
            return a.receivedAtMs != b.receivedAtMs ? a.receivedAtMs < b.receivedAtMs : a.id < b.id;
        });
        return written;
    }

    static QList<qint64> writtenIds(const QList<Written>& written)
    {
        QList<qint64> ids;
        for (const Written& w : written)
            ids.append(w.id);
        return ids;
    }

    static bool threadOnly(const Page& page) { return page.thread == kThread; }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init() { m_temp.open(); }

    void cleanup() { m_temp.close(); }

    void newestIsTheThreadInOrder()
    {
        const QList<Written> written = writeThread(12);
        QCOMPARE(written.size(), 12);
        // The order of ids alone is not the thread's order (the test would prove nothing).
        QList<qint64> byId = writtenIds(written);
        std::sort(byId.begin(), byId.end());
        QVERIFY(byId != writtenIds(written));

        const ConversationReader reader(db());
        const std::optional<Page> page = reader.newest(kThread);
        QVERIFY2(page, qPrintable(reader.lastError()));
        QVERIFY(threadOnly(*page));
        QCOMPARE(messageIds(page->messages), writtenIds(written));
        QVERIFY(!page->hasEarlier);
        QVERIFY(!page->hasLater);
        for (const ConversationMessage& message : page->messages) {
            QVERIFY2(message.text.startsWith(QStringLiteral("message ")), qPrintable(message.text));
            QCOMPARE(message.direction, QStringLiteral("inbound"));
            QCOMPARE(message.status, QStringLiteral("received"));
            QCOMPARE(message.provider, QStringLiteral("oncloud"));
        }

        // The other threads: their own messages only (kSwapped is a different thread).
        for (const Thread& other : {kOtherRemote, kOtherDid, kSwapped}) {
            const std::optional<Page> theirs = reader.newest(other);
            QVERIFY2(theirs, qPrintable(reader.lastError()));
            QCOMPARE(theirs->messages.size(), 3);
            for (const ConversationMessage& message : theirs->messages)
                QVERIFY(!message.text.startsWith(QStringLiteral("message ")));
        }
        // A thread without messages: an empty page, no error.
        const std::optional<Page> none =
            reader.newest({QStringLiteral("+15550000000"), QStringLiteral("+15550000001")});
        QVERIFY(none);
        QVERIFY(none->messages.isEmpty());
        QVERIFY(!none->hasEarlier);
        QVERIFY(reader.lastError().isEmpty());
    }

    void newestIsBoundedToAPage()
    {
        const QList<Written> written = writeThread(30);
        const ConversationReader reader(db(), 7);
        QCOMPARE(reader.pageSize(), 7);
        const std::optional<Page> page = reader.newest(kThread);
        QVERIFY2(page, qPrintable(reader.lastError()));
        QCOMPARE(messageIds(page->messages), writtenIds(written).mid(23));
        QVERIFY(page->hasEarlier);
        QVERIFY(!page->hasLater);
    }

    void pagingBackwardsReadsEveryMessageOnce()
    {
        const QList<Written> written = writeThread(31);
        QCOMPARE(written.size(), 31);
        const QList<qint64> expected = writtenIds(written);
        // A page of 5 ends inside runs of messages that share a millisecond.
        const ConversationReader reader(db(), 5);
        std::optional<Page> page = reader.newest(kThread);
        QVERIFY2(page, qPrintable(reader.lastError()));
        QList<qint64> seen = messageIds(page->messages);
        int pages = 1;
        while (page->hasEarlier) {
            QCOMPARE(page->messages.size(), 5);
            const auto cursor = ConversationReader::Cursor::of(page->messages.constFirst());
            page = reader.before(kThread, cursor);
            QVERIFY2(page, qPrintable(reader.lastError()));
            QVERIFY(threadOnly(*page));
            QVERIFY(!page->messages.isEmpty());
            QVERIFY(!page->hasLater); // before() does not look
            seen = messageIds(page->messages) + seen;
            QVERIFY(++pages < 20);
        }
        QCOMPARE(pages, 7);                 // 6 pages of 5 and 1 of 1
        QCOMPARE(page->messages.size(), 1); // the oldest
        QCOMPARE(seen, expected);           // none twice, none skipped, in order

        // Before the oldest: nothing.
        const std::optional<Page> none =
            reader.before(kThread, ConversationReader::Cursor::of(page->messages.constFirst()));
        QVERIFY(none);
        QVERIFY(none->messages.isEmpty());
        QVERIFY(!none->hasEarlier);
    }

    void pagingForwardsReadsEveryMessageOnce()
    {
        const QList<Written> written = writeThread(31);
        const QList<qint64> expected = writtenIds(written);
        const ConversationReader reader(db(), 4);
        // From the oldest message's position.
        ConversationReader::Cursor cursor{written.first().receivedAtMs, written.first().id};
        QList<qint64> seen{written.first().id};
        std::optional<Page> page;
        int pages = 0;
        do {
            page = reader.after(kThread, cursor);
            QVERIFY2(page, qPrintable(reader.lastError()));
            QVERIFY(!page->hasEarlier); // after() does not look
            seen += messageIds(page->messages);
            if (!page->messages.isEmpty())
                cursor = ConversationReader::Cursor::of(page->messages.constLast());
            QVERIFY(++pages < 20);
        } while (page->hasLater);
        QCOMPARE(pages, 8); // 30 after the first: 7 pages of 4, 1 of 2
        QCOMPARE(seen, expected);
    }

    void pageAroundAnOldMessage()
    {
        const QList<Written> written = writeThread(50);
        const QList<qint64> expected = writtenIds(written);
        const ConversationReader reader(db(), 10);

        struct Case
        {
            int index;      // of the message in the thread's order
            int firstIndex; // of the page's first message
            bool hasEarlier;
            bool hasLater;
        };
        // Half a page (4) before it where there is room, the rest (5) after it; filled from
        // the other side near either end.
        const Case cases[] = {
            {25, 21, true, true},  {4, 0, false, true},   {0, 0, false, true},
            {2, 0, false, true},   {49, 40, true, false}, {46, 40, true, false},
            {44, 40, true, false}, {43, 39, true, true},
        };
        for (const Case& c : cases) {
            const std::optional<Page> page = reader.around(expected.at(c.index));
            QVERIFY2(page, qPrintable(reader.lastError()));
            QVERIFY(threadOnly(*page));
            QCOMPARE(messageIds(page->messages), expected.mid(c.firstIndex, 10));
            QCOMPARE(page->hasEarlier, c.hasEarlier);
            QCOMPARE(page->hasLater, c.hasLater);
        }

        // A page around the oldest message is older than the newest page, and continues
        // forwards to it without a gap.
        std::optional<Page> page = reader.around(expected.first());
        QVERIFY(page);
        const std::optional<Page> next =
            reader.after(kThread, ConversationReader::Cursor::of(page->messages.constLast()));
        QVERIFY(next);
        QCOMPARE(messageIds(next->messages), expected.mid(10, 10));

        // A thread shorter than a page: all of it.
        const ConversationReader big(db());
        page = big.around(expected.at(17));
        QVERIFY(page);
        QCOMPARE(messageIds(page->messages), expected);
        QVERIFY(!page->hasEarlier);
        QVERIFY(!page->hasLater);
    }

    void messageFields()
    {
        MessageRow media = messageAt(kThread, kBase, QStringLiteral("Photos of the shop"));
        media.media = QStringList{QStringLiteral("https://media.example.com/a.jpg"),
                                  QStringLiteral("https://media.example.com/b%20c.png")};
        media.providerTimeMs = kBase - 1500;
        MessageRow delivered = messageAt(kThread, kBase + 1000, QStringLiteral("Thanks!"),
                                         MessageRow::Direction::Outbound);
        delivered.status = QStringLiteral("delivered");
        delivered.provider = QStringLiteral("zonitel");
        MessageRow failed = messageAt(kThread, kBase + 2000, QStringLiteral("Are you there?"),
                                      MessageRow::Direction::Outbound);
        failed.status = QStringLiteral("failed");
        failed.errorCode = QStringLiteral("30008");
        failed.providerTimeMs = kBase + 2100;
        MessageRow empty = messageAt(kThread, kBase + 3000, QString());
        QList<qint64> ids;
        QVERIFY(write({media, delivered, failed, empty}, &ids));
        QCOMPARE(ids.size(), 4);

        const ConversationReader reader(db());
        const std::optional<Page> page = reader.newest(kThread);
        QVERIFY2(page, qPrintable(reader.lastError()));
        QCOMPARE(page->messages.size(), 4);

        const ConversationMessage& m0 = page->messages.at(0);
        QCOMPARE(m0.id, ids.at(0));
        QCOMPARE(m0.direction, QStringLiteral("inbound"));
        QVERIFY(!m0.isOutbound());
        QCOMPARE(m0.text, QStringLiteral("Photos of the shop"));
        QCOMPARE(m0.media, media.media);
        QCOMPARE(m0.status, QStringLiteral("received"));
        QVERIFY(m0.errorCode.isEmpty());
        QCOMPARE(m0.receivedAtMs, kBase);
        QCOMPARE(m0.providerTimeMs, std::optional<qint64>(kBase - 1500));

        const ConversationMessage& m1 = page->messages.at(1);
        QVERIFY(m1.isOutbound());
        QCOMPARE(m1.status, QStringLiteral("delivered"));
        QVERIFY(!m1.isFailed());
        QVERIFY(m1.errorCode.isEmpty());
        QCOMPARE(m1.provider, QStringLiteral("zonitel"));
        QVERIFY(m1.media.isEmpty());
        QVERIFY(!m1.providerTimeMs);

        const ConversationMessage& m2 = page->messages.at(2);
        QVERIFY(m2.isOutbound());
        QVERIFY(m2.isFailed());
        QCOMPARE(m2.errorCode, QStringLiteral("30008"));
        QCOMPARE(m2.providerTimeMs, std::optional<qint64>(kBase + 2100));

        const ConversationMessage& m3 = page->messages.at(3);
        QVERIFY(m3.text.isEmpty());
        QVERIFY(m3.media.isEmpty());

        // The thread of each message.
        for (const qint64 id : std::as_const(ids)) {
            const std::optional<Thread> thread = reader.threadOf(id);
            QVERIFY2(thread, qPrintable(reader.lastError()));
            QCOMPARE(thread->did, kThread.did);
            QCOMPARE(thread->remote, kThread.remote);
        }
    }

    void unknownMessage()
    {
        QVERIFY(write({messageAt(kThread, kBase, QStringLiteral("hello"))}));
        const ConversationReader reader(db());
        QVERIFY(!reader.threadOf(987654));
        QVERIFY(reader.lastError().isEmpty());
        QVERIFY(!reader.around(987654));
        QVERIFY(reader.lastError().isEmpty());
        QVERIFY(!reader.threadOf(0));
        QVERIFY(!reader.around(-1));
        QVERIFY(reader.lastError().isEmpty());
    }

    void readErrorsAreReported()
    {
        // A connection that is not open: every call says why, none returns a page.
        const ConversationReader reader{QSqlDatabase()};
        QVERIFY(!reader.newest(kThread));
        QVERIFY(!reader.lastError().isEmpty());
        QVERIFY(!reader.threadOf(1));
        QVERIFY(!reader.lastError().isEmpty());
        QVERIFY(!reader.around(1));
        QVERIFY(!reader.lastError().isEmpty());
        QVERIFY(!reader.before(kThread, {kBase, 1}));
        QVERIFY(!reader.lastError().isEmpty());
        QVERIFY(!reader.after(kThread, {kBase, 1}));
        QVERIFY(!reader.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversationReader)
#include "TestConversationReader.moc"
