// The inspectors and the telnet console, driven offscreen: the queue, the mailboxes and the
// DNS at a trace position (a fresh world replayed to it), and hand-typed sessions with the
// engine's own servers on a private world.

#include "app/console/consolewidget.h"
#include "app/inspectors/dnsinspector.h"
#include "app/inspectors/mailboxinspector.h"
#include "app/inspectors/queueinspector.h"
#include "app/inspectors/receivedchain.h"
#include "app/inspectors/runstate.h"
#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

using carteiro::app::ConsoleWidget;
using carteiro::app::DnsInspector;
using carteiro::app::MailboxInspector;
using carteiro::app::QueueInspector;
using carteiro::app::RunState;
using carteiro::core::Scenario;
using carteiro::core::TraceEvent;
using carteiro::core::World;

class TestAppInspectors : public QObject
{
    Q_OBJECT

private slots:
    void queueWhileTheHostIsDown();
    void runStateForwardAndBackGiveTheSameState();
    void bounceReachesTheSender();
    void receivedChainInTravelOrder();
    void parsesAReceivedField();
    void mimeTreeOfAnAttachment();
    void mimeQuotedPrintableAndEncodedSubject();
    void dnsListsMxInPreferenceOrder();
    void consoleTalksSmtp();
    void consoleTalksPop3AndRefusesUnservedPorts();
    void screenshots();
};

namespace {

Scenario load(const char *name)
{
    const auto result = carteiro::core::ScenarioLoader::loadFile(
        QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name));
    if (!result.ok())
        qFatal("cannot load %s: %s", name, qPrintable(result.errors.first().toString()));
    return result.scenario;
}

// The index of the first event of this type whose text contains `text`, in a full run.
int findEvent(const Scenario &scenario, TraceEvent::Type type, const QString &text)
{
    World world(scenario);
    world.run();
    for (std::size_t i = 0; i < world.trace().size(); ++i) {
        const TraceEvent event = world.trace().at(i);
        if (event.type == type && event.text.contains(text))
            return int(i);
    }
    return -1;
}

// The walk index of the first MIME part whose tree line contains `text`; -1 if none.
int partIndex(const MailboxInspector &inspector, const QString &text)
{
    const QStringList lines = inspector.mimeTreeText();
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(text))
            return i;
    return -1;
}

int traceSize(const Scenario &scenario)
{
    World world(scenario);
    world.run();
    return int(world.trace().size());
}

QString mailboxText(const MailboxInspector &inspector, const QString &address)
{
    return inspector.messageSubjects(address).join(QLatin1Char(','));
}

} // namespace

void TestAppInspectors::queueWhileTheHostIsDown()
{
    const Scenario scenario = load("03-host-down-then-back.yaml");
    const int deferred = findEvent(scenario, TraceEvent::Type::Retry, QStringLiteral("deferred"));
    QVERIFY(deferred > 0);
    RunState state(scenario);
    const World *world = state.worldAt(deferred);
    QVERIFY(world->trace().timeAt(world->trace().size() - 1) < carteiro::core::kHour);

    QueueInspector inspector;
    inspector.showState(world);
    QCOMPARE(inspector.entryCount(QStringLiteral("mail.crepes.fr")), 1);
    QCOMPARE(inspector.entryCount(QStringLiteral("mail.hamburger.edu")), 0);
    const QStringList row = inspector.entryRow(QStringLiteral("mail.crepes.fr"), 0);
    QCOMPARE(row.size(), int(QueueInspector::ColumnCount));
    QCOMPARE(row.at(QueueInspector::SenderColumn), QStringLiteral("<alice@crepes.fr>"));
    QCOMPARE(row.at(QueueInspector::RecipientsColumn), QStringLiteral("<bob@hamburger.edu>"));
    QVERIFY(row.at(QueueInspector::AttemptsColumn).toInt() >= 1);
    QVERIFY2(row.at(QueueInspector::LastErrorColumn).contains(QStringLiteral("timed out")),
             qPrintable(row.at(QueueInspector::LastErrorColumn)));
    QVERIFY2(row.at(QueueInspector::NextRetryColumn).startsWith(QStringLiteral("00:30:00")),
             qPrintable(row.at(QueueInspector::NextRetryColumn)));

    inspector.showState(state.worldAt(traceSize(scenario) - 1));
    QCOMPARE(inspector.entryCount(QStringLiteral("mail.crepes.fr")), 0);

    inspector.showState(nullptr);
    QCOMPARE(inspector.entryCount(QStringLiteral("mail.crepes.fr")), -1);
}

