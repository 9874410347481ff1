#include "core/mailbox/mailboxstore.h"
#include "core/pop3/pop3serversession.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

const QString kAna = QStringLiteral("ana@hamburger.edu");
const QString kBob = QStringLiteral("bob@hamburger.edu");
const QString kCarol = QStringLiteral("carol@hamburger.edu");

// Ana's maildrop: 18 + 28 = 46 octets; the second message has a line that needs stuffing.
const QByteArray kAnaFirst = "Subject: a\r\n\r\nHi\r\n";
const QByteArray kAnaSecond = "Subject: b\r\n\r\n.hidden\r\nbye\r\n";
// Bob's one message was stored with bare LF: on the wire, and in LIST, it is 20 octets.
const QByteArray kBobOnly = "Subject: c\n\nbody\n";

// Lines joined, each ending in CRLF, as they go on the wire.
QByteArray wire(const QByteArrayList &lines)
{
    QByteArray bytes;
    for (const QByteArray &line : lines)
        bytes += line + "\r\n";
    return bytes;
}

void fillStore(MailboxStore &store)
{
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    store.addAccount(kBob, QStringLiteral("Bob"), QStringLiteral("hungry"));
    store.addAccount(kCarol, QStringLiteral("Carol"), QStringLiteral("open sesame"));
    // A UIDVALIDITY other than 1, so the test sees it is part of the unique id.
    store.account(kAna)->folders[QStringLiteral("INBOX")].uidValidity = 7;
    store.deliver(kAna, kAnaFirst, 100);
    store.deliver(kAna, kAnaSecond, 200);
    store.deliver(kBob, kBobOnly, 300);
}

Pop3ServerConfig testConfig(int errorLimit = 20)
{
    Pop3ServerConfig config;
    config.hostname = QStringLiteral("pop.hamburger.edu");
    config.localDomains = {QStringLiteral("hamburger.edu"), QStringLiteral("burger.edu")};
    config.hardErrorLimit = errorLimit;
    return config;
}

QList<quint32> inboxUids(const MailboxStore &store, const QString &address)
{
    QList<quint32> uids;
    for (const StoredMessage &message :
         store.account(address)->folders.value(QStringLiteral("INBOX")).messages)
        uids.append(message.uid);
    return uids;
}

enum class Feed { Whole, ByLine, ByByte };

struct Outcome
{
    QByteArray output;
    bool closing = false;
    Pop3ServerSession::State state = Pop3ServerSession::State::Authorization;
    QList<quint32> remaining; // Ana's UIDs once the session object is gone
    bool lockFreeAfter = false;
};

Outcome runSession(const QByteArray &input, Feed feed, int errorLimit, bool preLocked)
{
    MailboxStore store;
    fillStore(store);
    if (preLocked)
        store.lock(kAna);
    Outcome outcome;
    {
        Pop3ServerSession session(testConfig(errorLimit), &store);
        outcome.output = session.open();
        switch (feed) {
        case Feed::Whole:
            outcome.output += session.receive(input);
            break;
        case Feed::ByLine:
            for (qsizetype start = 0; start < input.size();) {
                qsizetype end = input.indexOf('\n', start);
                end = end < 0 ? input.size() : end + 1;
                outcome.output += session.receive(input.mid(start, end - start));
                start = end;
            }
            break;
        case Feed::ByByte:
            for (char byte : input)
                outcome.output += session.receive(QByteArray(1, byte));
            break;
        }
        outcome.closing = session.closing();
        outcome.state = session.state();
    } // the connection goes away here, QUIT or not
    outcome.remaining = inboxUids(store, kAna);
    outcome.lockFreeAfter = store.lock(kAna);
    return outcome;
}

const QByteArray kGreeting = "+OK POP3 server ready";
const QByteArray kLoggedOn = "+OK user successfully logged on";
const QByteArray kSigningOff = "+OK POP3 server signing off";
const QByteArray kAuthFailed = "-ERR [AUTH] invalid user name or password";

} // namespace

class TestPop3Server : public QObject
{
    Q_OBJECT

private slots:
    void dialogue_data();
    void dialogue();

    void updateOnlyOnQuit();
    void lostConnectionKeepsMarkedMessages();
    void lockReleasedWhenSessionCloses();
    void snapshotTakenAtPass();
    void uidlStableAcrossSessions();
    void nothingAfterClose();
};

