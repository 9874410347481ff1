#include "core/smtp/smtpserversession.h"
#include "fakesmtpbackend.h"

#include <QtTest>

#include <functional>

using namespace carteiro::core;
using namespace carteiro::testing;

namespace {

struct ServerSetup
{
    SmtpServerConfig config;
    QList<FakeSmtpBackend::Policy> policies;
    std::optional<SmtpReply> acceptFailure;
};

enum class Feed { ByLine, ByByte, Pipelined };
const char *const kFeedNames[] = {"by line", "by byte", "pipelined"};

ServerSetup classic(const std::function<void(ServerSetup &)> &change = {})
{
    ServerSetup setup;
    setup.config.greeting = QStringLiteral("hamburger.edu");
    setup.config.style = SmtpStyle::Classic;
    setup.config.vrfyMode = 0;
    setup.config.expnMode = 0;
    setup.config.lists.insert(
        QStringLiteral("staff@hamburger.edu"),
        {QStringLiteral("bob@hamburger.edu"), QStringLiteral("carol@hamburger.edu")});
    if (change)
        change(setup);
    return setup;
}

ServerSetup modern(const std::function<void(ServerSetup &)> &change = {})
{
    ServerSetup setup = classic();
    setup.config.style = SmtpStyle::Modern;
    if (change)
        change(setup);
    return setup;
}

ServerSetup modernAuth(const std::function<void(ServerSetup &)> &change = {})
{
    return modern([&](ServerSetup &setup) {
        setup.config.offerAuth = true;
        if (change)
            change(setup);
    });
}

FakeSmtpBackend::Policy policy(SmtpStage stage, const QString &argument, int code,
                               const QString &enhanced, const QString &text)
{
    return {stage, argument, SmtpReply(code, text, enhanced)};
}

QByteArray wire(const QStringList &lines)
{
    QByteArray bytes;
    for (const QString &line : lines)
        bytes += line.toUtf8() + "\r\n";
    return bytes;
}

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

const QString kPlainBob = base64(QByteArray("\0bob@hamburger.edu\0ketchup", 26));
const QString kPlainWrong = base64(QByteArray("\0bob@hamburger.edu\0mustard", 26));

const QString kClassicGreeting = QStringLiteral("220 hamburger.edu");
const QString kModernGreeting = QStringLiteral("220 hamburger.edu ESMTP Carteiro");
const QString kModernEhlo = QStringLiteral("EHLO crepes.fr");
const QStringList kModernEhloReply = {
    QStringLiteral("250-hamburger.edu"),
    QStringLiteral("250-SIZE 10485760"),
    QStringLiteral("250-8BITMIME"),
    QStringLiteral("250-PIPELINING"),
    QStringLiteral("250-ENHANCEDSTATUSCODES"),
    QStringLiteral("250 HELP"),
};
QStringList modernEhloReplyWithAuth()
{
    QStringList lines = kModernEhloReply;
    lines.last() = QStringLiteral("250-HELP");
    lines << QStringLiteral("250 AUTH PLAIN LOGIN");
    return lines;
}

QByteArray feed(SmtpServerSession &session, const QByteArray &input, Feed mode)
{
    QByteArray output;
    switch (mode) {
    case Feed::ByLine:
        for (qsizetype start = 0; start < input.size();) {
            const qsizetype lf = input.indexOf('\n', start);
            const qsizetype end = lf < 0 ? input.size() : lf + 1;
            output += session.receive(input.mid(start, end - start));
            start = end;
        }
        break;
    case Feed::ByByte:
        for (char byte : input)
            output += session.receive(QByteArray(1, byte));
        break;
    case Feed::Pipelined:
        output += session.receive(input);
        break;
    }
    return output;
}

// The reply lines on the wire; every line must end in CRLF and hold no stray CR or LF.
QStringList replyLines(const QByteArray &output)
{
    if (output.isEmpty())
        return {};
    if (!output.endsWith("\r\n"))
        return {QStringLiteral("<output does not end in CRLF>")};
    const QStringList lines = QString::fromUtf8(output.chopped(2)).split(QStringLiteral("\r\n"));
    for (const QString &line : lines) {
        if (line.contains(u'\r') || line.contains(u'\n'))
            return {QStringLiteral("<bare CR or LF in output>")};
    }
    return lines;
}

// The classic transcript of the course notes: C: lines are the input, S: lines the output.
void readGolden(QStringList *clientLines, QStringList *serverLines)
{
    QFile file(QStringLiteral(CARTEIRO_TEST_DATA "/smtp/classic-textbook.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (line.startsWith(u"C: "))
            *clientLines << line.mid(3);
        else if (line.startsWith(u"S: "))
            *serverLines << line.mid(3);
    }
}

} // namespace

Q_DECLARE_METATYPE(ServerSetup)

class SmtpServerTest : public QObject
{
    Q_OBJECT

private slots:
    void textbook_data();
    void textbook();
    void commands_data();
    void commands();
    void errors_data();
    void errors();
    void limits_data();
    void limits();
    void vrfyAndExpn_data();
    void vrfyAndExpn();
    void authentication_data();
    void authentication();
    void policies_data();
    void policies();

