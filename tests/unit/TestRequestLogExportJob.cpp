// RequestLogExportJob against real stores: SQLite files in a temporary folder, and PostgreSQL
// when SMSDESK_TEST_PG names a server, read through a real DatabaseWorker; the JSON Lines
// written to real files and parsed back. Rows are written by MessageWriter jobs, as the
// listener writes them.

#include "FakeClock.h"
#include "TempDatabase.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"
#include "store/RequestLogExportJob.h"
#include "store/RequestLogJsonWriter.h"
#include "store/RequestLogReader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>

using namespace smsdesk;
using Backend = DatabaseConfig::Backend;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
constexpr int kRows = 160;              // more than three pages
constexpr int kBigBodyBytes = 20'000;   // beyond the reader's body preview

RequestLogRow refused(int n)
{
    RequestLogRow row;
    row.receivedAtMs = kBase + n * 1000;
    row.peer = QStringLiteral("203.0.113.5:53211");
    row.method = QStringLiteral("POST");
    row.target = QStringLiteral("/webhooks/pbx?n=%1").arg(n);
    row.headers = {{"Host", "desk.example.com"},
                   {"Authorization", RequestLogRow::RedactedValue},
                   {"Content-Type", "application/x-www-form-urlencoded"}};
    row.body = "n=" + QByteArray::number(n);
    row.bodySize = row.body.size();
    row.provider = n % 3 == 0 ? QStringLiteral("zonitel") : QStringLiteral("pbx");
    row.outcome = QStringLiteral("refused-auth");
    row.reason = QStringLiteral("refused for the test");
    row.responseStatus = 401;
    row.responseBody = QStringLiteral("unauthorized");
    row.latencyUs = 1500;
    return row;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> readLines(const QString& path)
{
    QList<QJsonObject> objects;
    for (const QByteArray& line : fileBytes(path).split('\n')) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

QList<qint64> lineIds(const QList<QJsonObject>& lines)
{
    QList<qint64> ids;
    for (const QJsonObject& line : lines)
        ids.append(qint64(line.value(QStringLiteral("id")).toDouble()));
    return ids;
}

} // namespace

class TestRequestLogExportJob : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<QTemporaryDir> m_dir;
    test::FakeClock m_clock;
    QList<qint64> m_ids; // of the rows written, oldest first
    qint64 m_bigId = 0;  // the row with a body beyond the preview

    QSqlDatabase db() { return m_temp->database().connection(); }

    // The ids of every entry `filter` lets through, newest first, read directly.
    QList<qint64> expected(const RequestLogFilter& filter)
    {
        const RequestLogReader reader(db());
        QList<qint64> ids;
        for (const RequestLogEntry& entry : reader.page(filter, std::nullopt, 100000))
            ids.append(entry.id);
        if (!reader.lastError().isEmpty())
            qWarning("page failed: %s", qPrintable(reader.lastError()));
        return ids;
    }

    // The JSON Lines of the whole entries `ids`, in that order, as RequestLogJsonWriter
    // writes them.
    QByteArray wholeLines(const QList<qint64>& ids)
    {
        const RequestLogReader reader(db());
        QByteArray lines;
        for (const qint64 id : ids) {
            const std::optional<RequestLogEntry> entry = reader.find(id);
            if (!entry)
                qWarning("entry %lld not found", id);
            else
                lines += RequestLogJsonWriter::toLine(*entry);
        }
        return lines;
    }

    struct Run
    {
        bool ended = false;
        bool ok = false;
        int written = -1;
        QString error;
        QList<int> progress;
    };

    // Runs `job` (started by `start`) to its end.
    static Run run(RequestLogExportJob& job, const std::function<void()>& start)
    {
        Run result;
        const QMetaObject::Connection progress =
            QObject::connect(&job, &RequestLogExportJob::progressed,
                             [&result](qint64 written) { result.progress.append(int(written)); });
        QSignalSpy finished(&job, &RequestLogExportJob::finished);
        QSignalSpy failed(&job, &RequestLogExportJob::failed);
        start();
        result.ended =
            QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000);
        QObject::disconnect(progress);
        if (finished.size() + failed.size() != 1)
            result.ended = false;
        result.ok = !finished.isEmpty();
        if (result.ok)
            result.written = finished.first().first().toInt();
        else if (!failed.isEmpty())
            result.error = failed.first().first().toString();
        return result;
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
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());

        QList<WriteJob> jobs;
        for (int n = 0; n < kRows; ++n) {
            WriteJob job;
            job.requestLog = refused(n);
            if (n == 7) {
                job.requestLog->body = QByteArray(kBigBodyBytes, 'x');
                job.requestLog->bodySize = kBigBodyBytes;
            }
            jobs.append(job);
        }
        MessageWriter writer(m_temp->database(), m_clock);
        m_ids.clear();
        auto outcomes = std::make_shared<QList<WriteOutcome>>();
        for (WriteJob& job : jobs)
            writer.submit(std::move(job), this,
                          [outcomes](WriteOutcome outcome) { outcomes->append(outcome); });
        QVERIFY(QTest::qWaitFor([&] { return outcomes->size() == kRows; }, 30000));
        for (const WriteOutcome& outcome : std::as_const(*outcomes)) {
            QVERIFY(outcome.ok());
            m_ids.append(outcome.requestLogId);
        }
        std::sort(m_ids.begin(), m_ids.end());
        m_bigId = m_ids.at(7);
        QCOMPARE(m_temp->count(QStringLiteral("request_log")), qint64(kRows));

        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY2(m_worker->isReady(), qPrintable(m_worker->openError()));
    }

    void cleanup()
    {
        m_worker.reset();
        m_temp.reset();
        m_dir.reset();
    }

    void filteredExportPagesThroughEveryRow()
    {
        RequestLogFilter filter;
        filter.providers = QStringList{QStringLiteral("pbx")};
        const QList<qint64> rows = expected(filter);
        int pbx = 0;
        for (int n = 0; n < kRows; ++n)
            pbx += n % 3 == 0 ? 0 : 1;
        QCOMPARE(rows.size(), pbx);
        QVERIFY(pbx > 2 * RequestLogExportJob::PageSize);

        const QString path = m_dir->filePath(QStringLiteral("pbx.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startFiltered(path, filter); });
        QVERIFY(result.ended);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.written, int(rows.size()));
        QCOMPARE(job.written(), int(rows.size()));
        QCOMPARE(job.path(), path);
        QVERIFY(!job.isRunning());
        // One page of PageSize at a time: progress after each page but the last.
        QCOMPARE(result.progress,
                 (QList<int>{RequestLogExportJob::PageSize, 2 * RequestLogExportJob::PageSize}));

        // Exactly the lines of the whole entries, newest first like the list.
        QCOMPARE(fileBytes(path), wholeLines(rows));
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lineIds(lines), rows);
        for (const QJsonObject& line : lines) {
            QCOMPARE(line.value(QStringLiteral("provider")).toString(), QStringLiteral("pbx"));
            QCOMPARE(line.value(QStringLiteral("body_truncated")).toBool(), false);
        }
        // Whole bodies, beyond the preview a list reads.
        const int big = int(rows.indexOf(m_bigId));
        QVERIFY(big >= 0);
        QCOMPARE(lines.at(big).value(QStringLiteral("body")).toString().size(), kBigBodyBytes);
        QCOMPARE(lines.at(big).value(QStringLiteral("body_size")).toInt(), kBigBodyBytes);
        // The secret header stays redacted.
        QVERIFY(fileBytes(path).contains("[\"Authorization\",\"[redacted]\"]"));
    }

    void aWholeNumberOfPagesEndsWithAnEmptyOne()
    {
        // 100 rows: two full pages, then an empty one says there are no more.
        RequestLogFilter filter;
        filter.fromMs = kBase + (kRows - 2 * RequestLogExportJob::PageSize) * 1000;
        QCOMPARE(expected(filter).size(), 2 * RequestLogExportJob::PageSize);
        const QString path = m_dir->filePath(QStringLiteral("hundred.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startFiltered(path, filter); });
        QVERIFY(result.ended && result.ok);
        QCOMPARE(result.written, 2 * RequestLogExportJob::PageSize);
        QCOMPARE(fileBytes(path), wholeLines(expected(filter)));
    }

    void nothingToExportWritesAnEmptyFile()
    {
        RequestLogFilter filter;
        filter.outcomes = QStringList{QStringLiteral("accepted")};
        const QString path = m_dir->filePath(QStringLiteral("none.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startFiltered(path, filter); });
        QVERIFY(result.ended && result.ok);
        QCOMPARE(result.written, 0);
        QVERIFY(result.progress.isEmpty());
        QFile file(path);
        QVERIFY(file.exists());
        QCOMPARE(file.size(), qint64(0));
    }

    void selectionKeepsItsOrderWithUnstoredRowsFirst()
    {
        // Rows a view knows without a log row come first; ids no longer stored are left out.
        RequestLogEntry live;
        live.id = -1;
        live.receivedAtMs = kBase + 999'000;
        live.peer = QStringLiteral("127.0.0.1:40000");
        live.method = QStringLiteral("POST");
        live.target = QStringLiteral("/webhooks/pbx");
        live.outcome = QStringLiteral("store-unavailable");
        live.responseStatus = 503;
        QList<qint64> ids;
        for (int i = 0; i < 60; ++i)
            ids.append(m_ids.at((i * 37) % kRows)); // in no order the store keeps, each once
        ids.insert(30, m_ids.constLast() + 1000);   // never stored
        const QString path = m_dir->filePath(QStringLiteral("selection.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startSelection(path, ids, {live}); });
        QVERIFY(result.ended);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.written, 61);
        // The first page: the live row, and 49 of the first 50 ids (one is not stored).
        QCOMPARE(result.progress, QList<int>{RequestLogExportJob::PageSize});

        QList<qint64> stored;
        for (const qint64 id : std::as_const(ids)) {
            if (id != m_ids.constLast() + 1000)
                stored.append(id);
        }
        QCOMPARE(fileBytes(path), RequestLogJsonWriter::toLine(live) + wholeLines(stored));
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lineIds(lines), QList<qint64>{-1} + stored);
        QCOMPARE(lines.first().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("store-unavailable"));
        QCOMPARE(lines.first().value(QStringLiteral("response_status")).toInt(), 503);
    }

    void aFolderThatDoesNotExistFails()
    {
        const QString path = m_dir->filePath(QStringLiteral("missing/x.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startFiltered(path, {}); });
        QVERIFY(result.ended);
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!job.isRunning());
    }

    void cancelLeavesAnExistingFileAsItWas()
    {
        const QString path = m_dir->filePath(QStringLiteral("kept.jsonl"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old\n");
        }
        RequestLogExportJob job(*m_worker);
        // Cancelled while the first page is being written: it stops before the second.
        const Run result = run(job, [&] {
            job.startFiltered(path, {});
            job.cancel();
        });
        QVERIFY(result.ended);
        QVERIFY(!result.ok);
        QCOMPARE(result.error, QStringLiteral("cancelled"));
        QVERIFY(job.isCancelled());
        QCOMPARE(result.progress, QList<int>{RequestLogExportJob::PageSize});
        QCOMPARE(fileBytes(path), QByteArray("old\n"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("kept.jsonl")});
    }

    void aStoreErrorLeavesNothing()
    {
        // The table is gone (renamed away): every read of it fails.
        QSqlQuery rename(db());
        QVERIFY(rename.exec(QStringLiteral("ALTER TABLE request_log RENAME TO request_log_gone")));
        rename.finish();
        const QString path = m_dir->filePath(QStringLiteral("broken.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] { job.startFiltered(path, {}); });
        QVERIFY(result.ended);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("request_log")), qPrintable(result.error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());
    }

    void aJobRunsOnce()
    {
        const QString first = m_dir->filePath(QStringLiteral("first.jsonl"));
        const QString second = m_dir->filePath(QStringLiteral("second.jsonl"));
        RequestLogExportJob job(*m_worker);
        const Run result = run(job, [&] {
            job.startFiltered(first, {});
            job.startFiltered(second, {}); // ignored: the job is running
        });
        QVERIFY(result.ended && result.ok);
        QCOMPARE(result.written, kRows);
        QVERIFY(!QFile::exists(second));
        QCOMPARE(job.path(), first);
    }
};

QTEST_GUILESS_MAIN(TestRequestLogExportJob)
#include "TestRequestLogExportJob.moc"
