// The dialogue pane, the event list and the ladder view, driven offscreen over real runs:
// the pane follows the position within one connection and explains each line; the event list
// filters by protocol and host; the ladder paints at any position.

#include "app/dialogue/dialoguepane.h"
#include "app/dialogue/eventlist.h"
#include "app/ladder/ladderview.h"
#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QTableView>
#include <QtTest>

using carteiro::app::DialoguePane;
using carteiro::app::EventList;
using carteiro::app::EventListModel;
using carteiro::app::Explanations;
using carteiro::app::LadderView;
using carteiro::app::LineRole;
using carteiro::core::ScenarioLoader;
using carteiro::core::Trace;
using carteiro::core::TraceEvent;
using carteiro::core::World;

class TestAppDialogue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paneShowsTheCurrentConnectionUpToThePosition();
    void repliesAreColouredAndExplainedByClass();
    void headersInsideDataAreNotTheEnvelope();
    void steppingForwardAndBackGivesTheSameView();
    void eventListFiltersByProtocolAndHost();
    void eventListFollowsThePositionOnALongTrace();
    void ladderPaintsAtSeveralPositions();

private:
    static std::unique_ptr<World> run(const QString &file);
    static int indexOf(const Trace &trace, const QString &text, int from = 0);
    static void screenshot(QWidget &widget, const QString &name);

    std::unique_ptr<World> m_alice;
    std::unique_ptr<World> m_telnet;
};

std::unique_ptr<World> TestAppDialogue::run(const QString &file)
{
    auto loaded =
        ScenarioLoader::loadFile(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + file);
    if (!loaded.ok())
        return nullptr;
    auto world = std::make_unique<World>(loaded.scenario);
    world->run();
    return world;
}

int TestAppDialogue::indexOf(const Trace &trace, const QString &text, int from)
{
    for (std::size_t i = std::size_t(from); i < trace.size(); ++i)
        if (trace.typeAt(i) == TraceEvent::Type::Line && trace.at(i).text == text)
            return int(i);
    return -1;
}

void TestAppDialogue::screenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CARTEIRO_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    widget.render(&image);
    QVERIFY(image.save(QDir(dir).filePath(name)));
}

void TestAppDialogue::initTestCase()
{
    m_alice = run(QStringLiteral("01-alice-to-bob.yaml"));
    m_telnet = run(QStringLiteral("06-telnet-session.yaml"));
    QVERIFY(m_alice);
    QVERIFY(m_telnet);
}

void TestAppDialogue::paneShowsTheCurrentConnectionUpToThePosition()
{
    const Trace &trace = m_alice->trace();
    const int greeting = indexOf(trace, QStringLiteral("220 hamburger.edu"));
    const int rcpt = indexOf(trace, QStringLiteral("RCPT TO: <bob@hamburger.edu>"), greeting);
    QVERIFY(greeting > 0 && rcpt > greeting);
    const quint64 relay = trace.at(std::size_t(greeting)).connection;

    DialoguePane pane;
    pane.resize(900, 600);
    pane.setTrace(&trace);
    pane.show();
    pane.setPosition(rcpt);

    const QStringList lines = pane.visibleLines();
    QCOMPARE(lines.first(), QStringLiteral("220 hamburger.edu"));
    QCOMPARE(lines.last(), QStringLiteral("RCPT TO: <bob@hamburger.edu>"));
    QCOMPARE(lines, (QStringList{"220 hamburger.edu", "HELO crepes.fr",
                                 "250 Hello crepes.fr, pleased to meet you",
                                 "MAIL FROM: <alice@crepes.fr>", "250 alice@crepes.fr... Sender ok",
                                 "RCPT TO: <bob@hamburger.edu>"}));
    QCOMPARE(pane.connection(), relay);
    QCOMPARE(pane.currentRow(), lines.size() - 1);
    QVERIFY(!lines.contains(QStringLiteral("220 crepes.fr")));
    QVERIFY(!lines.contains(QStringLiteral("HELO alice-pc")));
    QVERIFY2(pane.explanationText().contains(QStringLiteral("RCPT")),
             qPrintable(pane.explanationText()));
    QVERIFY(pane.explanationText().contains(QStringLiteral("recipient")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("envelope")));

    // A non-line event after it (the note) still shows the same connection and line.
    pane.setPosition(rcpt + 1);
    QCOMPARE(pane.visibleLines(), lines);

    // The next line: the 2xx reply, green; explained as an answer to RCPT.
    const int ok = indexOf(trace, QStringLiteral("250 bob@hamburger.edu ... Recipient ok"), rcpt);
    pane.setPosition(ok);
    const int row = pane.rowOfTraceIndex(ok);
    QCOMPARE(row, pane.currentRow());
    QCOMPARE(pane.codeColour(row), Explanations::replyColour(250));
    QCOMPARE(pane.codeColour(row).name(), QStringLiteral("#1b7a2e"));
    QVERIFY(!pane.codeColour(row - 1).isValid()); // the RCPT command has no code
    QVERIFY(pane.explanationText().contains(QStringLiteral("250")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("It answers RCPT")));
    screenshot(pane, QStringLiteral("dialogue-rcpt.png"));

    // Clicking another line shows its meaning; the next position selects the current again.
    pane.selectRow(1);
    QVERIFY(pane.explanationText().startsWith(QStringLiteral("HELO")));
    pane.setPosition(ok);
    QCOMPARE(pane.currentRow(), row);

    // Before the first line: nothing.
    pane.setPosition(-1);
    QVERIFY(pane.visibleLines().isEmpty());
    QVERIFY(pane.explanationText().isEmpty());
}

