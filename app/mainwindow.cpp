#include "app/mainwindow.h"

#include "app/exports/pictureexport.h"
#include "app/exports/runreport.h"
#include "app/models/shippedscenarios.h"
#include "core/trace/transcript.h"

#include "app/canvas/topologyscene.h"
#include "app/canvas/topologyview.h"
#include "app/charts/statisticsview.h"
#include "app/console/consolewidget.h"
#include "app/dialogue/dialoguepane.h"
#include "app/dialogue/eventlist.h"
#include "app/editor/scenarioeditor.h"
#include "app/faults/faultpanel.h"
#include "app/i18n/uilanguage.h"
#include "app/inspectors/dnsinspector.h"
#include "app/inspectors/mailboxinspector.h"
#include "app/inspectors/queueinspector.h"
#include "app/inspectors/runstate.h"
#include "app/ladder/ladderview.h"
#include "app/lesson/lessonsummary.h"
#include "app/models/playback.h"
#include "app/timeline/timelinewidget.h"
#include "core/capture/pcapwriter.h"
#include "core/scenario/scenarioloader.h"
#include "core/scenario/scenariowriter.h"

#include <QActionGroup>
#include <QApplication>
#include <QButtonGroup>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace carteiro::app {

using core::TraceEvent;

namespace {
constexpr int kMaxRecent = 8;
constexpr core::SimTime kVisibleWait = core::kMinute; // longer idle waits are announced
constexpr int kLargeTrace = 20000; // events; past this the inspectors update a moment later

// The language of the scenario's own texts: the interface's.
QString language()
{
    return UiLanguage::current();
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_playback = new PlaybackController(this);
    m_dialogue = new DialoguePane;
    m_ladder = new LadderView;
    m_events = new EventList;
    m_statistics = new StatisticsView;

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setMargin(6);
    m_errors = new QLabel;
    m_errors->setWordWrap(true);
    m_errors->setMargin(6);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; "
                                           "font-family: monospace; }"));
    m_errors->hide();
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    m_caption->setMargin(8);
    m_caption->setStyleSheet(QStringLiteral("QLabel { background: #fff8d6; color: #3b3200; "
                                            "font-size: 12pt; }"));
    m_caption->hide();

    // The question of an `ask` step, shown in the window so playback waits for the answer.
    m_ask = new QGroupBox;
    auto *askLayout = new QVBoxLayout(m_ask);
    m_question = new QLabel;
    m_question->setWordWrap(true);
    m_choices = new QButtonGroup(this);
    auto *choiceRow = new QHBoxLayout;
    m_feedback = new QLabel;
    m_continue = new QPushButton;
    askLayout->addWidget(m_question);
    askLayout->addLayout(choiceRow);
    askLayout->addWidget(m_feedback);
    askLayout->addWidget(m_continue, 0, Qt::AlignRight);
    m_ask->hide();
    connect(m_continue, &QPushButton::clicked, this, &MainWindow::continueAfterAsk);

    m_timeline = new TimelineWidget;
    m_clock = new QLabel;
    m_clock->setStyleSheet(QStringLiteral("QLabel { font-family: monospace; font-size: 12pt; }"));
    m_speed = new QLabel;

    // The mail travelling between the hosts, beside the lines it carries.
    m_topology = new TopologyScene(this);
    m_canvas = new TopologyView;
    m_canvas->setScene(m_topology);
    m_views = new QTabWidget;
    m_views->addTab(m_dialogue, QString());
    m_views->addTab(m_ladder, QString());
    m_views->addTab(m_events, QString());
    m_views->addTab(m_statistics, QString());
    auto *split = new QSplitter(Qt::Horizontal);
    m_split = split;
    split->addWidget(m_canvas);
    split->addWidget(m_views);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    m_canvas->setMinimumWidth(320);
    m_views->setMinimumWidth(280);
    split->setSizes({640, 420});

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_errors);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_caption);
    layout->addWidget(m_ask);
    auto *timeRow = new QHBoxLayout;
    timeRow->setContentsMargins(6, 0, 6, 4);
    timeRow->addWidget(m_clock);
    timeRow->addWidget(m_timeline, 1);
    timeRow->addWidget(m_speed);
    layout->addLayout(timeRow);
    setCentralWidget(central);

    createActions();
    createDocks();
    createLanguageMenu();

    connect(m_playback, &PlaybackController::positionChanged, m_topology,
            &TopologyScene::setPosition);
    connect(m_playback, &PlaybackController::positionChanged, m_dialogue,
            &DialoguePane::setPosition);
    connect(m_playback, &PlaybackController::positionChanged, m_ladder, &LadderView::setPosition);
    connect(m_playback, &PlaybackController::positionChanged, m_events, &EventList::setPosition);
    connect(m_playback, &PlaybackController::positionChanged, m_statistics,
            &StatisticsView::setPosition);
    connect(m_events, &EventList::eventActivated, m_playback, &PlaybackController::setPosition);
    connect(m_playback, &PlaybackController::positionChanged, this, &MainWindow::showPosition);
    connect(m_playback, &PlaybackController::askReached, this, &MainWindow::showAsk);
    connect(m_playback, &PlaybackController::heldBefore, this, &MainWindow::showPrediction);
    connect(m_playback, &PlaybackController::speedChanged, this,
            [this](double speed) { m_speed->setText(tr("%1×").arg(speed)); });
    connect(m_timeline, &TimelineWidget::positionRequested, m_playback,
            &PlaybackController::setPosition);

    setAcceptDrops(true);
    retranslate();
    resize(1280, 720);
    // The run is what the class reads: the side panel starts narrow.
    resizeDocks({m_inspectDock}, {380}, Qt::Horizontal);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    // Texts are set by retranslate(), which runs again when the language changes.
    QMenu *file = m_fileMenu = menuBar()->addMenu(QString());
    m_open = file->addAction(QString(), this, &MainWindow::openFromDialog);
    m_open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(QString());
    updateRecentMenu();
    // Actions made here are named by retranslate() too (m_namedActions, m_namedMenus).
    auto named = [this](QAction *action, const char *text, const char *tip = nullptr) {
        m_namedActions.append({action, text, tip});
        return action;
    };
    named(file->addAction(QString(), this, [this]() { ScenarioEditor::editFile(this, m_path); }),
          QT_TR_NOOP("&Edit scenario…"));
    named(file->addAction(QString(), this, [this]() { ScenarioEditor::newFromTemplate(this); }),
          QT_TR_NOOP("&New from template…"));
    // Exports: what a run looks like outside the window, for notes, slides and hand-ins.
    m_exportMenu = file->addMenu(QString());
    m_namedMenus.append({m_exportMenu, QT_TR_NOOP("&Export")});
    m_exportMenu->setEnabled(false);
    named(m_exportMenu->addAction(QString(), this, &MainWindow::exportTranscriptFromDialog),
          QT_TR_NOOP("&Transcript…"), QT_TR_NOOP("The dialogue as text, Markdown or HTML"));
    named(m_exportMenu->addAction(QString(), this, &MainWindow::exportLadderFromDialog),
          QT_TR_NOOP("&Ladder diagram…"),
          QT_TR_NOOP("The ladder diagram at this position as PNG or SVG"));
    named(m_exportMenu->addAction(QString(), this, &MainWindow::exportCanvasFromDialog),
          QT_TR_NOOP("&Canvas…"), QT_TR_NOOP("The network picture at this position as PNG or SVG"));
    named(m_exportMenu->addAction(QString(), this, &MainWindow::exportReportFromDialog),
          QT_TR_NOOP("Run &report (PDF)…"),
          QT_TR_NOOP("Title, figures, ladder diagram and dialogue in one PDF"));
    m_exportCapture =
        named(m_exportMenu->addAction(QString(), this, &MainWindow::exportCaptureFromDialog),
              QT_TR_NOOP("Ca&pture (pcap)…"),
              QT_TR_NOOP("Save the run as a packet capture for Wireshark"));
    file->addSeparator();
    m_quit = file->addAction(QString(), qApp, &QApplication::quit);
    m_quit->setShortcut(QKeySequence::Quit);

    QMenu *play = m_playMenu = menuBar()->addMenu(QString());
    QToolBar *transport = m_transport = addToolBar(QString());
    transport->setObjectName(QStringLiteral("playback"));
    auto add = [&](const char *text, const QKeySequence &key, auto slot, const char *tip,
                   QStyle::StandardPixmap icon) {
        QAction *action = play->addAction(style()->standardIcon(icon), QString(), m_playback, slot);
        action->setShortcut(key);
        transport->addAction(action);
        addAction(action);
        m_transportActions.append({action, text, tip});
        return action;
    };
    // Page Up/Down too: what a presenter's remote sends.
    add(QT_TR_NOOP("Start"), QKeySequence(Qt::Key_Home), &PlaybackController::toStart,
        QT_TR_NOOP("Back to the start"), QStyle::SP_MediaSkipBackward);
    add(QT_TR_NOOP("Previous connection"), QKeySequence(Qt::CTRL | Qt::Key_Left),
        &PlaybackController::previousConnection, QT_TR_NOOP("Previous connection"),
        QStyle::SP_ArrowUp);
    add(QT_TR_NOOP("Step back"), QKeySequence(Qt::Key_Left), &PlaybackController::stepBack,
        QT_TR_NOOP("One protocol line back"), QStyle::SP_MediaSeekBackward)
        ->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    add(QT_TR_NOOP("Play / pause"), QKeySequence(Qt::Key_Space), &PlaybackController::togglePlay,
        QT_TR_NOOP("Play or pause"), QStyle::SP_MediaPlay);
    add(QT_TR_NOOP("Step forward"), QKeySequence(Qt::Key_Right), &PlaybackController::stepForward,
        QT_TR_NOOP("One protocol line forward"), QStyle::SP_MediaSeekForward)
        ->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    add(QT_TR_NOOP("Next connection"), QKeySequence(Qt::CTRL | Qt::Key_Right),
        &PlaybackController::nextConnection, QT_TR_NOOP("Next connection"), QStyle::SP_ArrowDown);
    add(QT_TR_NOOP("End"), QKeySequence(Qt::Key_End), &PlaybackController::toEnd,
        QT_TR_NOOP("To the end"), QStyle::SP_MediaSkipForward);
    play->addSeparator();
    // Lessons: each server reply guessed before it shows; a summary of the answers.
    m_predict = named(play->addAction(QString()), QT_TR_NOOP("&Predict the next reply"),
                      QT_TR_NOOP("Hide each server reply until you have chosen what it will be"));
    m_predict->setCheckable(true);
    m_predict->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_predict, &QAction::toggled, this, &MainWindow::setPredicting);
    named(play->addAction(QString(), this, &MainWindow::showLessonSummary),
          QT_TR_NOOP("Lesson &summary…"));
    play->addSeparator();
    transport->addSeparator();
    add(QT_TR_NOOP("Slower"), QKeySequence(Qt::Key_Minus), &PlaybackController::slower,
        QT_TR_NOOP("Half the speed"), QStyle::SP_ArrowLeft);
    add(QT_TR_NOOP("Faster"), QKeySequence(Qt::Key_Plus), &PlaybackController::faster,
        QT_TR_NOOP("Double the speed"), QStyle::SP_ArrowRight);
    transport->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    play->addSeparator();
    m_serveAction =
        named(play->addAction(QString()), QT_TR_NOOP("Serve on 127.0.0.1"),
              QT_TR_NOOP("Put this scenario's servers on real ports of this computer, so real "
                         "mail programs (Thunderbird, swaks, curl, telnet) can use them; their "
                         "sessions appear here as they happen"));
    m_serveAction->setCheckable(true);
    m_serveAction->setEnabled(false);
    connect(m_serveAction, &QAction::toggled, this, [this](bool on) {
        if (on == isServing())
            return;
        if (!on) {
            stopServing();
        } else if (!startServing()) {
            const QSignalBlocker block(m_serveAction);
            m_serveAction->setChecked(false);
            QMessageBox::warning(this, tr("Not serving"), m_errorText);
        }
    });
    m_serving = new QLabel;
    m_serving->hide();
    statusBar()->addPermanentWidget(m_serving);
    m_followTimer = new QTimer(this);
    m_followTimer->setInterval(200);
    connect(m_followTimer, &QTimer::timeout, this, &MainWindow::followLiveRun);
}

