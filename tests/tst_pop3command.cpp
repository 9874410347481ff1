#include "core/pop3/pop3command.h"
#include "core/pop3/pop3reply.h"

#include <QtTest>

using namespace carteiro::core;

Q_DECLARE_METATYPE(carteiro::core::Pop3Verb)
Q_DECLARE_METATYPE(carteiro::core::Pop3CommandError)

namespace {

// The lines the framer makes of `bytes`, fed whole or one byte at a time; an over-long line
// shows as "<too long>".
QByteArrayList frame(const QByteArray &bytes, bool byByte, int maxLine)
{
    Pop3LineFramer framer(maxLine);
    if (byByte) {
        for (char byte : bytes)
            framer.feed(QByteArray(1, byte));
    } else {
        framer.feed(bytes);
    }
    QByteArrayList lines;
    while (const auto line = framer.next())
        lines.append(line->tooLong ? QByteArray("<too long>") : line->text);
    return lines;
}

QList<Pop3Reply> readReplies(const QByteArray &bytes, const QList<bool> &expectations, bool byByte)
{
    Pop3ReplyReader reader;
    for (bool multiline : expectations)
        reader.expect(multiline);
    if (byByte) {
        for (char byte : bytes)
            reader.feed(QByteArray(1, byte));
    } else {
        reader.feed(bytes);
    }
    QList<Pop3Reply> replies;
    while (const auto reply = reader.next())
        replies.append(*reply);
    return replies;
}

} // namespace

class TestPop3Command : public QObject
{
    Q_OBJECT

private slots:
    void framing_data();
    void framing();
    void parse_data();
    void parse();
    void replyWireForm();
    void messageLines();
    void replyReader();
};

void TestPop3Command::framing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxLine");
    QTest::addColumn<QByteArrayList>("lines");

    QTest::newRow("crlf") << QByteArray("STAT\r\nQUIT\r\n") << 255
                          << QByteArrayList{"STAT", "QUIT"};
    QTest::newRow("bare lf") << QByteArray("STAT\nQUIT\n") << 255 << QByteArrayList{"STAT", "QUIT"};
    QTest::newRow("partial line waits")
        << QByteArray("STAT\r\nQU") << 255 << QByteArrayList{"STAT"};
    QTest::newRow("empty line") << QByteArray("\r\n") << 255 << QByteArrayList{""};
    QTest::newRow("cr inside a line is kept")
        << QByteArray("a\rb\r\n") << 255 << QByteArrayList{"a\rb"};
    // RFC 2449 section 4: 255 octets with the CRLF is the most a command line may have.
    QTest::newRow("255 octets with crlf") << QByteArray(253, 'x') + "\r\n"
                                          << 255 << QByteArrayList{QByteArray(253, 'x')};
    QTest::newRow("256 octets with crlf") << QByteArray(254, 'x') + "\r\nNOOP\r\n"
                                          << 255 << QByteArrayList{"<too long>", "NOOP"};
    QTest::newRow("over-long line reported once") << QByteArray(1000, 'x') + "\nNOOP\n"
                                                  << 255 << QByteArrayList{"<too long>", "NOOP"};
    QTest::newRow("no limit") << QByteArray(1000, 'x') + "\n"
                              << 0 << QByteArrayList{QByteArray(1000, 'x')};
}

void TestPop3Command::framing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxLine);
    QFETCH(QByteArrayList, lines);
    QCOMPARE(frame(bytes, false, maxLine), lines);
    QCOMPARE(frame(bytes, true, maxLine), lines);
}