    void dotStuffingRemoved_data() { feedModes(); }
    void dotStuffingRemoved();
    void severalTransactions_data() { feedModes(); }
    void severalTransactions();
    void bareLineFeedsNormalised_data() { feedModes(); }
    void bareLineFeedsNormalised();
    void overlongTextLineRefusesMessage_data() { feedModes(); }
    void overlongTextLineRefusesMessage();
    void oversizedMessageNotKept();
    void rejectedRecipientLeftOut();
    void stagesFollowTheDialogue();
    void closedSessionIgnoresInput();

private:
    static void columns();
    static void add(const char *name, const ServerSetup &setup, const QStringList &input,
                    const QStringList &expected);
    static void addRaw(const char *name, const ServerSetup &setup, const QByteArray &input,
                       const QStringList &expected);
    static void run();
    static void feedModes();
};

void SmtpServerTest::columns()
{
    QTest::addColumn<ServerSetup>("setup");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("mode");
}

void SmtpServerTest::addRaw(const char *name, const ServerSetup &setup, const QByteArray &input,
                            const QStringList &expected)
{
    // Every case is played three ways, with the same expected output.
    for (int mode = 0; mode < 3; ++mode)
        QTest::addRow("%s (%s)", name, kFeedNames[mode]) << setup << input << expected << mode;
}

void SmtpServerTest::add(const char *name, const ServerSetup &setup, const QStringList &input,
                         const QStringList &expected)
{
    addRaw(name, setup, wire(input), expected);
}

void SmtpServerTest::run()
{
    QFETCH(ServerSetup, setup);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(int, mode);

    FakeSmtpBackend backend;
    backend.policies = setup.policies;
    backend.acceptFailure = setup.acceptFailure;
    SmtpServerSession session(setup.config, &backend);
    QByteArray output = session.open();
    output += feed(session, input, Feed(mode));
    QCOMPARE(replyLines(output), expected);
    const bool closes = !expected.isEmpty() && (expected.last().startsWith(u"221 ") ||
                                                expected.last().startsWith(u"421 "));
    QCOMPARE(session.closing(), closes);
}

void SmtpServerTest::feedModes()
{
    QTest::addColumn<int>("mode");
    for (int mode = 0; mode < 3; ++mode)
        QTest::addRow("%s", kFeedNames[mode]) << mode;
}

// ----- the textbook dialogue -----

void SmtpServerTest::textbook_data()
{
    columns();
    QStringList clientLines;
    QStringList serverLines;
    readGolden(&clientLines, &serverLines);
    QVERIFY(!clientLines.isEmpty());
    add("classic textbook transcript", classic(), clientLines, serverLines);
}

void SmtpServerTest::textbook()
{
    run();
}

// ----- every command, in both styles -----

void SmtpServerTest::commands_data()
{
    columns();
    add("classic EHLO is answered plainly", classic(), {"EHLO crepes.fr", "QUIT"},
        {kClassicGreeting, "250 hamburger.edu Hello crepes.fr",
         "221 hamburger.edu closing connection"});
    add("modern EHLO lists the extensions", modern(), {kModernEhlo, "QUIT"},
        QStringList{kModernGreeting} + kModernEhloReply + QStringList{"221 2.0.0 Bye"});
    add("modern EHLO offers AUTH", modernAuth(), {kModernEhlo},
        QStringList{kModernGreeting} + modernEhloReplyWithAuth());
    add("modern HELO", modern(), {"HELO crepes.fr"}, {kModernGreeting, "250 hamburger.edu"});
    add("modern transaction", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA",
         "Subject: hi", "", "Do you like ketchup?", ".", "QUIT"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>",
                        "250 2.0.0 Ok: queued as C0FFEE1", "221 2.0.0 Bye"});
    add("verbs in any case", classic(),
        {"helo crepes.fr", "Mail From:<alice@crepes.fr>", "rcpt to:<bob@hamburger.edu>", "data",
         "hi", ".", "quit"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "250 bob@hamburger.edu ... Recipient ok",
         "354 Enter mail, end with \".\" on a line by itself", "250 Message accepted for delivery",
         "221 hamburger.edu closing connection"});
    add("null reverse-path", classic(), {"HELO crepes.fr", "MAIL FROM:<>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you", "250 <>... Sender ok"});
    add("MAIL parameters", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr> SIZE=2048 BODY=8BITMIME"},
        QStringList{kModernGreeting} + kModernEhloReply + QStringList{"250 2.1.0 Ok"});
    add("several recipients", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>",
         "RCPT TO:<carol@hamburger.edu>", "RCPT TO:<staff@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok"});
    add("a bare local part is ours", classic(),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "250 bob@hamburger.edu ... Recipient ok"});
    add("postmaster without a domain", modern(),
        {kModernEhlo, "MAIL FROM:<>", "RCPT TO:<Postmaster>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok"});
    add("a source route is ignored", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<@relay.org:bob@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok"});
    add("a trusted client may relay", modern([](ServerSetup &s) { s.config.trustedClient = true; }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<eve@elsewhere.org>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok"});
    add("NOOP and RSET", classic(),
        {"NOOP", "HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RSET",
         "RCPT TO: <bob@hamburger.edu>", "MAIL FROM: <alice@crepes.fr>", "NOOP hello"},
        {kClassicGreeting, "250 Ok", "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "250 Ok", "503 Need MAIL before RCPT",
         "250 alice@crepes.fr... Sender ok", "250 Ok"});
    add("modern NOOP and RSET", modern(), {"NOOP", "RSET"},
        {kModernGreeting, "250 2.0.0 Ok", "250 2.0.0 Ok"});
    add("HELO again resets the transaction", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "HELO crepes.fr",
         "RCPT TO:<bob@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 hamburger.edu", "503 5.5.1 Error: need MAIL command"});
    add("HELP", classic(), {"HELP"},
        {kClassicGreeting, "214-This is Carteiro, a mail server for the classroom",
         "214-Topics:", "214-    HELO    EHLO    MAIL    RCPT    DATA",
         "214-    RSET    NOOP    QUIT    HELP    VRFY", "214-    EXPN    TURN",
         "214-For more info use \"HELP <topic>\".", "214 End of HELP info"});
    add("HELP on a command", modern(), {"HELP mail"},
        {kModernGreeting, "214-2.0.0 MAIL FROM:<address>",
         "214-2.0.0     Start a mail transaction; <> is the sender of bounces.",
         "214 2.0.0 End of HELP info"});
    add("HELP on nothing known", classic(), {"HELP FOO"},
        {kClassicGreeting, "504 HELP topic unknown: FOO"});
    add("TURN", classic(), {"TURN"}, {kClassicGreeting, "502 TURN not implemented"});
    add("modern TURN", modern(), {"TURN"}, {kModernGreeting, "502 5.5.1 TURN not implemented"});
    add("QUIT before HELO", modern(), {"QUIT"}, {kModernGreeting, "221 2.0.0 Bye"});
    addRaw("bare LF from a terminal", classic(), "HELO crepes.fr\nNOOP\r\nQUIT\n",
           {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you", "250 Ok",
            "221 hamburger.edu closing connection"});
    add("nothing after QUIT is read", classic(), {"QUIT", "NOOP"},
        {kClassicGreeting, "221 hamburger.edu closing connection"});
}

void SmtpServerTest::commands()
{
    run();
}

// ----- 500, 501, 503, 550, relay, 530 -----

void SmtpServerTest::errors_data()
{
    columns();
    add("unknown command", classic(), {"FOO bar"},
        {kClassicGreeting, "500 Command unrecognized: \"FOO\""});
    add("modern unknown command", modern(), {"FOO bar", ""},
        {kModernGreeting, "500 5.5.2 Error: command not recognized",
         "500 5.5.2 Error: command not recognized"});
    add("HELO without a name", classic(), {"HELO", "EHLO "},
        {kClassicGreeting, "501 Syntax: HELO hostname", "501 Syntax: EHLO hostname"});
    add("MAIL without angle brackets", modern(),
        {kModernEhlo, "MAIL FROM:alice@crepes.fr", "MAIL FROM alice", "MAIL TO:<alice@crepes.fr>",
         "MAIL FROM:<alice@crepes.fr"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{
                "501 5.5.4 Syntax: MAIL FROM:<address>", "501 5.5.4 Syntax: MAIL FROM:<address>",
                "501 5.5.4 Syntax: MAIL FROM:<address>", "501 5.5.4 Syntax: MAIL FROM:<address>"});
    add("MAIL with a garbled address", modern(),
        {kModernEhlo, "MAIL FROM:<alice@@crepes.fr>", "MAIL FROM:<alice@crepes..fr>",
         "MAIL FROM:<al ice@crepes.fr>", "MAIL FROM:<alice@crepes.fr>junk"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{
                "501 5.1.7 Bad sender address syntax", "501 5.1.7 Bad sender address syntax",
                "501 5.1.7 Bad sender address syntax", "501 5.5.4 Syntax: MAIL FROM:<address>"});
    add("RCPT with a garbled or null address", classic(),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <>", "RCPT TO: bob",
         "RCPT TO: <bob@ham burger.edu>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "501 Bad recipient address syntax",
         "501 Syntax: RCPT TO:<address>", "501 Bad recipient address syntax"});
    add("arguments where none belong", modern(), {"DATA now", "RSET all", "TURN x"},
        {kModernGreeting, "501 5.5.4 Syntax: DATA", "501 5.5.4 Syntax: RSET",
         "501 5.5.4 Syntax: TURN"});
    add("bad MAIL parameters", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr> BODY=9BIT",
         "MAIL FROM:<alice@crepes.fr> SIZE=big", "MAIL FROM:<alice@crepes.fr> FOO=1",
         "MAIL FROM:<alice@crepes.fr> SIZE="},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"501 5.5.4 Bad BODY keyword: 9BIT", "501 5.5.4 Bad message size syntax",
                        "555 5.5.4 Unsupported option: FOO",
                        "501 5.5.4 Bad parameter syntax: SIZE="});
    add("MAIL before HELO", classic(), {"MAIL FROM: <alice@crepes.fr>"},
        {kClassicGreeting, "503 Polite people say HELO first"});
    add("modern MAIL before HELO", modern(),
        {"MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob>", "DATA"},
        {kModernGreeting, "503 5.5.1 Error: send HELO/EHLO first",
         "503 5.5.1 Error: send HELO/EHLO first", "503 5.5.1 Error: send HELO/EHLO first"});
    add("RCPT before MAIL", modern(), {kModernEhlo, "RCPT TO:<bob@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"503 5.5.1 Error: need MAIL command"});
    add("DATA before MAIL and before RCPT", classic(),
        {"HELO crepes.fr", "DATA", "MAIL FROM: <alice@crepes.fr>", "DATA"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you", "503 Need MAIL command",
         "250 alice@crepes.fr... Sender ok", "503 Need RCPT (recipient)"});
    add("modern DATA before RCPT", modern(),
        {kModernEhlo, "DATA", "MAIL FROM:<alice@crepes.fr>", "DATA"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"503 5.5.1 Error: need RCPT command", "250 2.1.0 Ok",
                        "503 5.5.1 Error: need RCPT command"});
    add("nested MAIL", classic(),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "MAIL FROM: <alice@crepes.fr>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "503 Sender already specified"});
    add("modern nested MAIL", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "MAIL FROM:<alice@crepes.fr>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "503 5.5.1 Error: nested MAIL command"});
    add("unknown local user", classic(),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <nobody@hamburger.edu>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "550 <nobody@hamburger.edu>... User unknown"});
    add("modern unknown local user", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<nobody@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok",
                        "550 5.1.1 <nobody@hamburger.edu>: Recipient address rejected: User "
                        "unknown in local recipient table"});
    add("relay denied", classic(),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <eve@elsewhere.org>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "550 <eve@elsewhere.org>... Relaying denied"});
    add("modern relay denied", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<eve@elsewhere.org>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "554 5.7.1 <eve@elsewhere.org>: Relay access denied"});
    add("authentication required", modernAuth([](ServerSetup &s) { s.config.requireAuth = true; }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>"},
        QStringList{kModernGreeting} + modernEhloReplyWithAuth() +
            QStringList{"530 5.7.0 Authentication required"});
    add("RCPT parameters are not offered", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu> NOTIFY=NEVER"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "555 5.5.4 Unsupported option: NOTIFY"});
}

void SmtpServerTest::errors()
{
    run();
}

// ----- RFC 5321 section 4.5.3 limits, and the error limit -----

void SmtpServerTest::limits_data()
{
    columns();
    // RFC 5321 section 4.5.3.1.4: 512 octets with the CRLF is the longest command line.
    const QString longest = QStringLiteral("NOOP ") + QString(505, u'x');
    const QString tooLong = QStringLiteral("NOOP ") + QString(506, u'x');
    QCOMPARE(wire({longest}).size(), 512);
    QCOMPARE(wire({tooLong}).size(), 513);
    add("512-octet command", classic(), {longest}, {kClassicGreeting, "250 Ok"});
    add("513-octet command", classic(), {tooLong, "NOOP"},
        {kClassicGreeting, "500 Line too long", "250 Ok"});
    add("modern 513-octet command", modern(), {tooLong, "NOOP"},
        {kModernGreeting, "500 5.5.0 Line too long", "250 2.0.0 Ok"});
    addRaw("an endless line", classic(), QByteArray(5000, 'x') + "\r\nNOOP\r\n",
           {kClassicGreeting, "500 Line too long", "250 Ok"});

    // RFC 5321 section 4.5.3.1.6: 1000 octets with the CRLF is the longest text line.
    const QStringList transaction = {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>",
                                     "RCPT TO: <bob@hamburger.edu>", "DATA"};
    const QStringList transactionReplies = {
        kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
        "250 alice@crepes.fr... Sender ok", "250 bob@hamburger.edu ... Recipient ok",
        "354 Enter mail, end with \".\" on a line by itself"};
    add("1000-octet text line", classic(), transaction + QStringList{QString(998, u'y'), "."},
        transactionReplies + QStringList{"250 Message accepted for delivery"});
    add("1001-octet text line", classic(),
        transaction + QStringList{QString(999, u'y'), "after", ".", "NOOP"},
        transactionReplies + QStringList{"500 Line too long", "250 Ok"});

    // RFC 5321 section 4.5.3.1.8: 100 recipients at least; the 101st gets 452.
    QStringList manyRecipients = {kModernEhlo, "MAIL FROM:<alice@crepes.fr>"};
    QStringList manyReplies = QStringList{kModernGreeting} + kModernEhloReply;
    manyReplies << "250 2.1.0 Ok";
    for (int i = 1; i <= 101; ++i) {
        manyRecipients << QStringLiteral("RCPT TO:<user%1@hamburger.edu>").arg(i);
        manyReplies << (i <= 100 ? QStringLiteral("250 2.1.5 Ok")
                                 : QStringLiteral("452 4.5.3 Error: too many recipients"));
    }
    manyRecipients << "DATA"
                   << "hi"
                   << ".";
    manyReplies << "354 End data with <CR><LF>.<CR><LF>"
                << "250 2.0.0 Ok: queued as C0FFEE1";
    add("452 after 100 recipients", modern(), manyRecipients, manyReplies);
    add("classic 452", classic([](ServerSetup &s) { s.config.maxRecipients = 1; }),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>",
         "RCPT TO: <carol@hamburger.edu>"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "250 bob@hamburger.edu ... Recipient ok",
         "452 Too many recipients"});

    // RFC 1870: a declared size over the limit is refused at MAIL, real data at the end.
    add("SIZE over the limit", modern(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr> SIZE=10485761",
         "MAIL FROM:<alice@crepes.fr> SIZE=99999999999999999999999"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"552 5.3.4 Message size exceeds fixed limit",
                        "552 5.3.4 Message size exceeds fixed limit"});
    const auto small = [](ServerSetup &s) { s.config.maxMessageSize = 40; };
    add("too much mail data", modern(small),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA",
         "0123456789012345678901234567890123456789", ".", "MAIL FROM:<alice@crepes.fr>",
         "RCPT TO:<bob@hamburger.edu>", "DATA", "short", "."},
        QStringList{kModernGreeting, "250-hamburger.edu", "250-SIZE 40"} + kModernEhloReply.mid(2) +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>",
                        "552 5.3.4 Error: message file too big", "250 2.1.0 Ok", "250 2.1.5 Ok",
                        "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as C0FFEE1"});
    add("classic too much mail data", classic(small),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>", "DATA",
         QString(50, u'z'), "."},
        transactionReplies.mid(0, 4) +
            QStringList{"354 Enter mail, end with \".\" on a line by itself",
                        "552 Too much mail data"});

    // Postfix's hard error limit: the 20th bad command is answered, then 421 and close.
    QStringList bad;
    QStringList badReplies = {kModernGreeting};
    for (int i = 0; i < 20; ++i) {
        bad << (i % 2 ? QStringLiteral("FOO") : QStringLiteral("RCPT TO:<bob@hamburger.edu>"));
        badReplies << (i % 2 ? QStringLiteral("500 5.5.2 Error: command not recognized")
                             : QStringLiteral("503 5.5.1 Error: send HELO/EHLO first"));
    }
    bad << "NOOP";
    badReplies << "421 4.7.0 hamburger.edu Error: too many errors";
    add("421 after too many errors", modern(), bad, badReplies);
    add("classic 421 after too many errors",
        classic([](ServerSetup &s) { s.config.hardErrorLimit = 3; }),
        {"HELO", "FOO", "HELO crepes.fr", "DATA", "NOOP"},
        {kClassicGreeting, "501 Syntax: HELO hostname", "500 Command unrecognized: \"FOO\"",
         "250 Hello crepes.fr, pleased to meet you", "503 Need MAIL command",
         "421 hamburger.edu Error: too many errors"});
}

