#include "core/smtp/smtpclientsession.h"
#include "core/smtp/smtpserversession.h"
#include "fakesmtpbackend.h"

#include <QtTest>

#include <functional>

using namespace carteiro::core;
using namespace carteiro::testing;

namespace {

using Outcome = SmtpDeliveryResult::Outcome;

SmtpServerConfig serverConfig(SmtpStyle style)
{
    SmtpServerConfig config;
    config.greeting = QStringLiteral("hamburger.edu");
    config.style = style;
    return config;
}

SmtpOutgoing message(SmtpStyle style, const QStringList &recipients,
                     const QByteArray &data = "Do you like ketchup?\r\nHow about pickles?\r\n")
{
    SmtpOutgoing outgoing;
    outgoing.heloName = QStringLiteral("crepes.fr");
    outgoing.style = style;
    outgoing.sender = QStringLiteral("alice@crepes.fr");
    outgoing.recipients = recipients;
    outgoing.data = data;
    return outgoing;
}

void appendLines(QStringList *transcript, const char *prefix, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    QString text = QString::fromUtf8(bytes);
    if (text.endsWith(QStringLiteral("\r\n")))
        text.chop(2);
    for (const QString &line : text.split(QStringLiteral("\r\n")))
        *transcript << QLatin1String(prefix) + line;
}

QByteArray deliver(LineSession &session, const QByteArray &bytes, bool byByte)
{
    if (!byByte)
        return session.receive(bytes);
    QByteArray output;
    for (char byte : bytes)
        output += session.receive(QByteArray(1, byte));
    return output;
}

struct Conversation
{
    QStringList transcript; // "S: 220 ...", "C: HELO ..."
    QList<SmtpDeliveryResult> results;
    int finishedCalls = 0;
    bool clientClosing = false;
};

// The client and the real server, each one's bytes handed to the other until the client is
// done. `cut` is asked after each server turn; when it says so the network drops the
// connection, and the client hears of it.
Conversation converse(const SmtpServerConfig &config, FakeSmtpBackend &backend,
                      const SmtpOutgoing &outgoing, bool byByte = false,
                      const std::function<bool(const SmtpServerSession &)> &cut = {})
{
    Conversation conversation;
    SmtpServerSession server(config, &backend);
    SmtpClientSession client(outgoing, [&](const QList<SmtpDeliveryResult> &results) {
        ++conversation.finishedCalls;
        conversation.results = results;
    });
    QByteArray toClient = server.open();
    for (int turn = 0; turn < 1000 && !client.closing(); ++turn) {
        appendLines(&conversation.transcript, "S: ", toClient);
        const QByteArray toServer = deliver(client, toClient, byByte);
        appendLines(&conversation.transcript, "C: ", toServer);
        if (client.closing())
            break;
        if (server.closing()) {
            client.connectionLost();
            break;
        }
        toClient = deliver(server, toServer, byByte);
        if (cut && cut(server)) {
            client.connectionLost();
            break;
        }
        if (toServer.isEmpty() && toClient.isEmpty()) {
            conversation.transcript << QStringLiteral("<stalled>");
            break;
        }
    }
    conversation.clientClosing = client.closing();
    return conversation;
}

} // namespace

class SmtpClientTest : public QObject
{
    Q_OBJECT

private slots:
    void classicTranscript_data();
    void classicTranscript();
    void delivered_data();
    void delivered();
    void oneRecipientRefused();
    void temporaryFailures();
    void nobodyAcceptedMeansQuit();
    void dotStuffing_data();
    void dotStuffing();
    void connectionLostMidData();
    void connectionLostKeepsDecisions();
    void connectFailed();
    void greetingRefused();
    void serverClosesWith421();
    void authenticatesForSubmission();
    void fallsBackToHelo();
    void announcesEightBitData_data();
    void announcesEightBitData();
    void repliesSplitAnywhere();
};

