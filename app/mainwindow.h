#pragma once

#include "app/models/lesson.h"
#include "core/live/liveserver.h"
#include "core/scenario/scenario.h"
#include "core/world/world.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QButtonGroup;
class QDockWidget;
class QTimer;
class QGroupBox;
class QPushButton;
class QSplitter;
class QPainter;
class QToolBar;
class QActionGroup;

namespace carteiro::app {

class ConsoleWidget;
class TopologyScene;
class TopologyView;
class DialoguePane;
class EventList;
class LadderView;
class StatisticsView;
class LessonSummary;
class DnsInspector;
class FaultPanel;
class MailboxInspector;
class QueueInspector;
class RunState;
class PlaybackController;
class TimelineWidget;

// The classroom window: the run of a scenario, played forwards and back, with the dialogue,
// the timeline, notes and questions, and a panel to break things live.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads and plays a scenario; on errors shows them in the window and keeps what was open.
    bool openScenario(const QString &path);
    // Shows a scenario built in code (benchmarks, generated lessons); label names it.
    void showScenario(core::Scenario scenario, const QString &label);
    QString errorText() const { return m_errorText; }
    QString caption() const;
    DialoguePane *dialogue() const { return m_dialogue; }
    EventList *eventList() const { return m_events; }
    LadderView *ladder() const { return m_ladder; }
    StatisticsView *statistics() const { return m_statistics; }
    const Lesson &lesson() const { return m_lesson; }
    LessonSummary *lessonSummary() const { return m_lessonSummary; }
    // "Predict the next reply": the playback stops before each server reply until answered.
    void setPredicting(bool on);
    bool isPredicting() const;
    bool isPredictionShown() const;
    void showLessonSummary();
    // For a projector: full screen, side panels hidden, large text; Esc leaves.
    void setPresentationMode(bool on);
    bool isPresenting() const;
    // Dark window chrome (the diagrams keep white paper); remembered.
    void setDarkTheme(bool on);
    QTabWidget *views() const { return m_views; }
    PlaybackController *playback() const { return m_playback; }
    FaultPanel *faultPanel() const { return m_faults; }
    const core::World *world() const { return m_world.get(); }
    QueueInspector *queueInspector() const { return m_queues; }
    MailboxInspector *mailboxInspector() const { return m_mailboxes; }
    DnsInspector *dnsInspector() const { return m_dns; }
    ConsoleWidget *console() const { return m_console; }
    TopologyScene *topology() const { return m_topology; }
    QStringList recentFiles() const;

    // The question on screen, if any, and answering it (for the ask panel and tests).
    bool isAsking() const;
    QString answerFeedback() const;
    void answer(const QString &choice);
    // The Continue button under a question or a predicted reply.
    void continueAfterAsk();

    // Faults injected live, at the current moment of the run.
    void injectFault(const core::FaultSpec &fault);
    void bringHostBackUp(const QString &host);
    bool saveInjectedFaults(const QString &saveAs = {});
    // The live lab: the open scenario's servers on real ports of 127.0.0.1 (Play > Serve).
    // A fresh run starts and grows as real clients and the clock drive it; the views follow
    // its end. Faults injected meanwhile act on it at once. On failure false, with the reason
    // in errorText().
    bool startServing();
    void stopServing();
    bool isServing() const { return m_live != nullptr; }
    core::LiveServer *liveServer() const { return m_live.get(); }
    // Ports, speed and limits for the next startServing() (tests ask for free ports).
    void setLiveOptions(const core::LiveOptions &options) { m_liveOptions = options; }

