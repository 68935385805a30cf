// RequestCurlCommand: the produced command is run by real shells (bash and sh) with the real
// curl against the repo's HttpServer on 127.0.0.1, and what the server received is compared
// byte for byte with the logged request.

#include "http/HttpHandler.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"
#include "http/HttpServer.h"
#include "store/RequestCurlCommand.h"
#include "store/RequestLogReader.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace smsdesk;

namespace {

constexpr int WaitMs = 20000;

class CapturingHandler : public HttpHandler
{
public:
    QList<HttpRequest> requests;
    QStringList rejections;

    void handleRequest(const HttpRequest& request, HttpResponder responder) override
    {
        requests.append(request);
        responder.respond(HttpResponse(200, "ok", "text/plain"));
    }
    void requestRejected(const HttpRequest&, const HttpResponse& response,
                         const QString& reason) override
    {
        rejections.append(QString::number(response.status) + QLatin1Char(' ') + reason);
    }
};

// "Name: value" lines (an empty value is "Name:") as headers.
QList<RequestLogEntry::Header> headersOf(const QByteArrayList& lines)
{
    QList<RequestLogEntry::Header> headers;
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

// What arrived, without what curl and the connection add in any case.
QList<RequestLogEntry::Header> receivedHeaders(const HttpRequest& request)
{
    QList<RequestLogEntry::Header> received;
    for (const HttpRequest::Header& header : request.headers) {
        const QByteArray name = header.first.toLower();
        if (name == "host" || name == "content-length" || name == "expect")
            continue;
        received.append(header);
    }
    return received;
}

QByteArray binaryBody()
{
    QByteArray body;
    for (int i = 1; i < 256; ++i) // every byte but NUL, in order
        body.append(char(i));
    // An octal escape followed by digits, a quote and a backslash followed by digits.
    body += QByteArray("\x01"
                       "234'\\0471%s%%\xff"
                       "7");
    return body;
}

QByteArray largeBody()
{
    QByteArray body;
    while (body.size() <= RequestCurlCommand::MaxQuotedBodyBytes + 1000)
        body += "{\"text\":\"It's a long one; \\\"quoted\\\" \xc3\xa9\"}\n";
    return body;
}

} // namespace

class TestRequestCurlCommand : public QObject
{
    Q_OBJECT

    HttpServer m_server;
    CapturingHandler m_handler;
    QStringList m_shells;

    QString baseUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    }

