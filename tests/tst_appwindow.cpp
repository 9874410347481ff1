// The classroom window, driven offscreen through its real widgets and actions.

#include "app/dialogue/dialoguepane.h"
#include "app/dialogue/eventlist.h"
#include "app/faults/faultpanel.h"
#include "app/inspectors/mailboxinspector.h"
#include "app/inspectors/queueinspector.h"
#include "app/ladder/ladderview.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "core/capture/pcapwriter.h"
#include "core/mta/mta.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using carteiro::app::EventListModel;
using carteiro::app::MainWindow;
using carteiro::app::PlaybackController;
using namespace carteiro::core;

class TestAppWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensAndListsTheDialogue();
    void refusesABrokenFileAndKeepsTheOpenOne();
    void everyShippedScenarioPlaysToItsEnd();
    void stepsForwardAndBackOneLine();
    void keyboardDrivesPlayback();
    void notesBecomeCaptions();
    void askPausesPlayback();
    void injected550AtRcptBouncesToAlice();
    void hostDownThenBackUpLive();
    void injectedFaultsAreSavedIntoTheFile();
    void remembersRecentFiles();
    void inspectorsFollowStepsBackAndForth();
    void dropsAScenarioFile();
    void exportsTheRunAsACapture();
    void exportsTranscriptPicturesAndReport();
    void presentationModeForAProjector();

private:
    static QString scenario(const char *name)
    {
        return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
    }
};

namespace {

QStringList column(const QAbstractItemModel &model, int col)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.data(model.index(row, col), Qt::DisplayRole).toString();
    return values;
}

int indexOfLine(const World &world, const QString &text)
{
    for (std::size_t i = 0; i < world.trace().size(); ++i)
        if (world.trace().typeAt(i) == TraceEvent::Type::Line && world.trace().at(i).text == text)
            return int(i);
    return -1;
}

std::size_t inboxSize(const World &world, const QString &address)
{
    const Mta *home = world.homeOf(address);
    const MailAccount *account = home ? home->mailboxes().account(address) : nullptr;
    return account ? account->folders.value(QStringLiteral("INBOX")).messages.size() : 0;
}

} // namespace

void TestAppWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("carteiro-tests"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestAppWindow::opensAndListsTheDialogue()
{
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::scenarioOpened);
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QCOMPARE(opened.count(), 1);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // At the relay's HELO the dialogue pane shows that connection, the event list every
    // event so far, the ladder an arrow from crepes to hamburger.
    const int helo = indexOfLine(*window.world(), QStringLiteral("HELO crepes.fr"));
    QVERIFY(helo > 0);
    window.playback()->setPosition(helo);
    QCOMPARE(window.dialogue()->visibleLines(),
             (QStringList{QStringLiteral("220 hamburger.edu"), QStringLiteral("HELO crepes.fr")}));
    const QAbstractItemModel &events = *window.eventList()->view()->model();
    QCOMPARE(events.rowCount(), helo + 1);
    const QStringList texts = column(events, EventListModel::TextColumn);
    QVERIFY(texts.contains(QStringLiteral("220 crepes.fr")));
    QCOMPARE(texts.last(), QStringLiteral("HELO crepes.fr"));
    QCOMPARE(events.data(events.index(helo, EventListModel::FromColumn)).toString(),
             QStringLiteral("mail.crepes.fr"));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("01-alice-to-bob.yaml")));
}

void TestAppWindow::refusesABrokenFileAndKeepsTheOpenOne()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("02-recipient-rejected.yaml")));
    const int rows = window.playback()->count();
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
    // The errors are in the window itself, not only in a dialog.
    bool shown = false;
    for (QLabel *label : window.findChildren<QLabel *>())
        shown = shown || (label->isVisibleTo(&window) &&
                          label->text().contains(broken + QStringLiteral(":4:")));
    QVERIFY(shown);
    QCOMPARE(window.playback()->count(), rows);
}

