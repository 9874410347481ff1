#include "core/imap/imapclientsession.h"
#include "core/imap/imapserversession.h"
#include "core/mailbox/mailboxstore.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

const QString kAna = QStringLiteral("ana@hamburger.edu");
const QString kInbox = QStringLiteral("INBOX");

const QByteArray kFirst = "From: bob@hamburger.edu\r\nSubject: a\r\n\r\nHi Ana\r\n";
// A body that looks like protocol: a tagged line, a literal marker, a lone dot, parentheses.
const QByteArray kTricky = "Subject: tricky\r\n\r\na001 OK LOGOUT completed\r\n{5}\r\n.\r\n)(\r\n";
// Stored with bare LF: the client receives it with CRLF.
const QByteArray kBareLf = "Subject: lf\n\nline\n";

ImapServerConfig serverConfig()
{
    ImapServerConfig config;
    config.hostname = QStringLiteral("imap.hamburger.edu");
    config.localDomains = {QStringLiteral("hamburger.edu")};
    return config;
}

void fillStore(MailboxStore &store)
{
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    store.deliver(kAna, kFirst, 100);
    store.append(kAna, kInbox, kTricky, {QStringLiteral("\\Flagged")}, 200);
    store.deliver(kAna, kBareLf, 300);
}

QStringList flagsOf(const MailboxStore &store, quint32 uid)
{
    for (const StoredMessage &message : store.account(kAna)->folders.value(kInbox).messages) {
        if (message.uid == uid)
            return message.flags;
    }
    return {};
}

// Counts the callbacks and keeps the last result.
struct Report
{
    int calls = 0;
    ImapClientSession::Result result;

    ImapClientSession::Finished callback()
    {
        return [this](const ImapClientSession::Result &r) {
            ++calls;
            result = r;
        };
    }
};

// Passes bytes both ways until neither side has anything to say, as the network would.
// Returns the command lines the client sent. With `byByte` every byte crosses on its own.
// Stops early, leaving the rest undelivered, once the client has sent `stopAfter`.
QByteArrayList pump(LineSession &client, LineSession &server, bool byByte,
                    const QByteArray &stopAfter = {})
{
    auto deliver = [byByte](LineSession &to, const QByteArray &bytes) {
        if (!byByte)
            return to.receive(bytes);
        QByteArray out;
        for (char byte : bytes)
            out += to.receive(QByteArray(1, byte));
        return out;
    };
    QByteArrayList sent;
    QByteArray toClient = server.open();
    QByteArray toServer = client.open();
    for (int round = 0; round < 1000 && (!toClient.isEmpty() || !toServer.isEmpty()); ++round) {
        if (!toServer.isEmpty()) {
            for (const QByteArray &line : toServer.split('\n')) {
                if (!line.isEmpty())
                    sent.append(line.chopped(1));
            }
            if (!stopAfter.isEmpty() && sent.contains(stopAfter))
                return sent;
            toClient += deliver(server, std::exchange(toServer, {}));
        }
        if (!toClient.isEmpty())
            toServer += deliver(client, std::exchange(toClient, {}));
    }
    return sent;
}

// A server that only greets: for greetings other than * OK.
class GreetingOnly : public LineSession
{
public:
    explicit GreetingOnly(QByteArray greeting) : m_greeting(std::move(greeting)) {}
    QByteArray open() override { return m_greeting; }
    QByteArray receive(const QByteArray &) override { return {}; }
    bool closing() const override { return true; }

private:
    QByteArray m_greeting;
};

} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT

private slots:
    void fetchAll_data();
    void fetchAll();
    void emptyMailbox();
    void refusedLogin();
    void missingMailbox();
    void passwordNeedsQuotingOrLiteral_data();
    void passwordNeedsQuotingOrLiteral();
    void negativeGreeting();
    void connectFailed();
    void connectionLost();
};

void TestImapClient::fetchAll_data()
{
    QTest::addColumn<bool>("byByte");
    QTest::addColumn<bool>("read");
    QTest::newRow("keep, whole") << false << false;
    QTest::newRow("keep, byte by byte") << true << false;
    QTest::newRow("read, whole") << false << true;
    QTest::newRow("read, byte by byte") << true << true;
}

void TestImapClient::fetchAll()
{
    QFETCH(bool, byByte);
    QFETCH(bool, read);
    MailboxStore store;
    fillStore(store);
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             read ? ImapClientSession::Mode::Read : ImapClientSession::Mode::Keep,
                             report.callback());
    ImapServerSession server(serverConfig(), &store);
    const QByteArrayList sent = pump(client, server, byByte);

    const QByteArray fetch =
        read ? "a003 FETCH 1:* (UID FLAGS BODY[])" : "a003 FETCH 1:* (UID FLAGS BODY.PEEK[])";
    QCOMPARE(sent,
             (QByteArrayList{"a001 LOGIN ana faminta", "a002 SELECT INBOX", fetch, "a004 LOGOUT"}));
    QVERIFY(client.closing());
    QVERIFY(server.closing());
    QCOMPARE(report.calls, 1);
    QVERIFY(report.result.ok);
    QCOMPARE(report.result.error, QString());
    QCOMPARE(report.result.messages,
             (QByteArrayList{kFirst, kTricky, "Subject: lf\r\n\r\nline\r\n"}));
    QCOMPARE(report.result.uids, (QList<quint32>{1, 2, 3}));
    // FETCH reports the flags it had when the body went out: with BODY[] \Seen is set first.
    const QString seen = QStringLiteral("\\Seen");
    const QString recent = QStringLiteral("\\Recent");
    const QString flagged = QStringLiteral("\\Flagged");
    if (read) {
        QCOMPARE(report.result.flags,
                 (QList<QStringList>{{seen, recent}, {flagged, seen, recent}, {seen, recent}}));
        QCOMPARE(flagsOf(store, 1), QStringList{seen});
        QCOMPARE(flagsOf(store, 2), (QStringList{flagged, seen}));
    } else {
        QCOMPARE(report.result.flags, (QList<QStringList>{{recent}, {flagged, recent}, {recent}}));
        QCOMPARE(flagsOf(store, 1), QStringList{});
        QCOMPARE(flagsOf(store, 2), QStringList{flagged});
    }
    // Nothing was removed either way.
    QCOMPARE(store.account(kAna)->folders.value(kInbox).messages.size(), std::size_t(3));
}

