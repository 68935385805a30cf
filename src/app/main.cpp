#include "AppContext.h"
#include "Cli.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("smsdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMSDESK_VERSION));

    // Sub-commands run without a display.
    if (argc > 1 && smsdesk::Cli::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        return smsdesk::Cli::run(app.arguments().mid(1));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("SMS Desk"));
    QApplication::setDesktopFileName(QStringLiteral("smsdesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SMS Desk: read, answer and administer SMS numbers on webhook providers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("SQLite file or postgresql://USER@HOST/NAME."),
                                      QStringLiteral("PATH|URL"));
    parser.addOption(dbOption);
    parser.process(app);

    smsdesk::AppContext context;
    QString error;
    if (!context.open(parser.value(dbOption), &error)) {
        QMessageBox::critical(nullptr, QStringLiteral("SMS Desk"), error);
        return 1;
    }
    smsdesk::MainWindow window(context);
    window.show();
    return app.exec();
}