void SmtpClientTest::classicTranscript_data()
{
    QTest::addColumn<bool>("byByte");
    QTest::newRow("whole") << false;
    QTest::newRow("by byte") << true;
}

void SmtpClientTest::classicTranscript()
{
    QFETCH(bool, byByte);
    QFile file(QStringLiteral(CARTEIRO_TEST_DATA "/smtp/classic-textbook.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList golden = QString::fromUtf8(file.readAll()).trimmed().split(u'\n');

    FakeSmtpBackend backend;
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Classic), backend,
                 message(SmtpStyle::Classic, {QStringLiteral("bob@hamburger.edu")}), byByte);
    QCOMPARE(conversation.transcript, golden);
    QCOMPARE(conversation.finishedCalls, 1);
    QCOMPARE(conversation.results.size(), 1);
    QCOMPARE(conversation.results.first().outcome, Outcome::Delivered);
    QCOMPARE(conversation.results.first().diagnostic,
             QStringLiteral("250 Message accepted for delivery"));
    QVERIFY(conversation.clientClosing);
}

void SmtpClientTest::delivered_data()
{
    QTest::addColumn<bool>("byByte");
    QTest::newRow("whole") << false;
    QTest::newRow("by byte") << true;
}

void SmtpClientTest::delivered()
{
    QFETCH(bool, byByte);
    FakeSmtpBackend backend;
    const QStringList recipients = {QStringLiteral("bob@hamburger.edu"),
                                    QStringLiteral("carol@hamburger.edu")};
    const Conversation conversation = converse(serverConfig(SmtpStyle::Modern), backend,
                                               message(SmtpStyle::Modern, recipients), byByte);
    QCOMPARE(conversation.finishedCalls, 1);
    QCOMPARE(conversation.results.size(), 2);
    for (const SmtpDeliveryResult &result : conversation.results) {
        QCOMPARE(result.outcome, Outcome::Delivered);
        QCOMPARE(result.diagnostic, QStringLiteral("250 2.0.0 Ok: queued as C0FFEE1"));
        QVERIFY(result.fromServer);
    }
    QCOMPARE(conversation.results.at(0).recipient, recipients.at(0));
    QCOMPARE(conversation.results.at(1).recipient, recipients.at(1));
    QVERIFY(conversation.transcript.contains(QStringLiteral("C: EHLO crepes.fr")));
    QVERIFY(conversation.transcript.contains(QStringLiteral("C: MAIL FROM:<alice@crepes.fr>")));
    QVERIFY(conversation.transcript.contains(QStringLiteral("C: RCPT TO:<carol@hamburger.edu>")));
    QCOMPARE(conversation.transcript.last(), QStringLiteral("S: 221 2.0.0 Bye"));
    QCOMPARE(backend.accepted.size(), 1);
    QCOMPARE(backend.accepted.first().envelope.recipients, recipients);
    QCOMPARE(backend.accepted.first().data,
             QByteArray("Do you like ketchup?\r\nHow about pickles?\r\n"));
}

void SmtpClientTest::oneRecipientRefused()
{
    FakeSmtpBackend backend;
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Modern), backend,
                 message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu"),
                                             QStringLiteral("nobody@hamburger.edu"),
                                             QStringLiteral("carol@hamburger.edu")}));
    QCOMPARE(conversation.finishedCalls, 1);
    QCOMPARE(conversation.results.size(), 3);
    QCOMPARE(conversation.results.at(0).outcome, Outcome::Delivered);
    QCOMPARE(conversation.results.at(1).outcome, Outcome::PermanentFailure);
    QCOMPARE(conversation.results.at(1).diagnostic,
             QStringLiteral("550 5.1.1 <nobody@hamburger.edu>: Recipient address rejected: User "
                            "unknown in local recipient table"));
    QVERIFY(conversation.results.at(1).fromServer);
    QCOMPARE(conversation.results.at(2).outcome, Outcome::Delivered);
    QCOMPARE(backend.accepted.size(), 1);
    QCOMPARE(
        backend.accepted.first().envelope.recipients,
        (QStringList{QStringLiteral("bob@hamburger.edu"), QStringLiteral("carol@hamburger.edu")}));
}

