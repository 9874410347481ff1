#include "app/editor/scenarioeditor.h"

#include "app/editor/scenarioform.h"
#include "app/editor/scenariotextedit.h"
#include "app/editor/yamlhighlighter.h"
#include "app/i18n/uilanguage.h"
#include "app/mainwindow.h"
#include "app/models/shippedscenarios.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QUuid>
#include <QVBoxLayout>

namespace carteiro::app {

namespace {

constexpr int kValidateDelayMs = 300;  // after the last key press
constexpr int kAutosaveDelayMs = 3000; // at most this much typing is lost in a crash
constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kColumnRole = Qt::UserRole + 2;

// yaml-cpp counts columns in bytes of UTF-8; the editor counts characters.
int characterColumn(const QString &line, int byteColumn)
{
    return int(QString::fromUtf8(line.toUtf8().left(byteColumn)).size());
}

// Loader problems that mean the YAML itself is broken: the form cannot find its entries.
bool brokenYaml(const core::ScenarioLoadResult &result)
{
    for (const core::ScenarioError &error : result.errors)
        if (error.message.startsWith(QLatin1String("invalid YAML")) ||
            error.message.contains(QLatin1String("one YAML document")))
            return true;
    return false;
}

} // namespace

ScenarioEditor::ScenarioEditor(QWidget *parent) : QMainWindow(parent)
{
    m_text = new ScenarioTextEdit;
    m_form = new ScenarioForm;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_form, QString());

    m_status = new QLabel;
    m_problems = new QListWidget;
    // Room for about six problems; the text keeps the rest of the height.
    m_problems->setMaximumHeight(m_problems->fontMetrics().height() * 6 + 12);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_problems);
    setCentralWidget(central);

    m_validate = new QTimer(this);
    m_validate->setSingleShot(true);
    m_validate->setInterval(kValidateDelayMs);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveDelayMs);
    connect(m_validate, &QTimer::timeout, this, &ScenarioEditor::validateNow);
    connect(m_autosave, &QTimer::timeout, this, &ScenarioEditor::autosaveNow);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ScenarioEditor::textChanged);
    connect(m_text->document(), &QTextDocument::modificationChanged, this,
            &QWidget::setWindowModified);
    connect(m_form, &ScenarioForm::textEdited, this, &ScenarioEditor::formEdited);
    connect(m_form, &ScenarioForm::lineActivated, this, [this](int line) {
        m_tabs->setCurrentWidget(m_text);
        m_text->moveTo(line, 0);
        m_text->setFocus();
    });
    connect(m_problems, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showProblem(m_problems->row(item)); });
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showProblem(m_problems->row(item)); });

    askRestore = [this](const RecoveryStore::Recovery &recovery) {
        return QMessageBox::question(
                   this, tr("Recover unsaved changes?"),
                   tr("Changes to %1 from %2 were never saved: Carteiro probably closed "
                      "unexpectedly. Restore them? (No discards them.)")
                       .arg(recovery.path.isEmpty() ? tr("an untitled scenario")
                                                    : QFileInfo(recovery.path).fileName(),
                            QLocale().toString(recovery.written.toLocalTime(),
                                               QLocale::ShortFormat))) == QMessageBox::Yes;
    };
    askSavePath = [this]() {
        return QFileDialog::getSaveFileName(this, tr("Save scenario"),
                                            QDir::home().filePath(QStringLiteral("scenario.yaml")),
                                            tr("Carteiro scenarios (*.yaml *.yml)"));
    };
    askUnsaved = [this]() {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? Unsaved::Save
               : answer == QMessageBox::Discard ? Unsaved::Discard
                                                : Unsaved::Cancel;
    };

    createActions();
    retranslate();
    openUntitled(QStringLiteral("carteiro: 1\n"));
    resize(900, 700);
}

ScenarioEditor::~ScenarioEditor() = default;

