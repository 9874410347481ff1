// The run written out for class notes (core/trace/transcript.h) and the run's figures
// (core/world/runstatistics.h), read from real runs of the shipped scenarios.
#include "core/scenario/scenarioloader.h"
#include "core/trace/transcript.h"
#include "core/world/runstatistics.h"
#include "core/world/world.h"

#include <QRegularExpression>
#include <QTest>

using namespace carteiro::core;

namespace {

std::unique_ptr<World> play(const char *name)
{
    ScenarioLoadResult loaded =
        ScenarioLoader::loadFile(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + name);
    if (!loaded.ok())
        return nullptr;
    auto world = std::make_unique<World>(std::move(loaded.scenario));
    world->run();
    return world;
}

} // namespace

class TranscriptTest : public QObject
{
    Q_OBJECT

private slots:
    void textIsTheCliForm();
    void markdownKeepsEachDialogueTogether();
    void htmlEscapesAngleBrackets();
    void upToStopsAtThePosition();
    void statisticsCountWhatHappened();
};

void TranscriptTest::textIsTheCliForm()
{
    auto world = play("01-alice-to-bob.yaml");
    QVERIFY(world);
    const QStringList lines =
        writeTranscript(world->trace(), TranscriptFormat::Text).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(std::size_t(lines.size()), world->trace().size());
    QCOMPARE(lines.first(), world->trace().at(0).toText());
    QVERIFY(lines.contains(world->trace().at(world->trace().size() - 1).toText()));
}

void TranscriptTest::markdownKeepsEachDialogueTogether()
{
    auto world = play("02-recipient-rejected.yaml");
    QVERIFY(world);
    TranscriptOptions options;
    options.title = QStringLiteral("Wrong address");
    const QString markdown = writeTranscript(world->trace(), TranscriptFormat::Markdown, options);
    QVERIFY(markdown.startsWith(QStringLiteral("# Wrong address\n")));

    // Every connection's lines come in one fenced block, in the order they were sent,
    // although the relay (connection 2) starts before the submission (1) has said QUIT.
    const QRegularExpression block(
        QStringLiteral("\\*\\*Connection (\\d+): [^*]+\\*\\*[^\\n]*\\n\\n"
                       "```\\n(.*?)```"),
        QRegularExpression::DotMatchesEverythingOption);
    QMap<quint64, QStringList> expected;
    for (const TraceEvent &event : world->trace())
        if (event.type == TraceEvent::Type::Line)
            expected[event.connection] << (event.direction == TraceEvent::Direction::ClientToServer
                                               ? QStringLiteral("C: ")
                                               : QStringLiteral("S: ")) +
                                              event.text;
    QSet<quint64> seen;
    auto blocks = block.globalMatch(markdown);
    while (blocks.hasNext()) {
        const auto match = blocks.next();
        const quint64 connection = match.captured(1).toULongLong();
        QVERIFY2(!seen.contains(connection), "a connection split over two blocks");
        seen.insert(connection);
        QStringList lines = match.captured(2).split(u'\n');
        lines.removeLast(); // after the last line's newline
        QCOMPARE(lines, expected.value(connection));
    }
    QCOMPARE(seen.size(), expected.size());
    QVERIFY(markdown.contains(QStringLiteral("C: RCPT TO: <bobby@hamburger.edu>")));
    // Notes are the instructor's words: quoted, not logged.
    QVERIFY(markdown.contains(QStringLiteral("\n> 550 is a permanent failure")));
}

void TranscriptTest::htmlEscapesAngleBrackets()
{
    auto world = play("01-alice-to-bob.yaml");
    QVERIFY(world);
    TranscriptOptions options;
    options.title = QStringLiteral("Alice <3 Bob");
    const QString html = writeTranscript(world->trace(), TranscriptFormat::Html, options);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<title>Alice &lt;3 Bob</title>")));
    QVERIFY(html.contains(
        QStringLiteral("<span class=\"c\">C: MAIL FROM: &lt;alice@crepes.fr&gt;</span>")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"s\">S: 220 ")));
    QVERIFY(!html.contains(QStringLiteral("<alice@crepes.fr>")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
}

void TranscriptTest::upToStopsAtThePosition()
{
    auto world = play("01-alice-to-bob.yaml");
    QVERIFY(world);
    TranscriptOptions options;
    options.upTo = 5;
    const QString text = writeTranscript(world->trace(), TranscriptFormat::Text, options);
    QCOMPARE(text.count(u'\n'), 5);
}

void TranscriptTest::statisticsCountWhatHappened()
{
    auto rejected = play("02-recipient-rejected.yaml");
    QVERIFY(rejected);
    const RunStatistics bounce = RunStatistics::of(rejected->trace());
    QCOMPARE(bounce.bounced, 1);
    QCOMPARE(bounce.delivered, 1); // the bounce itself, in Alice's INBOX
    QCOMPARE(bounce.retries, 0);
    QVERIFY(bounce.linesByProtocol.value(QStringLiteral("SMTP")) > 20);
    QCOMPARE(bounce.connectionsByProtocol.value(QStringLiteral("POP3")), 1);

    auto retried = play("03-host-down-then-back.yaml");
    QVERIFY(retried);
    const RunStatistics down = RunStatistics::of(retried->trace());
    QVERIFY(down.retries >= 2);
    QVERIFY(down.refused >= 1);
    QCOMPARE(down.bounced, 0);
    QVERIFY(down.duration >= 30 * kMinute);
    // Counting only the first events sees less.
    QVERIFY(RunStatistics::of(retried->trace(), 10).linesByProtocol.value(QStringLiteral("SMTP")) <
            down.linesByProtocol.value(QStringLiteral("SMTP")));
}

QTEST_GUILESS_MAIN(TranscriptTest)
#include "tst_transcript.moc"