void TestAppInspectors::runStateForwardAndBackGiveTheSameState()
{
    const Scenario scenario = load("03-host-down-then-back.yaml");
    const int p = findEvent(scenario, TraceEvent::Type::Retry, QStringLiteral("deferred"));
    QVERIFY(p + 50 < traceSize(scenario));

    RunState state(scenario);
    QueueInspector queue;
    MailboxInspector mailboxes;
    auto snapshot = [&](RunState &from, int position) {
        const World *world = from.worldAt(position);
        queue.showState(world);
        mailboxes.showState(world);
        return queue.tableText() + QLatin1Char('\n') +
               mailboxText(mailboxes, QStringLiteral("bob@hamburger.edu"));
    };
    const QString first = snapshot(state, p);
    QCOMPARE(state.rebuilds(), 1);
    const QString later = snapshot(state, p + 50);
    QCOMPARE(state.rebuilds(), 1); // forward continues the same world
    QVERIFY(first != later);
    const QString again = snapshot(state, p);
    QCOMPARE(state.rebuilds(), 2); // back replays from the start
    QCOMPARE(again, first);

    // A fresh world replayed straight to P + 50 agrees with the one continued forward.
    RunState direct(scenario);
    QCOMPARE(snapshot(direct, p + 50), later);

    // -1 is the world before anything happened.
    QCOMPARE(state.worldAt(-1)->trace().size(), std::size_t(0));
}

void TestAppInspectors::bounceReachesTheSender()
{
    World world(load("02-recipient-rejected.yaml"));
    world.run();
    MailboxInspector inspector;
    inspector.showState(&world);
    const QStringList subjects = inspector.messageSubjects(QStringLiteral("alice@crepes.fr"));
    QVERIFY2(subjects.contains(QStringLiteral("Undelivered Mail Returned to Sender")),
             qPrintable(subjects.join(QLatin1Char(','))));
}

void TestAppInspectors::receivedChainInTravelOrder()
{
    const Scenario scenario = load("01-alice-to-bob.yaml");
    const int delivered = findEvent(scenario, TraceEvent::Type::Deliver,
                                    QStringLiteral("delivered to bob@hamburger.edu"));
    QVERIFY(delivered > 0);
    RunState state(scenario);
    MailboxInspector inspector;
    const QString bob = QStringLiteral("bob@hamburger.edu");

    // One simulation step can record several events: go back to the last event of an earlier
    // instant, which is surely before the delivery.
    const World *full = state.worldAt(delivered);
    int before = delivered;
    while (before > 0 && full->trace().timeAt(std::size_t(before)) ==
                             full->trace().timeAt(std::size_t(delivered)))
        --before;
    inspector.showState(state.worldAt(before));
    QCOMPARE(inspector.messageSubjects(bob).size(), 0);

    inspector.showState(state.worldAt(delivered));
    QCOMPARE(inspector.messageSubjects(bob), QStringList{QStringLiteral("Do you like ketchup?")});
    const QStringList chain = inspector.receivedChainText(bob, 0).split(QLatin1Char('\n'));
    QCOMPARE(chain.size(), 2);
    QVERIFY2(chain.at(0).startsWith(QStringLiteral("1. accepted by mail.crepes.fr from alice-pc")),
             qPrintable(chain.at(0)));
    QVERIFY2(chain.at(1).startsWith(
                 QStringLiteral("2. relayed to mail.hamburger.edu from mail.crepes.fr")),
             qPrintable(chain.at(1)));

    // Opening it shows the source with the Return-Path the receiving server recorded.
    QVERIFY(inspector.openMessage(bob, 0));
    QVERIFY2(inspector.sourceText().startsWith(QStringLiteral("Return-Path: <alice@crepes.fr>\n")),
             qPrintable(inspector.sourceText()));
    // The open message stays open while it is in the mailbox...
    inspector.showState(state.worldAt(delivered + 5));
    QVERIFY(!inspector.sourceText().isEmpty());
    // ... and closes when Bob's POP3 client has downloaded and deleted it.
    inspector.showState(state.worldAt(traceSize(scenario) - 1));
    QCOMPARE(inspector.messageSubjects(bob).size(), 0);
    QVERIFY(inspector.sourceText().isEmpty());
}

