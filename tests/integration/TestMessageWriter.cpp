// MessageWriter against real stores: SQLite files in a temporary folder, and PostgreSQL when
// SMSDESK_TEST_PG names a server (tests/run-tests.sh starts one). Every outcome is awaited
// through the event loop of the test thread, where the writer delivers it.

#include "FakeClock.h"
#include "StoreFixture.h"
#include "StoreLockHolder.h"
#include "TestMain.h"
#include "store/MessageSearchReader.h"
#include "store/MessageWriter.h"
#include "store/Migrations.h"
#include "store/RequestLogReader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <optional>
#include <vector>

using namespace smsdesk;
using Backend = DatabaseConfig::Backend;
using Kind = WriteOutcome::MessageResult::Kind;
using Failure = WriteOutcome::Failure;

namespace {

const QString kDid = QStringLiteral("+14045559999");
const QString kRemote = QStringLiteral("+17705551234");
// Set in the child process of unredactedSecretsAreStripped() (debug builds).
const char* const kUnredactedChild = "SMSDESK_TEST_UNREDACTED_CHILD";

MessageRow inbound(const QString& providerId)
{
    MessageRow row;
    row.direction = MessageRow::Direction::Inbound;
    row.provider = QStringLiteral("pbx");
    row.did = kDid;
    row.remote = kRemote;
    row.text = QStringLiteral("Hello \u00e9 ") + providerId;
    row.media = {QStringLiteral("https://example.com/a.jpg")};
    row.status = QStringLiteral("received");
    row.providerMessageId = providerId;
    row.providerTimeMs = 1'576'391'654'000;
    row.dedupeKey = QStringLiteral("pbx:") + providerId;
    return row;
}

WriteJob messageJob(const QString& providerId)
{
    WriteJob job;
    job.messages.append(inbound(providerId));
    return job;
}

RequestLogRow logRow(const QByteArray& body = QByteArray("message_id=abc&body=Hi"))
{
    RequestLogRow row;
    row.peer = QStringLiteral("203.0.113.5:53211");
    row.method = QStringLiteral("POST");
    row.target = QStringLiteral("/webhooks/pbx");
    row.headers = {{"Host", "desk.example.com"},
                   {"Authorization", RequestLogRow::RedactedValue},
                   {"Content-Type", "application/x-www-form-urlencoded"}};
    row.body = body;
    row.bodySize = body.size();
    row.provider = QStringLiteral("pbx");
    return row;
}

StatusRow statusRow(const QString& providerId, const QString& status, const QString& raw,
                    std::optional<qint64> providerTime)
{
    StatusRow row;
    row.provider = QStringLiteral("zonitel");
    row.providerMessageId = providerId;
    row.did = kDid;
    row.remote = kRemote;
    row.status = status;
    row.rawStatus = raw;
    row.detail = QStringLiteral("Message ") + raw;
    row.providerTimeMs = providerTime;
    return row;
}

} // namespace

// The store of the current row's backend, a clock and the helpers of both test classes below.
class MessageWriterTest : public QObject
{
    Q_OBJECT

protected:
    test::StoreFixture m_temp;
    test::FakeClock m_clock;

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Submits and waits for the outcome on this thread.
    std::optional<WriteOutcome> write(MessageWriter& writer, WriteJob job, int timeoutMs = 15000)
    {
        auto result = std::make_shared<std::optional<WriteOutcome>>();
        writer.submit(std::move(job), this, [result](WriteOutcome outcome) { *result = outcome; });
        if (!QTest::qWaitFor([&]() { return result->has_value(); }, timeoutMs))
            qWarning("no outcome within %d ms", timeoutMs);
        return *result;
    }

    std::optional<WriteOutcome> probe(MessageWriter& writer)
    {
        auto result = std::make_shared<std::optional<WriteOutcome>>();
        writer.probe(this, [result](WriteOutcome outcome) { *result = outcome; });
        if (!QTest::qWaitFor([&]() { return result->has_value(); }, 15000))
            qWarning("no probe outcome");
        return *result;
    }

    // A second connection that holds the write lock until release().
    using LockHolder = test::StoreLockHolder;

    MessageWriter::Options fastOptions(int deadlineMs = 400)
    {
        MessageWriter::Options options;
        options.commitDeadlineMs = deadlineMs;
        return options;
    }

    // The headers of request_log row `id` as read back from the store, "Name: value" each.
    QByteArrayList storedHeaders(qint64 id)
    {
        RequestLogReader reader(db());
        const std::optional<RequestLogEntry> entry = reader.find(id);
        if (!entry) {
            qWarning("request_log row %lld: %s", id, qPrintable(reader.lastError()));
            return {};
        }
        QByteArrayList lines;
        for (const RequestLogEntry::Header& header : entry->headers)
            lines.append(header.first + ": " + header.second);
        return lines;
    }

    // Debug builds: runs the current test function (this row) again in a child process with
    // kUnredactedChild set, where MessageWriter::submit() must stop on its assertion that an
    // Authorization value reached it unredacted.
    void submitAssertsInChild()
    {
        QTemporaryDir tmp; // the child's store is never cleaned up by the child
        QVERIFY(tmp.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kUnredactedChild), QStringLiteral("1"));
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        env.insert(QStringLiteral("QTEST_DISABLE_STACK_DUMP"), QStringLiteral("1"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        const QString tag = m_temp.backend() == Backend::Sqlite ? QStringLiteral("sqlite")
                                                                : QStringLiteral("postgres");
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(QTest::currentTestFunction()) + u':' + tag});
        QVERIFY2(child.waitForFinished(60000), qPrintable(child.errorString()));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::CrashExit, output.constData());
        QVERIFY2(output.contains("ASSERT failure in MessageWriter::submit: \"an Authorization "
                                 "header reached the store unredacted\""),
                 output.constData());
    }

protected Q_SLOTS:
    void init() { m_temp.open(); }
    void cleanup() { m_temp.close(); }
};

