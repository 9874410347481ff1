#pragma once

#include "core/world/world.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTableView;

namespace carteiro::app {

class DialogueModel;

// The first window: open a scenario, play it, and read its dialogue line by line.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads and plays a scenario; on errors shows them and keeps what was open.
    bool openScenario(const QString &path);
    QString errorText() const { return m_errorText; }
    const DialogueModel *dialogue() const { return m_model; }

signals:
    void scenarioOpened(const QString &path);

private:
    void createActions();
    void openFromDialog();

    DialogueModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    std::unique_ptr<core::World> m_world;
    QString m_errorText;
};

} // namespace carteiro::app
