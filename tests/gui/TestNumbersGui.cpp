// The Numbers page and the number dialog, driven like a person would: shortcuts, typing,
// clicking OK, on a real SQLite file with the in-memory keychain.
#include "GuiTestContext.h"
#include "MainWindow.h"
#include "Settings.h"
#include "TempDatabase.h"
#include "numbers/AutoReplyEditor.h"
#include "numbers/NumberDialog.h"
#include "numbers/NumberTableModel.h"
#include "numbers/NumbersPage.h"
#include "plans/PlanTableModel.h"
#include "plans/PlansPage.h"
#include "rules/AutoReplyRepository.h"
#include "secrets/PathToken.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"
#include "store/PlanRepository.h"
#include "widgets/ThemeIcon.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <memory>
#include <thread>

using namespace smsdesk;
using test::child;

namespace {
const QString kE164 = QStringLiteral("+14045559999");
const QString kSecret = QStringLiteral("whsec-Zq81-never-in-sqlite");

QPushButton* okButton(QDialog* dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

void chooseProvider(QDialog* dialog, const QString& id)
{
    auto* combo = child<QComboBox>(dialog, "providerCombo");
    combo->setCurrentIndex(combo->findData(id));
}

// The --db argument that opens the store of `config`, a PostgreSQL database.
QString databaseArgument(const DatabaseConfig& config)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(config.userName());
    url.setPassword(config.password());
    url.setHost(config.host());
    url.setPort(config.port());
    url.setPath(u'/' + config.databaseName());
    return url.toString();
}

NumberRecord numberRecord(const QString& e164, qint64 planId = 0)
{
    NumberRecord number;
    number.e164 = e164;
    number.provider = QStringLiteral("oncloud");
    number.planId = planId;
    return number;
}
} // namespace

class TestNumbersGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithEmptyStateAndDatabaseInStatusBar();
    void addsNumberThroughDialog();
    void editsDisablesAndDeletes();
    void editsAutoReplies();
    void cancelledDeleteKeepsTheNumber();
    void validatesInline();
    void possibleButUnknownNumberWarns();
    void providerFieldsFollowProvider();
    void keychainFailureKeepsDialogOpen();
    void duplicateNumberIsRefused();
    void clearingTheSecretRemovesIt();
    void generatesSavesAndRemovesPathToken();
    void filtersOverTextColumns();
    void switchesPagesAndRemembersThem();
    void numberModelPassesModelTester();
    void pagesReadThroughTheWorker();
    void onlyTheNewestReadShows();
    void guiRunsWhileTheStoreIsLocked();
    void labelsSayWhatEachCredentialDoes();
    void inboundCheckIsShownAsTyped();
    void webhookUrlExampleIsTheProvidersPath();
    void columnsFitTheDefaultWindow();
    void plansColumnsFitTheirContent();
    void pagesHaveIcons();

private:
    // Opens the dialog with Ctrl+N and returns it once it is shown.
    NumberDialog* openAddDialog();
    NumberDialog* waitForDialog();
    void addNumber(const QString& typed, const QString& provider, const QString& secret,
                   const QString& label = {});

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    NumbersPage* m_page = nullptr;
    QTableView* m_table = nullptr;
};

void TestNumbersGui::initTestCase()
{
    test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_numbers"));
}

void TestNumbersGui::init()
{
    test::GuiTestContext::clearSettings();
    m_fixture = std::make_unique<test::GuiTestContext>();
    QString error;
    QVERIFY2(m_fixture->open(&error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_fixture->context());
    m_page = m_window->numbersPage();
    m_table = child<QTableView>(m_page, "numbersTable");
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::GuiTestContext::activate(m_window.get()));
    // Conversations is the first page, the Dashboard the second: Numbers is the third (Ctrl+3).
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_3));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_page));
}

void TestNumbersGui::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_fixture.reset();
}

NumberDialog* TestNumbersGui::waitForDialog()
{
    return test::GuiTestContext::waitForDialog<NumberDialog>(m_page);
}

NumberDialog* TestNumbersGui::openAddDialog()
{
    test::GuiTestContext::press(m_window.get(), QKeySequence::New);
    return waitForDialog();
}

void TestNumbersGui::addNumber(const QString& typed, const QString& provider, const QString& secret,
                               const QString& label)
{
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), typed);
    chooseProvider(dialog, provider);
    if (provider == u"android-gateway")
        QTest::keyClicks(child<QLineEdit>(dialog, "deviceIdEdit"), QStringLiteral("7"));
    if (!label.isEmpty())
        QTest::keyClicks(child<QLineEdit>(dialog, "labelEdit"), label);
    if (!secret.isEmpty())
        QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), secret);
    const int before = m_page->model()->rowCount();
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_page->model()->rowCount(), before + 1);
    QTRY_VERIFY(!dialog);
}