void TestPop3Command::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Pop3CommandError>("error");
    QTest::addColumn<Pop3Verb>("verb");
    QTest::addColumn<QByteArrayList>("arguments");
    QTest::addColumn<QList<quint32>>("numbers");

    using E = Pop3CommandError;
    using V = Pop3Verb;
    const QByteArrayList none;
    const QList<quint32> noNumbers;

    // Valid: every command, keywords in any case (RFC 1939 section 3).
    QTest::newRow("user") << QByteArray("USER ana") << E::None << V::User << QByteArrayList{"ana"}
                          << noNumbers;
    QTest::newRow("user lower case")
        << QByteArray("user ana") << E::None << V::User << QByteArrayList{"ana"} << noNumbers;
    QTest::newRow("pass keeps spaces") << QByteArray("PASS open  sesame ") << E::None << V::Pass
                                       << QByteArrayList{"open  sesame "} << noNumbers;
    QTest::newRow("quit") << QByteArray("QUIT") << E::None << V::Quit << none << noNumbers;
    QTest::newRow("stat") << QByteArray("Stat") << E::None << V::Stat << none << noNumbers;
    QTest::newRow("list") << QByteArray("LIST") << E::None << V::List << none << noNumbers;
    QTest::newRow("list n") << QByteArray("LIST 2") << E::None << V::List << QByteArrayList{"2"}
                            << QList<quint32>{2};
    QTest::newRow("retr") << QByteArray("retr 10") << E::None << V::Retr << QByteArrayList{"10"}
                          << QList<quint32>{10};
    QTest::newRow("dele") << QByteArray("DELE 1") << E::None << V::Dele << QByteArrayList{"1"}
                          << QList<quint32>{1};
    QTest::newRow("noop") << QByteArray("NOOP") << E::None << V::Noop << none << noNumbers;
    QTest::newRow("rset") << QByteArray("RSET") << E::None << V::Rset << none << noNumbers;
    QTest::newRow("top") << QByteArray("TOP 1 0") << E::None << V::Top << QByteArrayList{"1", "0"}
                         << QList<quint32>{1, 0};
    QTest::newRow("uidl") << QByteArray("UIDL") << E::None << V::Uidl << none << noNumbers;
    QTest::newRow("uidl n") << QByteArray("UIDL 4294967295") << E::None << V::Uidl
                            << QByteArrayList{"4294967295"} << QList<quint32>{4294967295u};
    QTest::newRow("capa") << QByteArray("CAPA") << E::None << V::Capa << none << noNumbers;
    QTest::newRow("extra blanks forgiven") << QByteArray("  TOP\t1  2 ") << E::None << V::Top
                                           << QByteArrayList{"1", "2"} << QList<quint32>{1, 2};
    QTest::newRow("40 character argument") << "USER " + QByteArray(40, 'a') << E::None << V::User
                                           << QByteArrayList{QByteArray(40, 'a')} << noNumbers;

    // Invalid.
    QTest::newRow("empty") << QByteArray("") << E::EmptyLine << V::Noop << none << noNumbers;
    QTest::newRow("blank") << QByteArray(" \t ") << E::EmptyLine << V::Noop << none << noNumbers;
    QTest::newRow("unknown") << QByteArray("HELO x") << E::UnknownCommand << V::Noop << none
                             << noNumbers;
    QTest::newRow("apop is not offered")
        << QByteArray("APOP ana 0123") << E::UnknownCommand << V::Noop << none << noNumbers;
    QTest::newRow("keyword too long")
        << QByteArray("STATS") << E::UnknownCommand << V::Noop << none << noNumbers;
    QTest::newRow("keyword too short")
        << QByteArray("ST") << E::UnknownCommand << V::Noop << none << noNumbers;
    QTest::newRow("user without name")
        << QByteArray("USER") << E::MissingArgument << V::Noop << none << noNumbers;
    QTest::newRow("pass without password")
        << QByteArray("PASS") << E::MissingArgument << V::Noop << none << noNumbers;
    QTest::newRow("user with two names")
        << QByteArray("USER ana maria") << E::TooManyArguments << V::Noop << none << noNumbers;
    QTest::newRow("stat with argument")
        << QByteArray("STAT 1") << E::TooManyArguments << V::Noop << none << noNumbers;
    QTest::newRow("top without lines")
        << QByteArray("TOP 1") << E::MissingArgument << V::Noop << none << noNumbers;
    QTest::newRow("list two numbers")
        << QByteArray("LIST 1 2") << E::TooManyArguments << V::Noop << none << noNumbers;
    QTest::newRow("retr word") << QByteArray("RETR one") << E::InvalidNumber << V::Noop << none
                               << noNumbers;
    QTest::newRow("retr negative")
        << QByteArray("RETR -1") << E::InvalidNumber << V::Noop << none << noNumbers;
    QTest::newRow("retr overflow")
        << QByteArray("RETR 4294967296") << E::InvalidNumber << V::Noop << none << noNumbers;
    QTest::newRow("41 character argument")
        << "USER " + QByteArray(41, 'a') << E::ArgumentTooLong << V::Noop << none << noNumbers;
}

