// Not a test: the window as a person sees it, written to PNG files to be looked at. Run it
// under Xvfb (xvfb-run -a -s "-screen 0 1280x800x24" build/dev/tests/gui/gui_screenshots DIR):
// the main window at 1100 x 680 over a fresh store with a few numbers, its Numbers page, and
// its Inspector with a status report (fired at its own listener) selected, the number dialog's
// Auto-replies tab, and the Dashboard after that traffic (plan usage from sends stored
// beforehand).
#include "GuiTestContext.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "dashboard/DashboardPage.h"
#include "inspector/InspectorPage.h"
#include "inspector/RequestLogModel.h"
#include "numbers/NumberDialog.h"
#include "numbers/NumbersPage.h"
#include "plans/PlansPage.h"
#include "providers/samples/WebhookSampleFactory.h"
#include "rules/AutoReplyRepository.h"
#include "secrets/PathToken.h"
#include "store/Database.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "widgets/AppTranslations.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <cstdio>

using namespace smsdesk;

namespace {

bool save(QWidget* widget, const QString& path)
{
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppTranslations::install(app, QLocale(QStringLiteral("en_US")));
    test::GuiTestContext::useTestSettings(QStringLiteral("gui_screenshots"));
    const QString folder = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(folder);
    Settings().clear();
    Settings().setListen(QStringLiteral("127.0.0.1:0"));

    test::GuiTestContext fixture;
    QString error;
    if (!fixture.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    NumberRepository numbers(fixture.context().database().connection(), fixture.clock());
    PlanRecord plan;
    plan.name = QStringLiteral("Standard 1000");
    plan.monthlyLimit = 1000;
    PlanRepository(fixture.context().database().connection(), fixture.clock()).insert(plan);
    struct Number
    {
        const char* e164;
        const char* provider;
        const char* label;
        const char* url;
        bool auth;
        bool token;
    };
    const Number rows[] = {
        {"+14045559999", "oncloud", "Front desk",
         "https://desk-tunnel.example.com/webhooks/oncloud", true, false},
        {"+10000000020", "zonitel", "Support line",
         "https://desk-tunnel.example.com/webhooks/zonitel", false, false},
        {"+61299999999", "pbx", "Sydney office",
         "https://desk-tunnel.example.com/webhooks/pbx/3a9f0c1d2e4b5a6978800112233445566", false,
         true},
    };
    for (const Number& row : rows) {
        NumberRecord number;
        number.e164 = QString::fromLatin1(row.e164);
        number.provider = QString::fromLatin1(row.provider);
        number.label = QString::fromLatin1(row.label);
        number.webhookUrl = QString::fromLatin1(row.url);
        number.hasAuthHeader = row.auth;
        number.hasSecret = row.auth;
        number.planId = plan.id;
        if (row.token)
            number.pathTokenHash = PathToken::hash(PathToken::generate().toLatin1());
        numbers.insert(number);
    }
    fixture.secrets().entries.insert(SecretStore::numberKey(QStringLiteral("+14045559999"),
                                                            SecretStore::Kind::AuthorizationHeader),
                                     QStringLiteral("Bearer front-desk-7781"));

    MainWindow window(fixture.context());
    window.resize(1100, 680);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    window.showPage(window.numbersPage());
    QTest::qWait(500);
    save(&window, folder + QStringLiteral("/numbers.png"));

    {
        AutoReplyRules rules;
        rules.keywordRules.append({QStringLiteral("hours"),
                                   QStringLiteral("We are open Monday to Friday, 9 am to 5 pm."),
                                   {}});
        rules.keywordRules.append({QStringLiteral("price list"),
                                   QStringLiteral("Our prices: see the attached list."),
                                   {QStringLiteral("https://example.com/prices.pdf")}});
        rules.outOfHoursEnabled = true;
        QString scheduleError;
        WeeklySchedule::parse(QStringLiteral("mon-fri 09:00-17:00"), &rules.businessHours,
                              &scheduleError);
        rules.businessHours.setTimeZone(QTimeZone("America/New_York"));
        rules.outOfHoursReply =
            QStringLiteral("Thanks for your message! We are closed now and answer on the next "
                           "working day.");
        const std::optional<NumberRecord> frontDesk =
            fixture.findNumber(QStringLiteral("+14045559999"));
        AutoReplyRepository(fixture.context().database().connection())
            .save(frontDesk->id, rules, 1);
        NumberDialog dialog(fixture.context(), &window);
        dialog.setNumber(*frontDesk);
        dialog.show();
        if (!QTest::qWaitForWindowExposed(&dialog))
            return 1;
        auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("tabs"));
        if (!QTest::qWaitFor([&] { return tabs->isTabEnabled(1); }, 5000))
            return 1;
        tabs->setCurrentIndex(1);
        QTest::qWait(300);
        save(&dialog, folder + QStringLiteral("/number-auto-replies.png"));
        dialog.reject();
    }

    window.showPage(window.plansPage());
    QTest::qWait(300);
    save(&window, folder + QStringLiteral("/plans.png"));

    InspectorPage* inspector = window.inspectorPage();
    window.showPage(inspector);
    if (!QTest::qWaitFor(
            [&] { return window.listener()->state() == ListenerController::State::Running; },
            10000))
        return 1;
    // Traffic: a few messages in, a refusal, then a status report on a message we sent.
    WebhookSampleFactory::Options options;
    options.provider = QStringLiteral("zonitel");
    options.seed = 7;
    const WebhookSampleFactory samples(options);
    WebhookFirer firer;
    firer.setUrl(QUrl(window.listener()->url()));
    firer.run(4, [&](int n) { return samples.sample(n); });
    QSignalSpy done(inspector, &InspectorPage::actionFinished);
    inspector->sendTestWebhookFor(*fixture.findNumber(QStringLiteral("+10000000020")),
                                  WebhookSample::Kind::Status);
    done.wait(10000);
    QTest::qWait(500);
    const RequestReplayer::Result result = done.value(0).value(0).value<RequestReplayer::Result>();
    inspector->selectRequest(result.requestLogId);
    QTest::qWait(800);
    save(&window, folder + QStringLiteral("/inspector-status-report.png"));

    // The Dashboard: this cycle's sends (850, 1000 and 120 of 1,000), a few refused webhooks.
    QSqlQuery insert(fixture.context().database().connection());
    fixture.context().database().connection().transaction();
    const QList<QPair<QString, int>> sent = {{QStringLiteral("+14045559999"), 850},
                                             {QStringLiteral("+10000000020"), 1000},
                                             {QStringLiteral("+61299999999"), 120}};
    for (const auto& [did, count] : sent) {
        for (int i = 0; i < count; ++i) {
            insert.prepare(QStringLiteral(
                "INSERT INTO messages (direction, provider, did, remote, status, "
                "provider_message_id, received_at) VALUES ('outbound', 'oncloud', ?, "
                "'+17705550000', 'sent', ?, ?)"));
            insert.addBindValue(did);
            insert.addBindValue(QStringLiteral("shot-%1-%2").arg(did).arg(i));
            insert.addBindValue(fixture.clock().nowMs() - qint64(i) * 600000);
            insert.exec();
        }
    }
    fixture.context().database().connection().commit();
    WebhookSampleFactory::Options oncloud;
    oncloud.provider = QStringLiteral("oncloud");
    oncloud.seed = 9;
    const WebhookSampleFactory unauthorised(oncloud);
    firer.run(3, [&](int n) { return unauthorised.sample(n); }); // refused: no Authorization
    firer.run(20, [&](int n) { return samples.sample(10 + n); });
    QSignalSpy refreshed(window.dashboardPage(), &DashboardPage::refreshed);
    window.showPage(window.dashboardPage());
    refreshed.wait(10000);
    QTest::qWait(1500);
    save(&window, folder + QStringLiteral("/dashboard.png"));
    return 0;
}