void TestAppDialogue::repliesAreColouredAndExplainedByClass()
{
    const Trace &trace = m_telnet->trace();
    DialoguePane pane;
    pane.resize(900, 600);
    pane.setTrace(&trace);
    pane.show();

    const int unknown = indexOf(trace, QStringLiteral("500 Command unrecognized: \"SEND\""));
    QVERIFY(unknown > 0);
    pane.setPosition(unknown);
    QCOMPARE(pane.codeColour(pane.currentRow()).name(), QStringLiteral("#c62828"));
    QVERIFY2(pane.explanationText().contains(QStringLiteral("unrecognized")),
             qPrintable(pane.explanationText()));
    QVERIFY(pane.explanationText().contains(QStringLiteral("permanent")));

    const int sequence = indexOf(trace, QStringLiteral("503 Need MAIL before RCPT"));
    pane.setPosition(sequence);
    QCOMPARE(pane.codeColour(pane.currentRow()), Explanations::replyColour(503));
    QVERIFY(pane.explanationText().contains(QStringLiteral("bad sequence")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("It answers RCPT")));
    screenshot(pane, QStringLiteral("dialogue-telnet.png"));

    const int turn = indexOf(trace, QStringLiteral("502 TURN not implemented"));
    pane.setPosition(turn);
    QVERIFY(pane.explanationText().contains(QStringLiteral("not implemented")));
    pane.selectRow(pane.currentRow() - 1);
    QVERIFY(pane.explanationText().startsWith(QStringLiteral("TURN")));

    // "250-" continues a multi-line reply.
    const int expn = indexOf(trace, QStringLiteral("250-Alice <alice@crepes.fr>"));
    pane.setPosition(expn);
    QVERIFY(pane.explanationText().contains(QStringLiteral("more lines")));

    // Colours by class, POP3 too.
    QCOMPARE(Explanations::replyColour(354).name(), QStringLiteral("#1f5fbf"));
    QCOMPARE(Explanations::replyColour(451).name(), QStringLiteral("#c25e00"));
    QCOMPARE(Explanations::replyColour(1), Explanations::replyColour(250));
    QCOMPARE(Explanations::replyColour(-1), Explanations::replyColour(550));
    QVERIFY(!Explanations::replyColour(0).isValid());
    QVERIFY(Explanations::enhancedStatus(QStringLiteral("5.1.1"))
                .contains(QStringLiteral("addressing")));
}