void SmtpServerTest::limits()
{
    run();
}

// ----- VRFY and EXPN in their three modes (RFC 5321 sections 3.5.2, 3.5.3) -----

void SmtpServerTest::vrfyAndExpn_data()
{
    columns();
    add("VRFY answered", classic(),
        {"VRFY bob", "VRFY bob@hamburger.edu", "VRFY <Carol@hamburger.edu>", "VRFY nobody",
         "VRFY staff", "VRFY eve@elsewhere.org"},
        {kClassicGreeting, "250 Bob <bob@hamburger.edu>", "250 Bob <bob@hamburger.edu>",
         "250 Carol <carol@hamburger.edu>", "550 <nobody@hamburger.edu>... User unknown",
         "250 <staff@hamburger.edu>",
         "252 Cannot VRFY user, but will accept message and attempt delivery"});
    add("modern VRFY answered", modern(), {"VRFY bob", "VRFY nobody"},
        {kModernGreeting, "250 2.1.5 Bob <bob@hamburger.edu>",
         "550 5.1.1 <nobody@hamburger.edu>: Recipient address rejected: User unknown in local "
         "recipient table"});
    add("VRFY 252", classic([](ServerSetup &s) { s.config.vrfyMode = 252; }), {"VRFY bob"},
        {kClassicGreeting, "252 Cannot VRFY user, but will accept message and attempt delivery"});
    add("modern VRFY 252", modern([](ServerSetup &s) { s.config.vrfyMode = 252; }), {"VRFY bob"},
        {kModernGreeting,
         "252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery"});
    add("VRFY 502", classic([](ServerSetup &s) { s.config.vrfyMode = 502; }), {"VRFY bob"},
        {kClassicGreeting, "502 VRFY command is disabled"});
    add("modern VRFY 502", modern([](ServerSetup &s) { s.config.vrfyMode = 502; }), {"VRFY bob"},
        {kModernGreeting, "502 5.5.1 VRFY command is disabled"});
    add("VRFY without argument", classic(), {"VRFY"},
        {kClassicGreeting, "501 Syntax: VRFY address"});
    add("EXPN answered", classic(), {"EXPN staff", "EXPN <staff@hamburger.edu>", "EXPN bob"},
        {kClassicGreeting, "250-Bob <bob@hamburger.edu>", "250 Carol <carol@hamburger.edu>",
         "250-Bob <bob@hamburger.edu>", "250 Carol <carol@hamburger.edu>",
         "550 <bob@hamburger.edu>... Not a mailing list"});
    add("modern EXPN answered", modern(), {"EXPN staff"},
        {kModernGreeting, "250-2.1.5 Bob <bob@hamburger.edu>",
         "250 2.1.5 Carol <carol@hamburger.edu>"});
    add("EXPN 252", classic([](ServerSetup &s) { s.config.expnMode = 252; }), {"EXPN staff"},
        {kClassicGreeting, "252 Cannot EXPN list, but will accept message and attempt delivery"});
    add("EXPN 502 (the default)", classic([](ServerSetup &s) { s.config.expnMode = 502; }),
        {"EXPN staff"}, {kClassicGreeting, "502 EXPN command is disabled"});
    add("modern EXPN 502", modern([](ServerSetup &s) { s.config.expnMode = 502; }), {"EXPN staff"},
        {kModernGreeting, "502 5.5.1 EXPN command is disabled"});
}

