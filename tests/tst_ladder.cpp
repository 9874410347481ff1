// The ladder diagram's data, without a toolkit: lifelines in order of first appearance, arrows
// in trace order with their send and arrival times, and the ASCII dump against a golden file.

#include "core/scenario/scenarioloader.h"
#include "core/trace/ladder.h"
#include "core/world/world.h"

#include <QFile>
#include <QtTest>

using carteiro::core::LadderArrow;
using carteiro::core::LadderDiagram;
using carteiro::core::LadderMarker;
using carteiro::core::ScenarioLoader;
using carteiro::core::Trace;
using carteiro::core::TraceEvent;
using carteiro::core::World;

class TestLadder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lanesInOrderOfFirstAppearance();
    void arrowsFollowTheTrace();
    void relayConnectionMatchesTheGolden();
    void upToKeepsTheCurrentConnectionAndStopsAtThePosition();
    void upToReadsOnlyAWindowOfALongTrace();
    void emptyTraceGivesAnEmptyDiagram();

private:
    int indexOf(const QString &text, quint64 connection) const;

    std::unique_ptr<World> m_world;
    quint64 m_relay = 0; // the connection mail.crepes.fr -> mail.hamburger.edu
};

int TestLadder::indexOf(const QString &text, quint64 connection) const
{
    const Trace &trace = m_world->trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceEvent e = trace.at(i);
        if (e.type == TraceEvent::Type::Line && e.text == text &&
            (connection == 0 || e.connection == connection))
            return int(i);
    }
    return -1;
}

