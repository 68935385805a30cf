// The Plans page and the plan dialog, and how plans show on the Numbers page.
#include "GuiTestContext.h"
#include "MainWindow.h"
#include "Settings.h"
#include "numbers/NumberDialog.h"
#include "numbers/NumberTableModel.h"
#include "numbers/NumbersPage.h"
#include "plans/PlanDialog.h"
#include "plans/PlanTableModel.h"
#include "plans/PlansPage.h"
#include "provisioning/NumberProvisioner.h"
#include "store/Database.h"
#include "store/DatabaseWorker.h"
#include "store/PlanRepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace smsdesk;
using test::child;

namespace {
QPushButton* okButton(QDialog* dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

QStringList listTexts(QListWidget* list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}
} // namespace

class TestPlansGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsEmpty();
    void addsPlanThroughDialog();
    void validatesPlanInline();
    void assignsPlanToNumberAndListsIt();
    void renamingAndDeletingShowOnNumbersPage();
    void planModelPassesModelTester();

private:
    PlanDialog* openAddPlanDialog();
    void addPlan(const QString& name, int limit, int cycleDay);

    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    PlansPage* m_page = nullptr;
    QTableView* m_table = nullptr;
};

void TestPlansGui::initTestCase()
{
    test::GuiTestContext::useTestSettings(QStringLiteral("test_gui_plans"));
}

void TestPlansGui::init()
{
    test::GuiTestContext::clearSettings();
    m_fixture = std::make_unique<test::GuiTestContext>();
    QString error;
    QVERIFY2(m_fixture->open(&error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_fixture->context());
    m_page = m_window->plansPage();
    m_table = child<QTableView>(m_page, "plansTable");
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::GuiTestContext::activate(m_window.get()));
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_4));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_page));
}

void TestPlansGui::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_fixture.reset();
}

PlanDialog* TestPlansGui::openAddPlanDialog()
{
    test::GuiTestContext::press(m_window.get(), QKeySequence::New);
    return test::GuiTestContext::waitForDialog<PlanDialog>(m_page);
}

void TestPlansGui::addPlan(const QString& name, int limit, int cycleDay)
{
    QPointer<PlanDialog> dialog = openAddPlanDialog();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), name);
    child<QSpinBox>(dialog, "monthlyLimitSpin")->setValue(limit);
    child<QSpinBox>(dialog, "cycleDaySpin")->setValue(cycleDay);
    const int before = m_page->model()->rowCount();
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_page->model()->rowCount(), before + 1);
    QTRY_VERIFY(!dialog);
}

void TestPlansGui::startsEmpty()
{
    auto* empty = child<QLabel>(m_page, "plansEmpty");
    QTRY_VERIFY(empty->isVisible()); // once the (empty) store has been read
    QCOMPARE(empty->text(), QStringLiteral("No plans yet. Press Ctrl+N to add one."));
    QVERIFY(!child<QAction>(m_page, "editPlanAction")->isEnabled());
    QVERIFY(!child<QAction>(m_page, "deletePlanAction")->isEnabled());
}

void TestPlansGui::addsPlanThroughDialog()
{
    QPointer<PlanDialog> dialog = openAddPlanDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add plan"));
    QVERIFY(!okButton(dialog)->isEnabled());                   // no name yet
    QVERIFY(!child<QLabel>(dialog, "nameError")->isVisible()); // but no scolding before typing
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Business 1000"));
    auto* limit = child<QSpinBox>(dialog, "monthlyLimitSpin");
    QCOMPARE(limit->minimum(), 1);
    QCOMPARE(limit->maximum(), 10'000'000);
    limit->selectAll();
    QTest::keyClicks(limit, QStringLiteral("2500"));
    QCOMPARE(limit->value(), 2500);
    auto* day = child<QSpinBox>(dialog, "cycleDaySpin");
    QCOMPARE(day->maximum(), 31);
    day->setValue(31);
    QVERIFY(child<QLabel>(dialog, "cycleDayNote")->text().contains(QStringLiteral("last day")));
    QTest::mouseClick(child<QCheckBox>(dialog, "outboundCheck"), Qt::LeftButton, {},
                      QPoint(4, child<QCheckBox>(dialog, "outboundCheck")->height() / 2));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QTRY_VERIFY(!dialog);

    QAbstractItemModel* shown = m_table->model();
    QCOMPARE(shown->index(0, PlanTableModel::NameColumn).data().toString(),
             QStringLiteral("Business 1000"));
    QCOMPARE(shown->index(0, PlanTableModel::MonthlyLimitColumn).data().toString(),
             QLocale().toString(2500));
    QCOMPARE(shown->index(0, PlanTableModel::OutboundColumn).data().toString(),
             QStringLiteral("No"));
    QCOMPARE(shown->index(0, PlanTableModel::ActiveColumn).data().toString(),
             QStringLiteral("Yes"));
    QCOMPARE(shown->index(0, PlanTableModel::CycleDayColumn).data().toInt(), 31);
    QCOMPARE(shown->index(0, PlanTableModel::NumbersColumn).data().toInt(), 0);

    const auto stored =
        PlanRepository(m_fixture->context().database().connection(), m_fixture->context().clock())
            .findByName(QStringLiteral("Business 1000"));
    QVERIFY(stored);
    QCOMPARE(stored->monthlyLimit, 2500);
    QCOMPARE(stored->cycleDay, 31);
    QVERIFY(!stored->outboundIncluded);
    QVERIFY(stored->active);
}