void TestAppWindow::everyShippedScenarioPlaysToItsEnd()
{
    const QStringList files = QDir(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios"))
                                  .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 8);
    for (const QString &name : files) {
        MainWindow window;
        QVERIFY2(window.openScenario(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + name),
                 qPrintable(name));
        PlaybackController *playback = window.playback();
        QVERIFY(playback->count() > 0);
        int guard = 0;
        while (playback->position() < playback->count() - 1 && guard++ < 100000)
            playback->stepForward();
        QCOMPARE(playback->position(), playback->count() - 1);
    }
}

void TestAppWindow::stepsForwardAndBackOneLine()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    PlaybackController *playback = window.playback();
    QCOMPARE(playback->position(), -1);
    playback->stepForward();
    const int first = playback->position();
    QCOMPARE(window.world()->trace().typeAt(std::size_t(first)), TraceEvent::Type::Line);
    QCOMPARE(window.world()->trace().at(std::size_t(first)).text, QStringLiteral("220 crepes.fr"));

    QList<int> positions;
    QStringList captions;
    for (int i = 0; i < 25; ++i) {
        positions << playback->position();
        captions << window.caption();
        playback->stepForward();
    }
    for (int i = 24; i >= 0; --i) {
        playback->stepBack();
        QCOMPARE(playback->position(), positions.at(i));
        QCOMPARE(window.caption(), captions.at(i));
    }
}

void TestAppWindow::keyboardDrivesPlayback()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PlaybackController *playback = window.playback();
    QTest::keyClick(&window, Qt::Key_Right);
    const int one = playback->position();
    QVERIFY(one >= 0);
    QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(playback->position() > one);
    QTest::keyClick(&window, Qt::Key_Left);
    QCOMPARE(playback->position(), one);
    QTest::keyClick(&window, Qt::Key_End);
    QCOMPARE(playback->position(), playback->count() - 1);
    QTest::keyClick(&window, Qt::Key_Home);
    QCOMPARE(playback->position(), -1);
    QTest::keyClick(&window, Qt::Key_Plus);
    QCOMPARE(playback->speed(), 2.0);
    QTest::keyClick(&window, Qt::Key_Minus);
    QTest::keyClick(&window, Qt::Key_Minus);
    QCOMPARE(playback->speed(), 0.5);
    QSignalSpy playing(playback, &PlaybackController::playingChanged);
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(playback->isPlaying());
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(!playback->isPlaying());
    QCOMPARE(playing.count(), 2);
}

void TestAppWindow::notesBecomeCaptions()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QCOMPARE(window.caption(), QString());
    window.playback()->stepForward();
    QVERIFY(window.caption().startsWith(QStringLiteral("Alice writes to Bob.")));
}

void TestAppWindow::askPausesPlayback()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    PlaybackController *playback = window.playback();
    QSignalSpy asked(playback, &PlaybackController::askReached);
    playback->setSpeed(PlaybackController::kMaxSpeed);
    playback->play();
    QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 10000);
    QVERIFY(!playback->isPlaying());
    QVERIFY(window.isAsking());
    const int at = playback->position();
    QCOMPARE(window.world()->trace().typeAt(std::size_t(at)), TraceEvent::Type::Ask);
    window.answer(QStringLiteral("250"));
    QVERIFY(window.answerFeedback().contains(QStringLiteral("354")));
    window.answer(QStringLiteral("354"));
    QVERIFY(window.answerFeedback().startsWith(QStringLiteral("✔")));
}

void TestAppWindow::injected550AtRcptBouncesToAlice()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QCOMPARE(inboxSize(*window.world(), QStringLiteral("alice@crepes.fr")), std::size_t(0));
    // Stop just after Alice's server accepted the message, before the relay.
    const int accepted =
        indexOfLine(*window.world(), QStringLiteral("250 Message accepted for delivery"));
    QVERIFY(accepted > 0);
    window.playback()->setPosition(accepted);

    carteiro::app::FaultPanel *panel = window.faultPanel();
    panel->choose(QStringLiteral("reject"));
    panel->setHost(QStringLiteral("mail.hamburger.edu"));
    panel->setStage(QStringLiteral("rcpt"));
    panel->setCode(550);
    panel->inject();

    QCOMPARE(window.playback()->position(), accepted); // the class stays where it was
    QCOMPARE(inboxSize(*window.world(), QStringLiteral("alice@crepes.fr")), std::size_t(1));
    bool refused = false;
    const Trace &trace = window.world()->trace();
    for (std::size_t i = std::size_t(accepted); i < trace.size(); ++i)
        refused = refused || (trace.typeAt(i) == TraceEvent::Type::Line &&
                              trace.at(i).text.startsWith(QStringLiteral("550")));
    QVERIFY(refused);
    bool bounced = false;
    for (std::size_t i = 0; i < window.world()->trace().size(); ++i)
        bounced = bounced || window.world()->trace().typeAt(i) == TraceEvent::Type::Bounce;
    QVERIFY(bounced);
}

