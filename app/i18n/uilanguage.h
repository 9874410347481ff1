#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace carteiro::app {

// The language of the interface. The sources are in English; the Portuguese catalogue
// (resources/translations/carteiro_pt.ts, compiled into :/i18n) serves Brazil and Portugal.
// Switching installs or removes the translators at once: every widget retranslates itself on
// QEvent::LanguageChange, so nothing restarts.
class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(carteiro::app::UiLanguage)

public:
    // "en" and "pt": the codes the menu offers, --language takes and the settings remember.
    static QStringList codes();
    // The name of a language in that language ("English", "Português"), for the menu.
    static QString nativeName(const QString &code);
    // "pt" for any Portuguese locale (pt_BR, pt_PT, pt_AO...), "en" for everything else.
    static QString fromLocale(const QLocale &locale);
    // The code of a name given by a user ("pt", "pt_BR", "português", "en"); empty if unknown.
    static QString parse(const QString &name);

    // The language chosen in the menu, or the system's when none was chosen.
    static QString startup();
    static void remember(const QString &code);

    // Installs the translators for `code` (removing the previous ones) and delivers the
    // LanguageChange events before returning. False if the catalogue could not be loaded.
    static bool apply(const QString &code);
    // The language in force: "en" until apply() chose another.
    static QString current();
};

} // namespace carteiro::app