void TestPlansGui::validatesPlanInline()
{
    addPlan(QStringLiteral("Basic"), 100, 1);
    QPointer<PlanDialog> dialog = openAddPlanDialog();
    QVERIFY(dialog);
    auto* name = child<QLineEdit>(dialog, "nameEdit");
    auto* nameError = child<QLabel>(dialog, "nameError");
    QTest::keyClicks(name, QStringLiteral("  "));
    QVERIFY(nameError->isVisible());
    QCOMPARE(nameError->text(), QStringLiteral("Give the plan a name."));
    QVERIFY(!okButton(dialog)->isEnabled());
    QTest::keyClicks(name, QString(70, u'x'));
    QVERIFY(nameError->text().contains(QStringLiteral("60")));
    QVERIFY(!okButton(dialog)->isEnabled());

    // A name already taken: refused by the store, shown at the bottom, dialog stays open.
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Basic"));
    QVERIFY(!nameError->isVisible());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    auto* formError = child<QLabel>(dialog, "formError");
    QTRY_VERIFY(formError->isVisible());
    QVERIFY2(formError->text().contains(QStringLiteral("already exists")),
             qPrintable(formError->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_page->model()->rowCount(), 1);
    QTest::keyClick(name, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
}

void TestPlansGui::assignsPlanToNumberAndListsIt()
{
    addPlan(QStringLiteral("Business 1000"), 1000, 15);
    const qint64 planId = m_page->model()->planAt(0).id;

    // The number dialog's plan combo offers the new plan.
    NumbersPage* numbers = m_window->numbersPage();
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_3));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(numbers));
    test::GuiTestContext::press(m_window.get(), QKeySequence::New);
    QPointer<NumberDialog> dialog = test::GuiTestContext::waitForDialog<NumberDialog>(numbers);
    QVERIFY(dialog);
    auto* plan = child<QComboBox>(dialog, "planCombo");
    QTRY_COMPARE(plan->count(), 2); // the plans are read through the worker
    QCOMPARE(plan->itemText(0), QStringLiteral("No plan"));
    plan->setCurrentIndex(plan->findText(QStringLiteral("Business 1000")));
    QTest::keyClicks(child<QLineEdit>(dialog, "numberEdit"), QStringLiteral("(404) 555-9999"));
    QTest::keyClicks(child<QLineEdit>(dialog, "labelEdit"), QStringLiteral("Front desk"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(numbers->model()->rowCount(), 1);
    QCOMPARE(numbers->model()->index(0, NumberTableModel::PlanColumn).data().toString(),
             QStringLiteral("Business 1000"));
    QCOMPARE(m_fixture->findNumber(QStringLiteral("+14045559999"))->planId, planId);

    // Back on the Plans page: the count and the list of numbers on the plan.
    test::GuiTestContext::press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_4));
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_page));
    QTRY_COMPARE(m_page->model()->index(0, PlanTableModel::NumbersColumn).data().toInt(), 1);
    m_page->selectPlan(planId);
    auto* list = child<QListWidget>(m_page, "planNumbers");
    QVERIFY(list->isVisible());
    QCOMPARE(listTexts(list), QStringList{QStringLiteral("(404) 555-9999 — Front desk")});
    QVERIFY(child<QGroupBox>(m_page, "planNumbersBox")
                ->title()
                .contains(QStringLiteral("Business 1000")));

    // A second plan with no numbers says so.
    addPlan(QStringLiteral("Basic"), 100, 1);
    m_page->selectPlan(m_page->model()->planAt(m_page->model()->rowOf(planId) == 0 ? 1 : 0).id);
    QCOMPARE(listTexts(list), QStringList{QStringLiteral("No numbers on this plan.")});
}