void TestNumbersGui::startsWithEmptyStateAndDatabaseInStatusBar()
{
    auto* empty = child<QLabel>(m_page, "numbersEmpty");
    QTRY_VERIFY(empty->isVisible()); // once the (empty) store has been read
    QVERIFY(!m_table->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No numbers yet. Press Ctrl+N to add one."));

    auto* navigation = child<QListWidget>(m_window.get(), "navigation");
    QCOMPARE(navigation->count(), 6);
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Conversations"));
    QCOMPARE(navigation->item(1)->text(), QStringLiteral("Dashboard"));
    QCOMPARE(navigation->item(2)->text(), QStringLiteral("Numbers"));
    QCOMPARE(navigation->item(3)->text(), QStringLiteral("Plans"));
    QCOMPARE(navigation->item(4)->text(), QStringLiteral("Inspector"));
    QCOMPARE(navigation->item(5)->text(), QStringLiteral("Failures")); // nothing failed yet
    QCOMPARE(m_window->currentPage(), m_page);

    auto* database = child<QLabel>(m_window->statusBar(), "databaseLabel");
    QVERIFY(database->isVisible());
    QVERIFY2(database->text().contains(m_fixture->databasePath()), qPrintable(database->text()));
}

void TestNumbersGui::addsNumberThroughDialog()
{
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add number"));
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing typed yet

    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("(404) 555-9999"));
    QCOMPARE(child<QLabel>(dialog, "numberStatus")->text(), QStringLiteral("→ +14045559999"));
    QTest::keyClicks(child<QLineEdit>(dialog, "labelEdit"), QStringLiteral("Front desk"));
    chooseProvider(dialog, QStringLiteral("pbx"));
    QTest::keyClicks(child<QLineEdit>(dialog, "serviceIdEdit"), QStringLiteral("svc-1"));
    QTest::keyClicks(child<QLineEdit>(dialog, "webhookUrlEdit"),
                     QStringLiteral("https://desk.example.com/webhooks/pbx"));
    auto* secretEdit = child<QLineEdit>(dialog, "secretEdit");
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secretEdit, kSecret);
    QVERIFY(okButton(dialog)->isEnabled());

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    // The save runs off the GUI thread: the dialog shows that it is busy meanwhile.
    QVERIFY(dialog->isBusy());
    QVERIFY(child<QLabel>(dialog, "busyLabel")->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());

    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QTRY_VERIFY(!dialog); // accepted and deleted
    QVERIFY(m_table->isVisible());

    // The row as shown.
    QAbstractItemModel* shown = m_table->model();
    QCOMPARE(shown->index(0, NumberTableModel::NumberColumn).data().toString(),
             QStringLiteral("(404) 555-9999"));
    QCOMPARE(shown->index(0, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Front desk"));
    QCOMPARE(shown->index(0, NumberTableModel::ProviderColumn).data().toString(),
             QStringLiteral("PBX carrier"));
    QCOMPARE(shown->index(0, NumberTableModel::ProviderColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("PBX carrier (form webhooks)"));
    QCOMPARE(shown->index(0, NumberTableModel::SecretColumn).data().toString(),
             QStringLiteral("set"));
    // Neither an Authorization value nor a path token: said, and in a warning colour.
    QCOMPARE(shown->index(0, NumberTableModel::InboundAuthColumn).data().toString(),
             QStringLiteral("None"));
    QVERIFY(shown->index(0, NumberTableModel::InboundAuthColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("anyone who can reach the listener")));
    QVERIFY(
        shown->index(0, NumberTableModel::InboundAuthColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(shown->index(0, NumberTableModel::EnabledColumn).data().toString(),
             QStringLiteral("Yes"));
    QCOMPARE(m_page->currentId(), m_page->model()->numberAt(0).id); // the new row is selected

    // The row as stored.
    const auto stored = m_fixture->findNumber(kE164);
    QVERIFY(stored);
    QCOMPARE(stored->provider, QStringLiteral("pbx"));
    QCOMPARE(stored->serviceId, QStringLiteral("svc-1"));
    QCOMPARE(stored->label, QStringLiteral("Front desk"));
    QVERIFY(stored->hasSecret);
    QVERIFY(!stored->hasAuthHeader);
    QSqlQuery query(m_fixture->context().database().connection());
    QVERIFY(
        query.exec(QStringLiteral("SELECT has_secret FROM numbers WHERE e164 = '+14045559999'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);

    // The secret is in the keychain, and nowhere in the database files.
    QCOMPARE(m_fixture->secrets().entries.value(
                 SecretStore::numberKey(kE164, SecretStore::Kind::WebhookSecret)),
             kSecret);
    m_fixture->context().worker().drain();
    const QByteArray bytes = m_fixture->databaseBytes();
    QVERIFY(bytes.contains("+14045559999")); // the files read are the ones written
    QVERIFY(!bytes.contains(kSecret.toUtf8()));
}

void TestNumbersGui::editsDisablesAndDeletes()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), kSecret,
              QStringLiteral("Front desk"));
    const qint64 id = m_page->model()->numberAt(0).id;

    // Edit: Enter on the row.
    QVERIFY(test::GuiTestContext::focus(m_table));
    m_page->selectNumber(id);
    QTest::keyClick(m_table, Qt::Key_Return);
    QPointer<NumberDialog> dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->windowModality() != Qt::NonModal);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit number"));
    auto* number = child<QLineEdit>(dialog, "numberEdit");
    QCOMPARE(number->text(), QStringLiteral("(404) 555-9999"));
    auto* secret = child<QLineEdit>(dialog, "secretEdit");
    QVERIFY(secret->text().isEmpty()); // never read back
    QCOMPARE(secret->placeholderText(), QStringLiteral("set — leave empty to keep"));
    QVERIFY(child<QCheckBox>(dialog, "secretClear")->isVisible());
    QVERIFY(!child<QCheckBox>(dialog, "authHeaderClear")->isVisible()); // nothing to clear

    auto* label = child<QLineEdit>(dialog, "labelEdit");
    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("Night line"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_table->model()->index(0, NumberTableModel::LabelColumn).data().toString(),
                 QStringLiteral("Night line"));
    auto stored = m_fixture->findNumber(kE164);
    QVERIFY(stored);
    QCOMPARE(stored->label, QStringLiteral("Night line"));
    QVERIFY(stored->hasSecret); // left empty: kept
    QCOMPARE(m_fixture->secrets().entries.value(
                 SecretStore::numberKey(kE164, SecretStore::Kind::WebhookSecret)),
             kSecret);

    // Disable: Ctrl+D. The row turns grey.
    m_page->selectNumber(id);
    auto* toggle = child<QAction>(m_page, "toggleNumberAction");
    QCOMPARE(toggle->text(), QStringLiteral("&Disable"));
    QVERIFY(test::GuiTestContext::focus(m_table));
    QTest::keyClick(m_table, Qt::Key_D, Qt::ControlModifier);
    QTRY_VERIFY(!m_page->model()->numberAt(0).enabled);
    QVERIFY(!m_fixture->findNumber(kE164)->enabled);
    const QModelIndex row = m_page->model()->index(0, NumberTableModel::LabelColumn);
    QCOMPARE(row.data(Qt::ForegroundRole).value<QBrush>().color(),
             QApplication::palette().color(QPalette::Disabled, QPalette::Text));
    QCOMPARE(m_table->model()->index(0, NumberTableModel::EnabledColumn).data().toString(),
             QStringLiteral("No"));
    QCOMPARE(toggle->text(), QStringLiteral("E&nable"));

    // Delete: the Delete key asks first, naming the number.
    QString asked;
    m_page->setConfirmer([&asked](const QString&, const QString& question) {
        asked = question;
        return true;
    });
    QVERIFY(test::GuiTestContext::focus(m_table));
    m_page->selectNumber(id);
    QSignalSpy removed(m_page->model(), &QAbstractItemModel::rowsRemoved);
    QTest::keyClick(m_table, Qt::Key_Delete);
    QVERIFY2(asked.contains(QStringLiteral("(404) 555-9999")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("Night line")));
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(removed.count(), 1); // a precise signal, not a reset
    QVERIFY(!m_fixture->findNumber(kE164));
    QVERIFY(m_fixture->secrets().entries.isEmpty());
    QVERIFY(child<QLabel>(m_page, "numbersEmpty")->isVisible());
}

// The Auto-replies tab: rules typed into the table, the live segment count, the rules' problem
// shown inline and blocking Save, saved through the worker, shown again on reopening.
void TestNumbersGui::editsAutoReplies()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), kSecret);
    const qint64 id = m_page->model()->numberAt(0).id;
    const auto openEditor = [this, id]() -> QPointer<NumberDialog> {
        m_page->selectNumber(id);
        if (!test::GuiTestContext::focus(m_table))
            return nullptr;
        QTest::keyClick(m_table, Qt::Key_Return);
        return waitForDialog();
    };
    QPointer<NumberDialog> dialog = openEditor();
    QVERIFY(dialog);
    auto* tabs = child<QTabWidget>(dialog, "tabs");
    auto* editor = child<AutoReplyEditor>(dialog, "autoReplyEditor");
    const int tab = tabs->indexOf(child<QWidget>(dialog, "autoRepliesTab"));
    QTRY_VERIFY(tabs->isTabEnabled(tab)); // the stored rules (none) were read
    tabs->setCurrentIndex(tab);
    auto* table = child<QTableWidget>(dialog, "rulesTable");
    auto* problem = editor->problemLabel();
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(okButton(dialog)->isEnabled());

    // A new rule has no keyword yet: said, and Save waits for it.
    QTest::mouseClick(child<QPushButton>(dialog, "addRuleButton"), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("no keyword")), qPrintable(problem->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    table->item(0, 0)->setText(QStringLiteral("hours"));
    QVERIFY2(problem->text().contains(QLatin1String("no reply")), qPrintable(problem->text()));
    table->item(0, 1)->setText(QStringLiteral("Open 9–5 🙂"));
    QVERIFY(!problem->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());
    auto* ruleCounter = child<QLabel>(dialog, "ruleCounter");
    QVERIFY2(ruleCounter->text().contains(QLatin1String("UCS-2")), qPrintable(ruleCounter->text()));
    table->item(0, 1)->setText(QStringLiteral("Open 9 to 5"));
    QVERIFY2(ruleCounter->text().endsWith(QStringLiteral("11 / 160 \u00b7 1 SMS")),
             qPrintable(ruleCounter->text()));

    // A second rule, moved above the first: the first match wins, so order matters.
    QTest::mouseClick(child<QPushButton>(dialog, "addRuleButton"), Qt::LeftButton);
    table->item(1, 0)->setText(QStringLiteral("price"));
    table->item(1, 1)->setText(QStringLiteral("From $9"));
    table->item(1, 2)->setText(QStringLiteral("ftp://example.com/prices.pdf"));
    QVERIFY2(problem->text().contains(QLatin1String("http(s)")), qPrintable(problem->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    table->item(1, 2)->setText(QStringLiteral("https://example.com/prices.pdf"));
    table->setCurrentCell(1, 0);
    QTest::mouseClick(child<QPushButton>(dialog, "moveUpButton"), Qt::LeftButton);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("price"));

    // Out of hours: the reply and the days are required.
    auto* outOfHours = child<QCheckBox>(dialog, "outOfHoursCheck");
    outOfHours->setChecked(true);
    QVERIFY2(problem->text().contains(QLatin1String("out-of-hours reply")),
             qPrintable(problem->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    auto* reply = child<QPlainTextEdit>(dialog, "outOfHoursReplyEdit");
    reply->setFocus();
    QTest::keyClicks(reply, QStringLiteral("Closed now"));
    QCOMPARE(child<QLabel>(dialog, "outOfHoursCounter")->text(),
             QStringLiteral("10 / 160 \u00b7 1 SMS"));
    QVERIFY(!problem->isVisible());
    auto* zone = child<QComboBox>(dialog, "timeZoneCombo");
    zone->setCurrentText(QStringLiteral("Nowhere/Atlantis"));
    QVERIFY2(problem->text().contains(QLatin1String("Nowhere/Atlantis")),
             qPrintable(problem->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    zone->setCurrentText(QStringLiteral("America/Chicago"));
    QVERIFY(okButton(dialog)->isEnabled());

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    const std::optional<AutoReplyRules> stored =
        AutoReplyRepository(m_fixture->context().database().connection()).find(id);
    QVERIFY(stored);
    QCOMPARE(stored->keywordRules.size(), 2);
    QCOMPARE(stored->keywordRules.at(0).keyword, QStringLiteral("price"));
    QCOMPARE(stored->keywordRules.at(0).media,
             QStringList{QStringLiteral("https://example.com/prices.pdf")});
    QCOMPARE(stored->keywordRules.at(1).reply, QStringLiteral("Open 9 to 5"));
    QVERIFY(stored->outOfHoursEnabled);
    QCOMPARE(stored->outOfHoursReply, QStringLiteral("Closed now"));
    QCOMPARE(stored->businessHours.toString(), QStringLiteral("mon-fri 09:00-17:00"));
    QCOMPARE(stored->businessHours.timeZone().id(), QByteArray("America/Chicago"));

    // Reopened: the tab shows what was saved.
    dialog = openEditor();
    QVERIFY(dialog);
    tabs = child<QTabWidget>(dialog, "tabs");
    QTRY_VERIFY(tabs->isTabEnabled(tabs->indexOf(child<QWidget>(dialog, "autoRepliesTab"))));
    table = child<QTableWidget>(dialog, "rulesTable");
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("price"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Open 9 to 5"));
    QVERIFY(child<QCheckBox>(dialog, "outOfHoursCheck")->isChecked());
    QCOMPARE(child<QComboBox>(dialog, "timeZoneCombo")->currentText(),
             QStringLiteral("America/Chicago"));
    QCOMPARE(child<AutoReplyEditor>(dialog, "autoReplyEditor")->rules(), *stored);

    // Only onCloud answers with a reply: the tab is off for another provider.
    chooseProvider(dialog, QStringLiteral("pbx"));
    QVERIFY(!tabs->isTabEnabled(tabs->indexOf(child<QWidget>(dialog, "autoRepliesTab"))));
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestNumbersGui::cancelledDeleteKeepsTheNumber()
{
    addNumber(QStringLiteral("404-555-9999"), QStringLiteral("oncloud"), {});
    int asked = 0;
    m_page->setConfirmer([&asked](const QString&, const QString&) {
        ++asked;
        return false;
    });
    m_page->selectNumber(m_page->model()->numberAt(0).id);
    child<QAction>(m_page, "deleteNumberAction")->trigger();
    QCOMPARE(asked, 1);
    m_fixture->context().worker().drain();
    QCoreApplication::processEvents();
    QCOMPARE(m_page->model()->rowCount(), 1);
    QVERIFY(m_fixture->findNumber(kE164));
}

// A possible number the phone number data does not know yet: a warning, and OK stays enabled.
void TestNumbersGui::possibleButUnknownNumberWarns()
{
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    auto* number = child<QLineEdit>(dialog, "numberEdit");
    auto* status = child<QLabel>(dialog, "numberStatus");
    QTest::keyClicks(number, QStringLiteral("+447700900123"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(),
             QStringLiteral("→ +447700900123 ⚠ not in this system's number data: check it"));
    // The whole sentence as the tooltip; the line shown fits the dialog.
    QVERIFY2(status->toolTip().contains(QStringLiteral("in no number range")),
             qPrintable(status->toolTip()));
    QVERIFY(status->height() >= status->heightForWidth(status->width()));
    QVERIFY(okButton(dialog)->isEnabled());
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/number-dialog-warning.png")));
    number->clear();
    QTest::keyClicks(number, QStringLiteral("(404) 555-9999"));
    QCOMPARE(status->text(), QStringLiteral("→ +14045559999"));
    QVERIFY(status->toolTip().isEmpty());
    dialog->reject();
}

void TestNumbersGui::validatesInline()
{
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    auto* number = child<QLineEdit>(dialog, "numberEdit");
    auto* status = child<QLabel>(dialog, "numberStatus");
    QVERIFY(!okButton(dialog)->isEnabled());

    // A number that is too short: the reason, and no OK.
    QTest::keyClicks(number, QStringLiteral("555-12"));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("not a valid number")),
             qPrintable(status->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(status->palette().color(QPalette::WindowText) !=
            dialog->palette().color(QPalette::WindowText));

    // Corrected: shown as it will be stored.
    number->clear();
    QTest::keyClicks(number, QStringLiteral("404 555 9999"));
    QCOMPARE(status->text(), QStringLiteral("→ +14045559999"));
    QVERIFY(okButton(dialog)->isEnabled());

    // Zonitel delivers to https only.
    chooseProvider(dialog, QStringLiteral("zonitel"));
    auto* url = child<QLineEdit>(dialog, "webhookUrlEdit");
    auto* urlError = child<QLabel>(dialog, "webhookUrlError");
    QTest::keyClicks(url, QStringLiteral("http://desk.example.com/webhooks/zonitel"));
    QVERIFY(urlError->isVisible());
    QVERIFY2(urlError->text().contains(QStringLiteral("https://")), qPrintable(urlError->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    // The same URL is fine for onCloud.
    chooseProvider(dialog, QStringLiteral("oncloud"));
    QVERIFY(!urlError->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());
    chooseProvider(dialog, QStringLiteral("zonitel"));
    QVERIFY(urlError->isVisible());
    url->setSelection(0, 4);
    QTest::keyClicks(url, QStringLiteral("https"));
    QVERIFY(!urlError->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());

    // Zonitel sends "Bearer <token>".
    auto* auth = child<QLineEdit>(dialog, "authHeaderEdit");
    QTest::keyClicks(auth, QStringLiteral("Token abc"));
    auto* authError = child<QLabel>(dialog, "authHeaderError");
    QVERIFY(authError->isVisible());
    QVERIFY(authError->text().contains(QStringLiteral("Bearer")));
    QVERIFY(!okButton(dialog)->isEnabled());
    auth->clear();
    QTest::keyClicks(auth, QStringLiteral("Bearer abc"));
    QVERIFY(!authError->isVisible());

    // Email and client id.
    QTest::keyClicks(child<QLineEdit>(dialog, "fallbackEmailEdit"), QStringLiteral("not-an-email"));
    QVERIFY(child<QLabel>(dialog, "fallbackEmailError")->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
    child<QLineEdit>(dialog, "fallbackEmailEdit")->clear();
    QTest::keyClicks(child<QLineEdit>(dialog, "clientIdEdit"), QStringLiteral("client-7"));
    QVERIFY(child<QLabel>(dialog, "clientIdError")->text().contains(QStringLiteral("UUID")));
    QVERIFY(!okButton(dialog)->isEnabled());

    // Enter while invalid does nothing; Escape closes.
    QTest::keyClick(number, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fixture->numbers().size(), 0);
    QTest::keyClick(number, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_page->model()->rowCount(), 0);
}

void TestNumbersGui::providerFieldsFollowProvider()
{
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    const auto shown = [&](const char* name) { return child<QWidget>(dialog, name)->isVisible(); };
    chooseProvider(dialog, QStringLiteral("oncloud"));
    QVERIFY(!shown("serviceIdEdit") && !shown("clientIdEdit") && !shown("deviceIdEdit") &&
            !shown("simCombo"));
    QVERIFY(!shown("serviceIdLabel"));
    chooseProvider(dialog, QStringLiteral("pbx"));
    QVERIFY(shown("serviceIdEdit") && shown("serviceIdLabel") && !shown("clientIdEdit") &&
            !shown("deviceIdEdit"));
    chooseProvider(dialog, QStringLiteral("zonitel"));
    QVERIFY(!shown("serviceIdEdit") && shown("clientIdEdit") && !shown("deviceIdEdit"));
    chooseProvider(dialog, QStringLiteral("android-gateway"));
    QVERIFY(!shown("clientIdEdit") && shown("deviceIdEdit") && shown("simCombo") &&
            shown("simLabel"));

    // The gateway needs its device id; SIM 1 is kept.
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("+1 404 555 9999"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "deviceIdError")->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "deviceIdEdit"), QStringLiteral("42"));
    auto* sim = child<QComboBox>(dialog, "simCombo");
    sim->setCurrentIndex(sim->findData(1));
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog->draft().sim, 1);
    QCOMPARE(dialog->draft().deviceId, QStringLiteral("42"));
    QVERIFY(!dialog->draft().secret); // left empty: nothing to store

    // Every field has a mnemonic label with a buddy.
    for (const char* name :
         {"numberLabel", "labelLabel", "providerLabel", "deviceIdLabel", "simLabel",
          "webhookUrlLabel", "authHeaderLabel", "secretLabel", "fallbackEmailLabel", "planLabel"}) {
        auto* label = child<QLabel>(dialog, name);
        QVERIFY2(label->text().contains(u'&'), name);
        QVERIFY2(label->buddy(), name);
    }
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    const auto stored = m_fixture->findNumber(kE164);
    QVERIFY(stored);
    QCOMPARE(stored->deviceId, QStringLiteral("42"));
    QCOMPARE(stored->sim, 1);
    QVERIFY(!stored->hasSecret);
}

void TestNumbersGui::keychainFailureKeepsDialogOpen()
{
    m_fixture->secrets().failWith = SecretStore::Status::NoKeychain;
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("(404) 555-9999"));
    QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), kSecret);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    auto* formError = child<QLabel>(dialog, "formError");
    QTRY_VERIFY(formError->isVisible());
    QVERIFY2(formError->text().contains(QStringLiteral("test keychain failure")),
             qPrintable(formError->text()));
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isBusy());
    QVERIFY(okButton(dialog)->isEnabled()); // the user may try again
    m_fixture->context().worker().drain();
    QVERIFY(m_fixture->numbers().isEmpty());
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY(m_fixture->secrets().entries.isEmpty());

    // Once the keychain is back, the same dialog saves.
    m_fixture->secrets().failWith = SecretStore::Status::Ok;
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QVERIFY(m_fixture->findNumber(kE164)->hasSecret);
}

void TestNumbersGui::duplicateNumberIsRefused()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), {});
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("+1 404-555-9999"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    auto* formError = child<QLabel>(dialog, "formError");
    QTRY_VERIFY(formError->isVisible());
    QVERIFY2(formError->text().contains(QStringLiteral("already provisioned")),
             qPrintable(formError->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_fixture->numbers().size(), 1);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestNumbersGui::clearingTheSecretRemovesIt()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), kSecret);
    QVERIFY(m_fixture->findNumber(kE164)->hasSecret);
    m_page->selectNumber(m_page->model()->numberAt(0).id);
    QPointer<NumberDialog> dialog = m_page->editNumber();
    QVERIFY(dialog);
    auto* clear = child<QCheckBox>(dialog, "secretClear");
    auto* secret = child<QLineEdit>(dialog, "secretEdit");
    QTest::mouseClick(clear, Qt::LeftButton, {}, QPoint(4, clear->height() / 2));
    QVERIFY(clear->isChecked());
    QVERIFY(!secret->isEnabled());
    QCOMPARE(dialog->draft().secret, std::optional<QString>(QStringLiteral("")));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_table->model()->index(0, NumberTableModel::SecretColumn).data().toString(),
                 QStringLiteral("—"));
    QVERIFY(!m_fixture->findNumber(kE164)->hasSecret);
    QVERIFY(m_fixture->secrets().entries.isEmpty());
}

void TestNumbersGui::generatesSavesAndRemovesPathToken()
{
    const QString e164 = QStringLiteral("+17705551234");
    QPointer<NumberDialog> dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("(770) 555-1234"));
    chooseProvider(dialog, QStringLiteral("pbx"));
    auto* field = child<QLineEdit>(dialog, "pathTokenEdit");
    auto* generate = child<QPushButton>(dialog, "pathTokenGenerate");
    auto* copy = child<QPushButton>(dialog, "pathTokenCopy");
    auto* remove = child<QPushButton>(dialog, "pathTokenRemove");
    auto* status = child<QLabel>(dialog, "pathTokenStatus");
    QVERIFY(field->isReadOnly());
    QVERIFY(field->text().isEmpty());
    QVERIFY(!copy->isVisible());
    QVERIFY(!remove->isEnabled()); // nothing to remove
    QVERIFY(!status->isVisible());
    QVERIFY(!dialog->draft().pathToken);

    // Generate: the new token is shown once, to be copied, and goes into the draft.
    QTest::mouseClick(generate, Qt::LeftButton);
    const QString token = field->text();
    QVERIFY2(PathToken::isWellFormed(token), qPrintable(token));
    QCOMPARE(field->echoMode(), QLineEdit::Normal);
    QCOMPARE(dialog->draft().pathToken, std::optional<QString>(token));
    QVERIFY(copy->isVisible());
    QVERIFY(remove->isEnabled());
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QLatin1String("/webhooks/pbx/")), qPrintable(status->text()));
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text() == token);
    QGuiApplication::clipboard()->clear();

    // Generating again replaces it; Remove on a new number drops it again.
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(field->text() != token);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(field->text().isEmpty());
    QVERIFY(!dialog->draft().pathToken);
    QVERIFY(!copy->isVisible());
    QVERIFY(!remove->isEnabled());

    QTest::mouseClick(generate, Qt::LeftButton);
    const QString shown = field->text();
    QVERIFY(PathToken::isWellFormed(shown));
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);

    // Stored: the hash of the token shown, in the row; the token in the keychain only.
    auto stored = m_fixture->findNumber(e164);
    QVERIFY(stored);
    QCOMPARE(stored->pathTokenHash, PathToken::hash(shown.toUtf8()));
    QVERIFY(m_fixture->secrets().entries.value(
                SecretStore::numberKey(e164, SecretStore::Kind::PathToken)) == shown);
    QCOMPARE(m_fixture->secrets().entries.size(), 1);
    QCOMPARE(m_table->model()->index(0, NumberTableModel::InboundAuthColumn).data().toString(),
             QStringLiteral("Path token"));
    m_fixture->context().worker().drain();
    const QByteArray bytes = m_fixture->databaseBytes();
    QVERIFY(
        bytes.contains(stored->pathTokenHash.toLatin1())); // the files read are the ones written
    QVERIFY(!bytes.contains(shown.toUtf8()));

    // Editing: never read back, only "set"; Remove takes it out of both places.
    m_page->selectNumber(stored->id);
    dialog = m_page->editNumber();
    QVERIFY(dialog);
    field = child<QLineEdit>(dialog, "pathTokenEdit");
    remove = child<QPushButton>(dialog, "pathTokenRemove");
    QVERIFY(field->text().isEmpty());
    QCOMPARE(field->placeholderText(), QStringLiteral("set — Generate replaces it"));
    QVERIFY(!child<QPushButton>(dialog, "pathTokenCopy")->isVisible());
    QVERIFY(!dialog->draft().pathToken); // kept
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(field->placeholderText(), QStringLiteral("will be removed from the keychain"));
    QCOMPARE(dialog->draft().pathToken, std::optional<QString>(QStringLiteral("")));
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_table->model()->index(0, NumberTableModel::InboundAuthColumn).data().toString(),
                 QStringLiteral("None"));
    stored = m_fixture->findNumber(e164);
    QVERIFY(!stored->hasPathToken());
    QVERIFY(m_fixture->secrets().entries.isEmpty());
}

