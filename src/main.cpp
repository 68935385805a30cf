#include "AppContext.h"
#include "CommandLine.h"
#include "HeadlessMode.h"
#include "MainWindow.h"
#include "cli/Cli.h"
#include "widgets/AppTranslations.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("smsdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMSDESK_VERSION));

    // Everything but the window runs without a display: the command line is read before any
    // GUI object exists.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (const std::optional<QStringList> command =
            smsdesk::Cli::commandArguments(arguments.mid(1))) {
        QCoreApplication app(argc, argv);
        return smsdesk::Cli::run(*command);
    }
    const smsdesk::CommandLine commandLine = smsdesk::CommandLine::parse(arguments);
    switch (commandLine.mode()) {
    case smsdesk::CommandLine::Mode::Help: {
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << smsdesk::CommandLine::helpText();
        return 0;
    }
    case smsdesk::CommandLine::Mode::Version: {
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << smsdesk::CommandLine::versionText() << '\n';
        return 0;
    }
    case smsdesk::CommandLine::Mode::Error: {
        QCoreApplication app(argc, argv);
        QTextStream(stderr) << "smsdesk: " << commandLine.error() << '\n';
        return 2;
    }
    case smsdesk::CommandLine::Mode::Headless: {
        QCoreApplication app(argc, argv);
        return smsdesk::HeadlessMode::run(commandLine.options());
    }
    case smsdesk::CommandLine::Mode::Window:
        break;
    }

    QApplication app(argc, argv);
    // Translations for the system locale: Qt's own, then SMS Desk's (built in under :/i18n),
    // English under them for the plural forms.
    smsdesk::AppTranslations::install(app);
    // resources/resources.qrc lives in the smsdesk_gui static library: register it explicitly.
    Q_INIT_RESOURCE(resources);
    QIcon icon(QStringLiteral(":/icons/smsdesk.svg")); // needs the Qt SVG plugin (libqt6svg6)
    for (const int size : {48, 128, 256})
        icon.addFile(QStringLiteral(":/icons/smsdesk-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setApplicationDisplayName(QStringLiteral("SMS Desk"));
    QApplication::setDesktopFileName(QStringLiteral("smsdesk"));

    smsdesk::AppContext context;
    QString error;
    if (!context.open(commandLine.options().database, &error)) {
        QMessageBox::critical(nullptr, QStringLiteral("SMS Desk"), error);
        return 1;
    }
    smsdesk::MainWindow window(context, commandLine.options());
    window.show();
    return app.exec();
}
