// RequestLogReader against real stores: SQLite files in a temporary folder, and PostgreSQL
// when SMSDESK_TEST_PG names a server. Rows are written by MessageWriter jobs, as the
// listener writes them: a job with only a request log row is a refused request.

#include "FakeClock.h"
#include "StoreFixture.h"
#include "TestMain.h"
#include "store/MessageWriter.h"
#include "store/RequestLogReader.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <functional>
#include <limits>
#include <memory>

using namespace smsdesk;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const QString kDid = QStringLiteral("+14045559999");
const QString kRemote = QStringLiteral("+17705551234");

RequestLogRow refused(qint64 receivedAtMs, const QString& outcome, const QString& provider,
                      const QString& target, const QByteArray& body = QByteArray("a=1"))
{
    RequestLogRow row;
    row.receivedAtMs = receivedAtMs;
    row.peer = QStringLiteral("203.0.113.5:53211");
    row.method = QStringLiteral("POST");
    row.target = target;
    row.headers = {{"Host", "desk.example.com"},
                   {"Authorization", RequestLogRow::RedactedValue},
                   {"X-Trace", "trace-" + QByteArray::number(receivedAtMs)}};
    row.body = body;
    row.bodySize = body.size();
    row.provider = provider;
    row.outcome = outcome;
    row.reason = QStringLiteral("refused for the test");
    row.responseStatus = 401;
    row.responseBody = QStringLiteral("unauthorized");
    row.latencyUs = 1500;
    return row;
}

QSet<qint64> idSet(const QList<RequestLogEntry>& entries)
{
    QSet<qint64> ids;
    for (const RequestLogEntry& entry : entries)
        ids.insert(entry.id);
    return ids;
}

QList<qint64> idsOf(const QList<RequestLogEntry>& entries)
{
    QList<qint64> ids;
    for (const RequestLogEntry& entry : entries)
        ids.append(entry.id);
    return ids;
}

} // namespace

// The store of the current row's backend, a clock and the helpers of both test classes below.
class RequestLogReaderTest : public QObject
{
    Q_OBJECT

protected:
    test::StoreFixture m_temp;
    test::FakeClock m_clock;
    qint64 m_numberId = 0;
    qint64 m_acceptedLogId = 0;
    int m_total = 0;

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Submits every job at once and waits for all outcomes; false when one failed.
    bool write(QList<WriteJob> jobs, QList<qint64>* logIds = nullptr)
    {
        MessageWriter writer(m_temp->database(), m_clock);
        auto outcomes = std::make_shared<QList<WriteOutcome>>();
        for (WriteJob& job : jobs)
            writer.submit(std::move(job), this,
                          [outcomes](WriteOutcome outcome) { outcomes->append(outcome); });
        const qsizetype expected = jobs.size();
        if (!QTest::qWaitFor([&] { return outcomes->size() == expected; }, 30000))
            return false;
        for (const WriteOutcome& outcome : std::as_const(*outcomes)) {
            if (!outcome.ok())
                return false;
            if (logIds)
                logIds->append(outcome.requestLogId);
        }
        return true;
    }

    QList<RequestLogEntry> all(const RequestLogFilter& filter = {})
    {
        RequestLogReader reader(db());
        const QList<RequestLogEntry> entries = reader.page(filter, std::nullopt, 100000);
        if (!reader.lastError().isEmpty())
            qWarning("page failed: %s", qPrintable(reader.lastError()));
        return entries;
    }