void TestNumbersGui::filtersOverTextColumns()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), {},
              QStringLiteral("Front desk"));
    addNumber(QStringLiteral("+44 20 7946 0958"), QStringLiteral("zonitel"), {},
              QStringLiteral("London"));
    addNumber(QStringLiteral("(212) 555-0100"), QStringLiteral("pbx"), {}, QStringLiteral("Sales"));
    QAbstractItemModel* shown = m_table->model();
    QCOMPARE(shown->rowCount(), 3);

    // Sorted by E.164: +1212… before +1404… before +44…
    QCOMPARE(shown->index(0, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Sales"));
    QCOMPARE(shown->index(1, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Front desk"));
    QCOMPARE(shown->index(2, NumberTableModel::NumberColumn).data().toString(),
             QStringLiteral("+44 20 7946 0958")); // another region: international form

    // Ctrl+F focuses the filter.
    QVERIFY(test::GuiTestContext::focus(m_table));
    test::GuiTestContext::press(m_window.get(), QKeySequence::Find);
    auto* filter = child<QLineEdit>(m_page, "numberFilter");
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("front"));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Front desk"));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("zonitel"));
    QCOMPARE(shown->rowCount(), 1);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("+4420"));
    QCOMPARE(shown->rowCount(), 1);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("set")); // the Secret column is not searched
    QCOMPARE(shown->rowCount(), 0);
    filter->clear();
    QCOMPARE(shown->rowCount(), 3);

    // Sorting by another column.
    m_table->sortByColumn(NumberTableModel::LabelColumn, Qt::AscendingOrder);
    QCOMPARE(shown->index(0, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Front desk"));
    QCOMPARE(shown->index(2, NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Sales"));
}

void TestNumbersGui::switchesPagesAndRemembersThem()
{
    auto* navigation = child<QListWidget>(m_window.get(), "navigation");
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_4));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_window->plansPage()));
    QCOMPARE(navigation->currentRow(), 3);
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_3));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_page));
    navigation->setCurrentRow(3);
    QCOMPARE(m_window->currentPage(), static_cast<QWidget*>(m_window->plansPage()));

    // Ctrl+N on the Plans page adds a plan, not a number.
    test::GuiTestContext::press(m_window.get(), QKeySequence::New);
    QTRY_VERIFY(m_window->plansPage()->findChild<QDialog*>());
    QVERIFY(!m_page->findChild<NumberDialog*>());
    m_window->plansPage()->findChild<QDialog*>()->reject();

    m_window->resize(900, 600);
    m_window->close();
    m_tester.reset();
    m_window = std::make_unique<MainWindow>(m_fixture->context());
    QCOMPARE(m_window->currentPage(), static_cast<QWidget*>(m_window->plansPage()));
    QCOMPARE(m_window->size(), QSize(900, 600));
    m_page = m_window->numbersPage();
}