void MainWindow::createLanguageMenu()
{
    // View > Language: each language named in itself; the choice applies at once and is
    // remembered for the next start (until then the system's language is followed).
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languages = new QActionGroup(this);
    for (const QString &code : UiLanguage::codes()) {
        QAction *action = m_languageMenu->addAction(UiLanguage::nativeName(code));
        action->setCheckable(true);
        action->setData(code);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [code]() {
            UiLanguage::remember(code);
            UiLanguage::apply(code);
        });
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_open->setText(tr("&Open scenario…"));
    m_recentMenu->setTitle(tr("Open &recent"));
    for (const NamedAction &entry : std::as_const(m_namedActions)) {
        entry.action->setText(tr(entry.text));
        if (entry.tip)
            entry.action->setToolTip(tr(entry.tip));
    }
    for (const NamedMenu &entry : std::as_const(m_namedMenus))
        entry.menu->setTitle(tr(entry.title));
    m_quit->setText(tr("&Quit"));
    m_playMenu->setTitle(tr("&Play"));
    m_transport->setWindowTitle(tr("Playback"));
    for (const TransportAction &entry : std::as_const(m_transportActions)) {
        entry.action->setText(tr(entry.text));
        entry.action->setToolTip(QStringLiteral("%1 (%2)").arg(
            tr(entry.tip), entry.action->shortcut().toString(QKeySequence::NativeText)));
    }
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == UiLanguage::current());
    m_faultDock->setWindowTitle(tr("Break things"));
    m_inspectDock->setWindowTitle(tr("Inspect"));
    m_consoleDock->setWindowTitle(tr("Console"));
    m_inspectTabs->setTabText(0, tr("Queues"));
    m_inspectTabs->setTabText(1, tr("Mailboxes"));
    m_inspectTabs->setTabText(2, tr("DNS"));
    m_views->setTabText(0, tr("Dialogue"));
    m_views->setTabText(1, tr("Ladder"));
    m_views->setTabText(2, tr("Events"));
    m_views->setTabText(3, tr("Statistics"));
    m_ask->setTitle(m_prediction ? tr("Predict the reply") : tr("Question"));
    m_continue->setText(tr("Continue"));
    m_speed->setText(tr("%1×").arg(m_playback->speed()));
    if (!m_errors->isHidden())
        showErrors(m_errorText);

    // What the open scenario says, in the language now in force.
    setWindowTitle(m_path.isEmpty() ? tr("Carteiro")
                                    : tr("%1 — Carteiro").arg(QFileInfo(m_path).fileName()));
    if (!m_world)
        return;
    showScenarioTexts();
    showCaption(m_playback->position());
    if (m_askPosition >= 0)
        showAskTexts();
    // The lesson's questions, the reply being predicted and the summary, said again.
    m_lesson.setLanguage(language());
    if (m_prediction) {
        m_lesson.retell(*m_prediction);
        m_question->setText(m_prediction->text);
        if (!m_answered.isEmpty())
            answer(m_answered);
    }
    if (m_lessonSummary)
        m_lessonSummary->setSummary(m_lesson.summaryMarkdown(m_scenario.title.text(language())));
    if (m_live)
        showServing();
    if (!m_injectedDescriptions.isEmpty())
        showInjected();
    refreshInspectors();
    m_topology->update(); // host badges are painted in the language in force
}

