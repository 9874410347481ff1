// The scenario editor, driven offscreen: live validation, the form's edits as text, saving,
// autosave and recovery, new from template.

#include "app/editor/recoverystore.h"
#include "app/editor/scenarioeditor.h"
#include "app/editor/scenarioform.h"
#include "app/editor/scenariotext.h"
#include "app/editor/scenariotextedit.h"
#include "app/editor/yamlhighlighter.h"
#include "app/mainwindow.h"
#include "core/scenario/scenarioloader.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

using carteiro::app::RecoveryStore;
using carteiro::app::ScenarioEditor;
using carteiro::app::ScenarioText;
using namespace carteiro::core;

namespace {

// A lesson as an instructor writes one: comments everywhere, flow and block styles mixed.
const char *const kLesson = R"(# Lesson 4: Bob's server answers, then Bob reads his mail.
carteiro: 1
title: "Editor test"
dns:
  crepes.fr: {mx: [{host: mail.crepes.fr, pref: 10}]}  # the sender's domain
  hamburger.edu:
    mx:
      - {host: mail.hamburger.edu, pref: 10}

hosts:
  # Alice's side
  mail.crepes.fr:
    role: mta   # her server
    local_domains: [crepes.fr]
    services: [smtp, submission, pop3]
  alice-pc: {role: client, user: alice@crepes.fr, submit_to: mail.crepes.fr}
  mail.hamburger.edu: {role: mta, local_domains: [hamburger.edu], services: [smtp, pop3]}
  bob-pc: {role: client, user: bob@hamburger.edu,
           access: {protocol: pop3, server: mail.hamburger.edu}}

users:
  alice@crepes.fr: {name: Alice, password: faminta}
  bob@hamburger.edu: {name: Bob, password: ketchup}   # keep this comment

steps:
  # first, a note
  - at: 0s
    note: "Alice writes."
  # then the message
  - at: 1s
    send:
      from: alice@crepes.fr
      to: [bob@hamburger.edu]
      subject: Hi
      body: |
        Hello Bob.
        See you.
  - at: 2m
    fetch: {user: bob@hamburger.edu, protocol: pop3, mode: delete}
)";

QString shipped(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QStringList commentLines(const QString &text)
{
    QStringList comments;
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (line.contains(QLatin1String("# ")))
            comments << line.mid(line.indexOf(QLatin1String("# ")));
    return comments;
}

int lineOf(const QString &text, const QString &start)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).startsWith(start))
            return i;
    return -1;
}

// Whether the editor draws a wavy underline over the character at line:column (0-based).
bool underlined(const ScenarioEditor &editor, int line, int column)
{
    const QTextBlock block = editor.textEdit()->document()->findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (range.start <= column && column < range.start + range.length &&
            range.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            return true;
    return false;
}

// Types as at the keyboard; '\n' is the Return key.
void type(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines.at(i));
    }
}

QStringList problemTexts(const ScenarioEditor &editor)
{
    QStringList texts;
    for (int i = 0; i < editor.problems()->count(); ++i)
        texts << editor.problems()->item(i)->text();
    return texts;
}

} // namespace

class TestAppEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void theLessonLoads();
    void textEditsKeepEverythingElse_data();
    void textEditsKeepEverythingElse();
    void typingABadKeyShowsItWhereItIs();
    void columnsCountCharactersNotBytes();
    void clickingAProblemGoesToIt();
    void formAddsHostsUsersDnsAndSteps();
    void formEditsACellInPlace();
    void formWorksOnEveryShippedScenario_data();
    void formWorksOnEveryShippedScenario();
    void formReordersAndRemovesSteps();
    void savingKeepsCommentsByteForByte();
    void autosaveWritesARecoveryThatSaveRemoves();
    void recoveryNewerThanTheFileIsOffered();
    void declinedRecoveryIsDiscarded();
    void startupOffersWhatACrashLeft();
    void newFromTemplateIsAnUntitledCopy();
    void closingAsksAboutUnsavedChanges();
    void runsInTheClassroomWindow();
    void screenshotWithAProblem();

private:
    std::unique_ptr<ScenarioEditor> openLesson(QString *path = nullptr);
    QTemporaryDir m_dir;
};

