// FailureReader, FailureResolutions and FailureCatalogue against real stores: SQLite files in a
// temporary folder, and PostgreSQL when SMSDESK_TEST_PG names a server. The rows are written
// with the store's own schema (outbox sends with their attempts, status reports, request log
// rows with the bodies the providers send); the GUI test fires real webhooks and real sends.

#include "StoreFixture.h"
#include "TestMain.h"
#include "support/FailureCatalogue.h"
#include "support/FailureReader.h"
#include "support/FailureResolutions.h"
#include "support/PbxFallback.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace smsdesk;

namespace {

const qint64 kBase = 1'770'000'000'000; // UTC ms
const QString kOnCloud = QStringLiteral("+14045559999");
const QString kPbx = QStringLiteral("+14045558888");
const QString kGateway = QStringLiteral("+14045557777");
const QString kRemote = QStringLiteral("+17705551234");
const QString kPbxId = QStringLiteral("297abf7f-99d9-4b7d-9c46-1d7c13687b11");
const QString kPbxStoredId = QStringLiteral("3f0e4c11-2222-4b7d-9c46-1d7c13687b11");

QByteArray pbxBody(const QString& messageId)
{
    return QStringLiteral("service_id=77&from=17705551234&sms_number=14045558888&body=Hi&"
                          "message_id=%1&timestamp=1576391654&webhook_url=https%3A%2F%2Fdesk."
                          "example.com%2Fwebhooks%2Fpbx&webhook_url_fallback=night%40example.com")
        .arg(messageId)
        .toUtf8();
}

QStringList keysOf(const QList<FailureEntry>& entries)
{
    QStringList keys;
    for (const FailureEntry& entry : entries)
        keys.append(entry.key);
    return keys;
}

} // namespace

class TestFailureReader : public QObject
{
    Q_OBJECT

    test::StoreFixture m_temp;
    qint64 m_onCloudId = 0;
    qint64 m_pbxId = 0;
    qint64 m_gatewayId = 0;

    QSqlDatabase db() { return m_temp.connection(); }

    qint64 insert(const QString& sql, const QVariantList& values)
    {
        QSqlQuery query(db());
        if (!query.prepare(sql + QStringLiteral(" RETURNING id"))) {
            qWarning("prepare: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next()) {
            qWarning("insert: %s", qPrintable(query.lastError().text()));
            return 0;
        }
        return query.value(0).toLongLong();
    }

    bool exec(const QString& sql, const QVariantList& values)
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning("exec: %s", qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

    qint64 addNumber(const QString& e164, const QString& provider, const QString& fallbackEmail)
    {
        return insert(
            QStringLiteral("INSERT INTO numbers (e164, provider, fallback_email, "
                           "created_at, updated_at) VALUES (?, ?, COALESCE(?, ''), 0, 0)"),
            {e164, provider, fallbackEmail});
    }

    // An outbox send in `status` with `attempts` attempts (the last answered `httpStatus`).
    qint64 addSend(qint64 atMs, const QString& status, const QString& errorCode, int attempts,
                   int httpStatus, const QString& lastError)
    {
        const qint64 id = insert(
            QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, remote, "
                           "text, status, error_code, received_at) VALUES ('outbound', "
                           "'oncloud', ?, ?, ?, 'hello', ?, ?, ?)"),
            {m_onCloudId, kOnCloud, kRemote, status,
             errorCode.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(errorCode),
             atMs});
        exec(QStringLiteral("INSERT INTO outbox (message_id, pending, attempts, next_attempt_at, "
                            "last_error, created_at) VALUES (?, 0, ?, ?, ?, ?)"),
             {id, attempts, atMs, lastError, atMs});
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            exec(QStringLiteral("INSERT INTO outbound_attempts (message_id, attempt, started_at, "
                                "http_status, outcome, error_code) VALUES (?, ?, ?, ?, ?, ?)"),
                 {id, attempt, atMs + attempt * 1000, attempt == attempts ? httpStatus : 503,
                  QStringLiteral("http-error"), errorCode});
        }
        return id;
    }