void TestAppWindow::hostDownThenBackUpLive()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.playback()->setPosition(0);
    carteiro::app::FaultPanel *panel = window.faultPanel();
    panel->choose(QStringLiteral("down"));
    panel->setHost(QStringLiteral("mail.hamburger.edu"));
    panel->inject();
    // Down for good: the message waits in mail.crepes.fr's queue and is retried.
    int retries = 0;
    const Trace &down = window.world()->trace();
    for (std::size_t i = 0; i < down.size(); ++i)
        retries += down.typeAt(i) == TraceEvent::Type::Retry;
    QVERIFY(retries > 100);

    // Back up at 45 minutes: the retry at 1h gets through.
    int at = -1;
    for (std::size_t i = 0; i < down.size(); ++i)
        if (down.timeAt(i) >= 45 * kMinute) {
            at = int(i);
            break;
        }
    QVERIFY(at > 0);
    window.playback()->setPosition(at);
    panel->choose(QStringLiteral("up"));
    panel->setHost(QStringLiteral("mail.hamburger.edu"));
    panel->inject();
    QCOMPARE(inboxSize(*window.world(), QStringLiteral("alice@crepes.fr")), std::size_t(0));
    bool relayed = false;
    const Trace &up = window.world()->trace();
    for (std::size_t i = 0; i < up.size(); ++i)
        if (up.typeAt(i) == TraceEvent::Type::Deliver &&
            up.at(i).text.startsWith(QStringLiteral("relayed"))) {
            relayed = true;
            QVERIFY(up.timeAt(i) > kHour);
            QVERIFY(up.timeAt(i) < kHour + kMinute);
        }
    QVERIFY(relayed);
}

void TestAppWindow::injectedFaultsAreSavedIntoTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.yaml"));
    QVERIFY(QFile::copy(scenario("01-alice-to-bob.yaml"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow window;
    QVERIFY(window.openScenario(path));
    window.playback()->setPosition(0);
    window.faultPanel()->choose(QStringLiteral("dns-fail"));
    window.faultPanel()->setDomain(QStringLiteral("hamburger.edu"));
    window.faultPanel()->inject();
    QVERIFY(window.saveInjectedFaults());

    MainWindow reopened;
    QVERIFY(reopened.openScenario(path));
    bool servfail = false;
    const Trace &trace = reopened.world()->trace();
    for (std::size_t i = 0; i < trace.size(); ++i)
        servfail = servfail || (trace.typeAt(i) == TraceEvent::Type::Dns &&
                                trace.at(i).text.contains(QStringLiteral("SERVFAIL")));
    QVERIFY(servfail);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().contains("# Alice sends mail to Bob")); // comments kept
}

void TestAppWindow::remembersRecentFiles()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("03-host-down-then-back.yaml")));
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    const QStringList recent = window.recentFiles();
    QVERIFY(recent.size() >= 2);
    QVERIFY(recent.at(0).endsWith(QStringLiteral("01-alice-to-bob.yaml")));
    QVERIFY(recent.at(1).endsWith(QStringLiteral("03-host-down-then-back.yaml")));
}

