// The Settings dialog (offscreen) over a real SQLite store and a real listener on loopback:
// values loaded and saved through Settings, the address checked as typed (a port another
// program holds, "Use a free port"), the listener restarted on request, a failed listener
// fixed from the dialog, Ctrl+, in the main window. And the pure address fields helper.

#include "GuiTestContext.h"
#include "ListenerController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "settings/ListenAddressFields.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QUrl>
#include <memory>

using namespace smsdesk;
using test::child;

namespace {

// A port nothing listens on now.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::GuiTestContext> m_fixture;
    std::unique_ptr<ListenerController> m_listener;

    Settings& settings() { return m_fixture->context().settings(); }

    std::unique_ptr<SettingsDialog> makeDialog()
    {
        auto dialog = std::make_unique<SettingsDialog>(m_fixture->context(), *m_listener);
        dialog->show();
        return dialog;
    }

    static void save(SettingsDialog* dialog)
    {
        auto* buttons = child<QDialogButtonBox>(dialog, "buttonBox");
        QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiTestContext>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        settings().clear();
        m_listener = std::make_unique<ListenerController>(m_fixture->context());
    }

    void cleanup()
    {
        m_listener.reset();
        m_fixture.reset();
    }

    void addressFieldsSplitAndJoin_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("joined");
        QTest::newRow("IPv4") << "127.0.0.1:8080"
                              << "127.0.0.1" << 8080 << "127.0.0.1:8080";
        QTest::newRow("IPv6") << "[::1]:9000"
                              << "::1" << 9000 << "[::1]:9000";
        QTest::newRow("every interface") << ":8080"
                                         << "" << 8080 << ":8080";
        QTest::newRow("no port") << "localhost"
                                 << "localhost" << 0 << "localhost:0";
        QTest::newRow("port out of range") << "127.0.0.1:70000"
                                           << "127.0.0.1" << 0 << "127.0.0.1:0";
        QTest::newRow("spaces") << "  0.0.0.0:80 "
                                << "0.0.0.0" << 80 << "0.0.0.0:80";
    }

    void addressFieldsSplitAndJoin()
    {
        QFETCH(QString, listen);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, joined);
        const ListenAddressFields fields = ListenAddressFields::split(listen);
        QCOMPARE(fields.host, host);
        QCOMPARE(int(fields.port), port);
        QCOMPARE(ListenAddressFields::join(fields.host, fields.port), joined);
    }

    void loadsAndSavesEverySetting()
    {
        settings().setListen(QStringLiteral("[::1]:9123"));
        settings().setAutostart(false);
        settings().setUnassigned(QStringLiteral("refuse"));
        settings().setRetentionDays(7);
        settings().setDefaultRegion(QStringLiteral("AU"));
        auto dialog = makeDialog();
        QCOMPARE(child<QLineEdit>(dialog.get(), "hostEdit")->text(), QStringLiteral("::1"));
        QCOMPARE(child<QSpinBox>(dialog.get(), "portSpin")->value(), 9123);
        QVERIFY(!child<QCheckBox>(dialog.get(), "autostartCheck")->isChecked());
        QCOMPARE(child<QComboBox>(dialog.get(), "unassignedCombo")->currentData().toString(),
                 QStringLiteral("refuse"));
        QCOMPARE(child<QSpinBox>(dialog.get(), "retentionSpin")->value(), 7);
        auto* region = child<QComboBox>(dialog.get(), "regionCombo");
        QCOMPARE(region->currentData().toString(), QStringLiteral("AU"));
        QCOMPARE(region->currentText(), QStringLiteral("Australia (AU)"));
        QVERIFY2(child<QLabel>(dialog.get(), "fileLabel")->text().contains(settings().fileName()),
                 qPrintable(child<QLabel>(dialog.get(), "fileLabel")->text()));
        // The listener is stopped: nothing to restart.
        QVERIFY(child<QCheckBox>(dialog.get(), "restartCheck")->isHidden());

        const quint16 port = freePort();
        child<QLineEdit>(dialog.get(), "hostEdit")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(dialog.get(), "portSpin")->setValue(port);
        child<QCheckBox>(dialog.get(), "autostartCheck")->setChecked(true);
        auto* unassigned = child<QComboBox>(dialog.get(), "unassignedCombo");
        unassigned->setCurrentIndex(unassigned->findData(QStringLiteral("keep")));
        child<QSpinBox>(dialog.get(), "retentionSpin")->setValue(0);
        QCOMPARE(child<QSpinBox>(dialog.get(), "retentionSpin")->text(), QStringLiteral("forever"));
        region->setCurrentIndex(region->findData(QStringLiteral("DE")));
        save(dialog.get());
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        QCOMPARE(settings().listen(), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(settings().autostart());
        QCOMPARE(settings().unassigned(), QStringLiteral("keep"));
        QCOMPARE(settings().retentionDays(), QStringLiteral("0"));
        QCOMPARE(settings().defaultRegion(), QStringLiteral("DE"));
        QCOMPARE(m_fixture->context().defaultRegion(), QStringLiteral("DE"));
        // A new Settings on the same file reads what was saved.
        QCOMPARE(Settings().listen(), QStringLiteral("127.0.0.1:%1").arg(port));
        QCOMPARE(m_listener->state(), ListenerController::State::Stopped);
    }

    void anAddressThatCannotParseCannotBeSaved()
    {
        auto dialog = makeDialog();
        auto* error = child<QLabel>(dialog.get(), "addressError");
        auto* buttons = child<QDialogButtonBox>(dialog.get(), "buttonBox");
        child<QLineEdit>(dialog.get(), "hostEdit")->setText(QStringLiteral("not an address"));
        QVERIFY(!error->isHidden());
        QVERIFY2(!error->text().isEmpty(), "no reason given");
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        child<QLineEdit>(dialog.get(), "hostEdit")->setText(QStringLiteral("127.0.0.1"));
        QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
    }

    void zonitelApiAddressIsCheckedAndSaved()
    {
        QCOMPARE(settings().zonitelApiBase(), QStringLiteral("https://api.zonitel.com/"));
        const auto dialog = makeDialog();
        auto* edit = child<QLineEdit>(dialog.get(), "zonitelApiEdit");
        auto* error = child<QLabel>(dialog.get(), "zonitelApiError");
        auto* buttons = child<QDialogButtonBox>(dialog.get(), "buttonBox");
        QCOMPARE(edit->text(), QStringLiteral("https://api.zonitel.com/"));
        QVERIFY(error->isHidden());
        edit->setText(QStringLiteral("api.zonitel.com"));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("Zonitel's API")),
                 qPrintable(error->text()));
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        edit->setText(QStringLiteral("http://127.0.0.1:8090/zonitel"));
        QVERIFY(error->isHidden());
        save(dialog.get());
        QCOMPARE(settings().zonitelApiBase(), QStringLiteral("http://127.0.0.1:8090/zonitel/"));
    }

    void aPortInUseIsSaidAndAFreeOneFound()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        settings().setListen(QStringLiteral("127.0.0.1:%1").arg(busy.serverPort()));
        auto dialog = makeDialog();
        auto* error = child<QLabel>(dialog.get(), "addressError");
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), QStringLiteral("Port %1 is in use by another program on this "
                                               "address: choose another port, or Use a free port.")
                                    .arg(busy.serverPort()));

        QTest::mouseClick(child<QPushButton>(dialog.get(), "freePortButton"), Qt::LeftButton);
        auto* port = child<QSpinBox>(dialog.get(), "portSpin");
        QVERIFY(port->value() != busy.serverPort());
        QVERIFY(error->isHidden());
        // The port it picked is really free.
        QTcpServer check;
        QVERIFY(check.listen(QHostAddress::LocalHost, quint16(port->value())));
    }

    void restartsTheRunningListenerWhenItsSettingsChange()
    {
        settings().setListen(QStringLiteral("127.0.0.1:%1").arg(freePort()));
        m_listener->start();
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        const QString before = m_listener->url();

        auto dialog = makeDialog();
        auto* restart = child<QCheckBox>(dialog.get(), "restartCheck");
        // Its own address is not "in use by another program".
        QVERIFY(child<QLabel>(dialog.get(), "addressError")->isHidden());
        QVERIFY(restart->isHidden());
        // A change the listener reads at its start only: offered, checked by default.
        child<QCheckBox>(dialog.get(), "autostartCheck")->setChecked(false);
        QVERIFY(restart->isHidden());
        const quint16 port = freePort();
        child<QSpinBox>(dialog.get(), "portSpin")->setValue(port);
        QVERIFY(!restart->isHidden());
        QVERIFY(restart->isChecked());
        QVERIFY(dialog->willRestartListener());

        QSignalSpy states(m_listener.get(), &ListenerController::stateChanged);
        save(dialog.get());
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        QCOMPARE(m_listener->url(), QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(m_listener->url() != before);
        QList<ListenerController::State> seen;
        for (const QList<QVariant>& change : std::as_const(states))
            seen.append(change.at(0).value<ListenerController::State>());
        QVERIFY(seen.contains(ListenerController::State::Stopping));
        QVERIFY(seen.contains(ListenerController::State::Stopped));
        QCOMPARE(seen.last(), ListenerController::State::Running);
    }

    void leavingRestartUncheckedKeepsTheListenerAsItIs()
    {
        settings().setListen(QStringLiteral("127.0.0.1:%1").arg(freePort()));
        m_listener->start();
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        const QString url = m_listener->url();
        auto dialog = makeDialog();
        child<QSpinBox>(dialog.get(), "retentionSpin")->setValue(3);
        auto* restart = child<QCheckBox>(dialog.get(), "restartCheck");
        QVERIFY(!restart->isHidden());
        restart->setChecked(false);
        QSignalSpy states(m_listener.get(), &ListenerController::stateChanged);
        save(dialog.get());
        QCOMPARE(settings().retentionDays(), QStringLiteral("3"));
        QTest::qWait(100);
        QCOMPARE(states.count(), 0);
        QCOMPARE(m_listener->url(), url);
    }

    void aListenerThatFailedOnABusyPortIsFixedFromTheDialog()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        settings().setListen(QStringLiteral("127.0.0.1:%1").arg(busy.serverPort()));
        m_listener->start();
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Failed);

        auto dialog = makeDialog();
        QVERIFY(!child<QLabel>(dialog.get(), "addressError")->isHidden());
        auto* restart = child<QCheckBox>(dialog.get(), "restartCheck");
        QVERIFY(!restart->isHidden());
        QCOMPARE(restart->text(), QStringLiteral("&Start the listener again with these settings"));
        QTest::mouseClick(child<QPushButton>(dialog.get(), "freePortButton"), Qt::LeftButton);
        const int port = child<QSpinBox>(dialog.get(), "portSpin")->value();
        save(dialog.get());
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Running);
        QCOMPARE(QUrl(m_listener->url()).port(), port);
    }

    // The media archive: on with 10 MB and 500 MB by default; the caps follow the check box;
    // what is saved is read back; the folder beside the store is named.
    void mediaArchiveSettings()
    {
        QVERIFY(settings().mediaArchive());
        QCOMPARE(settings().mediaMaxFileMegabytes(), 10);
        QCOMPARE(settings().mediaMaxTotalMegabytes(), 500);
        auto dialog = makeDialog();
        auto* check = child<QCheckBox>(dialog.get(), "mediaArchiveCheck");
        auto* file = child<QSpinBox>(dialog.get(), "mediaMaxFileSpin");
        auto* total = child<QSpinBox>(dialog.get(), "mediaMaxTotalSpin");
        QVERIFY(check->isChecked());
        QCOMPARE(file->value(), 10);
        QCOMPARE(total->value(), 500);
        QVERIFY(file->isEnabled());
        QVERIFY2(child<QLabel>(dialog.get(), "mediaFolderLabel")
                     ->text()
                     .contains(QStringLiteral("smsdesk.media")),
                 qPrintable(child<QLabel>(dialog.get(), "mediaFolderLabel")->text()));
        file->setValue(25);
        total->setValue(2000);
        check->setChecked(false);
        QVERIFY(!file->isEnabled());
        QVERIFY(!total->isEnabled());
        save(dialog.get());
        QVERIFY(!settings().mediaArchive());
        QCOMPARE(settings().mediaMaxFileMegabytes(), 25);
        QCOMPARE(settings().mediaMaxTotalMegabytes(), 2000);

        dialog = makeDialog();
        QVERIFY(!child<QCheckBox>(dialog.get(), "mediaArchiveCheck")->isChecked());
        QVERIFY(!child<QSpinBox>(dialog.get(), "mediaMaxFileSpin")->isEnabled());
        QCOMPARE(child<QSpinBox>(dialog.get(), "mediaMaxFileSpin")->value(), 25);
        child<QCheckBox>(dialog.get(), "mediaArchiveCheck")->setChecked(true);
        save(dialog.get());
        QVERIFY(settings().mediaArchive());
    }

    // Every label and check box shows its whole text at the dialog's own size (saved as a
    // picture when SMSDESK_SCREENSHOT_DIR names a folder).
    void showsEveryLabelWhole()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        settings().setListen(QStringLiteral("127.0.0.1:%1").arg(busy.serverPort()));
        m_listener->start();
        QTRY_COMPARE(m_listener->state(), ListenerController::State::Failed);
        auto dialog = makeDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QTest::qWait(50);
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty())
                QVERIFY2(label->width() >= label->sizeHint().width(),
                         qPrintable(label->objectName()));
        }
        for (const QCheckBox* check : dialog->findChildren<QCheckBox*>()) {
            if (check->isVisible())
                QVERIFY2(check->width() >= check->sizeHint().width(),
                         qPrintable(check->objectName()));
        }
        const QImage image = dialog->grab().toImage();
        QVERIFY(!image.isNull());
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/settings-dialog.png")));
    }

    void ctrlCommaOpensTheDialogFromTheWindow()
    {
        settings().setAutostart(false);
        MainWindow window(m_fixture->context());
        QVERIFY(test::GuiTestContext::activate(&window));
        test::GuiTestContext::press(&window, QKeySequence(Qt::CTRL | Qt::Key_Comma));
        auto* dialog = test::GuiTestContext::waitForDialog<SettingsDialog>(&window);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Settings"));
        dialog->reject();
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