    // A message sent through the Android gateway or Zonitel, with a status report on it.
    qint64 addReport(qint64 atMs, const QString& provider, qint64 numberId, const QString& did,
                     const QString& status, const QString& rawStatus, const QString& detail)
    {
        const qint64 message = insert(
            QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, remote, "
                           "status, provider_message_id, received_at) VALUES ('outbound', ?, ?, "
                           "?, ?, ?, ?, ?)"),
            {provider, numberId > 0 ? QVariant(numberId) : QVariant(QMetaType::fromType<qint64>()),
             did, kRemote, status, QStringLiteral("pm-%1").arg(atMs), atMs});
        const qint64 request = addRequest(atMs, provider, numberId, QStringLiteral("accepted"), 200,
                                          QByteArray("{}"), message);
        Q_UNUSED(request);
        return insert(QStringLiteral("INSERT INTO message_status (message_id, status, raw_status, "
                                     "error_code, detail, received_at) VALUES (?, ?, ?, ?, ?, ?)"),
                      {message, status, rawStatus, rawStatus, detail, atMs});
    }

    qint64 addRequest(qint64 atMs, const QString& provider, qint64 numberId, const QString& outcome,
                      int status, const QByteArray& body, qint64 messageId = 0)
    {
        return insert(
            QStringLiteral("INSERT INTO request_log (received_at, peer, method, target, body, "
                           "body_size, provider, number_id, outcome, reason, response_status, "
                           "message_id) VALUES (?, '203.0.113.5:5000', 'POST', ?, ?, ?, ?, ?, "
                           "?, ?, ?, ?)"),
            {atMs, QStringLiteral("/webhooks/%1").arg(provider), body, body.size(), provider,
             numberId > 0 ? QVariant(numberId) : QVariant(QMetaType::fromType<qint64>()), outcome,
             QStringLiteral("reason of %1").arg(outcome), status,
             messageId > 0 ? QVariant(messageId) : QVariant(QMetaType::fromType<qint64>())});
    }

    // The message a PBX delivery stored (its provider id as the PBX sent it).
    qint64 addPbxMessage(const QString& pbxMessageId, qint64 atMs)
    {
        return insert(QStringLiteral("INSERT INTO messages (direction, provider, number_id, did, "
                                     "remote, status, provider_message_id, received_at) VALUES "
                                     "('inbound', 'pbx', ?, ?, ?, 'received', ?, ?)"),
                      {m_pbxId, kPbx, kRemote, pbxMessageId, atMs});
    }

    QList<FailureEntry> all(const FailureFilter& filter = {})
    {
        FailureReader reader(db());
        const QList<FailureEntry> entries = reader.page(filter, std::nullopt, 1000);
        if (!reader.lastError().isEmpty())
            qWarning("page: %s", qPrintable(reader.lastError()));
        return entries;
    }

    const FailureEntry* find(const QList<FailureEntry>& entries, FailureEntry::Kind kind,
                             const QString& cause)
    {
        for (const FailureEntry& entry : entries) {
            if (entry.kind == kind && entry.cause == cause)
                return &entry;
        }
        return nullptr;
    }

    // Every kind: 3 sends, 2 gateway reports (one delivered, not listed), 1 Zonitel report,
    // 2 refused requests, an accepted one, a PBX message retried 7 times and failed each time,
    // one failed 10 times, and one whose third delivery was stored.
    void addEverything()
    {
        addSend(kBase + 1000, QStringLiteral("failed"), QStringLiteral("WH-2"), 1, 400,
                QStringLiteral("invalid number"));
        addSend(kBase + 2000, QStringLiteral("unconfirmed"), {}, 2, 0, QStringLiteral("no answer"));
        addSend(kBase + 3000, QStringLiteral("failed"), {}, 3, 503, QStringLiteral("HTTP 503"));
        addReport(kBase + 4000, QStringLiteral("android-gateway"), m_gatewayId, kGateway,
                  QStringLiteral("failed"), QStringLiteral("10"), QStringLiteral("No service"));
        addReport(kBase + 4500, QStringLiteral("android-gateway"), m_gatewayId, kGateway,
                  QStringLiteral("delivered"), QStringLiteral("7"), QStringLiteral("Delivered"));
        addReport(kBase + 5000, QStringLiteral("zonitel"), 0, QStringLiteral("+14045556666"),
                  QStringLiteral("failed"), QStringLiteral("undelivered"),
                  QStringLiteral("SMS message undelivered"));
        addRequest(kBase + 6000, QStringLiteral("oncloud"), m_onCloudId,
                   QStringLiteral("refused-auth"), 401, QByteArray("{}"));
        addRequest(kBase + 7000, QStringLiteral("oncloud"), 0, QStringLiteral("malformed"), 400,
                   QByteArray("{"));
        addRequest(kBase + 7500, QStringLiteral("oncloud"), m_onCloudId, QStringLiteral("accepted"),
                   200, QByteArray("{}"));
        // Drilled deliveries store the message (and link to it) before answering wrongly.
        const qint64 pending = addPbxMessage(kPbxId, kBase + 8010);
        for (int i = 0; i < 7; ++i) {
            addRequest(kBase + 8000 + i * 10, QStringLiteral("pbx"), i % 2 ? m_pbxId : 0,
                       i % 2 ? QStringLiteral("drill-error") : QStringLiteral("refused-auth"),
                       i % 2 ? 500 : 401, pbxBody(kPbxId), i % 2 ? pending : 0);
        }
        const QString emailedId = QStringLiteral("aaaaaaaa-bbbb-4b7d-9c46-1d7c13687b11");
        for (int i = 0; i < 10; ++i) {
            addRequest(kBase + 9000 + i * 10, QStringLiteral("pbx"), m_pbxId,
                       QStringLiteral("store-unavailable"), 503, pbxBody(emailedId));
        }
        addRequest(kBase + 10000, QStringLiteral("pbx"), m_pbxId, QStringLiteral("timeout"), 408,
                   pbxBody(kPbxStoredId));
        // Stored by a drilled delivery, then delivered again and answered 200.
        const qint64 stored = addPbxMessage(kPbxStoredId.toUpper(), kBase + 10010);
        addRequest(kBase + 10010, QStringLiteral("pbx"), m_pbxId, QStringLiteral("drill-no-answer"),
                   0, pbxBody(kPbxStoredId), stored);
        addRequest(kBase + 10020, QStringLiteral("pbx"), m_pbxId, QStringLiteral("duplicate"), 200,
                   pbxBody(kPbxStoredId), stored);
    }