    // Every page of `limit` rows after the previous one, concatenated.
    QList<RequestLogEntry> paged(const RequestLogFilter& filter, int limit, int* pages)
    {
        RequestLogReader reader(db());
        QList<RequestLogEntry> entries;
        std::optional<RequestLogReader::Cursor> after;
        *pages = 0;
        for (;;) {
            const QList<RequestLogEntry> page = reader.page(filter, after, limit);
            if (!reader.lastError().isEmpty()) {
                qWarning("page failed: %s", qPrintable(reader.lastError()));
                return {};
            }
            if (page.size() > limit)
                return {};
            if (page.isEmpty())
                return entries;
            ++*pages;
            entries += page;
            after = RequestLogReader::cursorOf(page.constLast());
            if (*pages > 1000)
                return {};
        }
    }

protected Q_SLOTS:
    void init()
    {
        if (!m_temp.open())
            return;

        QSqlQuery number(db());
        QVERIFY(number.prepare(
            QStringLiteral("INSERT INTO numbers (e164, provider, created_at, updated_at) "
                           "VALUES (?, 'pbx', 0, 0)")));
        number.addBindValue(kDid);
        QVERIFY2(number.exec(), qPrintable(number.lastError().text()));
        number.finish();
        m_numberId = m_temp->scalar(QStringLiteral("SELECT id FROM numbers WHERE e164 = ?"), {kDid})
                         .toLongLong();
        QVERIFY(m_numberId > 0);

        // 36 refused requests, three to a millisecond (equal received_at), providers and
        // outcomes in turn; then 6 accepted ones with a message on the number.
        QList<WriteJob> jobs;
        const QStringList outcomes = {QStringLiteral("refused-auth"),
                                      QStringLiteral("unknown-path"), QStringLiteral("malformed")};
        const QStringList providers = {QStringLiteral("pbx"), QStringLiteral("zonitel"), QString()};
        for (int i = 0; i < 36; ++i) {
            WriteJob job;
            job.requestLog =
                refused(kBase + (i / 3) * 1000, outcomes.at(i % 3), providers.at((i / 2) % 3),
                        QStringLiteral("/webhooks/pbx?n=%1").arg(i));
            jobs.append(job);
        }
        for (int i = 0; i < 6; ++i) {
            WriteJob job;
            MessageRow message;
            message.provider = QStringLiteral("pbx");
            message.numberId = m_numberId;
            message.did = kDid;
            message.remote = kRemote;
            message.text = QStringLiteral("hi");
            message.status = QStringLiteral("received");
            message.receivedAtMs = kBase + 50'000 + i;
            message.dedupeKey = QStringLiteral("pbx:m%1").arg(i);
            job.messages.append(message);
            RequestLogRow log = refused(kBase + 50'000, QString(), QStringLiteral("pbx"),
                                        QStringLiteral("/webhooks/pbx"));
            log.outcome.clear();
            log.reason.clear();
            log.responseStatus = 0;
            log.responseBody = QString();
            log.latencyUs = -1;
            log.numberId = m_numberId;
            log.linkedMessage = 0;
            job.requestLog = log;
            jobs.append(job);
        }
        QList<qint64> logIds;
        QVERIFY(write(jobs, &logIds));
        m_acceptedLogId = logIds.constLast();
        m_total = 42;
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), qint64(m_total));
    }

    void cleanup() { m_temp.close(); }
};

