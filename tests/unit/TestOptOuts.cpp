// Opt-outs on real stores (SQLite files, and PostgreSQL when SMSDESK_TEST_PG names a server):
// migration 11's trigger reads every inbound message MessageWriter stores the way
// OptOutKeywords does (STOP, START … as the whole text, any case) and keeps one row per (number,
// remote) in the same transaction; OptOutRepository reads and exports them; the outbox refuses
// to queue or to send to a remote that opted out (OPTED-OUT), before anything goes on the wire.

#include "FakeClock.h"
#include "TempDatabase.h"
#include "outbound/OutboundErrorCatalogue.h"
#include "outbound/OutboxStore.h"
#include "rules/OptOutKeywords.h"
#include "store/MessageWriter.h"
#include "store/NumberRepository.h"
#include "store/OptOutRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace smsdesk;
using Backend = DatabaseConfig::Backend;
using OptOut = OptOutRepository::OptOut;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const QString kDid = QStringLiteral("+14045559999");
const QString kOtherDid = QStringLiteral("+14045558888");
const QString kAlice = QStringLiteral("+17705551234");
const QString kBob = QStringLiteral("+17705550000");

MessageRow inbound(const QString& did, const QString& remote, const QString& text, qint64 atMs)
{
    MessageRow row;
    row.direction = MessageRow::Direction::Inbound;
    row.provider = QStringLiteral("oncloud");
    row.did = did;
    row.remote = remote;
    row.text = text;
    row.status = QStringLiteral("received");
    row.receivedAtMs = atMs;
    return row;
}

} // namespace