void TestAppEditor::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("carteiro-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("carteiro-editor-tests"));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestAppEditor::init()
{
    QDir(RecoveryStore::directory()).removeRecursively();
}

std::unique_ptr<ScenarioEditor> TestAppEditor::openLesson(QString *path)
{
    static int count = 0;
    const QString file = m_dir.filePath(QStringLiteral("lesson-%1.yaml").arg(++count));
    writeFile(file, kLesson);
    auto editor = std::make_unique<ScenarioEditor>();
    editor->askRestore = [](const RecoveryStore::Recovery &) { return false; };
    editor->askUnsaved = []() { return ScenarioEditor::Unsaved::Discard; };
    editor->askSavePath = []() { return QString(); };
    if (!editor->openFile(file))
        return nullptr;
    if (path)
        *path = file;
    return editor;
}

void TestAppEditor::theLessonLoads()
{
    const ScenarioLoadResult loaded = ScenarioLoader::loadText(kLesson, QStringLiteral("lesson"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.value(0).toString()));
    auto editor = openLesson();
    QVERIFY(editor);
    QCOMPARE(editor->text(), QString::fromUtf8(kLesson));
    QVERIFY(editor->result().ok());
    QVERIFY(!editor->problems()->isVisibleTo(editor.get()));
    QCOMPARE(editor->form()->table(QStringLiteral("hosts"))->rowCount(), 4);
    QCOMPARE(editor->form()->table(QStringLiteral("users"))->rowCount(), 2);
    QCOMPARE(editor->form()->table(QStringLiteral("dns"))->rowCount(), 2);
    QCOMPARE(editor->form()->table(QStringLiteral("steps"))->rowCount(), 3);
    QCOMPARE(editor->form()->table(QStringLiteral("steps"))->item(1, 1)->text(),
             QStringLiteral("send"));
}

void TestAppEditor::textEditsKeepEverythingElse_data()
{
    QTest::addColumn<QString>("file");
    const QStringList names = QDir(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios"))
                                  .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << shipped(qPrintable(name));
    QTest::newRow("lesson") << QString();
}

// Setting every single-line field to what it already says, and swapping entries twice,
// leaves every shipped scenario byte for byte as it was: the edits touch only their field.
void TestAppEditor::textEditsKeepEverythingElse()
{
    QFETCH(QString, file);
    const QString original =
        file.isEmpty() ? QString::fromUtf8(kLesson) : QString::fromUtf8(readAll(file));
    for (const QString &section : {QStringLiteral("hosts"), QStringLiteral("users"),
                                   QStringLiteral("dns"), QStringLiteral("steps")}) {
        ScenarioText text(original);
        const auto entries = text.entries(section);
        QVERIFY2(!entries.isEmpty() || !text.hasSection(section) || text.isInline(section),
                 qPrintable(section));
        for (int i = 0; i < entries.size(); ++i) {
            const QStringList keys = text.keys(section, i);
            QVERIFY2(!keys.isEmpty(), qPrintable(QStringLiteral("%1 %2").arg(section).arg(i)));
            for (const QString &key : keys) {
                const QString value = text.value(section, i, key);
                if (value.contains(QLatin1Char('\n')) || value.isEmpty())
                    continue;
                QVERIFY(text.setValue(section, i, key, value));
                QCOMPARE(text.text(), original);
            }
            if (i + 1 < entries.size()) {
                QVERIFY(text.swapWithNext(section, i));
                QVERIFY(text.text() != original);
                QVERIFY(text.swapWithNext(section, i));
                QCOMPARE(text.text(), original);
            }
        }
    }
}

void TestAppEditor::typingABadKeyShowsItWhereItIs()
{
    auto editor = openLesson();
    QVERIFY(editor);
    const int line = lineOf(editor->text(), QStringLiteral("    role: mta   # her server"));
    QVERIFY(line > 0);
    editor->textEdit()->moveTo(line, 4);
    QTest::keyClicks(editor->textEdit(), QStringLiteral("x"));
    QVERIFY(editor->text().contains(QLatin1String("    xrole: mta")));
    QVERIFY(editor->autosaveTimer()->isActive()); // the recovery is on its way

    editor->validateNow(); // what the short timer after the last key press does
    const QString expected = QStringLiteral("lesson-2.yaml:%1:5: error: ").arg(line + 1);
    bool found = false;
    for (const QString &problem : problemTexts(*editor))
        found = found || (problem.startsWith(expected) && problem.contains(QLatin1String("xrole")));
    QVERIFY2(found, qPrintable(problemTexts(*editor).join(QLatin1Char('\n'))));
    QVERIFY(editor->problems()->isVisibleTo(editor.get()));
    QVERIFY(underlined(*editor, line, 4));
    QVERIFY(underlined(*editor, line, 8)); // the whole key
    QVERIFY(!underlined(*editor, line, 12));
    QVERIFY(editor->textEdit()->toolTip().isEmpty());
    const QRect at = editor->textEdit()->cursorRect();
    QVERIFY(editor->textEdit()
                ->problemsAt(at.center() - QPoint(at.width() * 3, 0))
                .contains(QLatin1String("xrole")));

    QTest::keyClick(editor->textEdit(), Qt::Key_Backspace);
    editor->validateNow();
    QVERIFY2(editor->result().ok(), qPrintable(problemTexts(*editor).join(QLatin1Char('\n'))));
    QCOMPARE(editor->problems()->count(), 0);
    QVERIFY(!underlined(*editor, line, 4));
}

// yaml-cpp counts columns in bytes; the editor underlines and lists characters.
void TestAppEditor::columnsCountCharactersNotBytes()
{
    auto editor = openLesson();
    QVERIFY(editor);
    QString text = editor->text();
    text.replace(QLatin1String("{name: Alice, password: faminta}"),
                 QLatin1String("{name: Alícia Ção, pasword: faminta}"));
    editor->textEdit()->replaceAll(text);
    editor->validateNow();
    const int line = lineOf(text, QStringLiteral("  alice@crepes.fr:"));
    const int column = int(editor->textEdit()->document()->findBlockByNumber(line).text().indexOf(
        QLatin1String("pasword")));
    QVERIFY(problemTexts(*editor).contains(
        QStringLiteral("lesson-%1.yaml:%2:%3: error: unknown key 'pasword'; did you mean "
                       "'password'?")
            .arg(QFileInfo(editor->path()).completeBaseName().mid(7))
            .arg(line + 1)
            .arg(column + 1)));
    QVERIFY(underlined(*editor, line, column));
    QVERIFY(!underlined(*editor, line, column - 1));
}

void TestAppEditor::clickingAProblemGoesToIt()
{
    auto editor = openLesson();
    QVERIFY(editor);
    QString text = editor->text();
    text.replace(QLatin1String("  - at: 2m"), QLatin1String("  - at: soon"));
    editor->textEdit()->replaceAll(text);
    editor->validateNow();
    QCOMPARE(editor->problems()->count(), 1);
    editor->textEdit()->moveTo(0, 0);
    QListWidgetItem *problem = editor->problems()->item(0);
    emit editor->problems()->itemClicked(problem);
    const QTextCursor cursor = editor->textEdit()->textCursor();
    QCOMPARE(cursor.blockNumber(), lineOf(text, QStringLiteral("  - at: soon")));
    QCOMPARE(cursor.positionInBlock(), 8);
}

void TestAppEditor::formAddsHostsUsersDnsAndSteps()
{
    auto editor = openLesson();
    QVERIFY(editor);
    const QStringList comments = commentLines(editor->text());
    auto *form = editor->form();

    form->addEntry(QStringLiteral("hosts"));
    QTableWidget *hosts = form->table(QStringLiteral("hosts"));
    QCOMPARE(hosts->rowCount(), 5);
    QCOMPARE(hosts->currentRow(), 4);
    hosts->item(4, 0)->setText(QStringLiteral("mx2.hamburger.edu")); // rename, as typed
    QCoreApplication::processEvents();
    hosts->item(4, 2)->setText(QStringLiteral("hamburger.edu"));
    QCoreApplication::processEvents();

    form->addEntry(QStringLiteral("users"));
    QTableWidget *users = form->table(QStringLiteral("users"));
    QCOMPARE(users->rowCount(), 3);
    users->item(2, 0)->setText(QStringLiteral("carol@crepes.fr"));
    QCoreApplication::processEvents();
    users->item(2, 1)->setText(QStringLiteral("Carol Dupont"));
    QCoreApplication::processEvents();

    form->addEntry(QStringLiteral("dns"));
    form->addEntry(QStringLiteral("steps"), QStringLiteral("fault"));
    form->addEntry(QStringLiteral("steps"), QStringLiteral("send"));
    form->addEntry(QStringLiteral("steps"), QStringLiteral("note"));

    const ScenarioLoadResult loaded =
        ScenarioLoader::loadText(editor->text().toUtf8(), QStringLiteral("edited"));
    QVERIFY2(loaded.ok(),
             qPrintable(loaded.errors.value(0).toString() + QLatin1Char('\n') + editor->text()));
    const HostSpec *mx2 = loaded.scenario.host(QStringLiteral("mx2.hamburger.edu"));
    QVERIFY(mx2);
    QCOMPARE(mx2->role, HostRole::Mta);
    QCOMPARE(mx2->localDomains, QStringList{QStringLiteral("hamburger.edu")});
    const UserSpec *carol = loaded.scenario.user(QStringLiteral("carol@crepes.fr"));
    QVERIFY(carol);
    QCOMPARE(carol->name, QStringLiteral("Carol Dupont"));
    QCOMPARE(loaded.scenario.dns.size(), 3);
    QCOMPARE(loaded.scenario.steps.size(), 6);
    QCOMPARE(loaded.scenario.steps.at(3).kind, Step::Kind::Fault);
    QCOMPARE(loaded.scenario.steps.at(3).at, 2 * kMinute); // at the last step's time
    QCOMPARE(loaded.scenario.steps.at(4).kind, Step::Kind::Send);
    QCOMPARE(loaded.scenario.steps.at(5).kind, Step::Kind::Note);
    QCOMPARE(commentLines(editor->text()), comments);
    QVERIFY(editor->isModified());
    QVERIFY(editor->result().ok());

    // The fault's details are one line of YAML in the table, and editable there.
    QTableWidget *steps = form->table(QStringLiteral("steps"));
    QCOMPARE(steps->rowCount(), 6);
    QVERIFY(steps->item(3, 2)->text().startsWith(QLatin1String("{kind: down")));
    steps->item(3, 2)->setText(
        QStringLiteral("{kind: reject, host: mail.hamburger.edu, code: 550, stage: rcpt}"));
    QCoreApplication::processEvents();
    const ScenarioLoadResult again =
        ScenarioLoader::loadText(editor->text().toUtf8(), QStringLiteral("edited"));
    QVERIFY(again.ok());
    QCOMPARE(again.scenario.steps.at(3).fault.kind, QStringLiteral("reject"));
    QCOMPARE(again.scenario.steps.at(3).fault.code, 550);

    // One Ctrl+Z in the text takes back one form edit.
    editor->textEdit()->undo();
    QVERIFY(editor->text().contains(QLatin1String("{kind: down")));
}

void TestAppEditor::formWorksOnEveryShippedScenario_data()
{
    textEditsKeepEverythingElse_data();
}

// Every shipped scenario shows all its entries in the form, and takes a new one of each.
void TestAppEditor::formWorksOnEveryShippedScenario()
{
    QFETCH(QString, file);
    if (file.isEmpty())
        return;
    ScenarioEditor editor;
    QVERIFY(editor.openTemplate(file));
    QVERIFY(editor.result().ok());
    const Scenario scenario = editor.result().scenario; // a copy: result() changes
    auto *form = editor.form();
    QCOMPARE(form->table(QStringLiteral("hosts"))->rowCount(), scenario.hosts.size());
    QCOMPARE(form->table(QStringLiteral("users"))->rowCount(), scenario.users.size());
    QCOMPARE(form->table(QStringLiteral("dns"))->rowCount(), scenario.dns.size());
    QCOMPARE(form->table(QStringLiteral("steps"))->rowCount(), scenario.steps.size());
    const QStringList comments = commentLines(editor.text());
    for (const char *section : {"hosts", "users", "dns"})
        form->addEntry(QLatin1String(section));
    for (const char *kind : {"note", "send", "fetch", "fault"})
        form->addEntry(QStringLiteral("steps"), QLatin1String(kind));
    QVERIFY2(editor.result().ok(), qPrintable(problemTexts(editor).join(QLatin1Char('\n'))));
    QCOMPARE(editor.result().scenario.hosts.size(), scenario.hosts.size() + 1);
    QCOMPARE(editor.result().scenario.steps.size(), scenario.steps.size() + 4);
    QCOMPARE(commentLines(editor.text()), comments);
    // Moving the first step to the end and back gives the file again.
    for (int row = 0; row + 1 < form->table(QStringLiteral("steps"))->rowCount(); ++row)
        form->moveEntry(QStringLiteral("steps"), row, 1);
    QVERIFY(editor.result().ok());
    for (int row = form->table(QStringLiteral("steps"))->rowCount() - 1; row > 0; --row)
        form->moveEntry(QStringLiteral("steps"), row, -1);
    for (int i = 0; i < 4; ++i)
        form->removeEntry(QStringLiteral("steps"),
                          form->table(QStringLiteral("steps"))->rowCount() - 1);
    for (const char *section : {"hosts", "users", "dns"})
        form->removeEntry(QLatin1String(section),
                          form->table(QLatin1String(section))->rowCount() - 1);
    QCOMPARE(editor.text().toUtf8(), readAll(file));
}

void TestAppEditor::formEditsACellInPlace()
{
    auto editor = openLesson();
    QVERIFY(editor);
    const QStringList before = editor->text().split(QLatin1Char('\n'));
    QTableWidget *users = editor->form()->table(QStringLiteral("users"));
    users->item(1, 2)->setText(QStringLiteral("mustard"));
    QCoreApplication::processEvents();
    QTableWidget *hosts = editor->form()->table(QStringLiteral("hosts"));
    hosts->item(0, 3)->setText(QStringLiteral("smtp, pop3, imap"));
    QCoreApplication::processEvents();
    QTableWidget *steps = editor->form()->table(QStringLiteral("steps"));
    steps->item(2, 0)->setText(QStringLiteral("1h30m"));
    QCoreApplication::processEvents();

    QStringList expected = before;
    expected[lineOf(editor->text(), QStringLiteral("  bob@"))] =
        QStringLiteral("  bob@hamburger.edu: {name: Bob, password: mustard}   # keep this comment");
    expected[lineOf(editor->text(), QStringLiteral("    services:"))] =
        QStringLiteral("    services: [smtp, pop3, imap]");
    expected[lineOf(editor->text(), QStringLiteral("  - at: 1h30m"))] =
        QStringLiteral("  - at: 1h30m");
    QCOMPARE(editor->text().split(QLatin1Char('\n')), expected);
    QCOMPARE(users->item(1, 2)->text(), QStringLiteral("mustard"));

    // Clearing a field removes its key; a name the YAML cannot take plainly is quoted.
    hosts->item(0, 3)->setText(QString());
    QCoreApplication::processEvents();
    QVERIFY(!editor->text().contains(QLatin1String("services: [smtp, pop3, imap]")));
    users->item(0, 1)->setText(QStringLiteral("Alice: \"the sender\""));
    QCoreApplication::processEvents();
    QVERIFY(editor->text().contains(
        QLatin1String("{name: \"Alice: \\\"the sender\\\"\", password: faminta}")));
    const ScenarioLoadResult loaded =
        ScenarioLoader::loadText(editor->text().toUtf8(), QStringLiteral("edited"));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.scenario.user(QStringLiteral("alice@crepes.fr"))->name,
             QStringLiteral("Alice: \"the sender\""));
}

void TestAppEditor::formReordersAndRemovesSteps()
{
    auto editor = openLesson();
    QVERIFY(editor);
    auto *form = editor->form();
    QTableWidget *steps = form->table(QStringLiteral("steps"));
    const QString original = editor->text();

    form->moveEntry(QStringLiteral("steps"), 0, 1); // the note goes after the message
    QCOMPARE(steps->currentRow(), 1);
    QCOMPARE(steps->item(0, 1)->text(), QStringLiteral("send"));
    QCOMPARE(steps->item(1, 1)->text(), QStringLiteral("note"));
    const QString moved = editor->text();
    // Each step's comment travels with it.
    QVERIFY(moved.indexOf(QLatin1String("# then the message")) <
            moved.indexOf(QLatin1String("# first, a note")));
    QVERIFY(moved.indexOf(QLatin1String("# first, a note")) <
            moved.indexOf(QLatin1String("note: \"Alice writes.\"")));
    ScenarioLoadResult loaded = ScenarioLoader::loadText(moved.toUtf8(), QStringLiteral("m"));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.scenario.steps.at(0).kind, Step::Kind::Send);
    QCOMPARE(loaded.scenario.steps.at(0).send.body, QStringLiteral("Hello Bob.\nSee you.\n"));
    QCOMPARE(loaded.scenario.steps.at(1).kind, Step::Kind::Note);

    form->moveEntry(QStringLiteral("steps"), 1, -1); // and back
    QCOMPARE(editor->text(), original);
    form->moveEntry(QStringLiteral("steps"), 0, -1); // nothing above the first
    QCOMPARE(editor->text(), original);

    steps->setCurrentCell(1, 0);
    form->removeEntry(QStringLiteral("steps"), steps->currentRow());
    QCOMPARE(steps->rowCount(), 2);
    QVERIFY(!editor->text().contains(QLatin1String("# then the message")));
    QVERIFY(!editor->text().contains(QLatin1String("subject: Hi")));
    loaded = ScenarioLoader::loadText(editor->text().toUtf8(), QStringLiteral("r"));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.scenario.steps.size(), 2);
    QCOMPARE(loaded.scenario.steps.at(1).kind, Step::Kind::Fetch);

    // Hosts reorder and go the same way.
    form->moveEntry(QStringLiteral("hosts"), 3, -1);
    QCOMPARE(form->table(QStringLiteral("hosts"))->item(2, 0)->text(), QStringLiteral("bob-pc"));
    form->removeEntry(QStringLiteral("users"), 0);
    QCOMPARE(form->table(QStringLiteral("users"))->rowCount(), 1);
}