void ScenarioEditor::createActions()
{
    // Texts are set by retranslate().
    QMenu *file = m_fileMenu = menuBar()->addMenu(QString());
    QToolBar *tools = m_tools = addToolBar(QString());
    tools->setObjectName(QStringLiteral("scenario"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_save = file->addAction(QString(), this, &ScenarioEditor::save);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = file->addAction(QString(), this, [this]() {
        const QString path = askSavePath();
        if (!path.isEmpty())
            this->saveAs(path);
    });
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_run = file->addAction(QString(), this, &ScenarioEditor::run);
    m_run->setShortcut(Qt::CTRL | Qt::Key_R);
    file->addSeparator();
    m_close = file->addAction(QString(), this, &QWidget::close);
    m_close->setShortcut(QKeySequence::Close);
    tools->addAction(m_save);
    tools->addAction(m_saveAs);
    tools->addAction(m_run);
    statusBar();
}

void ScenarioEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void ScenarioEditor::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_tools->setWindowTitle(tr("Scenario"));
    m_save->setText(tr("&Save"));
    m_saveAs->setText(tr("Save &as…"));
    m_run->setText(tr("&Run in the classroom window"));
    m_run->setToolTip(tr("Play the scenario as edited (Ctrl+R)"));
    m_close->setText(tr("&Close"));
    m_tabs->setTabText(m_tabs->indexOf(m_text), tr("Text"));
    m_tabs->setTabText(m_tabs->indexOf(m_form), tr("Form"));
    m_problems->setToolTip(tr("Click a problem to go to its line and column"));
    // The problems themselves are the loader's words, as the command line prints them.
    showStatus();
    updateTitle();
}

void ScenarioEditor::showStatus()
{
    m_status->setText(m_result.ok() ? tr("No problems: the scenario is ready to run.")
                                    : tr("%n problem(s): click one to go to it.", nullptr,
                                         int(m_result.errors.size())));
}

QString ScenarioEditor::text() const
{
    return m_text->documentText();
}

bool ScenarioEditor::isModified() const
{
    return m_text->document()->isModified();
}

QString ScenarioEditor::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

void ScenarioEditor::updateTitle()
{
    setWindowTitle(tr("%1[*] — Carteiro scenario editor").arg(displayName()));
    setWindowModified(isModified());
}

void ScenarioEditor::load(const QString &text, const QString &path, const QString &recoveryId)
{
    m_crlf = text.contains(QLatin1String("\r\n"));
    QString lines = text;
    lines.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_path = path;
    m_recoveryId = recoveryId;
    m_text->setPlainText(lines);
    m_text->document()->setModified(false);
    m_autosave->stop();
    validateNow();
    updateTitle();
}

bool ScenarioEditor::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("%1 could not be opened: %2").arg(path, file.errorString()));
        return false;
    }
    load(QString::fromUtf8(file.readAll()), QFileInfo(path).absoluteFilePath(),
         RecoveryStore::idFor(path));
    if (const auto recovery = RecoveryStore::pendingFor(path)) {
        if (askRestore(*recovery)) {
            // One undoable edit on top of the file: Ctrl+Z shows what is on disk.
            m_text->replaceAll(recovery->text);
            validateNow();
            statusBar()->showMessage(tr("Unsaved changes restored"), 5000);
        } else {
            RecoveryStore::remove(recovery->id);
        }
    }
    return true;
}

bool ScenarioEditor::openTemplate(const QString &templatePath)
{
    QFile file(templatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(
            tr("%1 could not be opened: %2").arg(templatePath, file.errorString()));
        return false;
    }
    openUntitled(QString::fromUtf8(file.readAll()));
    statusBar()->showMessage(tr("New scenario from %1; Save asks where to keep it")
                                 .arg(QFileInfo(templatePath).fileName()),
                             5000);
    return true;
}

void ScenarioEditor::openUntitled(const QString &text, const QString &recoveryId)
{
    const QString id = recoveryId.isEmpty()
                           ? RecoveryStore::idFor({}, QUuid::createUuid().toString())
                           : recoveryId;
    load(text, {}, id);
    if (!recoveryId.isEmpty())
        m_text->document()->setModified(true); // recovered text was never saved
}

