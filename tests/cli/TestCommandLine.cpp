// The smsdesk binary's own command line, run as a person over SSH would: no display, no
// QT_QPA_PLATFORM, no session bus. --help lists every command and option, --version, errors,
// a sub-command and --headless all work without a display.

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

    QString m_binary;
    QTemporaryDir m_home;

    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };

    // Runs smsdesk with `arguments` and no display of any kind.
    Run run(const QStringList& arguments, int timeoutMs = 20000)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                                 "DBUS_SESSION_BUS_ADDRESS", "XDG_SESSION_TYPE"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_home.filePath(QStringLiteral("data")));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(m_binary, arguments);
        Run result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.status = process.exitStatus();
        result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        result.err = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = qEnvironmentVariable("SMSDESK_SMSDESK_BINARY");
        QVERIFY2(!m_binary.isEmpty(), "SMSDESK_SMSDESK_BINARY is not set: run through ctest");
        QVERIFY(m_home.isValid());
    }

    void helpListsEveryCommandAndOption()
    {
        for (const QString& option : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run result = run({option});
            QCOMPARE(result.status, QProcess::NormalExit);
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
            QVERIFY2(result.out.startsWith(QStringLiteral("Usage: smsdesk [options]\n")),
                     qPrintable(result.out));
            for (const char* expected :
                 {"--headless", "--db <PATH|URL>", "--listen <HOST:PORT>", "--unassigned",
                  "--retention-days <N>", "--outbound-base <URL>", "--version", "numbers add",
                  "plans add|list", "export", "send"})
                QVERIFY2(result.out.contains(QString::fromLatin1(expected)), expected);
        }
    }

    void versionWithoutADisplay()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("smsdesk %1\n").arg(QStringLiteral(SMSDESK_VERSION)));
    }

    void aCommandWithoutADisplay()
    {
        const QString db = m_home.filePath(QStringLiteral("cli.sqlite"));
        const Run result =
            run({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 0);
        // The store given before the command, as the window takes it, works the same.
        const Run before =
            run({QStringLiteral("--db"), db, QStringLiteral("numbers"), QStringLiteral("list")});
        QCOMPARE(before.exitCode, 0);
        QCOMPARE(before.out, result.out);
        // A window option before a command is the command's to refuse, by name.
        const Run headless = run({QStringLiteral("--headless"), QStringLiteral("plans"),
                                  QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(headless.exitCode, 2);
        QVERIFY2(headless.err.contains(QStringLiteral("headless")), qPrintable(headless.err));
        const Run help = run({QStringLiteral("send"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--outbound-base")), qPrintable(help.out));
    }

    void errorsSayWhatIsWrong()
    {
        Run result = run({QStringLiteral("--frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err, QStringLiteral("smsdesk: Unknown option 'frobnicate'.\n"));
        result = run({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err, QStringLiteral("smsdesk: unknown command \"frobnicate\": use "
                                            "numbers, plans, export or send (see --help)\n"));
        result = run({QStringLiteral("--db")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err, QStringLiteral("smsdesk: Missing value after '--db'.\n"));
    }

    void headlessWithoutADisplay()
    {
        // A bad --listen is refused before anything opens: no display, no store needed.
        const Run result = run(
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("smsdesk: --listen: ")),
                 qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