private Q_SLOTS:
    void initTestCase_data() { test::StoreFixture::addRows(); }

    void init()
    {
        if (!m_temp.open())
            return;
        m_onCloudId = addNumber(kOnCloud, QStringLiteral("oncloud"), {});
        m_pbxId = addNumber(kPbx, QStringLiteral("pbx"), QStringLiteral("ops@example.com"));
        m_gatewayId = addNumber(kGateway, QStringLiteral("android-gateway"), {});
        QVERIFY(m_onCloudId > 0 && m_pbxId > 0 && m_gatewayId > 0);
    }

    void cleanup() { m_temp.close(); }

    void listsEveryKindNewestFirst()
    {
        addEverything();
        const QList<FailureEntry> entries = all();
        // 3 sends, 2 failed reports, 2 refused requests, 7 + 10 + 1 failed PBX requests that
        // are refusals or store failures (drills are not), and 2 PBX messages not stored.
        QStringList kinds;
        for (const FailureEntry& entry : entries)
            kinds.append(FailureCatalogue::kindName(entry.kind));
        QCOMPARE(entries.size(), 3 + 2 + 2 + 4 + 10 + 1 + 2);
        for (qsizetype i = 1; i < entries.size(); ++i)
            QVERIFY(entries.at(i - 1).atMs >= entries.at(i).atMs);

        const FailureEntry* invalid =
            find(entries, FailureEntry::Kind::Send, QStringLiteral("WH-2"));
        QVERIFY(invalid);
        QCOMPARE(invalid->httpStatus, 400);
        QCOMPARE(invalid->attempts, 1);
        QCOMPARE(invalid->did, kOnCloud);
        QCOMPARE(invalid->remote, kRemote);
        QCOMPARE(invalid->atMs, kBase + 2000); // its last attempt
        QVERIFY(FailureCatalogue::explain(*invalid).resolution.contains(QLatin1String("country")));
        const FailureEntry* unconfirmed =
            find(entries, FailureEntry::Kind::Send, QStringLiteral("unconfirmed"));
        QVERIFY(unconfirmed);
        QCOMPARE(unconfirmed->attempts, 2);
        QCOMPARE(unconfirmed->key, QStringLiteral("send:%1:2").arg(unconfirmed->messageId));
        const FailureEntry* exhausted =
            find(entries, FailureEntry::Kind::Send, QStringLiteral("failed"));
        QVERIFY(exhausted);
        QCOMPARE(exhausted->httpStatus, 503);
        QCOMPARE(exhausted->detail, QStringLiteral("HTTP 503"));

        const FailureEntry* noService =
            find(entries, FailureEntry::Kind::Delivery, QStringLiteral("android-gateway:10"));
        QVERIFY(noService);
        QCOMPARE(noService->detail, QStringLiteral("No service"));
        QVERIFY(noService->requestId > 0);
        QCOMPARE(FailureCatalogue::explain(*noService).meaning,
                 QStringLiteral("SMS Not Sent - No Service"));
        QVERIFY(!find(entries, FailureEntry::Kind::Delivery, QStringLiteral("android-gateway:7")));
        QVERIFY(find(entries, FailureEntry::Kind::Delivery, QStringLiteral("zonitel:undelivered")));

        const FailureEntry* auth =
            find(entries, FailureEntry::Kind::Inbound, QStringLiteral("refused-auth"));
        QVERIFY(auth);
        QVERIFY(auth->requestId > 0);
        QCOMPARE(auth->httpStatus, 401);
        QCOMPARE(auth->detail, QStringLiteral("reason of refused-auth"));
        QVERIFY(find(entries, FailureEntry::Kind::Inbound, QStringLiteral("malformed")));
        QVERIFY(find(entries, FailureEntry::Kind::Inbound, QStringLiteral("store-unavailable")));
        QVERIFY(!find(entries, FailureEntry::Kind::Inbound, QStringLiteral("drill-error")));

        const FailureEntry* pending =
            find(entries, FailureEntry::Kind::Fallback, QString(FailureEntry::FallbackPending));
        QVERIFY(pending);
        QCOMPARE(pending->pbxMessageId, kPbxId);
        QCOMPARE(pending->attempts, 7);
        QCOMPARE(pending->failedAttempts, 7);
        QCOMPARE(pending->fallbackEmail, QStringLiteral("ops@example.com"));
        QCOMPARE(FailureCatalogue::explain(*pending).meaning,
                 QStringLiteral("attempt 7 of 10 failed: after 10 the PBX emails ops@example.com"));
        const FailureEntry* emailed =
            find(entries, FailureEntry::Kind::Fallback, QString(FailureEntry::FallbackEmailed));
        QVERIFY(emailed);
        QCOMPARE(emailed->failedAttempts, 10);
        QCOMPARE(FailureCatalogue::explain(*emailed).meaning,
                 QStringLiteral("attempt 10 of 10 failed: sent to the fallback email "
                                "ops@example.com"));
        // The third delivery of kPbxStoredId was stored: no fallback for it.
        for (const FailureEntry& entry : entries)
            QVERIFY(entry.pbxMessageId != kPbxStoredId);
    }

    void pagesFiltersAndCounts()
    {
        addEverything();
        const QList<FailureEntry> everything = all();
        FailureReader reader(db());
        QList<FailureEntry> paged;
        std::optional<FailureReader::Cursor> after;
        for (int pages = 0; pages < 100; ++pages) {
            const QList<FailureEntry> page = reader.page({}, after, 4);
            QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
            QVERIFY(page.size() <= 4);
            if (page.isEmpty())
                break;
            paged += page;
            after = FailureReader::cursorOf(page.constLast());
        }
        QCOMPARE(keysOf(paged), keysOf(everything));

        FailureFilter sends;
        sends.kinds = {FailureEntry::Kind::Send};
        QCOMPARE(all(sends).size(), 3);
        FailureFilter gateway;
        gateway.did = kGateway;
        QCOMPARE(all(gateway).size(), 1);
        FailureFilter range;
        range.fromMs = kBase + 4001;
        range.toMs = kBase + 7001;
        // Zonitel's report, the last send (its third attempt at +6 s), the two refusals.
        QCOMPARE(all(range).size(), 4);
        FailureFilter cause;
        cause.causes = {QStringLiteral("refused-auth")};
        QCOMPARE(all(cause).size(), 1 + 4);

        const QList<FailureReader::CauseCount> counts = reader.causes({});
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(counts.first().cause, QStringLiteral("store-unavailable"));
        QCOMPARE(counts.first().count, 10);
        qint64 total = 0;
        for (const FailureReader::CauseCount& count : counts)
            total += count.count;
        QCOMPARE(total, everything.size());
        QCOMPARE(reader.unresolvedCount(), everything.size());
    }

    void resolvedFailuresAreKeptWithWhoAndWhen()
    {
        addEverything();
        const QList<FailureEntry> before = all();
        FailureResolutions resolutions(db());
        const QStringList keys{before.at(0).key, before.at(1).key};
        QVERIFY2(resolutions.resolve(keys, QStringLiteral("alice"), kBase + 99),
                 qPrintable(resolutions.lastError()));
        // Resolving again keeps the first resolution.
        QVERIFY(resolutions.resolve({before.at(0).key}, QStringLiteral("bob"), kBase + 100));
        FailureReader reader(db());
        QCOMPARE(reader.unresolvedCount(), before.size() - 2);
        QCOMPARE(all().size(), before.size() - 2);
        FailureFilter withResolved;
        withResolved.includeResolved = true;
        const QList<FailureEntry> shown = all(withResolved);
        QCOMPARE(shown.size(), before.size());
        QCOMPARE(shown.at(0).resolvedBy, QStringLiteral("alice"));
        QCOMPARE(shown.at(0).resolvedAtMs, kBase + 99);
        QVERIFY(!shown.at(2).isResolved());
        QVERIFY(resolutions.reopen({before.at(1).key}));
        QCOMPARE(reader.unresolvedCount(), before.size() - 1);
    }

    void pbxDeliveriesCountEachMessageId()
    {
        addEverything();
        FailureReader reader(db());
        const auto pending = reader.pbxDeliveries(kPbxId.toUpper());
        QVERIFY2(pending, qPrintable(reader.lastError()));
        QCOMPARE(pending->attempts, 7);
        QCOMPARE(pending->failed, 7);
        QVERIFY(!pending->stored);
        QCOMPARE(pending->fallbackEmail, QStringLiteral("ops@example.com"));
        const auto stored = reader.pbxDeliveries(kPbxStoredId);
        QVERIFY(stored);
        QCOMPARE(stored->attempts, 3);
        QCOMPARE(stored->failed, 2);
        QVERIFY(stored->stored);
        // A number without a fallback email: the one the PBX sent with its webhook.
        QVERIFY(
            exec(QStringLiteral("UPDATE numbers SET fallback_email = '' WHERE id = ?"), {m_pbxId}));
        QCOMPARE(reader.pbxDeliveries(kPbxId)->fallbackEmail, QStringLiteral("night@example.com"));
        const auto none = reader.pbxDeliveries(QStringLiteral("never-seen"));
        QVERIFY(none);
        QCOMPARE(none->attempts, 0);
    }
};

