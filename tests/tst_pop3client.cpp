#include "core/mailbox/mailboxstore.h"
#include "core/pop3/pop3clientsession.h"
#include "core/pop3/pop3serversession.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

const QString kAna = QStringLiteral("ana@hamburger.edu");

const QByteArray kFirst = "From: bob@hamburger.edu\r\nSubject: a\r\n\r\nHi Ana\r\n";
// Every line here tests byte-stuffing: a lone ".", "..", a leading dot, a dot elsewhere.
const QByteArray kTricky = "Subject: dots\r\n\r\n.\r\n..\r\n.hidden\r\n .not\r\nend.\r\n\r\n";

Pop3ServerConfig serverConfig()
{
    Pop3ServerConfig config;
    config.hostname = QStringLiteral("pop.hamburger.edu");
    config.localDomains = {QStringLiteral("hamburger.edu")};
    return config;
}

void fillStore(MailboxStore &store)
{
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    store.deliver(kAna, kFirst, 100);
    store.deliver(kAna, kTricky, 200);
}

// Counts the callbacks and keeps the last result.
struct Report
{
    int calls = 0;
    Pop3ClientSession::Result result;

    Pop3ClientSession::Finished callback()
    {
        return [this](const Pop3ClientSession::Result &r) {
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

QByteArray uidlListing(MailboxStore &store)
{
    Pop3ServerSession session(serverConfig(), &store);
    session.open();
    return session.receive("USER ana\r\nPASS faminta\r\nUIDL\r\nQUIT\r\n");
}

QList<quint32> inboxUids(const MailboxStore &store)
{
    QList<quint32> uids;
    for (const StoredMessage &message :
         store.account(kAna)->folders.value(QStringLiteral("INBOX")).messages)
        uids.append(message.uid);
    return uids;
}

} // namespace

class TestPop3Client : public QObject
{
    Q_OBJECT

private slots:
    void downloadAndDelete_data();
    void downloadAndDelete();
    void downloadAndKeep_data();
    void downloadAndKeep();
    void emptyMaildrop();
    void refusedLogin_data();
    void refusedLogin();
    void lockedMaildrop();
    void negativeGreeting();
    void connectFailed();
    void connectionLostKeepsMessages();
};

void TestPop3Client::downloadAndDelete_data()
{
    QTest::addColumn<bool>("byByte");
    QTest::newRow("whole") << false;
    QTest::newRow("byte by byte") << true;
}

void TestPop3Client::downloadAndDelete()
{
    QFETCH(bool, byByte);
    MailboxStore store;
    fillStore(store);
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    QByteArrayList sent;
    {
        Pop3ServerSession server(serverConfig(), &store);
        sent = pump(client, server, byByte);
        // The server closes after QUIT, the client once it has the answer.
        QVERIFY(server.closing());
    }

    // The course notes' order (seed 000): log in, list, then RETR and DELE each, QUIT.
    QCOMPARE(sent, (QByteArrayList{"USER ana", "PASS faminta", "STAT", "LIST", "RETR 1", "DELE 1",
                                   "RETR 2", "DELE 2", "QUIT"}));
    QVERIFY(client.closing());
    QCOMPARE(report.calls, 1);
    QVERIFY(report.result.ok);
    QCOMPARE(report.result.error, QString());
    QCOMPARE(report.result.deleted, 2);
    // Byte for byte what was delivered, the dotted lines included.
    QCOMPARE(report.result.messages, (QByteArrayList{kFirst, kTricky}));
    QCOMPARE(client.result().messages, report.result.messages);
    QVERIFY(inboxUids(store).isEmpty());
    QVERIFY(store.lock(kAna));
}

void TestPop3Client::downloadAndKeep_data()
{
    downloadAndDelete_data();
}

void TestPop3Client::downloadAndKeep()
{
    QFETCH(bool, byByte);
    MailboxStore store;
    fillStore(store);
    const QByteArray uidlBefore = uidlListing(store);
    QVERIFY(uidlBefore.contains("1 1.1\r\n2 1.2\r\n.\r\n"));

    for (int round = 0; round < 2; ++round) {
        Report report;
        Pop3ClientSession client(QStringLiteral("ana@hamburger.edu"), QStringLiteral("faminta"),
                                 Pop3ClientSession::Mode::Keep, report.callback());
        QByteArrayList sent;
        {
            Pop3ServerSession server(serverConfig(), &store);
            sent = pump(client, server, byByte);
        }
        QCOMPARE(sent, (QByteArrayList{"USER ana@hamburger.edu", "PASS faminta", "STAT", "LIST",
                                       "RETR 1", "RETR 2", "QUIT"}));
        QCOMPARE(report.calls, 1);
        QVERIFY(report.result.ok);
        QCOMPARE(report.result.deleted, 0);
        QCOMPARE(report.result.messages, (QByteArrayList{kFirst, kTricky}));
        QCOMPARE(inboxUids(store), (QList<quint32>{1, 2}));
    }
    // Another session sees the same unique ids (RFC 1939 section 7).
    QCOMPARE(uidlListing(store), uidlBefore);
}

void TestPop3Client::emptyMaildrop()
{
    MailboxStore store;
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    Pop3ServerSession server(serverConfig(), &store);
    QCOMPARE(pump(client, server, false),
             (QByteArrayList{"USER ana", "PASS faminta", "STAT", "LIST", "QUIT"}));
    QCOMPARE(report.calls, 1);
    QVERIFY(report.result.ok);
    QVERIFY(report.result.messages.isEmpty());
    QCOMPARE(report.result.deleted, 0);
}

void TestPop3Client::refusedLogin_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("ana") << QStringLiteral("famished");
    QTest::newRow("unknown user") << QStringLiteral("zed") << QStringLiteral("faminta");
}

void TestPop3Client::refusedLogin()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    MailboxStore store;
    fillStore(store);
    Report report;
    Pop3ClientSession client(user, password, Pop3ClientSession::Mode::Delete, report.callback());
    Pop3ServerSession server(serverConfig(), &store);
    const QByteArrayList sent = pump(client, server, false);
    QCOMPARE(sent, (QByteArrayList{"USER " + user.toUtf8(), "PASS " + password.toUtf8(), "QUIT"}));
    QVERIFY(client.closing());
    QVERIFY(server.closing());
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("-ERR [AUTH] invalid user name or password"));
    QVERIFY(report.result.messages.isEmpty());
    QCOMPARE(inboxUids(store), (QList<quint32>{1, 2}));
}