void TestAppEditor::savingKeepsCommentsByteForByte()
{
    QString path;
    auto editor = openLesson(&path);
    QVERIFY(editor);
    editor->form()->table(QStringLiteral("users"))->item(0, 2)->setText(QStringLiteral("crepe"));
    QCoreApplication::processEvents();
    QVERIFY(editor->isModified());
    QVERIFY(editor->windowTitle().contains(QLatin1String("lesson-")));
    QVERIFY(editor->save());
    QVERIFY(!editor->isModified());

    QByteArray expected(kLesson);
    expected.replace("{name: Alice, password: faminta}", "{name: Alice, password: crepe}");
    QCOMPARE(readAll(path), expected);
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.scenario.user(QStringLiteral("alice@crepes.fr"))->password,
             QStringLiteral("crepe"));

    // Windows line ends go back as they came.
    const QString crlf = m_dir.filePath(QStringLiteral("crlf.yaml"));
    QByteArray windows(kLesson);
    windows.replace("\n", "\r\n");
    writeFile(crlf, windows);
    ScenarioEditor other;
    QVERIFY(other.openFile(crlf));
    QVERIFY(other.result().ok());
    type(other.textEdit(), QStringLiteral("# hi\n"));
    QVERIFY(other.save());
    QCOMPARE(readAll(crlf), "# hi\r\n" + windows);
    other.close();
}