void TestPlansGui::renamingAndDeletingShowOnNumbersPage()
{
    addPlan(QStringLiteral("Starter"), 500, 1);
    const qint64 planId = m_page->model()->planAt(0).id;
    NumberDraft draft;
    draft.number = QStringLiteral("(404) 555-9999");
    draft.provider = QStringLiteral("oncloud");
    draft.planId = planId;
    bool saved = false;
    m_fixture->context().numbers().save(draft, [&saved](const NumberProvisioner::Outcome& outcome) {
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        saved = true;
    });
    QTRY_VERIFY(saved);
    m_page->reload();
    NumbersPage* numbers = m_window->numbersPage();
    numbers->reload();
    QTRY_COMPARE(numbers->model()->index(0, NumberTableModel::PlanColumn).data().toString(),
                 QStringLiteral("Starter"));

    // Rename with Enter on the row.
    QVERIFY(test::GuiTestContext::focus(m_table));
    m_page->selectPlan(planId);
    QTest::keyClick(m_table, Qt::Key_Return);
    QPointer<PlanDialog> dialog = test::GuiTestContext::waitForDialog<PlanDialog>(m_page);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit plan"));
    auto* name = child<QLineEdit>(dialog, "nameEdit");
    QCOMPARE(name->text(), QStringLiteral("Starter"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Starter Plus"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->planAt(0).name, QStringLiteral("Starter Plus"));
    QTRY_COMPARE(numbers->model()->index(0, NumberTableModel::PlanColumn).data().toString(),
                 QStringLiteral("Starter Plus"));

    // Delete with the Delete key: the question says the number loses its plan.
    QString asked;
    m_page->setConfirmer([&asked](const QString&, const QString& question) {
        asked = question;
        return true;
    });
    QVERIFY(test::GuiTestContext::focus(m_table));
    m_page->selectPlan(planId);
    QTest::keyClick(m_table, Qt::Key_Delete);
    QVERIFY2(asked.contains(QStringLiteral("will have no plan")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("Starter Plus")));
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    QTRY_COMPARE(numbers->model()->index(0, NumberTableModel::PlanColumn).data().toString(),
                 QString());
    QCOMPARE(numbers->model()->numberAt(0).planId, 0);
    QCOMPARE(m_fixture->findNumber(QStringLiteral("+14045559999"))->planId, 0);
    QVERIFY(child<QLabel>(m_page, "plansEmpty")->isVisible());
}

void TestPlansGui::planModelPassesModelTester()
{
    PlanTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    PlanRecord a;
    a.id = 1;
    a.name = QStringLiteral("A");
    a.monthlyLimit = 10;
    PlanRecord b = a;
    b.id = 2;
    b.name = QStringLiteral("B");
    b.active = false;
    model.setPlans({a, b}, {{1, 3}});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.index(0, PlanTableModel::NumbersColumn).data().toInt(), 3);
    QCOMPARE(model.index(1, PlanTableModel::NumbersColumn).data().toInt(), 0);
    QVERIFY(model.index(1, PlanTableModel::NameColumn)
                .data(Qt::ForegroundRole)
                .isValid()); // inactive: grey
    QVERIFY(!model.index(0, PlanTableModel::NameColumn).data(Qt::ForegroundRole).isValid());

    model.setPlans({a, b}, {{1, 3}});
    QCOMPARE(changed.count(), 0);
    a.name = QStringLiteral("A2");
    model.upsert(a); // keeps the count
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, PlanTableModel::NumbersColumn).data().toInt(), 3);
    model.setPlans({b}, {});
    QCOMPARE(removed.count(), 1);
    model.removePlan(2);
    QCOMPARE(model.rowCount(), 0);
    model.removePlan(2);
    QCOMPARE(removed.count(), 2);
}

QTEST_MAIN(TestPlansGui)
#include "TestPlansGui.moc"
