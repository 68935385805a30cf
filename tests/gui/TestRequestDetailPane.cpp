// RequestDetailPane offscreen, fed with realistic requests from the provider simulator's
// WebhookSampleFactory: the JSON and form views, the raw dump, the adapters' reading on the
// Parsed tab, the response and the Reason tab of refused requests.
//
// Screenshots: SMSDESK_DETAIL_SHOW_SECONDS=<n> [SMSDESK_DETAIL_TAB=request|parsed|response|raw|
// reason|status] ./test_request_detail_pane showForScreenshot, under Xvfb with
// QT_QPA_PLATFORM=xcb, keeps an onCloud JSON and a PBX form request (status: two status
// reports) on screen for n seconds.

#include "http/HttpRequest.h"
#include "inspector/RequestDetailPane.h"
#include "providers/FormFields.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "store/RequestLogRow.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <memory>

using namespace smsdesk;

namespace {

const QDateTime kBaseTime(QDate(2026, 2, 2), QTime(10, 15, 30), Qt::UTC);

WebhookSample sampleOf(const QString& provider, int n,
                       WebhookSample::Kind kind = WebhookSample::Kind::Inbound)
{
    WebhookSampleFactory::Options options;
    options.provider = provider;
    options.kind = kind;
    options.seed = 7;
    options.baseTime = kBaseTime;
    options.authorization = "Bearer sim-secret-never-shown";
    return WebhookSampleFactory(options).sample(n);
}

// The request_log entry the listener would have written for the sample, accepted.
RequestLogEntry entryOf(const WebhookSample& sample)
{
    const HttpRequest request = sample.request();
    RequestLogEntry entry;
    entry.id = 41;
    entry.receivedAtMs = kBaseTime.toMSecsSinceEpoch() + 250;
    entry.peer = QStringLiteral("203.0.113.5:53211");
    entry.method = QString::fromLatin1(request.method);
    entry.target = QString::fromLatin1(request.target);
    for (const HttpRequest::Header& header : request.headers) {
        entry.headers.append({header.first, RequestLogRow::isSecretHeader(header.first)
                                                ? QByteArray(RequestLogRow::RedactedValue)
                                                : header.second});
    }
    entry.body = request.body;
    entry.bodySize = request.body.size();
    entry.provider = sample.provider;
    entry.outcome = QStringLiteral("accepted");
    entry.responseStatus = 200;
    entry.responseBody = QStringLiteral("");
    entry.latencyUs = 1500;
    entry.did = sample.did;
    entry.remote = sample.remote;
    return entry;
}

RequestLogEntry refusedEntry()
{
    RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("zonitel"), 0));
    entry.outcome = QStringLiteral("refused-auth");
    entry.reason = QStringLiteral("the Authorization header is not the one configured for "
                                  "+10000000020");
    entry.responseStatus = 401;
    entry.responseBody = QStringLiteral("{\"error\":{\"status\":401,\"message\":\"the "
                                        "Authorization header is not the one configured\"}}");
    entry.latencyUs = 812;
    return entry;
}

QStringList columnTexts(const QTableWidget* table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

} // namespace

class TestRequestDetailPane : public QObject
{
    Q_OBJECT

    ProviderRegistry m_providers;
    std::unique_ptr<RequestDetailPane> m_pane;

    template <typename T> T* child(const char* name) const
    {
        return m_pane->findChild<T*>(QLatin1String(name));
    }
    QTabWidget* tabs() const { return child<QTabWidget>("tabs"); }
    QString parsedText() const { return child<QTextBrowser>("parsedView")->toPlainText(); }

private Q_SLOTS:
    void init()
    {
        m_pane = std::make_unique<RequestDetailPane>(m_providers);
        m_pane->resize(700, 800);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }
    void cleanup() { m_pane.reset(); }

    void placeholderUntilAnEntryIsSet()
    {
        auto* stack = child<QStackedWidget>("stack");
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderPage"));
        QCOMPARE(child<QLabel>("placeholderLabel")->text(), QStringLiteral("Select a request"));
        QVERIFY(!m_pane->entry());

        m_pane->setEntry(entryOf(sampleOf(QStringLiteral("oncloud"), 0)));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("detailPage"));
        QVERIFY(m_pane->entry());
        QCOMPARE(m_pane->entry()->id, 41);
        QCOMPARE(child<QLabel>("requestLineLabel")->text(),
                 QStringLiteral("POST /webhooks/oncloud"));
        QVERIFY(child<QLabel>("requestMetaLabel")->text().contains(QLatin1String("203.0.113.5")));