void MainWindow::createDocks()
{
    m_faults = new FaultPanel;
    auto *dock = m_faultDock = new QDockWidget(this);
    dock->setObjectName(QStringLiteral("faults"));
    dock->setWidget(m_faults);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_faults, &FaultPanel::injectRequested, this, &MainWindow::injectFault);
    connect(m_faults, &FaultPanel::backUpRequested, this, &MainWindow::bringHostBackUp);
    connect(m_faults, &FaultPanel::saveRequested, this, [this]() {
        if (!saveInjectedFaults())
            QMessageBox::warning(this, tr("Faults not saved"), m_errorText);
    });

    // Queues, mailboxes and DNS as they were at the position.
    m_queues = new QueueInspector;
    m_mailboxes = new MailboxInspector;
    m_dns = new DnsInspector;
    auto *tabs = m_inspectTabs = new QTabWidget;
    tabs->addTab(m_queues, QString());
    tabs->addTab(m_mailboxes, QString());
    tabs->addTab(m_dns, QString());
    m_inspectDock = new QDockWidget(this);
    m_inspectDock->setObjectName(QStringLiteral("inspect"));
    m_inspectDock->setWidget(tabs);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectDock);
    tabifyDockWidget(dock, m_inspectDock);
    m_inspectDock->raise();
    m_inspectTimer = new QTimer(this);
    m_inspectTimer->setSingleShot(true);
    m_inspectTimer->setInterval(150);
    connect(m_inspectTimer, &QTimer::timeout, this, &MainWindow::refreshInspectors);
    connect(m_inspectDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshInspectors();
    });

    // telnet to any server of the scenario, as in the seeds' lab activity.
    m_console = new ConsoleWidget;
    auto *consoleDock = m_consoleDock = new QDockWidget(this);
    consoleDock->setObjectName(QStringLiteral("console"));
    consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, consoleDock);
    consoleDock->hide();
    resizeDocks({dock, m_inspectDock}, {340, 340}, Qt::Horizontal);
    QMenu *view = m_viewMenu = menuBar()->addMenu(QString());
    view->addAction(dock->toggleViewAction());
    view->addAction(m_inspectDock->toggleViewAction());
    view->addAction(consoleDock->toggleViewAction());
    m_docks = {dock, m_inspectDock, consoleDock};
    view->addSeparator();
    m_presentationAction = view->addAction(QString());
    m_namedActions.append({m_presentationAction, QT_TR_NOOP("&Presentation mode"),
                           QT_TR_NOOP("Full screen, large text and arrows, for a projector "
                                      "(Esc leaves)")});
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_F11)});
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    addAction(m_presentationAction);
    QAction *leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this]() { setPresentationMode(false); });
    addAction(leave);
    m_darkAction = view->addAction(QString());
    m_namedActions.append({m_darkAction, QT_TR_NOOP("&Dark theme"), nullptr});
    m_darkAction->setCheckable(true);
    m_darkAction->setChecked(QSettings().value(QStringLiteral("darkTheme")).toBool());
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::setDarkTheme);
    if (m_darkAction->isChecked())
        setDarkTheme(true);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    {
        const QSignalBlocker block(m_presentationAction);
        m_presentationAction->setChecked(on);
    }
    if (on) {
        // The side panels go; the run fills the screen.
        m_docksShown.clear();
        for (QDockWidget *dock : m_docks)
            if (dock->isVisible()) {
                m_docksShown << dock;
                dock->hide();
            }
        m_wasMaximized = isMaximized();
        showFullScreen();
    } else {
        for (QDockWidget *dock : m_docksShown)
            dock->show();
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    // Large text everywhere a class reads: the dialogue (its current line larger still), the
    // ladder, the caption, the question, the clock, the toolbar.
    const qreal scale = on ? 1.6 : 1.0;
    m_dialogue->setPresentation(on);
    QFont ladderFont = font();
    ladderFont.setPointSizeF(std::max(11.0, ladderFont.pointSizeF()) * scale);
    m_ladder->setFont(ladderFont);
    m_caption->setStyleSheet(QStringLiteral("QLabel { background: #fff8d6; color: #3b3200; "
                                            "font-size: %1pt; }")
                                 .arg(on ? 22 : 12));
    for (QWidget *widget : {static_cast<QWidget *>(m_ask), static_cast<QWidget *>(m_clock),
                            static_cast<QWidget *>(m_summary)}) {
        QFont big = font();
        big.setPointSizeF(std::max(11.0, big.pointSizeF()) * scale);
        widget->setFont(big);
    }
    for (QToolBar *bar : findChildren<QToolBar *>())
        bar->setIconSize(on ? QSize(40, 40) : QSize(24, 24));
    // The caption tells the story on a projector; the dialogue gets the larger half.
    m_summary->setVisible(!on);
    const int width = m_split->width();
    m_split->setSizes(on ? QList<int>{width * 2 / 5, width * 3 / 5}
                         : QList<int>{width * 3 / 5, width * 2 / 5});
    if (on)
        m_canvas->zoomIn();
    else
        m_canvas->fitToWindow();
}