void SmtpServerTest::vrfyAndExpn()
{
    run();
}

// ----- AUTH PLAIN and AUTH LOGIN (RFC 4954, RFC 4616) -----

void SmtpServerTest::authentication_data()
{
    columns();
    const QStringList hello = QStringList{kModernGreeting} + modernEhloReplyWithAuth();
    add("AUTH PLAIN, then relay", modernAuth(),
        {kModernEhlo, "AUTH PLAIN " + kPlainBob, "MAIL FROM:<bob@hamburger.edu>",
         "RCPT TO:<eve@elsewhere.org>"},
        hello + QStringList{"235 2.7.0 Authentication successful", "250 2.1.0 Ok", "250 2.1.5 Ok"});
    add("AUTH PLAIN with a wrong password", modernAuth(),
        {kModernEhlo, "AUTH PLAIN " + kPlainWrong, "MAIL FROM:<bob@hamburger.edu>",
         "RCPT TO:<eve@elsewhere.org>"},
        hello + QStringList{"535 5.7.8 Error: authentication failed: authentication failure",
                            "250 2.1.0 Ok", "554 5.7.1 <eve@elsewhere.org>: Relay access denied"});
    add("AUTH PLAIN with an empty challenge", modernAuth(), {kModernEhlo, "auth plain", kPlainBob},
        hello + QStringList{"334 ", "235 2.7.0 Authentication successful"});
    add("AUTH LOGIN", modernAuth(),
        {kModernEhlo, "AUTH LOGIN", base64("bob@hamburger.edu"), base64("ketchup")},
        hello + QStringList{"334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6",
                            "235 2.7.0 Authentication successful"});
    add("AUTH LOGIN with the user name at once", modernAuth(),
        {kModernEhlo, "AUTH LOGIN " + base64("bob@hamburger.edu"), base64("mustard")},
        hello + QStringList{"334 UGFzc3dvcmQ6",
                            "535 5.7.8 Error: authentication failed: authentication failure"});
    add("AUTH LOGIN cancelled", modernAuth(), {kModernEhlo, "AUTH LOGIN", "*", "NOOP"},
        hello +
            QStringList{"334 VXNlcm5hbWU6", "501 5.7.0 Authentication aborted", "250 2.0.0 Ok"});
    add("AUTH with bad base64", modernAuth(), {kModernEhlo, "AUTH PLAIN !!!!", "AUTH LOGIN", "@@"},
        hello + QStringList{"501 5.5.2 Cannot decode response", "334 VXNlcm5hbWU6",
                            "501 5.5.2 Cannot decode response"});
    add("AUTH with an unknown mechanism", modernAuth(), {kModernEhlo, "AUTH CRAM-MD5"},
        hello + QStringList{"504 5.5.4 Unrecognized authentication type"});
    add("AUTH before EHLO", modernAuth(), {"AUTH PLAIN " + kPlainBob},
        {kModernGreeting, "503 5.5.1 Error: send HELO/EHLO first"});
    add("AUTH twice", modernAuth(),
        {kModernEhlo, "AUTH PLAIN " + kPlainBob, "AUTH PLAIN " + kPlainBob},
        hello + QStringList{"235 2.7.0 Authentication successful",
                            "503 5.5.1 Error: already authenticated"});
    add("AUTH not offered", modern(), {kModernEhlo, "AUTH PLAIN " + kPlainBob},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"502 5.5.1 Error: authentication not enabled"});
    add("AUTH inside a transaction", modernAuth(),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "AUTH PLAIN " + kPlainBob},
        hello + QStringList{"250 2.1.0 Ok", "503 5.5.1 Error: MAIL transaction in progress"});
    add("submission requires AUTH first",
        modernAuth([](ServerSetup &s) { s.config.requireAuth = true; }),
        {kModernEhlo, "MAIL FROM:<bob@hamburger.edu>", "AUTH PLAIN " + kPlainBob,
         "MAIL FROM:<bob@hamburger.edu>"},
        hello + QStringList{"530 5.7.0 Authentication required",
                            "235 2.7.0 Authentication successful", "250 2.1.0 Ok"});
    add("classic EHLO with AUTH", classic([](ServerSetup &s) { s.config.offerAuth = true; }),
        {"EHLO crepes.fr", "AUTH PLAIN " + kPlainBob},
        {kClassicGreeting, "250-hamburger.edu Hello crepes.fr", "250 AUTH PLAIN LOGIN",
         "235 Authentication successful"});
}