void TestAppWindow::inspectorsFollowStepsBackAndForth()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("03-host-down-then-back.yaml")));
    PlaybackController *playback = window.playback();
    int retry = -1;
    for (std::size_t i = 0; i < window.world()->trace().size() && retry < 0; ++i)
        if (window.world()->trace().typeAt(i) == TraceEvent::Type::Retry)
            retry = int(i);
    QVERIFY(retry > 0);
    playback->setPosition(retry);
    playback->stepForward(); // onto a protocol line, where steps land
    const QString queueAt12 = window.queueInspector()->tableText();
    QVERIFY(queueAt12.contains(QStringLiteral("bob@hamburger.edu")));
    for (int i = 0; i < 20; ++i)
        playback->stepForward();
    const QString queueAt32 = window.queueInspector()->tableText();
    for (int i = 0; i < 20; ++i)
        playback->stepBack();
    QCOMPARE(window.queueInspector()->tableText(), queueAt12);
    for (int i = 0; i < 20; ++i)
        playback->stepForward();
    QCOMPARE(window.queueInspector()->tableText(), queueAt32);

    // A bounce injected live shows in Alice's mailbox in the inspector.
    MainWindow classroom;
    QVERIFY(classroom.openScenario(scenario("01-alice-to-bob.yaml")));
    classroom.playback()->setPosition(0);
    classroom.faultPanel()->choose(QStringLiteral("reject"));
    classroom.faultPanel()->setHost(QStringLiteral("mail.hamburger.edu"));
    classroom.faultPanel()->setStage(QStringLiteral("rcpt"));
    classroom.faultPanel()->setCode(550);
    classroom.faultPanel()->inject();
    classroom.playback()->toEnd();
    QVERIFY(classroom.mailboxInspector()
                ->messageSubjects(QStringLiteral("alice@crepes.fr"))
                .contains(QStringLiteral("Undelivered Mail Returned to Sender")));
}