    // Runs `command` with `shell -c`; the exit code, or -1 when it did not finish.
    // `output`: what it wrote to stdout; `errors`: to stderr (curl's progress meter among it).
    int run(const QString& shell, const QString& command, QByteArray* output,
            QByteArray* errors = nullptr)
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(shell, {QStringLiteral("-c"), command});
        if (!process.waitForStarted(WaitMs))
            return -1;
        // The server lives in this thread: the event loop has to run while curl talks to it.
        if (finished.isEmpty() && !finished.wait(WaitMs))
            return -1;
        *output = process.readAllStandardOutput();
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A test package (packaging/setup.sh test); bash and sh are always there.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(),
                 "curl is not installed: packaging/setup.sh test installs it");
        for (const QString& shell : {QStringLiteral("bash"), QStringLiteral("sh")}) {
            const QString path = QStandardPaths::findExecutable(shell);
            QVERIFY2(!path.isEmpty(), qPrintable(shell + QLatin1String(" is not installed")));
            m_shells.append(path);
        }
        m_server.setHandler(&m_handler);
        QString error;
        QVERIFY2(m_server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

    void resend_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArrayList>("headers");
        QTest::addColumn<QByteArray>("body");
        // What must arrive of `headers`, in order: all but the connection's own (Host,
        // Content-Length, Connection, Transfer-Encoding, ...) and the secrets.
        QTest::addColumn<QByteArrayList>("arriving");

        const QByteArrayList json = {"Host: desk.example.com", "Content-Type: application/json",
                                     "Content-Length: 99", "User-Agent: onCloud-Webhook/2.1",
                                     "Accept: */*"};
        const QByteArrayList jsonArriving = {"Content-Type: application/json",
                                             "User-Agent: onCloud-Webhook/2.1", "Accept: */*"};
        const QByteArrayList form = {"Content-Type: application/x-www-form-urlencoded"};
        const QByteArrayList octets = {"Content-Type: application/octet-stream"};
        const QByteArrayList text = {"Content-Type: text/plain"};
        const QByteArrayList jsonOnly = {"Content-Type: application/json"};
        QTest::newRow("json: quotes, newlines, unicode")
            << QStringLiteral("POST") << QStringLiteral("/webhooks/oncloud") << json
            << QByteArray("{\"text\": \"It's \\\"quoted\\\" -- 'single' too\\nline 2\",\n"
                          " \"raw\": \"tab\tand real\nnewline, \xc3\xbc"
                          "n\xc3\xaf"
                          "c\xc3\xb6"
                          "d\xc3\xa9 \xf0\x9f\x99\x82 $(whoami) `id` \\\\ %s\"}\n")
            << jsonArriving;
        QTest::newRow("form: +, %, &")
            << QStringLiteral("POST") << QStringLiteral("/webhooks/pbx?x=1&y=%20z") << form
            << QByteArray("sms_from=%2B61412345678&sms_msg=Hello+world%21+100%25&e=") << form;
        QTest::newRow("binary, not UTF-8") << QStringLiteral("POST") << QStringLiteral("/webhook")
                                           << octets << binaryBody() << octets;
        QTest::newRow("invalid UTF-8 after valid text")
            << QStringLiteral("POST") << QStringLiteral("/webhook")
            << QByteArrayList{"Content-Type: text/plain; charset=utf-8"}
            << QByteArray("caf\xc3\xa9 then \xc3\x28 and \xed\xa0\x80 (a surrogate)")
            << QByteArrayList{"Content-Type: text/plain; charset=utf-8"};
        QTest::newRow("carriage returns") << QStringLiteral("POST") << QStringLiteral("/webhook")
                                          << text << QByteArray("a\r\nb\r\n") << text;
        QTest::newRow("NUL byte") << QStringLiteral("POST") << QStringLiteral("/webhook") << octets
                                  << QByteArray("before\0after", 12) << octets;
        QTest::newRow("leading @") << QStringLiteral("POST") << QStringLiteral("/webhook") << text
                                   << QByteArray("@/etc/passwd") << text;
        QTest::newRow("larger than one argument")
            << QStringLiteral("POST") << QStringLiteral("/webhooks/zonitel") << jsonOnly
            << largeBody() << jsonOnly;
        QTest::newRow("no content type")
            << QStringLiteral("POST") << QStringLiteral("/webhook") << QByteArrayList{}
            << QByteArray("x=1") << QByteArrayList{};
        QTest::newRow("PUT with body") << QStringLiteral("PUT") << QStringLiteral("/webhook")
                                       << jsonOnly << QByteArray("{}") << jsonOnly;
        QTest::newRow("POST without body")
            << QStringLiteral("POST") << QStringLiteral("/webhooks/oncloud")
            << QByteArrayList{"Content-Length: 0"} << QByteArray() << QByteArrayList{};
        QTest::newRow("GET") << QStringLiteral("GET") << QStringLiteral("/healthz?probe=1&b=2")
                             << QByteArrayList{"Accept: application/json"} << QByteArray()
                             << QByteArrayList{"Accept: application/json"};
        QTest::newRow("HEAD") << QStringLiteral("HEAD") << QStringLiteral("/healthz")
                              << QByteArrayList{"User-Agent: probe/1"} << QByteArray()
                              << QByteArrayList{"User-Agent: probe/1"};
        QTest::newRow("DELETE") << QStringLiteral("DELETE") << QStringLiteral("/webhook")
                                << QByteArrayList{} << QByteArray() << QByteArrayList{};
        QTest::newRow("redacted path token")
            << QStringLiteral("POST") << QStringLiteral("/webhooks/pbx/[token]?a={b}") << form
            << QByteArray("sms_msg=hi") << form;
        const QByteArrayList values = {"Content-Type: application/json",
                                       "X-Quote: it's \"quoted\" $(whoami) `id` $HOME \\ ; | & #",
                                       "X-Empty:",
                                       "X-Dup: 1",
                                       "X-Dup: 2",
                                       "X-Latin1: caf\xe9",
                                       "X-Utf8: caf\xc3\xa9 \xf0\x9f\x99\x82"};
        QTest::newRow("header values: quotes, shell syntax, empty, repeated, Latin-1")
            << QStringLiteral("POST") << QStringLiteral("/webhook")
            << values + QByteArrayList{"Transfer-Encoding: chunked", "Connection: keep-alive"}
            << QByteArray("{\"a\":1}") << values;
    }

    void resend()
    {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QByteArrayList, headers);
        QFETCH(QByteArray, body);
        QFETCH(QByteArrayList, arriving);

        RequestLogEntry entry;
        entry.id = 7;
        entry.method = method;
        entry.target = target;
        entry.headers = headersOf(headers);
        entry.body = body;
        entry.bodySize = body.size();
        const QString command = RequestCurlCommand::build(entry, baseUrl() + QLatin1Char('/'));
        QVERIFY(command.startsWith(QLatin1String("curl ")) ||
                command.startsWith(QLatin1String("printf ")));

        for (const QString& shell : std::as_const(m_shells)) {
            m_handler.requests.clear();
            m_handler.rejections.clear();
            QByteArray output;
            QByteArray errors;
            const int exitCode = run(shell, command, &output, &errors);
            QVERIFY2(exitCode == 0,
                     qPrintable(shell + QLatin1String(": exit ") + QString::number(exitCode) +
                                QLatin1String(": ") + QString::fromLocal8Bit(errors) +
                                QLatin1String("\n") + command));
            if (method != QLatin1String("HEAD")) // curl --head prints the response headers
                QCOMPARE(output, QByteArray("ok"));
            QVERIFY2(m_handler.rejections.isEmpty(),
                     qPrintable(m_handler.rejections.join(QLatin1Char('\n'))));
            QCOMPARE(m_handler.requests.size(), 1);
            const HttpRequest& received = m_handler.requests.first();
            QCOMPARE(received.method, method.toLatin1());
            QCOMPARE(received.target, target.toLatin1());
            QCOMPARE(receivedHeaders(received), headersOf(arriving));
            QCOMPARE(received.body, body);
        }
    }

    void authorizationIsNeverSent()
    {
        RequestLogEntry entry;
        entry.method = QStringLiteral("POST");
        entry.target = QStringLiteral("/webhooks/zonitel");
        // As the store holds it, and (defence in depth) as it must never be.
        entry.headers = {{"Content-Type", "application/json"},
                         {"Authorization", "[redacted]"},
                         {"authorization", "Bearer do-not-leak-1"},
                         {"Proxy-Authorization", "Basic do-not-leak-2"}};
        entry.body = "{}";
        entry.bodySize = 2;
        const QString command = RequestCurlCommand::build(entry, baseUrl());
        QVERIFY(!command.contains(QLatin1String("do-not-leak")));
        QVERIFY(!command.contains(QLatin1String("[redacted]")));
        const QString lastLine = command.section(QLatin1Char('\n'), -1);
        QVERIFY2(lastLine.contains(QLatin1String("  # Authorization was redacted")),
                 qPrintable(command));

        m_handler.requests.clear();
        QByteArray output;
        QCOMPARE(run(m_shells.first(), command, &output), 0);
        QCOMPARE(m_handler.requests.size(), 1);
        const HttpRequest& received = m_handler.requests.first();
        QVERIFY(!received.hasHeader("authorization"));
        QVERIFY(!received.hasHeader("proxy-authorization"));
        QCOMPARE(received.body, QByteArray("{}"));
        m_handler.requests.clear();
    }

    // The readable form of a plain request, pinned.
    void plainJsonCommand()
    {
        RequestLogEntry entry;
        entry.method = QStringLiteral("POST");
        entry.target = QStringLiteral("/webhooks/oncloud");
        entry.headers = {{"Host", "desk.example.com"},
                         {"Content-Type", "application/json"},
                         {"Content-Length", "13"},
                         {"Authorization", "[redacted]"}};
        entry.body = "{\"it's\":\"a\"}";
        entry.bodySize = entry.body.size();
        QCOMPARE(RequestCurlCommand::build(entry, QStringLiteral("http://127.0.0.1:8080/")),
                 QStringLiteral("curl http://127.0.0.1:8080/webhooks/oncloud \\\n"
                                "  -H 'Content-Type: application/json' \\\n"
                                "  -H 'Accept:' \\\n"
                                "  -H 'User-Agent:' \\\n"
                                "  --data-binary '{\"it'\\''s\":\"a\"}'"
                                "  # Authorization was redacted in the request log: add "
                                "-H 'Authorization: <value>'"));
    }

    void printfFormat()
    {
        QCOMPARE(RequestCurlCommand::printfFormat(QByteArray("a'b\\c%d\n\x01"
                                                             "2\xff",
                                                             11)),
                 QStringLiteral("'a\\047b\\\\c%%d\\n\\001\\062\\377'"));
        QCOMPARE(RequestCurlCommand::shellWord("GET"), QStringLiteral("GET"));
        QCOMPARE(RequestCurlCommand::shellWord("a b'c"), QStringLiteral("'a b'\\''c'"));
        QCOMPARE(RequestCurlCommand::shellWord("caf\xe9"),
                 QStringLiteral("\"$(printf 'caf\\351')\""));
        QCOMPARE(RequestCurlCommand::shellWord(""), QStringLiteral("''"));
    }
};

QTEST_GUILESS_MAIN(TestRequestCurlCommand)
#include "TestRequestCurlCommand.moc"