void SmtpServerTest::authentication()
{
    run();
}

// ----- the backend's policy replies (injected faults) -----

void SmtpServerTest::policies_data()
{
    columns();
    add("connect refused with 554", modern([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Connect, {}, 554, "5.7.1",
                                 "hamburger.edu Service unavailable");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "QUIT"},
        {"554 5.7.1 hamburger.edu Service unavailable", "503 5.5.1 Error: bad sequence of commands",
         "503 5.5.1 Error: bad sequence of commands", "221 2.0.0 Bye"});
    add("connect refused with 421", classic([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Connect, {}, 421, "4.3.2",
                                 "hamburger.edu Service not available, closing transmission "
                                 "channel");
        }),
        {"HELO crepes.fr", "QUIT"},
        {"421 hamburger.edu Service not available, closing transmission channel"});
    add("HELO refused", modern([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Helo, "crepes.fr", 550, "5.7.1",
                                 "<crepes.fr>: Helo command rejected: Access denied");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>"},
        {kModernGreeting, "550 5.7.1 <crepes.fr>: Helo command rejected: Access denied",
         "503 5.5.1 Error: send HELO/EHLO first"});
    add("sender refused", modern([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Mail, "alice@crepes.fr", 553, "5.7.1",
                                 "<alice@crepes.fr>: Sender address rejected: Access denied");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"553 5.7.1 <alice@crepes.fr>: Sender address rejected: Access denied",
                        "503 5.5.1 Error: need MAIL command"});
    add("one recipient refused for now", modern([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Rcpt, "bob@hamburger.edu", 450, "4.2.1",
                                 "<bob@hamburger.edu>: Recipient address rejected: Mailbox busy");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA",
         "RCPT TO:<carol@hamburger.edu>", "DATA", "hi", "."},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok",
                        "450 4.2.1 <bob@hamburger.edu>: Recipient address rejected: Mailbox busy",
                        "503 5.5.1 Error: need RCPT command", "250 2.1.5 Ok",
                        "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as C0FFEE1"});
    add("DATA refused", classic([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Data, {}, 554, "5.7.1", "Transaction failed");
        }),
        {"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>", "DATA",
         "RSET"},
        {kClassicGreeting, "250 Hello crepes.fr, pleased to meet you",
         "250 alice@crepes.fr... Sender ok", "250 bob@hamburger.edu ... Recipient ok",
         "554 Transaction failed", "250 Ok"});
    add("421 in the middle closes", modern([](ServerSetup &s) {
            s.policies << policy(SmtpStage::Rcpt, {}, 421, "4.3.0",
                                 "hamburger.edu Error: queue file write error");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "NOOP"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "421 4.3.0 hamburger.edu Error: queue file write error"});
    add("the queue refuses the message", modern([](ServerSetup &s) {
            s.acceptFailure = SmtpReply(452, "<bob@hamburger.edu>: Mailbox full", "4.2.2");
        }),
        {kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA", "hi",
         ".", "MAIL FROM:<alice@crepes.fr>"},
        QStringList{kModernGreeting} + kModernEhloReply +
            QStringList{"250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>",
                        "452 4.2.2 <bob@hamburger.edu>: Mailbox full", "250 2.1.0 Ok"});
}