class TestRequestLogReader : public RequestLogReaderTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void newestFirst()
    {
        const QList<RequestLogEntry> entries = all();
        QCOMPARE(entries.size(), m_total);
        for (int i = 1; i < entries.size(); ++i) {
            const RequestLogEntry& a = entries.at(i - 1);
            const RequestLogEntry& b = entries.at(i);
            QVERIFY2(a.receivedAtMs > b.receivedAtMs ||
                         (a.receivedAtMs == b.receivedAtMs && a.id > b.id),
                     qPrintable(QStringLiteral("row %1 out of order").arg(i)));
        }
        // The six accepted requests share one received_at: newest id first.
        QCOMPARE(entries.first().id, m_acceptedLogId);
    }

    void entryColumns()
    {
        const QList<RequestLogEntry> entries = all();
        QVERIFY(!entries.isEmpty());
        const RequestLogEntry& accepted = entries.first();
        QCOMPARE(accepted.outcome, QStringLiteral("accepted"));
        QVERIFY(accepted.messageId > 0);
        QCOMPARE(accepted.direction, QStringLiteral("inbound"));
        QCOMPARE(accepted.did, kDid);
        QCOMPARE(accepted.remote, kRemote);
        QCOMPARE(accepted.numberId, m_numberId);
        QCOMPARE(accepted.responseStatus, 0); // not completed yet
        QCOMPARE(accepted.latencyUs, qint64(-1));
        QVERIFY(accepted.responseBody.isNull());
        QVERIFY(accepted.reason.isEmpty());

        const RequestLogEntry& last = entries.constLast(); // the first refused request
        QCOMPARE(last.receivedAtMs, kBase);
        QCOMPARE(last.outcome, QStringLiteral("refused-auth"));
        QCOMPARE(last.reason, QStringLiteral("refused for the test"));
        QCOMPARE(last.provider, QStringLiteral("pbx"));
        QCOMPARE(last.peer, QStringLiteral("203.0.113.5:53211"));
        QCOMPARE(last.method, QStringLiteral("POST"));
        QCOMPARE(last.target, QStringLiteral("/webhooks/pbx?n=0"));
        QCOMPARE(last.responseStatus, 401);
        QCOMPARE(last.responseBody, QStringLiteral("unauthorized"));
        QCOMPARE(last.latencyUs, qint64(1500));
        QCOMPARE(last.messageId, qint64(0));
        QVERIFY(last.did.isEmpty());
        QCOMPARE(last.body, QByteArray("a=1"));
        QCOMPARE(last.bodySize, qint64(3));
        QVERIFY(last.bodyComplete());
        QCOMPARE(last.headers.size(), 3);
        QCOMPARE(last.headers.at(0), RequestLogEntry::Header("Host", "desk.example.com"));
        QCOMPARE(last.headers.at(1),
                 RequestLogEntry::Header("Authorization", RequestLogRow::RedactedValue));
        QCOMPARE(last.headers.at(2).second, "trace-" + QByteArray::number(kBase));
    }

    void keysetPagesAreContinuous_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("2 (splits equal received_at)") << 2;
        QTest::newRow("5") << 5;
        QTest::newRow("7") << 7;
        QTest::newRow("42 (exactly all)") << 42;
        QTest::newRow("200") << 200;
    }

    void keysetPagesAreContinuous()
    {
        QFETCH(int, limit);
        const QList<qint64> expected = idsOf(all());
        QCOMPARE(expected.size(), m_total);
        int pages = 0;
        const QList<qint64> ids = idsOf(paged({}, limit, &pages));
        QCOMPARE(ids, expected); // same rows, same order: no gap, no duplicate
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), m_total);
        QCOMPARE(pages, (m_total + limit - 1) / limit);
    }

    void rowsWrittenBetweenPagesDoNotShift()
    {
        RequestLogReader reader(db());
        const QList<RequestLogEntry> first = reader.page({}, std::nullopt, 10);
        QCOMPARE(first.size(), 10);
        // Newer rows arrive, and one with the very received_at of the cursor row: with OFFSET
        // the next page would repeat rows; with the keyset it goes on where it stopped.
        QList<WriteJob> jobs;
        for (int i = 0; i < 3; ++i) {
            WriteJob job;
            job.requestLog = refused(kBase + 90'000 + i, QStringLiteral("refused-auth"),
                                     QStringLiteral("pbx"), QStringLiteral("/new"));
            jobs.append(job);
        }
        QVERIFY(write(jobs));
        const QList<RequestLogEntry> second =
            reader.page({}, RequestLogReader::cursorOf(first.constLast()), 100);
        QVERIFY(reader.lastError().isEmpty());
        QCOMPARE(second.size(), m_total - 10);
        QVERIFY(!idSet(first).intersects(idSet(second)));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("outcomes");
        QTest::addColumn<QStringList>("providers");
        QTest::addColumn<bool>("byNumber");
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<int>("expected");

        const QStringList none;
        QTest::newRow("outcome") << QStringList{QStringLiteral("refused-auth")} << none << false
                                 << qint64(0) << qint64(0) << 12;
        QTest::newRow("two outcomes")
            << QStringList{QStringLiteral("refused-auth"), QStringLiteral("accepted")} << none
            << false << qint64(0) << qint64(0) << 18;
        // Providers go pbx, pbx, zonitel, zonitel, none, none, ...: 12 each of 36.
        QTest::newRow("provider") << none << QStringList{QStringLiteral("zonitel")} << false
                                  << qint64(0) << qint64(0) << 12;
        QTest::newRow("pbx (refused and accepted)")
            << none << QStringList{QStringLiteral("pbx")} << false << qint64(0) << qint64(0) << 18;
        QTest::newRow("unknown provider")
            << none << QStringList{QString()} << false << qint64(0) << qint64(0) << 12;
        QTest::newRow("zonitel or unknown")
            << none << QStringList{QStringLiteral("zonitel"), QString()} << false << qint64(0)
            << qint64(0) << 24;
        QTest::newRow("number") << none << none << true << qint64(0) << qint64(0) << 6;
        QTest::newRow("from (inclusive)")
            << none << none << false << kBase + 11'000 << qint64(0) << 3 + 6;
        QTest::newRow("to (exclusive)") << none << none << false << qint64(0) << kBase + 2000 << 6;
        QTest::newRow("from and to") << none << none << false << kBase + 1000 << kBase + 3000 << 6;
        QTest::newRow("everything")
            << QStringList{QStringLiteral("accepted")} << QStringList{QStringLiteral("pbx")} << true
            << kBase + 50'000 << kBase + 50'001 << 6;
        QTest::newRow("nothing matches")
            << QStringList{QStringLiteral("accepted")} << QStringList{QStringLiteral("zonitel")}
            << false << qint64(0) << qint64(0) << 0;
    }

    void filters()
    {
        QFETCH(QStringList, outcomes);
        QFETCH(QStringList, providers);
        QFETCH(bool, byNumber);
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(int, expected);

        RequestLogFilter filter;
        filter.outcomes = outcomes;
        filter.providers = providers;
        filter.numberId = byNumber ? m_numberId : 0;
        filter.fromMs = fromMs;
        filter.toMs = toMs;
        const QList<RequestLogEntry> entries = all(filter);
        QCOMPARE(entries.size(), expected);
        for (const RequestLogEntry& entry : entries) {
            if (!outcomes.isEmpty())
                QVERIFY(outcomes.contains(entry.outcome));
            if (!providers.isEmpty())
                QVERIFY(providers.contains(entry.provider));
            if (byNumber)
                QCOMPARE(entry.numberId, m_numberId);
            if (fromMs > 0)
                QVERIFY(entry.receivedAtMs >= fromMs);
            if (toMs > 0)
                QVERIFY(entry.receivedAtMs < toMs);
        }
        // Paged with the filter: the same rows.
        int pages = 0;
        QCOMPARE(idsOf(paged(filter, 4, &pages)), idsOf(entries));
    }

    void textSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("targets"); // of the rows found, in any order

        const QString percent = QStringLiteral("/deals/100%_off");
        const QString look = QStringLiteral("/deals/100xyoff");
        const QString under = QStringLiteral("/a_b");
        const QString aXb = QStringLiteral("/axb");
        const QString bang = QStringLiteral("/wow!%");
        const QString body = QStringLiteral("/body");
        const QString header = QStringLiteral("/header");
        QTest::newRow("percent and underscore are literal")
            << QStringLiteral("100%_off") << QStringList{percent};
        QTest::newRow("percent alone") << QStringLiteral("0%") << QStringList{percent};
        QTest::newRow("underscore alone") << QStringLiteral("a_b") << QStringList{under};
        QTest::newRow("the escape character") << QStringLiteral("!%") << QStringList{bang};
        QTest::newRow("plain") << QStringLiteral("100xy") << QStringList{look};
        QTest::newRow("case-insensitive target")
            << QStringLiteral("/DEALS/100XY") << QStringList{look};
        QTest::newRow("body") << QStringLiteral("needle_in") << QStringList{body};
        QTest::newRow("body, case-insensitive") << QStringLiteral("NEEDLE_IN") << QStringList{body};
        QTest::newRow("body, UTF-8") << QStringLiteral("h\u00e9llo w") << QStringList{body};
        QTest::newRow("header value") << QStringLiteral("x-secret-marker") << QStringList{header};
        QTest::newRow("header name") << QStringLiteral("X-Odd-Header") << QStringList{header};
        QTest::newRow("no match") << QStringLiteral("100%x") << QStringList{};
        QTest::newRow("all text rows") << QStringLiteral("/deals/") << QStringList{percent, look};
        Q_UNUSED(aXb);
    }

    void textSearch()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, targets);

        const qint64 at = kBase + 70'000;
        QList<WriteJob> jobs;
        const auto add = [&](const QString& target, const QByteArray& body,
                             const QList<RequestLogRow::Header>& extra = {}) {
            WriteJob job;
            job.requestLog = refused(at, QStringLiteral("malformed"), QString(), target, body);
            job.requestLog->headers += extra;
            jobs.append(job);
        };
        add(QStringLiteral("/deals/100%_off"), "x=1");
        add(QStringLiteral("/deals/100xyoff"), "x=2");
        add(QStringLiteral("/a_b"), "x=3");
        add(QStringLiteral("/axb"), "x=4");
        add(QStringLiteral("/wow!%"), "x=5");
        add(QStringLiteral("/body"),
            QStringLiteral("{\"text\":\"h\u00e9llo world needle_in it\"}").toUtf8() +
                QByteArray("\xff\xfe", 2)); // not valid UTF-8 at the end
        add(QStringLiteral("/header"), "x=6", {{"X-Odd-Header", "x-secret-marker"}});
        QVERIFY(write(jobs));

        RequestLogFilter filter;
        filter.text = text;
        filter.fromMs = at; // only the rows of this test
        const QList<RequestLogEntry> entries = all(filter);
        QStringList found;
        for (const RequestLogEntry& entry : entries)
            found.append(entry.target);
        found.sort();
        targets.sort();
        QCOMPARE(found, targets);
    }

    // A scan in small windows and small pages finds exactly what one page() finds, each row
    // once, highest id first, and says when nothing older is left.
    void scanCoversEveryRowOnce_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("window");
        QTest::addColumn<int>("limit");
        QTest::newRow("every row, window 5, limit 4")
            << QStringLiteral("/webhooks/pbx") << 5LL << 4;
        QTest::newRow("a third, window 7, limit 100") << QStringLiteral("n=1") << 7LL << 100;
        QTest::newRow("none, window 10") << QStringLiteral("no such text") << 10LL << 100;
        QTest::newRow("window larger than the log") << QStringLiteral("n=2") << 1000LL << 3;
    }

    void scanCoversEveryRowOnce()
    {
        QFETCH(QString, text);
        QFETCH(qint64, window);
        QFETCH(int, limit);
        RequestLogFilter filter;
        filter.text = text;
        QList<qint64> expected;
        for (const RequestLogEntry& entry : all(filter))
            expected.append(entry.id);
        std::sort(expected.begin(), expected.end(), std::greater<>());

        RequestLogReader reader(db());
        QList<qint64> found;
        qint64 below = std::numeric_limits<qint64>::max();
        qint64 lastRemaining = std::numeric_limits<qint64>::max();
        int scans = 0;
        for (bool exhausted = false; !exhausted; ++scans) {
            QVERIFY2(scans < 100, "the scan does not end");
            const RequestLogReader::Scan scan = reader.scan(filter, below, window, limit);
            QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
            QVERIFY(scan.entries.size() <= limit);
            for (const RequestLogEntry& entry : scan.entries) {
                QVERIFY(entry.id < below);
                QVERIFY(entry.target.contains(text, Qt::CaseInsensitive));
                found.append(entry.id);
            }
            QVERIFY(scan.remaining < lastRemaining);
            QCOMPARE(scan.total, qint64(m_total));
            lastRemaining = scan.remaining;
            below = scan.scannedTo;
            exhausted = scan.exhausted;
        }
        QCOMPARE(lastRemaining, qint64(0));
        QCOMPARE(found, expected); // highest id first, each once
        QVERIFY(scans >= m_total / window);
    }

    void scanOfAnEmptyLogIsExhausted()
    {
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM request_log")));
        RequestLogReader reader(db());
        RequestLogFilter filter;
        filter.text = QStringLiteral("x");
        const RequestLogReader::Scan scan =
            reader.scan(filter, std::numeric_limits<qint64>::max(), 10, 10);
        QVERIFY(reader.lastError().isEmpty());
        QVERIFY(scan.exhausted);
        QVERIFY(scan.entries.isEmpty());
    }

    void likePatternEscapes()
    {
        QCOMPARE(RequestLogReader::likePattern(QStringLiteral("a%b_c!d")),
                 QStringLiteral("%a!%b!_c!!d%"));
        QCOMPARE(RequestLogReader::likePattern(QString()), QStringLiteral("%%"));
    }

    void findReadsTheWholeBody()
    {
        QByteArray big(RequestLogReader::DefaultBodyPreviewBytes * 3, 'b');
        big.append("END");
        WriteJob job;
        job.requestLog = refused(kBase + 80'000, QStringLiteral("too-large"),
                                 QStringLiteral("zonitel"), QStringLiteral("/big"), big);
        QList<qint64> ids;
        QVERIFY(write({job}, &ids));
        const qint64 id = ids.value(0);
        QVERIFY(id > 0);

        RequestLogReader reader(db());
        const QList<RequestLogEntry> page = reader.page({}, std::nullopt, 1);
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.first().id, id);
        QCOMPARE(page.first().body.size(), RequestLogReader::DefaultBodyPreviewBytes);
        QCOMPARE(page.first().bodySize, qint64(big.size()));
        QVERIFY(!page.first().bodyComplete());

        const std::optional<RequestLogEntry> found = reader.find(id);
        QVERIFY(found);
        QCOMPARE(found->id, id);
        QCOMPARE(found->body, big);
        QVERIFY(found->bodyComplete());
        QCOMPARE(found->target, QStringLiteral("/big"));
        QCOMPARE(found->outcome, QStringLiteral("too-large"));

        const std::optional<RequestLogEntry> accepted = reader.find(m_acceptedLogId);
        QVERIFY(accepted);
        QCOMPARE(accepted->did, kDid);
        QCOMPARE(accepted->remote, kRemote);

        QVERIFY(!reader.find(id + 1000));
        QVERIFY(reader.lastError().isEmpty());
    }

    void matchingChecksIdsAgainstTheFilter()
    {
        const QList<RequestLogEntry> entries = all();
        QList<qint64> ids;
        for (const RequestLogEntry& entry : entries)
            ids.append(entry.id);
        RequestLogFilter filter;
        filter.outcomes = {QStringLiteral("accepted")};
        RequestLogReader reader(db());
        const QList<RequestLogEntry> found = reader.matching(filter, ids.mid(0, 10));
        QCOMPARE(found.size(), 6);
        QVERIFY(reader.matching(filter, {}).isEmpty());
    }
};

// WAL checkpoints are SQLite's: these cases have no "postgres" row.
class TestRequestLogReaderOnSqlite : public RequestLogReaderTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(test::StoreFixture::Rows::SqliteOnly); }

    void readsLeaveNoTransactionOpen()
    {
        QString error;
        QSqlDatabase readerDb =
            m_temp->database().openConnection(QStringLiteral("reader-test"), &error);
        QVERIFY2(readerDb.isValid(), qPrintable(error));
        const QString name = readerDb.connectionName();
        {
            RequestLogReader reader(readerDb);
            QCOMPARE(reader.page({}, std::nullopt, 5).size(), 5);
            QVERIFY(reader.find(m_acceptedLogId));
            // A checkpoint that must copy every WAL frame and truncate the WAL: impossible
            // while a statement of the reader's connection is still open.
            QSqlQuery checkpoint(db());
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(checkpoint.next());
            QCOMPARE(checkpoint.value(0).toInt(), 0); // not busy
            checkpoint.finish();
        }
        readerDb = QSqlDatabase();
        Database::closeConnection(name);
    }
};

SMSDESK_TEST_GUILESS_MAIN(TestRequestLogReader, TestRequestLogReaderOnSqlite)
#include "TestRequestLogReader.moc"