void TestAppEditor::autosaveWritesARecoveryThatSaveRemoves()
{
    QString path;
    auto editor = openLesson(&path);
    QVERIFY(editor);
    const QString recoveryFile =
        QDir(RecoveryStore::directory()).filePath(editor->recoveryId() + QStringLiteral(".yaml"));
    QVERIFY(!QFile::exists(recoveryFile));
    editor->autosaveNow(); // nothing changed: nothing written
    QVERIFY(!QFile::exists(recoveryFile));

    type(editor->textEdit(), QStringLiteral("# changed\n"));
    QVERIFY(editor->autosaveTimer()->isActive());
    QCOMPARE(editor->autosaveTimer()->interval(), 3000);
    QMetaObject::invokeMethod(editor->autosaveTimer(), "timeout"); // a few seconds later
    QCOMPARE(QString::fromUtf8(readAll(recoveryFile)), editor->text());
    const auto recovery = RecoveryStore::read(editor->recoveryId());
    QVERIFY(recovery);
    QCOMPARE(recovery->path, QFileInfo(path).absoluteFilePath());
    QVERIFY(recovery->written.isValid());
    // Offered while the file on disk is older and different.
    QVERIFY(RecoveryStore::pendingFor(path));

    QVERIFY(editor->save());
    QVERIFY(!QFile::exists(recoveryFile));
    QVERIFY(!RecoveryStore::pendingFor(path));
}