void SmtpClientTest::temporaryFailures()
{
    // A 4xx to one RCPT is temporary for that recipient only.
    {
        FakeSmtpBackend backend;
        backend.policies << FakeSmtpBackend::Policy{
            SmtpStage::Rcpt, QStringLiteral("bob@hamburger.edu"),
            SmtpReply(450, QStringLiteral("<bob@hamburger.edu>: Mailbox busy"),
                      QStringLiteral("4.2.1"))};
        const Conversation conversation =
            converse(serverConfig(SmtpStyle::Modern), backend,
                     message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu"),
                                                 QStringLiteral("carol@hamburger.edu")}));
        QCOMPARE(conversation.results.at(0).outcome, Outcome::TemporaryFailure);
        QCOMPARE(conversation.results.at(0).diagnostic,
                 QStringLiteral("450 4.2.1 <bob@hamburger.edu>: Mailbox busy"));
        QCOMPARE(conversation.results.at(1).outcome, Outcome::Delivered);
    }
    // A 4xx to the final "." is temporary for every accepted recipient.
    {
        FakeSmtpBackend backend;
        backend.acceptFailure =
            SmtpReply(452, QStringLiteral("Mailbox full"), QStringLiteral("4.2.2"));
        const Conversation conversation =
            converse(serverConfig(SmtpStyle::Modern), backend,
                     message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu")}));
        QCOMPARE(conversation.finishedCalls, 1);
        QCOMPARE(conversation.results.at(0).outcome, Outcome::TemporaryFailure);
        QCOMPARE(conversation.results.at(0).diagnostic, QStringLiteral("452 4.2.2 Mailbox full"));
        QVERIFY(conversation.results.at(0).fromServer);
    }
    // A 4xx to MAIL is temporary for everyone, and the client says QUIT.
    {
        FakeSmtpBackend backend;
        backend.policies << FakeSmtpBackend::Policy{
            SmtpStage::Mail,
            {},
            SmtpReply(451, QStringLiteral("Try again later"), QStringLiteral("4.3.0"))};
        const Conversation conversation =
            converse(serverConfig(SmtpStyle::Modern), backend,
                     message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu"),
                                                 QStringLiteral("carol@hamburger.edu")}));
        for (const SmtpDeliveryResult &result : conversation.results)
            QCOMPARE(result.outcome, Outcome::TemporaryFailure);
        QVERIFY(conversation.transcript.contains(QStringLiteral("C: QUIT")));
        QVERIFY(!conversation.transcript.contains(QStringLiteral("C: DATA")));
    }
}

void SmtpClientTest::nobodyAcceptedMeansQuit()
{
    FakeSmtpBackend backend;
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Classic), backend,
                 message(SmtpStyle::Classic, {QStringLiteral("eve@elsewhere.org")}));
    QCOMPARE(conversation.transcript.mid(5),
             (QStringList{QStringLiteral("C: RCPT TO: <eve@elsewhere.org>"),
                          QStringLiteral("S: 550 <eve@elsewhere.org>... Relaying denied"),
                          QStringLiteral("C: QUIT"),
                          QStringLiteral("S: 221 hamburger.edu closing connection")}));
    QCOMPARE(conversation.results.first().outcome, Outcome::PermanentFailure);
    QVERIFY(backend.accepted.isEmpty());
}

void SmtpClientTest::dotStuffing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("arrives");
    QTest::newRow("leading dots")
        << QByteArray("Subject: dots\r\n\r\n.hidden\r\n.\r\n..\r\nend\r\n")
        << QByteArray("Subject: dots\r\n\r\n.hidden\r\n.\r\n..\r\nend\r\n");
    QTest::newRow("bare LF") << QByteArray("a\n.b\nc") << QByteArray("a\r\n.b\r\nc\r\n");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void SmtpClientTest::dotStuffing()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, arrives);
    FakeSmtpBackend backend;
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Modern), backend,
                 message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu")}, data), true);
    QCOMPARE(conversation.results.first().outcome, Outcome::Delivered);
    QCOMPARE(backend.accepted.size(), 1);
    QCOMPARE(backend.accepted.first().data, arrives);
}