void TestNumbersGui::numberModelPassesModelTester()
{
    NumberTableModel model(QStringLiteral("US"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(NumberTableModel::SortRole);
    proxy.setFilterRole(NumberTableModel::FilterRole);
    proxy.setFilterKeyColumn(-1);
    proxy.sort(NumberTableModel::NumberColumn);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    NumberRecord a;
    a.id = 1;
    a.e164 = QStringLiteral("+14045559999");
    a.provider = QStringLiteral("oncloud");
    a.planId = 5;
    NumberRecord b = a;
    b.id = 2;
    b.e164 = QStringLiteral("+12125550100");
    b.hasSecret = true;

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setNumbers({a, b});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(proxy.index(0, NumberTableModel::NumberColumn).data().toString(),
             QStringLiteral("(212) 555-0100"));
    model.setPlanNames({{5, QStringLiteral("Basic")}});
    QCOMPARE(model.index(0, NumberTableModel::PlanColumn).data().toString(),
             QStringLiteral("Basic"));
    QCOMPARE(changed.count(), 1);

    // Unchanged rows send nothing; a changed row sends one dataChanged.
    changed.clear();
    model.setNumbers({a, b});
    QCOMPARE(changed.count(), 0);
    a.label = QStringLiteral("Desk");
    model.setNumbers({a, b});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(model.rowOf(1), NumberTableModel::LabelColumn).data().toString(),
             QStringLiteral("Desk"));

    // A missing row is removed, a new one appended.
    NumberRecord c = a;
    c.id = 3;
    c.e164 = QStringLiteral("+447946095800");
    model.setNumbers({b, c});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(1), -1);
    model.removeNumber(2);
    model.removeNumber(99);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(0, NumberTableModel::SecretColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.headerData(NumberTableModel::WebhookUrlColumn, Qt::Horizontal).toString(),
             QStringLiteral("Webhook URL"));
}