// The catalogue alone: no store.
class TestFailureCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGatewayFailureOfTheDocument()
    {
        const QList<FailureCatalogue::Status> statuses = FailureCatalogue::androidGatewayFailures();
        QStringList ids;
        for (const FailureCatalogue::Status& status : statuses) {
            ids.append(status.rawStatus);
            QVERIFY2(!status.meaning.isEmpty(), qPrintable(status.rawStatus));
            QVERIFY2(!status.resolution.isEmpty(), qPrintable(status.rawStatus));
        }
        QCOMPARE(ids, QStringList({QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("10"),
                                   QStringLiteral("11"), QStringLiteral("12"),
                                   QStringLiteral("100"), QStringLiteral("101")}));
        QCOMPARE(FailureCatalogue::deliveryStatus(QStringLiteral("android-gateway"),
                                                  QStringLiteral("12"))
                     ->meaning,
                 QStringLiteral("SMS Not Sent - Radio Off"));
        QVERIFY(!FailureCatalogue::deliveryStatus(QStringLiteral("android-gateway"),
                                                  QStringLiteral("7")));
        QVERIFY(!FailureCatalogue::deliveryStatus(QStringLiteral("zonitel"),
                                                  QStringLiteral("delivered")));
        QVERIFY(FailureCatalogue::deliveryStatus(QStringLiteral("zonitel"),
                                                 QStringLiteral("rejected")));
    }

    void retryBlockers()
    {
        FailureEntry send;
        send.kind = FailureEntry::Kind::Send;
        send.status = QStringLiteral("unconfirmed");
        QVERIFY(FailureCatalogue::retryBlocker(send).isEmpty());
        for (const char* code : {"WH-AUTH", "WH-2", "WH-23-2", "WH-23-3", "WH-23-4"}) {
            send.code = QString::fromLatin1(code);
            QVERIFY2(!FailureCatalogue::retryBlocker(send).isEmpty(), code);
        }
        send.code.clear();
        send.remote = kRemote;
        const auto optedOut = [](const QString&, const QString& remote) {
            return remote == kRemote;
        };
        QVERIFY(
            FailureCatalogue::retryBlocker(send, optedOut).contains(QLatin1String("opted out")));
        FailureEntry inbound;
        inbound.kind = FailureEntry::Kind::Inbound;
        QVERIFY(!FailureCatalogue::retryBlocker(inbound).isEmpty());
    }

    void pbxSentences()
    {
        QCOMPARE(PbxFallback::describe(1, {}),
                 QStringLiteral("attempt 1 of 10 failed: after 10 the PBX emails the number's "
                                "fallback address (none is set in SMS Desk)"));
        QCOMPARE(PbxFallback::messageIdIn(pbxBody(kPbxId.toUpper())), kPbxId);
        QCOMPARE(PbxFallback::fallbackEmailIn(pbxBody(kPbxId)),
                 QStringLiteral("night@example.com"));
        QVERIFY(PbxFallback::usesFallbackEmail(QStringLiteral("pbx")));
        QVERIFY(!PbxFallback::usesFallbackEmail(QStringLiteral("oncloud")));
    }
};

int main(int argc, char** argv)
{
    return test::runTestClasses<TestFailureReader, TestFailureCatalogue>(argc, argv);
}

#include "TestFailureReader.moc"
