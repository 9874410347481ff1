#pragma once

#include "app/editor/recoverystore.h"
#include "core/scenario/scenarioloader.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QTabWidget;
class QTimer;
class QToolBar;

namespace carteiro::app {

class MainWindow;
class ScenarioForm;
class ScenarioTextEdit;

// The scenario editor: a scenario as YAML text (highlighted, checked as you type, problems
// underlined at their line and column) and as a form for hosts, users, DNS and steps. The text
// is the source of truth; the form edits it entry by entry. Saves are atomic; the text being
// edited is written to a recovery file every few seconds and offered again after a crash.
class ScenarioEditor : public QMainWindow
{
    Q_OBJECT

public:
    explicit ScenarioEditor(QWidget *parent = nullptr);
    ~ScenarioEditor() override;

    // File > Edit scenario… and File > New from template… of the classroom window.
    static ScenarioEditor *editFile(MainWindow *window, const QString &path);
    static ScenarioEditor *newFromTemplate(MainWindow *window);
    // At startup: offers back what a crash left unsaved, one editor per restored document.
    // `ask` replaces the question (tests).
    static QList<ScenarioEditor *>
    offerRecoveries(MainWindow *window,
                    const std::function<bool(const RecoveryStore::Recovery &)> &ask = {});

    bool openFile(const QString &path);
    // An Untitled document holding the template's text; Save asks where to write it.
    bool openTemplate(const QString &templatePath);
    // An Untitled document with this text (a recovered one, for instance).
    void openUntitled(const QString &text, const QString &recoveryId = {});

    bool save();
    bool saveAs(const QString &path);
    // Plays the edited scenario in the classroom window (when it has no problems).
    bool run();
    void validateNow();
    void autosaveNow();

    QString path() const { return m_path; }
    bool isUntitled() const { return m_path.isEmpty(); }
    bool isModified() const;
    QString text() const;
    QString recoveryId() const { return m_recoveryId; }
    const core::ScenarioLoadResult &result() const { return m_result; }
    ScenarioTextEdit *textEdit() const { return m_text; }
    ScenarioForm *form() const { return m_form; }
    QListWidget *problems() const { return m_problems; }
    QTabWidget *tabs() const { return m_tabs; }
    QTimer *autosaveTimer() const { return m_autosave; }

    // Questions to the instructor, replaceable so tests never block on a dialog.
    std::function<bool(const RecoveryStore::Recovery &)> askRestore;
    std::function<QString()> askSavePath;
    enum class Unsaved { Save, Discard, Cancel };
    std::function<Unsaved()> askUnsaved;

signals:
    void runRequested(const core::Scenario &scenario, const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    // Sets every text built here in the language in force; again on each LanguageChange.
    void retranslate();
    void showStatus();
    void load(const QString &text, const QString &path, const QString &recoveryId);
    void textChanged();
    void formEdited(const QString &text);
    void showProblem(int row);
    void updateTitle();
    QString displayName() const;

    QString m_path;
    QString m_recoveryId;
    bool m_crlf = false; // the file had CRLF line ends; they are written back as they were
    QString m_validated; // the text the problems and the form describe
    core::ScenarioLoadResult m_result;

    QTabWidget *m_tabs = nullptr;
    ScenarioTextEdit *m_text = nullptr;
    ScenarioForm *m_form = nullptr;
    QListWidget *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_validate = nullptr;
    QTimer *m_autosave = nullptr;
    QMenu *m_fileMenu = nullptr;
    QToolBar *m_tools = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_run = nullptr;
    QAction *m_close = nullptr;
};

} // namespace carteiro::app
