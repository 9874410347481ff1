#include "app/mainwindow.h"

#include "app/dialogue/dialoguemodel.h"
#include "core/scenario/scenarioloader.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableView>
#include <QVBoxLayout>

namespace carteiro::app {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_model = new DialogueModel(this);
    m_view = new QTableView;
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setMargin(6);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);
    createActions();
    setWindowTitle(tr("Carteiro"));
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open scenario…"), this, &MainWindow::openFromDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::openFromDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scenario"), QStringLiteral(CARTEIRO_SCENARIO_DIR),
        tr("Carteiro scenarios (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty() && !openScenario(path))
        QMessageBox::warning(this, tr("Scenario not opened"), m_errorText);
}

bool MainWindow::openScenario(const QString &path)
{
    core::ScenarioLoadResult loaded = core::ScenarioLoader::loadFile(path);
    if (!loaded.ok()) {
        QStringList lines;
        for (const core::ScenarioError &error : loaded.errors)
            lines << error.toString();
        m_errorText = lines.join(QLatin1Char('\n'));
        return false;
    }
    m_errorText.clear();
    auto world = std::make_unique<core::World>(std::move(loaded.scenario));
    world->run();
    m_model->setTrace(nullptr);
    m_world = std::move(world);
    m_model->setTrace(&m_world->trace());
    m_view->resizeColumnsToContents();

    const QString language = QLocale().name();
    const core::Scenario &scenario = m_world->scenario();
    m_summary->setText(QStringLiteral("<b>%1</b><br>%2")
                           .arg(scenario.title.text(language).toHtmlEscaped(),
                                scenario.summary.text(language).toHtmlEscaped()));
    setWindowTitle(tr("%1 — Carteiro").arg(QFileInfo(path).fileName()));
    emit scenarioOpened(path);
    return true;
}

} // namespace carteiro::app