void TestPop3Client::lockedMaildrop()
{
    MailboxStore store;
    fillStore(store);
    QVERIFY(store.lock(kAna));
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    Pop3ServerSession server(serverConfig(), &store);
    pump(client, server, false);
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("-ERR [IN-USE] maildrop already locked"));
}

void TestPop3Client::negativeGreeting()
{
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    QCOMPARE(client.receive("-ERR too busy, try later\r\n"), QByteArray());
    QVERIFY(client.closing());
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("-ERR too busy, try later"));
    client.connectionLost();
    QCOMPARE(report.calls, 1);
}

void TestPop3Client::connectFailed()
{
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    client.connectFailed(QStringLiteral("connection refused"));
    QVERIFY(client.closing());
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("connection refused"));
    client.connectionLost();
    client.connectFailed(QStringLiteral("again"));
    QCOMPARE(report.calls, 1);
    QCOMPARE(client.result().error, QStringLiteral("connection refused"));
}

void TestPop3Client::connectionLostKeepsMessages()
{
    MailboxStore store;
    fillStore(store);
    Report report;
    Pop3ClientSession client(QStringLiteral("ana"), QStringLiteral("faminta"),
                             Pop3ClientSession::Mode::Delete, report.callback());
    {
        Pop3ServerSession server(serverConfig(), &store);
        // The line breaks after the second DELE, before QUIT reaches the server.
        const QByteArrayList sent = pump(client, server, false, "QUIT");
        QCOMPARE(sent.last(), QByteArray("QUIT"));
        QCOMPARE(report.calls, 0);
        client.connectionLost();
    }
    QCOMPARE(report.calls, 1);
    QVERIFY(!report.result.ok);
    QCOMPARE(report.result.error, QStringLiteral("connection lost"));
    QCOMPARE(report.result.deleted, 0);
    QCOMPARE(report.result.messages.size(), 2);
    // No QUIT, no UPDATE: both messages are still there (RFC 1939 section 6).
    QCOMPARE(inboxUids(store), (QList<quint32>{1, 2}));
    client.connectionLost();
    QCOMPARE(report.calls, 1);
}

QTEST_GUILESS_MAIN(TestPop3Client)
#include "tst_pop3client.moc"