void TestAppDialogue::headersInsideDataAreNotTheEnvelope()
{
    const Trace &trace = m_alice->trace();
    const int relayStart = indexOf(trace, QStringLiteral("220 hamburger.edu"));
    const int from = indexOf(trace, QStringLiteral("From: Alice <alice@crepes.fr>"), relayStart);
    QVERIFY(from > relayStart);
    DialoguePane pane;
    pane.setTrace(&trace);
    pane.setPosition(from);
    const int row = pane.currentRow();
    QCOMPARE(pane.roleOf(row), LineRole::Header);
    const QString title = pane.explanationText().section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(title.contains(QStringLiteral("header")), qPrintable(title));
    QVERIFY(title.contains(QStringLiteral("RFC 5322")));
    QVERIFY(!title.contains(QStringLiteral("envelope")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("MAIL FROM")));
    QVERIFY(!pane.codeColour(row).isValid());

    // The rest of the DATA: the folded Received: line, the empty line, the body, the dot.
    const int end = indexOf(trace, QStringLiteral("."), from);
    pane.setPosition(end);
    const QStringList lines = pane.visibleLines();
    const int received = int(lines.indexOf(QStringLiteral(
        "Received: from alice-pc (alice-pc) by mail.crepes.fr (Carteiro) with SMTP id")));
    QCOMPARE(pane.roleOf(received), LineRole::Header);
    QCOMPARE(pane.roleOf(received + 1), LineRole::HeaderFolded);
    QCOMPARE(pane.roleOf(int(lines.indexOf(QString()))), LineRole::Separator);
    QCOMPARE(pane.roleOf(int(lines.indexOf(QStringLiteral("How about pickles?")))), LineRole::Body);
    QCOMPARE(pane.roleOf(pane.currentRow()), LineRole::EndOfData);
    QCOMPARE(pane.roleOf(int(lines.indexOf(QStringLiteral("MAIL FROM: <alice@crepes.fr>")))),
             LineRole::Command);
    pane.selectRow(int(lines.indexOf(QStringLiteral("MAIL FROM: <alice@crepes.fr>"))));
    QVERIFY(pane.explanationText().contains(QStringLiteral("envelope (SMTP, RFC 5321)")));

    // POP3: RETR's answer carries the message, headers then body.
    const int pop3From = indexOf(trace, QStringLiteral("From: Alice <alice@crepes.fr>"), end);
    pane.setPosition(pop3From);
    QCOMPARE(pane.roleOf(pane.currentRow()), LineRole::Header);
    const int listing = indexOf(trace, QStringLiteral("1 650"));
    pane.setPosition(listing);
    QCOMPARE(pane.roleOf(pane.currentRow()), LineRole::Listing);
}

void TestAppDialogue::steppingForwardAndBackGivesTheSameView()
{
    const Trace &trace = m_alice->trace();
    DialoguePane pane;
    pane.setTrace(&trace);
    const int start = indexOf(trace, QStringLiteral("HELO crepes.fr"));
    QVERIFY(start > 0);
    pane.setPosition(start);
    const QStringList lines = pane.visibleLines();
    const QString explanation = pane.explanationText();
    const int row = pane.currentRow();
    for (int n : {1, 5, 17, 40}) {
        for (int i = 1; i <= n; ++i)
            pane.setPosition(start + i);
        for (int i = n - 1; i >= 0; --i)
            pane.setPosition(start + i);
        QCOMPARE(pane.visibleLines(), lines);
        QCOMPARE(pane.explanationText(), explanation);
        QCOMPARE(pane.currentRow(), row);
    }
    // A jump away and back reads the connection again, with the same result.
    pane.setPosition(int(trace.size()) - 1);
    QVERIFY(pane.visibleLines() != lines);
    pane.setPosition(start);
    QCOMPARE(pane.visibleLines(), lines);
    QCOMPARE(pane.explanationText(), explanation);
}