bool MainWindow::isPresenting() const
{
    return m_presenting;
}

void MainWindow::setDarkTheme(bool on)
{
    QSettings().setValue(QStringLiteral("darkTheme"), on);
    {
        const QSignalBlocker block(m_darkAction);
        m_darkAction->setChecked(on);
    }
    // The window's chrome and text panels; the diagrams keep their white paper, which
    // projects with the most contrast.
    if (!on) {
        qApp->setPalette(qApp->style()->standardPalette());
        return;
    }
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2c, 0x30));
    dark.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x34));
    dark.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    dark.setColor(QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::Highlight, QColor(0xff, 0xc8, 0x3d));
    dark.setColor(QPalette::HighlightedText, Qt::black);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    qApp->setPalette(dark);
}

void MainWindow::refreshInspectors()
{
    if (!m_runState && !m_live)
        return;
    // Replaying is cheap forward and costs a rerun backward: only for an inspector in view.
    if (m_inspectDock->isHidden() && isVisible())
        return;
    // A live run cannot be replayed (real clients drove it): the inspectors show it as it is.
    const core::World *world = m_live ? m_world.get() : m_runState->worldAt(m_playback->position());
    m_queues->showState(world);
    m_mailboxes->showState(world);
    m_dns->showState(world);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberRecent(const QString &path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &file : files)
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file]() {
            if (!openScenario(file))
                QMessageBox::warning(this, tr("Scenario not opened"), m_errorText);
        });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFromDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open scenario"), shippedScenarioDirectory(),
                                     tr("Carteiro scenarios (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

void MainWindow::exportCaptureFromDialog()
{
    if (!m_world)
        return;
    const QString suggested = QFileInfo(m_path).completeBaseName() + QStringLiteral(".pcap");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export capture"), suggested, tr("Packet captures (*.pcap);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!exportCapture(path))
        QMessageBox::warning(this, tr("Capture not exported"), m_errorText);
}

