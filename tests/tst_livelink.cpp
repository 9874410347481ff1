// Network::acceptLive: a real client's bytes, in any split, go through the world's network
// and into its trace line by line, as a simulated client's do.

#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

std::unique_ptr<World> serveWorld()
{
    ScenarioLoadResult loaded =
        ScenarioLoader::loadFile(QStringLiteral(CARTEIRO_TEST_DATA "/serve.yaml"));
    return loaded.ok() ? std::make_unique<World>(std::move(loaded.scenario)) : nullptr;
}

QStringList clientLines(const Trace &trace, const QString &client)
{
    QStringList lines;
    for (const TraceEvent &e : trace)
        if (e.type == TraceEvent::Type::Line && e.client == client &&
            e.direction == TraceEvent::Direction::ClientToServer)
            lines << e.text;
    return lines;
}

} // namespace

class TestLiveLink : public QObject
{
    Q_OBJECT

private slots:
    void linesRecordedWhateverTheSplit_data();
    void linesRecordedWhateverTheSplit();
    void lineWithoutEndIsRecordedShort();
    void faultsApply();
};

void TestLiveLink::linesRecordedWhateverTheSplit_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("whole") << 0;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("7 bytes") << 7;
}

void TestLiveLink::linesRecordedWhateverTheSplit()
{
    QFETCH(int, chunk);
    auto world = serveWorld();
    QVERIFY(world);
    world->simulation().runUntil(0);
    const QString client = QStringLiteral("127.0.0.1:40000");
    auto link = world->network().acceptLive(client, QStringLiteral("mail.hamburger.edu"), 25);
    QVERIFY(link);
    QVERIFY(link->open().startsWith("220 hamburger.edu"));
    const QByteArray input = "EHLO x\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\n"
                             "DATA\r\nSubject: s\r\n\r\n.dotted\r\n.\r\nQUIT\r\n";
    QByteArray answers;
    for (qsizetype at = 0; at < input.size(); at += chunk ? chunk : input.size())
        answers += link->receive(input.mid(at, chunk ? chunk : input.size()));
    QVERIFY(answers.contains("354 "));
    QVERIFY(answers.endsWith("221 2.0.0 Bye\r\n"));
    QVERIFY(link->closing());
    QCOMPARE(clientLines(world->trace(), client),
             (QStringList{"EHLO x", "MAIL FROM:<a@crepes.fr>", "RCPT TO:<bob@hamburger.edu>",
                          "DATA", "Subject: s", "", ".dotted", ".", "QUIT"}));
    world->run();
    const Mta *bob = world->mta(QStringLiteral("mail.hamburger.edu"));
    QCOMPARE(bob->mailboxes()
                 .account(QStringLiteral("bob@hamburger.edu"))
                 ->folders.value(QStringLiteral("INBOX"))
                 .messages.size(),
             1);
}

void TestLiveLink::lineWithoutEndIsRecordedShort()
{
    auto world = serveWorld();
    const QString client = QStringLiteral("127.0.0.1:40001");
    auto link = world->network().acceptLive(client, QStringLiteral("mail.hamburger.edu"), 25);
    link->open();
    const QByteArray block(64 * 1024, 'A');
    for (int i = 0; i < 16; ++i) // 1 MB without CRLF
        QVERIFY(link->receive(block).isEmpty());
    QVERIFY(link->receive("\r\n").startsWith("500 "));
    const QStringList lines = clientLines(world->trace(), client);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().size() < 17 * 1024);
    QVERIFY(lines.first().endsWith(QStringLiteral("more octets not recorded]")));
    QVERIFY(!link->closing());
}

void TestLiveLink::faultsApply()
{
    auto world = serveWorld();
    world->simulation().runUntil(0); // mail.late.example is down from 0s
    QString refusal;
    QVERIFY(!world->network().acceptLive(QStringLiteral("127.0.0.1:1"),
                                         QStringLiteral("mail.late.example"), 25, &refusal));
    QVERIFY(refusal.endsWith(QStringLiteral("connection timed out")));
    QVERIFY(!world->network().acceptLive(QStringLiteral("127.0.0.1:2"),
                                         QStringLiteral("mail.hamburger.edu"), 2525, &refusal));
    QVERIFY(refusal.endsWith(QStringLiteral("connection refused")));

    FaultSpec drop;
    drop.kind = QStringLiteral("drop");
    drop.host = QStringLiteral("mail.hamburger.edu");
    drop.stage = QStringLiteral("data");
    world->injectFault(drop);
    world->simulation().runUntil(world->simulation().now());
    auto link = world->network().acceptLive(QStringLiteral("127.0.0.1:3"),
                                            QStringLiteral("mail.hamburger.edu"), 25);
    link->open();
    link->receive("HELO x\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\nDATA\r\n");
    QVERIFY(!link->closing());
    link->receive("Subject: cut\r\n");
    QVERIFY(link->closing());
    QVERIFY(link->cut());
}

QTEST_GUILESS_MAIN(TestLiveLink)
#include "tst_livelink.moc"
