#include "AppContext.h"
#include "HeadlessMode.h"
#include "MainWindow.h"
#include "cli/Cli.h"
#include "widgets/AppTranslations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
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
    // The listener alone: no display needed either.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--headless") == 0) {
            QCoreApplication app(argc, argv);
            return smsdesk::HeadlessMode::run(app.arguments());
        }
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