// The pages and the number dialog read through the DatabaseWorker: while it is busy (as it is
// behind a slow PostgreSQL server) they show what they had, and the stored rows once it reads.
void TestNumbersGui::pagesReadThroughTheWorker()
{
    AppContext& context = m_fixture->context();
    context.worker().drain();
    QCoreApplication::processEvents(); // the pages have shown the empty store
    PlanRecord plan;
    plan.name = QStringLiteral("Basic");
    plan.monthlyLimit = 100;
    QVERIFY(PlanRepository(context.database().connection(), context.clock()).insert(plan));
    NumberRecord number = numberRecord(kE164, plan.id);
    QVERIFY(NumberRepository(context.database().connection(), context.clock()).insert(number));

    auto busy = std::make_shared<QSemaphore>();
    auto release = std::make_shared<QSemaphore>();
    const auto unblock = qScopeGuard([release] { release->release(); });
    context.worker().post<bool>(
        [busy, release](QSqlDatabase&) {
            busy->release();
            release->acquire();
            return true;
        },
        this, [](bool) {});
    QVERIFY(busy->tryAcquire(1, 5000));

    PlansPage* plans = m_window->plansPage();
    m_page->reload();
    plans->reload();
    QPointer<NumberDialog> dialog = m_page->addNumber();
    QVERIFY(dialog);
    auto* planCombo = child<QComboBox>(dialog, "planCombo");
    QTest::qWait(200);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(plans->model()->rowCount(), 0);
    QCOMPARE(planCombo->count(), 1); // "No plan"

    release->release();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->index(0, NumberTableModel::PlanColumn).data().toString(),
             QStringLiteral("Basic"));
    QTRY_COMPARE(plans->model()->rowCount(), 1);
    QCOMPARE(plans->model()->index(0, PlanTableModel::NumbersColumn).data().toInt(), 1);
    QTRY_COMPARE(planCombo->count(), 2);
    QCOMPARE(planCombo->itemText(1), QStringLiteral("Basic"));
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