class TestMessageWriter : public MessageWriterTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void writeConnectionIsDurable()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        const auto ok = probe(writer);
        QVERIFY(ok);
        QVERIFY2(ok->ok(), qPrintable(ok->reason));
        const MessageWriter::ConnectionInfo info = writer.connectionInfo();
        QVERIFY2(info.open, qPrintable(info.error));
        if (m_temp.backend() == Backend::Sqlite) {
            QCOMPARE(info.journalMode, QStringLiteral("wal"));
            QCOMPARE(info.synchronous, 2); // FULL
        }
        QVERIFY(writer.isHealthy());
    }

    void storedThenDuplicate()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        const auto first = write(writer, messageJob(QStringLiteral("297abf7f")));
        QVERIFY(first);
        QVERIFY2(first->ok(), qPrintable(first->reason));
        QCOMPARE(first->messages.size(), 1);
        QCOMPARE(first->messages[0].kind, Kind::Stored);
        const qint64 id = first->messages[0].id;
        QVERIFY(id > 0);

        const auto again = write(writer, messageJob(QStringLiteral("297abf7f")));
        QVERIFY(again && again->ok());
        QCOMPARE(again->messages.size(), 1);
        QCOMPARE(again->messages[0].kind, Kind::Duplicate);
        QCOMPARE(again->messages[0].id, id);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);

        // The row as stored.
        QSqlQuery row(db());
        QVERIFY(row.exec(QStringLiteral(
            "SELECT direction, provider, number_id, did, remote, text, media, status, "
            "error_code, provider_message_id, provider_time, received_at, dedupe_key "
            "FROM messages")));
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("inbound"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("pbx"));
        QVERIFY(row.value(2).isNull());
        QCOMPARE(row.value(3).toString(), kDid);
        QCOMPARE(row.value(4).toString(), kRemote);
        QCOMPARE(row.value(5).toString(), QStringLiteral("Hello \u00e9 297abf7f"));
        QCOMPARE(QJsonDocument::fromJson(row.value(6).toByteArray()).array(),
                 QJsonArray{QStringLiteral("https://example.com/a.jpg")});
        QCOMPARE(row.value(7).toString(), QStringLiteral("received"));
        QVERIFY(row.value(8).isNull());
        QCOMPARE(row.value(9).toString(), QStringLiteral("297abf7f"));
        QCOMPARE(row.value(10).toLongLong(), 1'576'391'654'000);
        QCOMPARE(row.value(11).toLongLong(), m_clock.nowMs()); // stamped at submit
        QCOMPARE(row.value(12).toString(), QStringLiteral("pbx:297abf7f"));
        row.finish();

        // Without a key nothing is a duplicate.
        WriteJob keyless = messageJob(QStringLiteral("x"));
        keyless.messages[0].dedupeKey.clear();
        QVERIFY(write(writer, keyless)->ok());
        const auto second = write(writer, keyless);
        QCOMPARE(second->messages[0].kind, Kind::Stored);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 3);
    }

    void concurrentSubmittersGroupCommit()
    {
        constexpr int kThreads = 4;
        constexpr int kPerThread = 2000;
        constexpr int kDistinct = 5000; // keys overlap between threads: 3000 duplicates
        // 8000 requests at once is an overload: with the default 2 s deadline the last ones
        // may rightly fail as busy (PostgreSQL pays a round trip per statement). This test is
        // about exactly-once delivery and grouping, so the deadline is out of the way.
        MessageWriter writer(m_temp->database(), m_clock, fastOptions(120000));

        std::vector<int> calls(kThreads * kPerThread, 0);
        std::vector<std::optional<WriteOutcome>> outcomes(kThreads * kPerThread);
        int delivered = 0;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&, t]() {
                for (int i = 0; i < kPerThread; ++i) {
                    const int index = t * kPerThread + i;
                    const QString key = QString::number(index % kDistinct);
                    writer.submit(messageJob(key), this, [&, index](WriteOutcome outcome) {
                        ++calls[index];
                        outcomes[index] = std::move(outcome);
                        ++delivered;
                    });
                }
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(delivered, kThreads * kPerThread, 120000);
        QTest::qWait(0); // anything delivered twice would be in the queue by now

        QHash<QString, qint64> storedIds;
        int stored = 0;
        for (int index = 0; index < kThreads * kPerThread; ++index) {
            QCOMPARE(calls[index], 1);
            const WriteOutcome& outcome = *outcomes[index];
            QVERIFY2(outcome.ok(), qPrintable(outcome.reason));
            if (outcome.messages[0].kind == Kind::Stored) {
                ++stored;
                const QString key = QString::number(index % kDistinct);
                QVERIFY2(!storedIds.contains(key), "a key was stored twice");
                storedIds.insert(key, outcome.messages[0].id);
            }
        }
        QCOMPARE(stored, kDistinct);
        for (int index = 0; index < kThreads * kPerThread; ++index)
            QCOMPARE(outcomes[index]->messages[0].id,
                     storedIds.value(QString::number(index % kDistinct)));
        QCOMPARE(m_temp->count(QStringLiteral("messages")), kDistinct);

        const MessageWriter::Statistics stats = writer.statistics();
        qInfo("%d jobs in %llu transactions, largest batch %d", kThreads * kPerThread,
              stats.batches, stats.largestBatch);
        QCOMPARE(stats.jobsWritten, quint64(kThreads * kPerThread));
        QVERIFY(stats.batches < quint64(kThreads * kPerThread));
        QVERIFY(stats.largestBatch > 1);
    }

    void badJobFailsAloneInItsBatch()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        QVERIFY(probe(writer)->ok());

        std::vector<std::optional<WriteOutcome>> outcomes(5);
        const auto submitAll = [&]() {
            for (int i = 0; i < 5; ++i) {
                WriteJob job = messageJob(QStringLiteral("batch-%1").arg(i));
                job.requestLog = logRow();
                job.requestLog->linkedMessage = 0;
                if (i == 2)
                    job.messages[0].numberId = 999999; // no such number: FOREIGN KEY fails
                if (i == 3)
                    job.statuses.append(statusRow(QString(), QStringLiteral("sent"),
                                                  QStringLiteral("sent"), std::nullopt));
                writer.submit(job, this, [&outcomes, i](WriteOutcome o) { outcomes[i] = o; });
            }
        };
        const quint64 batchesBefore = writer.statistics().batches;
        if (m_temp.backend() == Backend::Sqlite) {
            // Hold the lock until the writer has seen all five jobs, so they share a batch.
            LockHolder holder(m_temp->database(), m_temp.backend());
            QVERIFY(holder.locked());
            submitAll();
            const quint64 waits = writer.statistics().lockWaits;
            QTRY_VERIFY(writer.statistics().lockWaits > waits);
            holder.release();
        } else {
            submitAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(),
                                             [](const auto& o) { return o.has_value(); }),
                                 15000);
        if (m_temp.backend() == Backend::Sqlite)
            QCOMPARE(writer.statistics().batches, batchesBefore + 1);

        for (int i : {0, 1, 4}) {
            QVERIFY2(outcomes[i]->ok(), qPrintable(outcomes[i]->reason));
            QCOMPARE(outcomes[i]->messages[0].kind, Kind::Stored);
            QCOMPARE(m_temp
                         ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                                  {outcomes[i]->requestLogId})
                         .toLongLong(),
                     outcomes[i]->messages[0].id);
        }
        for (int i : {2, 3}) {
            QCOMPARE(outcomes[i]->failure, Failure::JobRejected);
            QVERIFY(!outcomes[i]->reason.isEmpty());
            QVERIFY(outcomes[i]->messages.isEmpty());
            QCOMPARE(m_temp->count(QStringLiteral("messages"), QStringLiteral("dedupe_key = ?"),
                                   {QStringLiteral("pbx:batch-%1").arg(i)}),
                     0);
            // The request is still logged, as not stored and without a message.
            QVERIFY(outcomes[i]->requestLogId > 0);
            QSqlQuery log(db());
            log.prepare(QStringLiteral("SELECT outcome, reason, message_id FROM request_log "
                                       "WHERE id = ?"));
            log.addBindValue(outcomes[i]->requestLogId);
            QVERIFY(log.exec() && log.next());
            QCOMPARE(log.value(0).toString(), QStringLiteral("store-failed"));
            QVERIFY(log.value(1).toString().startsWith(QLatin1String("not stored: ")));
            QVERIFY(log.value(2).isNull());
        }
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 3);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 5);
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), 0);
    }

    // Search finds what the writer stored, whatever its batches held: messages of several
    // jobs per transaction (SQLite indexes them once per batch, not per row), a job rolled
    // back between them (its message is not found, the ones after it are), duplicates, an
    // outbound message created by a report; and a message another writer stores later.
    void searchFindsWhatTheWriterStored()
    {
        MessageWriter writer(m_temp->database(), m_clock, fastOptions(120000));
        QVERIFY(probe(writer)->ok());
        // Two digits: no key is a prefix of another (search looks for word prefixes).
        const auto key = [](int k) {
            return QStringLiteral("searchable%1").arg(k, 2, 10, QLatin1Char('0'));
        };
        constexpr int kJobs = 60;
        std::vector<std::optional<WriteOutcome>> outcomes(kJobs);
        {
            // Held while the jobs are submitted: they wait for the lock and go in together.
            LockHolder lock(m_temp->database(), m_temp.backend());
            QVERIFY(lock.locked());
            for (int i = 0; i < kJobs; ++i) {
                WriteJob job = messageJob(key(i % 50));
                if (i == 20)
                    job.messages[0].numberId = 999999; // no such number: rolled back alone
                if (i == 30) {
                    job.statuses.append(statusRow(QStringLiteral("report1"), QStringLiteral("sent"),
                                                  QStringLiteral("sent"), std::nullopt));
                    job.statuses[0].text = QStringLiteral("Created from its report");
                }
                writer.submit(job, this, [&outcomes, i](WriteOutcome o) { outcomes[i] = o; });
            }
            QTest::qWait(100);
            lock.release();
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(),
                                             [](const auto& o) { return o.has_value(); }),
                                 60000);
        QCOMPARE(outcomes[20]->failure, Failure::JobRejected);
        QVERIFY2(writer.statistics().largestBatch > 1, "the jobs did not share a transaction");

        const MessageSearchReader search(db());
        for (int k = 0; k < 50; ++k) {
            const QList<MessageSearchHit> hits = search.search(key(k));
            QVERIFY2(search.lastError().isEmpty(), qPrintable(search.lastError()));
            // Jobs 50..59 repeat keys 0..9: duplicates, stored once.
            QCOMPARE(hits.size(), k == 20 ? 0 : 1);
            if (k != 20) {
                QVERIFY2(outcomes[k]->ok(), qPrintable(outcomes[k]->reason));
                QCOMPARE(hits.first().id, outcomes[k]->messages.first().id);
            }
        }
        QCOMPARE(search.search(QStringLiteral("hello")).size(), 49);
        QCOMPARE(search.search(QStringLiteral("created report")).size(), 1);

        QSqlQuery query(db());
        if (m_temp.backend() == Backend::Sqlite) {
            // The writer's marker never outlives its transaction, and the index matches the
            // messages it indexes.
            QCOMPARE(m_temp->count(QStringLiteral("messages_fts_deferred")), 0);
            QVERIFY2(query.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) "
                                               "VALUES ('integrity-check', 1)")),
                     qPrintable(query.lastError().text()));
        }
        // Another writer's message is indexed as it is stored.
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO messages (direction, provider, did, remote, text, status, "
                     "received_at) VALUES ('outbound', 'pbx', '+14045559999', '+17705551234', "
                     "'Sent from another desk', 'queued', 5000)")),
                 qPrintable(query.lastError().text()));
        query.finish();
        QCOMPARE(search.search(QStringLiteral("another desk")).size(), 1);
        QVERIFY(write(writer, messageJob(QStringLiteral("searchable-after")))->ok());
        QCOMPARE(search.search(QStringLiteral("hello")).size(), 50);
    }

    void lockedStoreFailsWithinDeadlineAndStoresNothing()
    {
        constexpr int kDeadlineMs = 400;
        MessageWriter writer(m_temp->database(), m_clock, fastOptions(kDeadlineMs));
        QVERIFY(probe(writer)->ok());
        QSignalSpy health(&writer, &MessageWriter::healthChanged);

        auto holder = std::make_unique<LockHolder>(m_temp->database(), m_temp.backend());
        QVERIFY(holder->locked());
        QElapsedTimer timer;
        timer.start();
        std::vector<std::optional<WriteOutcome>> outcomes(5);
        std::vector<qint64> elapsed(5, -1);
        for (int i = 0; i < 5; ++i) {
            WriteJob job = messageJob(QStringLiteral("locked-%1").arg(i));
            job.requestLog = logRow();
            job.requestLog->linkedMessage = 0;
            writer.submit(job, this, [&, i](WriteOutcome o) {
                outcomes[i] = o;
                elapsed[i] = timer.elapsed();
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(),
                                             [](const auto& o) { return o.has_value(); }),
                                 10 * kDeadlineMs);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(outcomes[i]->failure, Failure::StoreBusy);
            QCOMPARE(outcomes[i]->reason, QStringLiteral("store busy"));
            QCOMPARE(outcomes[i]->requestLogId, 0);
            // Not before the deadline (the writer did wait), and not long after it.
            QVERIFY2(elapsed[i] >= kDeadlineMs - 50, qPrintable(QString::number(elapsed[i])));
            QVERIFY2(elapsed[i] <= kDeadlineMs + 600, qPrintable(QString::number(elapsed[i])));
        }
        QVERIFY(!writer.isHealthy());
        QTRY_COMPARE(health.size(), 1);
        QCOMPARE(health.at(0).at(0).toBool(), false);

        holder->release();
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 0);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 0);

        // Once the lock is gone, the same jobs are stored.
        const auto after = write(writer, messageJob(QStringLiteral("locked-0")));
        QVERIFY(after);
        QVERIFY2(after->ok(), qPrintable(after->reason));
        QCOMPARE(after->messages[0].kind, Kind::Stored);
        QVERIFY(writer.isHealthy());
        QTRY_COMPARE(health.size(), 2);
        QCOMPARE(health.at(1).at(0).toBool(), true);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
    }

    void probeReflectsTheWriteLock()
    {
        constexpr int kDeadlineMs = 300;
        MessageWriter writer(m_temp->database(), m_clock, fastOptions(kDeadlineMs));
        auto ok = probe(writer);
        QVERIFY(ok);
        QVERIFY2(ok->ok(), qPrintable(ok->reason));
        QVERIFY(writer.isHealthy());

        {
            LockHolder holder(m_temp->database(), m_temp.backend());
            QVERIFY(holder.locked());
            QElapsedTimer timer;
            timer.start();
            const auto locked = probe(writer);
            QVERIFY(locked);
            QVERIFY(!locked->ok());
            QCOMPARE(locked->failure, Failure::StoreBusy);
            QVERIFY(timer.elapsed() < kDeadlineMs + 600);
            QVERIFY(!writer.isHealthy());
        }
        ok = probe(writer);
        QVERIFY2(ok->ok(), qPrintable(ok->reason));
        QVERIFY(writer.isHealthy());
    }

    void statusUpdatesKeepHistory()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        const qint64 t0 = 1'771'011'000'000;

        // Unknown provider id: the outbound message is created.
        WriteJob sent;
        sent.statuses.append(
            statusRow(QStringLiteral("Z-1"), QStringLiteral("sent"), QStringLiteral("sent"), t0));
        auto outcome = write(writer, sent);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), qPrintable(outcome->reason));
        QCOMPARE(outcome->statuses.size(), 1);
        const WriteOutcome::StatusResult created = outcome->statuses[0];
        QVERIFY(created.messageId > 0);
        QVERIFY(created.messageCreated);
        QVERIFY(created.historyAdded);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT direction FROM messages WHERE id = ?"),
                              {created.messageId})
                     .toString(),
                 QStringLiteral("outbound"));
        QCOMPARE(
            m_temp
                ->scalar(QStringLiteral("SELECT provider_message_id FROM messages WHERE id = ?"),
                         {created.messageId})
                .toString(),
            QStringLiteral("Z-1"));

        // A second status adds history and moves the current status.
        WriteJob delivered;
        delivered.statuses.append(statusRow(QStringLiteral("Z-1"), QStringLiteral("delivered"),
                                            QStringLiteral("delivered"), t0 + 5000));
        outcome = write(writer, delivered);
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->statuses[0].messageId, created.messageId);
        QVERIFY(!outcome->statuses[0].messageCreated);
        QVERIFY(outcome->statuses[0].historyAdded);
        QVERIFY(outcome->statuses[0].messageUpdated);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"),
                              {created.messageId})
                     .toString(),
                 QStringLiteral("delivered"));

        // The same report again (a provider retry): no second history row.
        m_clock.advanceMs(60'000);
        outcome = write(writer, delivered);
        QVERIFY(outcome->ok());
        QVERIFY(!outcome->statuses[0].historyAdded);
        QVERIFY(!outcome->statuses[0].messageUpdated);

        // A late, older report joins the history but leaves the current status alone.
        WriteJob late;
        late.statuses.append(statusRow(QStringLiteral("Z-1"), QStringLiteral("queued"),
                                       QStringLiteral("queued"), t0 - 1000));
        outcome = write(writer, late);
        QVERIFY(outcome->ok());
        QVERIFY(outcome->statuses[0].historyAdded);
        QVERIFY(!outcome->statuses[0].messageUpdated);

        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(m_temp->count(QStringLiteral("message_status"), QStringLiteral("message_id = ?"),
                               {created.messageId}),
                 3);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"),
                              {created.messageId})
                     .toString(),
                 QStringLiteral("delivered"));
        QSqlQuery history(db());
        QVERIFY(history.exec(QStringLiteral("SELECT status, raw_status, detail, provider_time "
                                            "FROM message_status ORDER BY provider_time")));
        QStringList statuses;
        while (history.next())
            statuses << history.value(0).toString();
        QCOMPARE(statuses, (QStringList{QStringLiteral("queued"), QStringLiteral("sent"),
                                        QStringLiteral("delivered")}));
        history.finish();

        // A message the app sent itself is found by its provider id, not created again.
        WriteJob own;
        MessageRow out = inbound(QStringLiteral("Z-2"));
        out.direction = MessageRow::Direction::Outbound;
        out.provider = QStringLiteral("zonitel");
        out.status = QStringLiteral("queued");
        out.dedupeKey.clear();
        own.messages.append(out);
        outcome = write(writer, own);
        QVERIFY(outcome->ok());
        const qint64 ownId = outcome->messages[0].id;
        WriteJob failed;
        StatusRow failure = statusRow(QStringLiteral("Z-2"), QStringLiteral("failed"),
                                      QStringLiteral("undelivered"), t0);
        failure.errorCode = QStringLiteral("30003");
        failed.statuses.append(failure);
        failed.requestLog = logRow(QByteArray("{\"status\":\"undelivered\"}"));
        failed.requestLog->provider = QStringLiteral("zonitel");
        failed.requestLog->linkedStatus = 0;
        outcome = write(writer, failed);
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->statuses[0].messageId, ownId);
        QVERIFY(!outcome->statuses[0].messageCreated);
        QCOMPARE(
            m_temp->scalar(QStringLiteral("SELECT error_code FROM messages WHERE id = ?"), {ownId})
                .toString(),
            QStringLiteral("30003"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toLongLong(),
                 ownId);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toString(),
                 QStringLiteral("accepted"));
    }

    void requestLogRowsAndResponses()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        QByteArray body("service_id=1&from=17705551234&body=Hi\x00\xff", 40);

        WriteJob job = messageJob(QStringLiteral("log-1"));
        job.requestLog = logRow(body.left(32)); // truncated to a 32-byte limit
        job.requestLog->bodySize = body.size();
        job.requestLog->linkedMessage = 0;
        const auto first = write(writer, job);
        QVERIFY(first);
        QVERIFY2(first->ok(), qPrintable(first->reason));
        QVERIFY(first->requestLogId > 0);

        QSqlQuery row(db());
        row.prepare(QStringLiteral(
            "SELECT received_at, peer, method, target, headers, body, body_size, provider, "
            "outcome, response_status, response_body, latency_us, message_id "
            "FROM request_log WHERE id = ?"));
        row.addBindValue(first->requestLogId);
        QVERIFY(row.exec() && row.next());
        QCOMPARE(row.value(0).toLongLong(), m_clock.nowMs());
        QCOMPARE(row.value(1).toString(), QStringLiteral("203.0.113.5:53211"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("POST"));
        QCOMPARE(row.value(3).toString(), QStringLiteral("/webhooks/pbx"));
        const QJsonArray headers = QJsonDocument::fromJson(row.value(4).toByteArray()).array();
        QCOMPARE(headers.size(), 3);
        QCOMPARE(headers[1].toArray()[0].toString(), QStringLiteral("Authorization"));
        QCOMPARE(headers[1].toArray()[1].toString(), QStringLiteral("[redacted]"));
        QCOMPARE(row.value(5).toByteArray(), body.left(32));
        QCOMPARE(row.value(6).toLongLong(), 40);
        QCOMPARE(row.value(7).toString(), QStringLiteral("pbx"));
        QCOMPARE(row.value(8).toString(), QStringLiteral("accepted"));
        QVERIFY(row.value(9).isNull()); // not answered yet
        QVERIFY(row.value(10).isNull());
        QVERIFY(row.value(11).isNull());
        QCOMPARE(row.value(12).toLongLong(), first->messages[0].id);
        row.finish();

        // The listener answers, then records the response it sent.
        writer.completeRequestLog(first->requestLogId, 200, QStringLiteral("OK"), 1234);
        QTRY_COMPARE(
            m_temp
                ->scalar(QStringLiteral("SELECT response_status FROM request_log WHERE id = ?"),
                         {first->requestLogId})
                .toInt(),
            200);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT response_body FROM request_log WHERE id = ?"),
                              {first->requestLogId})
                     .toString(),
                 QStringLiteral("OK"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT latency_us FROM request_log WHERE id = ?"),
                              {first->requestLogId})
                     .toLongLong(),
                 1234);

        // A retry: logged as a duplicate of the same message.
        const auto retry = write(writer, job);
        QVERIFY(retry && retry->ok());
        QVERIFY(retry->requestLogId != first->requestLogId);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = ?"),
                              {retry->requestLogId})
                     .toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                              {retry->requestLogId})
                     .toLongLong(),
                 first->messages[0].id);

        // A refused request: a log row with its response, and no message.
        WriteJob refused;
        refused.requestLog = logRow();
        refused.requestLog->outcome = QStringLiteral("rejected-auth");
        refused.requestLog->reason = QStringLiteral("Authorization does not match");
        refused.requestLog->responseStatus = 401;
        refused.requestLog->responseBody = QStringLiteral("unauthorized");
        refused.requestLog->latencyUs = 310;
        const auto rejected = write(writer, refused);
        QVERIFY(rejected && rejected->ok());
        QVERIFY(rejected->messages.isEmpty());
        QCOMPARE(
            m_temp
                ->scalar(QStringLiteral("SELECT response_status FROM request_log WHERE id = ?"),
                         {rejected->requestLogId})
                .toInt(),
            401);
        QVERIFY(m_temp
                    ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                             {rejected->requestLogId})
                    .isNull());
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 3);
    }

    void redactedSecretsAreStoredAsTheyAre()
    {
        // A request logged as it must be (the listener redacts): stored as it is, quietly.
        MessageWriter writer(m_temp->database(), m_clock);
        QTest::failOnWarning(QRegularExpression(QStringLiteral("unredacted")));
        WriteJob job = messageJob(QStringLiteral("redacted"));
        job.requestLog = logRow();
        job.requestLog->linkedMessage = 0;
        const auto outcome = write(writer, job);
        QVERIFY2(outcome && outcome->ok(), outcome ? qPrintable(outcome->reason) : "no outcome");
        QCOMPARE(storedHeaders(outcome->requestLogId),
                 QByteArrayList({"Host: desk.example.com", "Authorization: [redacted]",
                                 "Content-Type: application/x-www-form-urlencoded"}));
    }

    void unredactedSecretsAreStripped()
    {
        // Redaction is the listener's job; the writer is the last line of defence.
        // A secret value that reaches submit() is replaced by the marker before anything is
        // stored, with a warning. A debug build asserts first: there the submit runs in a child
        // process of this test, which must abort.
        WriteJob job = messageJob(QStringLiteral("unredacted"));
        job.requestLog = logRow();
        job.requestLog->linkedMessage = 0;
        job.requestLog->headers.append(RequestLogRow::Header("authorization", "Bearer s3cr3t"));
        job.requestLog->headers.append(RequestLogRow::Header("Proxy-Authorization", "Basic eA=="));
        job.requestLog->headers.append(RequestLogRow::Header("X-Other", "Bearer visible"));
#ifndef QT_NO_DEBUG
        if (!qEnvironmentVariableIsSet(kUnredactedChild)) {
            submitAssertsInChild();
            return;
        }
#endif
        QTest::ignoreMessage(QtWarningMsg, "request log: replaced 2 unredacted Authorization "
                                           "header value(s) by the marker");
        MessageWriter writer(m_temp->database(), m_clock);
        const auto outcome = write(writer, job);
        QVERIFY2(outcome && outcome->ok(), outcome ? qPrintable(outcome->reason) : "no outcome");
        QCOMPARE(storedHeaders(outcome->requestLogId),
                 QByteArrayList({"Host: desk.example.com", "Authorization: [redacted]",
                                 "Content-Type: application/x-www-form-urlencoded",
                                 "authorization: [redacted]", "Proxy-Authorization: [redacted]",
                                 "X-Other: Bearer visible"}));
        const QString stored =
            m_temp
                ->scalar(QStringLiteral("SELECT headers FROM request_log WHERE id = ?"),
                         {outcome->requestLogId})
                .toString();
        QVERIFY2(!stored.contains(QLatin1String("s3cr3t")) &&
                     !stored.contains(QLatin1String("eA==")),
                 "a secret value was stored");
    }

    void purgeRemovesOnlyOldRows()
    {
        MessageWriter::Options options;
        options.purgeChunkRows = 7;
        MessageWriter writer(m_temp->database(), m_clock, options);
        const QDateTime now = m_clock.nowUtc();
        const qint64 cutoff = now.addDays(-30).toMSecsSinceEpoch();

        // 30 rows older than the cutoff, one exactly at it and 4 newer, linked to a message.
        QList<WriteJob> jobs;
        for (int i = 0; i < 35; ++i) {
            WriteJob job;
            job.requestLog = logRow();
            job.requestLog->outcome = QStringLiteral("malformed");
            if (i < 30)
                job.requestLog->receivedAtMs = cutoff - 1 - i * 3'600'000;
            else if (i == 30)
                job.requestLog->receivedAtMs = cutoff;
            else
                job.requestLog->receivedAtMs = now.addDays(-i + 30).toMSecsSinceEpoch();
            QVERIFY(write(writer, job)->ok());
        }
        const auto kept = write(writer, [] {
            WriteJob job = messageJob(QStringLiteral("kept"));
            job.requestLog = logRow();
            job.requestLog->linkedMessage = 0;
            return job;
        }());
        QVERIFY(kept->ok());
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 36);

        const quint64 batchesBefore = writer.statistics().batches;
        auto result = std::make_shared<std::optional<WriteOutcome>>();
        writer.purgeRequestLog(cutoff, this, [result](WriteOutcome o) { *result = o; });
        QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 15000);
        QVERIFY2((*result)->ok(), qPrintable((*result)->reason));
        QCOMPARE((*result)->purgedRows, 30);
        // Bounded chunks: 7 + 7 + 7 + 7 + 2, one transaction each.
        QVERIFY(writer.statistics().batches - batchesBefore >= 5);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), 6);
        QCOMPARE(m_temp->count(QStringLiteral("request_log"), QStringLiteral("received_at < ?"),
                               {cutoff}),
                 0);
        QCOMPARE(m_temp->count(QStringLiteral("messages")),
                 1); // messages are not the log's to purge
    }

    void destroyedContextGetsNothing()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        int calls = 0;
        {
            QObject context;
            writer.submit(messageJob(QStringLiteral("orphan")), &context,
                          [&calls](WriteOutcome) { ++calls; });
        }
        // Submitted later, delivered later: once it is here, the first would have been too.
        const auto later = write(writer, messageJob(QStringLiteral("later")));
        QVERIFY(later && later->ok());
        QCOMPARE(calls, 0);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 2); // stored all the same
    }

    void drainAndStopDeliversEverything()
    {
        constexpr int kJobs = 500;
        MessageWriter writer(m_temp->database(), m_clock);
        int ok = 0;
        int delivered = 0;
        for (int i = 0; i < kJobs; ++i) {
            writer.submit(messageJob(QStringLiteral("drain-%1").arg(i)), this,
                          [&](WriteOutcome outcome) {
                              ++delivered;
                              ok += outcome.ok() ? 1 : 0;
                          });
        }
        writer.drainAndStop();
        // Everything is committed when drainAndStop() returns; outcomes wait in our queue.
        QCOMPARE(m_temp->count(QStringLiteral("messages")), kJobs);
        QTRY_COMPARE(delivered, kJobs);
        QCOMPARE(ok, kJobs);

        // After the stop: refused, never written, still answered.
        const auto late = write(writer, messageJob(QStringLiteral("too-late")));
        QVERIFY(late);
        QCOMPARE(late->failure, Failure::WriterStopped);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), kJobs);
        writer.drainAndStop(); // idempotent
    }

    // A late report never moves a message backwards: "sent" after "delivered" joins the
    // history, the status stays delivered. Without times (Zonitel) or with the same time (the
    // gateway's senttime) the rank decides: queued < sent < delivered = failed.
    void statusNeverMovesBackwards_data()
    {
        QTest::addColumn<QStringList>("reports"); // "status" or "status@time", in arrival order
        QTest::addColumn<QString>("expected");
        QTest::addRow("no times: sent after delivered")
            << QStringList{QStringLiteral("delivered"), QStringLiteral("sent")}
            << QStringLiteral("delivered");
        QTest::addRow("no times: queued after sent")
            << QStringList{QStringLiteral("sent"), QStringLiteral("queued")}
            << QStringLiteral("sent");
        QTest::addRow("no times: in order")
            << QStringList{QStringLiteral("queued"), QStringLiteral("sent"),
                           QStringLiteral("delivered")}
            << QStringLiteral("delivered");
        QTest::addRow("no times: same rank goes by arrival")
            << QStringList{QStringLiteral("delivered"), QStringLiteral("failed")}
            << QStringLiteral("failed");
        QTest::addRow("same time: sent after delivered")
            << QStringList{QStringLiteral("delivered@1000"), QStringLiteral("sent@1000")}
            << QStringLiteral("delivered");
        QTest::addRow("later time, lower rank: still not backwards")
            << QStringList{QStringLiteral("delivered@1000"), QStringLiteral("sent@9000")}
            << QStringLiteral("delivered");
        QTest::addRow("same rank, older time")
            << QStringList{QStringLiteral("failed@5000"), QStringLiteral("delivered@1000")}
            << QStringLiteral("failed");
        QTest::addRow("same rank, newer time")
            << QStringList{QStringLiteral("failed@1000"), QStringLiteral("delivered@5000")}
            << QStringLiteral("delivered");
        QTest::addRow("an unknown status after queued")
            << QStringList{QStringLiteral("queued"), QStringLiteral("unknown")}
            << QStringLiteral("queued");
        QTest::addRow("queued after an unknown status")
            << QStringList{QStringLiteral("unknown"), QStringLiteral("queued")}
            << QStringLiteral("queued");
    }

    void statusNeverMovesBackwards()
    {
        QFETCH(QStringList, reports);
        QFETCH(QString, expected);
        MessageWriter writer(m_temp->database(), m_clock);
        qint64 id = 0;
        for (const QString& report : reports) {
            const QString status = report.section(u'@', 0, 0);
            const QString time = report.section(u'@', 1, 1);
            WriteJob job;
            job.statuses.append(statusRow(
                QStringLiteral("Z-9"), status, status,
                time.isEmpty() ? std::nullopt : std::optional<qint64>(time.toLongLong())));
            const auto outcome = write(writer, job);
            QVERIFY(outcome && outcome->ok());
            QVERIFY(outcome->statuses[0].historyAdded);
            id = outcome->statuses[0].messageId;
            m_clock.advanceMs(1000);
        }
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), reports.size());
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"), {id})
                     .toString(),
                 expected);
    }

    // The gateway's ids are its device's own: the same sms_id on two devices is two messages.
    void reportsFindTheirMessageByDevice()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        const auto report = [&](const QString& device, const QString& status) {
            StatusRow row = statusRow(QStringLiteral("5000001"), status, status, std::nullopt);
            row.provider = QStringLiteral("android-gateway");
            row.deviceId = device;
            row.sim = 0;
            WriteJob job;
            job.statuses.append(row);
            const auto outcome = write(writer, job);
            return outcome && outcome->ok() ? outcome->statuses[0] : WriteOutcome::StatusResult{};
        };
        const WriteOutcome::StatusResult first =
            report(QStringLiteral("42"), QStringLiteral("sent"));
        const WriteOutcome::StatusResult other =
            report(QStringLiteral("43"), QStringLiteral("failed"));
        QVERIFY(first.messageCreated && other.messageCreated);
        QVERIFY(first.messageId != other.messageId);
        const WriteOutcome::StatusResult later =
            report(QStringLiteral("42"), QStringLiteral("delivered"));
        QCOMPARE(later.messageId, first.messageId);
        QVERIFY(!later.messageCreated);
        QVERIFY(later.messageUpdated);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"),
                              {first.messageId})
                     .toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT status FROM messages WHERE id = ?"),
                              {other.messageId})
                     .toString(),
                 QStringLiteral("failed"));
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT device_id FROM messages WHERE id = ?"),
                              {other.messageId})
                     .toString(),
                 QStringLiteral("43"));
        QCOMPARE(
            m_temp
                ->scalar(QStringLiteral("SELECT sim FROM messages WHERE id = ?"), {other.messageId})
                .toInt(),
            0);
    }

    // A report on an inbound message (the gateway's "Incoming SMS") joins that message's
    // history, with its device; it never creates or touches an outbound message.
    void inboundReportsJoinTheInboundMessage()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        WriteJob incoming;
        MessageRow message = inbound(QStringLiteral("987654"));
        message.provider = QStringLiteral("android-gateway");
        message.dedupeKey = QStringLiteral("android-gateway:42:987654");
        message.deviceId = QStringLiteral("42");
        message.sim = 1;
        incoming.messages.append(message);
        const auto stored = write(writer, incoming);
        QVERIFY(stored && stored->ok());
        const qint64 inboundId = stored->messages[0].id;

        const auto report = [&](const QString& device) {
            StatusRow row;
            row.concerns = StatusRow::Concerns::Inbound;
            row.provider = QStringLiteral("android-gateway");
            row.providerMessageId = QStringLiteral("987654");
            row.deviceId = device;
            row.sim = 1;
            row.status = QStringLiteral("received");
            row.rawStatus = QStringLiteral("5");
            row.detail = QStringLiteral("Incoming SMS");
            row.dedupeKey = QStringLiteral("android-gateway:%1:987654:status:5").arg(device);
            WriteJob job;
            job.statuses.append(row);
            job.requestLog = logRow(QByteArray("{\"status_id\":5}"));
            job.requestLog->linkedStatus = 0;
            return write(writer, job);
        };
        auto outcome = report(QStringLiteral("42"));
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(outcome->statuses[0].messageId, inboundId);
        QVERIFY(outcome->statuses[0].historyAdded);
        QVERIFY(!outcome->statuses[0].messageCreated);
        QVERIFY(!outcome->statuses[0].messageUpdated);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toLongLong(),
                 inboundId);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toString(),
                 QStringLiteral("accepted"));

        // The same report again is a duplicate.
        outcome = report(QStringLiteral("42"));
        QVERIFY(outcome && outcome->ok());
        QVERIFY(!outcome->statuses[0].historyAdded);
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toString(),
                 QStringLiteral("duplicate"));

        // Another device's message of that id is not there: the report is only logged.
        outcome = report(QStringLiteral("43"));
        QVERIFY(outcome && outcome->ok());
        QCOMPARE(outcome->statuses[0].messageId, 0);
        QVERIFY(!outcome->statuses[0].historyAdded);
        QVERIFY(m_temp
                    ->scalar(QStringLiteral("SELECT message_id FROM request_log WHERE id = ?"),
                             {outcome->requestLogId})
                    .isNull());
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT outcome FROM request_log WHERE id = ?"),
                              {outcome->requestLogId})
                     .toString(),
                 QStringLiteral("accepted"));

        QCOMPARE(m_temp->count(QStringLiteral("messages")), 1);
        QCOMPARE(
            m_temp->count(QStringLiteral("messages"), QStringLiteral("direction = 'outbound'")), 0);
        QCOMPARE(m_temp->count(QStringLiteral("message_status")), 1);
        QCOMPARE(m_temp->scalar(QStringLiteral("SELECT status FROM messages")).toString(),
                 QStringLiteral("received"));
    }

    // A message first known from its report keeps what the report says of it.
    void reportsKeepTheMessageText()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        StatusRow row = statusRow(QStringLiteral("Z-7"), QStringLiteral("delivered"),
                                  QStringLiteral("delivered"), std::nullopt);
        row.text = QStringLiteral("Test outbound SMS with media 🙂");
        row.media = {QStringLiteral("https://example.com/media1.jpg")};
        row.segments = 2;
        WriteJob job;
        job.statuses.append(row);
        const auto outcome = write(writer, job);
        QVERIFY(outcome && outcome->ok());
        QVERIFY(outcome->statuses[0].messageCreated);
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral("SELECT text, media, segments, device_id, sim, "
                                          "direction FROM messages")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Test outbound SMS with media 🙂"));
        QCOMPARE(QJsonDocument::fromJson(query.value(1).toByteArray()).array(),
                 QJsonArray{QStringLiteral("https://example.com/media1.jpg")});
        QCOMPARE(query.value(2).toInt(), 2);
        QVERIFY(query.value(3).isNull());
        QVERIFY(query.value(4).isNull());
        QCOMPARE(query.value(5).toString(), QStringLiteral("outbound"));
    }

    void messageDetailsAreStored()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        WriteJob job;
        MessageRow gateway = inbound(QStringLiteral("g-1"));
        gateway.provider = QStringLiteral("android-gateway");
        gateway.did = QStringLiteral(""); // a device no number is provisioned for
        gateway.deviceId = QStringLiteral("42");
        gateway.sim = 1;
        MessageRow pbx = inbound(QStringLiteral("p-1"));
        pbx.serviceId = QStringLiteral("100234");
        MessageRow zonitel = inbound(QStringLiteral("z-1"));
        zonitel.provider = QStringLiteral("zonitel");
        zonitel.segments = 3;
        job.messages = {gateway, pbx, zonitel};
        const auto outcome = write(writer, job);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), qPrintable(outcome->reason));
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT did, device_id, sim, service_id, segments FROM messages ORDER BY id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QString());
        QCOMPARE(query.value(1).toString(), QStringLiteral("42"));
        QCOMPARE(query.value(2).toInt(), 1);
        QVERIFY(query.value(3).isNull());
        QVERIFY(query.value(4).isNull());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), kDid);
        QVERIFY(query.value(1).isNull());
        QVERIFY(query.value(2).isNull());
        QCOMPARE(query.value(3).toString(), QStringLiteral("100234"));
        QVERIFY(query.next());
        QCOMPARE(query.value(4).toInt(), 3);
    }

    // The response that answered a message's webhook is kept with it; its retry (a duplicate)
    // gets it back.
    void responsesComeBackWithDuplicates()
    {
        MessageWriter writer(m_temp->database(), m_clock);
        const auto first = write(writer, messageJob(QStringLiteral("r-1")));
        QVERIFY(first && first->ok());
        const qint64 id = first->messages[0].id;
        auto again = write(writer, messageJob(QStringLiteral("r-1")));
        QVERIFY(again && again->ok());
        QCOMPARE(again->messages[0].kind, Kind::Duplicate);
        QVERIFY(again->messages[0].response.isNull()); // none recorded

        // Not a raw string: moc (Qt 6.4) misreads raw strings holding a double slash.
        const QString body =
            QStringLiteral("{\"media\":[\"https://e.com/r.png\"],\"reply\":\"Hi 🙂\"}");
        WriteJob reply;
        MessageRow out = inbound(QStringLiteral("reply-1"));
        out.direction = MessageRow::Direction::Outbound;
        out.status = QStringLiteral("sent");
        out.dedupeKey = QStringLiteral("reply:pbx:r-1");
        reply.messages.append(out);
        reply.response = WriteJob::Response{id, body};
        const auto recorded = write(writer, reply);
        QVERIFY(recorded);
        QVERIFY2(recorded->ok(), qPrintable(recorded->reason));
        again = write(writer, messageJob(QStringLiteral("r-1")));
        QVERIFY(again && again->ok());
        QCOMPARE(again->messages[0].id, id);
        QCOMPARE(again->messages[0].response, body);
        QCOMPARE(again->messages[0].response.toUtf8(), body.toUtf8());

        // A response for a message that is not stored is refused with its job.
        WriteJob orphan;
        orphan.response = WriteJob::Response{id + 1000, body};
        const auto refused = write(writer, orphan);
        QVERIFY(refused);
        QCOMPARE(refused->failure, Failure::JobRejected);
        QCOMPARE(m_temp->count(QStringLiteral("messages")), 2);
    }

    void migrationFromVersion2KeepsRows()
    {
        // A fresh store of its own, brought to version 2 by hand.
        test::TempDatabase temp(m_temp.backend());
        QString error;
        QVERIFY2(temp.create(&error), qPrintable(error));
        {
            QSqlDatabase raw = temp.database().openConnection(QStringLiteral("raw"), &error);
            QVERIFY2(raw.isValid(), qPrintable(error));
            QVERIFY2(Migrations::migrateTo(raw, m_temp.backend(), 2, &error), qPrintable(error));
            QCOMPARE(Migrations::currentVersion(raw), 2);
            QVERIFY(!raw.tables().contains(QStringLiteral("request_log")));
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO numbers (e164, label, provider, created_at, updated_at) "
                "VALUES ('+14045559999', 'Front desk', 'pbx', 1, 2)")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO messages (direction, provider, number_id, did, remote, text, status, "
                "received_at, dedupe_key) VALUES ('inbound', 'pbx', "
                "(SELECT id FROM numbers), '+14045559999', '+17705551234', 'kept', 'received', "
                "5, 'pbx:old')")));
            query.finish();
            const QString name = raw.connectionName();
            raw = QSqlDatabase();
            Database::closeConnection(name);
        }
        QVERIFY2(temp.database().open(&error), qPrintable(error));
        QCOMPARE(temp.database().schemaVersion(), Migrations::latestVersion());
        QSqlDatabase upgraded = temp.database().connection();
        const QStringList tables = upgraded.tables();
        QVERIFY(tables.contains(QStringLiteral("request_log")));
        QVERIFY(tables.contains(QStringLiteral("message_status")));

        QSqlQuery query(upgraded);
        QVERIFY(query.exec(QStringLiteral("SELECT m.text, m.dedupe_key, n.label, n.path_token "
                                          "FROM messages m JOIN numbers n ON n.id = m.number_id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("kept"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("pbx:old"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("Front desk"));
        QVERIFY(query.value(3).isNull());
        QVERIFY(!query.next());

        // Path tokens are unique; several numbers may have none.
        QVERIFY(query.exec(QStringLiteral("INSERT INTO numbers (e164, provider, created_at, "
                                          "updated_at) VALUES ('+14045550001', 'pbx', 1, 1)")));
        QVERIFY(query.exec(QStringLiteral("UPDATE numbers SET path_token = 'tok-a' WHERE e164 = "
                                          "'+14045559999'")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE numbers SET path_token = 'tok-a' WHERE e164 = "
                                           "'+14045550001'")));

        // Deleting a message keeps its log rows (unlinked) and drops its status history.
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO request_log (received_at, outcome, body, message_id) "
                     "SELECT 6, 'accepted', NULL, id FROM messages")),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO message_status (message_id, status, received_at, dedupe_key) "
            "SELECT id, 'sent', 6, 'k' FROM messages")));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM messages")));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COUNT(message_id) FROM request_log")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toInt(), 0);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM message_status")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
};

// WAL checkpoints are SQLite's: these cases have no "postgres" row.
class TestMessageWriterOnSqlite : public MessageWriterTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(test::StoreFixture::Rows::SqliteOnly); }

    void idleWriterCheckpoints()
    {
        MessageWriter::Options options;
        options.idleCheckpointMs = 50;
        MessageWriter writer(m_temp->database(), m_clock, options);
        QCOMPARE(writer.statistics().checkpoints, 0);
        QVERIFY(write(writer, messageJob(QStringLiteral("wal")))->ok());
        QTRY_COMPARE(writer.statistics().checkpoints, 1);
        // Nothing written since: no further checkpoints while idle.
        QTest::qWait(4 * options.idleCheckpointMs);
        QCOMPARE(writer.statistics().checkpoints, 1);
        QVERIFY(write(writer, messageJob(QStringLiteral("wal-2")))->ok());
        QTRY_COMPARE(writer.statistics().checkpoints, 2);
    }
};

SMSDESK_TEST_GUILESS_MAIN(TestMessageWriter, TestMessageWriterOnSqlite)
#include "TestMessageWriter.moc"
