#include "AppTranslations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace smsdesk {

QStringList AppTranslations::install(QCoreApplication& app, const QLocale& locale)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    QStringList loaded;
    // Installed first, asked last: the locale's catalogue goes before it.
    auto* english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/smsdesk_en.qm"))) {
        QCoreApplication::installTranslator(english);
        loaded.append(QStringLiteral("en"));
    } else {
        delete english;
    }
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("smsdesk"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        // smsdesk_en_GB.qm, smsdesk_de.qm...: the language it was found for.
        const QString language =
            QFileInfo(own->filePath()).completeBaseName().section(QLatin1Char('_'), 1);
        if (language == QLatin1String("en")) {
            delete own; // English is in already
        } else {
            QCoreApplication::installTranslator(own);
            loaded.append(language);
        }
    } else {
        delete own;
    }
    return loaded;
}

} // namespace smsdesk