// A reload while a read is in flight: the older read's rows never show, even for a moment.
void TestNumbersGui::onlyTheNewestReadShows()
{
    addNumber(QStringLiteral("(404) 555-9999"), QStringLiteral("oncloud"), {});
    DatabaseWorker& worker = m_fixture->context().worker();
    worker.drain();
    QCoreApplication::processEvents(); // every earlier read has shown
    QSignalSpy inserted(m_page->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_page->model(), &QAbstractItemModel::rowsRemoved);

    // The worker runs, in order: a second number is added, the first read sees it, the
    // number goes again, the second read does not see it.
    const Clock* clock = &m_fixture->clock();
    const auto post = [&](std::function<bool(QSqlDatabase&)> job) {
        worker.post<bool>(std::move(job), this, [](bool ok) { QVERIFY(ok); });
    };
    post([clock](QSqlDatabase& db) {
        NumberRecord second = numberRecord(QStringLiteral("+14045550100"));
        return NumberRepository(db, *clock).insert(second);
    });
    m_page->reload();
    post([clock](QSqlDatabase& db) {
        NumberRepository numbers(db, *clock);
        const auto second = numbers.findByE164(QStringLiteral("+14045550100"));
        return second && numbers.remove(second->id);
    });
    m_page->reload();
    worker.drain();
    QTest::qWait(100);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
}