void SmtpServerTest::policies()
{
    run();
}

// ----- what reaches the backend -----

namespace {

struct Played
{
    QByteArray output;
    QList<FakeSmtpBackend::Accepted> accepted;
};

Played play(const ServerSetup &setup, const QByteArray &input, Feed mode)
{
    FakeSmtpBackend backend;
    backend.policies = setup.policies;
    SmtpServerSession session(setup.config, &backend);
    Played played;
    played.output = session.open() + feed(session, input, mode);
    played.accepted = backend.accepted;
    return played;
}

} // namespace

void SmtpServerTest::dotStuffingRemoved()
{
    QFETCH(int, mode);
    // RFC 5321 section 4.5.2: the client doubled each leading "."; the server takes one away.
    const Played played =
        play(modern(),
             wire({kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>",
                   "DATA", "Subject: dots", "", "..hidden", "...", "..", "a.b", "."}),
             Feed(mode));
    QCOMPARE(played.accepted.size(), 1);
    QCOMPARE(played.accepted.first().data,
             QByteArray("Subject: dots\r\n\r\n.hidden\r\n..\r\n.\r\na.b\r\n"));
}

void SmtpServerTest::severalTransactions()
{
    QFETCH(int, mode);
    const Played played =
        play(classic(),
             wire({"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>",
                   "DATA", "first", ".", "MAIL FROM: <carol@crepes.fr>",
                   "RCPT TO: <carol@hamburger.edu>", "RCPT TO: <bob@hamburger.edu>",
                   "RCPT TO: <BOB@hamburger.edu>", "DATA", "second", ".", "QUIT"}),
             Feed(mode));
    QCOMPARE(played.accepted.size(), 2);
    const SmtpEnvelope &first = played.accepted.at(0).envelope;
    QCOMPARE(first.heloName, QStringLiteral("crepes.fr"));
    QCOMPARE(first.extended, false);
    QCOMPARE(first.sender, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(first.recipients, QStringList{QStringLiteral("bob@hamburger.edu")});
    QCOMPARE(played.accepted.at(0).data, QByteArray("first\r\n"));
    const SmtpEnvelope &second = played.accepted.at(1).envelope;
    QCOMPARE(second.heloName, QStringLiteral("crepes.fr"));
    QCOMPARE(second.sender, QStringLiteral("carol@crepes.fr"));
    // The same mailbox named twice is delivered once.
    QCOMPARE(second.recipients, (QStringList{QStringLiteral("carol@hamburger.edu"),
                                             QStringLiteral("bob@hamburger.edu")}));
    QCOMPARE(played.accepted.at(1).data, QByteArray("second\r\n"));
    QCOMPARE(played.output.count("250 Message accepted for delivery\r\n"), 2);
}

void SmtpServerTest::bareLineFeedsNormalised()
{
    QFETCH(int, mode);
    const Played played = play(classic(),
                               "HELO crepes.fr\nMAIL FROM: <alice@crepes.fr>\n"
                               "RCPT TO: <bob@hamburger.edu>\nDATA\nline one\n..two\n.\n",
                               Feed(mode));
    QCOMPARE(played.accepted.size(), 1);
    QCOMPARE(played.accepted.first().data, QByteArray("line one\r\n.two\r\n"));
}

void SmtpServerTest::overlongTextLineRefusesMessage()
{
    QFETCH(int, mode);
    const Played played =
        play(classic(),
             wire({"HELO crepes.fr", "MAIL FROM: <alice@crepes.fr>", "RCPT TO: <bob@hamburger.edu>",
                   "DATA", QString(2000, u'y'), "."}),
             Feed(mode));
    QVERIFY(played.accepted.isEmpty());
    QVERIFY(played.output.endsWith("\r\n500 Line too long\r\n"));
}

void SmtpServerTest::oversizedMessageNotKept()
{
    ServerSetup setup = modern([](ServerSetup &s) { s.config.maxMessageSize = 1000; });
    FakeSmtpBackend backend;
    SmtpServerSession session(setup.config, &backend);
    session.open();
    session.receive(
        wire({kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>", "DATA"}));
    const QByteArray line = QByteArray(98, 'z') + "\r\n";
    for (int i = 0; i < 100; ++i)
        QVERIFY(session.receive(line).isEmpty());
    QCOMPARE(session.stage(), QStringLiteral("data"));
    QCOMPARE(session.receive(".\r\n"), QByteArray("552 5.3.4 Error: message file too big\r\n"));
    QVERIFY(backend.accepted.isEmpty());
    QCOMPARE(session.state(), SmtpServerSession::State::Ready);
}

void SmtpServerTest::rejectedRecipientLeftOut()
{
    ServerSetup setup = modern([](ServerSetup &s) {
        s.policies << policy(SmtpStage::Rcpt, "bob@hamburger.edu", 450, "4.2.1", "Mailbox busy");
    });
    FakeSmtpBackend backend;
    backend.policies = setup.policies;
    SmtpServerSession session(setup.config, &backend);
    session.open();
    session.receive(wire({kModernEhlo, "MAIL FROM:<alice@crepes.fr>", "RCPT TO:<bob@hamburger.edu>",
                          "RCPT TO:<nobody@hamburger.edu>", "RCPT TO:<carol@hamburger.edu>"}));
    QCOMPARE(session.envelope().recipients, QStringList{QStringLiteral("carol@hamburger.edu")});
    QCOMPARE(session.envelope().extended, true);
}

void SmtpServerTest::stagesFollowTheDialogue()
{
    FakeSmtpBackend backend;
    SmtpServerSession session(classic().config, &backend);
    QCOMPARE(session.stage(), QStringLiteral("connect"));
    session.open();
    QCOMPARE(session.stage(), QStringLiteral("connect"));
    QCOMPARE(session.state(), SmtpServerSession::State::Greeting);
    session.receive("HELO crepes.fr\r\n");
    QCOMPARE(session.stage(), QStringLiteral("helo"));
    QCOMPARE(session.state(), SmtpServerSession::State::Ready);
    session.receive("MAIL FROM: <alice@crepes.fr>\r\n");
    QCOMPARE(session.stage(), QStringLiteral("mail"));
    session.receive("RCPT TO: <bob@hamburger.edu>\r\n");
    QCOMPARE(session.stage(), QStringLiteral("rcpt"));
    session.receive("DATA\r\n");
    QCOMPARE(session.stage(), QStringLiteral("data"));
    session.receive("half a li");
    QCOMPARE(session.stage(), QStringLiteral("data"));
    session.receive("ne\r\n.\r\n");
    QCOMPARE(session.stage(), QStringLiteral("helo"));
    QCOMPARE(backend.accepted.size(), 1);
    session.receive("QUIT\r\n");
    QVERIFY(session.closing());
    QCOMPARE(session.state(), SmtpServerSession::State::Closed);
}

void SmtpServerTest::closedSessionIgnoresInput()
{
    FakeSmtpBackend backend;
    SmtpServerSession session(classic().config, &backend);
    QCOMPARE(session.open(), QByteArray("220 hamburger.edu\r\n"));
    QVERIFY(session.open().isEmpty());
    QCOMPARE(session.receive("QUIT\r\n"), QByteArray("221 hamburger.edu closing connection\r\n"));
    QVERIFY(session.receive("NOOP\r\n").isEmpty());
}

QTEST_GUILESS_MAIN(SmtpServerTest)
#include "tst_smtpserver.moc"
