// The interface in English and Portuguese: the catalogue is complete and up to date with the
// sources, the window switches language while it runs, and the scenarios say everything in
// both languages.

#include "app/canvas/topologyscene.h"
#include "app/charts/statisticsview.h"
#include "app/console/consolewidget.h"
#include "app/dialogue/dialoguepane.h"
#include "app/dialogue/eventlist.h"
#include "app/editor/scenarioeditor.h"
#include "app/editor/scenarioform.h"
#include "app/faults/faultpanel.h"
#include "app/i18n/uilanguage.h"
#include "app/inspectors/mailboxinspector.h"
#include "app/lesson/lessonsummary.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "core/scenario/scenarioloader.h"

#include <QAbstractButton>
#include <QAbstractSeries>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSet>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <QtTest>

using carteiro::app::EventListModel;
using carteiro::app::LessonSummary;
using carteiro::app::MainWindow;
using carteiro::app::UiLanguage;
using namespace carteiro::core;

namespace {

const QString kTsFile =
    QStringLiteral(CARTEIRO_SOURCE_DIR "/resources/translations/carteiro_pt.ts");

QString scenario(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // one, or the numerus forms
    QString key() const
    {
        return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment;
    }
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = TsMessage{context, {}, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text, or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (current.translations.isEmpty())
                current.translations << text;
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// Words that read the same in both languages: protocol names, product names, the names of
// the languages themselves, and words Brazilian networking courses keep in English.
const QSet<QString> kSameInBothLanguages = {
    QStringLiteral("Carteiro"),  QStringLiteral("DNS"),       QStringLiteral("SMTP"),
    QStringLiteral("POP3"),      QStringLiteral("IMAP"),      QStringLiteral("HTTP"),
    QStringLiteral("Console"),   QStringLiteral("Host"),      QStringLiteral("Host:"),
    QStringLiteral("English"),   QStringLiteral("Português"), QStringLiteral("HELO / EHLO"),
    QStringLiteral("MAIL FROM"), QStringLiteral("RCPT TO"),   QStringLiteral("DATA"),
    QStringLiteral("ms"),        QStringLiteral("dns"),       QStringLiteral("Status"),
    QStringLiteral("Hosts"),
};

// A text that names something of the scenario or the protocol rather than saying something:
// no letters (times, "1×"), host names and addresses, port labels such as "25 (SMTP)",
// a chart's protocol with its count of connections, "SMTP (3)".
bool isData(const QString &text)
{
    static const QRegularExpression letters(QStringLiteral("\\p{L}"));
    static const QRegularExpression name(QStringLiteral("^[\\w.@<>-]+$"));
    static const QRegularExpression port(
        QStringLiteral("^(\\d+ \\(\\w+\\)|[A-Z][A-Z0-9]+ \\(\\d+\\))$"));
    const QString plain = QString(text).remove(QLatin1Char('&')).trimmed();
    if (!plain.contains(letters))
        return true;
    if (kSameInBothLanguages.contains(plain))
        return true;
    // One word with a dot, an @ or a dash: mail.crepes.fr, bob@hamburger.edu, alice-pc.
    if (name.match(plain).hasMatch() &&
        (plain.contains(QLatin1Char('.')) || plain.contains(QLatin1Char('@')) ||
         plain.contains(QLatin1Char('-'))))
        return true;
    return port.match(plain).hasMatch();
}

// Every text the window shows or offers: titles, labels, buttons, tabs, menus, tooltips,
// placeholders, column headers, combo items. Keyed by where it is, so two languages compare.
QMap<QString, QString> shownTexts(QWidget *window)
{
    QMap<QString, QString> texts;
    auto add = [&](const QObject *object, const QString &what, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts.insert(QStringLiteral("%1#%2/%3")
                             .arg(QString::fromLatin1(object->metaObject()->className()))
                             .arg(quintptr(object), 0, 16)
                             .arg(what),
                         text);
    };
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        add(widget, QStringLiteral("toolTip"), widget->toolTip());
        if (widget->isWindow() || qobject_cast<QDockWidget *>(widget))
            add(widget, QStringLiteral("windowTitle"), widget->windowTitle());
        if (auto *label = qobject_cast<QLabel *>(widget))
            add(label, QStringLiteral("text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(button, QStringLiteral("text"), button->text());
        if (auto *box = qobject_cast<QGroupBox *>(widget))
            add(box, QStringLiteral("title"), box->title());
        if (auto *tabs = qobject_cast<QTabWidget *>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs, QStringLiteral("tab%1").arg(i), tabs->tabText(i));
        if (auto *combo = qobject_cast<QComboBox *>(widget))
            for (int i = 0; i < combo->count(); ++i)
                add(combo, QStringLiteral("item%1").arg(i), combo->itemText(i));
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            add(edit, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(widget))
            add(edit, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(widget))
            add(edit, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *tree = qobject_cast<QTreeWidget *>(widget))
            for (int i = 0; i < tree->columnCount(); ++i)
                add(tree, QStringLiteral("header%1").arg(i), tree->headerItem()->text(i));
        if (auto *table = qobject_cast<QTableView *>(widget); table && table->model())
            for (int i = 0; i < table->model()->columnCount(); ++i)
                add(table, QStringLiteral("header%1").arg(i),
                    table->model()->headerData(i, Qt::Horizontal).toString());
        if (auto *list = qobject_cast<QListWidget *>(widget))
            for (int i = 0; i < list->count(); ++i)
                add(list, QStringLiteral("item%1").arg(i), list->item(i)->text());
        if (auto *menu = qobject_cast<QMenu *>(widget))
            add(menu, QStringLiteral("title"), menu->title());
        // A chart's axes and series are made anew each time it is drawn: keyed by the chart
        // and their place in it.
        if (auto *view = qobject_cast<QChartView *>(widget); view && view->chart()) {
            const QChart *chart = view->chart();
            add(chart, QStringLiteral("title"), chart->title());
            const QList<QAbstractAxis *> axes = chart->axes();
            for (int i = 0; i < axes.size(); ++i) {
                add(chart, QStringLiteral("axis%1").arg(i), axes[i]->titleText());
                if (auto *categories = qobject_cast<QBarCategoryAxis *>(axes[i]))
                    for (int c = 0; c < categories->count(); ++c)
                        add(chart, QStringLiteral("axis%1/category%2").arg(i).arg(c),
                            categories->at(c));
            }
            const QList<QAbstractSeries *> series = chart->series();
            for (int i = 0; i < series.size(); ++i) {
                add(chart, QStringLiteral("series%1").arg(i), series[i]->name());
                if (auto *bars = qobject_cast<QBarSeries *>(series[i]))
                    for (int b = 0; b < bars->count(); ++b)
                        add(chart, QStringLiteral("series%1/set%2").arg(i).arg(b),
                            bars->barSets().at(b)->label());
            }
        }
    }
    for (QAction *action : window->findChildren<QAction *>()) {
        add(action, QStringLiteral("text"), action->text());
        // A tooltip Qt makes from the text is the text: compared above.
        if (action->toolTip() != QString(action->text()).remove(QLatin1Char('&')))
            add(action, QStringLiteral("toolTip"), action->toolTip());
    }
    return texts;
}

} // namespace

class TestAppTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everyMessageHasAPortugueseTranslation();
    void catalogueIsUpToDateWithTheSources();
    void localeChoosesTheLanguage();
    void noWindowTextIsLeftInEnglish();
    void switchesLanguageWhileRunning();
    void lessonAndLiveLabFollowTheLanguage();
    void languageMenuSwitchesAndIsRemembered();
    void scenarioTextsFollowTheLanguage();
    void everyShippedScenarioSpeaksBothLanguages();
    void screenshotsInPortuguese();
};

void TestAppTranslations::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("carteiro-tests"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("language"));
}

void TestAppTranslations::cleanup()
{
    UiLanguage::apply(QStringLiteral("en"));
}

void TestAppTranslations::everyMessageHasAPortugueseTranslation()
{
    QString error;
    const QList<TsMessage> messages = readTs(kTsFile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 300);

    static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    // What must come through unchanged: RFC numbers and sections, reply codes, protocol
    // keywords in capitals (HELO, RCPT, AUTHORIZATION...).
    static const QRegularExpression kept(
        QStringLiteral("\\b(RFC \\d+|\\d+(?:\\.\\d+)+|[2-5]\\d\\d|[A-Z][A-Z0-9]{2,})\\b"));
    auto all = [](const QRegularExpression &re, const QString &text) {
        QStringList found;
        for (auto it = re.globalMatch(text); it.hasNext();)
            found << it.next().captured(0);
        found.sort();
        return found;
    };
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
            continue;
        }
        for (const QString &translation : m.translations) {
            if (translation.trimmed().isEmpty()) {
                problems << QStringLiteral("%1 has no translation").arg(where);
                continue;
            }
            if (all(placeholder, translation) != all(placeholder, m.source))
                problems
                    << QStringLiteral("%1: placeholders differ in \"%2\"").arg(where, translation);
            // "DOWN" is a word on a badge, not a keyword.
            QStringList expected = all(kept, m.source);
            expected.removeAll(QStringLiteral("DOWN"));
            for (const QString &token : std::as_const(expected))
                if (!translation.contains(token))
                    problems << QStringLiteral("%1: \"%2\" lost %3").arg(where, translation, token);
            if (m.source.count(QLatin1Char('&')) == 1 &&
                m.source.contains(QRegularExpression(QStringLiteral("&\\w"))) &&
                translation.count(QLatin1Char('&')) != 1)
                problems << QStringLiteral("%1: the shortcut marker & is lost in \"%2\"")
                                .arg(where, translation);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAppTranslations::catalogueIsUpToDateWithTheSources()
{
    // lupdate reads every tr() of app/ into a scratch catalogue; the committed one must hold
    // exactly those strings (cmake --build BUILD --target update_translations refreshes it).
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("carteiro_pt.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(CARTEIRO_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-I"),
                   QStringLiteral(CARTEIRO_SOURCE_DIR), QStringLiteral(CARTEIRO_SOURCE_DIR "/app"),
                   QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    QSet<QString> inSources, inCatalogue;
    QMap<QString, QString> readable;
    for (const TsMessage &m : readTs(fresh, &error)) {
        inSources << m.key();
        readable.insert(m.key(), QStringLiteral("%1: \"%2\"").arg(m.context, m.source));
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsMessage &m : readTs(kTsFile, &error)) {
        inCatalogue << m.key();
        readable.insert(m.key(), QStringLiteral("%1: \"%2\"").arg(m.context, m.source));
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(inSources.size() > 300);

    QStringList problems;
    for (const QString &key : inSources - inCatalogue)
        problems << QStringLiteral("not in carteiro_pt.ts: %1").arg(readable.value(key));
    for (const QString &key : inCatalogue - inSources)
        problems << QStringLiteral("no longer in the sources: %1").arg(readable.value(key));
    problems.sort();
    if (!problems.isEmpty())
        problems << QStringLiteral("Run: cmake --build BUILD --target update_translations, then "
                                   "translate the new messages.");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAppTranslations::localeChoosesTheLanguage()
{
    QCOMPARE(UiLanguage::fromLocale(QLocale(QStringLiteral("pt_BR"))), QStringLiteral("pt"));
    QCOMPARE(UiLanguage::fromLocale(QLocale(QStringLiteral("pt_PT"))), QStringLiteral("pt"));
    QCOMPARE(UiLanguage::fromLocale(QLocale(QStringLiteral("en_US"))), QStringLiteral("en"));
    QCOMPARE(UiLanguage::fromLocale(QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(UiLanguage::parse(QStringLiteral("pt_BR")), QStringLiteral("pt"));
    QCOMPARE(UiLanguage::parse(QStringLiteral("Português")), QStringLiteral("pt"));
    QCOMPARE(UiLanguage::parse(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(UiLanguage::parse(QStringLiteral("klingon")), QString());
    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    QCOMPARE(UiLanguage::current(), QStringLiteral("pt"));
    QVERIFY(UiLanguage::apply(QStringLiteral("en")));
    QCOMPARE(UiLanguage::current(), QStringLiteral("en"));
}

void TestAppTranslations::noWindowTextIsLeftInEnglish()
{
    // Everything is built: the run at its end with messages in the mailboxes and the console
    // connected, so the panels have filled in their texts.
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    FaultSpec down;
    down.kind = QStringLiteral("down");
    down.host = QStringLiteral("mail.hamburger.edu");
    window.injectFault(down); // listed in the fault panel
    window.bringHostBackUp(down.host);
    QCOMPARE(window.faultPanel()->findChild<QListWidget *>()->count(), 2);
    window.playback()->toEnd();
    QVERIFY(window.console()->connectTo(QStringLiteral("mail.crepes.fr"), 25));
    // The charts on screen, and the scenario editor open beside the window.
    window.views()->setCurrentWidget(window.statistics());
    QVERIFY(carteiro::app::ScenarioEditor::editFile(&window, scenario("01-alice-to-bob.yaml")));
    QApplication::processEvents();

    const QMap<QString, QString> english = shownTexts(&window);
    const QStringList englishValues = english.values();
    for (const char *expected : {"Fault",
                                 "Lasts",
                                 "Reply code",
                                 "Fresh servers",
                                 "Protocol:",
                                 "Mailbox",
                                 "MTA / queue id",
                                 "Domain / record",
                                 "Continue",
                                 "&Language",
                                 "Inject now",
                                 "Statistics",
                                 "Lines per protocol",
                                 "delivered",
                                 "virtual time (minutes)",
                                 "&Presentation mode",
                                 "Serve on 127.0.0.1",
                                 "Run &report (PDF)…",
                                 "Steps and faults",
                                 "Submits to",
                                 "Form",
                                 "Send a message",
                                 "&Run in the classroom window"})
        QVERIFY2(englishValues.contains(QString::fromUtf8(expected)), expected);
    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    const QMap<QString, QString> portuguese = shownTexts(&window);

    QStringList untranslated;
    int compared = 0;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        if (isData(it.value()))
            continue;
        ++compared;
        if (portuguese.value(it.key()) == it.value())
            untranslated << QStringLiteral("%1: \"%2\"").arg(it.key(), it.value());
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    QVERIFY2(compared > 100, qPrintable(QString::number(compared)));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Arquivo"));
}

void TestAppTranslations::switchesLanguageWhileRunning()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.show();
    // The relay's 250 after HELO: its explanation is built when the line is shown.
    const Trace &trace = window.world()->trace();
    int reply = -1;
    for (std::size_t i = 0; i < trace.size() && reply < 0; ++i)
        if (trace.typeAt(i) == TraceEvent::Type::Line && trace.at(i).text.startsWith("250 ") &&
            trace.at(i).server == QLatin1String("mail.hamburger.edu"))
            reply = int(i);
    QVERIFY(reply > 0);
    window.playback()->setPosition(reply);

    const QStringList menusEnglish = [&] {
        QStringList titles;
        for (QAction *menu : window.menuBar()->actions())
            titles << menu->text();
        return titles;
    }();
    const QString explanationEnglish = window.dialogue()->explanationText();
    const QString captionEnglish = window.caption();
    const QString titleEnglish = window.windowTitle();
    QCOMPARE(menusEnglish, (QStringList{"&File", "&Play", "&View"}));
    QVERIFY2(explanationEnglish.contains("completed"), qPrintable(explanationEnglish));

    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    QStringList menus;
    for (QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus, (QStringList{"&Arquivo", "&Reprodução", "&Exibir"}));
    const QString explanation = window.dialogue()->explanationText();
    QVERIFY2(explanation.contains(QStringLiteral("concluída")), qPrintable(explanation));
    QVERIFY2(explanation.contains(QStringLiteral("RFC 5321")), qPrintable(explanation));
    QString notePt;
    for (int i = reply; i >= 0 && notePt.isEmpty(); --i)
        if (trace.typeAt(std::size_t(i)) == TraceEvent::Type::Note)
            notePt = trace.at(std::size_t(i)).extra.value(0);
    QVERIFY(!notePt.isEmpty());
    QVERIFY(window.caption() != captionEnglish);
    QCOMPARE(window.caption(), notePt);
    // The event list shows that note in Portuguese too.
    QStringList noteRows;
    const QAbstractItemModel *events = window.eventList()->sourceModel();
    for (int row = 0; row < events->rowCount(); ++row)
        if (trace.typeAt(std::size_t(row)) == TraceEvent::Type::Note)
            noteRows << events->index(row, EventListModel::TextColumn).data().toString();
    QVERIFY(noteRows.contains(notePt));
    QCOMPARE(window.windowTitle(), titleEnglish); // "01-alice-to-bob.yaml — Carteiro"
    // The position did not move and nothing was rebuilt.
    QCOMPARE(window.playback()->position(), reply);

    QVERIFY(UiLanguage::apply(QStringLiteral("en")));
    QStringList back;
    for (QAction *menu : window.menuBar()->actions())
        back << menu->text();
    QCOMPARE(back, menusEnglish);
    QCOMPARE(window.dialogue()->explanationText(), explanationEnglish);
    QCOMPARE(window.caption(), captionEnglish);
}

void TestAppTranslations::lessonAndLiveLabFollowTheLanguage()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    // The greeting to predict, answered wrong.
    window.setPredicting(true);
    window.playback()->stepForward();
    QVERIFY(window.isPredictionShown());
    window.answer(QStringLiteral("250"));
    QGroupBox *ask = nullptr;
    for (QGroupBox *box : window.findChildren<QGroupBox *>())
        if (box->title() == QLatin1String("Predict the reply"))
            ask = box;
    QVERIFY(ask);
    auto question = [&] {
        for (QLabel *label : ask->findChildren<QLabel *>())
            if (label->text().endsWith(QLatin1Char('?')))
                return label->text();
        return QString();
    };
    QCOMPARE(question(), QStringLiteral("What will mail.crepes.fr answer?"));
    window.showLessonSummary();
    LessonSummary *summary = window.lessonSummary();
    QVERIFY(summary);
    QCOMPARE(summary->windowTitle(), QStringLiteral("Lesson summary"));

    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    QCOMPARE(ask->title(), QStringLiteral("Preveja a resposta"));
    QCOMPARE(question(), QStringLiteral("O que mail.crepes.fr vai responder?"));
    QVERIFY2(
        window.answerFeedback().startsWith(QStringLiteral("✘ Não exatamente: a resposta é 220")),
        qPrintable(window.answerFeedback()));
    QCOMPARE(summary->windowTitle(), QStringLiteral("Resumo da aula"));
    QVERIFY2(summary->markdown().startsWith(QStringLiteral("# Resumo da aula:")),
             qPrintable(summary->markdown()));
    QVERIFY2(summary->markdown().contains(QStringLiteral("O que mail.crepes.fr vai responder?")),
             qPrintable(summary->markdown()));
    QVERIFY(window.isPredictionShown()); // nothing moved
    window.continueAfterAsk();
    window.setPredicting(false);

    // Play > Serve: the status bar says where, in the language on screen.
    LiveOptions options;
    for (const char *service : {"smtp", "submission", "pop3", "imap", "http"})
        options.basePorts.insert(QLatin1String(service), 0);
    window.setLiveOptions(options);
    QVERIFY2(window.startServing(), qPrintable(window.errorText()));
    auto serving = [&] {
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
            if (label->isVisibleTo(&window) && label->text().contains(QLatin1String("SMTP")))
                return label->text();
        return QString();
    };
    QVERIFY2(serving().startsWith(QStringLiteral("Servindo: ")), qPrintable(serving()));
    QVERIFY(UiLanguage::apply(QStringLiteral("en")));
    QVERIFY2(serving().startsWith(QStringLiteral("Serving: ")), qPrintable(serving()));
    QVERIFY(serving().contains(QStringLiteral(" on port ")));
    window.stopServing();

    QCOMPARE(summary->windowTitle(), QStringLiteral("Lesson summary"));
    QVERIFY(summary->markdown().startsWith(QStringLiteral("# Lesson summary:")));
}

void TestAppTranslations::languageMenuSwitchesAndIsRemembered()
{
    MainWindow window;
    QMenu *language = nullptr;
    for (QMenu *menu : window.findChildren<QMenu *>())
        if (menu->title() == QLatin1String("&Language"))
            language = menu;
    QVERIFY(language);
    QAction *portuguese = nullptr, *english = nullptr;
    for (QAction *action : language->actions()) {
        if (action->text() == QStringLiteral("Português"))
            portuguese = action;
        if (action->text() == QLatin1String("English"))
            english = action;
    }
    QVERIFY(portuguese && english);
    QVERIFY(english->isChecked());

    portuguese->trigger();
    QCOMPARE(UiLanguage::current(), QStringLiteral("pt"));
    QVERIFY(portuguese->isChecked());
    QCOMPARE(language->title(), QStringLiteral("&Idioma"));
    QCOMPARE(UiLanguage::startup(), QStringLiteral("pt")); // remembered for the next start

    english->trigger();
    QCOMPARE(UiLanguage::current(), QStringLiteral("en"));
    QCOMPARE(language->title(), QStringLiteral("&Language"));
    QCOMPARE(UiLanguage::startup(), QStringLiteral("en"));
    QSettings().remove(QStringLiteral("language"));
}

void TestAppTranslations::scenarioTextsFollowTheLanguage()
{
    // Scenario 10 asks with choices in words, each written in both languages.
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(scenario("10-pop3-vs-imap.yaml"));
    QVERIFY(loaded.ok());
    MainWindow window;
    QVERIFY(window.openScenario(scenario("10-pop3-vs-imap.yaml")));
    window.show();
    const Trace &trace = window.world()->trace();
    int ask = -1;
    for (std::size_t i = 0; i < trace.size() && ask < 0; ++i)
        if (trace.typeAt(i) == TraceEvent::Type::Ask)
            ask = int(i);
    QVERIFY(ask > 0);
    window.playback()->setPosition(ask);
    QVERIFY(window.isAsking());

    auto summary = [&] {
        for (QLabel *label : window.findChildren<QLabel *>())
            if (label->text().startsWith(QLatin1String("<b>")))
                return label->text();
        return QString();
    };
    auto choices = [&] {
        QStringList texts;
        for (QGroupBox *box : window.findChildren<QGroupBox *>())
            for (QAbstractButton *button : box->findChildren<QAbstractButton *>())
                if (button->isCheckable())
                    texts << button->text();
        return texts;
    };
    auto question = [&] {
        for (QGroupBox *box : window.findChildren<QGroupBox *>())
            for (QLabel *label : box->findChildren<QLabel *>())
                if (label->text().endsWith(QLatin1Char('?')))
                    return label->text();
        return QString();
    };
    const Scenario &s = loaded.scenario;
    QVERIFY(summary().contains(s.title.en));
    QCOMPARE(choices(), (QStringList{"2 messages", "an empty INBOX", "an error"}));
    window.answer(QStringLiteral("2 messages"));
    QVERIFY2(window.answerFeedback().contains("an empty INBOX"),
             qPrintable(window.answerFeedback()));

    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    QVERIFY2(summary().contains(s.title.pt.toHtmlEscaped()), qPrintable(summary()));
    QVERIFY(summary().contains(s.summary.pt.left(40).toHtmlEscaped()));
    QCOMPARE(question(), QStringLiteral("O que o notebook encontra agora?"));
    QCOMPARE(choices(), (QStringList{"2 mensagens", "uma INBOX vazia", "um erro"}));
    // The feedback already given is said again, with the answer in Portuguese.
    QVERIFY2(window.answerFeedback().contains(QStringLiteral("uma INBOX vazia")),
             qPrintable(window.answerFeedback()));
    QVERIFY(window.isAsking());
    // The answer is still checked against the scenario's own words.
    window.answer(QStringLiteral("an empty INBOX"));
    QVERIFY(window.answerFeedback().startsWith(QStringLiteral("✔ Certo")));

    // A caption follows as well: the last note before the question.
    QString notePt;
    for (int i = ask; i >= 0 && notePt.isEmpty(); --i)
        if (trace.typeAt(std::size_t(i)) == TraceEvent::Type::Note)
            notePt = trace.at(std::size_t(i)).extra.value(0);
    QCOMPARE(window.caption(), notePt);

    QVERIFY(UiLanguage::apply(QStringLiteral("en")));
    QVERIFY(summary().contains(s.title.en));
    QCOMPARE(choices(), (QStringList{"2 messages", "an empty INBOX", "an error"}));
}

void TestAppTranslations::everyShippedScenarioSpeaksBothLanguages()
{
    const QDir dir(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files);
    QVERIFY(files.size() >= 13);
    QStringList problems;
    auto both = [&](const QString &file, const QString &what, const LocalizedText &text) {
        if (text.en.trimmed().isEmpty() || text.pt.trimmed().isEmpty())
            problems << QStringLiteral("%1: %2 needs en and pt").arg(file, what);
        else if (text.en == text.pt)
            problems << QStringLiteral("%1: %2 is the same in en and pt").arg(file, what);
    };
    for (const QString &file : files) {
        const ScenarioLoadResult loaded = ScenarioLoader::loadFile(dir.filePath(file));
        if (!loaded.ok()) {
            problems << QStringLiteral("%1 does not load").arg(file);
            continue;
        }
        const Scenario &s = loaded.scenario;
        both(file, QStringLiteral("title"), s.title);
        both(file, QStringLiteral("summary"), s.summary);
        int notes = 0, asks = 0; // notes are optional; those written need both languages
        for (const Step &step : s.steps) {
            if (step.kind == Step::Kind::Note)
                both(file, QStringLiteral("note %1").arg(++notes), step.note);
            if (step.kind != Step::Kind::Ask)
                continue;
            const QString ask = QStringLiteral("ask %1").arg(++asks);
            both(file, ask + QStringLiteral(" question"), step.ask.question);
            // A choice in words needs its Portuguese; a code or a host name reads the same.
            for (int i = 0; i < step.ask.choices.size(); ++i)
                if (step.ask.choices[i].contains(QLatin1Char(' ')) &&
                    step.ask.choicesPt.value(i).isEmpty())
                    problems << QStringLiteral("%1: %2 choice \"%3\" needs pt")
                                    .arg(file, ask, step.ask.choices[i]);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAppTranslations::screenshotsInPortuguese()
{
    // For a person to look at: every panel in Portuguese, at a projector's 1024x700.
    const QString dir = qEnvironmentVariable("CARTEIRO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set CARTEIRO_SCREENSHOTS to a folder to save screenshots");
    QDir().mkpath(dir);
    QVERIFY(UiLanguage::apply(QStringLiteral("pt")));
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto shoot = [&](const QString &name) {
        QApplication::processEvents();
        QVERIFY(window.grab().save(QDir(dir).filePath(name)));
    };
    auto tab = [&](const QString &text) {
        for (QTabWidget *tabs : window.findChildren<QTabWidget *>())
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i) == text)
                    tabs->setCurrentIndex(i);
    };
    auto raise = [&](const QString &title) {
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            if (dock->windowTitle() == title) {
                dock->show();
                dock->raise();
            }
    };

    QVERIFY(window.openScenario(scenario("10-pop3-vs-imap.yaml")));
    for (std::size_t i = 0; i < window.world()->trace().size(); ++i)
        if (window.world()->trace().typeAt(i) == TraceEvent::Type::Ask) {
            window.playback()->setPosition(int(i));
            break;
        }
    window.answer(QStringLiteral("2 messages"));
    shoot(QStringLiteral("pt-ask.png"));

    QVERIFY(window.openScenario(scenario("03-host-down-then-back.yaml")));
    window.playback()->setPosition(window.playback()->count() / 3);
    tab(QStringLiteral("Filas"));
    shoot(QStringLiteral("pt-queues.png"));
    tab(QStringLiteral("Eventos"));
    shoot(QStringLiteral("pt-events.png"));
    tab(QStringLiteral("Sequência"));
    shoot(QStringLiteral("pt-ladder.png"));
    tab(QStringLiteral("Estatísticas"));
    QTest::qWait(200); // the charts lay out their new axes after an event loop turn
    shoot(QStringLiteral("pt-statistics.png"));
    {
        // The charts as large as a projector shows them.
        carteiro::app::StatisticsView large;
        large.resize(1100, 760);
        large.setTrace(&window.world()->trace());
        large.setPosition(window.playback()->position());
        large.show();
        QTest::qWait(200);
        QVERIFY(large.grab().save(QDir(dir).filePath(QStringLiteral("pt-statistics-large.png"))));
    }
    raise(QStringLiteral("Provocar falhas"));
    shoot(QStringLiteral("pt-faults.png"));
    {
        // The canvas large, as a projector shows it: the DOWN badge and the queue badges.
        QImage canvas(1400, 700, QImage::Format_ARGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        window.topology()->render(&painter);
        painter.end();
        QVERIFY(canvas.save(QDir(dir).filePath(QStringLiteral("pt-canvas.png"))));
    }

    QVERIFY(window.openScenario(scenario("11-mime-attachment.yaml")));
    window.playback()->toEnd();
    raise(QStringLiteral("Inspecionar"));
    tab(QStringLiteral("Caixas postais"));
    tab(QStringLiteral("Diálogo"));
    window.mailboxInspector()->openMessage(QStringLiteral("bob@hamburger.edu"), 0);
    shoot(QStringLiteral("pt-mailbox.png"));
    tab(QStringLiteral("Estrutura"));
    shoot(QStringLiteral("pt-mime.png"));
    tab(QStringLiteral("DNS"));
    raise(QStringLiteral("Console"));
    QVERIFY(window.console()->connectTo(QStringLiteral("mail.hamburger.edu"), 25));
    window.console()->send(QStringLiteral("HELO crepes.fr"));
    shoot(QStringLiteral("pt-dns-console.png"));

    // A lesson: a reply to predict, then the summary.
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.setPredicting(true);
    window.playback()->stepForward();
    window.answer(QStringLiteral("250"));
    shoot(QStringLiteral("pt-predict.png"));
    window.continueAfterAsk();
    window.setPredicting(false);
    window.showLessonSummary();
    QApplication::processEvents();
    QVERIFY(
        window.lessonSummary()->grab().save(QDir(dir).filePath(QStringLiteral("pt-summary.png"))));
    window.lessonSummary()->close();

    // The scenario editor: its text, and the form's steps.
    auto *editor =
        carteiro::app::ScenarioEditor::editFile(&window, scenario("03-host-down-then-back.yaml"));
    QVERIFY(editor);
    editor->resize(1024, 700);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QApplication::processEvents();
    QVERIFY(editor->grab().save(QDir(dir).filePath(QStringLiteral("pt-editor-text.png"))));
    editor->tabs()->setCurrentIndex(1);
    editor->form()->tabs()->setCurrentIndex(3);
    QApplication::processEvents();
    QVERIFY(editor->grab().save(QDir(dir).filePath(QStringLiteral("pt-editor-form.png"))));
    editor->form()->tabs()->setCurrentIndex(0);
    QApplication::processEvents();
    QVERIFY(editor->grab().save(QDir(dir).filePath(QStringLiteral("pt-editor-hosts.png"))));
    editor->close();
}

QTEST_MAIN(TestAppTranslations)
#include "tst_apptranslations.moc"