bool MainWindow::exportCapture(const QString &path)
{
    if (!hasRunToExport())
        return false;
    const core::PcapWriter capture(m_world->trace());
    QString error;
    if (!capture.writeFile(path, &error)) {
        m_errorText = tr("The capture could not be written: %1").arg(error);
        return false;
    }
    statusBar()->showMessage(tr("%n packet(s) written to %1", nullptr, capture.packetCount())
                                 .arg(QFileInfo(path).fileName()),
                             5000);
    return true;
}

QString MainWindow::askExportPath(const QString &title, const QString &suffix,
                                  const QString &filters)
{
    if (!m_world)
        return {};
    const QString suggested = QFileInfo(m_path).completeBaseName() + suffix;
    return QFileDialog::getSaveFileName(this, title, suggested, filters);
}

void MainWindow::exportTranscriptFromDialog()
{
    const QString path =
        askExportPath(tr("Export transcript"), QStringLiteral(".md"),
                      tr("Markdown (*.md);;Web page (*.html);;Text (*.txt);;All files (*)"));
    if (!path.isEmpty() && !exportTranscript(path))
        QMessageBox::warning(this, tr("Transcript not exported"), m_errorText);
}

void MainWindow::exportLadderFromDialog()
{
    const QString path = askExportPath(tr("Export ladder diagram"), QStringLiteral("-ladder.png"),
                                       tr("PNG picture (*.png);;SVG drawing (*.svg)"));
    if (!path.isEmpty() && !exportLadder(path))
        QMessageBox::warning(this, tr("Ladder diagram not exported"), m_errorText);
}

void MainWindow::exportCanvasFromDialog()
{
    const QString path = askExportPath(tr("Export canvas"), QStringLiteral("-network.png"),
                                       tr("PNG picture (*.png);;SVG drawing (*.svg)"));
    if (!path.isEmpty() && !exportCanvas(path))
        QMessageBox::warning(this, tr("Canvas not exported"), m_errorText);
}

void MainWindow::exportReportFromDialog()
{
    const QString path =
        askExportPath(tr("Export run report"), QStringLiteral(".pdf"), tr("PDF document (*.pdf)"));
    if (!path.isEmpty() && !exportReport(path))
        QMessageBox::warning(this, tr("Report not exported"), m_errorText);
}