        m_pane->clear();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderPage"));
        QVERIFY(!m_pane->entry());
        QCOMPARE(child<QTableWidget>("headersTable")->rowCount(), 0);
    }

    // Every provider's samples read by its adapter: the E.164 numbers on the Parsed tab.
    void parsedTabPerProvider_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("n");
        for (const QString& provider : ProviderCatalog::ids()) {
            for (int n = 0; n < 3; ++n) {
                QTest::addRow("%s inbound #%d", qPrintable(provider), n)
                    << provider << int(WebhookSample::Kind::Inbound) << n;
                if (WebhookSampleFactory::supportsStatus(provider)) {
                    QTest::addRow("%s status #%d", qPrintable(provider), n)
                        << provider << int(WebhookSample::Kind::Status) << n;
                }
            }
        }
    }

    void parsedTabPerProvider()
    {
        QFETCH(QString, provider);
        QFETCH(int, kind);
        QFETCH(int, n);
        const WebhookSample sample = sampleOf(provider, n, WebhookSample::Kind(kind));
        m_pane->setEntry(entryOf(sample));

        const QString text = parsedText();
        QVERIFY2(!text.contains(QLatin1String("refuses")), qPrintable(text));
        QVERIFY2(text.contains(sample.remote),
                 qPrintable(sample.remote + QLatin1String(": ") + text));
        if (!sample.did.isEmpty())
            QVERIFY2(text.contains(sample.did), qPrintable(text));
        if (sample.device) {
            QVERIFY2(text.contains(QStringLiteral("device %1, SIM %2")
                                       .arg(sample.device->deviceId)
                                       .arg(sample.device->sim)),
                     qPrintable(text));
        }
        if (sample.kind == WebhookSample::Kind::Inbound) {
            QVERIFY(text.contains(QLatin1String("Inbound message")));
            QVERIFY(text.contains(QLatin1String("inbound: to one of our numbers")));
            // The first line of the text (the view may wrap long ones).
            QVERIFY2(text.contains(sample.text.section(QLatin1Char('\n'), 0, 0).left(40)),
                     qPrintable(text));
            for (const QString& url : sample.media)
                QVERIFY(text.contains(url));
        } else {
            QVERIFY(text.contains(QLatin1String("Status report")));
            QVERIFY(text.contains(sample.status));
        }
        if (sample.time.isValid())
            QVERIFY2(
                text.contains(sample.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))),
                qPrintable(text));
        if (!sample.messageId.isEmpty())
            QVERIFY(text.contains(sample.messageId));
        // Secrets stay out of every view.
        QVERIFY(!text.contains(QLatin1String("sim-secret")));
        const QStringList values = columnTexts(child<QTableWidget>("headersTable"), 1);
        QVERIFY(!values.join(QLatin1Char('\n')).contains(QLatin1String("sim-secret")));
        QVERIFY(values.contains(QStringLiteral("[redacted]")));
    }

    void jsonBodyIsIndentedInItsOrder()
    {
        const WebhookSample sample = sampleOf(QStringLiteral("oncloud"), 0);
        m_pane->setEntry(entryOf(sample));
        auto* bodyText = child<QPlainTextEdit>("bodyText");
        QCOMPARE(child<QStackedWidget>("bodyStack")->currentWidget(), bodyText);
        QCOMPARE(child<QTabWidget>("bodyTabs")->tabText(0), QStringLiteral("JSON"));
        const QString text = bodyText->toPlainText();
        QVERIFY2(text.startsWith(QLatin1String("{\n    \"event\": \"sms.inbound\",\n"
                                               "    \"from\": \"+17705551234\",\n"
                                               "    \"to\": \"+14045559999\",\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("    \"media\": [\n        \"https://")),
                 qPrintable(text));
        QVERIFY(text.endsWith(QLatin1String("\n}")));
        QCOMPARE(QJsonDocument::fromJson(text.toUtf8()), QJsonDocument::fromJson(sample.body));
        QVERIFY(child<QLabel>("bodyTitleLabel")->text().contains(QLatin1String("JSON")));
        QVERIFY(!child<QLabel>("bodyNoteLabel")->isVisible());
    }

    void formBodyIsAFieldTable()
    {
        for (int n : {0, 1, 3, 4}) { // document example, national sender, unicode, multi-line
            const WebhookSample sample = sampleOf(QStringLiteral("pbx"), n);
            m_pane->setEntry(entryOf(sample));
            auto* table = child<QTableWidget>("formTable");
            QCOMPARE(child<QStackedWidget>("bodyStack")->currentWidget(), table);
            QCOMPARE(child<QTabWidget>("bodyTabs")->tabText(0), QStringLiteral("Form fields"));
            const auto decoded = FormFields::decode(sample.body);
            QVERIFY(std::holds_alternative<FormFields>(decoded));
            const auto& fields = std::get<FormFields>(decoded).fields();
            QCOMPARE(table->rowCount(), int(fields.size()));
            for (int row = 0; row < table->rowCount(); ++row) {
                QCOMPARE(table->item(row, 0)->text(), fields.at(row).first);
                QCOMPARE(table->item(row, 1)->text(), fields.at(row).second);
            }
            const int bodyRow = int(columnTexts(table, 0).indexOf(QStringLiteral("body")));
            QVERIFY(bodyRow >= 0);
            QCOMPARE(table->item(bodyRow, 1)->text(), sample.text);

            // The same form with '+' for spaces (as HTML forms send it): read as spaces.
            RequestLogEntry plus = entryOf(sample);
            QVERIFY(plus.body.contains("%20"));
            plus.body.replace("%20", "+");
            plus.bodySize = plus.body.size();
            m_pane->setEntry(plus);
            QCOMPARE(table->rowCount(), int(fields.size()));
            QCOMPARE(table->item(bodyRow, 1)->text(), sample.text);
        }
    }

    void rawDump()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("oncloud"), 1));
        entry.body = QByteArray("{\"text\": \"Hello\"}\r\n\x01\xff", 21);
        entry.bodySize = entry.body.size();
        m_pane->setEntry(entry);
        const QStringList lines =
            child<QPlainTextEdit>("rawText")->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QStringLiteral("00000000  7b 22 74 65 78 74 22 3a  20 22 48 65 6c 6c "
                                             "6f 22  |{\"text\": \"Hello\"|"));
        QCOMPARE(lines.at(1), QStringLiteral("00000010  7d 0d 0a 01 ff                           "
                                             "         |}....|"));
        QVERIFY(child<QLabel>("bodyTitleLabel")->text().contains(QLatin1String("Latin-1")));
        QCOMPARE(child<QPlainTextEdit>("rawText")->font().family(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    }

    void incompleteBodyHasANote()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("zonitel"), 0));
        entry.bodySize = entry.body.size() + 5000;
        entry.body.truncate(40);
        m_pane->setEntry(entry);
        auto* note = child<QLabel>("bodyNoteLabel");
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("40")), qPrintable(note->text()));
        QVERIFY(note->text().contains(QLocale().toString(entry.bodySize)));
        QVERIFY(parsedText().contains(QLatin1String("incomplete")));

        m_pane->setEntry(entryOf(sampleOf(QStringLiteral("zonitel"), 0)));
        QVERIFY(!note->isVisible());
    }

    void parsedTabShowsTheRejection()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("oncloud"), 0));
        entry.body = "{\"event\":\"sms.inbound\",\"to\":\"+14045559999\"}";
        entry.bodySize = entry.body.size();
        m_pane->setEntry(entry);
        const QString text = parsedText();
        QVERIFY2(text.contains(QLatin1String("adapter refuses this request")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("HTTP 400 Bad Request")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("malformed")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("Inbound message")));
    }

    void unknownProviderIsDetected()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("zonitel"), 0));
        entry.provider.clear();
        entry.target = QStringLiteral("/webhook");
        m_pane->setEntry(entry);
        QVERIFY2(parsedText().contains(QLatin1String("Recognised as")), qPrintable(parsedText()));
        QVERIFY(parsedText().contains(QStringLiteral("+10000000010")));

        entry.body = "not a payload";
        entry.bodySize = entry.body.size();
        m_pane->setEntry(entry);
        QVERIFY2(parsedText().contains(QLatin1String("No provider")), qPrintable(parsedText()));
    }

    void responseTab()
    {
        m_pane->setEntry(refusedEntry());
        QCOMPARE(child<QLabel>("responseStatusLabel")->text(),
                 QStringLiteral("HTTP 401 Unauthorized"));
        QVERIFY2(child<QLabel>("latencyLabel")->text().contains(QLocale().toString(0.812, 'f', 2)),
                 qPrintable(child<QLabel>("latencyLabel")->text()));
        QCOMPARE(child<QPlainTextEdit>("responseBodyText")->toPlainText(),
                 QStringLiteral("{\n    \"error\": {\n        \"status\": 401,\n"
                                "        \"message\": \"the Authorization header is not the one "
                                "configured\"\n    }\n}"));

        RequestLogEntry accepted = entryOf(sampleOf(QStringLiteral("pbx"), 0));
        m_pane->setEntry(accepted);
        QCOMPARE(child<QLabel>("responseStatusLabel")->text(), QStringLiteral("HTTP 200 OK"));
        QCOMPARE(child<QPlainTextEdit>("responseBodyText")->toPlainText(), QString());
        QCOMPARE(child<QPlainTextEdit>("responseBodyText")->placeholderText(),
                 QStringLiteral("(empty)"));
        accepted.responseStatus = 0;
        accepted.responseBody = QString();
        accepted.latencyUs = -1;
        m_pane->setEntry(accepted);
        QCOMPARE(child<QLabel>("responseStatusLabel")->text(),
                 QStringLiteral("No response recorded"));
        QCOMPARE(child<QPlainTextEdit>("responseBodyText")->toPlainText(),
                 QStringLiteral("(none recorded)"));
    }

    void reasonTabOnlyForRefusedAndFailed()
    {
        QTabWidget* tabWidget = tabs();
        m_pane->setEntry(entryOf(sampleOf(QStringLiteral("oncloud"), 0)));
        QVERIFY(!tabWidget->isTabVisible(RequestDetailPane::ReasonTab));
        QVERIFY(!tabWidget->isTabEnabled(RequestDetailPane::ReasonTab));

        const RequestLogEntry refused = refusedEntry();
        m_pane->setEntry(refused);
        QVERIFY(tabWidget->isTabVisible(RequestDetailPane::ReasonTab));
        QVERIFY(tabWidget->isTabEnabled(RequestDetailPane::ReasonTab));
        QCOMPARE(tabWidget->tabText(RequestDetailPane::ReasonTab), QStringLiteral("Reason"));
        tabWidget->setCurrentIndex(RequestDetailPane::ReasonTab);
        QVERIFY(child<QLabel>("reasonLabel")->isVisible());
        QCOMPARE(child<QLabel>("reasonLabel")->text(), refused.reason);
        QVERIFY(child<QLabel>("outcomeTitleLabel")->text().startsWith(QLatin1String("Refused:")));
        QVERIFY(child<QLabel>("outcomeTitleLabel")->font().pointSizeF() >
                m_pane->font().pointSizeF() * 1.5);
        QVERIFY(child<QLabel>("outcomeCodeLabel")->text().contains(QLatin1String("refused-auth")));

        RequestLogEntry failed = refused;
        failed.outcome = QStringLiteral("store-failed");
        failed.responseStatus = 500;
        failed.reason = QStringLiteral("the store refused the data: disk full");
        m_pane->setEntry(failed);
        QCOMPARE(tabWidget->currentIndex(), int(RequestDetailPane::ReasonTab));
        QVERIFY(child<QLabel>("outcomeTitleLabel")->text().startsWith(QLatin1String("Failed:")));
        QCOMPARE(child<QLabel>("reasonLabel")->text(), failed.reason);

        // An accepted one next: the hidden Reason tab is not left current.
        m_pane->setEntry(entryOf(sampleOf(QStringLiteral("pbx"), 0)));
        QCOMPARE(tabWidget->currentIndex(), int(RequestDetailPane::RequestTab));
        QVERIFY(!tabWidget->isTabVisible(RequestDetailPane::ReasonTab));
    }

    void secretsAreRedactedEvenIfStored()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("oncloud"), 0));
        entry.headers.append(RequestLogEntry::Header("proxy-authorization", "Basic do-not-show"));
        entry.headers.append(RequestLogEntry::Header("AUTHORIZATION", "Bearer do-not-show"));
        m_pane->setEntry(entry);
        const QStringList values = columnTexts(child<QTableWidget>("headersTable"), 1);
        QVERIFY(!values.join(QLatin1Char('\n')).contains(QLatin1String("do-not-show")));
        QCOMPARE(values.count(QStringLiteral("[redacted]")), 3);
    }

    void htmlInTheRequestIsShownAsText()
    {
        RequestLogEntry entry = entryOf(sampleOf(QStringLiteral("zonitel"), 0));
        entry.target = QStringLiteral("/webhooks/zonitel?<b>bold</b>");
        entry.body.replace("Hello, this is a test SMS", "<b>not bold</b> & <i>x</i>");
        entry.bodySize = entry.body.size();
        m_pane->setEntry(entry);
        QCOMPARE(child<QLabel>("requestLineLabel")->text(),
                 QStringLiteral("POST /webhooks/zonitel?<b>bold</b>"));
        QCOMPARE(child<QLabel>("requestLineLabel")->textFormat(), Qt::PlainText);
        QVERIFY2(parsedText().contains(QLatin1String("<b>not bold</b> & <i>x</i>")),
                 qPrintable(parsedText()));
    }

    // Not a check: keeps an onCloud JSON and a PBX form request on screen for screenshots.
    void showForScreenshot()
    {
        const int seconds = qEnvironmentVariableIntValue("SMSDESK_DETAIL_SHOW_SECONDS");
        if (seconds <= 0)
            QSKIP("set SMSDESK_DETAIL_SHOW_SECONDS to show the panes for screenshots");
        m_pane.reset();
        const QString tab = qEnvironmentVariable("SMSDESK_DETAIL_TAB", QStringLiteral("request"));
        QList<std::shared_ptr<RequestDetailPane>> panes;
        QList<RequestLogEntry> entries = {tab == QLatin1String("reason") ||
                                                  tab == QLatin1String("response")
                                              ? refusedEntry()
                                              : entryOf(sampleOf(QStringLiteral("oncloud"), 0)),
                                          entryOf(sampleOf(QStringLiteral("pbx"), 3))};
        if (tab == QLatin1String("status")) { // status reports on the Parsed tab
            entries = {
                entryOf(
                    sampleOf(QStringLiteral("android-gateway"), 1, WebhookSample::Kind::Status)),
                entryOf(sampleOf(QStringLiteral("zonitel"), 1, WebhookSample::Kind::Status))};
        }
        for (int i = 0; i < entries.size(); ++i) {
            auto pane = std::make_shared<RequestDetailPane>(m_providers);
            pane->setWindowTitle(entries.at(i).provider);
            pane->setEntry(entries.at(i));
            auto* tabWidget = pane->findChild<QTabWidget*>(QStringLiteral("tabs"));
            if (tab == QLatin1String("parsed") || tab == QLatin1String("status"))
                tabWidget->setCurrentIndex(RequestDetailPane::ParsedTab);
            else if (tab == QLatin1String("response"))
                tabWidget->setCurrentIndex(RequestDetailPane::ResponseTab);
            else if (tab == QLatin1String("reason"))
                tabWidget->setCurrentIndex(i == 0 ? RequestDetailPane::ReasonTab
                                                  : RequestDetailPane::RequestTab);
            else if (tab == QLatin1String("raw"))
                pane->findChild<QTabWidget*>(QStringLiteral("bodyTabs"))->setCurrentIndex(1);
            pane->setGeometry(i * 640, 0, 636, 896);
            pane->show();
            panes.append(pane);
        }
        QTest::qWait(seconds * 1000);
    }
};

QTEST_MAIN(TestRequestDetailPane)
#include "TestRequestDetailPane.moc"