void TestLadder::initTestCase()
{
    auto loaded = ScenarioLoader::loadFile(
        QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/01-alice-to-bob.yaml"));
    QVERIFY(loaded.ok());
    m_world = std::make_unique<World>(loaded.scenario);
    m_world->run();
    const int greeting = indexOf(QStringLiteral("220 hamburger.edu"), 0);
    QVERIFY(greeting >= 0);
    m_relay = m_world->trace().at(std::size_t(greeting)).connection;
    QVERIFY(m_relay != 0);
}

void TestLadder::lanesInOrderOfFirstAppearance()
{
    const Trace &trace = m_world->trace();
    const LadderDiagram all = LadderDiagram::fromRange(trace, 0, trace.size() - 1);
    QCOMPARE(all.lanes(), (QStringList{"alice-pc", "mail.crepes.fr", "dns.root",
                                       "mail.hamburger.edu", "bob-pc"}));
    const LadderDiagram relay = LadderDiagram::fromRange(trace, 0, trace.size() - 1, m_relay);
    QCOMPARE(relay.lanes(), (QStringList{"mail.crepes.fr", "mail.hamburger.edu"}));
    QCOMPARE(relay.laneOf(QStringLiteral("mail.hamburger.edu")), 1);
    QCOMPARE(relay.laneOf(QStringLiteral("bob-pc")), -1);
}

void TestLadder::arrowsFollowTheTrace()
{
    const Trace &trace = m_world->trace();
    const LadderDiagram relay = LadderDiagram::fromRange(trace, 0, trace.size() - 1, m_relay);
    const std::vector<LadderArrow> &arrows = relay.arrows();
    QVERIFY(arrows.size() > 10);
    // The server greets first: from the server's lane to the client's, slanted by latency.
    QCOMPARE(arrows.front().text, QStringLiteral("220 hamburger.edu"));
    QCOMPARE(arrows.front().fromLane, 1);
    QCOMPARE(arrows.front().toLane, 0);
    QVERIFY(!arrows.front().fromClient);
    QVERIFY(arrows.front().arrivalTime > arrows.front().sendTime);
    QCOMPARE(arrows[1].text, QStringLiteral("HELO crepes.fr"));
    QCOMPARE(arrows[1].fromLane, 0);
    QCOMPARE(arrows[1].protocol, QStringLiteral("SMTP"));
    QCOMPARE(arrows.back().text, QStringLiteral("221 hamburger.edu closing connection"));
    for (std::size_t i = 1; i < arrows.size(); ++i) {
        QVERIFY(arrows[i - 1].traceIndex < arrows[i].traceIndex);
        QVERIFY(arrows[i - 1].sendTime <= arrows[i].sendTime);
        QCOMPARE(arrows[i].connection, m_relay);
    }
    QCOMPARE(relay.markers().size(), std::size_t(2));
    QCOMPARE(relay.markers().front().kind, LadderMarker::Kind::Connect);
    QCOMPARE(relay.markers().back().kind, LadderMarker::Kind::Close);
    QCOMPARE(relay.currentConnection(), m_relay);
}

void TestLadder::relayConnectionMatchesTheGolden()
{
    const Trace &trace = m_world->trace();
    const LadderDiagram relay = LadderDiagram::fromRange(trace, 0, trace.size() - 1, m_relay);
    const QString ascii = relay.toAscii(100);
    const QString path = QStringLiteral(CARTEIRO_TEST_DATA "/ladder-01.txt");
    if (qEnvironmentVariableIsSet("CARTEIRO_UPDATE_GOLDEN")) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(ascii.toUtf8());
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QStringList expected = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const QStringList actual = ascii.split(QLatin1Char('\n'));
    for (int i = 0; i < std::min(expected.size(), actual.size()); ++i)
        QCOMPARE(actual[i], expected[i]);
    QCOMPARE(actual.size(), expected.size());
    for (const QString &row : actual)
        QVERIFY2(row.size() <= 100, qPrintable(row));
}

void TestLadder::upToKeepsTheCurrentConnectionAndStopsAtThePosition()
{
    const Trace &trace = m_world->trace();
    const int rcpt = indexOf(QStringLiteral("RCPT TO: <bob@hamburger.edu>"), m_relay);
    QVERIFY(rcpt > 0);
    // A window of one line still reaches back to the relay connection's connect.
    const LadderDiagram diagram = LadderDiagram::upTo(trace, rcpt, 1);
    QCOMPARE(diagram.lastIndex(), rcpt);
    QCOMPARE(diagram.currentConnection(), m_relay);
    QCOMPARE(diagram.arrows().back().text, QStringLiteral("RCPT TO: <bob@hamburger.edu>"));
    QCOMPARE(diagram.arrows().front().text, QStringLiteral("220 hamburger.edu"));
    QCOMPARE(diagram.markers().front().kind, LadderMarker::Kind::Connect);
    QCOMPARE(diagram.arrowAtOrBefore(rcpt), int(diagram.arrows().size()) - 1);
    QCOMPARE(diagram.arrowAtOrBefore(rcpt + 1000), int(diagram.arrows().size()) - 1);
    QCOMPARE(diagram.arrowAtOrBefore(diagram.firstIndex() - 1), -1);

    // The default window takes in the submission before it too.
    const LadderDiagram wide = LadderDiagram::upTo(trace, rcpt);
    QCOMPARE(wide.firstIndex(), 0);
    QCOMPARE(wide.arrows().front().text, QStringLiteral("220 crepes.fr"));
    QVERIFY(LadderDiagram::upTo(trace, -1).isEmpty());
}

void TestLadder::upToReadsOnlyAWindowOfALongTrace()
{
    Trace trace;
    const Trace::Names names =
        trace.names(QStringLiteral("SMTP"), QStringLiteral("a"), QStringLiteral("b"), QString());
    const QByteArray noop("NOOP");
    for (int i = 0; i < 100000; ++i)
        trace.appendLine(i * 10, i * 10 + 5, names, i % 2 == 0, noop.constData(), int(noop.size()),
                         1 + quint64(i / 1000), 25);
    QElapsedTimer timer;
    timer.start();
    const LadderDiagram diagram = LadderDiagram::upTo(trace, 99999, 300);
    QVERIFY(timer.elapsed() < 500);
    // Connection 100 has no connect event: the window stops at kMaxLines lines.
    QCOMPARE(int(diagram.arrows().size()), LadderDiagram::kMaxLines);
    QCOMPARE(diagram.lastIndex(), 99999);
}

void TestLadder::emptyTraceGivesAnEmptyDiagram()
{
    Trace trace;
    QVERIFY(LadderDiagram::upTo(trace, 5).isEmpty());
    QVERIFY(LadderDiagram::fromRange(trace, 0, 10).isEmpty());
    QVERIFY(LadderDiagram().toAscii().isEmpty());
}

QTEST_GUILESS_MAIN(TestLadder)
#include "tst_ladder.moc"
