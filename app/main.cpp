#include "app/editor/scenarioeditor.h"
#include "app/i18n/uilanguage.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "app/models/shippedscenarios.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Carteiro"));
    // The language chosen in View > Language, else the system's; --language overrides both
    // for this run (screenshots, a class in the other language) without remembering it.
    using carteiro::app::UiLanguage;
    UiLanguage::apply(UiLanguage::startup());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Internet mail simulator for networking classes"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Scenario file to open"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE and quit"),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    QCommandLineOption step(QStringLiteral("step"),
                            QApplication::translate("main", "Start N protocol lines into the run"),
                            QStringLiteral("N"));
    parser.addOption(step);
    QCommandLineOption presentation(
        QStringLiteral("presentation"),
        QApplication::translate("main", "Start in presentation mode (full screen, large text)"));
    parser.addOption(presentation);
    QCommandLineOption language(
        QStringLiteral("language"),
        QApplication::translate("main", "Show the window in LANGUAGE: en (English) or pt "
                                        "(Portuguese) instead of the system's language"),
        QStringLiteral("LANGUAGE"));
    parser.addOption(language);
    parser.process(app);
    if (parser.isSet(language)) {
        const QString code = UiLanguage::parse(parser.value(language));
        if (code.isEmpty()) {
            fprintf(stderr, "%s\n",
                    qPrintable(QApplication::translate("main", "Unknown language %1: use en or pt.")
                                   .arg(parser.value(language))));
            return 2;
        }
        UiLanguage::apply(code);
    }

    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = QDir(carteiro::app::shippedScenarioDirectory())
                   .filePath(QStringLiteral("01-alice-to-bob.yaml"));

    carteiro::app::MainWindow window;
    if (!window.openScenario(path))
        QMessageBox::warning(&window, QApplication::translate("main", "Scenario not opened"),
                             window.errorText());
    for (int i = parser.value(step).toInt(); i > 0; --i)
        window.playback()->stepForward();
    window.show();
    if (parser.isSet(presentation))
        window.setPresentationMode(true);
    if (parser.isSet(screenshot)) {
        QApplication::processEvents();
        return window.grab().save(parser.value(screenshot)) ? 0 : 1;
    }
    carteiro::app::ScenarioEditor::offerRecoveries(&window); // edits a crash left unsaved
    return app.exec();
}