void SmtpClientTest::connectionLostMidData()
{
    FakeSmtpBackend backend;
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Classic), backend,
                 message(SmtpStyle::Classic, {QStringLiteral("bob@hamburger.edu"),
                                              QStringLiteral("carol@hamburger.edu")}),
                 false, [](const SmtpServerSession &server) { return server.stage() == u"data"; });
    QCOMPARE(conversation.finishedCalls, 1);
    QVERIFY(conversation.clientClosing);
    QVERIFY(backend.accepted.isEmpty());
    for (const SmtpDeliveryResult &result : conversation.results) {
        QCOMPARE(result.outcome, Outcome::TemporaryFailure);
        QVERIFY(!result.fromServer);
        QVERIFY2(result.diagnostic.startsWith(u"lost connection"), qPrintable(result.diagnostic));
    }
}

void SmtpClientTest::connectionLostKeepsDecisions()
{
    // Bob is refused for good; the line drops before Carol is answered.
    FakeSmtpBackend backend;
    SmtpServerSession server(serverConfig(SmtpStyle::Modern), &backend);
    int finishedCalls = 0;
    SmtpClientSession client(message(SmtpStyle::Modern, {QStringLiteral("nobody@hamburger.edu"),
                                                         QStringLiteral("carol@hamburger.edu")}),
                             [&](const QList<SmtpDeliveryResult> &) { ++finishedCalls; });
    QByteArray toClient = server.open();
    for (int turn = 0; turn < 20 && (client.stage() != u"rcpt" ||
                                     !client.results().at(0).diagnostic.startsWith(u"550"));
         ++turn)
        toClient = server.receive(client.receive(toClient));
    QCOMPARE(client.stage(), QStringLiteral("rcpt"));
    client.connectionLost();
    client.connectionLost(); // told twice: still one verdict
    QCOMPARE(finishedCalls, 1);
    QVERIFY(client.isFinished());
    QCOMPARE(client.results().at(0).outcome, Outcome::PermanentFailure);
    QCOMPARE(client.results().at(1).outcome, Outcome::TemporaryFailure);
    QCOMPARE(client.results().at(1).diagnostic,
             QStringLiteral("lost connection with the server while sending RCPT TO"));
    QVERIFY(client.receive("250 2.1.5 Ok\r\n").isEmpty());
}

void SmtpClientTest::connectFailed()
{
    int finishedCalls = 0;
    QList<SmtpDeliveryResult> results;
    SmtpClientSession client(message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu")}),
                             [&](const QList<SmtpDeliveryResult> &r) {
                                 ++finishedCalls;
                                 results = r;
                             });
    QCOMPARE(client.stage(), QStringLiteral("connect"));
    client.connectFailed(QStringLiteral("connect to mx1.hamburger.edu: Connection refused"));
    QCOMPARE(finishedCalls, 1);
    QVERIFY(client.closing());
    QCOMPARE(results.first().outcome, Outcome::TemporaryFailure);
    QCOMPARE(results.first().diagnostic,
             QStringLiteral("connect to mx1.hamburger.edu: Connection refused"));
    QVERIFY(!results.first().fromServer);
}