void ScenarioEditor::textChanged()
{
    if (m_text->documentText() == m_validated)
        return; // only the highlighting changed
    m_validate->start();
    // Started once, not pushed back by each key press: steady typing is saved too.
    if (!m_autosave->isActive())
        m_autosave->start();
}

void ScenarioEditor::formEdited(const QString &text)
{
    m_text->replaceAll(text);
    validateNow(); // the form shows its own edit at once
}

void ScenarioEditor::validateNow()
{
    m_validate->stop();
    const QString current = text();
    m_validated = current;
    m_result = core::ScenarioLoader::loadText(current.toUtf8(), displayName());

    QList<TextDiagnostic> diagnostics;
    m_problems->clear();
    for (const core::ScenarioError &error : m_result.errors) {
        const int line = std::max(0, error.line - 1);
        const QString lineText = m_text->document()->findBlockByNumber(line).text();
        const int column = characterColumn(lineText, std::max(0, error.column - 1));
        diagnostics.append({line, column, error.message});
        // The column as the editor counts it (characters), where the CLI counts bytes.
        core::ScenarioError shown = error;
        shown.column = column + 1;
        auto *item = new QListWidgetItem(shown.toString(), m_problems);
        item->setData(kLineRole, line);
        item->setData(kColumnRole, column);
        item->setForeground(QColor(Qt::red).darker(130));
    }
    m_text->highlighter()->setDiagnostics(diagnostics);
    m_text->viewport()->update();
    showStatus();
    m_problems->setVisible(!m_result.ok());
    m_form->setText(current, m_result.scenario, !brokenYaml(m_result));
}

void ScenarioEditor::showProblem(int row)
{
    const QListWidgetItem *item = m_problems->item(row);
    if (!item)
        return;
    m_tabs->setCurrentWidget(m_text);
    m_text->moveTo(item->data(kLineRole).toInt(), item->data(kColumnRole).toInt());
    m_text->setFocus();
}

void ScenarioEditor::autosaveNow()
{
    m_autosave->stop();
    if (isModified())
        RecoveryStore::write(m_recoveryId, m_path, text());
}

bool ScenarioEditor::save()
{
    if (!isUntitled())
        return saveAs(m_path);
    const QString path = askSavePath();
    return !path.isEmpty() && saveAs(path);
}

bool ScenarioEditor::saveAs(const QString &path)
{
    QString contents = text();
    if (m_crlf)
        contents.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents.toUtf8()) < 0 || !file.commit()) {
        QMessageBox::warning(this, tr("Scenario not saved"),
                             tr("%1 could not be written: %2").arg(path, file.errorString()));
        return false;
    }
    m_autosave->stop();
    RecoveryStore::remove(m_recoveryId);
    m_path = QFileInfo(path).absoluteFilePath();
    m_recoveryId = RecoveryStore::idFor(m_path);
    RecoveryStore::remove(m_recoveryId);
    m_text->document()->setModified(false);
    validateNow(); // the problems now name the file
    updateTitle();
    statusBar()->showMessage(
        m_result.ok() ? tr("Saved %1").arg(displayName())
                      : tr("Saved %1, with %n problem(s)", nullptr, int(m_result.errors.size()))
                            .arg(displayName()),
        5000);
    return true;
}

bool ScenarioEditor::run()
{
    validateNow();
    if (!m_result.ok()) {
        statusBar()->showMessage(tr("Fix the problems listed below before running."), 5000);
        return false;
    }
    emit runRequested(m_result.scenario, m_path);
    return true;
}