void TestAppInspectors::parsesAReceivedField()
{
    const auto hop = carteiro::app::parseReceived(QStringLiteral(
        "from crepes.fr (mail.crepes.fr) by mail.hamburger.edu (Carteiro) with ESMTP id "
        "3F2A9C01B7 for <bob@hamburger.edu>; Mon, 2 Mar 2026 09:00:01 +0000"));
    QCOMPARE(hop.from, QStringLiteral("crepes.fr"));
    QCOMPARE(hop.fromComment, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(hop.by, QStringLiteral("mail.hamburger.edu"));
    QCOMPARE(hop.byComment, QStringLiteral("Carteiro"));
    QCOMPARE(hop.with, QStringLiteral("ESMTP"));
    QCOMPARE(hop.id, QStringLiteral("3F2A9C01B7"));
    QCOMPARE(hop.forAddress, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(hop.date, QStringLiteral("Mon, 2 Mar 2026 09:00:01 +0000"));

    QCOMPARE(carteiro::app::decodeWords(QStringLiteral("=?UTF-8?B?Q3LDqnBlcw==?= hoje")),
             QString::fromUtf8("Cr\xc3\xaapes hoje"));
}

void TestAppInspectors::mimeTreeOfAnAttachment()
{
    // Bob fetches with "keep": at the end the message is still in his mailbox.
    World world(load("11-mime-attachment.yaml"));
    world.run();
    MailboxInspector inspector;
    inspector.showState(&world);
    const QString bob = QStringLiteral("bob@hamburger.edu");
    QVERIFY(inspector.openMessage(bob, 0));

    const QStringList tree = inspector.mimeTreeText();
    const QString dump = tree.join(QLatin1Char('\n'));
    QVERIFY2(tree.size() == 3, qPrintable(dump));
    QVERIFY2(tree.at(0).startsWith(QStringLiteral("multipart/mixed")), qPrintable(dump));
    QVERIFY2(tree.at(1).startsWith(QStringLiteral("  text/plain")), qPrintable(dump));
    QVERIFY2(tree.at(2).startsWith(QStringLiteral("  image/jpeg \"crepe.jpg\" | base64 | ")),
             qPrintable(dump));
    QVERIFY2(tree.at(2).endsWith(QStringLiteral(" | 3072 bytes")), qPrintable(dump));
    QVERIFY2(inspector.mimeDefects().isEmpty(),
             qPrintable(inspector.mimeDefects().join(QLatin1Char('\n'))));

    QVERIFY(inspector.selectPart(partIndex(inspector, QStringLiteral("image/jpeg"))));
    // Base64: lines of at most 76 characters from the base64 alphabet (RFC 2045 section 6.8).
    const QStringList encoded =
        inspector.encodedText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(encoded.size() > 10);
    static const QRegularExpression base64Line(QStringLiteral("^[A-Za-z0-9+/=]{1,76}$"));
    for (const QString &line : encoded)
        QVERIFY2(base64Line.match(line).hasMatch(), qPrintable(line));
    QVERIFY2(inspector.decodedText().contains(QStringLiteral("3072 bytes")),
             qPrintable(inspector.decodedText()));
    QVERIFY2(inspector.partHeadersText().contains(QStringLiteral("Content-Transfer-Encoding")),
             qPrintable(inspector.partHeadersText()));

    QVERIFY(inspector.selectPart(partIndex(inspector, QStringLiteral("text/plain"))));
    QVERIFY2(inspector.decodedText().contains(QStringLiteral("Here is the crepe")),
             qPrintable(inspector.decodedText()));
    QVERIFY(!inspector.selectPart(tree.size()));

    // Closing the message empties the structure too.
    inspector.showState(nullptr);
    QVERIFY(inspector.mimeTreeText().isEmpty());
    QVERIFY(inspector.encodedText().isEmpty());
}

void TestAppInspectors::mimeQuotedPrintableAndEncodedSubject()
{
    // Bob's IMAP client deletes the message at the end: look right after the delivery.
    const Scenario scenario = load("12-accented-subject.yaml");
    const int delivered = findEvent(scenario, TraceEvent::Type::Deliver,
                                    QStringLiteral("delivered to bob@hamburger.edu"));
    QVERIFY(delivered > 0);
    RunState state(scenario);
    MailboxInspector inspector;
    inspector.showState(state.worldAt(delivered));
    const QString bob = QStringLiteral("bob@hamburger.edu");
    QVERIFY(inspector.openMessage(bob, 0));

    const QString subject = QString::fromUtf8("Promo\xc3\xa7\xc3\xa3o de crepes: s\xc3\xb3 hoje!");
    QVERIFY2(inspector.summaryText().contains(QStringLiteral("Subject: ") + subject),
             qPrintable(inspector.summaryText()));
    QVERIFY2(inspector.summaryText().contains(QString::fromUtf8("Ana Concei\xc3\xa7\xc3\xa3o")),
             qPrintable(inspector.summaryText()));
    QCOMPARE(inspector.messageSubjects(bob), QStringList{subject});

    const int text = partIndex(inspector, QStringLiteral("text/plain"));
    QVERIFY2(text > 0, qPrintable(inspector.mimeTreeText().join(QLatin1Char('\n'))));
    QVERIFY(inspector.selectPart(text));
    QVERIFY2(inspector.encodedText().contains(QStringLiteral("Ol=C3=A1")),
             qPrintable(inspector.encodedText()));
    QVERIFY2(inspector.decodedText().contains(QString::fromUtf8("Ol\xc3\xa1, Bob!")),
             qPrintable(inspector.decodedText()));
}

void TestAppInspectors::dnsListsMxInPreferenceOrder()
{
    World world(load("05-mx-fallback.yaml"));
    DnsInspector inspector;
    inspector.showState(&world);
    const QStringList rows = inspector.rows();
    const auto rowOf = [&](const QString &text) {
        for (int i = 0; i < rows.size(); ++i)
            if (rows.at(i).contains(text))
                return i;
        return -1;
    };
    const int mx1 = rowOf(QStringLiteral("MX | 10 | mx1.hamburger.edu"));
    const int mx2 = rowOf(QStringLiteral("MX | 20 | mx2.hamburger.edu"));
    QVERIFY2(mx1 >= 0 && mx2 >= 0, qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(mx1 < mx2);
    QVERIFY(rowOf(QStringLiteral("crepes.fr")) >= 0);
}

void TestAppInspectors::consoleTalksSmtp()
{
    ConsoleWidget console;
    console.setScenario(load("01-alice-to-bob.yaml"));
    QSignalSpy connected(&console, &ConsoleWidget::connectedChanged);
    QVERIFY(console.connectTo(QStringLiteral("mail.hamburger.edu"), 25));
    QCOMPARE(connected.count(), 1);
    QCOMPARE(console.transcript().value(0), QStringLiteral("S: 220 hamburger.edu"));

    console.send(QStringLiteral("HELO crepes.fr"));
    QCOMPARE(console.transcript().mid(1),
             (QStringList{QStringLiteral("C: HELO crepes.fr"),
                          QStringLiteral("S: 250 Hello crepes.fr, pleased to meet you")}));
    console.send(QStringLiteral("FOO"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: 500")),
             qPrintable(console.transcript().last()));
    console.send(QStringLiteral("QUIT"));
    const QStringList lines = console.transcript();
    QVERIFY(lines.at(lines.size() - 2).startsWith(QStringLiteral("S: 221")));
    QCOMPARE(lines.last(), QStringLiteral("Connection closed by foreign host."));
    QVERIFY(!console.isConnected());
    QCOMPARE(connected.count(), 2);

    // Reconnecting starts a new session.
    QVERIFY(console.connectTo(QStringLiteral("mail.hamburger.edu"), 25));
    QCOMPARE(console.transcript(), QStringList{QStringLiteral("S: 220 hamburger.edu")});
}

void TestAppInspectors::consoleTalksPop3AndRefusesUnservedPorts()
{
    ConsoleWidget console;
    console.setScenario(load("01-alice-to-bob.yaml"));
    QVERIFY(console.connectTo(QStringLiteral("mail.hamburger.edu"), 110));
    QVERIFY(console.transcript().value(0).startsWith(QStringLiteral("S: +OK")));
    console.send(QStringLiteral("USER bob"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: +OK")),
             qPrintable(console.transcript().last()));
    console.send(QStringLiteral("PASS ketchup"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: +OK")),
             qPrintable(console.transcript().last()));
    console.disconnectFromHost();
    QVERIFY(!console.isConnected());

    // mail.hamburger.edu offers no submission port in seed 001's scenario.
    QVERIFY(!console.connectTo(QStringLiteral("mail.hamburger.edu"), 587));
    QVERIFY(!console.isConnected());
    QVERIFY(!console.transcript().isEmpty());
    // The maildrop lock was given back when the first session was dropped.
    QVERIFY(console.connectTo(QStringLiteral("mail.hamburger.edu"), 110));
    console.send(QStringLiteral("USER bob"));
    console.send(QStringLiteral("PASS ketchup"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: +OK")),
             qPrintable(console.transcript().last()));

    // IMAP on a host that serves it: tagged commands, untagged data, tagged completion.
    console.setScenario(load("09-imap-two-devices.yaml"));
    QVERIFY(console.connectTo(QStringLiteral("mail.hamburger.edu"), 143));
    QVERIFY(console.transcript().value(0).startsWith(QStringLiteral("S: * OK")));
    console.send(QStringLiteral("a1 LOGIN bob ketchup"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: a1 OK")),
             qPrintable(console.transcript().last()));
    console.send(QStringLiteral("a2 FETCH 1 FLAGS"));
    QVERIFY2(console.transcript().last().startsWith(QStringLiteral("S: a2 BAD")),
             qPrintable(console.transcript().last())); // no mailbox selected yet
}

void TestAppInspectors::screenshots()
{
    const QString dir = qEnvironmentVariable("CARTEIRO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set CARTEIRO_SCREENSHOTS to a folder to save screenshots");
    QDir().mkpath(dir);

    const Scenario scenario = load("01-alice-to-bob.yaml");
    const int delivered = findEvent(scenario, TraceEvent::Type::Deliver,
                                    QStringLiteral("delivered to bob@hamburger.edu"));
    RunState state(scenario);
    MailboxInspector mailboxes;
    mailboxes.resize(1400, 800);
    mailboxes.showState(state.worldAt(delivered));
    QVERIFY(mailboxes.openMessage(QStringLiteral("bob@hamburger.edu"), 0));
    mailboxes.show();
    QVERIFY(mailboxes.grab().save(dir + QStringLiteral("/mailboxinspector.png")));

    World attachment(load("11-mime-attachment.yaml"));
    attachment.run();
    MailboxInspector mime;
    mime.resize(1400, 900);
    mime.showState(&attachment);
    QVERIFY(mime.openMessage(QStringLiteral("bob@hamburger.edu"), 0));
    QVERIFY(mime.selectPart(2));
    mime.show();
    QVERIFY(mime.grab().save(dir + QStringLiteral("/mailboxinspector-mime.png")));

    ConsoleWidget console;
    console.resize(900, 500);
    console.setScenario(scenario);
    console.connectTo(QStringLiteral("mail.hamburger.edu"), 25);
    console.send(QStringLiteral("HELO crepes.fr"));
    console.send(QStringLiteral("FOO"));
    console.send(QStringLiteral("QUIT"));
    console.show();
    QVERIFY(console.grab().save(dir + QStringLiteral("/console.png")));

    const Scenario down = load("03-host-down-then-back.yaml");
    RunState downState(down);
    QueueInspector queue;
    queue.resize(1200, 300);
    queue.showState(downState.worldAt(
        findEvent(down, TraceEvent::Type::Retry, QStringLiteral("attempt 2 deferred"))));
    queue.show();
    QVERIFY(queue.grab().save(dir + QStringLiteral("/queueinspector.png")));

    DnsInspector dns;
    dns.resize(900, 300);
    World mx(load("05-mx-fallback.yaml"));
    dns.showState(&mx);
    dns.show();
    QVERIFY(dns.grab().save(dir + QStringLiteral("/dnsinspector.png")));
}

QTEST_MAIN(TestAppInspectors)
#include "tst_appinspectors.moc"