void SmtpClientTest::greetingRefused()
{
    FakeSmtpBackend backend;
    backend.policies << FakeSmtpBackend::Policy{
        SmtpStage::Connect,
        {},
        SmtpReply(554, QStringLiteral("hamburger.edu No SMTP service here"))};
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Classic), backend,
                 message(SmtpStyle::Classic, {QStringLiteral("bob@hamburger.edu")}));
    QCOMPARE(conversation.transcript,
             (QStringList{QStringLiteral("S: 554 hamburger.edu No SMTP service here"),
                          QStringLiteral("C: QUIT"),
                          QStringLiteral("S: 221 hamburger.edu closing connection")}));
    QCOMPARE(conversation.results.first().outcome, Outcome::PermanentFailure);
    QCOMPARE(conversation.finishedCalls, 1);
}

void SmtpClientTest::serverClosesWith421()
{
    FakeSmtpBackend backend;
    backend.policies << FakeSmtpBackend::Policy{
        SmtpStage::Rcpt, QStringLiteral("carol@hamburger.edu"),
        SmtpReply(421, QStringLiteral("hamburger.edu Service not available"),
                  QStringLiteral("4.3.2"))};
    const Conversation conversation =
        converse(serverConfig(SmtpStyle::Modern), backend,
                 message(SmtpStyle::Modern, {QStringLiteral("nobody@hamburger.edu"),
                                             QStringLiteral("carol@hamburger.edu"),
                                             QStringLiteral("bob@hamburger.edu")}));
    QCOMPARE(conversation.finishedCalls, 1);
    QCOMPARE(conversation.results.at(0).outcome, Outcome::PermanentFailure);
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(conversation.results.at(i).outcome, Outcome::TemporaryFailure);
        QCOMPARE(conversation.results.at(i).diagnostic,
                 QStringLiteral("421 4.3.2 hamburger.edu Service not available"));
    }
    // No QUIT after 421 (RFC 5321 section 3.8): the server has already gone.
    QCOMPARE(conversation.transcript.last(),
             QStringLiteral("S: 421 4.3.2 hamburger.edu Service not available"));
}

void SmtpClientTest::authenticatesForSubmission()
{
    SmtpServerConfig config = serverConfig(SmtpStyle::Modern);
    config.port = 587;
    config.offerAuth = true;
    config.requireAuth = true;
    FakeSmtpBackend backend;
    SmtpOutgoing outgoing = message(SmtpStyle::Modern, {QStringLiteral("eve@elsewhere.org")});
    outgoing.sender = QStringLiteral("bob@hamburger.edu");
    outgoing.authUser = QStringLiteral("bob@hamburger.edu");
    outgoing.authPassword = QStringLiteral("ketchup");
    const Conversation conversation = converse(config, backend, outgoing);
    const QString plain =
        QString::fromLatin1(QByteArray("\0bob@hamburger.edu\0ketchup", 26).toBase64());
    QVERIFY(conversation.transcript.contains(QStringLiteral("C: AUTH PLAIN ") + plain));
    QVERIFY(
        conversation.transcript.contains(QStringLiteral("S: 235 2.7.0 Authentication successful")));
    QCOMPARE(conversation.results.first().outcome, Outcome::Delivered);
    QCOMPARE(backend.accepted.first().envelope.authenticatedUser,
             QStringLiteral("bob@hamburger.edu"));

    // A wrong password fails the message for good.
    FakeSmtpBackend other;
    outgoing.authPassword = QStringLiteral("mustard");
    const Conversation refused = converse(config, other, outgoing);
    QCOMPARE(refused.results.first().outcome, Outcome::PermanentFailure);
    QCOMPARE(refused.results.first().diagnostic,
             QStringLiteral("535 5.7.8 Error: authentication failed: authentication failure"));
}

