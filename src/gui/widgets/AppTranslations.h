#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace smsdesk {

// The translations of the window, built in under :/i18n (translations/*.ts): Qt's own for
// `locale`, then SMS Desk's English catalogue, then the catalogue of `locale` when there is
// one. The source texts are English already; the English catalogue gives their plural forms
// ("%n request(s)" reads "1 request", "2 requests"), under every locale, so that a catalogue
// that lacks a message falls back to proper English rather than to "(s)".
class AppTranslations
{
public:
    // Installs the translators on `app`, which owns them. Returns the SMS Desk catalogues
    // loaded ("en", "de"...), in the order they were installed.
    static QStringList install(QCoreApplication& app, const QLocale& locale = QLocale());
};

} // namespace smsdesk
