// RequestLogJsonWriter: JSON Lines into a real file, every line parsed back with
// QJsonDocument; stable keys, UTF-8 and non-UTF-8 bodies, null fields, redaction.

#include "store/RequestLogJsonWriter.h"
#include "store/RequestLogReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace smsdesk;

namespace {

const QStringList kKeys = {QStringLiteral("id"),
                           QStringLiteral("received_at"),
                           QStringLiteral("peer"),
                           QStringLiteral("method"),
                           QStringLiteral("target"),
                           QStringLiteral("headers"),
                           QStringLiteral("body"),
                           QStringLiteral("body_base64"),
                           QStringLiteral("body_size"),
                           QStringLiteral("body_truncated"),
                           QStringLiteral("provider"),
                           QStringLiteral("number_id"),
                           QStringLiteral("did"),
                           QStringLiteral("remote"),
                           QStringLiteral("outcome"),
                           QStringLiteral("reason"),
                           QStringLiteral("response_status"),
                           QStringLiteral("response_body"),
                           QStringLiteral("latency_us"),
                           QStringLiteral("message_id")};

RequestLogEntry accepted()
{
    RequestLogEntry entry;
    entry.id = 9007199254740000; // beyond 32 bits, still exact in a double
    entry.receivedAtMs = 1'770'000'123'456;
    entry.peer = QStringLiteral("[2001:db8::1]:53211");
    entry.method = QStringLiteral("POST");
    entry.target = QStringLiteral("/webhooks/oncloud?x=1");
    entry.headers = {{"Host", "desk.example.com"},
                     {"Content-Type", "application/json"},
                     {"Authorization", "[redacted]"},
                     {"X-Latin1", "caf\xe9"}};
    entry.body =
        QStringLiteral("{\"text\":\"Ol\u00e1 \U0001F642\\n\\\"q\\\"\",\"to\":\"+14045559999\"}")
            .toUtf8();
    entry.bodySize = entry.body.size();
    entry.provider = QStringLiteral("oncloud");
    entry.numberId = 3;
    entry.outcome = QStringLiteral("accepted");
    entry.responseStatus = 200;
    entry.responseBody = QStringLiteral("");
    entry.latencyUs = 1834;
    entry.messageId = 77;
    entry.direction = QStringLiteral("inbound");
    entry.did = QStringLiteral("+14045559999");
    entry.remote = QStringLiteral("+17705551234");
    return entry;
}

RequestLogEntry refused()
{
    RequestLogEntry entry;
    entry.id = 2;
    entry.receivedAtMs = 1'770'000'000'000;
    entry.peer = QStringLiteral("203.0.113.5:40000");
    entry.method = QStringLiteral("POST");
    entry.target = QStringLiteral("/webhook");
    entry.body = QByteArray("\xff\xfe not UTF-8 \xc3\x28", 16);
    entry.bodySize = 5000; // only part of it stored
    entry.outcome = QStringLiteral("unrecognised");
    entry.reason = QStringLiteral("no provider recognises the payload");
    entry.latencyUs = -1;
    return entry;
}

QList<QJsonObject> parseLines(const QByteArray& data)
{
    QList<QJsonObject> objects;
    QList<QByteArray> lines = data.split('\n');
    if (!data.endsWith('\n'))
        return {};
    lines.removeLast(); // after the final '\n'
    for (const QByteArray& line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

} // namespace

class TestRequestLogJsonWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QByteArray writeToFile(const QList<RequestLogEntry>& entries)
    {
        QFile file(m_dir.filePath(QStringLiteral("log.jsonl")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        RequestLogJsonWriter writer(&file);
        for (const RequestLogEntry& entry : entries) {
            if (!writer.write(entry))
                return {};
        }
        if (writer.count() != entries.size())
            return {};
        file.close();
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip()
    {
        const QByteArray data = writeToFile({accepted(), refused()});
        QCOMPARE(data.count('\n'), 2);
        const QList<QJsonObject> objects = parseLines(data);
        QCOMPARE(objects.size(), 2);

        const QJsonObject a = objects.at(0);
        QCOMPARE(a.value(QLatin1String("id")).toInteger(), 9007199254740000);
        QCOMPARE(a.value(QLatin1String("received_at")).toString(),
                 QStringLiteral("2026-02-02T02:42:03.456Z"));
        QCOMPARE(a.value(QLatin1String("peer")).toString(), QStringLiteral("[2001:db8::1]:53211"));
        QCOMPARE(a.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(a.value(QLatin1String("target")).toString(),
                 QStringLiteral("/webhooks/oncloud?x=1"));
        const QJsonArray headers = a.value(QLatin1String("headers")).toArray();
        QCOMPARE(headers.size(), 4);
        QCOMPARE(headers.at(1).toArray(),
                 (QJsonArray{QStringLiteral("Content-Type"), QStringLiteral("application/json")}));
        QCOMPARE(headers.at(3).toArray(),
                 (QJsonArray{QStringLiteral("X-Latin1"), QStringLiteral("caf\u00e9")}));
        QCOMPARE(a.value(QLatin1String("body")).toString().toUtf8(), accepted().body);
        QVERIFY(a.value(QLatin1String("body")).toString().contains(QStringLiteral("\U0001F642")));
        QVERIFY(a.value(QLatin1String("body_base64")).isNull());
        QCOMPARE(a.value(QLatin1String("body_size")).toInteger(), accepted().body.size());
        QCOMPARE(a.value(QLatin1String("body_truncated")), QJsonValue(false));
        QCOMPARE(a.value(QLatin1String("provider")).toString(), QStringLiteral("oncloud"));
        QCOMPARE(a.value(QLatin1String("number_id")).toInteger(), 3);
        QCOMPARE(a.value(QLatin1String("did")).toString(), QStringLiteral("+14045559999"));
        QCOMPARE(a.value(QLatin1String("remote")).toString(), QStringLiteral("+17705551234"));
        QCOMPARE(a.value(QLatin1String("outcome")).toString(), QStringLiteral("accepted"));
        QVERIFY(a.value(QLatin1String("reason")).isNull());
        QCOMPARE(a.value(QLatin1String("response_status")).toInt(), 200);
        QCOMPARE(a.value(QLatin1String("response_body")), QJsonValue(QString()));
        QVERIFY(a.value(QLatin1String("response_body")).isString()); // recorded, empty
        QCOMPARE(a.value(QLatin1String("latency_us")).toInteger(), 1834);
        QCOMPARE(a.value(QLatin1String("message_id")).toInteger(), 77);

        const QJsonObject r = objects.at(1);
        QVERIFY(r.value(QLatin1String("body")).isNull());
        QCOMPARE(QByteArray::fromBase64(r.value(QLatin1String("body_base64")).toString().toLatin1(),
                                        QByteArray::AbortOnBase64DecodingErrors),
                 refused().body);
        QCOMPARE(r.value(QLatin1String("body_size")).toInteger(), 5000);
        QCOMPARE(r.value(QLatin1String("body_truncated")), QJsonValue(true));
        QCOMPARE(r.value(QLatin1String("headers")).toArray(), QJsonArray());
        for (const char* key : {"provider", "number_id", "did", "remote", "response_status",
                                "response_body", "latency_us", "message_id"})
            QVERIFY2(r.value(QLatin1String(key)).isNull(), key);
        QCOMPARE(r.value(QLatin1String("reason")).toString(),
                 QStringLiteral("no provider recognises the payload"));
    }

    // Every line has every key, in the documented order.
    void stableKeys()
    {
        for (const RequestLogEntry& entry : {accepted(), refused(), RequestLogEntry()}) {
            const QByteArray line = RequestLogJsonWriter::toLine(entry);
            QVERIFY(line.endsWith('\n'));
            QCOMPARE(line.count('\n'), 1);
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            QStringList keys = object.keys();
            QStringList expected = kKeys;
            std::sort(expected.begin(), expected.end());
            QCOMPARE(keys, expected); // QJsonObject sorts its keys
            qsizetype at = -1;
            for (const QString& key : kKeys) {
                const qsizetype next = line.indexOf('"' + key.toLatin1() + "\":");
                QVERIFY2(next > at, qPrintable(key));
                at = next;
            }
        }
    }

    void unicodeAndControlCharacters()
    {
        RequestLogEntry entry = accepted();
        const QString text = QStringLiteral(
            "\u00dcnic\u00f6de \u4f60\u597d \U0001F44D\U0001F3FD, tab\t, CR\r, NUL-free \x01 \x1f");
        entry.body = text.toUtf8();
        entry.bodySize = entry.body.size();
        entry.reason = QStringLiteral("line 1\nline \"2\"");
        const QJsonObject object =
            QJsonDocument::fromJson(RequestLogJsonWriter::toLine(entry)).object();
        QCOMPARE(object.value(QLatin1String("body")).toString(), text);
        QCOMPARE(object.value(QLatin1String("reason")).toString(), entry.reason);
        QVERIFY(!RequestLogJsonWriter::toLine(entry).chopped(1).contains('\n'));
    }

    void invalidUtf8BodyIsBase64()
    {
        const QList<QByteArray> bodies = {
            QByteArray("\x80"),                   // a lone continuation byte
            QByteArray("ok \xc3"),                // cut in the middle of a character
            QByteArray("\xed\xa0\x80"),           // an encoded surrogate
            QByteArray("\xc0\xaf"),               // overlong '/'
            QByteArray("with NUL \0 inside", 17), // valid UTF-8: a string with U+0000
        };
        for (const QByteArray& body : bodies) {
            RequestLogEntry entry = refused();
            entry.body = body;
            entry.bodySize = body.size();
            const QJsonObject object =
                QJsonDocument::fromJson(RequestLogJsonWriter::toLine(entry)).object();
            QVERIFY(!object.isEmpty());
            if (object.value(QLatin1String("body")).isString()) {
                QCOMPARE(object.value(QLatin1String("body")).toString().toUtf8(), body);
                QVERIFY(object.value(QLatin1String("body_base64")).isNull());
            } else {
                QVERIFY2(body.size() != 17, "the NUL body is valid UTF-8");
                QCOMPARE(QByteArray::fromBase64(
                             object.value(QLatin1String("body_base64")).toString().toLatin1()),
                         body);
            }
            QCOMPARE(object.value(QLatin1String("body_truncated")), QJsonValue(false));
        }
        RequestLogEntry nul = refused();
        nul.body = bodies.last();
        QVERIFY(QJsonDocument::fromJson(RequestLogJsonWriter::toLine(nul))
                    .object()
                    .value(QLatin1String("body"))
                    .isString());
    }

    // The store redacts secrets; the writer does it again, whatever the entry holds.
    void secretsAreRedacted()
    {
        RequestLogEntry entry = accepted();
        entry.headers = {{"authorization", "Bearer do-not-leak-1"},
                         {"Proxy-Authorization", "Basic do-not-leak-2"},
                         {"AUTHORIZATION", "[redacted]"},
                         {"X-Authorization-Hint", "shown"}};
        const QByteArray line = RequestLogJsonWriter::toLine(entry);
        QVERIFY(!line.contains("do-not-leak"));
        const QJsonArray headers =
            QJsonDocument::fromJson(line).object().value(QLatin1String("headers")).toArray();
        QCOMPARE(headers.size(), 4);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(headers.at(i).toArray().at(1).toString(), QStringLiteral("[redacted]"));
        QCOMPARE(headers.at(0).toArray().at(0).toString(), QStringLiteral("authorization"));
        QCOMPARE(headers.at(3).toArray().at(1).toString(), QStringLiteral("shown"));
    }

    void writeFailureIsReported()
    {
        QFile file(m_dir.filePath(QStringLiteral("read-only.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        RequestLogJsonWriter writer(&file);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
        QVERIFY(!writer.write(accepted()));
        QCOMPARE(writer.count(), 0);
        QVERIFY(!writer.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRequestLogJsonWriter)
#include "TestRequestLogJsonWriter.moc"