void TestAppEditor::recoveryNewerThanTheFileIsOffered()
{
    // The crash: a recovery left behind, newer than the file.
    const QString path = m_dir.filePath(QStringLiteral("crashed.yaml"));
    writeFile(path, kLesson);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-600),
                                 QFileDevice::FileModificationTime));
    }
    const QString unsaved =
        QString::fromUtf8(kLesson) + QStringLiteral("# typed before the crash\n");
    QVERIFY(RecoveryStore::write(RecoveryStore::idFor(path), path, unsaved));

    ScenarioEditor editor;
    QStringList offered;
    editor.askRestore = [&](const RecoveryStore::Recovery &recovery) {
        offered << recovery.path;
        return true;
    };
    editor.askUnsaved = []() { return ScenarioEditor::Unsaved::Discard; };
    QVERIFY(editor.openFile(path));
    QCOMPARE(offered, QStringList{QFileInfo(path).absoluteFilePath()});
    QCOMPARE(editor.text(), unsaved);
    QVERIFY(editor.isModified()); // restored, not yet saved
    editor.textEdit()->undo();    // the file as it is on disk
    QCOMPARE(editor.text(), QString::fromUtf8(kLesson));
    editor.textEdit()->redo();
    QVERIFY(editor.save());
    QCOMPARE(readAll(path), unsaved.toUtf8());
    QVERIFY(!RecoveryStore::read(RecoveryStore::idFor(path)));

    // A recovery older than the file (saved since by someone) is not offered.
    QVERIFY(RecoveryStore::write(RecoveryStore::idFor(path), path, QStringLiteral("old")));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(600),
                                 QFileDevice::FileModificationTime));
    }
    ScenarioEditor second;
    bool asked = false;
    second.askRestore = [&](const RecoveryStore::Recovery &) { return asked = true; };
    QVERIFY(second.openFile(path));
    QVERIFY(!asked);
    QCOMPARE(second.text(), unsaved);

    // An Untitled document's recovery is found by New from template.
    QVERIFY(RecoveryStore::write(QStringLiteral("untitled-0123"), QString(),
                                 QStringLiteral("carteiro: 1\n# mine\n")));
    const QList<RecoveryStore::Recovery> untitled = RecoveryStore::pendingUntitled();
    QCOMPARE(untitled.size(), 1);
    QCOMPARE(untitled.first().text, QStringLiteral("carteiro: 1\n# mine\n"));
    ScenarioEditor third;
    third.openUntitled(untitled.first().text, untitled.first().id);
    QVERIFY(third.isUntitled());
    QVERIFY(third.isModified());
    third.askUnsaved = []() { return ScenarioEditor::Unsaved::Discard; };
    QVERIFY(third.close()); // a clean close discards the recovery
    QVERIFY(RecoveryStore::pendingUntitled().isEmpty());
}

