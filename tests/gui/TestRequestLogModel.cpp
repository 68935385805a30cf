// RequestLogModel over a real SQLite store, read through a DatabaseWorker: pages fetched
// lazily, filters, live rows from the listener coalesced, paused and de-duplicated.

#include "FakeClock.h"
#include "TempDatabase.h"
#include "inspector/RequestLogModel.h"
#include "inspector/RequestTimeDelegate.h"
#include "store/DatabaseWorker.h"
#include "store/MessageWriter.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace smsdesk;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const int kRows = 450;

QString outcomeOf(int i)
{
    static const QStringList outcomes = {QStringLiteral("refused-auth"),
                                         QStringLiteral("unknown-path"),
                                         QStringLiteral("malformed")};
    return outcomes.at(i % 3);
}

RequestLogRow logRow(qint64 receivedAtMs, const QString& outcome, const QByteArray& body)
{
    RequestLogRow row;
    row.receivedAtMs = receivedAtMs;
    row.peer = QStringLiteral("203.0.113.5:53211");
    row.method = QStringLiteral("POST");
    row.target = QStringLiteral("/webhooks/pbx");
    row.headers = {{"Host", "desk.example.com"}};
    row.body = body;
    row.bodySize = body.size();
    row.provider = QStringLiteral("pbx");
    row.outcome = outcome;
    row.responseStatus = 401;
    row.latencyUs = 2500;
    return row;
}

ListenerEvent liveEvent(qint64 id, qint64 receivedAtMs,
                        const QString& outcome = QStringLiteral("refused-auth"))
{
    ListenerEvent e;
    e.requestLogId = id;
    e.receivedAtMs = receivedAtMs;
    e.peer = QStringLiteral("198.51.100.7:40000");
    e.method = QStringLiteral("POST");
    e.target = QStringLiteral("/webhooks/zonitel");
    e.provider = QStringLiteral("zonitel");
    e.did = QStringLiteral("+14045559999");
    e.remote = QStringLiteral("+17705551234");
    e.outcome = outcome;
    e.status = outcome == ListenerEvent::accepted() ? 200 : 401;
    e.latencyUs = 1234;
    return e;
}

} // namespace

class TestRequestLogModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    std::unique_ptr<DatabaseWorker> m_worker;
    test::FakeClock m_clock;

    // Writes the jobs and returns their request_log ids, in order (empty on failure).
    QList<qint64> write(QList<WriteJob> jobs)
    {
        MessageWriter writer(m_temp->database(), m_clock);
        auto ids = std::make_shared<QList<qint64>>(jobs.size(), 0);
        auto done = std::make_shared<int>(0);
        for (int i = 0; i < jobs.size(); ++i) {
            writer.submit(std::move(jobs[i]), this, [ids, done, i](WriteOutcome outcome) {
                (*ids)[i] = outcome.ok() ? outcome.requestLogId : 0;
                ++*done;
            });
        }
        const int expected = static_cast<int>(jobs.size());
        if (!QTest::qWaitFor([&] { return *done == expected; }, 30000) || ids->contains(0))
            return {};
        return *ids;
    }

    // Fetches until everything is loaded.
    bool loadAll(RequestLogModel& model)
    {
        return QTest::qWaitFor(
            [&] {
                if (model.canFetchMore(QModelIndex()))
                    model.fetchMore(QModelIndex());
                return model.atEnd() && !model.isLoading();
            },
            15000);
    }

    qint64 maxId(const RequestLogModel& model)
    {
        qint64 id = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            id = std::max(id, model.entryAt(row).id);
        return id;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<test::TempDatabase>();
        QString error;
        QVERIFY2(m_temp->open(&error), qPrintable(error));
        QList<WriteJob> jobs;
        for (int i = 0; i < kRows; ++i) {
            WriteJob job;
            // Two requests to a millisecond: pages must split equal received_at cleanly.
            job.requestLog =
                logRow(kBase + (i / 2) * 10, outcomeOf(i), "a=" + QByteArray::number(i));
            jobs.append(job);
        }
        QCOMPARE(write(jobs).size(), kRows);
        m_worker = std::make_unique<DatabaseWorker>(m_temp->database());
        QVERIFY2(m_worker->isReady(), qPrintable(m_worker->openError()));
    }

    void cleanup()
    {
        m_worker.reset();
        m_temp.reset();
    }

    void fetchesLazilyInPages()
    {
        // No QAbstractItemModelTester here: it calls fetchMore() on every change, which
        // loads everything (the other tests run it over fully loaded models).
        RequestLogModel model(*m_worker);
        QSignalSpy pages(&model, &RequestLogModel::pageLoaded);
        if (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), RequestLogModel::PageSize);
        QVERIFY(!model.isLoading());
        QVERIFY(model.canFetchMore(QModelIndex()));
        QCOMPARE(pages.count(), 1);

        model.fetchMore(QModelIndex());
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore(QModelIndex())); // one page at a time
        QTRY_COMPARE(model.rowCount(), 2 * RequestLogModel::PageSize);
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), kRows);
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(model.atEnd());
        QVERIFY(!model.canFetchMore(QModelIndex()));
        QCOMPARE(pages.count(), 3);

        // Newest first, every row once.
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const RequestLogEntry& entry = model.entryAt(row);
            QCOMPARE(model.index(row, 0).data(RequestLogModel::IdRole).toLongLong(), entry.id);
            ids.insert(entry.id);
            if (row > 0) {
                const RequestLogEntry& above = model.entryAt(row - 1);
                QVERIFY(above.receivedAtMs > entry.receivedAtMs ||
                        (above.receivedAtMs == entry.receivedAtMs && above.id > entry.id));
            }
        }
        QCOMPARE(ids.size(), kRows);
    }

    void columns()
    {
        RequestLogModel model(*m_worker);
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), RequestLogModel::PageSize);
        QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
        const QModelIndex time = model.index(0, RequestLogModel::TimeColumn);
        const qint64 newest = kBase + ((kRows - 1) / 2) * 10;
        QCOMPARE(time.data(RequestLogModel::UtcTimeRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(newest, Qt::UTC));
        QCOMPARE(time.data().toString(), QDateTime::fromMSecsSinceEpoch(newest, Qt::UTC)
                                             .toLocalTime()
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QCOMPARE(model.index(0, RequestLogModel::PathColumn).data().toString(),
                 QStringLiteral("/webhooks/pbx"));
        QCOMPARE(model.index(0, RequestLogModel::StatusColumn).data().toInt(), 401);
        QCOMPARE(model.index(0, RequestLogModel::LatencyColumn)
                     .data(RequestLogModel::SortRole)
                     .toLongLong(),
                 qint64(2500));
        QCOMPARE(model.headerData(RequestLogModel::OutcomeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Outcome"));

        // Colour plus text, by outcome class.
        model.addLive(liveEvent(900'001, newest + 1, ListenerEvent::accepted()));
        model.addLive(liveEvent(900'002, newest + 2, ListenerEvent::storeFailed()));
        QTRY_COMPARE(model.rowCount(), RequestLogModel::PageSize + 2);
        const QModelIndex failed = model.index(0, RequestLogModel::OutcomeColumn);
        const QModelIndex accepted = model.index(1, RequestLogModel::OutcomeColumn);
        const QModelIndex refused = model.index(2, RequestLogModel::OutcomeColumn);
        QCOMPARE(failed.data().toString(), ListenerEvent::storeFailed());
        QCOMPARE(accepted.data().toString(), ListenerEvent::accepted());
        QCOMPARE(refused.data(RequestLogModel::OutcomeClassRole).toInt(),
                 int(RequestLogModel::OutcomeClass::Refused));
        QCOMPARE(accepted.data(RequestLogModel::OutcomeClassRole).toInt(),
                 int(RequestLogModel::OutcomeClass::Ok));
        QCOMPARE(failed.data(RequestLogModel::OutcomeClassRole).toInt(),
                 int(RequestLogModel::OutcomeClass::Failed));
        const QSet<QRgb> colours = {failed.data(Qt::ForegroundRole).value<QColor>().rgb(),
                                    accepted.data(Qt::ForegroundRole).value<QColor>().rgb(),
                                    refused.data(Qt::DecorationRole).value<QColor>().rgb()};
        QCOMPARE(colours.size(), 3);
        QCOMPARE(model.index(1, RequestLogModel::PartiesColumn).data().toString(),
                 QStringLiteral("+17705551234 \u2192 +14045559999"));
    }

    void filterReloadsFromTheTop()
    {
        RequestLogModel model(*m_worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadAll(model));
        const int loaded = model.rowCount();
        QCOMPARE(loaded, kRows);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        RequestLogFilter filter;
        filter.outcomes = {QStringLiteral("unknown-path")};
        model.setFilter(filter);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(),
                     kRows / 3 < RequestLogModel::PageSize ? kRows / 3 : RequestLogModel::PageSize);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRows / 3);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.entryAt(row).outcome, QStringLiteral("unknown-path"));

        // Back to everything, from the top again.
        model.setFilter({});
        QCOMPARE(reset.count(), 2);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRows);
    }

    // A text filter reads the log a window of ids at a time: with fewer matches than a page it
    // reads on by itself to the oldest row, reporting progress; with more, it stops at a page.
    void textFilterScansWindowByWindow()
    {
        RequestLogModel model(*m_worker);
        model.setScanWindow(50);
        // A view fetches more when rows arrive (connected before the tester,
        // which fetches on rowsAboutToBeInserted): while the scan goes on it must not start a
        // second one (two scans overwrote each other's place and skipped a window).
        int fetchableWhileSearching = 0;
        connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] {
            if (model.isSearching() && model.canFetchMore(QModelIndex()))
                ++fetchableWhileSearching;
        });
        // Nor on the reset that starts it: the model loads by itself then.
        connect(&model, &QAbstractItemModel::modelReset, this, [&] {
            if (model.canFetchMore(QModelIndex()))
                ++fetchableWhileSearching;
        });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy progress(&model, &RequestLogModel::searchChanged);

        RequestLogFilter few;
        few.text = QStringLiteral("a=1"); // a=1, a=10..19, a=100..199
        model.setFilter(few);
        QVERIFY(model.isSearching());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isSearching(), 15000);
        QCOMPARE(model.rowCount(), 111);
        QCOMPARE(fetchableWhileSearching, 0);
        QVERIFY(model.atEnd());
        QCOMPARE(model.searchProgress(), 1.0);
        QVERIFY(progress.count() >= kRows / 50); // one report per window at least
        QCOMPARE(progress.constLast().at(0).toBool(), false);
        double previous = -1;
        for (const QList<QVariant>& report : std::as_const(progress)) {
            QVERIFY(report.at(1).toDouble() >= previous);
            previous = report.at(1).toDouble();
        }
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entryAt(row - 1).id > model.entryAt(row).id);
        // (The list's rows carry no body: the store has it.)
        const RequestLogReader reader(m_temp->database().connection());
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(reader.find(model.entryAt(row).id)->body.startsWith("a=1"));

        // No QAbstractItemModelTester here: it fetches on its own.
        RequestLogModel paged(*m_worker);
        paged.setScanWindow(50);
        RequestLogFilter many;
        many.text = QStringLiteral("a=");
        paged.setFilter(many);
        QTRY_VERIFY_WITH_TIMEOUT(!paged.isSearching() && !paged.isLoading(), 15000);
        QVERIFY(paged.rowCount() >= RequestLogModel::PageSize);
        QVERIFY(paged.rowCount() < kRows);
        QVERIFY(!paged.atEnd());
        QVERIFY(paged.searchProgress() < 1.0);
        // Fetching the next page (as a view does) searches again until that page is in.
        paged.fetchMore(QModelIndex());
        QVERIFY(paged.isSearching());
        QTRY_VERIFY_WITH_TIMEOUT(!paged.isSearching() && !paged.isLoading(), 15000);
        QVERIFY(loadAll(paged));
        QCOMPARE(paged.rowCount(), kRows);
    }

    // Live traffic keeps the list at its maximum by dropping the oldest rows, which scrolling
    // down reads again.
    void liveRowsKeepTheListBounded()
    {
        RequestLogModel model(*m_worker);
        model.setMaxRows(kRows + 50);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRows); // within the bound: all of them
        QVERIFY(model.atTop());
        const qint64 firstId = maxId(model) + 1;
        for (int i = 0; i < 60; ++i)
            model.addLive(liveEvent(firstId + i, kBase + 100'000 + i));
        QTRY_COMPARE(model.rowCount(), kRows + 50);
        QCOMPARE(model.entryAt(0).id, firstId + 59);
        QVERIFY(!model.atEnd());
        QVERIFY(model.canFetchMore(QModelIndex()));

        // Every row is still there to be read (the window moves down: the newest go then).
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.entryAt(row).id);
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex&, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        ids.insert(model.entryAt(row).id);
                });
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRows + 50);
        QCOMPARE(ids.size(), kRows + 60);
    }

    // Scrolling down through the whole log: the model keeps a window of at most maxRows()
    // rows, letting go of the newest; scrolling back up reads them again, in order.
    void scrollingDownKeepsABoundedWindow()
    {
        // The whole list, for comparison.
        RequestLogModel whole(*m_worker);
        QVERIFY(loadAll(whole));
        QCOMPARE(whole.rowCount(), kRows);
        QList<qint64> order;
        for (int row = 0; row < whole.rowCount(); ++row)
            order.append(whole.entryAt(row).id);

        RequestLogModel model(*m_worker);
        model.setMaxRows(RequestLogModel::PageSize);
        QCOMPARE(model.maxRows(), RequestLogModel::PageSize);
        // No QAbstractItemModelTester: it fetches more on every change, which would undo
        // every step back up (fetchesLazilyInPages says the same).
        int most = 0;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&] { most = std::max(most, model.rowCount()); });
        // The window is always a run of the whole list, in its order.
        auto isSlice = [&] {
            const int first = int(order.indexOf(model.entryAt(0).id));
            if (first < 0)
                return false;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (first + row >= order.size() || order.at(first + row) != model.entryAt(row).id)
                    return false;
            }
            return true;
        };
        QVERIFY(loadAll(model));
        QVERIFY(model.rowCount() <= RequestLogModel::PageSize);
        // Never more than a page over the bound, even for a moment (a page goes in, then the
        // excess goes).
        QVERIFY2(most <= 2 * RequestLogModel::PageSize, qPrintable(QString::number(most)));
        QVERIFY(!model.atTop());
        QVERIFY(model.canFetchNewer());
        QCOMPARE(model.entryAt(model.rowCount() - 1).id, order.last()); // the oldest
        QVERIFY(isSlice());
        // Rows are read without their headers and body (the detail pane reads those).
        QVERIFY(model.entryAt(0).headers.isEmpty());
        QVERIFY(model.entryAt(0).body.isEmpty());
        QVERIFY(model.entryAt(0).bodySize > 0);

        // Back up to the top, a page at a time.
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (model.canFetchNewer())
                    model.fetchNewer();
                return model.atTop() && !model.isLoadingNewer();
            },
            15000));
        QVERIFY(model.rowCount() <= RequestLogModel::PageSize);
        QCOMPARE(model.entryAt(0).id, order.first()); // the newest again
        QVERIFY(isSlice());
        QVERIFY(model.canFetchMore(QModelIndex()));
    }

    // While the top of the list is not in the window, live rows wait (like while paused) and
    // come in once it is again.
    void liveRowsWaitWhileScrolledFarDown()
    {
        RequestLogModel model(*m_worker);
        model.setMaxRows(RequestLogModel::PageSize);
        QVERIFY(loadAll(model));
        QVERIFY(!model.atTop());
        const int before = model.rowCount();
        const qint64 firstRow = model.entryAt(0).id;
        model.addLive(liveEvent(900'100, kBase + 100'000));
        QTRY_COMPARE(model.pendingCount(), 1);
        QTest::qWait(2 * RequestLogModel::LiveIntervalMs);
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(model.entryAt(0).id, firstRow);
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (model.canFetchNewer())
                    model.fetchNewer();
                return model.atTop() && !model.isLoadingNewer();
            },
            15000));
        QTRY_COMPARE(model.entryAt(0).id, qint64(900'100));
        QCOMPARE(model.pendingCount(), 0);
    }

    // A status report is about a message we sent: its numbers read our number first, and its
    // kind says what it is. A live row learns both from the store as soon as it is listed.
    void kindAndDirectionOfLiveRows()
    {
        const qint64 now = kBase + 200'000;
        WriteJob report;
        StatusRow status;
        status.provider = QStringLiteral("zonitel");
        status.providerMessageId = QStringLiteral("zt-771");
        status.did = QStringLiteral("+14045559999");
        status.remote = QStringLiteral("+17705551234");
        status.status = QStringLiteral("delivered");
        status.receivedAtMs = now;
        report.statuses.append(status);
        report.requestLog = logRow(now, QString(), "{\"status\":\"delivered\"}");
        report.requestLog->linkedStatus = 0;
        report.requestLog->responseStatus = 0; // logged once answered
        WriteJob message;
        MessageRow row;
        row.provider = QStringLiteral("zonitel");
        row.did = QStringLiteral("+14045559999");
        row.remote = QStringLiteral("+17705551234");
        row.text = QStringLiteral("hello");
        row.status = QStringLiteral("received");
        row.receivedAtMs = now + 1;
        message.messages.append(row);
        message.requestLog = logRow(now + 1, QString(), "{\"text\":\"hello\"}");
        message.requestLog->linkedMessage = 0;
        message.requestLog->responseStatus = 0;
        RequestLogModel model(*m_worker);
        QSignalSpy updated(&model, &RequestLogModel::entryUpdated);
        model.fetchMore(QModelIndex());
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        // Stored after the list was read, as the listener does before it tells.
        const QList<qint64> ids = write({report, message});
        QCOMPARE(ids.size(), 2);
        // What the listener tells: not whether it was a message or a status report.
        ListenerEvent reportEvent = liveEvent(ids.at(0), now, ListenerEvent::accepted());
        reportEvent.messageIds = {1}; // a message id, as the listener tells it
        ListenerEvent messageEvent = liveEvent(ids.at(1), now + 1, ListenerEvent::accepted());
        messageEvent.messageIds = {2};
        model.addLive(reportEvent);
        model.addLive(messageEvent);
        QTRY_COMPARE(model.rowOf(ids.at(0)), 1);
        QCOMPARE(model.rowOf(ids.at(1)), 0);
        const QModelIndex reportKind = model.index(1, RequestLogModel::KindColumn);
        const QModelIndex reportParties = model.index(1, RequestLogModel::PartiesColumn);
        if (updated.isEmpty()) { // not read back yet: it does not say which way it went
            QCOMPARE(reportKind.data(RequestLogModel::KindRole).toInt(),
                     int(RequestLogModel::Kind::Unknown));
            QCOMPARE(reportParties.data().toString(),
                     QStringLiteral("+17705551234 \u2194 +14045559999"));
        }
        QTRY_COMPARE(updated.count(), 2);
        QCOMPARE(reportKind.data(RequestLogModel::KindRole).toInt(),
                 int(RequestLogModel::Kind::StatusReport));
        QCOMPARE(reportKind.data().toString(), QStringLiteral("status report"));
        QCOMPARE(reportParties.data().toString(),
                 QStringLiteral("+14045559999 \u2192 +17705551234"));
        const QModelIndex messageKind = model.index(0, RequestLogModel::KindColumn);
        QCOMPARE(messageKind.data().toString(), QStringLiteral("message in"));
        QCOMPARE(model.index(0, RequestLogModel::PartiesColumn).data().toString(),
                 QStringLiteral("+17705551234 \u2192 +14045559999"));
        // The listener's response stays (the store has none logged yet).
        QCOMPARE(model.index(1, RequestLogModel::StatusColumn).data().toInt(), 200);

        // Read from the store, the same.
        model.reload();
        QTRY_VERIFY(model.rowOf(ids.at(0)) >= 0 && !model.isLoading());
        const int stored = model.rowOf(ids.at(0));
        QCOMPARE(model.index(stored, RequestLogModel::KindColumn).data().toString(),
                 QStringLiteral("status report"));
        QCOMPARE(model.index(stored, RequestLogModel::PartiesColumn).data().toString(),
                 QStringLiteral("+14045559999 \u2192 +17705551234"));
        // The refusals of init(): refused, nothing stored.
        const int refused = model.rowCount() - 1;
        QCOMPARE(model.index(refused, RequestLogModel::KindColumn).data().toString(),
                 QStringLiteral("refused"));
    }

    void timeColumnIsAsPreciseOnEveryRow()
    {
        const QDate today(2026, 2, 13);
        const QDateTime now(today, QTime(15, 4, 5, 678), Qt::LocalTime);
        QCOMPARE(RequestTimeDelegate::text(now.toUTC(), today), QStringLiteral("15:04:05.678"));
        const QString yesterday = RequestTimeDelegate::text(now.addDays(-1).toUTC(), today);
        QVERIFY2(yesterday.endsWith(QStringLiteral(" 15:04:05.678")), qPrintable(yesterday));
        QVERIFY2(yesterday.contains(QStringLiteral("12")), qPrintable(yesterday));
        const QString lastYear = RequestTimeDelegate::text(now.addYears(-1).toUTC(), today);
        QVERIFY2(lastYear.contains(QStringLiteral("2025")) &&
                     lastYear.endsWith(QStringLiteral(" 15:04:05.678")),
                 qPrintable(lastYear));
    }

    void liveRowsAreCoalesced()
    {
        RequestLogModel model(*m_worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadAll(model));
        const int loaded = model.rowCount();
        QCOMPARE(loaded, kRows);
        const qint64 firstId = maxId(model) + 1;

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const qint64 now = kBase + 100'000;
        for (int i = 0; i < 60; ++i)
            model.addLive(liveEvent(firstId + i, now + i));
        QCOMPARE(model.rowCount(), loaded); // not yet: coalesced
        QTRY_COMPARE(model.rowCount(), loaded + 60);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0); // at the top
        QCOMPARE(inserted.first().at(2).toInt(), 59);
        QCOMPARE(model.entryAt(0).id, firstId + 59); // newest first
        QCOMPARE(model.entryAt(59).id, firstId);
        QCOMPARE(model.entryAt(0).responseStatus, 401);
        QCOMPARE(model.entryAt(0).did, QStringLiteral("+14045559999"));

        // Ids already shown (live or read) are skipped; a fresh one right after shows that
        // the batch with them was flushed.
        inserted.clear();
        model.addLive(liveEvent(firstId + 3, now + 3));
        model.addLive(liveEvent(model.entryAt(100).id, now + 200));
        model.addLive(liveEvent(firstId + 1000, now + 1000));
        model.addLive(liveEvent(firstId + 1000, now + 1000));
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), loaded + 61);
        QCOMPARE(model.entryAt(0).id, firstId + 1000);

        // Rows that do not match the filter are not inserted.
        RequestLogFilter filter;
        filter.outcomes = {ListenerEvent::accepted()};
        model.setFilter(filter);
        QTRY_VERIFY(model.atEnd() && !model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        model.addLive(liveEvent(firstId + 2000, now + 2000, ListenerEvent::duplicate()));
        model.addLive(liveEvent(firstId + 2001, now + 2001, ListenerEvent::accepted()));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.entryAt(0).id, firstId + 2001);

        // A page that arrives after live rows does not repeat them.
        // The newest stored row comes live while its page is on its way (either may be first).
        model.setFilter({});
        model.addLive(liveEvent(firstId - 1, kBase + ((kRows - 1) / 2) * 10));
        QVERIFY(loadAll(model));
        QTRY_COMPARE(model.pendingCount(), 0);
        QCOMPARE(model.rowCount(), kRows);
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.entryAt(row).id);
        QCOMPARE(ids.size(), model.rowCount());
    }

    void pauseKeepsRowsBack()
    {
        RequestLogModel model(*m_worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadAll(model));
        const int loaded = model.rowCount();
        QCOMPARE(loaded, kRows);
        const qint64 firstId = maxId(model) + 1;
        const qint64 now = kBase + 100'000;

        QSignalSpy pending(&model, &RequestLogModel::pendingCountChanged);
        model.setPaused(true);
        QVERIFY(model.isPaused());
        for (int i = 0; i < 5; ++i)
            model.addLive(liveEvent(firstId + i, now + i));
        model.addLive(liveEvent(firstId + 2, now + 2)); // the same again
        QCOMPARE(model.pendingCount(), 5);
        // The count is told at most once per coalescing interval.
        QTRY_COMPARE(pending.count(), 1);
        QCOMPARE(pending.last().at(0).toInt(), 5);
        // Several coalescing intervals pass: nothing is inserted while paused.
        QTest::qWait(4 * RequestLogModel::LiveIntervalMs);
        QCOMPARE(model.rowCount(), loaded);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setPaused(false);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), loaded + 5);
        QCOMPARE(model.pendingCount(), 0);
        QCOMPARE(pending.last().at(0).toInt(), 0);
        QCOMPARE(model.entryAt(0).id, firstId + 4);
    }

    // Paused for long under traffic: beyond the maximum the rows are only counted, and resuming
    // reads the top of the log again (the store has every one of them).
    void longPauseIsBounded()
    {
        RequestLogModel model(*m_worker);
        model.setMaxRows(RequestLogModel::PageSize);
        // The top of the list (scrolled to the end, the window would have let go of it: see
        // liveRowsWaitWhileScrolledFarDown).
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), RequestLogModel::PageSize);
        QTRY_VERIFY(!model.isLoading());
        model.setPaused(true);
        const qint64 firstId = maxId(model) + 1;
        for (int i = 0; i < 3 * RequestLogModel::PageSize; ++i)
            model.addLive(liveEvent(firstId + i, kBase + 100'000 + i));
        QCOMPARE(model.pendingCount(), 3 * RequestLogModel::PageSize);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setPaused(false);
        QCOMPARE(reset.count(), 1); // read again from the top
        QCOMPARE(model.pendingCount(), 0);
        QTRY_COMPARE(model.rowCount(), RequestLogModel::PageSize);
        QCOMPARE(model.entryAt(0).id, maxId(model)); // the store's newest first
    }

    void liveTextSearchAsksTheStore()
    {
        // Two new requests, only one with the text in its body.
        WriteJob with;
        with.requestLog = logRow(kBase + 200'000, QStringLiteral("malformed"), "x=needle%1");
        WriteJob without;
        without.requestLog = logRow(kBase + 200'001, QStringLiteral("malformed"), "x=hay");
        const QList<qint64> ids = write({with, without});
        QCOMPARE(ids.size(), 2);

        RequestLogModel model(*m_worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RequestLogFilter filter;
        filter.text = QStringLiteral("NEEDLE%1");
        filter.fromMs = kBase + 150'000; // not the rows of init()
        model.setFilter(filter);
        QTRY_VERIFY(model.atEnd() && !model.isLoading());
        QCOMPARE(model.rowCount(), 1); // read before the live events arrive
        QCOMPARE(model.entryAt(0).id, ids.at(0));

        // Live: the store says which match; the one shown already is skipped.
        model.reload();
        QTRY_VERIFY(model.atEnd() && !model.isLoading());
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        WriteJob later;
        later.requestLog = logRow(kBase + 200'002, QStringLiteral("malformed"), "y=needle%1");
        const QList<qint64> laterIds = write({later});
        QCOMPARE(laterIds.size(), 1);
        model.addLive(liveEvent(ids.at(1), kBase + 200'001, QStringLiteral("malformed")));
        model.addLive(liveEvent(laterIds.at(0), kBase + 200'002, QStringLiteral("malformed")));
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entryAt(0).id, laterIds.at(0));
        QCOMPARE(model.entryAt(0).did, QStringLiteral("+14045559999")); // from the event
        QCOMPARE(model.rowOf(ids.at(1)), -1);
    }
};

QTEST_MAIN(TestRequestLogModel)
#include "TestRequestLogModel.moc"
