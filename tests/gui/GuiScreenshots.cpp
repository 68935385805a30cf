// Not a test: the window as a person sees it, written to PNG files to be looked at. Run it
// under Xvfb (xvfb-run -a -s "-screen 0 1280x800x24" build/dev/tests/gui/gui_screenshots DIR):
// the main window at 1100 x 680 over a fresh store with a few numbers, its Numbers page, and
// its Inspector with a status report (fired at its own listener) selected, the number dialog's
// Auto-replies tab, the Dashboard after that traffic (plan usage from sends stored
// beforehand), and a busy conversation: a photo the media archive kept (served by a loopback
// server, archived by the window's catch-up, shown as a thumbnail), right-to-left text, emoji
// and a failed message with Retry.
#include "GuiTestContext.h"
#include "MainWindow.h"
#include "MediaTestServer.h"
#include "Settings.h"
#include "WebhookFirer.h"
#include "conversations/ConversationModel.h"
#include "conversations/ConversationThreadPane.h"
#include "conversations/ConversationView.h"
#include "conversations/ConversationsPage.h"
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
#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <cmath>
#include <cstdio>

using namespace smsdesk;

namespace {

bool save(QWidget* widget, const QString& path)
{
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

// A photo for the conversation: a bicycle wheel, roughly.
QByteArray photo()
{
    QImage image(480, 360, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 360);
    sky.setColorAt(0, QColor(120, 180, 230));
    sky.setColorAt(1, QColor(230, 240, 250));
    painter.fillRect(image.rect(), sky);
    painter.fillRect(QRect(0, 280, 480, 80), QColor(90, 90, 95));
    painter.setPen(QPen(QColor(30, 30, 30), 14));
    painter.drawEllipse(QPoint(240, 190), 120, 110); // bent: not quite round
    painter.setPen(QPen(QColor(160, 160, 170), 3));
    for (int i = 0; i < 12; ++i) {
        const double angle = i * 3.14159 / 6;
        painter.drawLine(QPointF(240, 190),
                         QPointF(240 + 112 * std::cos(angle), 190 + 102 * std::sin(angle)));
    }
    painter.setBrush(QColor(200, 60, 50));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPoint(240, 190), 16, 16);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Stores a message of the busy conversation.
void insertMessage(QSqlDatabase db, bool outbound, const QString& text, const QStringList& media,
                   qint64 atMs, const QString& status = QString(), const QString& code = QString())
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO messages (direction, provider, did, remote, text, media, status, error_code, "
        "received_at) VALUES (?, 'oncloud', '+14045559999', '+17705551234', ?, ?, ?, ?, ?)"));
    query.addBindValue(outbound ? QStringLiteral("outbound") : QStringLiteral("inbound"));
    query.addBindValue(text);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(media)).toJson(QJsonDocument::Compact)));
    query.addBindValue(!status.isEmpty() ? status
                       : outbound        ? QStringLiteral("delivered")
                                         : QStringLiteral("received"));
    query.addBindValue(code.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : code);
    query.addBindValue(atMs);
    query.exec();
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

    // The busy conversation, stored before the window opens: its archive catches up with the
    // photo at once.
    test::MediaTestServer media;
    if (!media.listen())
        return 1;
    test::MediaTestServer::Route photoRoute;
    photoRoute.contentType = "image/png";
    photoRoute.body = photo();
    media.setRoute(QStringLiteral("/uploads/wh_67ae1b2f3c4d5.png"), photoRoute);
    test::MediaTestServer::Route receiptRoute;
    receiptRoute.contentType = "application/pdf";
    receiptRoute.body = "%PDF-1.4\n" + QByteArray(48 * 1024, ' ') + "\n%%EOF\n";
    media.setRoute(QStringLiteral("/uploads/wh_receipt.pdf"), receiptRoute);
    test::MediaTestServer::Route hugeRoute;
    hugeRoute.contentType = "video/mp4";
    hugeRoute.body = QByteArray(11 * 1024 * 1024, '\0');
    media.setRoute(QStringLiteral("/uploads/wh_ride.mp4"), hugeRoute);
    {
        const QSqlDatabase db = fixture.context().database().connection();
        const qint64 minute = 60'000;
        const qint64 start = fixture.clock().nowMs() - 40 * minute;
        insertMessage(db, false,
                      QStringLiteral("Hi! My back wheel got bent \U0001F62C can you fix it?"), {},
                      start);
        insertMessage(db, false, QStringLiteral("The receipt, and what happened:"),
                      {media.url(QStringLiteral("/uploads/wh_receipt.pdf")).toString(),
                       media.url(QStringLiteral("/uploads/wh_ride.mp4")).toString(),
                       media.url(QStringLiteral("/uploads/wh_gone.jpg")).toString()},
                      start + 30000);
        insertMessage(db, false, QStringLiteral("Here it is:"),
                      {media.url(QStringLiteral("/uploads/wh_67ae1b2f3c4d5.png")).toString()},
                      start + minute);
        insertMessage(db, true, QStringLiteral("Yes, 9 to 1 on Saturday. What else do you need?"),
                      {}, start + 3 * minute);
        insertMessage(db, false,
                      QStringLiteral("\u0645\u0631\u062d\u0628\u0627\u060c \u0623\u062d\u062a"
                                     "\u0627\u062c \u0625\u0644\u0649 \u062a\u0635\u0644\u064a"
                                     "\u062d \u062f\u0631\u0627\u062c\u062a\u064a"),
                      {}, start + 4 * minute);
        insertMessage(db, true,
                      QStringLiteral("\u05e9\u05dc\u05d5\u05dd! \u05db\u05df, \u05d0\u05e0"
                                     "\u05d7\u05e0\u05d5 \u05de\u05ea\u05e7\u05e0\u05d9\u05dd "
                                     "\u05d0\u05d5\u05e4\u05e0\u05d9\u05d9\u05dd \U0001F6B2"),
                      {}, start + 6 * minute);
        insertMessage(db, true, QStringLiteral("Bring it by at 10 \U0001F44D\U0001F3FD"), {},
                      start + 7 * minute, QStringLiteral("failed"), QStringLiteral("WH-2"));
    }

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

    // The busy conversation, its photo kept and shown as a thumbnail.
    window.showPage(window.conversationsPage());
    QTest::qWait(300); // the page laid out before the thread opens in it
    window.conversationsPage()->showThread(
        {QStringLiteral("+14045559999"), QStringLiteral("+17705551234")});
    ConversationView* view = window.conversationsPage()->threadPane()->view();
    const bool thumbnail = QTest::qWaitFor(
        [view] {
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                for (const QVariant& image : view->model()
                                                 ->index(row, 0)
                                                 .data(ConversationModel::ThumbnailsRole)
                                                 .toList()) {
                    if (!image.value<QImage>().isNull())
                        return true;
                }
            }
            return false;
        },
        10000);
    if (!thumbnail)
        std::fprintf(stderr, "no thumbnail showed\n");
    QTest::qWait(500);

    save(&window, folder + QStringLiteral("/conversations-media.png"));
    view->list()->scrollToTop(); // the media without a thumbnail, and why
    QTest::qWait(300);
    save(&window, folder + QStringLiteral("/conversations-media-lines.png"));
    return thumbnail ? 0 : 1;
}