void TestAppDialogue::eventListFiltersByProtocolAndHost()
{
    const Trace &trace = m_alice->trace();
    EventList list;
    list.resize(900, 500);
    list.setTrace(&trace);
    list.show();
    list.setPosition(int(trace.size()) - 1);
    const QAbstractItemModel *model = list.view()->model();
    QCOMPARE(model->rowCount(), int(trace.size()));
    QVERIFY(list.protocolCombo()->findData(QStringLiteral("POP3")) > 0);
    QVERIFY(list.hostCombo()->findData(QStringLiteral("bob-pc")) > 0);
    QCOMPARE(list.selectedTraceIndex(), int(trace.size()) - 1);
    screenshot(list, QStringLiteral("eventlist.png"));

    list.setProtocolFilter(QStringLiteral("POP3"));
    QVERIFY(model->rowCount() > 10);
    QVERIFY(model->rowCount() < int(trace.size()));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->data(model->index(row, EventListModel::ProtocolColumn)).toString(),
                 QStringLiteral("POP3"));

    list.setProtocolFilter(QString());
    list.setHostFilter(QStringLiteral("bob-pc"));
    QVERIFY(model->rowCount() > 10);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString from = model->data(model->index(row, EventListModel::FromColumn)).toString();
        const QString to = model->data(model->index(row, EventListModel::ToColumn)).toString();
        QVERIFY2(from == QStringLiteral("bob-pc") || to == QStringLiteral("bob-pc"),
                 qPrintable(from + QStringLiteral(" ") + to));
    }

    // Back in time: the filtered rows shrink to what has happened; the selection follows.
    const int retr = indexOf(trace, QStringLiteral("RETR 1"));
    list.setPosition(retr);
    QCOMPARE(list.selectedTraceIndex(), retr);
    const int rows = model->rowCount();
    list.setPosition(retr - 1);
    QCOMPARE(model->rowCount(), rows - 1);
    list.setPosition(-1);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(list.selectedTraceIndex(), -1);
}

void TestAppDialogue::eventListFollowsThePositionOnALongTrace()
{
    Trace trace;
    const Trace::Names smtp =
        trace.names(QStringLiteral("SMTP"), QStringLiteral("a"), QStringLiteral("b"), QString());
    const QByteArray noop("NOOP");
    for (int i = 0; i < 100000; ++i)
        trace.appendLine(i * 10, i * 10 + 5, smtp, i % 2 == 0, noop.constData(), int(noop.size()),
                         1 + quint64(i / 1000), 25);
    EventList list;
    DialoguePane pane;
    LadderView ladder;
    list.resize(800, 400);
    ladder.resize(800, 600);
    QElapsedTimer timer;
    timer.start();
    list.setTrace(&trace);
    pane.setTrace(&trace);
    ladder.setTrace(&trace);
    list.show();
    ladder.show();
    for (int position : {99999, 50000, 50001, 50002, 120, 99999, 99998}) {
        list.setPosition(position);
        pane.setPosition(position);
        ladder.setPosition(position);
        QCOMPARE(list.selectedTraceIndex(), position);
    }
    QImage image(ladder.size(), QImage::Format_ARGB32);
    ladder.render(&image);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(pane.visibleLines().size(), 999); // connection 100 from its first line
    QVERIFY(ladder.diagram().arrows().size() <= 2000);
}

void TestAppDialogue::ladderPaintsAtSeveralPositions()
{
    const Trace &trace = m_alice->trace();
    LadderView ladder;
    ladder.resize(1000, 700);
    ladder.setTrace(&trace);
    ladder.show();
    QImage image(ladder.size(), QImage::Format_ARGB32);
    const int rcpt = indexOf(trace, QStringLiteral("RCPT TO: <bob@hamburger.edu>"),
                             indexOf(trace, QStringLiteral("220 hamburger.edu")));
    const int retr = indexOf(trace, QStringLiteral("RETR 1"));
    for (int position : {-1, 0, 1, 2, rcpt, retr, int(trace.size()) - 1}) {
        ladder.setPosition(position);
        image.fill(Qt::black);
        ladder.render(&image);
        if (position >= 2) {
            // The last line at or before the position is highlighted.
            int line = position;
            while (trace.typeAt(std::size_t(line)) != TraceEvent::Type::Line)
                --line;
            QVERIFY(ladder.currentArrow() >= 0);
            QCOMPARE(ladder.diagram().arrows()[std::size_t(ladder.currentArrow())].traceIndex,
                     line);
            // The current arrow is on screen, under the lane names.
            const QRect rect = ladder.arrowRect(ladder.currentArrow());
            QVERIFY2(ladder.viewport()->rect().intersects(rect),
                     qPrintable(QString::number(position)));
        }
        QVERIFY(image.pixelColor(5, image.height() / 2) != QColor(Qt::black));
    }
    ladder.setPosition(rcpt);
    screenshot(ladder, QStringLiteral("ladder-rcpt.png"));
    ladder.setPosition(retr);
    screenshot(ladder, QStringLiteral("ladder-retr.png"));
    ladder.setTrace(nullptr);
    ladder.render(&image);
}

QTEST_MAIN(TestAppDialogue)
#include "tst_appdialogue.moc"