void TestPop3Command::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(Pop3CommandError, error);
    QFETCH(Pop3Verb, verb);
    QFETCH(QByteArrayList, arguments);
    QFETCH(QList<quint32>, numbers);

    // Once as a string, once through the framer fed one byte at a time.
    QList<Pop3ParseResult> results{parsePop3Command(line)};
    Pop3LineFramer framer;
    for (char byte : line + "\r\n")
        framer.feed(QByteArray(1, byte));
    const auto framed = framer.next();
    QVERIFY(framed);
    results.append(parsePop3Line(*framed));

    for (const Pop3ParseResult &result : results) {
        QCOMPARE(result.error, error);
        QCOMPARE(result.isValid(), error == Pop3CommandError::None);
        if (!result.isValid())
            continue;
        QCOMPARE(result.command->verb, verb);
        QCOMPARE(result.command->keyword, pop3VerbKeyword(verb));
        QCOMPARE(result.command->arguments, arguments);
        QCOMPARE(result.command->numbers, numbers);
    }
}

void TestPop3Command::replyWireForm()
{
    QCOMPARE(Pop3Reply::positive().toWire(), QByteArray("+OK\r\n"));
    QCOMPARE(Pop3Reply::positive("2 320").toWire(), QByteArray("+OK 2 320\r\n"));
    QCOMPARE(Pop3Reply::negative("no such message").toWire(),
             QByteArray("-ERR no such message\r\n"));
    QCOMPARE(Pop3Reply::listing("2 messages", {"1 120", ".x", "."}).toWire(),
             QByteArray("+OK 2 messages\r\n1 120\r\n..x\r\n..\r\n.\r\n"));
    QCOMPARE(Pop3Reply::listing({}, {}).toWire(), QByteArray("+OK\r\n.\r\n"));
}

void TestPop3Command::messageLines()
{
    QCOMPARE(pop3MessageLines("a\r\nb\r\n"), (QByteArrayList{"a", "b"}));
    QCOMPARE(pop3MessageLines("a\nb"), (QByteArrayList{"a", "b"}));
    QCOMPARE(pop3MessageLines("a\r\n\r\n"), (QByteArrayList{"a", ""}));
    QCOMPARE(pop3MessageLines(""), QByteArrayList());
    QCOMPARE(pop3CanonicalMessage("a\nb"), QByteArray("a\r\nb\r\n"));
    QCOMPARE(pop3CanonicalMessage("a\r\nb\r\n"), QByteArray("a\r\nb\r\n"));
}

void TestPop3Command::replyReader()
{
    const QByteArray bytes = "+OK POP3 server ready\r\n"
                             "+OK 2 messages\r\n1 10\r\n2 20\r\n.\r\n"
                             "-ERR no such message\r\n"
                             "+OK 5 octets\r\n..hidden\r\n..\r\n\r\n.\r\n"
                             "nonsense\r\n";
    // The greeting, LIST, RETR 9, RETR 1, then whatever came last.
    const QList<bool> expectations{false, true, true, true, false};
    for (bool byByte : {false, true}) {
        const QList<Pop3Reply> replies = readReplies(bytes, expectations, byByte);
        QCOMPARE(replies.size(), 5);
        QVERIFY(replies.at(0).ok);
        QCOMPARE(replies.at(0).text, QByteArray("POP3 server ready"));
        QVERIFY(!replies.at(0).multiline);
        QCOMPARE(replies.at(1).lines, (QByteArrayList{"1 10", "2 20"}));
        // A -ERR answers a multi-line command in one line (RFC 1939 section 3).
        QVERIFY(!replies.at(2).ok);
        QCOMPARE(replies.at(2).statusLine(), QByteArray("-ERR no such message"));
        QCOMPARE(replies.at(3).lines, (QByteArrayList{".hidden", ".", ""}));
        QVERIFY(replies.at(4).malformed);
        QVERIFY(!replies.at(4).ok);
    }
}

QTEST_GUILESS_MAIN(TestPop3Command)
#include "tst_pop3command.moc"