// On PostgreSQL a read can wait on the network or on a lock. With the numbers table locked by
// another connection, the page's reload returns at once and the GUI goes on handling events;
// the rows show once the lock is gone.
void TestNumbersGui::guiRunsWhileTheStoreIsLocked()
{
    if (!test::TempDatabase::postgresAvailable())
        QSKIP(qPrintable(test::TempDatabase::skipReason()));
    test::TempDatabase temp(DatabaseConfig::Backend::Postgres);
    QString error;
    QVERIFY2(temp.open(&error), qPrintable(error));
    NumberRepository numbers(temp.database().connection(), m_fixture->clock());
    NumberRecord first = numberRecord(kE164);
    QVERIFY2(numbers.insert(first), qPrintable(numbers.lastError()));

    AppContext context(std::make_unique<test::MemorySecretStore>(),
                       std::make_unique<test::FakeClock>());
    QVERIFY2(context.open(databaseArgument(temp.config()), &error), qPrintable(error));
    NumbersPage page(context);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    NumberRecord second = numberRecord(QStringLiteral("+14045550100"));
    QVERIFY2(numbers.insert(second), qPrintable(numbers.lastError()));

    // Another connection holds the numbers and plans tables (ACCESS EXCLUSIVE blocks reads)
    // for three seconds at most, so that a GUI that waited on it would get it back.
    auto locked = std::make_shared<QSemaphore>();
    auto release = std::make_shared<QSemaphore>();
    const Database& database = temp.database();
    std::thread holder([&database, locked, release] {
        QString openError;
        QSqlDatabase db = database.openConnection(QStringLiteral("numbers-lock"), &openError);
        const QString name = db.connectionName();
        {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("BEGIN")) &&
                query.exec(QStringLiteral("LOCK TABLE numbers, plans IN ACCESS EXCLUSIVE MODE")))
                locked->release();
            else
                qWarning("could not lock: %s %s", qPrintable(openError),
                         qPrintable(query.lastError().text()));
            release->tryAcquire(1, 3000);
            query.exec(QStringLiteral("ROLLBACK"));
        }
        db = QSqlDatabase();
        Database::closeConnection(name);
    });
    const auto unlock = qScopeGuard([&holder, release] {
        release->release();
        holder.join();
    });
    QVERIFY(locked->tryAcquire(1, 5000));

    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();
    QElapsedTimer took;
    took.start();
    page.reload();
    QVERIFY2(took.elapsed() < 1000, qPrintable(QString::number(took.elapsed())));
    QTest::qWait(300);
    QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
    QCOMPARE(page.model()->rowCount(), 1); // the read waits on the lock, off the GUI thread

    release->release();
    QTRY_COMPARE(page.model()->rowCount(), 2);
}

QTEST_MAIN(TestNumbersGui)
#include "TestNumbersGui.moc"

// The outbound secret is for sending, and says so where it is entered and shown; the
// Enabled box says what a disabled number stops: receiving, and (now that the outbox and the
// auto-replies exist, both refusing a disabled number) sending.
void TestNumbersGui::labelsSayWhatEachCredentialDoes()
{
    NumberDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    QVERIFY(child<QLabel>(dialog, "secretLabel")->text().contains(QStringLiteral("Outbound")));
    auto* hint = child<QLabel>(dialog, "secretHint");
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("does not check incoming webhooks")));
    const QString enabled = child<QCheckBox>(dialog, "enabledCheck")->text();
    QVERIFY2(enabled.contains(QStringLiteral("receive webhooks")), qPrintable(enabled));
    // Sending exists: a disabled number neither receives nor sends (OutboxStore refuses it).
    QVERIFY2(enabled.contains(QStringLiteral("send from it")), qPrintable(enabled));
    QCOMPARE(m_page->model()->headerData(NumberTableModel::SecretColumn, Qt::Horizontal).toString(),
             QStringLiteral("Outbound\nsecret"));

    // Nothing is cut: every label of the form, and the path token's placeholder.
    dialog->resize(dialog->minimumSizeHint());
    QTest::qWait(20);
    for (QLabel* label : dialog->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap())
            continue;
        QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->objectName()));
    }
    auto* token = child<QLineEdit>(dialog, "pathTokenEdit");
    QVERIFY2(token->fontMetrics().horizontalAdvance(token->placeholderText()) + 8 <= token->width(),
             qPrintable(token->placeholderText()));
    dialog->reject();
}