class TestOptOuts : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> m_temp;
    test::FakeClock m_clock{QDateTime::fromMSecsSinceEpoch(kBase + 3'600'000, Qt::UTC)};

    QSqlDatabase db() { return m_temp->database().connection(); }

    // Stores the messages as the listener does (MessageWriter: one transaction); their ids.
    QList<qint64> store(const QList<MessageRow>& rows)
    {
        MessageWriter writer(m_temp->database(), m_clock);
        WriteJob job;
        job.messages = rows;
        std::optional<WriteOutcome> outcome;
        writer.submit(job, this, [&outcome](WriteOutcome result) { outcome = result; });
        QList<qint64> ids;
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok()) {
            qWarning("write failed: %s", outcome ? qPrintable(outcome->reason) : "timeout");
            return ids;
        }
        writer.drainAndStop();
        for (const WriteOutcome::MessageResult& result : outcome->messages)
            ids.append(result.id);
        return ids;
    }

    std::optional<OptOut> find(const QString& did, const QString& remote)
    {
        const OptOutRepository repository(db());
        std::optional<OptOut> found = repository.find(did, remote);
        if (!repository.lastError().isEmpty())
            qWarning("find: %s", qPrintable(repository.lastError()));
        return found;
    }

    qint64 provision(const QString& did)
    {
        NumberRecord number;
        number.e164 = did;
        number.provider = QStringLiteral("oncloud");
        number.hasSecret = true;
        NumberRepository numbers(db(), m_clock);
        if (!numbers.insert(number))
            qWarning("number: %s", qPrintable(numbers.lastError()));
        return number.id;
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

    // The store reads a text exactly as OptOutKeywords::effectOf() does.
    void triggerAgreesWithTheKeywords()
    {
        const QStringList texts = {
            QStringLiteral("STOP"),
            QStringLiteral("stop"),
            QStringLiteral("  Stop. "),
            QStringLiteral("\tSTOP!\n"),
            QStringLiteral("Stop!!.."),
            QStringLiteral("stopall"),
            QStringLiteral("Unsubscribe"),
            QStringLiteral("cancel"),
            QStringLiteral("End"),
            QStringLiteral("QUIT"),
            QStringLiteral("start"),
            QStringLiteral("Unstop"),
            QStringLiteral("yes!"),
            QStringLiteral("please don't stop"),
            QStringLiteral("STOP it"),
            QStringLiteral("stopp"),
            QStringLiteral("S TOP"),
            QStringLiteral("."),
            QStringLiteral(""),
            QStringLiteral("Yes, see you at 10"),
            QStringLiteral("\u00a1STOP"),
        };
        QList<MessageRow> rows;
        for (int i = 0; i < texts.size(); ++i)
            rows << inbound(kDid, QStringLiteral("+1770555%1").arg(3000 + i), texts.at(i),
                            kBase + i);
        const QList<qint64> ids = store(rows);
        QCOMPARE(ids.size(), texts.size());
        for (int i = 0; i < texts.size(); ++i) {
            const OptOutKeywords::Effect effect = OptOutKeywords::effectOf(texts.at(i));
            const std::optional<OptOut> row =
                find(kDid, QStringLiteral("+1770555%1").arg(3000 + i));
            QVERIFY2(row.has_value() == (effect != OptOutKeywords::Effect::None),
                     qPrintable(texts.at(i)));
            if (!row)
                continue;
            QCOMPARE(row->optedOut, effect == OptOutKeywords::Effect::OptOut);
            QCOMPARE(row->messageId, ids.at(i));
            QCOMPARE(row->changedAtMs, kBase + i);
            QCOMPARE(row->keyword, OptOutKeywords::keywordOf(texts.at(i)));
        }
        QCOMPARE(find(kDid, QStringLiteral("+17705553000"))->keyword, QStringLiteral("STOP"));
        QCOMPARE(find(kDid, QStringLiteral("+17705553003"))->keyword, QStringLiteral("STOP"));
    }

    void stopThenStartPerNumber()
    {
        QCOMPARE(store({inbound(kDid, kAlice, QStringLiteral("Hi there"), kBase),
                        inbound(kDid, kAlice, QStringLiteral("STOP"), kBase + 1000)})
                     .size(),
                 2);
        std::optional<OptOut> alice = find(kDid, kAlice);
        QVERIFY(alice && alice->optedOut);
        QCOMPARE(alice->did, kDid);
        QCOMPARE(alice->remote, kAlice);
        // Per number: Alice still gets messages from our other number.
        QVERIFY(!find(kOtherDid, kAlice));
        // Ours saying STOP is not her opting out.
        QSqlQuery query(db());
        QVERIFY2(query.exec(QStringLiteral(
                     "INSERT INTO messages (direction, provider, did, remote, text, media, status, "
                     "received_at) VALUES ('outbound', 'oncloud', '+14045559999', '+17705550000', "
                     "'STOP', '[]', 'sent', 1770000005000)")),
                 qPrintable(query.lastError().text()));
        QVERIFY(!find(kDid, kBob));

        // START undoes it; a STOP the provider delivers late (older) does not undo the START.
        const QList<qint64> ids =
            store({inbound(kDid, kAlice, QStringLiteral("Start"), kBase + 5000)});
        QCOMPARE(ids.size(), 1);
        alice = find(kDid, kAlice);
        QVERIFY(alice && !alice->optedOut);
        QCOMPARE(alice->keyword, QStringLiteral("START"));
        QCOMPARE(alice->messageId, ids.first());
        QCOMPARE(store({inbound(kDid, kAlice, QStringLiteral("stop"), kBase + 2000)}).size(), 1);
        alice = find(kDid, kAlice);
        QVERIFY(alice && !alice->optedOut);
        QCOMPARE(alice->changedAtMs, kBase + 5000);

        // The list, and only those opted out now.
        QCOMPARE(store({inbound(kOtherDid, kBob, QStringLiteral("QUIT"), kBase + 6000)}).size(), 1);
        const OptOutRepository repository(db());
        const std::optional<QList<OptOut>> all = repository.list();
        QVERIFY2(all, qPrintable(repository.lastError()));
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).did, kOtherDid); // by number, then remote
        const std::optional<QList<OptOut>> optedOut = repository.list(true);
        QVERIFY(optedOut);
        QCOMPARE(optedOut->size(), 1);
        QCOMPARE(optedOut->first().remote, kBob);
        const QByteArray csv = OptOutRepository::csv(*all);
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).trimmed(),
                 QByteArray("did,remote,opted_out,keyword,changed_at,message_id"));
        QVERIFY2(lines.at(1).startsWith("+14045558888,+17705550000,true,QUIT,2026-02-02T"),
                 lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("+14045559999,+17705551234,false,START,"),
                 lines.at(2).constData());

        // The message that said it can be deleted; the state stays.
        QVERIFY(query.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(ids.first())));
        alice = find(kDid, kAlice);
        QVERIFY(alice && !alice->optedOut);
        QCOMPARE(alice->messageId, 0);
    }

    // The outbox refuses before anything is stored, and again when it is due.
    void outboxRefusesOptedOut()
    {
        const qint64 numberId = provision(kDid);
        QVERIFY(numberId > 0);
        OutboxStore outbox(db(), m_clock, QTimeZone::utc());
        OutboxStore::QueueResult queued =
            outbox.queue(numberId, kAlice, QStringLiteral("Your order shipped"), {});
        QVERIFY2(queued.ok(), qPrintable(queued.error + queued.refusal));

        // She texts STOP before it is sent: the worker refuses it at claim time.
        QCOMPARE(store({inbound(kDid, kAlice, QStringLiteral("STOP"), kBase + 1000)}).size(), 1);
        const std::optional<OutboxStore::Claim> claim = outbox.claim(QStringLiteral("t"), 60'000);
        QVERIFY2(claim, qPrintable(outbox.lastError()));
        QCOMPARE(claim->messageId, queued.messageId);
        QCOMPARE(claim->refusal, QStringLiteral("OPTED-OUT"));

        // A new message is not stored at all; it says who and when.
        const qint64 before = m_temp->count(QStringLiteral("messages"));
        queued = outbox.queue(numberId, kAlice, QStringLiteral("Are you sure?"), {});
        QVERIFY(!queued.ok());
        QVERIFY(queued.error.isEmpty());
        QCOMPARE(queued.refusal, QStringLiteral("OPTED-OUT"));
        QVERIFY2(queued.refusalDetail.contains(kAlice) &&
                     queued.refusalDetail.contains(QStringLiteral("STOP")),
                 qPrintable(queued.refusalDetail));
        QCOMPARE(m_temp->count(QStringLiteral("messages")), before);
        // Not a provider code, but one with words.
        QVERIFY(!OutboundErrorCatalogue::codes().contains(QStringLiteral("OPTED-OUT")));
        const auto entry = OutboundErrorCatalogue::find(QStringLiteral("OPTED-OUT"));
        QVERIFY(entry && entry->meaning.contains(QStringLiteral("opted out")));
        // Others still get messages, and so does she once she texts START.
        QVERIFY(outbox.queue(numberId, kBob, QStringLiteral("Hello"), {}).ok());
        QCOMPARE(store({inbound(kDid, kAlice, QStringLiteral("START"), kBase + 2000)}).size(), 1);
        QVERIFY(outbox.queue(numberId, kAlice, QStringLiteral("Welcome back"), {}).ok());
    }
};

QTEST_MAIN(TestOptOuts)
#include "TestOptOuts.moc"