bool MainWindow::exportTranscript(const QString &path)
{
    if (!hasRunToExport())
        return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const core::TranscriptFormat format =
        suffix == QLatin1String("md") || suffix == QLatin1String("markdown")
            ? core::TranscriptFormat::Markdown
        : suffix == QLatin1String("html") || suffix == QLatin1String("htm")
            ? core::TranscriptFormat::Html
            : core::TranscriptFormat::Text;
    core::TranscriptOptions options;
    options.title = m_scenario.title.text(language());
    options.summary = m_scenario.summary.text(language());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(core::writeTranscript(m_world->trace(), format, options).toUtf8()) < 0 ||
        !file.commit()) {
        m_errorText = tr("The transcript could not be written: %1").arg(file.errorString());
        return false;
    }
    statusBar()->showMessage(tr("Transcript written to %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::hasRunToExport()
{
    if (!m_world)
        m_errorText = tr("There is no run to export: open a scenario first.");
    return m_world != nullptr;
}

bool MainWindow::exportPicture(const QString &path, QSize size,
                               const std::function<void(QPainter &)> &paint, const QString &done)
{
    if (!hasRunToExport())
        return false;
    QString error;
    if (!savePicture(path, size, paint, m_scenario.title.text(language()), &error)) {
        m_errorText = error;
        return false;
    }
    statusBar()->showMessage(done.arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::exportLadder(const QString &path)
{
    return exportPicture(
        path, m_ladder->wholeSize(), [this](QPainter &painter) { m_ladder->renderWhole(painter); },
        tr("Ladder diagram written to %1"));
}

bool MainWindow::exportCanvas(const QString &path)
{
    const QRectF source = m_topology->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    return exportPicture(
        path, source.size().toSize(),
        [this, source](QPainter &painter) {
            painter.setRenderHint(QPainter::Antialiasing);
            m_topology->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        },
        tr("Canvas written to %1"));
}

bool MainWindow::exportReport(const QString &path)
{
    if (!hasRunToExport())
        return false;
    RunReportContent content;
    content.title = m_scenario.title.text(language());
    content.summary = m_scenario.summary.text(language());
    const core::Trace &trace = m_world->trace();
    content.statistics = core::RunStatistics::of(trace);
    content.ladderSize = m_ladder->wholeSize();
    content.paintLadder = [this](QPainter &painter) { m_ladder->renderWhole(painter); };
    for (const core::TraceEvent &event : trace)
        content.transcript << event.toText();
    QString error;
    if (!RunReport::write(path, content, &error)) {
        m_errorText = error;
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty())
        openScenario(urls.first().toLocalFile());
}

void MainWindow::showErrors(const QString &text)
{
    m_errorText = text;
    m_errors->setText(text.isEmpty()
                          ? QString()
                          : tr("This scenario has errors and was not opened:\n%1").arg(text));
    m_errors->setVisible(!text.isEmpty());
}

bool MainWindow::openScenario(const QString &path)
{
    core::ScenarioLoadResult loaded = core::ScenarioLoader::loadFile(path);
    if (!loaded.ok()) {
        QStringList lines;
        for (const core::ScenarioError &error : loaded.errors)
            lines << error.toString();
        showErrors(lines.join(QLatin1Char('\n')));
        return false;
    }
    showErrors({});
    showScenario(std::move(loaded.scenario), path);
    rememberRecent(path);
    emit scenarioOpened(path);
    return true;
}

void MainWindow::showScenario(core::Scenario scenario, const QString &label)
{
    stopServing();
    m_path = label;
    m_scenario = std::move(scenario);
    m_injected.clear();
    m_injectedDescriptions.clear();
    m_faults->setScenario(m_scenario);
    m_console->setScenario(m_scenario);
    rebuild(-1);
    showScenarioTexts();
    setWindowTitle(tr("%1 — Carteiro").arg(QFileInfo(label).fileName()));
}

void MainWindow::showScenarioTexts()
{
    const core::Scenario &shown = m_world->scenario();
    m_summary->setText(QStringLiteral("<b>%1</b><br>%2")
                           .arg(shown.title.text(language()).toHtmlEscaped(),
                                shown.summary.text(language()).toHtmlEscaped()));
}

void MainWindow::rebuild(int keepPosition)
{
    stopServing();
    core::Scenario scenario = m_scenario;
    scenario.steps += m_injected;
    auto world = std::make_unique<core::World>(std::move(scenario));
    world->run();
    showRun(std::move(world), keepPosition);
}

void MainWindow::showRun(std::unique_ptr<core::World> world, int keepPosition)
{
    // Views hold pointers into the old run: they let go before it does.
    m_dialogue->setTrace(nullptr);
    m_ladder->setTrace(nullptr);
    m_events->setTrace(nullptr);
    m_statistics->setTrace(nullptr);
    m_timeline->setTrace(nullptr);
    m_playback->setTrace(nullptr);
    m_topology->setRun(nullptr, nullptr);
    m_world = std::move(world);
    m_topology->setRun(&m_world->scenario(), &m_world->trace());
    m_runState = std::make_unique<RunState>(m_world->scenario());
    m_dialogue->setTrace(&m_world->trace());
    m_ladder->setTrace(&m_world->trace());
    m_events->setTrace(&m_world->trace());
    m_statistics->setTrace(&m_world->trace());
    m_timeline->setTrace(&m_world->trace());
    m_playback->setTrace(&m_world->trace());
    m_lesson.reset(&m_world->trace(), &m_world->scenario(), language());
    m_prediction.reset();
    m_ask->setTitle(tr("Question"));
    m_summaryShown = false;
    m_playback->setPosition(keepPosition);
    m_exportMenu->setEnabled(true);
    m_serveAction->setEnabled(true);
}

bool MainWindow::startServing()
{
    if (m_live)
        return true;
    if (!m_world) {
        m_errorText = tr("There is nothing to serve: open a scenario first.");
        return false;
    }
    // A fresh run of the scenario (with the faults injected so far), driven by the clock and
    // the real clients; they are drawn as one more client machine, named by their address.
    core::Scenario scenario = m_scenario;
    scenario.steps += m_injected;
    core::HostSpec clients;
    clients.name = m_liveOptions.address.toString();
    clients.role = core::HostRole::Client;
    if (!scenario.host(clients.name))
        scenario.hosts.append(clients);
    auto world = std::make_unique<core::World>(std::move(scenario));
    auto live = std::make_unique<core::LiveServer>(*world, m_liveOptions);
    QString error;
    if (!live->start(&error)) {
        m_errorText = tr("The servers could not be started: %1").arg(error);
        return false;
    }
    showRun(std::move(world), -1);
    m_live = std::move(live);
    // A live run is watched at its end, which moves on as it grows.
    m_playback->toEnd();
    m_followedCount = m_world->trace().size();
    m_runState.reset();
    showServing();
    m_serving->show();
    m_followTimer->start();
    const QSignalBlocker block(m_serveAction);
    m_serveAction->setChecked(true);
    return true;
}

void MainWindow::showServing()
{
    QStringList where;
    for (const core::LiveEndpoint &e : m_live->endpoints())
        where << tr("%1 %2 on port %3").arg(e.host, e.protocol).arg(e.port);
    m_serving->setText(tr("Serving: %1").arg(where.join(QStringLiteral(", "))));
    m_serving->setToolTip(tr("One real second is %1 virtual seconds").arg(m_live->clock().speed()));
}

void MainWindow::stopServing()
{
    if (!m_live)
        return;
    m_followTimer->stop();
    m_live.reset();
    followLiveRun();
    // The run stays on screen as it ended; the inspectors replay the scenario again.
    m_runState = std::make_unique<RunState>(m_world->scenario());
    m_serving->hide();
    const QSignalBlocker block(m_serveAction);
    m_serveAction->setChecked(false);
}

void MainWindow::followLiveRun()
{
    if (!m_world)
        return;
    const core::Trace &trace = m_world->trace();
    if (trace.size() == m_followedCount)
        return;
    m_followedCount = trace.size();
    // The canvas and the timeline build their tables from the whole run; the dialogue, the
    // ladder and the event list read it as they go.
    m_topology->setRun(&m_world->scenario(), &trace);
    m_timeline->setTrace(&trace);
    m_topology->setPosition(m_playback->position());
    m_timeline->setPosition(m_playback->position());
    m_statistics->traceChanged(); // the charts update live as the run grows
    m_playback->traceGrew();
}

void MainWindow::showPosition(int position)
{
    m_timeline->setPosition(position);
    // While playing, or on a long run where replaying to the position takes a while, the
    // inspectors catch up a moment later; the step itself stays instant.
    if (m_playback->isPlaying() || m_playback->count() > kLargeTrace)
        m_inspectTimer->start();
    else
        refreshInspectors();
    m_clock->setText(core::formatSimTime(m_playback->time()));
    const core::Trace &trace = m_world->trace();

    // Idle waits are skipped, and said so.
    if (position > 0) {
        const core::SimTime gap =
            trace.timeAt(std::size_t(position)) - trace.timeAt(std::size_t(position - 1));
        if (gap >= kVisibleWait)
            statusBar()->showMessage(tr("⏩ %1 of waiting skipped").arg(core::formatSimTime(gap)),
                                     4000);
    }

    showCaption(position);

    // At the end of a lesson with answers, the summary shows once.
    if (position == m_playback->count() - 1 && m_lesson.hasAnswers() && !m_summaryShown) {
        m_summaryShown = true;
        showLessonSummary();
    }

    // Landing on a question by hand shows it as well.
    if (position >= 0 && trace.typeAt(std::size_t(position)) == TraceEvent::Type::Ask) {
        if (m_askPosition != position)
            showAsk(position);
    } else if (m_askPosition >= 0 && position != m_askPosition) {
        m_ask->hide();
        m_askPosition = -1;
    }
}

void MainWindow::showCaption(int position)
{
    // The latest note at or before the position is the caption.
    const core::Trace &trace = m_world->trace();
    QString caption;
    for (int i = position; i >= 0; --i) {
        if (trace.typeAt(std::size_t(i)) != TraceEvent::Type::Note)
            continue;
        const TraceEvent note = trace.at(std::size_t(i));
        caption = core::LocalizedText{note.text, note.extra.value(0)}.text(language());
        break;
    }
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

QString MainWindow::caption() const
{
    return m_caption->isHidden() ? QString() : m_caption->text();
}

void MainWindow::showAsk(int position)
{
    m_resumeAfterAsk = m_resumeAfterAsk || m_playback->isPlaying() || m_askPosition != position;
    m_askPosition = position;
    const TraceEvent ask = m_world->trace().at(std::size_t(position));
    // extra holds the choices, then the right answer.
    const QStringList choices = ask.extra.mid(0, ask.extra.size() - 1);
    m_prediction.reset();
    m_ask->setTitle(tr("Question")); // after a predicted reply, a question again
    for (QAbstractButton *button : m_choices->buttons()) {
        m_choices->removeButton(button);
        delete button;
    }
    auto *row = static_cast<QHBoxLayout *>(m_ask->layout()->itemAt(1)->layout());
    for (const QString &choice : choices) {
        auto *button = new QRadioButton;
        m_choices->addButton(button);
        row->addWidget(button);
        connect(button, &QRadioButton::clicked, this, [this, choice]() { answer(choice); });
    }
    m_feedback->clear();
    m_answered.clear();
    showAskTexts();
    m_ask->show();
}

const core::AskStep *MainWindow::askAt(int position) const
{
    // The trace keeps the English question; the step has both languages.
    const QString question = m_world->trace().at(std::size_t(position)).text;
    for (const core::Step &step : m_world->scenario().steps)
        if (step.kind == core::Step::Kind::Ask &&
            (step.ask.question.en.isEmpty() ? step.ask.question.pt : step.ask.question.en) ==
                question)
            return &step.ask;
    return nullptr;
}

void MainWindow::showAskTexts()
{
    const TraceEvent ask = m_world->trace().at(std::size_t(m_askPosition));
    const core::AskStep *step = askAt(m_askPosition);
    m_question->setText(step ? step->question.text(language()) : ask.text);
    const QList<QAbstractButton *> buttons = m_choices->buttons();
    for (int i = 0; i < buttons.size(); ++i)
        buttons[i]->setText(step ? step->choice(i, language()) : ask.extra.value(i));
    if (!m_answered.isEmpty())
        answer(m_answered);
}

bool MainWindow::isAsking() const
{
    return m_askPosition >= 0 && !m_ask->isHidden();
}

QString MainWindow::answerFeedback() const
{
    return m_feedback->text();
}

void MainWindow::answer(const QString &choice)
{
    if (m_prediction) {
        m_lesson.answer(m_prediction->position, choice, &*m_prediction);
        m_answered = choice; // said again if the language changes
        const QString right = m_prediction->answer;
        m_feedback->setText(
            choice == right ? tr("✔ Right: %1. Continue to see the whole reply.").arg(right)
                            : tr("✘ Not quite: the answer is %1. Continue to see it.").arg(right));
        return;
    }
    if (m_askPosition < 0)
        return;
    const TraceEvent ask = m_world->trace().at(std::size_t(m_askPosition));
    const QString right = ask.extra.value(ask.extra.size() - 1);
    m_lesson.answer(m_askPosition, choice);
    // The answer in the language on screen: the step has each choice's Portuguese.
    const core::AskStep *step = askAt(m_askPosition);
    const QString shown =
        step ? step->choice(int(step->choices.indexOf(right)), language()) : right;
    m_answered = choice;
    m_feedback->setText(choice == right ? tr("✔ Right: %1.").arg(shown)
                                        : tr("✘ Not quite: the answer is %1.").arg(shown));
}

void MainWindow::setPredicting(bool on)
{
    if (m_predict->isChecked() != on)
        m_predict->setChecked(on);
    if (on)
        m_playback->setHold([this](int position) {
            // The reply being guessed stays hidden until Continue, answered or not.
            return (m_prediction && m_prediction->position == position) ||
                   m_lesson.predictionAt(position).has_value();
        });
    else
        m_playback->setHold({});
}

bool MainWindow::isPredicting() const
{
    return m_predict->isChecked();
}

void MainWindow::showPrediction(int position, bool wasPlaying)
{
    if (m_prediction && m_prediction->position == position && !m_ask->isHidden())
        return; // already asked; stepping again does not pass it
    m_prediction = m_lesson.predictionAt(position);
    if (!m_prediction)
        return;
    m_resumeAfterAsk = wasPlaying;
    m_askPosition = -1;
    m_answered.clear();
    m_ask->setTitle(tr("Predict the reply"));
    m_question->setText(m_prediction->text);
    for (QAbstractButton *button : m_choices->buttons()) {
        m_choices->removeButton(button);
        delete button;
    }
    auto *row = static_cast<QHBoxLayout *>(m_ask->layout()->itemAt(1)->layout());
    for (const QString &choice : m_prediction->choices) {
        auto *button = new QRadioButton(choice);
        m_choices->addButton(button);
        row->addWidget(button);
        connect(button, &QRadioButton::clicked, this, [this, choice]() { answer(choice); });
    }
    m_feedback->clear();
    m_ask->show();
}

bool MainWindow::isPredictionShown() const
{
    return m_prediction.has_value() && !m_ask->isHidden();
}

void MainWindow::showLessonSummary()
{
    if (!m_lessonSummary)
        m_lessonSummary = new LessonSummary(this);
    m_lessonSummary->setSummary(m_lesson.summaryMarkdown(m_scenario.title.text(language())));
    m_lessonSummary->show();
    m_lessonSummary->raise();
}

void MainWindow::continueAfterAsk()
{
    if (m_prediction) {
        // The reply shows now, guessed or not; it is not asked again.
        const int position = m_prediction->position;
        m_lesson.reveal(*m_prediction);
        m_prediction.reset();
        m_ask->hide();
        m_playback->setPosition(position);
        if (m_resumeAfterAsk) {
            m_resumeAfterAsk = false;
            m_playback->play();
        }
        return;
    }
    m_ask->hide();
    m_askPosition = -1;
    if (m_resumeAfterAsk) {
        m_resumeAfterAsk = false;
        m_playback->stepForward();
        m_playback->play();
    }
}

void MainWindow::injectFault(const core::FaultSpec &fault)
{
    if (!m_world)
        return;
    if (m_live) {
        // The live run is changed as it goes: the fault starts now, for live clients too.
        m_world->injectFault(fault);
        m_live->clock().catchUp();
        m_live->clock().reschedule();
        m_injectedDescriptions << [at = m_world->simulation().now(), fault] {
            return QStringLiteral("%1  %2").arg(core::formatSimTime(at),
                                                FaultPanel::describe(fault));
        };
        showInjected();
        followLiveRun();
        return;
    }
    core::Step step;
    step.kind = core::Step::Kind::Fault;
    step.at = m_playback->time();
    step.fault = fault;
    m_injected.append(step);
    m_injectedDescriptions << [at = step.at, fault] {
        return QStringLiteral("%1  %2").arg(core::formatSimTime(at), FaultPanel::describe(fault));
    };
    showInjected();
    rebuild(m_playback->position());
}

void MainWindow::bringHostBackUp(const QString &host)
{
    if (!m_world)
        return;
    if (m_live) {
        if (!m_world->bringUp(host))
            return;
        m_injectedDescriptions << [now = m_world->simulation().now(), host] {
            return tr("%1  %2 is back up").arg(core::formatSimTime(now), host);
        };
        showInjected();
        m_live->clock().reschedule();
        followLiveRun();
        return;
    }
    const core::SimTime now = m_playback->time();
    // The down fault in force now ends now, whether the file or the panel put it there.
    auto endIt = [&](QList<core::Step> &steps) {
        for (core::Step &step : steps) {
            if (step.kind != core::Step::Kind::Fault || step.fault.kind != QLatin1String("down") ||
                step.fault.host.compare(host, Qt::CaseInsensitive) != 0)
                continue;
            const core::SimTime start = step.at + step.fault.at;
            const core::SimTime end = step.fault.duration ? start + *step.fault.duration
                                      : step.fault.until
                                          ? *step.fault.until
                                          : std::numeric_limits<core::SimTime>::max();
            if (start <= now && now < end) {
                step.fault.duration.reset();
                step.fault.until = now;
                return true;
            }
        }
        return false;
    };
    if (!endIt(m_injected) && !endIt(m_scenario.steps))
        return;
    m_injectedDescriptions <<
        [now, host] { return tr("%1  %2 is back up").arg(core::formatSimTime(now), host); };
    showInjected();
    rebuild(m_playback->position());
}

void MainWindow::showInjected()
{
    QStringList lines;
    for (const auto &describe : std::as_const(m_injectedDescriptions))
        lines << describe();
    m_faults->setInjected(lines);
}

bool MainWindow::saveInjectedFaults(const QString &saveAs)
{
    if (m_path.isEmpty() || m_injected.isEmpty())
        return false;
    QString error;
    if (!core::ScenarioWriter::addSteps(m_path, m_injected, &error, saveAs)) {
        m_errorText = error;
        return false;
    }
    statusBar()->showMessage(tr("%n fault(s) saved into %1", nullptr, int(m_injected.size()))
                                 .arg(QFileInfo(saveAs.isEmpty() ? m_path : saveAs).fileName()),
                             5000);
    return true;
}

} // namespace carteiro::app