void TestImapClient::emptyMailbox()
{
    MailboxStore store;
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    Report report;
    ImapClientSession client(QStringLiteral("ana@hamburger.edu"), QStringLiteral("faminta"),
                             ImapClientSession::Mode::Keep, report.callback());
    ImapServerSession server(serverConfig(), &store);
    // No FETCH when SELECT said 0 EXISTS.
    QCOMPARE(pump(client, server, false), (QByteArrayList{"a001 LOGIN ana@hamburger.edu faminta",
                                                          "a002 SELECT INBOX", "a003 LOGOUT"}));
    QCOMPARE(report.calls, 1);
    QVERIFY(report.result.ok);
    QVERIFY(report.result.messages.isEmpty());
}

void TestImapClient::refusedLogin()
{
    MailboxStore store;
    fillStore(store);
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("wrong"),
                             ImapClientSession::Mode::Read, report.callback());
    ImapServerSession server(serverConfig(), &store);
    QCOMPARE(pump(client, server, false), (QByteArrayList{"a001 LOGIN ana wrong", "a002 LOGOUT"}));
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error,
             QStringLiteral("a001 NO [AUTHENTICATIONFAILED] Invalid credentials"));
    QVERIFY(client.closing());
    QCOMPARE(flagsOf(store, 1), QStringList{});
}

void TestImapClient::missingMailbox()
{
    MailboxStore store;
    fillStore(store);
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             ImapClientSession::Mode::Keep, report.callback(),
                             QStringLiteral("Old mail"));
    ImapServerSession server(serverConfig(), &store);
    QCOMPARE(pump(client, server, true),
             (QByteArrayList{"a001 LOGIN ana faminta", "a002 SELECT \"Old mail\"", "a003 LOGOUT"}));
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("a002 NO Mailbox does not exist"));
}

void TestImapClient::passwordNeedsQuotingOrLiteral_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArrayList>("loginLines"); // as they cross the wire
    QTest::newRow("spaces and quotes")
        << QStringLiteral("open \"se\\same\"")
        << QByteArrayList{"a001 LOGIN ana \"open \\\"se\\\\same\\\"\""};
    QTest::newRow("not ASCII") << QStringLiteral("pão")
                               << QByteArrayList{"a001 LOGIN ana {4+}", "p\xc3\xa3o"};
}

void TestImapClient::passwordNeedsQuotingOrLiteral()
{
    QFETCH(QString, password);
    QFETCH(QByteArrayList, loginLines);
    MailboxStore store;
    store.addAccount(kAna, QStringLiteral("Ana"), password);
    Report report;
    ImapClientSession client(QStringLiteral("ana"), password, ImapClientSession::Mode::Keep,
                             report.callback());
    ImapServerSession server(serverConfig(), &store);
    QCOMPARE(pump(client, server, true),
             loginLines + QByteArrayList({"a002 SELECT INBOX", "a003 LOGOUT"}));
    QVERIFY(report.result.ok);
}

void TestImapClient::negativeGreeting()
{
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             ImapClientSession::Mode::Keep, report.callback());
    GreetingOnly server("* BYE imap.hamburger.edu is closed for lunch\r\n");
    QVERIFY(pump(client, server, false).isEmpty());
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("* BYE imap.hamburger.edu is closed for lunch"));
    QVERIFY(client.closing());
}

void TestImapClient::connectFailed()
{
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             ImapClientSession::Mode::Keep, report.callback());
    client.connectFailed(QStringLiteral("connection refused"));
    client.connectionLost(); // no second report
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("connection refused"));
    QVERIFY(client.closing());
}

void TestImapClient::connectionLost()
{
    MailboxStore store;
    fillStore(store);
    Report report;
    ImapClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             ImapClientSession::Mode::Read, report.callback());
    ImapServerSession server(serverConfig(), &store);
    pump(client, server, false, "a003 FETCH 1:* (UID FLAGS BODY[])");
    QVERIFY(!client.closing());
    client.connectionLost();
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("connection lost"));
    QVERIFY(report.result.messages.isEmpty());
    // The FETCH never reached the server, so nothing was marked \Seen.
    QCOMPARE(flagsOf(store, 1), QStringList{});
}

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imapclient.moc"