void TestAppWindow::dropsAScenarioFile()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QSignalSpy opened(&window, &MainWindow::scenarioOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(scenario("07-pop3-delete-or-keep.yaml"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(opened.count(), 1);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("07-pop3-delete-or-keep.yaml")));

    // Anything but a scenario is not taken.
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
    QDragEnterEvent refuse(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refuse.setAccepted(false);
    QApplication::sendEvent(&window, &refuse);
    QVERIFY(!refuse.isAccepted());
}

void TestAppWindow::exportsTheRunAsACapture()
{
    MainWindow window;
    QAction *exportAction = nullptr; // File > Export, the submenu
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction *action : menu->menu()->actions())
                if (action->text() == QStringLiteral("&Export") && action->menu())
                    exportAction = action;
    QVERIFY(exportAction);
    QStringList entries;
    for (QAction *action : exportAction->menu()->actions())
        entries << action->text();
    QVERIFY2(entries.contains(QStringLiteral("Ca&pture (pcap)…")), qPrintable(entries.join(u',')));
    QVERIFY(!exportAction->isEnabled()); // nothing to export yet
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.pcap"));
    QVERIFY(!window.exportCapture(path));
    QVERIFY(!window.errorText().isEmpty());

    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QVERIFY(exportAction->isEnabled());
    QVERIFY(window.exportCapture(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray plain = file.readAll();
    file.close();
    QCOMPARE(plain.left(4), QByteArray::fromHex("d4c3b2a1"));
    QCOMPARE(plain, PcapWriter(window.world()->trace()).bytes());

    // The capture is of the run on screen, faults injected live included.
    window.playback()->setPosition(0);
    window.faultPanel()->choose(QStringLiteral("down"));
    window.faultPanel()->setHost(QStringLiteral("mail.hamburger.edu"));
    window.faultPanel()->inject();
    QVERIFY(window.exportCapture(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray broken = file.readAll();
    QVERIFY(broken != plain);
    QCOMPARE(broken, PcapWriter(window.world()->trace()).bytes());

    // A place that cannot be written: false, and a reason naming the file.
    QVERIFY(!window.exportCapture(dir.filePath(QStringLiteral("missing/run.pcap"))));
    QVERIFY2(window.errorText().contains(QStringLiteral("missing/run.pcap")),
             qPrintable(window.errorText()));
}

void TestAppWindow::exportsTranscriptPicturesAndReport()
{
    MainWindow window;
    window.resize(1280, 800);
    QTemporaryDir dir;
    // CARTEIRO_KEEP_EXPORTS=1 keeps the files, to look at them.
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("CARTEIRO_KEEP_EXPORTS"));
    QVERIFY(!window.exportTranscript(dir.filePath(QStringLiteral("run.md"))));
    QVERIFY(window.openScenario(scenario("02-recipient-rejected.yaml")));
    window.playback()->toEnd();

    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // The transcript's form follows the suffix.
    QVERIFY(window.exportTranscript(dir.filePath(QStringLiteral("run.md"))));
    const QByteArray markdown = read(dir.filePath(QStringLiteral("run.md")));
    QVERIFY(markdown.startsWith("# Wrong address"));
    QVERIFY(markdown.contains("```\nS: 220 "));
    QVERIFY(window.exportTranscript(dir.filePath(QStringLiteral("run.html"))));
    QVERIFY(read(dir.filePath(QStringLiteral("run.html"))).contains("RCPT TO: &lt;bobby@"));
    QVERIFY(window.exportTranscript(dir.filePath(QStringLiteral("run.txt"))));
    QVERIFY(read(dir.filePath(QStringLiteral("run.txt"))).contains("S: 550 "));

    // Pictures: a PNG at twice the drawing's size, an SVG that names what it draws.
    QVERIFY(window.exportLadder(dir.filePath(QStringLiteral("ladder.png"))));
    const QImage ladder(dir.filePath(QStringLiteral("ladder.png")));
    QCOMPARE(ladder.size(), window.ladder()->wholeSize() * 2);
    QVERIFY(window.exportLadder(dir.filePath(QStringLiteral("ladder.svg"))));
    const QByteArray svg = read(dir.filePath(QStringLiteral("ladder.svg")));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains(">RCPT TO: &lt;bobby@"));
    QVERIFY(window.exportCanvas(dir.filePath(QStringLiteral("network.png"))));
    const QImage canvas(dir.filePath(QStringLiteral("network.png")));
    QVERIFY(canvas.width() > 200);
    // Not a blank picture: the hosts are drawn in colour.
    bool coloured = false;
    for (int x = 0; x < canvas.width() && !coloured; x += 4)
        for (int y = 0; y < canvas.height() && !coloured; y += 4)
            coloured = QColor(canvas.pixel(x, y)).hsvSaturation() > 60;
    QVERIFY(coloured);
    QVERIFY(!window.exportCanvas(dir.filePath(QStringLiteral("network.bmp"))));
    QVERIFY(window.errorText().contains(QStringLiteral(".png or .svg")));

    // The report: a PDF of several pages (figures, ladder, dialogue).
    QVERIFY(window.exportReport(dir.filePath(QStringLiteral("run.pdf"))));
    const QByteArray pdf = read(dir.filePath(QStringLiteral("run.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page ") +
                pdf.count("/Type /Page>") >=
            3);
}

void TestAppWindow::presentationModeForAProjector()
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *inspect = window.findChild<QDockWidget *>(QStringLiteral("inspect"));
    QVERIFY(inspect && inspect->isVisible());
    auto *list = window.dialogue()->findChild<QListView *>();
    QVERIFY(list);
    const qreal normalSize = list->font().pointSizeF();

    window.setPresentationMode(true);
    QVERIFY(window.isPresenting());
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    QVERIFY(!inspect->isVisible());
    QVERIFY(list->font().pointSizeF() >= normalSize * 1.5);

    // A presenter's remote sends Page Down and Page Up.
    window.playback()->setPosition(0);
    QTest::keyClick(&window, Qt::Key_PageDown);
    QVERIFY(window.playback()->position() > 0);
    const int after = window.playback()->position();
    QTest::keyClick(&window, Qt::Key_PageUp);
    QVERIFY(window.playback()->position() < after);

    // Esc leaves, and the panels come back.
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.isPresenting());
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    QVERIFY(inspect->isVisible());
    QCOMPARE(list->font().pointSizeF(), normalSize);

    window.setDarkTheme(true);
    QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
    window.setDarkTheme(false);
    QVERIFY(qApp->palette().color(QPalette::Window).lightness() > 150);
}

QTEST_MAIN(TestAppWindow)
#include "tst_appwindow.moc"
