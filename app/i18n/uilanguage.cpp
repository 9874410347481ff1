#include "app/i18n/uilanguage.h"

#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace carteiro::app {

namespace {

const QString kSettingsKey = QStringLiteral("language");
QString g_current = QStringLiteral("en");
// Owned by the application, so they go when it goes (tests create several in turn).
QPointer<QTranslator> g_app;
QPointer<QTranslator> g_qt;

void removeInstalled()
{
    for (QPointer<QTranslator> *translator : {&g_app, &g_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete translator->data();
        }
    }
}

} // namespace

QStringList UiLanguage::codes()
{
    return {QStringLiteral("en"), QStringLiteral("pt")};
}

QString UiLanguage::nativeName(const QString &code)
{
    // Each name in its own language, so a user who reads only one finds it.
    if (code == QLatin1String("pt"))
        return QStringLiteral("Português");
    return QStringLiteral("English");
}

QString UiLanguage::fromLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Portuguese ? QStringLiteral("pt") : QStringLiteral("en");
}

QString UiLanguage::parse(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.isEmpty())
        return {};
    if (lower == QStringLiteral("português") || lower == QLatin1String("portugues") ||
        lower == QLatin1String("portuguese"))
        return QStringLiteral("pt");
    if (lower == QLatin1String("english") || lower == QStringLiteral("inglês"))
        return QStringLiteral("en");
    const QLocale locale(lower);
    if (locale.language() == QLocale::Portuguese)
        return QStringLiteral("pt");
    if (locale.language() == QLocale::English)
        return QStringLiteral("en");
    return {};
}

QString UiLanguage::startup()
{
    const QString saved = parse(QSettings().value(kSettingsKey).toString());
    return saved.isEmpty() ? fromLocale(QLocale::system()) : saved;
}

void UiLanguage::remember(const QString &code)
{
    QSettings().setValue(kSettingsKey, code);
}

bool UiLanguage::apply(const QString &code)
{
    removeInstalled();
    bool ok = true;
    if (code == QLatin1String("pt")) {
        auto *app = new QTranslator(QCoreApplication::instance());
        ok = app->load(QStringLiteral(":/i18n/carteiro_pt.qm"));
        if (ok) {
            QCoreApplication::installTranslator(app);
            g_app = app;
        } else {
            delete app;
        }
        // Qt's own dialogs and buttons (file dialog, OK / Cancel), when Debian's
        // qt6-translations-l10n is installed; without it they stay in English.
        auto *qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(QLocale(QLocale::Portuguese, QLocale::Brazil), QStringLiteral("qtbase"),
                     QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qt = qt;
        } else {
            delete qt;
        }
    }
    g_current = ok && code == QLatin1String("pt") ? QStringLiteral("pt") : QStringLiteral("en");
    // installTranslator() posts LanguageChange to the windows; deliver it now, so the caller
    // (and a test) sees the new texts as soon as this returns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return ok;
}

QString UiLanguage::current()
{
    return g_current;
}

} // namespace carteiro::app