// How the number's webhooks will be checked follows the form; "none" comes with a warning and
// what to do about it.
void TestNumbersGui::inboundCheckIsShownAsTyped()
{
    NumberDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    chooseProvider(dialog, QStringLiteral("oncloud"));
    auto* status = child<QLabel>(dialog, "inboundAuthStatus");
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("None")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("anyone who can reach the listener")));
    QVERIFY2(status->text().contains(QStringLiteral("path token")), qPrintable(status->text()));
    const QColor warning = status->palette().color(QPalette::WindowText);
    QVERIFY(warning != dialog->palette().color(QPalette::WindowText));

    QTest::keyClicks(child<QLineEdit>(dialog, "authHeaderEdit"), QStringLiteral("Bearer abc"));
    QVERIFY2(status->text().contains(QStringLiteral("Authorization")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QStringLiteral("anyone")));
    QCOMPARE(status->palette().color(QPalette::WindowText),
             dialog->palette().color(QPalette::WindowText));
    QTest::mouseClick(child<QPushButton>(dialog, "pathTokenGenerate"), Qt::LeftButton);
    QVERIFY2(status->text().contains(QStringLiteral("Authorization + path token")),
             qPrintable(status->text()));
    child<QLineEdit>(dialog, "authHeaderEdit")->clear();
    QVERIFY2(status->text().contains(QStringLiteral("Path token")), qPrintable(status->text()));
    dialog->reject();
}

void TestNumbersGui::webhookUrlExampleIsTheProvidersPath()
{
    NumberDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    auto* error = child<QLabel>(dialog, "webhookUrlError");
    QTest::keyClicks(child<QLineEdit>(dialog, "webhookUrlEdit"), QStringLiteral("not a url"));
    for (const QString& provider : {QStringLiteral("oncloud"), QStringLiteral("pbx"),
                                    QStringLiteral("zonitel"), QStringLiteral("android-gateway")}) {
        chooseProvider(dialog, provider);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("/webhooks/%1.").arg(provider)),
                 qPrintable(error->text()));
    }
    dialog->reject();
}

// At the window's default size every column shows, the webhook URL last, elided in the middle
// with all of it in its tooltip.
void TestNumbersGui::columnsFitTheDefaultWindow()
{
    NumberRecord number = numberRecord(QStringLiteral("+14045559999"));
    number.label = QStringLiteral("Front desk");
    number.webhookUrl = QStringLiteral("https://desk-tunnel.example.com/webhooks/oncloud/"
                                       "0123456789abcdef0123456789abcdef");
    number.hasAuthHeader = true;
    NumberRepository(m_fixture->context().database().connection(), m_fixture->clock())
        .insert(number);
    m_window->resize(1100, 680);
    m_page->reload();
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QTest::qWait(20);
    QHeaderView* header = m_table->horizontalHeader();
    const int width = m_table->viewport()->width();
    QCOMPARE(m_table->horizontalScrollBar()->maximum(), 0);
    QCOMPARE(header->visualIndex(NumberTableModel::WebhookUrlColumn),
             NumberTableModel::ColumnCount - 1);
    for (int column = 0; column < NumberTableModel::ColumnCount; ++column) {
        QVERIFY(header->sectionViewportPosition(column) + header->sectionSize(column) <= width);
        if (column == NumberTableModel::WebhookUrlColumn)
            continue;
        // The others as wide as what they show.
        const QString text = m_table->model()->index(0, column).data().toString();
        QVERIFY2(m_table->fontMetrics().horizontalAdvance(text) <= header->sectionSize(column),
                 qPrintable(text));
    }
    QVERIFY2(header->sectionSize(NumberTableModel::WebhookUrlColumn) > 150,
             qPrintable(QString::number(header->sectionSize(NumberTableModel::WebhookUrlColumn))));
    QCOMPARE(m_table->textElideMode(), Qt::ElideMiddle);
    QCOMPARE(m_table->model()
                 ->index(0, NumberTableModel::WebhookUrlColumn)
                 .data(Qt::ToolTipRole)
                 .toString(),
             number.webhookUrl);
    QCOMPARE(m_table->model()->index(0, NumberTableModel::InboundAuthColumn).data().toString(),
             QStringLiteral("Authorization"));
}

void TestNumbersGui::plansColumnsFitTheirContent()
{
    m_window->resize(1100, 680);
    m_window->showPage(m_window->plansPage());
    PlanRecord plan;
    plan.name = QStringLiteral("Standard");
    plan.monthlyLimit = 1000;
    PlanRepository(m_fixture->context().database().connection(), m_fixture->clock()).insert(plan);
    m_window->plansPage()->reload();
    auto* table = child<QTableView>(m_window->plansPage(), "plansTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTest::qWait(20);
    QHeaderView* header = table->horizontalHeader();
    // The name is as wide as it needs (not half the table); the last column takes the rest.
    QVERIFY2(header->sectionSize(PlanTableModel::NameColumn) < table->viewport()->width() / 4,
             qPrintable(QString::number(header->sectionSize(PlanTableModel::NameColumn))));
    QVERIFY(header->sectionSize(PlanTableModel::NameColumn) >=
            table->fontMetrics().horizontalAdvance(plan.name));
    const int last = header->logicalIndex(header->count() - 1);
    QCOMPARE(header->sectionViewportPosition(last) + header->sectionSize(last),
             table->viewport()->width());
}

// The navigation and the pages' buttons have icons: the desktop theme's, else the bundled ones
// (the offscreen platform has no theme).
void TestNumbersGui::pagesHaveIcons()
{
    auto* navigation = child<QListWidget>(m_window.get(), "navigation");
    QCOMPARE(navigation->count(), 6);
    for (int row = 0; row < navigation->count(); ++row) {
        const QIcon icon = navigation->item(row)->icon();
        QVERIFY2(!icon.pixmap(16, 16).isNull(), qPrintable(navigation->item(row)->text()));
    }
    for (const char* name : {"addNumberActionButton", "editNumberActionButton",
                             "deleteNumberActionButton", "toggleNumberActionButton"}) {
        auto* button = child<QToolButton>(m_page, name);
        QVERIFY2(!button->icon().pixmap(16, 16).isNull(), name);
        QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    }
    for (int name = ThemeIcon::Numbers; name <= ThemeIcon::Retry; ++name) {
        const auto icon = static_cast<ThemeIcon::Name>(name);
        QVERIFY2(!ThemeIcon::bundled(icon).pixmap(16, 16).isNull(),
                 qPrintable(ThemeIcon::themeName(icon)));
    }
}