bool ScenarioEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The classroom window owns its editors: it closes only once each has closed.
    if (watched == parent() && event->type() == QEvent::Close && isVisible() && !close()) {
        event->ignore();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void ScenarioEditor::closeEvent(QCloseEvent *event)
{
    if (isModified()) {
        switch (askUnsaved()) {
        case Unsaved::Save:
            if (!save()) {
                event->ignore();
                return;
            }
            break;
        case Unsaved::Discard:
            break;
        case Unsaved::Cancel:
            event->ignore();
            return;
        }
    }
    // A clean close: nothing is left to recover.
    m_autosave->stop();
    RecoveryStore::remove(m_recoveryId);
    event->accept();
}

namespace {

ScenarioEditor *createFor(MainWindow *window)
{
    auto *editor = new ScenarioEditor(window);
    editor->setWindowFlag(Qt::Window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    window->installEventFilter(editor); // closing the classroom window asks about edits first
    QObject::connect(editor, &ScenarioEditor::runRequested, window,
                     [window, editor](const core::Scenario &scenario, const QString &path) {
                         // A saved file opens as a file (recent list, injected faults saved
                         // into it); edits not yet saved play under the editor's name.
                         if (!path.isEmpty() && !editor->isModified())
                             window->openScenario(path);
                         else
                             window->showScenario(scenario,
                                                  (path.isEmpty() ? ScenarioEditor::tr("Untitled")
                                                                  : QFileInfo(path).fileName()) +
                                                      ScenarioEditor::tr(" (edited)"));
                         window->raise();
                         window->activateWindow();
                     });
    return editor;
}

} // namespace

ScenarioEditor *ScenarioEditor::editFile(MainWindow *window, const QString &path)
{
    QString file = path;
    if (!QFileInfo(file).isFile())
        file = QFileDialog::getOpenFileName(window, tr("Edit scenario"), shippedScenarioDirectory(),
                                            tr("Carteiro scenarios (*.yaml *.yml);;All files (*)"));
    if (file.isEmpty())
        return nullptr;
    ScenarioEditor *editor = createFor(window);
    if (!editor->openFile(file)) {
        QMessageBox::warning(window, tr("Scenario not opened"),
                             editor->statusBar()->currentMessage());
        editor->deleteLater();
        return nullptr;
    }
    editor->show();
    return editor;
}

QList<ScenarioEditor *>
ScenarioEditor::offerRecoveries(MainWindow *window,
                                const std::function<bool(const RecoveryStore::Recovery &)> &ask)
{
    QList<ScenarioEditor *> opened;
    for (const RecoveryStore::Recovery &recovery : RecoveryStore::pending()) {
        ScenarioEditor *editor = createFor(window);
        if (ask)
            editor->askRestore = ask;
        if (QFileInfo::exists(recovery.path)) {
            // openFile() asks, and keeps or discards the recovery.
            editor->openFile(recovery.path);
            if (editor->isModified()) {
                editor->show();
                opened << editor;
                continue;
            }
        } else if (editor->askRestore(recovery)) {
            editor->openUntitled(recovery.text, recovery.id);
            editor->show();
            opened << editor;
            continue;
        } else {
            RecoveryStore::remove(recovery.id);
        }
        editor->setAttribute(Qt::WA_DeleteOnClose, false);
        delete editor;
    }
    return opened;
}

ScenarioEditor *ScenarioEditor::newFromTemplate(MainWindow *window)
{
    const QDir dir(shippedScenarioDirectory());
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QStringList choices;
    for (const QString &name : files) {
        const core::ScenarioLoadResult loaded = core::ScenarioLoader::loadFile(dir.filePath(name));
        const QString title = loaded.scenario.title.text(UiLanguage::current());
        choices << (title.isEmpty() ? name : tr("%1 — %2").arg(name, title));
    }
    bool chosen = false;
    const QString choice = QInputDialog::getItem(
        window, tr("New from template"), tr("Start from a scenario that comes with Carteiro:"),
        choices, 0, false, &chosen);
    if (!chosen || choices.indexOf(choice) < 0)
        return nullptr;
    ScenarioEditor *editor = createFor(window);
    editor->openTemplate(dir.filePath(files.at(choices.indexOf(choice))));
    editor->show();
    return editor;
}

} // namespace carteiro::app