void TestAppEditor::declinedRecoveryIsDiscarded()
{
    const QString path = m_dir.filePath(QStringLiteral("declined.yaml"));
    writeFile(path, kLesson);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-600),
                                 QFileDevice::FileModificationTime));
    }
    QVERIFY(
        RecoveryStore::write(RecoveryStore::idFor(path), path, QStringLiteral("carteiro: 1\n")));
    ScenarioEditor editor;
    int asked = 0;
    editor.askRestore = [&](const RecoveryStore::Recovery &) {
        ++asked;
        return false;
    };
    QVERIFY(editor.openFile(path));
    QCOMPARE(asked, 1);
    QCOMPARE(editor.text(), QString::fromUtf8(kLesson));
    QVERIFY(!editor.isModified());
    QVERIFY(!RecoveryStore::read(RecoveryStore::idFor(path)));
}

void TestAppEditor::startupOffersWhatACrashLeft()
{
    const QString path = m_dir.filePath(QStringLiteral("startup.yaml"));
    writeFile(path, kLesson);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-600),
                                 QFileDevice::FileModificationTime));
    }
    const QString edited = QString::fromUtf8(kLesson) + QStringLiteral("# edited\n");
    QVERIFY(RecoveryStore::write(RecoveryStore::idFor(path), path, edited));
    QVERIFY(RecoveryStore::write(QStringLiteral("untitled-42"), QString(),
                                 QStringLiteral("carteiro: 1\n# new\n")));
    // A recovery equal to its file is not worth a question, and goes.
    const QString same = m_dir.filePath(QStringLiteral("same.yaml"));
    writeFile(same, kLesson);
    QVERIFY(RecoveryStore::write(RecoveryStore::idFor(same), same, QString::fromUtf8(kLesson)));

    carteiro::app::MainWindow window;
    QStringList asked;
    const QList<ScenarioEditor *> editors =
        ScenarioEditor::offerRecoveries(&window, [&](const RecoveryStore::Recovery &recovery) {
            asked << recovery.id;
            return true;
        });
    QCOMPARE(asked.size(), 2);
    QCOMPARE(editors.size(), 2);
    QStringList texts;
    for (ScenarioEditor *editor : editors) {
        QVERIFY(editor->isModified());
        QVERIFY(editor->isVisible());
        texts << editor->text();
        if (!editor->isUntitled())
            QCOMPARE(editor->path(), QFileInfo(path).absoluteFilePath());
    }
    texts.sort();
    QCOMPARE(texts, (QStringList{edited, QStringLiteral("carteiro: 1\n# new\n")}));
    QVERIFY(!RecoveryStore::read(RecoveryStore::idFor(same)));

    // Closing the classroom window closes the editors first, asking about their edits.
    int questions = 0;
    for (ScenarioEditor *editor : editors)
        editor->askUnsaved = [&]() {
            ++questions;
            return ScenarioEditor::Unsaved::Cancel;
        };
    window.show();
    QVERIFY(!window.close());
    QVERIFY(questions >= 1);
    for (ScenarioEditor *editor : editors)
        editor->askUnsaved = []() { return ScenarioEditor::Unsaved::Discard; };
    QVERIFY(window.close());
    QVERIFY(RecoveryStore::pending().isEmpty());
}

