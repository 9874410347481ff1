#include "core/smtp/smtpreply.h"

#include <QtTest>

using namespace carteiro::core;

Q_DECLARE_METATYPE(SmtpReply)

class SmtpReplyTest : public QObject
{
    Q_OBJECT

private slots:
    void toWire_data();
    void toWire();
    void toStringIsOneLine();
    void parse_data();
    void parse();
    void parseByteByByte_data() { parse_data(); }
    void parseByteByByte();
    void malformed_data();
    void malformed();
};

void SmtpReplyTest::toWire_data()
{
    QTest::addColumn<SmtpReply>("reply");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("plain") << SmtpReply(220, QStringLiteral("hamburger.edu"))
                           << QByteArray("220 hamburger.edu\r\n");
    QTest::newRow("enhanced") << SmtpReply(250, QStringLiteral("Ok"), QStringLiteral("2.1.0"))
                              << QByteArray("250 2.1.0 Ok\r\n");
    SmtpReply multi(250, QStringLiteral("hamburger.edu"));
    multi.lines << QStringLiteral("PIPELINING") << QStringLiteral("HELP");
    QTest::newRow("multi-line") << multi
                                << QByteArray(
                                       "250-hamburger.edu\r\n250-PIPELINING\r\n250 HELP\r\n");
    SmtpReply multiEnhanced(214, QStringLiteral("first"), QStringLiteral("2.0.0"));
    multiEnhanced.lines << QStringLiteral("last");
    QTest::newRow("multi-line enhanced")
        << multiEnhanced << QByteArray("214-2.0.0 first\r\n214 2.0.0 last\r\n");
    QTest::newRow("empty challenge") << SmtpReply(334, QString()) << QByteArray("334 \r\n");
    SmtpReply noLines;
    noLines.code = 250;
    QTest::newRow("no lines") << noLines << QByteArray("250 \r\n");
}

void SmtpReplyTest::toWire()
{
    QFETCH(SmtpReply, reply);
    QFETCH(QByteArray, wire);
    QCOMPARE(reply.toWire(), wire);
}

void SmtpReplyTest::toStringIsOneLine()
{
    QCOMPARE(
        SmtpReply(550, QStringLiteral("<x@y>: User unknown"), QStringLiteral("5.1.1")).toString(),
        QStringLiteral("550 5.1.1 <x@y>: User unknown"));
    SmtpReply multi(250, QStringLiteral("a"));
    multi.lines << QStringLiteral("b");
    QCOMPARE(multi.toString(), QStringLiteral("250 a b"));
}

void SmtpReplyTest::parse_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QStringList>("enhanced");
    QTest::addColumn<QList<QStringList>>("lines");
    QTest::newRow("one") << QByteArray("220 hamburger.edu\r\n") << QList<int>{220}
                         << QStringList{QString()}
                         << QList<QStringList>{{QStringLiteral("hamburger.edu")}};
    QTest::newRow("enhanced taken out")
        << QByteArray("250-2.0.0 first\r\n250 2.0.0 last\r\n") << QList<int>{250}
        << QStringList{QStringLiteral("2.0.0")}
        << QList<QStringList>{{QStringLiteral("first"), QStringLiteral("last")}};
    QTest::newRow("EHLO then pipelined")
        << QByteArray("250-hamburger.edu\r\n250-SIZE 100\r\n250 HELP\r\n250 2.1.0 Ok\r\n354 go\r\n")
        << QList<int>{250, 250, 354} << QStringList{QString(), QStringLiteral("2.1.0"), QString()}
        << QList<QStringList>{{QStringLiteral("hamburger.edu"), QStringLiteral("SIZE 100"),
                               QStringLiteral("HELP")},
                              {QStringLiteral("Ok")},
                              {QStringLiteral("go")}};
    QTest::newRow("code only and bare LF")
        << QByteArray("250\n334 \r\n") << QList<int>{250, 334} << QStringList{QString(), QString()}
        << QList<QStringList>{{QString()}, {QString()}};
    QTest::newRow("class digit must match")
        << QByteArray("250 5.1.1 odd\r\n") << QList<int>{250} << QStringList{QString()}
        << QList<QStringList>{{QStringLiteral("5.1.1 odd")}};
}

static void checkParsed(SmtpReplyParser &parser)
{
    QFETCH(QList<int>, codes);
    QFETCH(QStringList, enhanced);
    QFETCH(QList<QStringList>, lines);
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const std::optional<SmtpReply> reply = parser.next();
        QVERIFY(reply);
        QCOMPARE(reply->code, codes.at(i));
        QCOMPARE(reply->enhanced, enhanced.at(i));
        QCOMPARE(reply->lines, lines.at(i));
    }
    QVERIFY(!parser.next());
}

void SmtpReplyTest::parse()
{
    QFETCH(QByteArray, wire);
    SmtpReplyParser parser;
    parser.feed(wire);
    checkParsed(parser);
}

void SmtpReplyTest::parseByteByByte()
{
    QFETCH(QByteArray, wire);
    SmtpReplyParser parser;
    for (char byte : wire)
        parser.feed(QByteArray(1, byte));
    checkParsed(parser);
}

void SmtpReplyTest::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("text") << QByteArray("hello there\r\n");
    QTest::newRow("short") << QByteArray("25\r\n");
    QTest::newRow("bad separator") << QByteArray("250_x\r\n");
    QTest::newRow("code changes mid-reply") << QByteArray("250-a\r\n251 b\r\n");
    QTest::newRow("endless line") << QByteArray(5000, '2') + "\r\n";
}

void SmtpReplyTest::malformed()
{
    QFETCH(QByteArray, wire);
    SmtpReplyParser parser;
    parser.feed(wire + "221 bye\r\n");
    const std::optional<SmtpReply> bad = parser.next();
    QVERIFY(bad);
    QCOMPARE(bad->code, 0);
    QVERIFY(!bad->isValid());
    // The parser recovers at the next line.
    const std::optional<SmtpReply> next = parser.next();
    QVERIFY(next);
    QCOMPARE(next->code, 221);
}

QTEST_GUILESS_MAIN(SmtpReplyTest)
#include "tst_smtpreply.moc"
