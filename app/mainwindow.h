#pragma once

#include "core/scenario/scenario.h"
#include "core/world/world.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QButtonGroup;
class QDockWidget;
class QTimer;
class QGroupBox;
class QPushButton;
class QToolBar;
class QActionGroup;

namespace carteiro::app {

class ConsoleWidget;
class TopologyScene;
class TopologyView;
class DialoguePane;
class EventList;
class LadderView;
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

    // Faults injected live, at the current moment of the run.
    void injectFault(const core::FaultSpec &fault);
    void bringHostBackUp(const QString &host);
    bool saveInjectedFaults(const QString &saveAs = {});
    // Writes the whole run as a packet capture for Wireshark; on failure false, with the
    // reason in errorText().
    bool exportCapture(const QString &path);

signals:
    void scenarioOpened(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createLanguageMenu();
    // Sets every text built here in the language in force; again on each LanguageChange.
    void retranslate();
    void showScenarioTexts();
    void showCaption(int position);
    void openFromDialog();
    void exportCaptureFromDialog();
    void updateRecentMenu();
    void rememberRecent(const QString &path);
    void rebuild(int keepPosition);
    void showPosition(int position);
    void showAsk(int position);
    void showAskTexts();
    const core::AskStep *askAt(int position) const;
    void continueAfterAsk();
    void showErrors(const QString &text);
    void refreshInspectors();
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
    // What retranslate() renames: menus, actions with their tooltips, docks and tabs.
    struct TransportAction
    {
        QAction *action;
        const char *text;
        const char *tip;
    };
    QList<TransportAction> m_transportActions;
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
