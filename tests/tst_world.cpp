// The whole engine, played from the shipped scenarios and small inline ones: what a student
// would see in the dialogue, the queue and the mailboxes.

#include "core/message/rfc5322.h"
#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

QString scenarioPath(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

std::unique_ptr<World> play(const QString &path)
{
    ScenarioLoadResult loaded = ScenarioLoader::loadFile(path);
    if (!loaded.ok()) {
        for (const ScenarioError &e : loaded.errors)
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    auto world = std::make_unique<World>(std::move(loaded.scenario));
    world->run();
    return world;
}

std::unique_ptr<World> playText(const QByteArray &yaml)
{
    ScenarioLoadResult loaded = ScenarioLoader::loadText(yaml, QStringLiteral("inline.yaml"));
    if (!loaded.ok()) {
        for (const ScenarioError &e : loaded.errors)
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    auto world = std::make_unique<World>(std::move(loaded.scenario));
    world->run();
    return world;
}

// "C: HELO crepes.fr" / "S: 250 ..." lines of every connection between client and server.
QStringList dialogue(const World &world, const QString &client, const QString &server)
{
    QStringList lines;
    for (const TraceEvent &e : world.trace())
        if (e.type == TraceEvent::Type::Line && e.client == client && e.server == server)
            lines << (e.direction == TraceEvent::Direction::ClientToServer
                          ? QStringLiteral("C: ")
                          : QStringLiteral("S: ")) +
                         e.text;
    return lines;
}

QList<TraceEvent> events(const World &world, TraceEvent::Type type)
{
    QList<TraceEvent> found;
    for (const TraceEvent &e : world.trace())
        if (e.type == type)
            found << e;
    return found;
}

const std::vector<StoredMessage> &inbox(const World &world, const QString &address)
{
    static const std::vector<StoredMessage> none;
    Mta *home = world.homeOf(address);
    const MailAccount *account = home ? home->mailboxes().account(address) : nullptr;
    if (!account)
        return none;
    const auto folder = account->folders.constFind(QStringLiteral("INBOX"));
    return folder == account->folders.constEnd() ? none : folder->messages;
}

// A scenario frame with two domains; the test adds hosts' extra keys and steps.
QByteArray twoDomains(const QByteArray &steps, const QByteArray &hamburgerExtra = {},
                      const QByteArray &defaults = "{latency: 20ms, style: classic}")
{
    return "carteiro: 1\n"
           "title: inline\n"
           "defaults: " +
           defaults +
           "\n"
           "dns:\n"
           "  crepes.fr: {mx: [{host: mail.crepes.fr, pref: 10}]}\n"
           "  hamburger.edu: {mx: [{host: mail.hamburger.edu, pref: 10}]}\n"
           "hosts:\n"
           "  alice-pc: {role: client, user: alice@crepes.fr, submit_to: mail.crepes.fr}\n"
           "  mail.crepes.fr: {role: mta, local_domains: [crepes.fr], greeting: crepes.fr,\n"
           "                   services: [smtp, submission, pop3]}\n"
           "  mail.hamburger.edu: {role: mta, local_domains: [hamburger.edu],\n"
           "                       greeting: hamburger.edu, services: [smtp, pop3]" +
           hamburgerExtra +
           "}\n"
           "users:\n"
           "  alice@crepes.fr: {name: Alice, password: faminta}\n"
           "  bob@hamburger.edu: {name: Bob, password: ketchup}\n"
           "steps:\n" +
           steps;
}

const QByteArray kSendToBob = "  - send: {from: alice@crepes.fr, to: [bob@hamburger.edu], "
                              "subject: Hi, body: \"Hello\\n\"}\n";

// When the MTA took the message into its queue: attempts are counted from here.
SimTime acceptedAt(const World &world, const QString &mta)
{
    for (const TraceEvent &e : events(world, TraceEvent::Type::Queue))
        if (e.client == mta && e.text.startsWith(QStringLiteral("accepted")))
            return e.time;
    return -1;
}

QList<SimTime> connectTimes(const World &world, const QString &server)
{
    QList<SimTime> times;
    for (const TraceEvent &e : events(world, TraceEvent::Type::Connect))
        if (e.server == server)
            times << e.time;
    return times;
}

} // namespace

class TestWorld : public QObject
{
    Q_OBJECT

private slots:
    void textbookDialogue();
    void textbookGolden();
    void receivedHeadersRetraceThePath();
    void deterministicJsonl();
    void recipientRejectedBounces();
    void retriesOnScheduleThenDelivers();
    void givesUpAfterFourDays();
    void mxFallbackToSecondary();
    void severalRecipientsOneRejected();
    void pop3KeepThenDelete();
    void telnetSession();
    void faultRefuseIsRetried();
    void faultRejectTemporaryAndPermanent();
    void faultRejectAtGreeting();
    void faultNoMxBounces();
    void faultDnsFailRetries();
    void faultMailboxFull();
    void faultSlowAddsLatency();
    void faultDropCutsMidData();
    void bounceIsNeverBounced();
    void modernStyleAuthenticatesOnSubmission();
    void droppedMidRunWithoutHarm();
    void htmlBodyTravelsAsAlternative();
    void imapTwoDevicesShareTheMailbox();
    void classicServersClearTheEighthBit();
};

void TestWorld::textbookDialogue()
{
    auto world = play(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(world);
    const QStringList lines =
        dialogue(*world, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"));
    // Kurose & Ross, section 2.3.1, as seed 001 quotes it; the message lines between 354
    // and "." carry the headers Alice's mail program wrote, then her two lines.
    const QStringList textbook = {
        QStringLiteral("S: 220 hamburger.edu"),
        QStringLiteral("C: HELO crepes.fr"),
        QStringLiteral("S: 250 Hello crepes.fr, pleased to meet you"),
        QStringLiteral("C: MAIL FROM: <alice@crepes.fr>"),
        QStringLiteral("S: 250 alice@crepes.fr... Sender ok"),
        QStringLiteral("C: RCPT TO: <bob@hamburger.edu>"),
        QStringLiteral("S: 250 bob@hamburger.edu ... Recipient ok"),
        QStringLiteral("C: DATA"),
        QStringLiteral("S: 354 Enter mail, end with \".\" on a line by itself"),
    };
    QVERIFY2(lines.size() > textbook.size(), qPrintable(lines.join('\n')));
    QCOMPARE(lines.mid(0, textbook.size()), textbook);
    const int dot = int(lines.indexOf(QStringLiteral("C: .")));
    QVERIFY(dot > 0);
    QCOMPARE(lines.at(dot - 2), QStringLiteral("C: Do you like ketchup?"));
    QCOMPARE(lines.at(dot - 1), QStringLiteral("C: How about pickles?"));
    const QStringList ending = {
        QStringLiteral("C: ."),
        QStringLiteral("S: 250 Message accepted for delivery"),
        QStringLiteral("C: QUIT"),
        QStringLiteral("S: 221 hamburger.edu closing connection"),
    };
    QCOMPARE(lines.mid(dot), ending);

    // Bob read it by POP3 and deleted it from the server.
    QVERIFY(inbox(*world, QStringLiteral("bob@hamburger.edu")).empty());
    const QStringList pop =
        dialogue(*world, QStringLiteral("bob-pc"), QStringLiteral("mail.hamburger.edu"));
    QVERIFY(pop.contains(QStringLiteral("S: +OK POP3 server ready")));
    QVERIFY(pop.contains(QStringLiteral("C: USER bob")) ||
            pop.contains(QStringLiteral("C: user bob")));
    QVERIFY(pop.contains(QStringLiteral("C: DELE 1")) || pop.contains(QStringLiteral("C: dele 1")));
    QVERIFY(pop.contains(QStringLiteral("C: Do you like ketchup?")) == false); // client side
    QVERIFY(pop.contains(QStringLiteral("S: Do you like ketchup?")));
}

void TestWorld::textbookGolden()
{
    auto world = play(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(world);
    QStringList actual;
    for (const TraceEvent &e : world->trace())
        actual << e.toText();
    QFile golden(QStringLiteral(CARTEIRO_TEST_DATA "/01-alice-to-bob.golden"));
    if (qEnvironmentVariableIsSet("CARTEIRO_UPDATE_GOLDEN")) {
        QVERIFY(golden.open(QIODevice::WriteOnly));
        golden.write(actual.join(QLatin1Char('\n')).toUtf8() + '\n');
        QSKIP("golden transcript rewritten");
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), "tests/data/01-alice-to-bob.golden is missing");
    const QStringList expected =
        QString::fromUtf8(golden.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 0; i < std::min(expected.size(), actual.size()); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    QCOMPARE(actual.size(), expected.size());
}

void TestWorld::receivedHeadersRetraceThePath()
{
    // Keep Bob's copy on the server by dropping the fetch step.
    QFile file(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray yaml = file.readAll();
    yaml.replace("mode: delete", "mode: keep");
    auto world = playText(yaml);
    QVERIFY(world);
    const auto &messages = inbox(*world, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(messages.size(), std::size_t(1));
    const QList<HeaderField> headers = rfc5322::parseHeaders(messages.front().raw);
    QCOMPARE(headers.at(0).first, QStringLiteral("Return-Path"));
    QCOMPARE(headers.at(0).second, QStringLiteral("<alice@crepes.fr>"));
    // Read bottom-up, the Received fields retrace the path (seed 002).
    QCOMPARE(headers.at(1).first, QStringLiteral("Received"));
    QVERIFY(headers.at(1).second.startsWith(
        QStringLiteral("from crepes.fr (mail.crepes.fr) by mail.hamburger.edu")));
    QCOMPARE(headers.at(2).first, QStringLiteral("Received"));
    QVERIFY(headers.at(2).second.startsWith(
        QStringLiteral("from alice-pc (alice-pc) by mail.crepes.fr")));
    QCOMPARE(rfc5322::headerValue(messages.front().raw, QStringLiteral("From")),
             QStringLiteral("Alice <alice@crepes.fr>"));
    QVERIFY(!rfc5322::headerValue(messages.front().raw, QStringLiteral("Message-ID")).isEmpty());
    QVERIFY(rfc5322::headerValue(messages.front().raw, QStringLiteral("Date"))
                .endsWith(QStringLiteral("+0000")));
}

void TestWorld::deterministicJsonl()
{
    for (const char *name :
         {"01-alice-to-bob.yaml", "05-mx-fallback.yaml", "08-several-recipients.yaml"}) {
        QStringList runs[2];
        for (QStringList &run : runs) {
            auto world = play(scenarioPath(name));
            QVERIFY(world);
            for (const TraceEvent &e : world->trace())
                run << e.toJson();
        }
        QVERIFY(!runs[0].isEmpty());
        QCOMPARE(runs[0], runs[1]);
    }
}

void TestWorld::recipientRejectedBounces()
{
    auto world = play(scenarioPath("02-recipient-rejected.yaml"));
    QVERIFY(world);
    const QStringList lines =
        dialogue(*world, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"));
    const auto rejected = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
        return l.startsWith(QStringLiteral("S: 550"));
    });
    QVERIFY2(rejected != lines.cend(), qPrintable(lines.join('\n')));
    QVERIFY(!lines.contains(QStringLiteral("C: DATA"))); // nothing to send the data to
    // No retry for a 5xx: one connection only.
    QCOMPARE(connectTimes(*world, QStringLiteral("mail.hamburger.edu")).size(), 1);

    const auto &alice = inbox(*world, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(alice.size(), std::size_t(1));
    const QByteArray &dsn = alice.front().raw;
    QCOMPARE(rfc5322::headerValue(dsn, QStringLiteral("Return-Path")), QStringLiteral("<>"));
    QCOMPARE(rfc5322::headerValue(dsn, QStringLiteral("From")),
             QStringLiteral("Mail Delivery Subsystem <MAILER-DAEMON@mail.crepes.fr>"));
    QVERIFY(rfc5322::headerValue(dsn, QStringLiteral("Content-Type"))
                .startsWith(QStringLiteral("multipart/report; report-type=delivery-status;")));
    QVERIFY(dsn.contains("Content-Type: message/delivery-status"));
    QVERIFY(dsn.contains("Reporting-MTA: dns; mail.crepes.fr"));
    QVERIFY(dsn.contains("Final-Recipient: rfc822; bobby@hamburger.edu"));
    QVERIFY(dsn.contains("Action: failed"));
    QVERIFY(dsn.contains("Status: 5."));
    QVERIFY(dsn.contains("Remote-MTA: dns; mail.hamburger.edu"));
    QVERIFY(dsn.contains("Diagnostic-Code: smtp; 550"));
    QVERIFY(dsn.contains("Content-Type: message/rfc822"));
    QVERIFY(dsn.contains("Subject: Are you there?")); // the original, attached
}

void TestWorld::retriesOnScheduleThenDelivers()
{
    auto world = play(scenarioPath("03-host-down-then-back.yaml"));
    QVERIFY(world);
    // Attempts at 0, 30m, 1h, 1h30m after queueing time out after 30 s; the one at 2h
    // connects one link delay later.
    const SimTime q = acceptedAt(*world, QStringLiteral("mail.crepes.fr"));
    QVERIFY(q >= 0);
    const QList<SimTime> expected = {q + 30 * kSecond, q + 30 * kMinute + 30 * kSecond,
                                     q + kHour + 30 * kSecond, q + 90 * kMinute + 30 * kSecond,
                                     q + 2 * kHour + 20};
    QCOMPARE(connectTimes(*world, QStringLiteral("mail.hamburger.edu")).mid(0, 5), expected);
    QCOMPARE(events(*world, TraceEvent::Type::Retry).size(), 4);
    QVERIFY(events(*world, TraceEvent::Type::Bounce).isEmpty());
    // Bob fetched it at 3h (delete mode): one message downloaded, server empty.
    bool downloaded = false;
    for (const TraceEvent &e : events(*world, TraceEvent::Type::Deliver))
        downloaded =
            downloaded || e.text.startsWith(QStringLiteral("1 message(s) for bob@hamburger.edu"));
    QVERIFY(downloaded);
}

void TestWorld::givesUpAfterFourDays()
{
    auto world = play(scenarioPath("04-host-down-gives-up.yaml"));
    QVERIFY(world);
    const QList<SimTime> attempts = connectTimes(*world, QStringLiteral("mail.hamburger.edu"));
    const SimTime q = acceptedAt(*world, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(attempts.size(), 4 * 48 + 1);
    for (int k = 0; k < attempts.size(); ++k)
        QCOMPARE(attempts.at(k), q + k * 30 * kMinute + 30 * kSecond);
    // The last attempt is exactly at the end of the 4 days; when it fails, the bounce goes.
    const auto bounces = events(*world, TraceEvent::Type::Bounce);
    QCOMPARE(bounces.size(), 1);
    QCOMPARE(bounces.first().time, q + 4 * kDay + 30 * kSecond);
    const auto &alice = inbox(*world, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(alice.size(), std::size_t(1));
    QVERIFY(alice.front().raw.contains("Final-Recipient: rfc822; bob@hamburger.edu"));
    QVERIFY(alice.front().raw.contains("Status: 4."));
    QVERIFY(world->mta(QStringLiteral("mail.crepes.fr"))->queue().entries().empty());
}

void TestWorld::mxFallbackToSecondary()
{
    auto world = play(scenarioPath("05-mx-fallback.yaml"));
    QVERIFY(world);
    // The DNS answer lists both MX hosts in preference order.
    const auto dns = events(*world, TraceEvent::Type::Dns);
    QVERIFY(!dns.isEmpty());
    QCOMPARE(dns.first().text,
             QStringLiteral("MX hamburger.edu? -> 10 mx1.hamburger.edu, 20 mx2.hamburger.edu"));
    // mx1 first (times out), then mx2 in the same attempt.
    const auto mx1 = connectTimes(*world, QStringLiteral("mx1.hamburger.edu"));
    const auto mx2 = connectTimes(*world, QStringLiteral("mx2.hamburger.edu"));
    QVERIFY(!mx1.isEmpty() && !mx2.isEmpty());
    QVERIFY(mx1.first() < mx2.first());
    QVERIFY(mx2.first() < kMinute);
    QVERIFY(dialogue(*world, QStringLiteral("mail.crepes.fr"), QStringLiteral("mx2.hamburger.edu"))
                .contains(QStringLiteral("S: 250 Message accepted for delivery")));
    // mx2 relays to mx1 (never to itself) once mx1 is back after 1h, on its 15 min schedule.
    const QStringList relay =
        dialogue(*world, QStringLiteral("mx2.hamburger.edu"), QStringLiteral("mx1.hamburger.edu"));
    QVERIFY(relay.contains(QStringLiteral("S: 250 Message accepted for delivery")));
    QVERIFY(
        dialogue(*world, QStringLiteral("mx2.hamburger.edu"), QStringLiteral("mx2.hamburger.edu"))
            .isEmpty());
    bool delivered = false;
    for (const TraceEvent &e : events(*world, TraceEvent::Type::Deliver))
        if (e.text.startsWith(QStringLiteral("delivered to bob@hamburger.edu"))) {
            delivered = true;
            QVERIFY(e.time >= kHour);
            QVERIFY(e.time < kHour + 16 * kMinute);
        }
    QVERIFY(delivered);
}

void TestWorld::severalRecipientsOneRejected()
{
    auto world = play(scenarioPath("08-several-recipients.yaml"));
    QVERIFY(world);
    const QStringList lines =
        dialogue(*world, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"));
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^C: MAIL FROM"))).size(), 1);
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^C: RCPT TO"))).size(), 3);
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^S: 250 .* Recipient ok"))).size(), 2);
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^S: 550"))).size(), 1);
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));
    QCOMPARE(inbox(*world, QStringLiteral("carol@hamburger.edu")).size(), std::size_t(1));
    const auto &alice = inbox(*world, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(alice.size(), std::size_t(1));
    QVERIFY(alice.front().raw.contains("Final-Recipient: rfc822; dvae@hamburger.edu"));
    QVERIFY(!alice.front().raw.contains("Final-Recipient: rfc822; bob@hamburger.edu"));
}

void TestWorld::pop3KeepThenDelete()
{
    auto world = play(scenarioPath("07-pop3-delete-or-keep.yaml"));
    QVERIFY(world);
    QStringList downloads;
    for (const TraceEvent &e : events(*world, TraceEvent::Type::Deliver))
        if (e.text.contains(QStringLiteral("downloaded")))
            downloads << e.text.section(QLatin1Char(' '), 0, 0);
    QCOMPARE(downloads, (QStringList{"2", "2", "0"}));
    QVERIFY(inbox(*world, QStringLiteral("bob@hamburger.edu")).empty());
}

void TestWorld::telnetSession()
{
    auto world = play(scenarioPath("06-telnet-session.yaml"));
    QVERIFY(world);
    const QStringList lines =
        dialogue(*world, QStringLiteral("lab-pc"), QStringLiteral("mail.crepes.fr"));
    auto replyTo = [&](const QString &command) {
        const int at = int(lines.indexOf(QStringLiteral("C: ") + command));
        return at >= 0 && at + 1 < lines.size() ? lines.at(at + 1) : QString();
    };
    QCOMPARE(lines.first(), QStringLiteral("S: 220 crepes.fr"));
    QVERIFY(replyTo(QStringLiteral("VRFY carol")).startsWith(QStringLiteral("S: 250")));
    QVERIFY(replyTo(QStringLiteral("VRFY carol")).contains(QStringLiteral("carol@crepes.fr")));
    QVERIFY(replyTo(QStringLiteral("VRFY nobody")).startsWith(QStringLiteral("S: 550")));
    QVERIFY(replyTo(QStringLiteral("EXPN staff@crepes.fr")).startsWith(QStringLiteral("S: 250-")));
    QVERIFY(lines.join('\n').contains(QStringLiteral("carol@crepes.fr")));
    QVERIFY(replyTo(QStringLiteral("TURN")).startsWith(QStringLiteral("S: 502")));
    QVERIFY(replyTo(QStringLiteral("RSET")).startsWith(QStringLiteral("S: 250")));
    QVERIFY(replyTo(QStringLiteral("SEND FROM: <alice@crepes.fr>"))
                .startsWith(QStringLiteral("S: 500")));
    QVERIFY(
        replyTo(QStringLiteral("RCPT TO: <carol@crepes.fr>")).startsWith(QStringLiteral("S: 503")));
    QCOMPARE(lines.last(), QStringLiteral("S: 221 crepes.fr closing connection"));
    QCOMPARE(inbox(*world, QStringLiteral("carol@crepes.fr")).size(), std::size_t(1));
}

void TestWorld::faultRefuseIsRetried()
{
    auto world = playText(
        twoDomains("  - fault: {kind: refuse, host: mail.hamburger.edu, for: 40m}\n" + kSendToBob));
    QVERIFY(world);
    bool refused = false;
    for (const TraceEvent &e : events(*world, TraceEvent::Type::Connect))
        refused = refused || e.text.contains(QStringLiteral("connection refused"));
    QVERIFY(refused);
    QCOMPARE(events(*world, TraceEvent::Type::Retry).size(), 2); // 0 and 30m refused
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));
}

void TestWorld::faultRejectTemporaryAndPermanent()
{
    auto temporary = playText(
        twoDomains("  - fault: {kind: reject, host: mail.hamburger.edu, stage: mail, code: 451, "
                   "text: \"Try later\", for: 10m}\n" +
                   kSendToBob));
    QVERIFY(temporary);
    QVERIFY(
        dialogue(*temporary, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"))
            .contains(QStringLiteral("S: 451 Try later")));
    QCOMPARE(events(*temporary, TraceEvent::Type::Retry).size(), 1);
    QCOMPARE(inbox(*temporary, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));

    auto permanent = playText(twoDomains(
        "  - fault: {kind: reject, host: mail.hamburger.edu, recipient: bob@hamburger.edu, "
        "code: 554, text: \"No thanks\"}\n" +
        kSendToBob));
    QVERIFY(permanent);
    QVERIFY(events(*permanent, TraceEvent::Type::Retry).isEmpty());
    QCOMPARE(events(*permanent, TraceEvent::Type::Bounce).size(), 1);
    QCOMPARE(inbox(*permanent, QStringLiteral("alice@crepes.fr")).size(), std::size_t(1));
}

void TestWorld::faultRejectAtGreeting()
{
    // 421 instead of 220: the server is busy; the sender tries again on schedule.
    auto busy = playText(
        twoDomains("  - fault: {kind: reject, host: mail.hamburger.edu, stage: connect, code: 421, "
                   "text: \"hamburger.edu busy, try later\", for: 10m}\n" +
                   kSendToBob));
    QVERIFY(busy);
    const QStringList lines =
        dialogue(*busy, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"));
    QCOMPARE(lines.first(), QStringLiteral("S: 421 hamburger.edu busy, try later"));
    QCOMPARE(events(*busy, TraceEvent::Type::Retry).size(), 1);
    QCOMPARE(inbox(*busy, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));

    // 554 instead of 220: no mail from anyone; a permanent failure, bounced at once.
    auto closed = playText(twoDomains(
        "  - fault: {kind: reject, host: mail.hamburger.edu, stage: connect, code: 554}\n" +
        kSendToBob));
    QVERIFY(closed);
    QVERIFY(
        dialogue(*closed, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"))
            .first()
            .startsWith(QStringLiteral("S: 554")));
    QVERIFY(events(*closed, TraceEvent::Type::Retry).isEmpty());
    QCOMPARE(events(*closed, TraceEvent::Type::Bounce).size(), 1);
}

void TestWorld::faultNoMxBounces()
{
    auto world =
        playText(twoDomains("  - fault: {kind: no-mx, domain: hamburger.edu}\n" + kSendToBob));
    QVERIFY(world);
    QVERIFY(
        events(*world, TraceEvent::Type::Dns).first().text.contains(QStringLiteral("NXDOMAIN")));
    QCOMPARE(events(*world, TraceEvent::Type::Bounce).size(), 1);
    QVERIFY(connectTimes(*world, QStringLiteral("mail.hamburger.edu")).isEmpty());
}

void TestWorld::faultDnsFailRetries()
{
    auto world = playText(
        twoDomains("  - fault: {kind: dns-fail, domain: hamburger.edu, for: 45m}\n" + kSendToBob));
    QVERIFY(world);
    QVERIFY(
        events(*world, TraceEvent::Type::Dns).first().text.contains(QStringLiteral("SERVFAIL")));
    QCOMPARE(events(*world, TraceEvent::Type::Retry).size(), 2);
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));
}

void TestWorld::faultMailboxFull()
{
    auto world = playText(twoDomains(
        "  - fault: {kind: mailbox-full, user: bob@hamburger.edu, for: 20m}\n" + kSendToBob));
    QVERIFY(world);
    const QStringList lines =
        dialogue(*world, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"));
    QVERIFY(!lines.filter(QRegularExpression(QStringLiteral("^S: 452"))).isEmpty());
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));

    auto full = playText(
        twoDomains("  - fault: {kind: mailbox-full, user: bob@hamburger.edu, permanent: true}\n" +
                   kSendToBob));
    QVERIFY(full);
    QVERIFY(!dialogue(*full, QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu"))
                 .filter(QRegularExpression(QStringLiteral("^S: 552")))
                 .isEmpty());
    QCOMPARE(events(*full, TraceEvent::Type::Bounce).size(), 1);
}

void TestWorld::faultSlowAddsLatency()
{
    auto world = playText(twoDomains(
        "  - fault: {kind: slow, host: mail.hamburger.edu, latency: 500ms}\n" + kSendToBob));
    QVERIFY(world);
    for (const TraceEvent &e : world->trace())
        if (e.type == TraceEvent::Type::Line && e.server == QLatin1String("mail.hamburger.edu")) {
            QCOMPARE(e.arrival - e.time, SimTime(520));
            return;
        }
    QFAIL("no line to mail.hamburger.edu");
}

void TestWorld::faultDropCutsMidData()
{
    auto world = playText(
        twoDomains("  - fault: {kind: drop, host: mail.hamburger.edu, for: 10m}\n" + kSendToBob));
    QVERIFY(world);
    bool cut = false;
    for (const TraceEvent &e : events(*world, TraceEvent::Type::Close))
        cut = cut || e.text.contains(QStringLiteral("drop fault at data"));
    QVERIFY(cut);
    QCOMPARE(events(*world, TraceEvent::Type::Retry).size(), 1);
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));
}

void TestWorld::bounceIsNeverBounced()
{
    // Bob's machine relays through mail.crepes.fr to a wrong address at his own domain; the
    // bounce to him is refused in turn, and is dropped rather than bounced again.
    QByteArray yaml = twoDomains(
        "  - fault: {kind: reject, host: mail.hamburger.edu, recipient: bob@hamburger.edu, code: "
        "550}\n"
        "  - send: {from: bob@hamburger.edu, to: [carol@hamburger.edu], subject: x, body: y}\n");
    yaml.replace("  alice-pc:", "  bob-pc: {role: client, user: bob@hamburger.edu, submit_to: "
                                "mail.crepes.fr}\n  alice-pc:");
    auto world = playText(yaml);
    QVERIFY(world);
    const auto bounces = events(*world, TraceEvent::Type::Bounce);
    QCOMPARE(bounces.size(), 2);
    QVERIFY(bounces.last().text.contains(QStringLiteral("null sender: discarded")));
}

void TestWorld::modernStyleAuthenticatesOnSubmission()
{
    auto world = playText(twoDomains(kSendToBob, {}, "{latency: 20ms, style: modern}"));
    QVERIFY(world);
    const QStringList submit =
        dialogue(*world, QStringLiteral("alice-pc"), QStringLiteral("mail.crepes.fr"));
    QVERIFY(submit.first().startsWith(QStringLiteral("S: 220 crepes.fr ESMTP")));
    QVERIFY(!submit.filter(QRegularExpression(QStringLiteral("^C: AUTH PLAIN "))).isEmpty());
    QVERIFY(!submit.filter(QRegularExpression(QStringLiteral("^S: 235"))).isEmpty());
    QVERIFY(!submit
                 .filter(QRegularExpression(
                     QStringLiteral("^S: 250-ENHANCEDSTATUSCODES|^S: 250 ENHANCEDSTATUSCODES")))
                 .isEmpty());
    QCOMPARE(inbox(*world, QStringLiteral("bob@hamburger.edu")).size(), std::size_t(1));
    const QString received =
        rfc5322::parseHeaders(inbox(*world, QStringLiteral("bob@hamburger.edu")).front().raw)
            .at(2)
            .second;
    QVERIFY2(received.contains(QStringLiteral("with ESMTPA")), qPrintable(received));
}

void TestWorld::droppedMidRunWithoutHarm()
{
    // A world left in the middle of a POP3 session (stepping back rebuilds worlds) goes away
    // cleanly, sessions before the mailboxes they lock.
    ScenarioLoadResult loaded = ScenarioLoader::loadFile(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(loaded.ok());
    World whole(loaded.scenario);
    whole.run();
    const std::size_t total = whole.trace().size();
    for (std::size_t stop = 1; stop < total; stop += 3) {
        World world(loaded.scenario);
        world.runUntilTraceSize(stop);
        QVERIFY(world.trace().size() >= stop);
        QCOMPARE(world.trace().at(stop - 1).toJson(), whole.trace().at(stop - 1).toJson());
    }
}

void TestWorld::htmlBodyTravelsAsAlternative()
{
    auto world =
        playText(twoDomains("  - send: {from: alice@crepes.fr, to: [bob@hamburger.edu], subject: "
                            "\"Promo\u00e7\u00e3o\",\n"
                            "           body: \"Ol\u00e1, Bob\\n\", html: \"<p>Ol\u00e1</p>\"}\n"));
    QVERIFY(world);
    const auto &bob = inbox(*world, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(bob.size(), std::size_t(1));
    const QByteArray &raw = bob.front().raw;
    QVERIFY(rfc5322::headerValue(raw, QStringLiteral("Content-Type"))
                .startsWith(QStringLiteral("multipart/alternative;")));
    QVERIFY(raw.contains("Content-Type: text/html; charset=UTF-8"));
    // Every byte that crossed SMTP was 7-bit: the accents went as encoded words and QP.
    for (char c : raw)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    QVERIFY(raw.contains("Subject: =?UTF-8?B?"));
}

void TestWorld::imapTwoDevicesShareTheMailbox()
{
    auto world = play(scenarioPath("09-imap-two-devices.yaml"));
    QVERIFY(world);
    // The phone read it (BODY[]), the laptop peeked later and saw the \Seen flag it left.
    const QStringList phone =
        dialogue(*world, QStringLiteral("bob-phone"), QStringLiteral("mail.hamburger.edu"));
    const QStringList laptop =
        dialogue(*world, QStringLiteral("bob-laptop"), QStringLiteral("mail.hamburger.edu"));
    QVERIFY(phone.first().startsWith(QStringLiteral("S: * OK")));
    QVERIFY(phone.contains(QStringLiteral("C: a003 FETCH 1:* (UID FLAGS BODY[])")));
    QVERIFY(laptop.contains(QStringLiteral("C: a003 FETCH 1:* (UID FLAGS BODY.PEEK[])")));
    QVERIFY(!laptop.filter(QStringLiteral("S: * 1 FETCH (UID 1 FLAGS (\\Seen) ")).isEmpty());
    // Unlike POP3 with delete, the message stays on the server: flagged, then moved by the
    // laptop's folder work into Receitas, where it keeps its flags.
    QVERIFY(inbox(*world, QStringLiteral("bob@hamburger.edu")).empty());
    const MailAccount *account = world->homeOf(QStringLiteral("bob@hamburger.edu"))
                                     ->mailboxes()
                                     .account(QStringLiteral("bob@hamburger.edu"));
    QVERIFY(account->folders.contains(QStringLiteral("Receitas")));
    const auto &moved = account->folders.value(QStringLiteral("Receitas")).messages;
    QCOMPARE(moved.size(), std::size_t(1));
    QVERIFY(moved.front().flags.contains(QStringLiteral("\\Seen")));
    QVERIFY(moved.front().flags.contains(QStringLiteral("\\Flagged")));
    QVERIFY(laptop.contains(QStringLiteral("C: a005 COPY 1 Receitas")));
}

void TestWorld::classicServersClearTheEighthBit()
{
    auto world = play(scenarioPath("12-accented-subject.yaml"));
    QVERIFY(world);
    const auto &bob = inbox(*world, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(bob.size(), std::size_t(2));
    // MIME-encoded: the accents survive as =C3=A1 and decode back.
    QVERIFY(bob.front().raw.contains("Ol=C3=A1, Bob!"));
    // Raw 8-bit through RFC 821 servers: 0xC3 0xA1 ("á") lost their high bits.
    const QByteArray &mangled = bob.back().raw;
    QVERIFY(mangled.contains("Content-Transfer-Encoding: 8bit"));
    QVERIFY2(mangled.contains("OlC!, Bob!"), mangled.constData());
    for (char c : mangled)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
}

QTEST_GUILESS_MAIN(TestWorld)
#include "tst_world.moc"
