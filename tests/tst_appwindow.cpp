// The first window, driven offscreen: it opens a scenario, plays it and lists the dialogue;
// a broken file is refused with its FILE:LINE:COL errors and the open scenario stays.

#include "app/dialogue/dialoguemodel.h"
#include "app/mainwindow.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using carteiro::app::DialogueModel;
using carteiro::app::MainWindow;

class TestAppWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensAndListsTheDialogue();
    void refusesABrokenFileAndKeepsTheOpenOne();
};

namespace {

QStringList column(const QAbstractItemModel &model, int col)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.data(model.index(row, col), Qt::DisplayRole).toString();
    return values;
}

} // namespace

void TestAppWindow::opensAndListsTheDialogue()
{
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::scenarioOpened);
    const QString path = QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/01-alice-to-bob.yaml");
    QVERIFY(window.openScenario(path));
    QCOMPARE(opened.count(), 1);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *view = window.findChild<QTableView *>();
    QVERIFY(view);
    const QAbstractItemModel &model = *view->model();
    const QStringList lines = column(model, DialogueModel::TextColumn);
    QVERIFY(lines.contains(QStringLiteral("220 hamburger.edu")));
    QVERIFY(lines.contains(QStringLiteral("HELO crepes.fr")));
    const int helo = int(lines.indexOf(QStringLiteral("HELO crepes.fr")));
    QCOMPARE(model.data(model.index(helo, DialogueModel::DirectionColumn)).toString(),
             QStringLiteral("C:"));
    QCOMPARE(model.data(model.index(helo, DialogueModel::FromColumn)).toString(),
             QStringLiteral("mail.crepes.fr"));
    QCOMPARE(model.data(model.index(helo, DialogueModel::ToColumn)).toString(),
             QStringLiteral("mail.hamburger.edu"));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("01-alice-to-bob.yaml")));
}

void TestAppWindow::refusesABrokenFileAndKeepsTheOpenOne()
{
    MainWindow window;
    QVERIFY(window.openScenario(
        QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/02-recipient-rejected.yaml")));
    auto *view = window.findChild<QTableView *>();
    const int rows = view->model()->rowCount();
    QVERIFY(rows > 0);

    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("carteiro: 1\ntitle: x\nsteps:\n  - at: soon\n    note: hi\n");
    file.close();

    QSignalSpy opened(&window, &MainWindow::scenarioOpened);
    QVERIFY(!window.openScenario(broken));
    QCOMPARE(opened.count(), 0);
    QVERIFY2(window.errorText().startsWith(broken + QStringLiteral(":4:")),
             qPrintable(window.errorText()));
    QCOMPARE(view->model()->rowCount(), rows);
}

QTEST_MAIN(TestAppWindow)
#include "tst_appwindow.moc"