void TestPop3Server::dialogue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // after the greeting
    QTest::addColumn<QList<quint32>>("remaining");
    QTest::addColumn<bool>("closing");
    QTest::addColumn<int>("errorLimit");
    QTest::addColumn<bool>("preLocked");

    const QList<quint32> both{1, 2};
    const QList<quint32> none;
    const QByteArray login = wire({"USER ana", "PASS faminta"});
    const QByteArray loggedIn = wire({"+OK", kLoggedOn});

    // --- the course notes' dialogue (seed 000), lower case, download and delete ---
    QTest::newRow("textbook dialogue") << wire({"user ana", "pass faminta", "list", "retr 1",
                                                "dele 1", "retr 2", "dele 2", "quit"})
                                       << wire({"+OK",
                                                kLoggedOn,
                                                "+OK 2 messages (46 octets)",
                                                "1 18",
                                                "2 28",
                                                ".",
                                                "+OK 18 octets",
                                                "Subject: a",
                                                "",
                                                "Hi",
                                                ".",
                                                "+OK message 1 deleted",
                                                "+OK 28 octets",
                                                "Subject: b",
                                                "",
                                                "..hidden",
                                                "bye",
                                                ".",
                                                "+OK message 2 deleted",
                                                kSigningOff})
                                       << none << true << 20 << false;

    // --- AUTHORIZATION ---
    QTest::newRow("user with domain")
        << wire({"USER ana@hamburger.edu", "PASS faminta", "STAT", "QUIT"})
        << wire({"+OK", kLoggedOn, "+OK 2 46", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("user in upper case")
        << wire({"USER ANA", "PASS faminta", "QUIT"}) << wire({"+OK", kLoggedOn, kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("user in another local domain is another mailbox")
        << wire({"USER ana@burger.edu", "PASS faminta", "QUIT"})
        << wire({"+OK", kAuthFailed, kSigningOff}) << both << true << 20 << false;
    QTest::newRow("mixed case keywords")
        << wire({"uSeR ana", "Pass faminta", "sTaT", "qUIT"})
        << wire({"+OK", kLoggedOn, "+OK 2 46", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("bare LF line ends")
        << QByteArray("USER ana\nPASS faminta\nSTAT\nQUIT\n")
        << wire({"+OK", kLoggedOn, "+OK 2 46", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("bad password") << wire({"USER ana", "PASS famished", "STAT", "QUIT"})
                                  << wire({"+OK", kAuthFailed,
                                           "-ERR STAT not valid in AUTHORIZATION state",
                                           kSigningOff})
                                  << both << true << 20 << false;
    QTest::newRow("unknown user gets the same answer")
        << wire({"USER zed", "PASS faminta", "QUIT"}) << wire({"+OK", kAuthFailed, kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("pass without user")
        << wire({"PASS faminta", "QUIT"}) << wire({"-ERR send USER first", kSigningOff}) << both
        << true << 20 << false;
    QTest::newRow("pass again after a failure needs user again")
        << wire({"USER ana", "PASS wrong", "PASS faminta", "USER ana", "PASS faminta", "QUIT"})
        << wire({"+OK", kAuthFailed, "-ERR send USER first", "+OK", kLoggedOn, kSigningOff}) << both
        << true << 20 << false;
    QTest::newRow("second user replaces the first")
        << wire({"USER zed", "USER ana", "PASS faminta", "QUIT"})
        << wire({"+OK", "+OK", kLoggedOn, kSigningOff}) << both << true << 20 << false;
    QTest::newRow("password with spaces")
        << wire({"USER carol", "PASS open sesame", "STAT", "LIST", "QUIT"})
        << wire({"+OK", kLoggedOn, "+OK 0 0", "+OK 0 messages (0 octets)", ".", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("transaction commands in AUTHORIZATION")
        << wire({"STAT", "LIST", "LIST 1", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 0", "UIDL",
                 "QUIT"})
        << wire({"-ERR STAT not valid in AUTHORIZATION state",
                 "-ERR LIST not valid in AUTHORIZATION state",
                 "-ERR LIST not valid in AUTHORIZATION state",
                 "-ERR RETR not valid in AUTHORIZATION state",
                 "-ERR DELE not valid in AUTHORIZATION state",
                 "-ERR NOOP not valid in AUTHORIZATION state",
                 "-ERR RSET not valid in AUTHORIZATION state",
                 "-ERR TOP not valid in AUTHORIZATION state",
                 "-ERR UIDL not valid in AUTHORIZATION state", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("capa in AUTHORIZATION")
        << wire({"CAPA"})
        << wire({"+OK Capability list follows", "USER", "TOP", "UIDL", "RESP-CODES",
                 "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION Carteiro", "."})
        << both << false << 20 << false;
    QTest::newRow("quit in AUTHORIZATION")
        << wire({"QUIT"}) << wire({kSigningOff}) << both << true << 20 << false;
    QTest::newRow("locked maildrop")
        << wire({"USER ana", "PASS faminta", "STAT", "QUIT"})
        << wire({"+OK", "-ERR [IN-USE] maildrop already locked",
                 "-ERR STAT not valid in AUTHORIZATION state", kSigningOff})
        << both << true << 20 << true;

    // --- TRANSACTION ---
    QTest::newRow("user and pass in TRANSACTION")
        << login + wire({"USER ana", "PASS faminta", "QUIT"})
        << loggedIn + wire({"-ERR USER not valid in TRANSACTION state",
                            "-ERR PASS not valid in TRANSACTION state", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("capa in TRANSACTION")
        << login + wire({"CAPA"})
        << loggedIn + wire({"+OK Capability list follows", "USER", "TOP", "UIDL", "RESP-CODES",
                            "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION Carteiro", "."})
        << both << false << 20 << false;
    QTest::newRow("stat and noop")
        << login + wire({"STAT", "NOOP", "QUIT"})
        << loggedIn + wire({"+OK 2 46", "+OK", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("list one message")
        << login + wire({"LIST 2", "LIST  1 ", "QUIT"})
        << loggedIn + wire({"+OK 2 28", "+OK 1 18", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("no such message")
        << login + wire({"LIST 3", "LIST 0", "RETR 3", "DELE 9", "TOP 3 1", "UIDL 4", "QUIT"})
        << loggedIn + wire({"-ERR no such message, only 2 messages in maildrop",
                            "-ERR no such message, only 2 messages in maildrop",
                            "-ERR no such message, only 2 messages in maildrop",
                            "-ERR no such message, only 2 messages in maildrop",
                            "-ERR no such message, only 2 messages in maildrop",
                            "-ERR no such message, only 2 messages in maildrop", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("bad message number syntax")
        << login + wire({"RETR", "RETR one", "RETR -1", "RETR 1 2", "DELE 99999999999", "TOP 1",
                         "TOP 1 x", "QUIT"})
        << loggedIn + wire({"-ERR missing argument", "-ERR invalid number", "-ERR invalid number",
                            "-ERR too many arguments", "-ERR invalid number",
                            "-ERR missing argument", "-ERR invalid number", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("retr is byte-stuffed")
        << login + wire({"RETR 2", "QUIT"})
        << loggedIn + wire({"+OK 28 octets", "Subject: b", "", "..hidden", "bye", ".", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("size counts CRLF of a bare-LF message")
        << wire({"USER bob", "PASS hungry", "STAT", "LIST", "RETR 1", "QUIT"})
        << wire({"+OK", kLoggedOn, "+OK 1 20", "+OK 1 messages (20 octets)", "1 20", ".",
                 "+OK 20 octets", "Subject: c", "", "body", ".", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("deleted message")
        << login + wire({"DELE 1", "DELE 1", "RETR 1", "LIST 1", "TOP 1 0", "UIDL 1", "STAT",
                         "LIST", "QUIT"})
        << loggedIn + wire({"+OK message 1 deleted", "-ERR message 1 already deleted",
                            "-ERR message 1 already deleted", "-ERR message 1 already deleted",
                            "-ERR message 1 already deleted", "-ERR message 1 already deleted",
                            "+OK 1 28", "+OK 1 messages (28 octets)", "2 28", ".", kSigningOff})
        << QList<quint32>{2} << true << 20 << false;
    QTest::newRow("rset unmarks")
        << login + wire({"DELE 1", "DELE 2", "STAT", "RSET", "STAT", "RETR 1", "QUIT"})
        << loggedIn + wire({"+OK message 1 deleted", "+OK message 2 deleted", "+OK 0 0",
                            "+OK maildrop has 2 messages (46 octets)", "+OK 2 46", "+OK 18 octets",
                            "Subject: a", "", "Hi", ".", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("lost connection keeps marked messages")
        << login + wire({"DELE 1", "DELE 2"})
        << loggedIn + wire({"+OK message 1 deleted", "+OK message 2 deleted"}) << both << false
        << 20 << false;
    QTest::newRow("top") << login + wire({"TOP 2 0", "TOP 2 1", "TOP 2 10", "QUIT"})
                         << loggedIn + wire({"+OK top of message follows", "Subject: b", "", ".",
                                             "+OK top of message follows", "Subject: b", "",
                                             "..hidden", ".", "+OK top of message follows",
                                             "Subject: b", "", "..hidden", "bye", ".", kSigningOff})
                         << both << true << 20 << false;
    QTest::newRow("uidl") << login + wire({"UIDL", "UIDL 2", "DELE 1", "UIDL", "QUIT"})
                          << loggedIn +
                                 wire({"+OK unique-id listing follows", "1 7.1", "2 7.2", ".",
                                       "+OK 2 7.2", "+OK message 1 deleted",
                                       "+OK unique-id listing follows", "2 7.2", ".", kSigningOff})
                          << QList<quint32>{2} << true << 20 << false;
    QTest::newRow("commands after quit are ignored")
        << login + wire({"QUIT", "STAT", "DELE 1"}) << loggedIn + wire({kSigningOff}) << both
        << true << 20 << false;

    // --- the parser's errors ---
    QTest::newRow("unknown command")
        << wire({"HELO there", "APOP ana c4c9334bac560ecc979e58001b3e22fb", "STATS", "ST", "QUIT"})
        << wire({"-ERR unknown command", "-ERR unknown command", "-ERR unknown command",
                 "-ERR unknown command", kSigningOff})
        << both << true << 20 << false;
    QTest::newRow("empty line") << wire({"", "   ", "QUIT"})
                                << wire({"-ERR empty command", "-ERR empty command", kSigningOff})
                                << both << true << 20 << false;
    QTest::newRow("arguments where none are taken")
        << login + wire({"NOOP now", "STAT 1", "QUIT please"})
        << loggedIn + wire({"-ERR too many arguments", "-ERR too many arguments",
                            "-ERR too many arguments"})
        << both << false << 20 << false;
    QTest::newRow("argument longer than 40 characters")
        << wire({"USER " + QByteArray(41, 'a'), "USER " + QByteArray(40, 'a'), "QUIT"})
        << wire({"-ERR argument too long", "+OK", kSigningOff}) << both << true << 20 << false;
    QTest::newRow("command line longer than 255 octets")
        << wire({"NOOP" + QByteArray(250, ' '), "QUIT" + QByteArray(249, ' ')})
        << wire({"-ERR command line too long", kSigningOff}) << both << true << 20 << false;

    // --- too many errors ---
    QTest::newRow("too many errors")
        << wire({"FOO", "BAR", "BAZ", "QUIT"})
        << wire({"-ERR unknown command", "-ERR unknown command", "-ERR too many errors"}) << both
        << true << 3 << false;
    QTest::newRow("too many errors in TRANSACTION keeps marked messages")
        << login + wire({"DELE 1", "RETR 9", "RETR 9", "QUIT"})
        << loggedIn + wire({"+OK message 1 deleted",
                            "-ERR no such message, only 2 messages in "
                            "maildrop",
                            "-ERR too many errors"})
        << both << true << 2 << false;
}

void TestPop3Server::dialogue()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QList<quint32>, remaining);
    QFETCH(bool, closing);
    QFETCH(int, errorLimit);
    QFETCH(bool, preLocked);

    const QByteArray full = kGreeting + "\r\n" + expected;
    for (Feed feed : {Feed::Whole, Feed::ByLine, Feed::ByByte}) {
        const Outcome outcome = runSession(input, feed, errorLimit, preLocked);
        // Compare line lists first: a mismatch then prints the lines, not one long blob.
        QCOMPARE(outcome.output.split('\n'), full.split('\n'));
        QCOMPARE(outcome.output, full);
        QCOMPARE(outcome.closing, closing);
        QCOMPARE(outcome.remaining, remaining);
        // Our session's lock is gone with it; another holder's lock is left alone.
        QCOMPARE(outcome.lockFreeAfter, !preLocked);
    }
}

void TestPop3Server::updateOnlyOnQuit()
{
    MailboxStore store;
    fillStore(store);
    Pop3ServerSession session(testConfig(), &store);
    session.open();
    QCOMPARE(session.state(), Pop3ServerSession::State::Authorization);
    session.receive(wire({"USER ana", "PASS faminta"}));
    QCOMPARE(session.state(), Pop3ServerSession::State::Transaction);
    QCOMPARE(session.receive(wire({"DELE 2"})), wire({"+OK message 2 deleted"}));
    // Only marked: the store still holds both until UPDATE.
    QCOMPARE(inboxUids(store, kAna), (QList<quint32>{1, 2}));
    QVERIFY(!store.lock(kAna));
    QCOMPARE(session.receive(wire({"QUIT"})), wire({kSigningOff}));
    QCOMPARE(session.state(), Pop3ServerSession::State::Closed);
    QVERIFY(session.closing());
    QCOMPARE(inboxUids(store, kAna), QList<quint32>{1});
}

void TestPop3Server::lostConnectionKeepsMarkedMessages()
{
    MailboxStore store;
    fillStore(store);
    {
        Pop3ServerSession session(testConfig(), &store);
        session.open();
        session.receive(wire({"USER ana", "PASS faminta", "DELE 1", "DELE 2"}));
        QVERIFY(!session.closing());
        QVERIFY(!store.lock(kAna));
    }
    // RFC 1939 section 6: no QUIT, no UPDATE.
    QCOMPARE(inboxUids(store, kAna), (QList<quint32>{1, 2}));
    QVERIFY(store.lock(kAna));
}

void TestPop3Server::lockReleasedWhenSessionCloses()
{
    MailboxStore store;
    fillStore(store);
    Pop3ServerSession first(testConfig(), &store);
    first.open();
    first.receive(wire({"USER ana", "PASS faminta"}));

    // A second session on the same maildrop is refused while the first holds it.
    Pop3ServerSession second(testConfig(), &store);
    second.open();
    QCOMPARE(second.receive(wire({"USER ana", "PASS faminta"})),
             wire({"+OK", "-ERR [IN-USE] maildrop already locked"}));
    QCOMPARE(second.state(), Pop3ServerSession::State::Authorization);

    // QUIT gives the lock back at once, before the session object goes away.
    first.receive(wire({"QUIT"}));
    QCOMPARE(second.receive(wire({"USER ana", "PASS faminta", "STAT"})),
             wire({"+OK", kLoggedOn, "+OK 2 46"}));

    // So does closing for too many errors.
    Pop3ServerSession third(testConfig(1), &store);
    third.open();
    third.receive(wire({"USER bob", "PASS hungry", "RETR 7"}));
    QVERIFY(third.closing());
    QVERIFY(store.lock(kBob));
}

void TestPop3Server::snapshotTakenAtPass()
{
    MailboxStore store;
    fillStore(store);
    Pop3ServerSession session(testConfig(), &store);
    session.open();
    session.receive(wire({"USER ana", "PASS faminta"}));
    store.deliver(kAna, "Subject: late\r\n\r\nlate\r\n", 500);
    QCOMPARE(session.receive(wire({"STAT", "RETR 3", "DELE 1", "DELE 2", "QUIT"})),
             wire({"+OK 2 46", "-ERR no such message, only 2 messages in maildrop",
                   "+OK message 1 deleted", "+OK message 2 deleted", kSigningOff}));
    // The late message was never seen, so it was not deleted.
    QCOMPARE(inboxUids(store, kAna), QList<quint32>{3});
}

void TestPop3Server::uidlStableAcrossSessions()
{
    MailboxStore store;
    fillStore(store);
    {
        Pop3ServerSession session(testConfig(), &store);
        session.open();
        QCOMPARE(session.receive(wire({"USER ana", "PASS faminta", "UIDL", "DELE 1", "QUIT"})),
                 wire({"+OK", kLoggedOn, "+OK unique-id listing follows", "1 7.1", "2 7.2", ".",
                       "+OK message 1 deleted", kSigningOff}));
    }
    store.deliver(kAna, "Subject: new\r\n\r\nnew\r\n", 500);
    Pop3ServerSession session(testConfig(), &store);
    session.open();
    // The message numbers moved up; the unique ids did not.
    QCOMPARE(session.receive(wire({"USER ana", "PASS faminta", "UIDL", "UIDL 1"})),
             wire({"+OK", kLoggedOn, "+OK unique-id listing follows", "1 7.2", "2 7.3", ".",
                   "+OK 1 7.2"}));
}

void TestPop3Server::nothingAfterClose()
{
    MailboxStore store;
    fillStore(store);
    Pop3ServerSession session(testConfig(), &store);
    QCOMPARE(session.open(), wire({kGreeting}));
    QCOMPARE(session.receive(wire({"QUIT"})), wire({kSigningOff}));
    QVERIFY(session.closing());
    QCOMPARE(session.receive(wire({"USER ana", "PASS faminta"})), QByteArray());
    QCOMPARE(session.state(), Pop3ServerSession::State::Closed);
}

QTEST_GUILESS_MAIN(TestPop3Server)
#include "tst_pop3server.moc"