void TestAppEditor::newFromTemplateIsAnUntitledCopy()
{
    const QString source = shipped("03-host-down-then-back.yaml");
    ScenarioEditor editor;
    QVERIFY(editor.openTemplate(source));
    QVERIFY(editor.isUntitled());
    QCOMPARE(editor.text().toUtf8(), readAll(source));
    QVERIFY(!editor.isModified());
    QVERIFY(editor.windowTitle().startsWith(QLatin1String("Untitled")));
    QVERIFY(editor.result().ok());
    QCOMPARE(editor.form()->table(QStringLiteral("steps"))->rowCount(), 4);

    // Save asks where; the template itself is never written.
    const QString target = m_dir.filePath(QStringLiteral("my-lesson.yaml"));
    int asked = 0;
    editor.askSavePath = [&]() {
        ++asked;
        return target;
    };
    type(editor.textEdit(), QStringLiteral("# my lesson\n"));
    const QString untitledId = editor.recoveryId();
    editor.autosaveNow();
    QVERIFY(RecoveryStore::read(untitledId));
    QVERIFY(editor.save());
    QCOMPARE(asked, 1);
    QVERIFY(!editor.isUntitled());
    QCOMPARE(editor.path(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(readAll(target), "# my lesson\n" + readAll(source));
    QVERIFY(!RecoveryStore::read(untitledId));
    QVERIFY(editor.save()); // now it has a path: no question
    QCOMPARE(asked, 1);
    QVERIFY(ScenarioLoader::loadFile(target).ok());

    // Run hands the scenario to the classroom window.
    QSignalSpy run(&editor, &ScenarioEditor::runRequested);
    QVERIFY(editor.run());
    QCOMPARE(run.count(), 1);
    QCOMPARE(run.first().at(1).toString(), editor.path());
}

void TestAppEditor::closingAsksAboutUnsavedChanges()
{
    QString path;
    auto editor = openLesson(&path);
    QVERIFY(editor);
    editor->show();
    QVERIFY(editor->close()); // nothing changed: no question
    editor->show();
    type(editor->textEdit(), QStringLiteral("# more\n"));
    editor->autosaveNow();
    int asked = 0;
    editor->askUnsaved = [&]() {
        ++asked;
        return ScenarioEditor::Unsaved::Cancel;
    };
    QVERIFY(!editor->close());
    QCOMPARE(asked, 1);
    QVERIFY(RecoveryStore::read(editor->recoveryId())); // still safe
    editor->askUnsaved = [&]() {
        ++asked;
        return ScenarioEditor::Unsaved::Save;
    };
    QVERIFY(editor->close());
    QVERIFY(readAll(path).startsWith("# more\n"));
    QVERIFY(!RecoveryStore::read(editor->recoveryId()));
}

void TestAppEditor::runsInTheClassroomWindow()
{
    QString path;
    auto lesson = openLesson(&path); // only for its file
    QVERIFY(lesson);
    lesson.reset();
    carteiro::app::MainWindow window;
    QStringList fileMenu;
    for (QAction *action : window.menuBar()->actions().first()->menu()->actions())
        fileMenu << action->text();
    QVERIFY(fileMenu.contains(QStringLiteral("&Edit scenario…")));
    QVERIFY(fileMenu.contains(QStringLiteral("&New from template…")));

    QPointer<ScenarioEditor> editor = ScenarioEditor::editFile(&window, path);
    QVERIFY(editor);
    QVERIFY(editor->isVisible());
    QVERIFY(editor->isWindow());
    QCOMPARE(editor->path(), QFileInfo(path).absoluteFilePath());

    // Saved and unchanged: the file itself is opened.
    QVERIFY(editor->run());
    QVERIFY(window.windowTitle().startsWith(QFileInfo(path).fileName()));
    QVERIFY(window.world());
    const qsizetype steps = window.world()->scenario().steps.size();

    // Edited: the edited scenario plays, under the file's name.
    editor->form()->addEntry(QStringLiteral("steps"), QStringLiteral("note"));
    QVERIFY(editor->run());
    QCOMPARE(window.world()->scenario().steps.size(), steps + 1);
    QVERIFY(window.windowTitle().contains(QLatin1String("(edited)")));

    // With a problem it does not run.
    type(editor->textEdit(), QStringLiteral("oops: 1\n"));
    QVERIFY(!editor->run());
    QCOMPARE(window.world()->scenario().steps.size(), steps + 1);
    editor->askUnsaved = []() { return ScenarioEditor::Unsaved::Discard; };
    QVERIFY(editor->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!editor); // closed windows go away
}

void TestAppEditor::screenshotWithAProblem()
{
    auto editor = openLesson();
    QVERIFY(editor);
    editor->resize(1000, 760);
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    const int line = lineOf(editor->text(), QStringLiteral("    local_domains: [crepes.fr]"));
    editor->textEdit()->moveTo(line, 10);
    QTest::keyClicks(editor->textEdit(), QStringLiteral("ss"));
    editor->textEdit()->moveTo(0, 0);
    editor->validateNow();
    QVERIFY(!editor->result().ok());
    const QImage shot = editor->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString target = qEnvironmentVariable("CARTEIRO_EDITOR_SCREENSHOT");
    if (!target.isEmpty())
        QVERIFY(shot.save(target));
    editor->tabs()->setCurrentIndex(1);
    editor->form()->tabs()->setCurrentIndex(3); // steps and faults
    const QString formTarget = qEnvironmentVariable("CARTEIRO_EDITOR_FORM_SCREENSHOT");
    if (!formTarget.isEmpty())
        QVERIFY(editor->grab().save(formTarget));
}

QTEST_MAIN(TestAppEditor)
#include "tst_appeditor.moc"