void SmtpClientTest::announcesEightBitData_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mailCommand");
    QTest::addColumn<QByteArray>("storedBody");
    const QByteArray utf8 = QStringLiteral("Ol\u00e1, Bob\r\n").toUtf8();
    // RFC 6152: 8-bit text goes as it is, announced, to a server that offers 8BITMIME...
    QTest::newRow("modern, 8-bit")
        << int(SmtpStyle::Modern) << utf8 << "C: MAIL FROM:<alice@crepes.fr> BODY=8BITMIME" << utf8;
    QTest::newRow("modern, 7-bit") << int(SmtpStyle::Modern) << QByteArray("Hello\r\n")
                                   << "C: MAIL FROM:<alice@crepes.fr>" << QByteArray("Hello\r\n");
    // ...and unannounced to a classic server, which clears the eighth bit (RFC 821).
    QByteArray stripped = utf8;
    for (char &octet : stripped)
        octet = char(octet & 0x7f);
    QTest::newRow("classic, 8-bit")
        << int(SmtpStyle::Classic) << utf8 << "C: MAIL FROM: <alice@crepes.fr>" << stripped;
}

void SmtpClientTest::announcesEightBitData()
{
    QFETCH(int, style);
    QFETCH(QByteArray, body);
    QFETCH(QString, mailCommand);
    QFETCH(QByteArray, storedBody);
    FakeSmtpBackend backend;
    SmtpOutgoing outgoing = message(SmtpStyle(style), {QStringLiteral("bob@hamburger.edu")});
    outgoing.data = "Subject: 8-bit\r\n\r\n" + body;
    const Conversation conversation = converse(serverConfig(SmtpStyle(style)), backend, outgoing);
    QVERIFY2(conversation.transcript.contains(mailCommand),
             qPrintable(conversation.transcript.join(u'\n')));
    QCOMPARE(conversation.results.first().outcome, Outcome::Delivered);
    QVERIFY(backend.accepted.first().data.endsWith(storedBody));
}

void SmtpClientTest::fallsBackToHelo()
{
    // RFC 5321 section 3.2: a server that does not know EHLO answers 5xx; the client says HELO.
    SmtpClientSession client(message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu")}), {});
    QCOMPARE(client.receive("220 old.hamburger.edu\r\n"), QByteArray("EHLO crepes.fr\r\n"));
    QCOMPARE(client.receive("500 Command unrecognized\r\n"), QByteArray("HELO crepes.fr\r\n"));
    QCOMPARE(client.receive("250 old.hamburger.edu\r\n"),
             QByteArray("MAIL FROM:<alice@crepes.fr>\r\n"));
}

void SmtpClientTest::repliesSplitAnywhere()
{
    SmtpClientSession client(message(SmtpStyle::Modern, {QStringLiteral("bob@hamburger.edu")}), {});
    QCOMPARE(client.receive("22"), QByteArray());
    QCOMPARE(client.receive("0 hamburger.edu ESMTP\r"), QByteArray());
    QCOMPARE(client.receive("\n"), QByteArray("EHLO crepes.fr\r\n"));
    // A multi-line EHLO reply is one reply: the client answers only after its last line.
    QCOMPARE(client.receive("250-hamburger.edu\r\n250-PIPE"), QByteArray());
    QCOMPARE(client.receive("LINING\r\n250 8BITMIME\r\n250 2.1.0"),
             QByteArray("MAIL FROM:<alice@crepes.fr>\r\n"));
    QCOMPARE(client.receive(" Ok\r\n"), QByteArray("RCPT TO:<bob@hamburger.edu>\r\n"));
    QCOMPARE(client.receive("250 2.1.5 Ok\r\n"), QByteArray("DATA\r\n"));
    QCOMPARE(client.receive("354 go ahead\r\n"),
             QByteArray("Do you like ketchup?\r\nHow about pickles?\r\n.\r\n"));
    QCOMPARE(client.stage(), QStringLiteral("data"));
    QCOMPARE(client.receive("250 2.0.0 Ok: queued as 1\r\n"), QByteArray("QUIT\r\n"));
    QVERIFY(!client.closing());
    QCOMPARE(client.receive("221 2.0.0 Bye\r\n"), QByteArray());
    QVERIFY(client.closing());
    QCOMPARE(client.results().first().outcome, Outcome::Delivered);
}

QTEST_GUILESS_MAIN(SmtpClientTest)
#include "tst_smtpclient.moc"