    // Writes the whole run as a packet capture for Wireshark; on failure false, with the
    // reason in errorText().
    bool exportCapture(const QString &path);
    // The exports of the File menu, without their dialogs (for tests). The kind of file
    // follows the suffix: .md/.html/.txt, .png/.svg.
    bool exportTranscript(const QString &path);
    bool exportLadder(const QString &path);
    bool exportCanvas(const QString &path);
    bool exportReport(const QString &path);

signals:
    void scenarioOpened(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QString askExportPath(const QString &title, const QString &suffix, const QString &filters);
    // False, with the reason in m_errorText, when no scenario is open.
    bool hasRunToExport();
    // Saves a drawing as the suffix says; `done` is the status message, %1 the file's name.
    bool exportPicture(const QString &path, QSize size,
                       const std::function<void(QPainter &)> &paint, const QString &done);
    void createActions();
    void createDocks();
    void createLanguageMenu();
    // Sets every text built here in the language in force; again on each LanguageChange.
    void retranslate();
    void showScenarioTexts();
    void showCaption(int position);
    void openFromDialog();
    void exportCaptureFromDialog();
    void exportTranscriptFromDialog();
    void exportLadderFromDialog();
    void exportCanvasFromDialog();
    void exportReportFromDialog();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void rebuild(int keepPosition);
    void showPosition(int position);
    void showAsk(int position);
    void showPrediction(int position, bool wasPlaying);
    void showErrors(const QString &text);
    void refreshInspectors();
    void showRun(std::unique_ptr<core::World> world, int keepPosition);
    void followLiveRun();
    // The status bar's "Serving: ..." and its tooltip, in the language in force.
    void showServing();
    void showAskTexts();
    const core::AskStep *askAt(int position) const;
    void showInjected();

    // What is open: the file's scenario, the faults injected on top, and their run.
    QString m_path;
    core::Scenario m_scenario;
    QList<core::Step> m_injected;
    QList<std::function<QString()>> m_injectedDescriptions; // said again in a new language
    std::unique_ptr<core::World> m_world;
    std::unique_ptr<RunState> m_runState; // the world at the position, for the inspectors

    PlaybackController *m_playback = nullptr;
    DialoguePane *m_dialogue = nullptr;
    LadderView *m_ladder = nullptr;
    StatisticsView *m_statistics = nullptr;
    EventList *m_events = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_speed = nullptr;
    TimelineWidget *m_timeline = nullptr;
    FaultPanel *m_faults = nullptr;
    TopologyScene *m_topology = nullptr;
    TopologyView *m_canvas = nullptr;
    QTabWidget *m_views = nullptr;
    QueueInspector *m_queues = nullptr;
    MailboxInspector *m_mailboxes = nullptr;
    DnsInspector *m_dns = nullptr;
    ConsoleWidget *m_console = nullptr;
    QDockWidget *m_inspectDock = nullptr;
    QTimer *m_inspectTimer = nullptr;
    QGroupBox *m_ask = nullptr;
    QLabel *m_question = nullptr;
    QButtonGroup *m_choices = nullptr;
    QLabel *m_feedback = nullptr;
    QPushButton *m_continue = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_exportCapture = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_predict = nullptr;
    QAction *m_presentationAction = nullptr;
    QAction *m_darkAction = nullptr;
    QList<QDockWidget *> m_docks;
    QList<QDockWidget *> m_docksShown; // before presentation mode, to show again after
    bool m_presenting = false;
    QSplitter *m_split = nullptr;
    bool m_wasMaximized = false;
    Lesson m_lesson;
    std::optional<Lesson::Question> m_prediction; // the reply being guessed, if any
    LessonSummary *m_lessonSummary = nullptr;
    bool m_summaryShown = false;
    QAction *m_serveAction = nullptr;
    QLabel *m_serving = nullptr;
    QTimer *m_followTimer = nullptr;
    std::size_t m_followedCount = 0;
    core::LiveOptions m_liveOptions;
    std::unique_ptr<core::LiveServer> m_live; // declared after m_world: goes before it
    // What retranslate() renames: menus, actions with their tooltips, docks and tabs.
    struct TransportAction
    {
        QAction *action;
        const char *text;
        const char *tip;
    };
    QList<TransportAction> m_transportActions;
    struct NamedAction
    {
        QAction *action;
        const char *text;
        const char *tip; // may be null
    };
    QList<NamedAction> m_namedActions;
    struct NamedMenu
    {
        QMenu *menu;
        const char *title;
    };
    QList<NamedMenu> m_namedMenus;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_playMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QActionGroup *m_languages = nullptr;
    QAction *m_open = nullptr;
    QAction *m_quit = nullptr;
    QToolBar *m_transport = nullptr;
    QDockWidget *m_faultDock = nullptr;
    QDockWidget *m_consoleDock = nullptr;
    QTabWidget *m_inspectTabs = nullptr;
    QString m_errorText;
    QString m_answered; // the choice last picked for the question on screen
    int m_askPosition = -1;
    bool m_resumeAfterAsk = false;
};

} // namespace carteiro::app
